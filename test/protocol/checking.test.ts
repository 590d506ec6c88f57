/**
 * Diagnostics, quick fixes, references across a workspace folder, workspace symbols and
 * code lenses, through the real server over stdio.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FileChangeType,
  ReferencesRequest,
  LSPErrorCodes,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { loadCorpus } from '../../server/src/core/load';
import { ROOT, hoverText, startServer, type TestServer } from './client';

const RENDERING = resolve(ROOT, 'data', 'documents', 'crp-43.md');
const RENDERING_URI = pathToFileURL(RENDERING).toString();
const paper = loadCorpus(resolve(ROOT, 'data', 'documents')).paper('CRP/43')!;
/** Zero-based line of a paragraph in the rendering. */
const lineOf = (n: number) => paper.paragraph(n)!.line;

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  return change && 'edits' in change ? (change.edits as TextEdit[]) : [];
}

const DRAFT = ['# Draft', '', 'The call for action (CRP/43 §28) and the ranges CRP/43 §§21–19.', 'Code: `CRP/43 §0` and CRP/44 §99 are fine.'].join('\n');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('publishDiagnostics', () => {
  it.each([
    ['en', 'CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.', 'This range runs backwards: 21 comes after 19.'],
    ['fr', 'Le document CRP/43 n’a pas de paragraphe 28 : ses paragraphes vont de 1 à 27.', 'Cette plage est inversée : 21 vient après 19.'],
    ['es', 'El documento CRP/43 no tiene párrafo 28: sus párrafos van del 1 al 27.', 'Este intervalo está invertido: 21 va después de 19.'],
  ])('reports each broken citation on its exact span, in %s', async (locale, unknown, reversed) => {
    server = await startServer({ locale, initializationOptions: { diagnosticsDebounceMs: 0 } });
    server.open('file:///draft.md', DRAFT);
    const diagnostics = await server.diagnostics('file:///draft.md');
    expect(diagnostics).toEqual([
      { range: { start: { line: 2, character: 29 }, end: { line: 2, character: 31 } }, severity: 1, code: 'crp-cite.unknown-paragraph', source: 'crp-cite', message: unknown },
      { range: { start: { line: 2, character: 57 }, end: { line: 2, character: 62 } }, severity: 1, code: 'crp-cite.reversed-range', source: 'crp-cite', message: reversed },
    ]);
  });

  it('follows edits: typing a broken citation reports it; fixing it clears it; the last push is for the last version', async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 20 } });
    const uri = 'file:///typing.md';
    server.open(uri, 'Intro.\n\nSee ');
    expect(await server.diagnostics(uri)).toEqual([]);
    const typed = 'CRP/43 §6(d)';
    for (let i = 0; i < typed.length; i++) {
      server.change(uri, [{ range: { start: { line: 2, character: 4 + i }, end: { line: 2, character: 4 + i } }, text: typed[i]! }]);
    }
    const after = await server.diagnostics(uri);
    expect(after.map((d) => [d.code, d.range.start.character, d.range.end.character])).toEqual([['crp-cite.unknown-sub-paragraph', 12, 16]]);
    expect(server.published.at(-1)!.version).toBe(1 + typed.length);
    server.change(uri, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 15 } }, text: 'c' }]);
    expect(await server.diagnostics(uri)).toEqual([]);
    // Every push carried the version current when it was sent, in increasing order.
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('honours silencing comments and clears diagnostics when the document closes', async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 0 } });
    const uri = 'file:///silenced.md';
    server.open(uri, '<!-- crp-cite-disable-next-line -->\nCRP/43 §28\nCRP/43 §29');
    expect((await server.diagnostics(uri)).map((d) => d.range.start.line)).toEqual([2]);
    server.close(uri);
    expect(await server.diagnostics(uri)).toEqual([]);
  });

  it('republishes in the new language when the writer switches, and clears when diagnostics are turned off', async () => {
    server = await startServer({ locale: 'en', initializationOptions: { diagnosticsDebounceMs: 0 } });
    server.open('file:///draft.md', DRAFT);
    expect((await server.diagnostics('file:///draft.md'))[0]!.message).toMatch(/^CRP\/43 has no paragraph 28/);
    void server.connection.sendNotification('crpCite/didChangeSettings', { language: 'es', diagnostics: true });
    expect((await server.diagnostics('file:///draft.md'))[0]!.message).toMatch(/^El documento CRP\/43 no tiene párrafo 28/);
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { diagnostics: { enable: false } } } });
    expect(await server.diagnostics('file:///draft.md')).toEqual([]);
  });

  it('answers pull diagnostics when the client asks for them', async () => {
    server = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    expect(server.initializeResult.capabilities.diagnosticProvider).toMatchObject({ identifier: 'crp-cite' });
    server.open('file:///draft.md', DRAFT);
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///draft.md' } });
    expect(report.kind).toBe('full');
    expect('items' in report && (report.items as Diagnostic[]).map((d) => d.code)).toEqual(['crp-cite.unknown-paragraph', 'crp-cite.reversed-range']);
  });

  const pullingClient = { textDocument: { diagnostic: { dynamicRegistration: false } } };
  const pull = (uri: string, previousResultId?: string, token?: CancellationToken) =>
    server!.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }, token);

  it('answers a pull "unchanged" when the client has these diagnostics already, as after most keystrokes', async () => {
    server = await startServer({ capabilities: pullingClient });
    const uri = 'file:///draft.md';
    server.open(uri, DRAFT);
    const first = await pull(uri);
    expect(first).toMatchObject({ kind: 'full', resultId: expect.any(String) });
    expect(await pull(uri, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // A letter typed in prose on the last line: nothing the writer sees changes.
    const last = DRAFT.split('\n').length - 1;
    server.change(uri, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: 'x' }]);
    expect(await pull(uri, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // A new broken citation: the whole report, under a new id.
    server.change(uri, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: 'CRP/43 §40 ' }]);
    const third = await pull(uri, first.resultId);
    expect(third.kind).toBe('full');
    expect(third.resultId).not.toBe(first.resultId);
    expect('items' in third && third.items.map((d) => d.code)).toContain('crp-cite.unknown-paragraph');
    expect('items' in third && third.items).toHaveLength(3);
    // A client that lost its copy (no id) gets the whole report.
    expect((await pull(uri)).kind).toBe('full');
  });

  /** A 3 MB hard-wrapped draft: its first check takes hundreds of slices. */
  const large = Array.from({ length: 12_000 }, (_, i) => `Paragraph ${i}: as CRP/43 §${(i % 27) + 1} says, and paragraphs 3 to 5 of CRP/43,\nwith CRP/43 §${(i % 30) + 1}(a) and CRP/43, par. ${(i % 27) + 1} too; “the Dialogue”.\n`).join('\n');

  it('answers a hover on a large draft just opened while the pull that came first is still checking it', async () => {
    server = await startServer({ capabilities: pullingClient });
    const uri = 'file:///large.md';
    server.open(uri, large);
    const answered: string[] = [];
    const pulled = pull(uri).then((r) => {
      answered.push('pull');
      return r;
    });
    const hovered = server.hover(uri, { line: 0, character: 22 }).then((h) => {
      answered.push('hover');
      return h;
    });
    expect(hoverText(await hovered)).toContain('Paragraph 1**');
    const report = await pulled;
    expect(answered).toEqual(['hover', 'pull']);
    expect('items' in report && report.items.length).toBeGreaterThan(1000);
  });

  it('stops checking when the client cancels its pull', async () => {
    server = await startServer({ capabilities: pullingClient });
    const uri = 'file:///large.md';
    server.open(uri, large);
    // Once the draft is open (a hover answered), the pull starts checking as soon as it comes.
    await server.hover(uri, { line: 0, character: 22 });
    const cancel = new CancellationTokenSource();
    const pulled = pull(uri, undefined, cancel.token);
    setTimeout(() => cancel.cancel(), 50);
    await expect(pulled).rejects.toMatchObject({ code: LSPErrorCodes.ServerCancelled, data: { retriggerRequest: true } });
    // Asked again, it finishes: the slices already checked are not lost.
    expect((await pull(uri)).kind).toBe('full');
  });
});

