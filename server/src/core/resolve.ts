/**
 * What a citation means in a paper: which paragraphs and sub-paragraphs it covers.
 * Shared by hover, references, the panel's counts and the CLI, so a range is expanded
 * the same way everywhere.
 */
import type { Paper, Paragraph, SubParagraph } from './corpus';
import { paragraphOf, type Citation, type CitationItem, type Reference } from './grammar';

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

/** Whether a citation covers paragraph `n` (any of its sub-paragraphs counts). */
export function citationCovers(paper: Paper, citation: Citation, n: number): boolean {
  return coveredByCitation(paper, citation).some((c) => c.paragraph.number === n);
}

/** `6`, `6(a)`: how a covered paragraph is written after a mark. */
export function referenceLabel(c: Covered): string {
  return c.sub ? `${c.paragraph.number}(${c.sub.letter})` : String(c.paragraph.number);
}
