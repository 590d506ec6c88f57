/**
 * The forms UN and IOM writers use, through the real server over stdio, with a client that
 * pulls diagnostics as VS Code does: mark-first citations, UN letters, footnotes and short
 * forms answer hover and definition; what is not read is said, at information level.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DocumentDiagnosticRequest, type Diagnostic, type LocationLink } from 'vscode-languageserver-protocol';
import { positionAt } from '../fixtures/cursor';
import { hoverText, ROOT, startServer, type TestServer } from './client';

const paper = JSON.parse(readFileSync(join(ROOT, 'data', 'documents', 'crp-43.json'), 'utf8')) as {
  paragraphs: Array<{ number: number; line: number; subParagraphs: Array<{ letter: string; line: number }> }>;
  footnotes: Array<{ number: number; line: number }>;
};

const DRAFT = [
  '# Note de synthèse',
  '',
  'Comme l’indique le paragraphe 9 du document CRP/43, l’Administration agit.',
  'Le groupe de travail (CRP/43, par. 24 a)) examinera la question ; voir aussi',
  'CRP/43, note 2, et la page citée (CRP/43, p. 3).',
  '',
  '[^1]: CRP/43, par. 6.',
  '[^2]: Ibid., par. 7.',
  '[^3]: Ibid.',
  '',
].join('\n');
const URI = 'file:///note-fr.md';

describe('UN editorial style, through the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'fr', capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    server.open(URI, DRAFT);
  });
  afterAll(() => server.stop());

  const at = (needle: string, shift = 0) => positionAt(DRAFT, DRAFT.indexOf(needle) + shift);
  const definitionLine = async (needle: string, shift = 0) => {
    const links = (await server.definition(URI, at(needle, shift))) as LocationLink[];
    expect(links).toHaveLength(1);
    return links[0]!.targetRange.start.line;
  };

  it.each([
    ['paragraphe 9 du', 11, 'Paragraphe 9', paper.paragraphs.find((p) => p.number === 9)!.line],
    ['24 a))', 3, 'Alinéa a) du paragraphe 24', paper.paragraphs.find((p) => p.number === 24)!.subParagraphs.find((s) => s.letter === 'a')!.line],
    ['note 2', 5, 'Note de bas de page 2', paper.footnotes.find((f) => f.number === 2)!.line],
    ['Ibid., par. 7', 11, 'Paragraphe 7', paper.paragraphs.find((p) => p.number === 7)!.line],
    ['Ibid.\n', 1, 'Paragraphe 7', paper.paragraphs.find((p) => p.number === 7)!.line],
  ])('hover and definition on %j', async (needle, shift, title, line) => {
    expect(hoverText(await server.hover(URI, at(needle, shift)))).toContain(`CRP/43 · ${title}`);
    expect(await definitionLine(needle, shift)).toBe(line);
  });

  it('pulled diagnostics: nothing on what is read, information on the page it does not read', async () => {
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
    const items = ('items' in report ? report.items : []) as Diagnostic[];
    expect(items.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['crp-cite.unread-citation', DiagnosticSeverity.Information, '« p. 3 » n’est pas lu comme une citation : la pagination change d’une version linguistique à l’autre. Citez les paragraphes (CRP/43, par. 6).'],
    ]);
    expect(items[0]!.range).toEqual({ start: at('p. 3'), end: at('p. 3', 4) });
  });
});

describe('a quotation cited in a Markdown footnote, through the server', () => {
  let server: TestServer;
  const uri = 'file:///report-en.md';
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the report cites CRP/43 §${(i % 27) + 1}.`).join('\n\n');
  const text = `The paper closes on a call: “the real work starts now to establish follow-up mechanisms”.[^1]\n\n${filler}\n\n[^1]: CRP/43, para. 27.\n`;
  beforeAll(async () => {
    server = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    server.open(uri, text);
  });
  afterAll(() => server.stop());

  const pulled = async () => {
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return ('items' in report ? report.items : []) as Diagnostic[];
  };

  it('is checked against the note; an edit to the note, pages below, is followed at once', async () => {
    expect(await pulled()).toEqual([]);
    expect(hoverText(await server.hover(uri, positionAt(text, text.indexOf('real work'))))).toBe('Quotation checked: these words are in paragraph 27 of CRP/43.');
    // The writer changes the note to cite paragraph 26: the quotation, far above, is not there.
    const at = positionAt(text, text.indexOf('para. 27') + 'para. 2'.length);
    server.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '6' }]);
    const items = await pulled();
    expect(items.map((d) => [d.code, d.message])).toEqual([['crp-cite.quote-elsewhere', 'The quoted words are in paragraph 27 of CRP/43, not 26.']]);
    expect(items[0]!.range.start).toEqual(positionAt(text, text.indexOf('the real work')));
  });
});