describe('code actions', () => {
  const ask = (s: TestServer, uri: string, line: number, from: number, to: number, diagnostics: Diagnostic[] = [], only?: string[]) =>
    s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line, character: from }, end: { line, character: to } },
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  it.each([
    ['en', 'Change to §27', 'Swap to §§19–21'],
    ['fr', 'Remplacer par §27', 'Remettre dans l’ordre : §§19–21'],
    ['es', 'Cambiar por §27', 'Poner en orden: §§19–21'],
  ])('repair the reported citations, in %s', async (language, change, swap) => {
    server = await startServer({ initializationOptions: { language, diagnosticsDebounceMs: 0 } });
    server.open('file:///draft.md', DRAFT);
    const diagnostics = await server.diagnostics('file:///draft.md');
    const fixes = await ask(server, 'file:///draft.md', 2, 29, 29, diagnostics);
    const first = fixes[0]!;
    expect(first.title.startsWith(`${change} (`)).toBe(true);
    expect(first.kind).toBe('quickfix');
    expect(first.diagnostics).toEqual([diagnostics[0]]);
    expect(applyEdits(DRAFT, editsOf(first)).split('\n')[2]).toBe('The call for action (CRP/43 §27) and the ranges CRP/43 §§21–19.');
    const [swapFix] = await ask(server, 'file:///draft.md', 2, 57, 62, [diagnostics[1]!]);
    expect(swapFix!.title).toBe(swap);
    expect(swapFix!.isPreferred).toBe(true);
    expect(applyEdits(DRAFT, editsOf(swapFix!)).split('\n')[2]).toBe('The call for action (CRP/43 §28) and the ranges CRP/43 §§19–21.');
  });

  it('offer the style source action from the setting', async () => {
    server = await startServer({ initializationOptions: { language: 'fr', settings: { citationStyle: 'local' } } });
    const text = 'Voir CRP/43 §6 et CRP/43 §§11–12.';
    server.open('file:///note.md', text);
    const actions = await ask(server, 'file:///note.md', 0, 0, 0, [], ['source']);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Écrire toutes les citations du fichier avec « par. »', 'source.normalizeCitations.crpCite']]);
    expect(applyEdits(text, editsOf(actions[0]!))).toBe('Voir CRP/43, par. 6 et CRP/43, par. 11–12.');
  });
});

