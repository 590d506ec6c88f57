/**
 * Smoke test of the e2e harness itself, independent of the real extension:
 * a throwaway plain-JS extension (hover, diagnostic + quick fix, webview view,
 * command, setting) is generated into a temp folder and installed by copying.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  applyQuickFix,
  clickText,
  editorText,
  hoverText,
  openFile,
  problems,
  runCommand,
  screenshot,
  startWorkbench,
  waitFor,
  webviewFrame,
  type Workbench,
} from './harness';

const EXT_PACKAGE = {
  name: 'e2e-smoke',
  publisher: 'crp-e2e',
  version: '0.0.1',
  engines: { vscode: '^1.90.0' },
  main: './extension.js',
  activationEvents: ['onLanguage:markdown'],
  contributes: {
    commands: [{ command: 'smoke.showView', title: 'Smoke: Show View' }],
    configuration: { properties: { 'smoke.greeting': { type: 'string', default: 'default' } } },
    views: { explorer: [{ type: 'webview', id: 'smoke.view', name: 'Smoke View' }] },
  },
};

const EXT_JS = String.raw`
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.languages.registerHoverProvider('markdown', {
    provideHover(doc, pos) {
      const range = doc.getWordRangeAtPosition(pos);
      if (!range) return undefined;
      const greeting = vscode.workspace.getConfiguration('smoke').get('greeting');
      return new vscode.Hover(new vscode.MarkdownString('SMOKE-HOVER ' + greeting + ' word=' + doc.getText(range)), range);
    },
  }));
  const diags = vscode.languages.createDiagnosticCollection('smoke');
  const lint = (doc) => {
    if (doc.languageId !== 'markdown') return;
    const out = [];
    doc.getText().split('\n').forEach((line, i) => {
      const c = line.indexOf('TODO');
      if (c >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, c, i, c + 4), 'SMOKE-DIAG: TODO left in draft', vscode.DiagnosticSeverity.Warning);
        d.source = 'smoke';
        out.push(d);
      }
    });
    diags.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(lint);
  context.subscriptions.push(diags,
    vscode.workspace.onDidOpenTextDocument(lint),
    vscode.workspace.onDidChangeTextDocument((e) => lint(e.document)));
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider('markdown', {
    provideCodeActions(doc, range, ctx) {
      return ctx.diagnostics.filter((d) => d.source === 'smoke').map((d) => {
        const a = new vscode.CodeAction('Replace TODO with DONE', vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, d.range, 'DONE');
        a.diagnostics = [d];
        return a;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  context.subscriptions.push(vscode.window.registerWebviewViewProvider('smoke.view', {
    resolveWebviewView(view) {
      view.webview.options = { enableScripts: true };
      view.webview.html = '<!doctype html><html><body><h1 id="smoke-title">SMOKE-WEBVIEW</h1>' +
        '<button id="ping">ping</button><div id="out"></div><script>' +
        'const api = acquireVsCodeApi();' +
        'document.getElementById("ping").onclick = () => api.postMessage("ping");' +
        'window.addEventListener("message", (e) => { document.getElementById("out").textContent = e.data; });' +
        '</script></body></html>';
      view.webview.onDidReceiveMessage((m) => { if (m === 'ping') view.webview.postMessage('pong from extension host'); });
    },
  }));
  context.subscriptions.push(vscode.commands.registerCommand('smoke.showView', () =>
    vscode.commands.executeCommand('smoke.view.focus')));
};
exports.deactivate = () => {};
`;

describe('e2e harness smoke (code-server + Chromium)', () => {
  let wb: Workbench | undefined;
  let tmp = '';

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crp-cite-smoke-'));
    const extDir = path.join(tmp, 'ext');
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(extDir);
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(extDir, 'package.json'), JSON.stringify(EXT_PACKAGE, null, 2));
    fs.writeFileSync(path.join(extDir, 'extension.js'), EXT_JS);
    fs.writeFileSync(
      path.join(workspace, 'draft.md'),
      '# Draft\n\nHello citations of the paper.\n\nTODO check page numbers.\n',
    );
    const t0 = Date.now();
    wb = await startWorkbench({
      vsixOrExtensionDir: extDir,
      workspaceDir: workspace,
      userSettings: { 'smoke.greeting': 'first' },
    });
    console.log(`workbench up in ${Date.now() - t0} ms at ${wb.url}`);
  });

  after(async () => {
    await wb?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('hovers a word and shows the extension hover', async () => {
    const { page } = wb!;
    await openFile(page, 'draft.md');
    const text = await hoverText(page, 'citations', { contains: 'SMOKE-HOVER', timeout: 60_000 });
    assert.match(text, /SMOKE-HOVER first word=citations/);
    await screenshot(page, 'smoke-hover');
    await wb!.waitForActivation('crp-e2e.e2e-smoke', 10_000);
  });

  it('applies runtime changes of user and workspace settings', async () => {
    await wb!.writeUserSettings({ 'smoke.greeting': 'second' });
    let text = await hoverText(wb!.page, 'paper', { contains: 'SMOKE-HOVER second', timeout: 30_000 });
    assert.match(text, /word=paper/);
    wb!.writeWorkspaceSettings({ 'smoke.greeting': 'third' });
    text = await hoverText(wb!.page, 'paper', { contains: 'SMOKE-HOVER third', timeout: 30_000 });
    assert.match(text, /word=paper/);
  });

  it('lists the diagnostic in Problems and applies its quick fix', async () => {
    const { page } = wb!;
    const rows = await problems(page);
    assert.ok(rows.some((r) => r.includes('SMOKE-DIAG')), `problems: ${JSON.stringify(rows)}`);
    await screenshot(page, 'smoke-problems');
    await clickText(page, 'TODO');
    await applyQuickFix(page, 'Replace TODO with DONE');
    await waitFor('the quick fix edit', async () => (await editorText(page)).includes('DONE check page numbers'));
  });

  it('runs a command and talks to a webview view', async () => {
    const { page } = wb!;
    await runCommand(page, 'Smoke: Show View');
    const frame = await webviewFrame(page, '#smoke-title');
    assert.equal(await frame.locator('#smoke-title').innerText(), 'SMOKE-WEBVIEW');
    await frame.locator('#ping').click();
    await frame.locator('#out', { hasText: 'pong from extension host' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'smoke-webview');
  });
});
