/**
 * What a citation means in a paper: which paragraphs and sub-paragraphs it covers.
 * Shared by hover, references, the panel's counts and the CLI, so a range is expanded
 * the same way everywhere.
 */
import type { Corpus, Footnote, Paper, Paragraph, SubParagraph } from './corpus';
import { paragraphOf, targetAt, type Citation, type CitationItem, type Reference, type Target } from './grammar';
import type { DraftIndex } from './draft/draftIndex';

/**
 * A paragraph, or one of its sub-paragraphs, or one of their footnotes, that a citation
 * covers. A footnote comes with the passage it is called from.
 */
export interface Covered {
  paragraph: Paragraph;
  sub?: SubParagraph;
  footnote?: Footnote;
}

/** The line of the paper's rendering a covered passage starts on: where a jump to it lands. */
export function lineOfCovered(c: Covered): number {
  return c.footnote?.line ?? c.sub?.line ?? c.paragraph.line;
}

/** Footnote `n` with the passage it is called from; with `of`, only if called from that paragraph (`§9 n. 2`). */
function coveredFootnote(paper: Paper, n: number, of?: number): Covered | undefined {
  const footnote = paper.footnote(n);
  if (!footnote || (of !== undefined && footnote.calledFrom.paragraph !== of)) return undefined;
  const paragraph = paper.paragraph(footnote.calledFrom.paragraph)!;
  const letter = footnote.calledFrom.subParagraph;
  const sub = letter === undefined ? undefined : paper.subParagraph(paragraph.number, letter);
  return sub ? { paragraph, sub, footnote } : { paragraph, footnote };
}

/** The paragraph (and sub-paragraph), or the footnote, one reference names, if the paper has it. */
export function resolveReference(paper: Paper, ref: Reference, item: CitationItem): Covered | undefined {
  if (ref.note) return Number.isSafeInteger(ref.note.value) ? coveredFootnote(paper, ref.note.value, ref.number?.value) : undefined;
  const number = paragraphOf(ref, item);
  const paragraph = number && Number.isSafeInteger(number.value) ? paper.paragraph(number.value) : undefined;
  if (!paragraph) return undefined;
  if (!ref.sub) return { paragraph };
  const sub = paper.subParagraph(paragraph.number, ref.sub.letter);
  return sub ? { paragraph, sub } : undefined;
}

/**
 * Everything an item covers, in order: `§§6–8` is 6, 7, 8; `§6(a)–(c)` is 6(a), 6(b), 6(c).
 * Unknown or reversed ranges cover only the ends that exist; the diagnostics say why.
 */
export function coveredByItem(paper: Paper, item: CitationItem): Covered[] {
  const from = resolveReference(paper, item.from, item);
  if (!item.to) return from ? [from] : [];
  const to = resolveReference(paper, item.to, item);
  if (!from || !to) return [from, to].filter((c): c is Covered => c !== undefined);
  if (from.footnote || to.footnote) {
    // `nn. 2–4`: the notes between, by number.
    if (!from.footnote || !to.footnote || from.footnote.number > to.footnote.number) return [from, to];
    const notes: Covered[] = [];
    for (let n = from.footnote.number; n <= to.footnote.number; n++) {
      const c = coveredFootnote(paper, n);
      if (c) notes.push(c);
    }
    return notes;
  }
  if (from.paragraph === to.paragraph) {
    const subs = from.paragraph.subParagraphs;
    const a = from.sub ? subs.indexOf(from.sub) : 0;
    const b = to.sub ? subs.indexOf(to.sub) : subs.length - 1;
    if (!from.sub && !to.sub) return [from];
    return a <= b ? subs.slice(a, b + 1).map((sub) => ({ paragraph: from.paragraph, sub })) : [from, to];
  }
  if (from.paragraph.number > to.paragraph.number) return [from, to];
  const result: Covered[] = [from];
  for (let n = from.paragraph.number + 1; n < to.paragraph.number; n++) {
    const p = paper.paragraph(n);
    if (p) result.push({ paragraph: p });
  }
  result.push(to);
  return result;
}

