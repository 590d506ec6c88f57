/**
 * Drafts no writer means to write but an editor may open: 20 MB, one 5 MB line, 100,000
 * citations on a line, 1,000 nested lists, 900 KB of `](((`. Each request is answered
 * (bounded by the test timeout, no timing assertions) and the server's memory stays
 * bounded. A document over `crpCite.maxDocumentSize` gets one diagnostic that says why it
 * is not checked, while hover and go to definition still work around the cursor.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completionItems, hoverText, startServer, type TestServer } from './client';

/** The server's resident memory in MB, from /proc (Linux); undefined elsewhere. */
function residentMb(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Generous: the server holds a 20 MB draft as text (and the JSON it came in) at most. Each
 * draft gets its own server: V8 returns the garbage of one pathological draft to the system
 * lazily, so one server opening them all in turn measured 930–1,070 MB of resident memory
 * with about 110 MB of live heap (`--trace-gc`), a figure about the collector, not about us.
 */
const MEMORY_BOUND_MB = 1024;

const CASES: Array<{ name: string; text: string; cursor: number }> = (() => {
  const longLine = 'word CRP/43 §6 '.repeat(Math.ceil(5e6 / 15));
  const citations = 'CRP/43 §6(a) '.repeat(100_000);
  const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}, CRP/43 §${(i % 27) + 1}`).join('\n');
  const brackets = `CRP/43 §6 ${']((('.repeat(225_000)}`;
  const ticks = `CRP/43 §6 ${'`a``b<a '.repeat(120_000)}`;
  return [
    { name: 'a single 5 MB line', text: longLine, cursor: longLine.indexOf('§', 2_500_000) + 1 },
    { name: '100,000 citations on one line', text: citations, cursor: citations.indexOf('§', 650_000) + 1 },
    { name: '1,000 nested lists', text: nested, cursor: nested.indexOf('§') + 1 },
    { name: 'a 900 KB run of `](((`', text: brackets, cursor: 8 },
    { name: 'a 1 MB run of backticks and unclosed tags', text: ticks, cursor: 8 },
  ];
})();

describe('pathological drafts', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 0 } });
  });
  afterEach(async () => {
    await server.stop();
  });

  it.each(CASES)('$name: hover, definition, completion, references, code actions and diagnostics answer', { timeout: 60_000 }, async ({ name, text, cursor }) => {
    const uri = `file:///pathological/${encodeURIComponent(name)}.md`;
    const diagnostics = server.diagnostics(uri);
    server.open(uri, text);
    const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
    const position = { line: text.slice(0, lineStart).split('\n').length - 1, character: cursor - lineStart };
    const textDocument = { uri };
    expect(hoverText(await server.hover(uri, position))).toMatch(/Paragraph \d+/);
    expect(await server.definition(uri, position)).not.toBeNull();
    expect(completionItems(await server.completion(uri, position)).length).toBeGreaterThan(0);
    expect(await server.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: false } })).not.toBeNull();
    // Every citation of these drafts is right: no repair to offer, nothing to report.
    expect(await server.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } })).toEqual([]);
    expect(await diagnostics).toEqual([]);
    // An edit in the middle is absorbed too.
    server.change(uri, [{ range: { start: position, end: position }, text: '1' }]);
    expect(hoverText(await server.hover(uri, position))).toMatch(/Paragraph \d+/);
    server.close(uri);
    expect(server.process.exitCode).toBeNull();
    const rss = residentMb(server.process.pid);
    if (rss !== undefined) expect(rss).toBeLessThan(MEMORY_BOUND_MB);
  });
});

describe('a draft over crpCite.maxDocumentSize', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 0 } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('20 MB: one information diagnostic says why it is not checked; hover, definition and completion still work', { timeout: 60_000 }, async () => {
    const paragraph = 'Some prose citing CRP/43 §6(a) and CRP/43, par. 99 in passing.\n\n';
    const text = paragraph.repeat(Math.ceil(20e6 / paragraph.length));
    const uri = 'file:///pathological/huge.md';
    const diagnostics = server.diagnostics(uri);
    server.open(uri, text);
    const found = await diagnostics;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 3, code: 'crp-cite.document-too-large' });
    expect(found[0]!.message).toContain('crpCite.maxDocumentSize');
    expect(found[0]!.message).toContain((text.length).toLocaleString('en'));

    const line = 2 * 150_000;
    const six = paragraph.indexOf('§6') + 1;
    const ninetyNine = paragraph.indexOf('99');
    expect(await server.hover(uri, { line, character: six })).toMatchObject({ range: { start: { line, character: six }, end: { line, character: six + 1 } } });
    expect(hoverText(await server.hover(uri, { line, character: six }))).toContain('Paragraph 6');
    expect(hoverText(await server.hover(uri, { line, character: ninetyNine }))).toContain('no paragraph 99');
    expect(await server.definition(uri, { line, character: six })).toMatchObject([{ originSelectionRange: { start: { line, character: six } } }]);
    expect(completionItems(await server.completion(uri, { line, character: six })).length).toBeGreaterThan(0);
    expect(await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } })).toBeNull();

    // Cut back under the limit (the range's end is past the text, and clamped): checked again, the unknown paragraph 99 found.
    const rest = server.diagnostics(uri);
    server.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 10_000_000, character: 0 } }, text: '' }]);
    const after = await rest;
    expect(after.map((d) => d.code)).toEqual(['crp-cite.unknown-paragraph']);
    server.close(uri);
    expect(server.process.exitCode).toBeNull();
    const rss = residentMb(server.process.pid);
    if (rss !== undefined) expect(rss).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('the limit is a setting: a small one degrades a small draft, in the writer’s language', { timeout: 30_000 }, async () => {
    const fr = await startServer({ locale: 'fr', initializationOptions: { maxDocumentSize: 100, diagnosticsDebounceMs: 0 } });
    try {
      const uri = 'file:///pathological/small.md';
      const diagnostics = fr.diagnostics(uri);
      fr.open(uri, `${'Texte. '.repeat(20)}CRP/43 §6 et CRP/43 §99.`);
      const found = await diagnostics;
      expect(found.map((d) => d.code)).toEqual(['crp-cite.document-too-large']);
      expect(found[0]!.message).toContain('crpCite.maxDocumentSize');
      expect(found[0]!.message).toMatch(/brouillon/);
      expect(hoverText(await fr.hover(uri, { line: 0, character: 148 }))).toContain('Paragraphe 6');
      // Raised at run time: the draft is checked in full again.
      const rechecked = fr.diagnostics(uri);
      void fr.connection.sendNotification('workspace/didChangeConfiguration', { settings: { crpCite: { maxDocumentSize: 1_000_000 } } });
      expect((await rechecked).map((d) => d.code)).toEqual(['crp-cite.unknown-paragraph']);
    } finally {
      await fr.stop();
    }
  });
});
