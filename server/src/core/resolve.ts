/**
 * What a citation means in a paper: which paragraphs and sub-paragraphs it covers.
 * Shared by hover, references, the panel's counts and the CLI, so a range is expanded
 * the same way everywhere.
 */
import type { Corpus, Paper, Paragraph, SubParagraph } from './corpus';
import { paragraphOf, targetAt, type Citation, type CitationItem, type Reference, type Target } from './grammar';
import type { DraftIndex } from './markdown';

/** A paragraph, or one of its sub-paragraphs, that a citation covers. */
export interface Covered {
  paragraph: Paragraph;
  sub?: SubParagraph;
}

/** The paragraph (and sub-paragraph) one reference names, if the paper has it. */
export function resolveReference(paper: Paper, ref: Reference, item: CitationItem): Covered | undefined {
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
  for (const item of citation.items) {
    for (const c of coveredByItem(paper, item)) {
      const key = `${c.paragraph.number}${c.sub?.letter ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        result.push(c);
      }
    }
  }
  return result;
}

/** `6`, `6(a)`: how a covered paragraph is written after a mark. */
export function referenceLabel(c: Covered): string {
  return c.sub ? `${c.paragraph.number}(${c.sub.letter})` : String(c.paragraph.number);
}

/**
 * What the cursor is on in a draft, as hover, definition and references all see it:
 * the whole citation (on the symbol or the mark), or one reference (on a number or a
 * letter), resolved in its paper when the paper has it.
 */
export type CursorTarget =
  | { kind: 'citation'; paper: Paper; citation: Citation; covered: Covered[]; start: number; end: number }
  | { kind: 'reference'; paper: Paper; citation: Citation; target: Exclude<Target, { kind: 'citation' }>; resolved: Covered | undefined; start: number; end: number };

export function targetUnderCursor(draft: DraftIndex, corpus: Pick<Corpus, 'paper'>, offset: number): CursorTarget | undefined {
  const citation = draft.citationAt(offset);
  const paper = citation && corpus.paper(citation.symbol);
  const target = citation && targetAt(citation, offset);
  if (!citation || !paper || !target) return undefined;
  if (target.kind === 'citation') {
    return { kind: 'citation', paper, citation, covered: coveredByCitation(paper, citation), start: target.start, end: target.end };
  }
  // On a number, the paragraph itself, even when the number also carries a letter.
  const ref = target.kind === 'paragraph' ? { number: target.number, start: target.start, end: target.end } : target.ref;
  return { kind: 'reference', paper, citation, target, resolved: resolveReference(paper, ref, target.item), start: target.start, end: target.end };
}
