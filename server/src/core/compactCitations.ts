/**
 * The citations of a file that is not open, kept small: the workspace index holds 2,000
 * drafts' worth (half a million citations). As objects (citation, mark, items, references,
 * number tokens) they take some 450 bytes each and the texts as many again; here, ten
 * 32-bit numbers per cited item, and the line starts for positions.
 *
 * What is kept is what references and counts need: each item's span and what it names
 * (paragraph numbers and letters). What an item covers is worked out when asked, with
 * the corpus of the moment, as for an open draft (`coveredByItem`).
 */
import type { Paper } from './corpus';
import { paragraphOf, type Citation, type CitationItem, type NumberToken, type Reference } from './grammar';
import { countKey, coveredByItem, coversPassage, type Covered, type Passage } from './resolve';
import { lineStarts, positionAt } from './lines';

const FIELDS = 10;
const START = 0;
const END = 1;
const CITATION = 2;
const SYMBOL = 3;
const FROM_NUMBER = 4;
const FROM_LETTER = 5;
const TO_NUMBER = 6;
const TO_LETTER = 7;
const FROM_NOTE = 8;
const TO_NOTE = 9;

/** A number that names no paragraph: absurd, or past what 32 bits hold. */
const NO_PARAGRAPH = -1;
/** An item without a second half. */
const NO_TO = -2;
/** A second half without a number (`(c)` in `§6(a)–(c)`). */
const LETTER_ONLY = -3;
/** A footnote named alone (`note 2`): no paragraph number written. */
const NOTE_ONLY = -4;
/** No footnote named (footnotes are numbered from 1). */
const NO_NOTE = 0;

export interface CompactCitations {
  /** `FIELDS` numbers per item, items in text order. */
  readonly items: Int32Array;
  /** The symbols cited, by index. */
  readonly symbols: readonly string[];
  /** Offset of each line's start, lines counted as `TextDocument` counts them. */
  readonly lines: Uint32Array;
  /** How many citations; items carry their citation's ordinal. */
  readonly citations: number;
}

function noteOf(ref: Reference | undefined): number {
  return ref?.note ? numberOf(ref.note) : NO_NOTE;
}

function numberOf(number: NumberToken | undefined): number {
  const value = number?.value;
  return value !== undefined && Number.isSafeInteger(value) && value <= 0x7fffffff ? value : NO_PARAGRAPH;
}

export function compactCitations(text: string, citations: readonly Citation[]): CompactCitations {
  let count = 0;
  for (const c of citations) count += c.items.length;
  const items = new Int32Array(count * FIELDS);
  const symbols: string[] = [];
  let k = 0;
  citations.forEach((citation, ordinal) => {
    let symbol = symbols.indexOf(citation.symbol);
    if (symbol < 0) symbol = symbols.push(citation.symbol) - 1;
    for (const item of citation.items) {
      items[k + START] = item.start;
      items[k + END] = item.end;
      items[k + CITATION] = ordinal;
      items[k + SYMBOL] = symbol;
      // The paragraph, not the number as written: a letter-only list item (`(b)` in
      // `§6(a) and (b)`) is stored as `6(b)`, which covers the same.
      const fromParagraph = paragraphOf(item.from, item);
      items[k + FROM_NUMBER] = fromParagraph ? numberOf(fromParagraph) : NOTE_ONLY;
      items[k + FROM_LETTER] = item.from.sub?.letter.charCodeAt(0) ?? 0;
      items[k + TO_NUMBER] = !item.to ? NO_TO : item.to.number ? numberOf(item.to.number) : item.to.note ? NOTE_ONLY : LETTER_ONLY;
      items[k + TO_LETTER] = item.to?.sub?.letter.charCodeAt(0) ?? 0;
      items[k + FROM_NOTE] = noteOf(item.from);
      items[k + TO_NOTE] = noteOf(item.to);
      k += FIELDS;
    }
  });
  return { items, symbols, lines: Uint32Array.from(lineStarts(text)), citations: citations.length };
}

/** `TextDocument.positionAt` for the offsets stored here (never inside a `\r\n`). */
export function positionIn(compact: CompactCitations, offset: number): { line: number; character: number } {
  return positionAt(compact.lines, offset);
}

function token(value: number): NumberToken {
  return { text: String(value), value: value === NO_PARAGRAPH ? Number.NaN : value, start: 0, end: 0 };
}

function reference(value: number, letter: number, note: number): Reference {
  return {
    ...(value !== NOTE_ONLY ? { number: token(value) } : {}),
    ...(letter ? { sub: { letter: String.fromCharCode(letter), start: 0, end: 0 } } : {}),
    ...(note !== NO_NOTE ? { note: token(note) } : {}),
    start: 0,
    end: 0,
  };
}

/**
 * What the item at `k` covers in `paper`, memoized in `memo` by what it names: the same
 * few hundred references recur across a workspace.
 */
function covered(paper: Paper, items: Int32Array, k: number, memo: Map<string, Covered[]>): Covered[] {
  const key = `${items[k + FROM_NUMBER]},${items[k + FROM_LETTER]},${items[k + TO_NUMBER]},${items[k + TO_LETTER]},${items[k + FROM_NOTE]},${items[k + TO_NOTE]}`;
  let result = memo.get(key);
  if (!result) {
    const from = reference(items[k + FROM_NUMBER]!, items[k + FROM_LETTER]!, items[k + FROM_NOTE]!);
    const toNumber = items[k + TO_NUMBER]!;
    const item: CitationItem = { from, start: 0, end: 0 };
    if (toNumber === LETTER_ONLY) item.to = { sub: { letter: String.fromCharCode(items[k + TO_LETTER]!), start: 0, end: 0 }, start: 0, end: 0 };
    else if (toNumber !== NO_TO) item.to = reference(toNumber, items[k + TO_LETTER]!, items[k + TO_NOTE]!);
    result = coveredByItem(paper, item);
    memo.set(key, result);
  }
  return result;
}

/** A memo for `citingSpansIn` and `countCitationsIn`: one per request and paper. */
export function coverageMemo(): Map<string, Covered[]> {
  return new Map();
}

/** `citingSpans` (features/references.ts) on compact citations. */
export function citingSpansIn(
  compact: CompactCitations,
  passage: Passage & { paper: Paper },
  memo: Map<string, Covered[]>,
): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const symbol = compact.symbols.indexOf(passage.paper.symbol);
  if (symbol < 0) return spans;
  const items = compact.items;
  for (let k = 0; k < items.length; k += FIELDS) {
    if (items[k + SYMBOL] !== symbol) continue;
    const covers = covered(passage.paper, items, k, memo).some((c) => coversPassage(c, passage));
    if (covers) spans.push({ start: items[k + START]!, end: items[k + END]! });
  }
  return spans;
}

/** `countCitations` (features/outline.ts) on compact citations: each citation counts once per paragraph or footnote. */
export function countCitationsIn(compact: CompactCitations, paper: Paper, memo: Map<string, Covered[]>): Map<string, number> {
  const counts = new Map<string, number>();
  const symbol = compact.symbols.indexOf(paper.symbol);
  if (symbol < 0) return counts;
  const items = compact.items;
  const numbers = new Set<string>();
  for (let k = 0; k < items.length; k += FIELDS) {
    if (items[k + SYMBOL] !== symbol) continue;
    for (const c of covered(paper, items, k, memo)) numbers.add(countKey(c));
    const last = k + FIELDS >= items.length || items[k + FIELDS + CITATION] !== items[k + CITATION];
    if (last) {
      for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
      numbers.clear();
    }
  }
  return counts;
}
