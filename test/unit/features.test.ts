/**
 * Hover, go-to-definition and completion on drafts, as a writer meets them: every
 * paragraph and sub-paragraph must read whole and exact in its hover, and every
 * definition must land on the line of the rendering that holds the cited text.
 */
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../server/src/core/corpus';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { hover, MAX_PARAGRAPHS_IN_HOVER } from '../../server/src/core/features/hover';
import { citedPassageAt, countCitations, firstCitationOffsets } from '../../server/src/core/features/outline';
import { citingSpans, passageAt } from '../../server/src/core/features/references';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { translator } from '../../server/src/i18n';
import { cursorOf, parseFixture } from '../fixtures/cursor';

const documents = resolve(__dirname, '..', '..', 'data', 'documents');
const corpus = loadCorpus(documents);
const paper: Paper = corpus.paper('CRP/43')!;
const renderingLines = readFileSync(join(documents, 'crp-43.md'), 'utf8').split('\n');
const en = translator('en');
const md = new MarkdownIt('default', { html: false, linkify: false });

/** What the writer reads: the hover's Markdown rendered, tags and entities gone. */
function readable(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
/** The paper's text as a writer reads it: italics shown, not starred. */
const plain = (text: string) => text.replace(/\*([^*]+)\*/g, '$1');

function at(source: string, t = en) {
  const f = parseFixture(source);
  const draft = new DraftIndex(f.text, ['CRP/43']);
  const offset = cursorOf(f);
  return {
    f,
    hover: hover(draft, corpus, offset, t),
    definition: definition(draft, corpus, offset),
    completion: complete(draft, corpus, offset, t),
  };
}

describe('hover on a number or a letter', () => {
  it.each(paper.data.paragraphs.map((p) => [p.number]))('paragraph %i reads whole and exact, under its heading', (n) => {
    const p = paper.paragraph(n)!;
    const { hover: h, f } = at(`As set out in CRP/43 §[[${n}|]], the Administration…`);
    expect(h).toBeDefined();
    expect({ start: h!.start, end: h!.end }).toEqual(f.ranges[0]);
    const shown = readable(h!.markdown);
    expect(shown).toContain(`CRP/43 · Paragraph ${n}`);
    expect(shown).toContain(`Under “${paper.section(p)!.heading}”`);
    expect(shown).toContain(plain(p.text));
    for (const s of p.subParagraphs) expect(shown).toContain(`(${s.letter}) ${plain(s.text)}`);
  });

  const subs = paper.data.paragraphs.flatMap((p) => p.subParagraphs.map((s) => [p.number, s.letter] as const));
  it.each(subs)('sub-paragraph %i(%s) reads whole and exact, with its lead-in and only itself', (n, letter) => {
    const p = paper.paragraph(n)!;
    const { hover: h, f } = at(`CRP/43 §${n}([[${letter}|]]) says`);
    expect({ start: h!.start, end: h!.end }).toEqual(f.ranges[0]);
    const shown = readable(h!.markdown);
    expect(shown).toContain(`Sub-paragraph ${n}(${letter})`);
    expect(shown).toContain(`Under “${paper.section(p)!.heading}”`);
    expect(shown).toContain(plain(p.text));
    expect(shown).toContain(`(${letter}) ${plain(paper.subParagraph(n, letter)!.text)}`);
    for (const other of p.subParagraphs.filter((s) => s.letter !== letter)) expect(shown).not.toContain(plain(other.text));
  });

  it('shows the five footnotes beneath 5(a), and none beneath 5(b)', () => {
    const shown = readable(at('CRP/43 §5(|a)').hover!.markdown);
    const textAt = shown.indexOf('all demonstrated a convergence of views');
    let previous = textAt;
    for (const f of paper.data.footnotes) {
      // An autolink reads as its address.
      const line = `${f.marker} Footnote ${f.number} — ${plain(f.text).replace(/<(http[^>]+)>/g, '$1')}`;
      expect(shown).toContain(line);
      expect(shown.indexOf(line)).toBeGreaterThan(previous);
      previous = shown.indexOf(line);
    }
    expect(readable(at('CRP/43 §5(|b)').hover!.markdown)).not.toContain('Footnote');
    expect(readable(at('CRP/43 §|5').hover!.markdown)).toContain('Footnote 5 — The 5-year Action Plan');
  });

  it('keeps footnote 5 a link and no HTML from the text', () => {
    const markdown = at('CRP/43 §5(|a)').hover!.markdown;
    expect(md.render(markdown)).toContain('<a href="http://hldcivilsociety.org/five-year-action-agenda/">');
  });

  it('on a number that carries a letter, the whole paragraph', () => {
    const shown = readable(at('CRP/43 §2|4(c)').hover!.markdown);
    expect(shown).toContain('Paragraph 24');
    expect(shown).toContain(plain(paper.subParagraph(24, 'a')!.text));
  });

  it('each number of a range or a list is its own target', () => {
    expect(readable(at('CRP/43 §§6–|8').hover!.markdown)).toContain('Paragraph 8');
    expect(readable(at('CRP/43 §§6, 7 and 1|2').hover!.markdown)).toContain('Paragraph 12');
    expect(readable(at('CRP/43 §6(a)–(|c)').hover!.markdown)).toContain('Sub-paragraph 6(c)');
    expect(readable(at('CRP/43, par. 18 à |20').hover!.markdown)).toContain(plain(paper.paragraph(20)!.text));
  });

  it('says so when the paper has no such paragraph', () => {
    expect(at('CRP/43 §4|2').hover!.markdown).toBe('CRP/43 has no paragraph 42.');
    expect(at('CRP/43 §7(|a)').hover!.markdown).toBe('CRP/43 has no paragraph 7(a).');
  });

  it('gives nothing off a citation, in code, or for another paper', () => {
    expect(at('The Adminis|tration, CRP/43 §6').hover).toBeUndefined();
    expect(at('`CRP/43 §|6`').hover).toBeUndefined();
    expect(at('```\nCRP/43 §|6\n```').hover).toBeUndefined();
    expect(at('CRP/44 §|3').hover).toBeUndefined();
    expect(at('CRP/43 §§6 t|o 8').hover).toBeUndefined();
  });
});

describe('lists of sub-paragraphs and hard-wrapped citations', () => {
  const labels = (source: string) => at(source).completion.items.map((i) => i.label);
  // Every letter of every list of two sub-paragraphs of one paragraph, in each language's form.
  const pairs = paper.data.paragraphs.flatMap((p) =>
    p.subParagraphs.flatMap((a) => p.subParagraphs.filter((b) => b.letter !== a.letter).map((b) => [p.number, a.letter, b.letter] as const)),
  );
  it.each(pairs)('in §%i(%s) and (%s), the second letter is its own sub-paragraph: hover and definition agree', (n, a, b) => {
    for (const form of [`See CRP/43 §${n}(${a}) and ([[${b}|]]).`, `Voir CRP/43, par. ${n} (${a}) et ([[|${b}]]).`, `Véase CRP/43, párr. ${n} (${a}) y ([[${b}]]|).`]) {
      const { hover: h, definition: d, f } = at(form);
      expect({ start: h!.start, end: h!.end }, form).toEqual(f.ranges[0]);
      expect(readable(h!.markdown)).toContain(`Sub-paragraph ${n}(${b})`);
      expect(readable(h!.markdown)).toContain(plain(paper.subParagraph(n, b)!.text));
      expect({ start: d!.originStart, end: d!.originEnd }).toEqual(f.ranges[0]);
      expect(d!.line).toBe(paper.subParagraph(n, b)!.line);
    }
  });

  it('in §§6(a), (c) and 7, the (c) is 6(c) and the 7 paragraph 7, also in a later paragraph of the draft', () => {
    const intro = 'An introduction.\n\nA second paragraph, long enough to move offsets.\n\n';
    expect(readable(at(`${intro}See CRP/43 §§6(a), (|c) and 7.`).hover!.markdown)).toContain('Sub-paragraph 6(c)');
    expect(readable(at(`${intro}See CRP/43 §§6(a), (c) and |7.`).hover!.markdown)).toContain('Paragraph 7');
    expect(at(`${intro}See CRP/43 §§6(a), (|c) and 7.`).definition!.line).toBe(paper.subParagraph(6, 'c')!.line);
    expect(readable(at(`${intro}See CRP/43 §§5(c), 6(a) and (|b).`).hover!.markdown)).toContain('Sub-paragraph 6(b)');
  });

  it('the symbol covers each letter; an unknown letter says which paragraph it looked in', () => {
    const shown = readable(at('CRP/4|3 §§6(a), (c) and 7').hover!.markdown);
    for (const l of ['a', 'c']) expect(shown).toContain(`Sub-paragraph 6(${l})`);
    expect(shown).not.toContain('Sub-paragraph 6(b)');
    expect(shown).toContain('Paragraph 7');
    expect(at('CRP/43 §6(a) and (|d)').hover!.markdown).toBe('CRP/43 has no paragraph 6(d).');
    expect(at('CRP/43 §6(a) and (|d)').definition).toBeUndefined();
  });

  it('references, the panel and its counts see each letter with its paragraph', () => {
    const f = parseFixture('Intro.\n\nSee CRP/43 §§6(a), [[(|c)]] and 7; also CRP/43 §12(a) and (b).');
    const draft = new DraftIndex(f.text, ['CRP/43']);
    const passage = passageAt(draft, corpus, cursorOf(f))!;
    expect([passage.paragraph, passage.letter]).toEqual([6, 'c']);
    expect(citingSpans(passage, draft.citations())).toEqual(f.ranges);
    expect(citingSpans({ paper, paragraph: 12, letter: 'b' }, draft.citations()).map((s) => f.text.slice(s.start, s.end))).toEqual(['(b)']);
    expect(citedPassageAt(draft, (s) => corpus.paper(s), cursorOf(f))).toEqual({ symbol: 'CRP/43', paragraph: 6, subParagraph: 'c' });
    // Each citation counts once per paragraph, however many of its letters it names.
    expect(Object.fromEntries(countCitations(paper, draft.citations()))).toEqual({ 6: 1, 7: 1, 12: 1 });
    expect(firstCitationOffsets(paper, draft.citations()).get('12')).toBe(f.text.indexOf('12(a)'));
  });

  it('completion after a letter and a separator offers the same paragraph’s letters', () => {
    expect(labels('CRP/43 §6(a) and (|')).toEqual(['(a)', '(b)', '(c)']);
    expect(labels('CRP/43, párr. 24 (a) y (|')).toEqual(['(a)', '(b)', '(c)']);
    expect(labels('CRP/43 §§5(a), 12(b), (|')).toEqual(['(a)', '(b)', '(c)']);
    expect(labels('CRP/43 §6(a)–(|')).toEqual(['(a)', '(b)', '(c)']);
    const { completion } = at('CRP/43 §6(a) and (b|');
    expect(completion.items.map((i) => [i.label, i.insertText, i.target.paragraph])).toContainEqual(['(b)', 'b)', 6]);
    expect(labels('CRP/43 §§6, 7 and (|')).toEqual([]);
  });

  it('a number on the line after the mark or a separator is a target', () => {
    const { hover: h, f } = at('As agreed (CRP/43, párrs.\n[[1|9]] a 20), the');
    expect({ start: h!.start, end: h!.end }).toEqual(f.ranges[0]);
    expect(readable(h!.markdown)).toContain('Paragraph 19');
    expect(readable(at('CRP/43 §§6,\n7 and |12 say').hover!.markdown)).toContain('Paragraph 12');
    expect(at('CRP/43 §§6,\n\n|12 say').hover).toBeUndefined();
  });
});

describe('hover on the symbol or the mark', () => {
  it('shows every paragraph the citation covers, in order', () => {
    const { hover: h, f } = at('See [[CR|P/43 §§6–8]].');
    expect({ start: h!.start, end: h!.end }).toEqual(f.ranges[0]);
    const shown = readable(h!.markdown);
    const positions = [6, 7, 8].map((n) => shown.indexOf(plain(paper.paragraph(n)!.text)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(shown).not.toContain(plain(paper.paragraph(9)!.text));
  });

  it('on the mark too, and for a sub-paragraph range, each sub-paragraph', () => {
    const shown = readable(at('CRP/43 |§6(a)–(c)').hover!.markdown);
    for (const l of ['a', 'b', 'c']) expect(shown).toContain(`Sub-paragraph 6(${l})`);
  });

  it('is bounded for long ranges: the first paragraphs in full, then the rest by number', () => {
    const shown = readable(at('CRP/43 §|§1–27').hover!.markdown);
    for (let n = 1; n <= MAX_PARAGRAPHS_IN_HOVER; n++) expect(shown).toContain(plain(paper.paragraph(n)!.text));
    expect(shown).not.toContain(plain(paper.paragraph(MAX_PARAGRAPHS_IN_HOVER + 1)!.text));
    const rest = Array.from({ length: 27 - MAX_PARAGRAPHS_IN_HOVER }, (_, i) => i + 1 + MAX_PARAGRAPHS_IN_HOVER);
    expect(shown).toContain(`… and ${rest.length} more paragraphs: ${rest.join(', ')}`);
    expect(shown.length).toBeLessThan(6000);
  });
});

describe('go to definition', () => {
  const lineOf = (source: string) => {
    const { definition: d, f } = at(source);
    expect(d).toBeDefined();
    expect(d!.path).toBe(join(documents, 'crp-43.md'));
    expect({ start: d!.originStart, end: d!.originEnd }).toEqual(f.ranges[0]);
    return renderingLines[d!.line]!;
  };

  it.each(paper.data.paragraphs.map((p) => [p.number]))('paragraph %i lands on its line of crp-43.md', (n) => {
    expect(lineOf(`CRP/43 §[[|${n}]]`)).toBe(`**${n}.** ${paper.paragraph(n)!.text}`);
  });

  const subs = paper.data.paragraphs.flatMap((p) => p.subParagraphs.map((s) => [p.number, s.letter] as const));
  it.each(subs)('sub-paragraph %i(%s) lands on its line', (n, letter) => {
    expect(lineOf(`CRP/43, par. ${n} ([[${letter}]]|)`)).toBe(`- **(${letter})** ${paper.subParagraph(n, letter)!.text}`);
  });

  it('from the symbol, the first paragraph the citation covers', () => {
    expect(lineOf('[[CRP/4|3, párrs. 19 a 21]]')).toMatch(/^\*\*19\.\*\* In 2013, IOM published/);
  });

  it('nothing for an unknown paragraph or outside a citation', () => {
    expect(at('CRP/43 §9|9').definition).toBeUndefined();
    expect(at('CRP/43 |is a paper').definition).toBeUndefined();
  });
});

describe('completion', () => {
  const labels = (source: string) => at(source).completion.items.map((i) => i.label);

  it('after `CRP/43 §` offers all 27 paragraphs, with their first words and whole text', () => {
    const { completion } = at('see CRP/43 §|');
    expect(completion.items.map((i) => i.label)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    const sixteen = completion.items[15]!;
    expect(sixteen.detail).toMatch(/^The Administration plans to launch in the near future/);
    expect(readable(sixteen.documentation)).toContain(plain(paper.paragraph(16)!.text));
  });

  it('after any mark, and after a list or range separator', () => {
    expect(labels('CRP/43, par. |')).toHaveLength(27);
    expect(labels('CRP/43, párrs. |')).toHaveLength(27);
    expect(labels('CRP/43 §§6, |')).toHaveLength(27);
    expect(labels('CRP/43 §§6–|')).toHaveLength(27);
    expect(labels('CRP/43 §§ 7 et |')).toHaveLength(27);
    expect(labels('CRP/43\n§|')).toHaveLength(27);
  });

  it('after the mark written again before the next item', () => {
    expect(labels('CRP/43 §6 and §|')).toHaveLength(27);
    expect(labels('CRP/43, par. 6 et par. |')).toHaveLength(27);
    const { completion, f } = at('CRP/43, párr. 6 y párr. 2|');
    expect(completion.items).toHaveLength(27);
    expect(completion.items[0]!.start).toBe(f.text.lastIndexOf('2'));
  });

  it('filters by words of the text: `CRP/43 §recruit` finds 16', () => {
    const { completion, f } = at('CRP/43 §recruit|');
    expect(completion.items.map((i) => i.label)).toEqual(['16']);
    expect(completion.items[0]!.start).toBe(f.text.indexOf('recruit'));
    expect(completion.items[0]!.insertText).toBe('16');
    expect(labels('CRP/43 §Gallup|')).toEqual(['19']);
    expect(labels('CRP/43 §League of Arab|')).toEqual([]);
    expect(labels('CRP/43 §stranded|')).toEqual(['6', '17']);
  });

  it('after `§24(` offers its sub-paragraphs', () => {
    const { completion } = at('CRP/43 §24(|');
    expect(completion.items.map((i) => i.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(completion.items.map((i) => i.insertText)).toEqual(['a)', 'b)', 'c)']);
    expect(completion.items[0]!.detail).toMatch(/^Sub-paragraph 24\(a\) — Through the decision/);
    expect(at('CRP/43 §24(|)').completion.items.map((i) => i.insertText)).toEqual(['a', 'b', 'c']);
    expect(labels('CRP/43 §7(|')).toEqual([]);
  });

  it('after `CRP/` offers the symbol', () => {
    const { completion, f } = at('as in CRP/|');
    expect(completion.items.map((i) => i.label)).toEqual(['CRP/43']);
    expect(completion.items[0]!.start).toBe(f.text.indexOf('CRP/'));
  });

  it('offers nothing inside code, comments or after another paper', () => {
    expect(labels('`CRP/43 §|`')).toEqual([]);
    expect(labels('``CRP/43 §|``')).toEqual([]);
    expect(labels('```\nCRP/43 §|\n```')).toEqual([]);
    expect(labels('<!-- CRP/43 §| -->')).toEqual([]);
    expect(labels('`CRP/|`')).toEqual([]);
    expect(labels('CRP/44 §|')).toEqual([]);
    expect(labels('The Administration |')).toEqual([]);
  });
});

describe('labels in French and Spanish', () => {
  const fr = translator('fr');
  const es = translator('es');

  it('hover on a paragraph', () => {
    expect(readable(at('CRP/43, par. |16', fr).hover!.markdown)).toContain('CRP/43 · Paragraphe 16 — Sous l’intitulé « Human rights, prevention of exploitation and reducing the cost of migration »');
    expect(readable(at('CRP/43, párr. |16', es).hover!.markdown)).toContain('CRP/43 · Párrafo 16 — En el epígrafe «Human rights, prevention of exploitation and reducing the cost of migration»');
  });

  it('hover on a sub-paragraph with its footnotes; the paper stays in English', () => {
    const frShown = readable(at('CRP/43, par. 5 (|a)', fr).hover!.markdown);
    expect(frShown).toContain('Alinéa a) du paragraphe 5');
    expect(frShown).toContain('Note de bas de page 1 — This publication, entitled');
    const esShown = readable(at('CRP/43, párr. 5 (|a)', es).hover!.markdown);
    expect(esShown).toContain('Apartado a) del párrafo 5');
    expect(esShown).toContain('Nota al pie 1 — This publication, entitled');
  });

  it('the bound on long ranges and unknown paragraphs', () => {
    expect(readable(at('CRP/43, |par. 1 à 27', fr).hover!.markdown)).toContain('… et 23 autres paragraphes : 5, 6');
    expect(readable(at('CRP/43, |párrs. 1 a 27', es).hover!.markdown)).toContain('… y 23 párrafos más: 5, 6');
    expect(at('CRP/43, par. 4|2', fr).hover!.markdown).toBe('Le document CRP/43 n’a pas de paragraphe 42.');
    expect(at('CRP/43, párr. 4|2', es).hover!.markdown).toBe('El documento CRP/43 no tiene el párrafo 42.');
  });

  it('completion details', () => {
    expect(at('CRP/43, par. 24 (|', fr).completion.items[0]!.detail).toMatch(/^Alinéa a\) du paragraphe 24 — /);
    expect(at('CRP/43, párr. 24 (|', es).completion.items[0]!.detail).toMatch(/^Apartado a\) del párrafo 24 — /);
  });
});
