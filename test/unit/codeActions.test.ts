/** Quick fixes repair what diagnostics report; the style action rewrites every citation. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { normalizeStyle, quickFixes, type CodeActionResult } from '../../server/src/core/features/codeActions';
import { coveredByCitation, referenceLabel } from '../../server/src/core/resolve';
import { checkDraft } from '../../server/src/core/features/diagnostics';
import { translator } from '../../server/src/i18n';

const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
const symbols = corpus.papers.map((p) => p.symbol);
const en = translator('en');

function applyEdits(text: string, action: CodeActionResult): string {
  let out = text;
  for (const e of [...action.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The quick fixes offered at the first occurrence of `at` in `text`. */
function fixes(text: string, at: string, t = en) {
  const start = text.indexOf(at);
  return quickFixes(new DraftIndex(text, symbols), corpus, start, start + at.length, t).filter((a) => !a.title.startsWith('Ignore'));
}

describe('quick fixes', () => {
  it('offers the nearest paragraph for a number past the end, and the fix leaves nothing to report', () => {
    const text = 'The call for action (CRP/43 §28) was clear.';
    const [first] = fixes(text, '28');
    expect(first!.title).toMatch(/^Change to §27 \(The High-level Dialogue has provided/);
    const fixed = applyEdits(text, first!);
    expect(fixed).toBe('The call for action (CRP/43 §27) was clear.');
    expect(checkDraft(new DraftIndex(fixed, symbols), corpus)).toEqual([]);
  });

  it('offers the paragraph whose text the sentence is about, and prefers it', () => {
    const text = 'IOM will launch the International Recruitment Integrity System on ethical recruitment (CRP/43 §61).';
    const offered = fixes(text, '61');
    const titles = offered.map((a) => a.title);
    expect(titles.some((t) => t.startsWith('Change to §27'))).toBe(true);
    const preferred = offered.find((a) => a.preferred)!;
    expect(preferred.title).toMatch(/^Change to §16 /);
    expect(applyEdits(text, preferred)).toContain('(CRP/43 §16)');
  });

  it('changes an unknown sub-paragraph to the nearest letter or to the whole paragraph', () => {
    const text = 'See CRP/43 §6(d).';
    const offered = fixes(text, '6(d)');
    expect(offered.map((a) => a.title)).toEqual(['Change to §6(c)', 'Change to §6']);
    expect(applyEdits(text, offered[0]!)).toBe('See CRP/43 §6(c).');
    expect(applyEdits(text, offered[1]!)).toBe('See CRP/43 §6.');
  });

  it('keeps the way the letter is written: UN style, and in words', () => {
    const fr = 'Voir CRP/43, par. 6 d) et le reste.';
    expect(fixes(fr, '6 d)', translator('fr')).map((a) => applyEdits(fr, a))).toEqual(['Voir CRP/43, par. 6 c) et le reste.', 'Voir CRP/43, par. 6 et le reste.']);
    const words = 'See subparagraph (d) of paragraph 6 of CRP/43.';
    const offered = fixes(words, '(d)');
    expect(offered.map((a) => applyEdits(words, a))).toEqual(['See subparagraph (c) of paragraph 6 of CRP/43.']);
    expect(checkDraft(new DraftIndex(applyEdits(words, offered[0]!), symbols), corpus)).toEqual([]);
  });

  it('drops the letter of a paragraph that has no sub-paragraphs', () => {
    const text = 'Voir CRP/43, par. 9(a).';
    const offered = fixes(text, '9(a)', translator('fr'));
    expect(offered.map((a) => a.title)).toEqual(['Remplacer par §9']);
    expect(applyEdits(text, offered[0]!)).toBe('Voir CRP/43, par. 9.');
  });

  it('swaps a reversed range, keeping the writer’s dash', () => {
    const text = 'See CRP/43 §§21–19 and CRP/43 paras. 25-23.';
    const [swap] = fixes(text, '21–19');
    expect(swap!.title).toBe('Swap to §§19–21');
    expect(applyEdits(text, swap!)).toBe('See CRP/43 §§19–21 and CRP/43 paras. 25-23.');
    const [other] = fixes(text, '25-23', translator('es'));
    expect(other!.title).toBe('Poner en orden: §§23–25');
    expect(applyEdits(text, other!)).toBe('See CRP/43 §§21–19 and CRP/43 paras. 23-25.');
  });

  it('swaps a reversed sub-paragraph range', () => {
    const text = 'See CRP/43 §6(c)–(a).';
    const [swap] = fixes(text, '6(c)–(a)');
    expect(swap!.title).toBe('Swap to §6(a)–(c)');
    expect(applyEdits(text, swap!)).toBe('See CRP/43 §6(a)–(c).');
  });

  it('removes a repeated reference with its separator', () => {
    expect(applyEdits('CRP/43 §§11–14 and 12.', fixes('CRP/43 §§11–14 and 12.', ' 12')[0]!)).toBe('CRP/43 §§11–14.');
    expect(applyEdits('CRP/43 §§6, 6 and 7.', fixes('CRP/43 §§6, 6 and 7.', ' 6 ')[0]!)).toBe('CRP/43 §§6, 7.');
  });

  it('removes leading zeros', () => {
    const [fix] = fixes('CRP/43 §06', '06');
    expect(fix!.title).toBe('Change to §6');
    expect(applyEdits('CRP/43 §06', fix!)).toBe('CRP/43 §6');
  });

  it('can silence a finding with a comment at the end of its line', () => {
    const text = 'First CRP/43 §28 here\r\nnext line';
    const ignore = quickFixes(new DraftIndex(text, symbols), corpus, 14, 16, en).find((a) => a.title.startsWith('Ignore'))!;
    expect(ignore.title).toBe('Ignore crp-cite.unknown-paragraph on this line');
    const fixed = applyEdits(text, ignore);
    expect(fixed).toBe('First CRP/43 §28 here <!-- crp-cite-disable-line unknown-paragraph -->\r\nnext line');
    expect(checkDraft(new DraftIndex(fixed, symbols), corpus)).toEqual([]);
  });

  it('repairs letters written alone in a list of sub-paragraphs, and leaves nothing to report', () => {
    const clean = (text: string) => expect(checkDraft(new DraftIndex(text, symbols), corpus), text).toEqual([]);
    // An unknown letter alone: the nearest letter of the paragraph it inherits, replacing `(d)` only.
    let text = 'See CRP/43 §6(a) and (d).';
    let offered = fixes(text, '(d)');
    expect(offered.map((a) => a.title)).toEqual(['Change to §6(c)']);
    expect(applyEdits(text, offered[0]!)).toBe('See CRP/43 §6(a) and (c).');
    clean(applyEdits(text, offered[0]!));
    text = 'Véase CRP/43, párr. 24 (a) y (f).';
    expect(applyEdits(text, fixes(text, '(f)')[0]!)).toBe('Véase CRP/43, párr. 24 (a) y (c).');
    // A repeated letter alone goes with its separator.
    text = 'See CRP/43 §6(a) and (a).';
    expect(fixes(text, 'and (a)').map((a) => a.title)).toEqual(['Remove the repeated 6(a)']);
    expect(applyEdits(text, fixes(text, 'and (a)')[0]!)).toBe('See CRP/43 §6(a).');
    text = 'See CRP/43 §6(a), (a) and (b).';
    expect(applyEdits(text, fixes(text, ', (a)')[0]!)).toBe('See CRP/43 §6(a), (b).');
    // Removing the reference a later letter took its paragraph from writes the number on that letter.
    text = 'See CRP/43 §§6(a), 12(a), 6(a) and (b).';
    const fixed = applyEdits(text, fixes(text, ', 6(a)')[0]!);
    expect(fixed).toBe('See CRP/43 §§6(a), 12(a), 6(b).');
    clean(fixed);
    // A reversed range of letters alone is swapped without a number appearing.
    text = 'See CRP/43 §6(a), (c)–(b).';
    const [swap] = fixes(text, '(c)–(b)');
    expect(swap!.title).toBe('Swap to §6(b)–(c)');
    expect(applyEdits(text, swap!)).toBe('See CRP/43 §6(a), (b)–(c).');
  });

  it('never drops the letter the letters after it depend on', () => {
    // `§6 and (b)` would no longer be read as one citation: only the nearest letter is offered.
    let text = 'See CRP/43 §6(d) and (b).';
    expect(fixes(text, '6(d)').map((a) => a.title)).toEqual(['Change to §6(c)']);
    expect(applyEdits(text, fixes(text, '6(d)')[0]!)).toBe('See CRP/43 §6(c) and (b).');
    // An unknown paragraph with letters: the nearest paragraph that has them all.
    text = 'See CRP/43 §28(a) and (c).';
    const [first] = fixes(text, '28');
    expect(first!.title).toMatch(/^Change to §24\(a\) /);
    const fixed = applyEdits(text, first!);
    expect(fixed).toBe('See CRP/43 §24(a) and (c).');
    expect(checkDraft(new DraftIndex(fixed, symbols), corpus)).toEqual([]);
  });

  it('offers nothing on a valid citation', () => {
    expect(fixes('See CRP/43 §6(a).', '6(a)')).toEqual([]);
  });
});

describe('writing every citation in one style', () => {
  const draft = 'See CRP/43 §6, CRP/43, para. 11, CRP/43 paras. 23-25, CRP/43, par. 13 and CRP/43\n§§18, 19.';

  it('section style uses § and §§', () => {
    const action = normalizeStyle(new DraftIndex(draft, symbols), corpus, 'section', 'en', en)!;
    expect(action.title).toBe('Write every citation in this file with “§”');
    // A citation already in the style keeps its line break.
    expect(applyEdits(draft, action)).toBe('See CRP/43 §6, CRP/43 §11, CRP/43 §§23-25, CRP/43 §13 and CRP/43\n§§18, 19.');
  });

  it('para style uses para. and paras.', () => {
    const action = normalizeStyle(new DraftIndex(draft, symbols), corpus, 'para', 'en', en)!;
    expect(applyEdits(draft, action)).toBe('See CRP/43, para. 6, CRP/43, para. 11, CRP/43 paras. 23-25, CRP/43, para. 13 and CRP/43, paras. 18, 19.');
  });

  it('local style uses the language’s own word', () => {
    expect(applyEdits(draft, normalizeStyle(new DraftIndex(draft, symbols), corpus, 'local', 'fr', translator('fr'))!)).toBe(
      'See CRP/43, par. 6, CRP/43, par. 11, CRP/43, par. 23-25, CRP/43, par. 13 and CRP/43, par. 18, 19.',
    );
    const es = normalizeStyle(new DraftIndex(draft, symbols), corpus, 'local', 'es', translator('es'))!;
    expect(es.title).toBe('Escribir todas las citas del archivo con «párr.»');
    expect(applyEdits(draft, es)).toBe('See CRP/43, párr. 6, CRP/43, párr. 11, CRP/43, párrs. 23-25, CRP/43, párr. 13 and CRP/43, párrs. 18, 19.');
  });

  it('a list of sub-paragraphs of one paragraph keeps the singular mark; a hard-wrapped citation is written on one line', () => {
    const text = 'See CRP/43 §6(a) and (b), CRP/43 §§6(a), (c) and 7 and CRP/43, párrs.\n19 a 20.';
    const para = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'para', 'en', en)!);
    expect(para).toBe('See CRP/43, para. 6(a) and (b), CRP/43, paras. 6(a), (c) and 7 and CRP/43, paras. 19 a 20.');
    const es = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'local', 'es', translator('es'))!);
    expect(es).toBe('See CRP/43, párr. 6(a) and (b), CRP/43, párrs. 6(a), (c) and 7 and CRP/43, párrs.\n19 a 20.');
    const section = applyEdits(para, normalizeStyle(new DraftIndex(para, symbols), corpus, 'section', 'en', en)!);
    expect(section).toBe('See CRP/43 §6(a) and (b), CRP/43 §§6(a), (c) and 7 and CRP/43 §§19 a 20.');
    const covered = (t: string) => new DraftIndex(t, symbols).citations().map((c) => c.items.length);
    expect(covered(section)).toEqual(covered(text));
  });

  it('a linked or emphasized symbol keeps its link and its emphasis', () => {
    const text = 'See [CRP/43](https://x.org/crp-43.pdf), para. 9, *CRP/43*, paras. 6 and 7 and [CRP/43](https://x.org) (para. 3).';
    const section = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'section', 'en', en)!);
    expect(section).toBe('See [CRP/43](https://x.org/crp-43.pdf) §9, *CRP/43* §§6 and 7 and [CRP/43](https://x.org) (§3).');
    const covered = (t: string) => new DraftIndex(t, symbols).citations().map((c) => c.items.map((i) => i.from.number?.value));
    expect(covered(section)).toEqual(covered(text));
    // A destination holding parentheses stays whole.
    const paren = 'See [CRP/43](https://x.org/Migration_(human)), para. 9.';
    expect(applyEdits(paren, normalizeStyle(new DraftIndex(paren, symbols), corpus, 'section', 'en', en)!)).toBe('See [CRP/43](https://x.org/Migration_(human)) §9.');
  });

  it('a mark written again before an item goes, leaving one mark for the citation', () => {
    const text = 'See CRP/43 §6 and §7, CRP/43, par. 6 et par. 8 and CRP/43 §§11, §§ 12.';
    const section = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'section', 'en', en)!);
    expect(section).toBe('See CRP/43 §§6 and 7, CRP/43 §§6 et 8 and CRP/43 §§11, 12.');
    const fr = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'local', 'fr', translator('fr'))!);
    expect(fr).toBe('See CRP/43, par. 6 and 7, CRP/43, par. 6 et 8 and CRP/43, par. 11, 12.');
    const covered = (t: string) => new DraftIndex(t, symbols).citations().map((c) => c.items.map((i) => i.from.number?.value));
    expect(covered(section)).toEqual([[6, 7], [6, 8], [11, 12]]);
    expect(covered(fr)).toEqual(covered(text));
  });

  it('keeps the writer’s order and parentheses, leaves footnotes alone, writes capital letters small', () => {
    const text = 'As paragraphs 14 to 16 of CRP/43 say, and CRP/43 (para. 9), CRP/43 §5(B), CRP/43, para 6a, CRP/43 §9–§11, CRP/43, note 2 and subparagraph (b) of paragraph 5 of CRP/43.';
    const section = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'section', 'en', en)!);
    expect(section).toBe('As §§14 to 16 of CRP/43 say, and CRP/43 (§9), CRP/43 §5(b), CRP/43 §6(a), CRP/43 §§9–11, CRP/43, note 2 and subparagraph (b) of paragraph 5 of CRP/43.');
    const covered = (t: string) => new DraftIndex(t, symbols).citations().map((c) => coveredByCitation(corpus.paper('CRP/43')!, c).map(referenceLabel).join(' '));
    expect(covered(section)).toEqual(covered(text));
    expect(normalizeStyle(new DraftIndex(section, symbols), corpus, 'section', 'en', en)).toBeUndefined();
    const es = applyEdits(text, normalizeStyle(new DraftIndex(text, symbols), corpus, 'local', 'es', translator('es'))!);
    expect(es).toBe('As párrs. 14 to 16 of CRP/43 say, and CRP/43 (párr. 9), CRP/43, párr. 5(b), CRP/43, párr. 6(a), CRP/43, párrs. 9–11, CRP/43, note 2 and subparagraph (b) of paragraph 5 of CRP/43.');
    expect(covered(es)).toEqual(covered(text));
  });

  it('is not offered when every citation already has the style, and its result is still read as the same citations', () => {
    const action = normalizeStyle(new DraftIndex(draft, symbols), corpus, 'section', 'en', en)!;
    const fixed = applyEdits(draft, action);
    expect(normalizeStyle(new DraftIndex(fixed, symbols), corpus, 'section', 'en', en)).toBeUndefined();
    expect(new DraftIndex(fixed, symbols).citations()).toHaveLength(5);
  });
});
