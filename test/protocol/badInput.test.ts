/**
 * Bad data and bad settings, through the real server: a broken data file is reported once,
 * clearly, in the writer's language, naming the file and the problem, and what is valid
 * keeps being served; an invalid setting falls back to its default with a warning; text
 * in the data that looks like HTML or links comes out inert in hovers and completion.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completionItems, hoverText, ROOT, startServer, type TestServer } from './client';

const DATA = resolve(ROOT, 'data', 'documents');
const paperJson = () => JSON.parse(readFileSync(join(DATA, 'crp-43.json'), 'utf8')) as {
  symbol: string;
  title: string;
  paragraphs: Array<{ number: number; text: string; subParagraphs: Array<{ letter: string; text: string }> }>;
  footnotes: Array<{ number: number; marker: string; text: string; calledFrom: { paragraph: number }; line: number }>;
};

/** Polls until `condition` holds, failing after `ms`; no fixed sleeps. */
async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const folders: string[] = [];
function dataFolder(files: Record<string, string | null>): string {
  const folder = mkdtempSync(join(tmpdir(), 'crp-data-'));
  folders.push(folder);
  copyFileSync(join(DATA, 'crp-43.md'), join(folder, 'crp-43.md'));
  for (const [name, content] of Object.entries(files)) {
    // `null`: a folder named like a data file, which no one can read as a file (even as root).
    if (content === null) mkdirSync(join(folder, name));
    else writeFileSync(join(folder, name), content);
  }
  return folder;
}

afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('broken data files', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const broken = () => {
    const duplicate = paperJson();
    duplicate.symbol = 'CRP/45';
    duplicate.paragraphs[1]!.number = duplicate.paragraphs[0]!.number;
    const invalid = paperJson() as unknown as Record<string, unknown>;
    delete invalid.title;
    return dataFolder({
      'crp-43.json': readFileSync(join(DATA, 'crp-43.json'), 'utf8'),
      'corrupt.json': '{"symbol": "CRP/44", "paragraphs": [',
      'invalid.json': JSON.stringify(invalid),
      'duplicate.json': JSON.stringify(duplicate),
      'unreadable.json': null,
    });
  };

  it('gives one clear error per file, naming it and the problem, and keeps serving the valid paper', async () => {
    const folder = broken();
    server = await startServer({ initializationOptions: { dataPath: folder } });
    const errors = () => server!.messages.filter((m) => m.type === 1).map((m) => m.message);
    await waitFor(() => errors().length >= 4);
    const about = (file: string) => errors().filter((m) => m.includes(join(folder, file)));
    expect(about('corrupt.json')).toHaveLength(1);
    expect(about('corrupt.json')[0]).toMatch(/could not be loaded: it is not valid JSON \(.+\)/);
    expect(about('invalid.json')).toHaveLength(1);
    expect(about('invalid.json')[0]).toMatch(/does not follow the format of paper data \(title: .+\)/);
    expect(about('duplicate.json')).toHaveLength(1);
    expect(about('duplicate.json')[0]).toMatch(/paragraphs\[1\]\.number: paragraph number 1 appears twice/);
    expect(about('unreadable.json')).toHaveLength(1);
    expect(about('unreadable.json')[0]).toMatch(/the file cannot be read \(.*EISDIR/);
    expect(errors()).toHaveLength(4);

    server.open('file:///draft.md', 'As CRP/43 §6(a) says.');
    expect(hoverText(await server.hover('file:///draft.md', { line: 0, character: 11 }))).toContain('Paragraph 6');
    expect(server.process.exitCode).toBeNull();
  });

  it('says it in the writer’s language', async () => {
    server = await startServer({ locale: 'es', initializationOptions: { dataPath: broken() } });
    const errors = () => server!.messages.filter((m) => m.type === 1).map((m) => m.message);
    await waitFor(() => errors().length >= 4);
    expect(errors().some((m) => /No se pudo cargar el archivo de datos .*corrupt\.json: no es un JSON válido/.test(m))).toBe(true);
    expect(errors().some((m) => /invalid\.json: su contenido no sigue el formato/.test(m))).toBe(true);
    expect(errors().some((m) => /unreadable\.json: no se puede leer el archivo/.test(m))).toBe(true);
  });
});