describe('the workspace', () => {
  let folder: string;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'crp-cite-ws-'));
    writeFileSync(join(folder, 'open.md'), 'We cite CRP/43 §12 here.\n');
    writeFileSync(join(folder, 'closed.md'), '# Closed\n\nPriorities in CRP/43 §§11–14 and CRP/43, par. 16.\n');
    writeFileSync(join(folder, 'notes.md'), 'The agenda is in CRP/43, notes 2 and 3, and again in footnote 2 of CRP/43.\n');
    mkdirSync(join(folder, 'build'));
    writeFileSync(join(folder, 'build', 'copy.md'), 'A generated copy: CRP/43 §12.\n');
    writeFileSync(join(folder, '.gitignore'), 'build/\n');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const references = (s: TestServer, uri: string, line: number, character: number, includeDeclaration = false) =>
    s.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } }) as Promise<Location[]>;

  it('finds references in files that are not open, inside ranges, skipping ignored files; reports indexing progress', async () => {
    server = await startServer({ workspaceFolders: [folder], capabilities: { window: { workDoneProgress: true } } });
    server.open(uriOf('open.md'), 'We cite CRP/43 §12 here.\n');
    const found = await references(server, uriOf('open.md'), 0, 17);
    expect(found.map((l) => [l.uri, l.range.start.line, l.range.start.character, l.range.end.character])).toEqual([
      [uriOf('closed.md'), 2, 23, 28],
      [uriOf('open.md'), 0, 16, 18],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    // The end of the work-done progress may follow the answer: wait for it, then check it began first.
    while (!server.progress.some((p) => p.value.kind === 'end')) await new Promise((r) => setImmediate(r));
    expect(server.progress[0]!.value).toMatchObject({ kind: 'begin', title: 'Indexing Markdown files for citations' });
  });

  it('finds references from a paragraph’s line in the rendering, open edits overriding the disk', async () => {
    server = await startServer({ workspaceFolders: [folder] });
    server.open(uriOf('open.md'), 'Now we cite CRP/43 §16 instead.\n');
    const line16 = lineOf(16);
    const found = await references(server, RENDERING_URI, line16, 3, true);
    expect(found.map((l) => [l.uri, l.range.start.line])).toEqual([
      [RENDERING_URI, line16],
      ...[[uriOf('closed.md'), 2], [uriOf('open.md'), 0]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
  });

  it('picks up a file created on disk when the client reports it', async () => {
    server = await startServer({ workspaceFolders: [folder] });
    expect(await references(server, RENDERING_URI, lineOf(20), 0)).toHaveLength(0);
    writeFileSync(join(folder, 'new.md'), 'Evidence: CRP/43 §§17–21.\n');
    void server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('new.md'), type: FileChangeType.Created }] });
    const found = await references(server, RENDERING_URI, lineOf(20), 0);
    expect(found.map((l) => l.uri)).toEqual([uriOf('new.md')]);
    rmSync(join(folder, 'new.md'));
  });

  it('follows workspace folders added and removed while it runs', async () => {
    const other = mkdtempSync(join(tmpdir(), 'crp-cite-ws2-'));
    try {
      writeFileSync(join(other, 'elsewhere.md'), 'From another folder: CRP/43 §12.\n');
      const s = await startServer({ workspaceFolders: [folder], capabilities: { workspace: { workspaceFolders: true }, window: { workDoneProgress: true } } });
      server = s;
      const citing12 = async () => (await references(s, RENDERING_URI, lineOf(12), 0)).map((l) => l.uri).sort();
      expect(await citing12()).toEqual([uriOf('closed.md'), uriOf('open.md')]);
      const folderOf = (path: string) => ({ uri: pathToFileURL(path).toString(), name: basename(path) });
      void s.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folderOf(other)], removed: [] } });
      const elsewhere = pathToFileURL(join(other, 'elsewhere.md')).toString();
      expect(await citing12()).toEqual([uriOf('closed.md'), uriOf('open.md'), elsewhere].sort());
      void s.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folderOf(folder)] } });
      expect(await citing12()).toEqual([elsewhere]);
      // Each indexing pass that began ends, an overtaken one too: no progress is left spinning.
      const count = (kind: string) => s.progress.filter((p) => p.value.kind === kind).length;
      while (count('end') < 3) await new Promise((r) => setImmediate(r));
      expect([count('begin'), count('end')]).toEqual([3, 3]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it.each([
    ['en', 'Cited 2 times in this workspace', 'Not cited in this workspace'],
    ['fr', 'Cité 2 fois dans cet espace de travail', 'Cité nulle part dans cet espace de travail'],
    ['es', 'Citado 2 veces en este espacio de trabajo', 'Sin citas en este espacio de trabajo'],
  ])('shows how often each paragraph and footnote is cited on the rendering, in %s', async (language, twice, never) => {
    server = await startServer({ workspaceFolders: [folder], initializationOptions: { language } });
    await references(server, RENDERING_URI, 0, 0);
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: RENDERING_URI } }))!;
    expect(lenses).toHaveLength(27 + 5);
    const at = (line: number) => lenses.find((l) => l.range.start.line === line)!.command!.title;
    expect(at(lineOf(12))).toBe(twice); // §12: open.md on disk and closed.md's range
    expect(at(lineOf(1))).toBe(never); // §1
    expect(at(paper.footnote(2)!.line)).toBe(twice); // notes.md, twice, in both orders
    expect(at(paper.footnote(1)!.line)).toBe(never);
    // A note is not its paragraph: 5 is cited nowhere.
    expect(at(lineOf(5))).toBe(never);
  });

  it('finds the citations of a footnote from its line in the rendering', async () => {
    server = await startServer({ workspaceFolders: [folder] });
    const found = await references(server, RENDERING_URI, paper.footnote(3)!.line, 0);
    expect(found.map((l) => [l.uri, l.range.start.line])).toEqual([[uriOf('notes.md'), 0]]);
  });
});

