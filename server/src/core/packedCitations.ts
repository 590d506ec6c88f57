/**
 * Citations packed into integers: how the draft index keeps each block's citations
 * between requests.
 *
 * As objects, the 50,000 citations of a 5 MB draft are some 320,000 objects and 74,000
 * strings (31 MB of heap), and every full collection has to visit them all: 15 ms each,
 * against 3 ms without them, in the middle of a keystroke when one lands there. Packed,
 * they are one `Int32Array` per block, which the collector does not look into; objects
 * are made again when asked for, short-lived, the way callers already received copies.
 *
 * Every string of a citation is a slice of the draft (the number as written, the mark as
 * written) and every other field follows from the offsets, the mark's spelling in `MARKS`
 * and the symbol's index among the papers' symbols, so nothing is lost: the tests unpack
 * every citation of the grammar's tests and of random drafts to an equal one.
 */
import { MARKS, type Citation, type CitationItem, type LetterToken, type Mark, type NumberToken, type Reference } from './grammar';

const NONE = -1;
/** In place of a symbol's index: a short form (`Ibid.`), a reference without a symbol (`par. 9`). */
const SHORT = -2;
const BARE = -3;
/** A reference without a symbol whose words name the paper (`Citation.ofThePaper`). */
const BARE_OF_THE_PAPER = -4;

/** An empty block's citations, shared. */
export const NO_CITATIONS = new Int32Array(0);

/*
 * Layout, offsets relative to the block's start:
 *   citation: symbol index, symbolStart, symbolEnd, mark index, markStart, start, end, item count, items…
 *   item:     start, end, has `to` (0/1), reference `from`, [reference `to`]
 *   reference: start, end, numberStart, numberEnd, inheritsStart, inheritsEnd, letterStart, noteStart, noteEnd
 * An absent token is NONE; a letter is one character, so its end is its start + 1 (and
 * it is read small, as the grammar reads `(B)`).
 */

/** Numbers per reference, per item (its span, whether it has `to`, then one or two references), per citation before its items. */
const REFERENCE = 9;
const ITEM = 3;
const CITATION = 8;

/** Packs citations whose offsets are relative to the block (as the grammar finds them in its prose). */
export function packCitations(citations: readonly Citation[], symbols: readonly string[]): Int32Array {
  if (citations.length === 0) return NO_CITATIONS;
  let length = 0;
  for (const c of citations) {
    length += CITATION;
    for (const item of c.items) length += ITEM + (item.to ? 2 : 1) * REFERENCE;
  }
  const out = new Int32Array(length);
  let i = 0;
  const put = (value: number) => (out[i++] = value);
  const token = (t: NumberToken | undefined) => {
    put(t ? t.start : NONE);
    put(t ? t.end : NONE);
  };
  const reference = (r: Reference) => {
    put(r.start);
    put(r.end);
    token(r.number);
    token(r.inherits);
    put(r.sub ? r.sub.start : NONE);
    token(r.note);
  };
  for (const c of citations) {
    const lower = c.mark?.text.toLowerCase();
    // A short form's symbol is not its own: the index finds it when unpacking.
    put(c.ofThePaper ? BARE_OF_THE_PAPER : c.bare ? BARE : c.short ? SHORT : symbols.indexOf(c.symbol));
    put(c.symbolStart);
    put(c.symbolEnd);
    put(lower === undefined ? NONE : MARKS.findIndex((m) => m.text === lower));
    put(c.mark ? c.mark.start : NONE);
    put(c.start);
    put(c.end);
    put(c.items.length);
    for (const item of c.items) {
      put(item.start);
      put(item.end);
      put(item.to ? 1 : 0);
      reference(item.from);
      if (item.to) reference(item.to);
    }
  }
  return out;
}

/**
 * Calls `fn` with each citation of `packed`, made afresh, its offsets moved by `base`
 * (the block's start in `text`, the draft whose slices its strings are). With `wanted`
 * (asked with each citation's span and whether it is a short form),
 * only the citations whose (moved) span it accepts are made: a hover in a block of
 * 100,000 citations (one long line) makes one.
 */
export function unpackCitations(
  packed: Int32Array,
  text: string,
  symbols: readonly string[],
  base: number,
  fn: (citation: Citation) => void,
  wanted?: (start: number, end: number, chained: boolean) => boolean,
): void {
  let i = 0;
  const numberAt = (start: number, end: number): NumberToken => {
    const written = text.slice(base + start, base + end);
    return { text: written, value: Number(written), start: base + start, end: base + end };
  };
  const reference = (): Reference => {
    const start = base + packed[i]!;
    const end = base + packed[i + 1]!;
    const numberStart = packed[i + 2]!;
    const numberEnd = packed[i + 3]!;
    const inheritsStart = packed[i + 4]!;
    const inheritsEnd = packed[i + 5]!;
    const letterStart = packed[i + 6]!;
    const noteStart = packed[i + 7]!;
    const noteEnd = packed[i + 8]!;
    i += REFERENCE;
    // Fields in the grammar's order, so that a citation reads (and prints) the same
    // whether just found or unpacked.
    const r = {} as Reference;
    if (numberStart !== NONE) r.number = numberAt(numberStart, numberEnd);
    if (inheritsStart !== NONE) r.inherits = numberAt(inheritsStart, inheritsEnd);
    if (letterStart !== NONE) {
      const sub: LetterToken = { letter: text[base + letterStart]!.toLowerCase(), start: base + letterStart, end: base + letterStart + 1 };
      r.sub = sub;
    }
    if (noteStart !== NONE) r.note = numberAt(noteStart, noteEnd);
    r.start = start;
    r.end = end;
    return r;
  };
  while (i < packed.length) {
    if (wanted && !wanted(base + packed[i + 5]!, base + packed[i + 6]!, packed[i] === SHORT)) {
      const count = packed[i + 7]!;
      i += CITATION;
      for (let k = 0; k < count; k++) i += ITEM + (packed[i + 2] === 1 ? 2 : 1) * REFERENCE;
      continue;
    }
    const short = packed[i] === SHORT || packed[i] === BARE || packed[i] === BARE_OF_THE_PAPER;
    const citation = { symbol: short ? '' : symbols[packed[i]!]!, symbolStart: base + packed[i + 1]!, symbolEnd: base + packed[i + 2]! } as Citation;
    const spelling = packed[i + 3] === NONE ? undefined : MARKS[packed[i + 3]!]!;
    if (spelling) {
      const markStart = base + packed[i + 4]!;
      const mark: Mark = { text: text.slice(markStart, markStart + spelling.text.length), start: markStart, end: markStart + spelling.text.length, style: spelling.style, kind: spelling.kind, plural: spelling.plural, lists: spelling.lists };
      citation.mark = mark;
    }
    citation.items = [];
    if (short) citation.short = true;
    if (packed[i] === BARE || packed[i] === BARE_OF_THE_PAPER) citation.bare = true;
    if (packed[i] === BARE_OF_THE_PAPER) citation.ofThePaper = true;
    citation.start = base + packed[i + 5]!;
    citation.end = base + packed[i + 6]!;
    const count = packed[i + 7]!;
    i += CITATION;
    for (let k = 0; k < count; k++) {
      const start = base + packed[i]!;
      const end = base + packed[i + 1]!;
      const hasTo = packed[i + 2] === 1;
      i += ITEM;
      const from = reference();
      const item: CitationItem = hasTo ? { from, to: reference(), start, end } : { from, start, end };
      citation.items.push(item);
    }
    fn(citation);
  }
}
