/**
 * Repairs for the findings of diagnostics.ts, and a source action that writes every
 * citation of a draft in one style.
 *
 * An unknown paragraph gets up to three replacements: the nearest existing number (a
 * slip of the finger), and the paragraphs whose text shares the most telling words with
 * the sentence around the citation (a wrong number remembered for the right passage).
 * Words are weighted by how few paragraphs use them, so "migration" counts for little
 * and "IRIS" or "recruitment" for much.
 */
import type { Corpus, Paper, Paragraph } from '../corpus';
import { isDigit, matchMark, paragraphOf, symbolMarkupEnd, writtenMarks, type Citation, type CitationItem, type Reference } from '../grammar';
import type { DraftIndex } from '../draft/draftIndex';
import type { CitationStyle, Language } from '../../settings';
import { CODES, checkCitations, itemText, quotationFinding, referenceText, unreadFinding, type Finding, type Translate } from './diagnostics';
import { quotationAt, type Quotation, type QuotationCheck } from './quotations';
import { referenceLabel } from '../resolve';
import { firstWords } from './render';
import { foldAccents } from '../fold';

export interface SpanEdit {
  start: number;
  end: number;
  newText: string;
}

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'source';
  edits: SpanEdit[];
  /** The finding the action repairs (quick fixes only). */
  finding?: Finding;
  preferred?: boolean;
}

/** The code action kind of the style normaliser, under `source`. */
export const NORMALIZE_KIND = 'source.normalizeCitations.crpCite';

const STOP_WORDS = new Set(
  'this that with from have been will were their there which what when where also such into other than more most only over under about after before these those they them then your our its the and for are was not but all any can may per via cited para paras paragraph paragraphe párrafo note draft dans pour avec sont sur les des une par que qui con para por las los del una como este esta sobre'.split(' '),
);

function words(text: string): string[] {
  return (foldAccents(text).match(/[a-z0-9]+/g) ?? [])
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
}

const wordIndexes = new WeakMap<Paper, { byParagraph: Map<number, Set<string>>; weight: Map<string, number> }>();

