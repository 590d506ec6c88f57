/**
 * What a citation names at an offset: the paragraph, sub-paragraph or note a hover, a
 * definition or a rename stands on.
 */

import type { Citation, CitationItem, LetterToken, NumberToken, Reference } from './types';

/**
 * The paragraph a reference names, the one way to ask: its own number; for a letter-only
 * list item (`(b)` in `§6(a) and (b)`), the number it inherits; for the second half of a
 * sub-paragraph range (`(c)` in `§6(a)–(c)`, `(d)` in `§6(a), (b)–(d)`), the range's.
 * None for a footnote named alone (`note 2`).
 */
export function paragraphOf(ref: Reference, item: CitationItem): NumberToken | undefined {
  if (ref.note && !ref.number) return undefined;
  return ref.number ?? ref.inherits ?? item.from.number ?? item.from.inherits;
}

/** What a position in a citation points at. */
/**
 * Whether a reference's letter is written inside it, not the one of the citation before
 * that a sub-paragraph named again takes (`dicho apartado`, `ledit alinéa`).
 */
export function letterWrittenIn(ref: Reference): boolean {
  return ref.sub !== undefined && ref.sub.start >= ref.start && ref.sub.end <= ref.end;
}

export type Target =
  | { kind: 'paragraph'; item: CitationItem; ref: Reference; number: NumberToken; start: number; end: number }
  | { kind: 'subParagraph'; item: CitationItem; ref: Reference; number: NumberToken; sub: LetterToken; start: number; end: number }
  | { kind: 'footnote'; item: CitationItem; ref: Reference; note: NumberToken; start: number; end: number }
  | { kind: 'citation'; start: number; end: number };

/**
 * The target under `offset` in a citation: each number and each letter is its own target;
 * the symbol and the mark stand for the whole citation. `offset` may sit just after a
 * token (the cursor at the end of `§6|`).
 */
export function targetAt(citation: Citation, offset: number): Target | undefined {
  if (offset < citation.start || offset > citation.end) return undefined;
  for (const item of citation.items) {
    for (const ref of item.to ? [item.from, item.to] : [item.from]) {
      if (ref.note && offset >= ref.note.start && offset <= ref.note.end) {
        return { kind: 'footnote', item, ref, note: ref.note, start: ref.note.start, end: ref.note.end };
      }
      const number = paragraphOf(ref, item);
      if (!number) continue;
      // Inside the number, the number's (`6|a` is the glued letter's, `|6a` the number's).
      if (ref.number && offset >= ref.number.start && offset < ref.number.end) {
        return { kind: 'paragraph', item, ref, number: ref.number, start: ref.number.start, end: ref.number.end };
      }
      if (ref.sub && offset >= ref.sub.start - 1 && offset <= ref.sub.end + 1) {
        return { kind: 'subParagraph', item, ref, number, sub: ref.sub, start: ref.sub.start, end: ref.sub.end };
      }
      if (ref.number && offset >= ref.number.start && offset <= ref.number.end) {
        return { kind: 'paragraph', item, ref, number: ref.number, start: ref.number.start, end: ref.number.end };
      }
      // The words of a sub-paragraph named in words (`subparagraph (b) of paragraph 5`) are its;
      // named again (`dicho apartado`), the words stand for it.
      if (ref.sub && offset >= ref.start && offset <= ref.end && !(ref.note && offset >= ref.note.start)) {
        const written = letterWrittenIn(ref);
        return { kind: 'subParagraph', item, ref, number, sub: ref.sub, start: written ? ref.sub.start : ref.start, end: written ? ref.sub.end : ref.end };
      }
      // A paragraph named again in words (`ce même paragraphe`): the words are the paragraph's.
      if (!ref.number && !ref.sub && !ref.note && offset >= ref.start && offset <= ref.end) {
        return { kind: 'paragraph', item, ref, number, start: ref.start, end: ref.end };
      }
    }
  }
  const mark = citation.mark;
  if ((offset >= citation.symbolStart && offset <= citation.symbolEnd) || (mark && offset >= mark.start && offset <= mark.end)) {
    return { kind: 'citation', start: citation.start, end: citation.end };
  }
  return undefined;
}