/** Every paragraph a citation covers, in citation order, without repeats. */
export function coveredByCitation(paper: Paper, citation: Citation): Covered[] {
  const seen = new Set<string>();
  const result: Covered[] = [];
  // `Ibid.` alone covers what the citation it repeats covers.
  for (const item of citation.items.length === 0 && citation.repeats ? citation.repeats.items : citation.items) {
    for (const c of coveredByItem(paper, item)) {
      const key = coveredKey(c);
      if (!seen.has(key)) {
        seen.add(key);
        result.push(c);
      }
    }
  }
  return result;
}

/** `6`, `6(a)`, `n. 2`: how a covered passage is written after a mark. */
export function referenceLabel(c: Covered): string {
  if (c.footnote) return `n. ${c.footnote.number}`;
  return c.sub ? `${c.paragraph.number}(${c.sub.letter})` : String(c.paragraph.number);
}

/** A covered passage named in full: `CRP/43 §6(a)`, `CRP/43 n. 2`. */
export function coveredName(paper: Paper, c: Covered): string {
  return c.footnote ? `${paper.symbol} ${referenceLabel(c)}` : `${paper.symbol} §${referenceLabel(c)}`;
}

/**
 * What the counts count: a paragraph (`6`, whichever of its letters are cited) or a
 * footnote (`n2`). The panel's and the code lenses' records use these keys.
 */
export function countKey(c: Covered): string {
  return c.footnote ? `n${c.footnote.number}` : String(c.paragraph.number);
}

/** A passage a writer asks about: a paragraph, one of its sub-paragraphs, or a footnote (with the paragraph it is called from). */
export interface Passage {
  paragraph: number;
  /** When set, only citations covering this sub-paragraph (or the whole paragraph) count. */
  letter?: string;
  /** A footnote: only citations of this note count. */
  note?: number;
}

/** Whether a covered passage cites `passage`: `§§11–14` cites 12, `§6` cites 6(b), `note 2` only footnote 2. */
export function coversPassage(c: Covered, passage: Passage): boolean {
  if (passage.note !== undefined) return c.footnote?.number === passage.note;
  if (c.footnote) return false;
  return c.paragraph.number === passage.paragraph && (passage.letter === undefined || c.sub === undefined || c.sub.letter === passage.letter);
}

/** One key per passage: `6`, `6(a)`, `n2` (a footnote). */
export function coveredKey(c: Covered): string {
  return c.footnote ? `n${c.footnote.number}` : `${c.paragraph.number}${c.sub?.letter ?? ''}`;
}

/**
 * What the cursor is on in a draft, as hover, definition and references all see it:
 * the whole citation (on the symbol or the mark), or one reference (on a number or a
 * letter), resolved in its paper when the paper has it.
 */
export type CursorTarget =
  | { kind: 'citation'; paper: Paper; citation: Citation; covered: Covered[]; start: number; end: number }
  | { kind: 'reference'; paper: Paper; citation: Citation; target: Exclude<Target, { kind: 'citation' }>; resolved: Covered | undefined; start: number; end: number };

function withoutNote(ref: Reference): Reference {
  const copy = { ...ref };
  delete copy.note;
  return copy;
}

export function targetUnderCursor(draft: DraftIndex, corpus: Pick<Corpus, 'paper'>, offset: number): CursorTarget | undefined {
  const citation = draft.citationAt(offset);
  const paper = citation && corpus.paper(citation.symbol);
  const target = citation && targetAt(citation, offset);
  if (!citation || !paper || !target) return undefined;
  if (target.kind === 'citation') {
    return { kind: 'citation', paper, citation, covered: coveredByCitation(paper, citation), start: target.start, end: target.end };
  }
  // On a number, the paragraph itself, even when the number also carries a letter or a note;
  // on a letter, the sub-paragraph, even when a note follows.
  const ref =
    target.kind === 'paragraph'
      ? { number: target.number, start: target.start, end: target.end }
      : target.kind === 'subParagraph'
        ? withoutNote(target.ref)
        : target.ref;
  return { kind: 'reference', paper, citation, target, resolved: resolveReference(paper, ref, target.item), start: target.start, end: target.end };
}