function wordIndex(paper: Paper) {
  let index = wordIndexes.get(paper);
  if (!index) {
    const byParagraph = new Map<number, Set<string>>();
    const df = new Map<string, number>();
    for (const p of paper.data.paragraphs) {
      const own = new Set(words([p.text, ...p.subParagraphs.map((s) => s.text)].join(' ')));
      byParagraph.set(p.number, own);
      for (const w of own) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const total = paper.data.paragraphs.length;
    const weight = new Map([...df].map(([w, n]) => [w, Math.log((total + 1) / n)]));
    index = { byParagraph, weight };
    wordIndexes.set(paper, index);
  }
  return index;
}

/** The sentence around `[start, end)`: from the previous full stop or blank line to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 400), start);
  const after = text.slice(end, end + 400);
  let cut = 0;
  const boundary = /[.!?]\s|\n\s*\n/g;
  for (let m = boundary.exec(before); m; m = boundary.exec(before)) cut = m.index + m[0].length;
  const stop = after.search(/[.!?](?:\s|$)|\n\s*\n/);
  return `${before.slice(cut)} ${stop < 0 ? after : after.slice(0, stop)}`;
}

/** Paragraphs whose text best matches `sentence`, best first; only clear matches. */
function similarParagraphs(paper: Paper, sentence: string, limit = 2): Paragraph[] {
  const { byParagraph, weight } = wordIndex(paper);
  const mine = new Set(words(sentence));
  const scored: Array<{ p: Paragraph; score: number }> = [];
  for (const p of paper.data.paragraphs) {
    const own = byParagraph.get(p.number)!;
    let score = 0;
    for (const w of mine) if (own.has(w)) score += weight.get(w) ?? 0;
    if (score >= 2.5) scored.push({ p, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.p.number - b.p.number).slice(0, limit).map((s) => s.p);
}

function nearestParagraph(paragraphs: readonly Paragraph[], n: number): Paragraph {
  return [...paragraphs].sort((a, b) => Math.abs(a.number - n) - Math.abs(b.number - n) || a.number - b.number)[0]!;
}

/** The item the finding sits in, and the reference when it sits on one. */
function locate(citation: Citation, finding: Finding): { item: CitationItem; ref?: Reference } | undefined {
  for (const item of citation.items) {
    if (finding.start < item.start || finding.end > item.end) continue;
    for (const ref of item.to ? [item.from, item.to] : [item.from]) {
      if (finding.start >= ref.start - 1 && finding.end <= ref.end) return { item, ref };
    }
    return { item };
  }
  return undefined;
}

function changeTo(reference: string, p: Paragraph | undefined, edit: SpanEdit, finding: Finding, t: Translate, preferred: boolean): CodeActionResult {
  const title = p ? t('codeActions.changeToWithText', { reference, words: firstWords(p.text, 40) }) : t('codeActions.changeTo', { reference });
  return { title, kind: 'quickfix', edits: [edit], finding, preferred };
}

function fixesFor(text: string, paper: Paper, citation: Citation, finding: Finding, t: Translate): CodeActionResult[] {
  const where = locate(citation, finding);
  if (!where) return [];
  const { item, ref } = where;
  // Letters written alone after this item (`(b)` in `§6(a) and (b)`) take its paragraph and
  // need its letter: a fix must not drop it, or `§6 and (b)` is no longer read as one citation.
  const index = citation.items.indexOf(item);
  const heirs: CitationItem[] = [];
  for (let k = index + 1; k < citation.items.length && citation.items[k]!.from.number === undefined; k++) heirs.push(citation.items[k]!);
  const hasHeirs = heirs.length > 0;
  const actions: CodeActionResult[] = [];
  switch (finding.code) {
    case CODES.unknownParagraph: {
      const number = ref?.number;
      if (!ref || !number) break;
      // With letters alone after it (`§28(a) and (b)`), the repair is a paragraph that has
      // them all, so that the whole citation reads: the nearest such, text matches among them.
      const needed = ref.sub && hasHeirs ? [ref.sub, ...heirs.flatMap((h) => [h.from.sub, h.to?.sub])].filter((l) => l !== undefined).map((l) => l.letter) : [];
      const fitting = paper.data.paragraphs.filter((p) => needed.every((l) => paper.subParagraph(p.number, l)));
      const pool = fitting.length > 0 ? fitting : paper.data.paragraphs;
      const candidates: Paragraph[] = [nearestParagraph(pool, number.value)];
      for (const p of similarParagraphs(paper, sentenceAround(text, citation.start, citation.end))) {
        if (!candidates.includes(p) && pool.includes(p)) candidates.push(p);
      }
      // The text-based guess, when there is one, is the likelier repair of a remembered passage.
      const best = candidates.length > 1 ? candidates[1] : candidates[0];
      for (const p of candidates) {
        // A letter written in words before the number (`subparagraph (b) of paragraph 28`) stays.
        const keepsLetter = ref.sub !== undefined && (hasHeirs || ref.sub.start < number.start || paper.subParagraph(p.number, ref.sub.letter) !== undefined);
        const newText = keepsLetter ? `${p.number}(${ref.sub!.letter})` : String(p.number);
        const edit = keepsLetter || !ref.sub ? { start: number.start, end: number.end, newText: String(p.number) } : { start: number.start, end: ref.end, newText };
        actions.push(changeTo(`§${newText}`, p, edit, finding, t, p === best));
      }
      break;
    }
    case CODES.unknownSubParagraph: {
      if (!ref?.sub) break;
      const n = paragraphOf(ref, item)!.value;
      const paragraph = paper.paragraph(n);
      if (!paragraph) break;
      const letters = paragraph.subParagraphs.map((s) => s.letter);
      if (letters.length > 0) {
        const wanted = ref.sub.letter;
        const nearest = [...letters].sort((a, b) => Math.abs(a.charCodeAt(0) - wanted.charCodeAt(0)) - Math.abs(b.charCodeAt(0) - wanted.charCodeAt(0)))[0]!;
        // The letter alone changes, however it is written: `(d)`, `d)`, `subparagraph (d) of`.
        actions.push(changeTo(`§${n}(${nearest})`, undefined, { start: ref.sub.start, end: ref.sub.end, newText: nearest }, finding, t, true));
      }
      // Dropping the letter: only where it follows its number (`6(d)`, `6 d)`, `6, subparagraph (d)`).
      if (ref.number && ref.sub.start > ref.number.end && !item.to && !hasHeirs) {
        actions.push(changeTo(`§${n}`, undefined, { start: ref.number.start, end: ref.end, newText: String(n) }, finding, t, letters.length === 0));
      }
      break;
    }
    case CODES.reversedRange: {
      const { from, to } = item;
      if (!to) break;
      const sep = text.slice(from.end, to.start);
      let newText: string;
      let label: string;
      if (to.number) {
        newText = `${text.slice(to.start, to.end)}${sep}${text.slice(from.start, from.end)}`;
        label = `${to.number.value === from.number?.value ? '§' : '§§'}${referenceText(to)}–${referenceText(from)}`;
      } else {
        // `6(c)–(a)` keeps its number in front; a letter-only item `(c)–(a)` has none written.
        const written = from.number?.text ?? '';
        newText = `${written}(${to.sub!.letter})${sep}(${from.sub!.letter})`;
        label = `§${paragraphOf(from, item)!.text}(${to.sub!.letter})–(${from.sub!.letter})`;
      }
      actions.push({ title: t('codeActions.swap', { range: label }), kind: 'quickfix', edits: [{ start: item.start, end: item.end, newText }], finding, preferred: true });
      break;
    }
    case CODES.repeatedReference: {
      if (finding.messageKey === 'rangeOfOne') {
        actions.push(changeTo(`§${referenceText(item.from)}`, undefined, { start: item.start, end: item.end, newText: text.slice(item.from.start, item.from.end) }, finding, t, true));
        break;
      }
      const index = citation.items.indexOf(item);
      const previous = citation.items[index - 1];
      if (!previous) break;
      const next = citation.items[index + 1];
      // `§§6, 7 and 6` loses `and 6`; `§§6, 6 and 7` loses `, 6` and keeps `and 7`. When the
      // next item is a letter written alone, it took its paragraph from this one: it gets
      // the number written in front (`§§7(a), 6(a) and (b)` → `§§7(a), 6(b)`, not `7(a), (b)`).
      const inherited = next?.from.number ? undefined : next?.from.inherits;
      const last = previous.to ?? previous.from;
      const stillInherited = last.sub !== undefined && paragraphOf(last, previous)?.value === inherited?.value;
      const carried = inherited && !stillInherited ? inherited.text : '';
      const edit = next ? { start: item.start, end: next.start, newText: carried } : { start: previous.end, end: item.end, newText: '' };
      actions.push({ title: t('codeActions.removeRepeated', { reference: itemText(item) }), kind: 'quickfix', edits: [edit], finding, preferred: true });
      break;
    }
    case CODES.leadingZeros: {
      const number = ref?.number;
      if (!number) break;
      actions.push(changeTo(`§${number.value}`, undefined, { start: number.start, end: number.end, newText: String(number.value) }, finding, t, true));
      break;
    }
    default:
      break;
  }
  actions.push(ignoreLine(text, finding, t));
  return actions;
}

/**
 * A quotation's repairs: cite the passage its words are in (`Cite §16 instead`, the
 * citation's own number changed, its style kept), or put the paper's words in the
 * quotation marks when the closest passage is clearly the one meant.
 */
function quotationFixes(text: string, quotation: Quotation, check: QuotationCheck, paper: Paper, t: Translate): CodeActionResult[] {
  const finding = quotationFinding(quotation, check, paper.symbol);
  if (!finding) return [];
  const actions: CodeActionResult[] = [];
  if (check.kind === 'elsewhere') {
    const [item, ...others] = quotation.citation.items;
    const ref = item && others.length === 0 && !item.to ? item.from : undefined;
    // One reference, its letter (if any) after its number: `§9` → `§16`, `para. 9(a)` → `para. 16(b)`.
    if (ref?.number && !ref.note && (!ref.sub || ref.sub.start > ref.number.end)) {
      const label = referenceLabel(check.passage);
      actions.push({ title: t('codeActions.citeInstead', { reference: `§${label}` }), kind: 'quickfix', edits: [{ start: ref.number.start, end: ref.end, newText: label }], finding, preferred: true });
    }
  } else if (check.kind === 'mismatch' && check.fixable && check.closest && !/\n[ \t]*>/.test(text.slice(quotation.start, quotation.end))) {
    actions.push({ title: t('codeActions.replaceWithPaper'), kind: 'quickfix', edits: [{ start: quotation.start, end: quotation.end, newText: check.closest.words }], finding, preferred: true });
  }
  actions.push(ignoreLine(text, finding, t));
  return actions;
}

/** Silences one finding with a comment at the end of its line, which keeps the paragraph whole. */
function ignoreLine(text: string, finding: Finding, t: Translate): CodeActionResult {
  let end = text.indexOf('\n', finding.end);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return {
    title: t('codeActions.ignoreLine', { code: finding.code }),
    kind: 'quickfix',
    edits: [{ start: end, end, newText: ` <!-- crp-cite-disable-line ${finding.code.replace(/^crp-cite\./, '')} -->` }],
    finding,
  };
}

/** Quick fixes for every finding overlapping `[start, end)`. */
export function quickFixes(draft: DraftIndex, corpus: Corpus, start: number, end: number, t: Translate): CodeActionResult[] {
  const text = draft.getText();
  const actions: CodeActionResult[] = [];
  for (const citation of draft.citationsIn(start, end + 1)) {
    if (citation.end < start || citation.start > end) continue;
    const paper = corpus.paper(citation.symbol);
    if (!paper) continue;
    for (const finding of checkCitations(corpus, [citation], text)) {
      if (finding.end < start || finding.start > end) continue;
      actions.push(...fixesFor(text, paper, citation, finding, t));
    }
  }
  // A quotation: cite where its words are, or quote the paper's own words.
  const quoted = quotationAt(draft, corpus, start);
  if (quoted) actions.push(...quotationFixes(text, quoted.quotation, quoted.check, quoted.paper, t));
  // What is not read: written as the grammar reads it, when the intent is clear (`§six` → `§6`).
  for (const unread of draft.unreadIn(start, end + 1)) {
    const finding = unreadFinding(unread);
    if (finding.end < start || finding.start > end) continue;
    if (unread.fix) actions.push(changeTo(String(finding.params.fixed), undefined, unread.fix, finding, t, true));
    actions.push(ignoreLine(text, finding, t));
  }
  return actions;
}

/** The mark a style writes, singular and plural, and what goes between the symbol and it. */
function styleMarks(style: CitationStyle, language: Language): { one: string; many: string; before: string } {
  return { ...writtenMarks(style, language), before: style === 'section' ? ' ' : ', ' };
}

/**
 * Whether a citation names several paragraphs and takes the plural mark: several items
 * with a number, or a range across paragraphs. Letter-only items are sub-paragraphs of a
 * paragraph already named: `§6(a) and (b)` keeps `§`, like `§6(a)–(c)`.
 */
function namesSeveral(citation: Citation): boolean {
  if (citation.items.filter((item) => item.from.number).length > 1) return true;
  return citation.items.some(({ from, to }) => to?.number !== undefined && to.number.value !== from.number?.value);
}

/** Where a mark written again before an item or inside a range starts, between `from` and `to`; only a paragraph mark. */
function markBetween(text: string, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (matchMark(text, i)?.kind === 'paragraph') return i;
  return undefined;
}

/**
 * Every citation of the draft rewritten to `style`; none when all are already written so.
 * The writer's order stays: `paragraph 9 of CRP/43` becomes `§9 of CRP/43`, `CRP/43 (para.
 * 9)` keeps its parenthesis. Footnote citations keep their words; a letter written in
 * capitals (`§5(B)`) is written small, one glued to its number (`§6a`) gets its brackets.
 */
export function normalizeStyle(draft: DraftIndex, corpus: Corpus, style: CitationStyle, language: Language, t: Translate): CodeActionResult | undefined {
  const marks = styleMarks(style, language);
  const text = draft.getText();
  const edits: SpanEdit[] = [];
  for (const citation of draft.citations()) {
    const written = citation.mark;
    if (!corpus.paper(citation.symbol) || !written) continue;
    const first = citation.items[0]!;
    // `subparagraph (b) of paragraph 5`: the words around the mark are the reference's own.
    const inWords = first.start < written.start;
    const mark = namesSeveral(citation) ? marks.many : marks.one;
    if (written.kind === 'paragraph' && !inWords && written.text.toLowerCase() !== mark) {
      // A line break around the mark (hard-wrapped prose) goes with it: `CRP/43, párrs.`⏎`19`
      // becomes `CRP/43 §§19`, one line, as Markdown renders it anyway.
      const gap = mark.startsWith('§') ? '' : ' ';
      // A short form (`Ibid., para. 7`) and a parenthesized or mark-first citation keep what is around the mark.
      const symbolFirst = citation.symbolStart < written.start && !citation.short;
      // The symbol's link or emphasis stays: `[CRP/43](…), para. 9` becomes `[CRP/43](…) §9`.
      const afterSymbol = symbolMarkupEnd(text, citation.symbolEnd);
      const parenthesized = symbolFirst && text.slice(afterSymbol, written.start).includes('(');
      if (symbolFirst && !parenthesized) edits.push({ start: afterSymbol, end: first.start, newText: `${marks.before}${mark}${gap}` });
      else edits.push({ start: written.start, end: first.start, newText: `${mark}${gap}` });
    }
    for (const [k, item] of citation.items.entries()) {
      // The mark written again before an item (`§6 and §7`) or inside a range (`§9–§11`) goes: one mark for the citation.
      const before = k > 0 && written.kind === 'paragraph' ? markBetween(text, citation.items[k - 1]!.end, item.start) : undefined;
      if (before !== undefined) edits.push({ start: before, end: item.start, newText: '' });
      const inside = item.to?.number ? markBetween(text, item.from.end, item.to.start) : undefined;
      if (inside !== undefined) edits.push({ start: inside, end: item.to!.start, newText: '' });
      for (const ref of item.to ? [item.from, item.to] : [item.from]) {
        if (!ref.sub) continue;
        // A letter glued to its number (`§6a`) gets its brackets: `§6(a)`.
        if (isDigit(text[ref.sub.start - 1])) edits.push({ start: ref.sub.start, end: ref.sub.end, newText: `(${ref.sub.letter})` });
        else if (text[ref.sub.start] !== ref.sub.letter) edits.push({ start: ref.sub.start, end: ref.sub.end, newText: ref.sub.letter });
      }
    }
  }
  if (edits.length === 0) return undefined;
  return { title: t('codeActions.normalize', { mark: marks.one }), kind: 'source', edits };
}