describe('invalid settings', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('fall back to their defaults with a warning in the writer’s language', async () => {
    server = await startServer({
      locale: 'fr',
      initializationOptions: { language: 42, diagnosticsDebounceMs: -5, maxDocumentSize: 'big', settings: { citationStyle: 'weird', diagnostics: 'yes' } },
    });
    const warnings = () => server!.messages.filter((m) => m.type === 2).map((m) => m.message);
    await waitFor(() => warnings().length >= 5);
    expect(warnings()).toEqual(
      expect.arrayContaining([
        'Le paramètre crpCite.language a une valeur non valide (42) ; « fr » est utilisé à la place.',
        'Le paramètre diagnosticsDebounceMs a une valeur non valide (-5) ; « 150 » est utilisé à la place.',
        'Le paramètre crpCite.citationStyle a une valeur non valide ("weird") ; « section » est utilisé à la place.',
        'Le paramètre crpCite.diagnostics.enable a une valeur non valide ("yes") ; « true » est utilisé à la place.',
        expect.stringMatching(/^Le paramètre crpCite\.maxDocumentSize a une valeur non valide \("big"\)/),
      ]),
    );
    // Still serving, in French, with diagnostics on.
    const diagnostics = server.diagnostics('file:///draft.md');
    server.open('file:///draft.md', 'Voir CRP/43 §6 et CRP/43 §99.');
    expect(hoverText(await server.hover('file:///draft.md', { line: 0, character: 13 }))).toContain('Paragraphe 6');
    expect((await diagnostics).map((d) => d.code)).toEqual(['crp-cite.unknown-paragraph']);

    // At run time too: the language goes back to the client's.
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { language: 'es' } } });
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { language: ['en'] } } });
    await waitFor(() => warnings().length >= 6);
    expect(warnings()[5]).toBe('Le paramètre crpCite.language a une valeur non valide (["en"]) ; « fr » est utilisé à la place.');
    expect(hoverText(await server.hover('file:///draft.md', { line: 0, character: 13 }))).toContain('Paragraphe 6');
    // `auto`, valid in VS Code's settings, is valid in any editor's: the editor's locale.
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { language: 'es' } } });
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { language: 'auto' } } });
    expect(hoverText(await server.hover('file:///draft.md', { line: 0, character: 13 }))).toContain('Paragraphe 6');
    expect(warnings()).toHaveLength(6);
    expect(server.process.exitCode).toBeNull();
  });
});

describe('text in the data that looks like markup', () => {
  const INJECTIONS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[quit](command:workbench.action.quit)',
    '[click](javascript:alert(1))',
    '<javascript:alert(1)>',
    '![pixel](https://tracker.example/p.png)',
    '[ref][evil]\n\n[evil]: command:workbench.action.quit',
    '<a href="command:workbench.action.quit">x</a>',
    '&lt;script&gt;',
  ];
  let server: TestServer;
  beforeAll(async () => {
    const paper = paperJson();
    const six = paper.paragraphs.find((p) => p.number === 6)!;
    six.text = `${six.text} ${INJECTIONS.join(' ')}`;
    six.subParagraphs[0]!.text = INJECTIONS.join(' ');
    paper.title = `<script>alert('title')</script> [t](command:x)`;
    paper.footnotes.push({ ...paper.footnotes[0]!, number: 99, marker: '<img src=x onerror=alert(2)>', text: INJECTIONS.join(' '), calledFrom: { paragraph: 6 } });
    server = await startServer({ initializationOptions: { dataPath: dataFolder({ 'crp-43.json': JSON.stringify(paper) }) } });
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Worst case: a renderer that allows raw HTML and every link scheme. */
  function render(markdown: string): string {
    const md = new MarkdownIt({ html: true, linkify: true });
    md.validateLink = () => true;
    return md.render(markdown);
  }

  function expectInert(markdown: string): void {
    const html = render(markdown);
    expect(html).not.toMatch(/<script|<img|<a href="command:/i);
    expect(html).not.toMatch(/href="(?:command|javascript):/i);
    expect(html).not.toMatch(/src="https:\/\/tracker/);
    // The words are still there, as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }

  it('comes out escaped in hovers, with the paragraph’s words intact', async () => {
    server.open('file:///inject.md', 'See CRP/43 §6 and CRP/43 §6(a).');
    const paragraph = hoverText(await server.hover('file:///inject.md', { line: 0, character: 12 }));
    expect(paragraph).toContain('Paragraph 6');
    expectInert(paragraph);
    expect(render(paragraph)).toContain('[quit](command:workbench.action.quit)');
    expectInert(hoverText(await server.hover('file:///inject.md', { line: 0, character: 28 })));
  });

  it('comes out escaped in completion documentation', async () => {
    server.open('file:///complete.md', 'See CRP/43 §');
    const items = completionItems(await server.completion('file:///complete.md', { line: 0, character: 12 }));
    const six = items.find((i) => i.label === '6')!;
    const doc = six.documentation as { kind: string; value: string };
    expect(doc.kind).toBe('markdown');
    expectInert(doc.value);
    server.open('file:///symbol.md', 'See CRP/');
    const symbols = completionItems(await server.completion('file:///symbol.md', { line: 0, character: 8 }));
    for (const item of symbols) {
      const html = render((item.documentation as { value: string }).value);
      expect(html).not.toMatch(/<script|href="command:/);
    }
    expect(symbols.length).toBeGreaterThan(0);
  });
});
