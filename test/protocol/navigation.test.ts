/**
 * The real server over stdio: hover, go-to-definition and completion on fixture drafts,
 * in English, French and Spanish, with UTF-16 positions and `untitled:` documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocationLink } from 'vscode-languageserver-protocol';
import { parseFixture, positionAt } from '../fixtures/cursor';
import { completionItems, hoverText, ROOT, startServer, type TestServer } from './client';

const drafts = join(ROOT, 'test', 'fixtures', 'drafts');
const rendering = join(ROOT, 'data', 'documents', 'crp-43.md');
const renderingLines = readFileSync(rendering, 'utf8').split('\n');
const paper = JSON.parse(readFileSync(join(ROOT, 'data', 'documents', 'crp-43.json'), 'utf8')) as {
  paragraphs: Array<{ number: number; text: string; line: number; subParagraphs: Array<{ letter: string; text: string; line: number }> }>;
};
const paragraph = (n: number) => paper.paragraphs.find((p) => p.number === n)!;

/** Opens a fixture draft under a `file:` URI; returns its text and URI. */
function openDraft(server: TestServer, name: string): { uri: string; text: string } {
  const path = join(drafts, name);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).toString();
  server.open(uri, text);
  return { uri, text };
}

/** The LSP position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the draft`);
  return positionAt(text, at + shift);
}

function asLink(answer: unknown): LocationLink {
  expect(Array.isArray(answer)).toBe(true);
  const links = answer as LocationLink[];
  expect(links).toHaveLength(1);
  return links[0]!;
}

describe('English (locale en-GB)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'en-GB' });
  });
  afterAll(() => server.stop());

  it('announces hover, definition, completion with its trigger characters, and incremental sync', () => {
    const caps = server.initializeResult.capabilities;
    expect(caps.hoverProvider).toBe(true);
    expect(caps.definitionProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['§', '(', '/']));
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });

  it('hover on a number shows the paragraph, whole, over the number', async () => {
    const { uri, text } = openDraft(server, 'briefing-en.md');
    const at = positionOf(text, '§§11–12', 5);
    const hover = await server.hover(uri, at);
    const value = hoverText(hover);
    expect(value).toContain('**CRP/43 · Paragraph 12** — *Under “Migration and development: United Nations post-2015 development agenda”*');
    for (const s of paragraph(12).subParagraphs) expect(value).toContain(`(${s.letter}) ${s.text}`);
    expect(hover!.range).toEqual({ start: at, end: { line: at.line, character: at.character + 2 } });
    expect(typeof hover!.contents === 'object' && 'kind' in hover!.contents && hover!.contents.kind).toBe('markdown');
  });

  it('hover across a line break: `CRP/43` then `§22` on the next line', async () => {
    const { uri, text } = openDraft(server, 'briefing-en.md');
    const hover = await server.hover(uri, positionOf(text, '§22', 1));
    expect(hoverText(hover)).toContain(`22. ${paragraph(22).text}`);
  });

  it('hover on the symbol lists the covered paragraphs; nothing in code, comments or link titles', async () => {
    const { uri, text } = openDraft(server, 'briefing-en.md');
    const value = hoverText(await server.hover(uri, positionOf(text, 'CRP/43 paras. 23-25', 2)));
    expect(value.indexOf('Paragraph 23')).toBeGreaterThanOrEqual(0);
    expect(value.indexOf('Paragraph 23')).toBeLessThan(value.indexOf('Paragraph 24'));
    expect(value.indexOf('Paragraph 24')).toBeLessThan(value.indexOf('Paragraph 25'));
    expect(await server.hover(uri, positionOf(text, '`CRP/43 §6`', 9))).toBeNull();
    expect(await server.hover(uri, positionOf(text, 'CRP/43 §§1–27', 9))).toBeNull();
    expect(await server.hover(uri, positionOf(text, 'CRP/43 §9', 8))).toBeNull();
    expect(await server.hover(uri, positionOf(text, 'CRP/43 §2"', 8))).toBeNull();
    expect(await server.hover(uri, positionOf(text, 'CRP/44 §3', 8))).toBeNull();
  });

  it('definition of a sub-paragraph letter links to its line in crp-43.md', async () => {
    const { uri, text } = openDraft(server, 'briefing-en.md');
    const at = positionOf(text, '§6(a)–(c)', 7);
    const link = asLink(await server.definition(uri, at));
    expect(fileURLToPath(link.targetUri)).toBe(rendering);
    const sub = paragraph(6).subParagraphs[2]!;
    expect(link.targetRange.start).toEqual({ line: sub.line, character: 0 });
    expect(link.targetSelectionRange.start.line).toBe(sub.line);
    expect(renderingLines[link.targetRange.start.line]).toBe(`- **(c)** ${sub.text}`);
    expect(link.originSelectionRange).toEqual({ start: at, end: { line: at.line, character: at.character + 1 } });
  });

  it('definition of a paragraph number, from the second line of a split citation', async () => {
    const { uri, text } = openDraft(server, 'briefing-en.md');
    const link = asLink(await server.definition(uri, positionOf(text, '§22', 2)));
    expect(renderingLines[link.targetRange.start.line]).toBe(`**22.** ${paragraph(22).text}`);
  });

  it('completion after a typed `CRP/43 §`, after `§24(` and after `CRP/`', async () => {
    const uri = pathToFileURL(join(drafts, 'new-draft.md')).toString();
    server.open(uri, 'Draft.\n');
    server.change(uri, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: ' See CRP/43 §' }]);
    const all = completionItems(await server.completion(uri, { line: 0, character: 19 }));
    expect(all.map((i) => i.label)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    expect(all[15]!.textEdit).toEqual({ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } }, newText: '16' });
    expect(all[15]!.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining(paragraph(16).text) });

    server.change(uri, [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } }, text: 'recruit' }]);
    const found = completionItems(await server.completion(uri, { line: 0, character: 26 }));
    expect(found.map((i) => i.label)).toEqual(['16']);
    expect(found[0]!.textEdit).toEqual({ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 26 } }, newText: '16' });

    server.change(uri, [{ text: 'See CRP/43 §24(\n' }]);
    expect(completionItems(await server.completion(uri, { line: 0, character: 15 })).map((i) => i.label)).toEqual(['(a)', '(b)', '(c)']);

    server.change(uri, [{ text: 'See CRP/\n' }]);
    expect(completionItems(await server.completion(uri, { line: 0, character: 8 })).map((i) => i.label)).toEqual(['CRP/43']);

    server.change(uri, [{ text: 'See `CRP/43 §`\n' }]);
    expect(completionItems(await server.completion(uri, { line: 0, character: 13 }))).toEqual([]);
  });

  it('works in an untitled document, and follows edits', async () => {
    const uri = 'untitled:Untitled-1';
    server.open(uri, 'Nothing yet.');
    expect(await server.hover(uri, { line: 0, character: 3 })).toBeNull();
    server.change(uri, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, text: '\n\nSee CRP/43 §16.' }]);
    expect(hoverText(await server.hover(uri, { line: 2, character: 13 }))).toContain('Paragraph 16');
    const link = asLink(await server.definition(uri, { line: 2, character: 13 }));
    expect(renderingLines[link.targetRange.start.line]).toMatch(/^\*\*16\.\*\* /);
    server.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '<!-- ' }]);
    expect(await server.hover(uri, { line: 2, character: 18 })).toBeNull();
    server.close(uri);
    expect(await server.hover(uri, { line: 2, character: 18 })).toBeNull();
  });

  it('counts positions in UTF-16 code units: emoji before the citation', async () => {
    const f = parseFixture('🌍🇺🇳 Migration 🚢 — see CRP/43 §[[6]]([[a|]]) and 😀 CRP/43 §[[1]]9.\n');
    const uri = 'untitled:emoji';
    server.open(uri, f.text);
    const letter = positionAt(f.text, f.cursor!);
    expect(letter.character).toBe(f.cursor);
    const hover = await server.hover(uri, letter);
    expect(hoverText(hover)).toContain('Sub-paragraph 6(a)');
    expect(hover!.range).toEqual({ start: positionAt(f.text, f.ranges[1]!.start), end: positionAt(f.text, f.ranges[1]!.end) });
    const nineteen = positionAt(f.text, f.ranges[2]!.start + 1);
    expect(hoverText(await server.hover(uri, nineteen))).toContain('Paragraph 19');
    const link = asLink(await server.definition(uri, positionAt(f.text, f.ranges[0]!.start)));
    expect(link.originSelectionRange).toEqual({ start: positionAt(f.text, f.ranges[0]!.start), end: positionAt(f.text, f.ranges[0]!.end) });
  });
});

describe('French (locale fr-FR)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'fr-FR' });
  });
  afterAll(() => server.stop());

  it('hover labels in French, paper text in English', async () => {
    const { uri, text } = openDraft(server, 'note-fr.md');
    const value = hoverText(await server.hover(uri, positionOf(text, 'par. 24 (a)', 9)));
    expect(value).toContain('**CRP/43 · Alinéa a) du paragraphe 24** — *Sous l’intitulé « Outcomes influencing IOM as an institution »*');
    expect(value).toContain(`(a) ${paragraph(24).subParagraphs[0]!.text}`);
  });

  it('ranges with `à` across a line break, lists with `et`', async () => {
    const { uri, text } = openDraft(server, 'note-fr.md');
    expect(hoverText(await server.hover(uri, positionOf(text, '18 à 20', 5)))).toContain('Paragraphe 20');
    const whole = hoverText(await server.hover(uri, positionOf(text, 'par. 18 à 20', 1)));
    expect(whole).toMatch(/Paragraphe 18[\s\S]*Paragraphe 19[\s\S]*Paragraphe 20/);
    expect(hoverText(await server.hover(uri, positionOf(text, '§§ 7 et 8', 8)))).toContain('Paragraphe 8');
    expect(await server.hover(uri, positionOf(text, 'par. 99', 6))).toBeNull();
  });

  it('definition and completion', async () => {
    const { uri, text } = openDraft(server, 'note-fr.md');
    const link = asLink(await server.definition(uri, positionOf(text, 'paragraphe 4', 11)));
    expect(renderingLines[link.targetRange.start.line]).toBe(`**4.** ${paragraph(4).text}`);
    server.change(uri, [{ range: { start: positionAt(text, text.length), end: positionAt(text, text.length) }, text: '\nVoir CRP/43, par. 24 (' }]);
    const items = completionItems(await server.completion(uri, positionAt(`${text}\nVoir CRP/43, par. 24 (`, text.length + 23)));
    expect(items.map((i) => i.detail)).toEqual([
      expect.stringMatching(/^Alinéa a\) du paragraphe 24 — Through the decision/),
      expect.stringMatching(/^Alinéa b\) du paragraphe 24/),
      expect.stringMatching(/^Alinéa c\) du paragraphe 24/),
    ]);
  });
});

describe('Spanish (initializationOptions.language overrides the locale)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'en-US', initializationOptions: { language: 'es' } });
  });
  afterAll(() => server.stop());

  it('hover labels in Spanish', async () => {
    const { uri, text } = openDraft(server, 'nota-es.md');
    const value = hoverText(await server.hover(uri, positionOf(text, 'párrafo 25', 9)));
    expect(value).toContain('**CRP/43 · Párrafo 25** — *En el epígrafe «Outcomes influencing IOM as an institution»*');
    expect(value).toContain(paragraph(25).text);
    expect(hoverText(await server.hover(uri, positionOf(text, 'párr. 24 (b)', 10)))).toContain('Apartado b) del párrafo 24');
  });

  it('ranges with `a`, lists with `y`, nothing in code spans', async () => {
    const { uri, text } = openDraft(server, 'nota-es.md');
    expect(hoverText(await server.hover(uri, positionOf(text, '19 a 21', 5)))).toContain('Párrafo 21');
    expect(hoverText(await server.hover(uri, positionOf(text, 'párrafos 15 y 16', 14)))).toContain('Párrafo 16');
    const all = hoverText(await server.hover(uri, positionOf(text, 'CRP/43, párrs. 19 a 21', 1)));
    expect(all).toMatch(/Párrafo 19[\s\S]*Párrafo 20[\s\S]*Párrafo 21/);
    expect(await server.hover(uri, positionOf(text, '`6`', 1))).toBeNull();
  });

  it('definition from the symbol goes to the first covered paragraph', async () => {
    const { uri, text } = openDraft(server, 'nota-es.md');
    const link = asLink(await server.definition(uri, positionOf(text, 'CRP/43, párrs. 19 a 21', 2)));
    expect(renderingLines[link.targetRange.start.line]).toBe(`**19.** ${paragraph(19).text}`);
  });
});

describe('locale fallback', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'de-DE' });
  });
  afterAll(() => server.stop());

  it('an unsupported locale falls back to English', async () => {
    server.open('untitled:de', 'CRP/43 §6');
    expect(hoverText(await server.hover('untitled:de', { line: 0, character: 8 }))).toContain('Paragraph 6');
  });
});
