/**
 * The extension inside VS Code: the same answers as the protocol tests, through VS Code's
 * own provider commands, plus the panel's view and the commands being registered, and a
 * live language switch. A tiny runner (no mocha): each check runs in order, with a bound.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

type Check = [name: string, run: () => Promise<void>];

/** Polls until `probe` returns a value, up to `ms`: the server starts asynchronously. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the language server');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'draft.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const at = (needle: string, delta = 0) => doc.positionAt(doc.getText().indexOf(needle) + delta);
  const hoverAt = (position: vscode.Position) =>
    vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);

  const checks: Check[] = [
    [
      'the extension activates on Markdown',
      async () => {
        const extension = vscode.extensions.getExtension('crp-cite.crp-cite');
        assert.ok(extension, 'the extension is installed');
        await extension.activate();
        assert.equal(extension.isActive, true);
      },
    ],
    [
      'hover on §16 shows paragraph 16',
      async () => {
        const text = await eventually(async () => {
          const t = hoverText(await hoverAt(at('§16', 2)));
          return t.includes('16') ? t : undefined;
        });
        assert.match(text, /Paragraph 16/);
        assert.match(text, /recruitment/i);
      },
    ],
    [
      'hover on the 8 of §§6–8 shows paragraph 8',
      async () => assert.match(hoverText(await hoverAt(at('6–8', 2))), /Paragraph 8/),
    ],
    [
      'go to definition opens the rendering at the paragraph’s line',
      async () => {
        const links = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, at('§16', 2));
        assert.equal(links.length, 1);
        const link = links[0]!;
        const target = 'targetUri' in link ? link.targetUri : link.uri;
        const range = 'targetRange' in link ? link.targetRange : link.range;
        assert.match(target.path, /data\/documents\/crp-43\.md$/);
        const rendering = await vscode.workspace.openTextDocument(target);
        assert.match(rendering.lineAt(range.start.line).text, /^\*\*16\.\*\* /);
      },
    ],
    [
      'completion after CRP/43 §2 offers 2 and 20–27',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at('CRP/43 §2', 9));
        const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        for (const n of [2, 20, 21, 22, 23, 24, 25, 26, 27]) assert.ok(labels.includes(String(n)), `offers ${n}: ${labels.join(' ')}`);
      },
    ],
    [
      'the commands and the panel’s view are registered',
      async () => {
        const commands = await vscode.commands.getCommands(true);
        for (const id of ['crpCite.insertCitation', 'crpCite.openPaper', 'crpCite.revealInPanel', 'crpCite.showPanel', 'crpCite.panel.focus']) {
          assert.ok(commands.includes(id), id);
        }
        await vscode.commands.executeCommand('crpCite.showPanel');
      },
    ],
    [
      'Insert citation with an argument inserts the citation at the cursor',
      async () => {
        const editor = await vscode.window.showTextDocument(doc);
        const end = doc.lineAt(doc.lineCount - 1).range.end;
        editor.selection = new vscode.Selection(end, end);
        await vscode.commands.executeCommand('crpCite.insertCitation', { paragraph: 24, subParagraph: 'b' });
        assert.match(doc.lineAt(doc.lineCount - 1).text, /CRP\/43 §24\(b\)$/);
        await vscode.commands.executeCommand('undo');
      },
    ],
    [
      'switching crpCite.language to French translates hovers at once',
      async () => {
        const config = vscode.workspace.getConfiguration('crpCite');
        await config.update('language', 'fr', vscode.ConfigurationTarget.Global);
        try {
          await eventually(async () => (hoverText(await hoverAt(at('§16', 2))).includes('Paragraphe 16') ? true : undefined), 5_000);
        } finally {
          await config.update('language', undefined, vscode.ConfigurationTarget.Global);
        }
      },
    ],
  ];

  const failures: string[] = [];
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`  ✓ ${name}`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✗ ${name}\n    ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  // A runner that cannot see the extension host's console (code-server's, test/e2e) reads this.
  if (process.env.CRP_CITE_SUITE_RESULTS) {
    writeFileSync(process.env.CRP_CITE_SUITE_RESULTS, JSON.stringify({ checks: checks.map(([name]) => name), failures }));
  }
  if (failures.length > 0) throw new Error(`${failures.length} of ${checks.length} checks failed`);
}