describe('symbols', () => {
  it.each(['en', 'fr', 'es'])('finds paragraphs by words and numbers (%s)', async (locale) => {
    server = await startServer({ locale });
    const iris = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'IRIS' })) as SymbolInformation[];
    expect(iris).toHaveLength(1);
    expect(iris[0]!.name).toMatch(/^CRP\/43 §16 — .*\(IRIS\)/);
    expect(iris[0]!.location).toEqual({ uri: RENDERING_URI, range: { start: { line: lineOf(16), character: 0 }, end: { line: lineOf(16), character: 0 } } });
    const byNumber = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '24(b)' })) as SymbolInformation[];
    expect(byNumber.map((s) => s.name.split(' — ')[0])).toEqual(['CRP/43 §24(b)']);
  });

  it('outlines the paper’s rendering and nothing else', async () => {
    server = await startServer();
    const outline = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: RENDERING_URI } })) as DocumentSymbol[];
    expect(outline.map((s) => s.name)).toEqual(['Introduction', 'Overview', 'Building on the High-level Dialogue consensus', 'Outcomes influencing IOM as an institution', 'Conclusion']);
    expect(outline[0]!.children!.map((s) => s.name.slice(0, 3))).toEqual(['1. ', '2. ']);
    server.open('file:///draft.md', DRAFT);
    expect(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///draft.md' } })).toBeNull();
  });
});
