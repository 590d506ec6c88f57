/**
 * The citation grammar: finds `CRP/43 §6(a)`, `CRP/43, par. 13`, `CRP/43 §§11–12` ... in
 * prose. Works on text in which code, comments and link destinations have already been
 * blanked out (see markdown.ts), so offsets here are offsets in the writer's document.
 *
 *   citation  = symbol [","] ws mark ws item { list-sep item }
 *   mark      = "§§" | "§" | "paras." | "para." | "paragraphs" | "paragraph" | "paragraphes"
 *             | "paragraphe" | "par." | "párrafos" | "párrafo" | "párrs." | "párr."  (any case)
 *   item      = ref [ range-sep ( ref | "(" letter ")" ) ]
 *             | "(" letter ")" [ range-sep "(" letter ")" ]   (a letter-only item, see below)
 *   ref       = number [ [" "] "(" letter ")" ]
 *   range-sep = "-" | "–" | "—" | " to " | " à " | " a "
 *   list-sep  = ( "," | ", and" | " and " | " et " | " y " ) [ mark ws ]   (`§6 and §7`)
 *
 * A list item that reads as a day and a month (`22 November`, `22 novembre`, `22 de
 * noviembre`) ends the citation before it: `CRP/43 §6, 22 November 2013` cites 6.
 *
 * A letter-only item (`(b)` in `§6(a) and (b)`, `(c)` in `§§6(a), (c) and 7`) names a
 * sub-paragraph of the paragraph of the closest preceding reference, and is only read
 * when that reference carries a letter too: `§6 and (b)` is more likely prose
 * enumerating "(a) ... and (b) ..." than a sub-paragraph list.
 *
 * Hard-wrapped prose: one line break (not a blank line) may stand for the space between
 * the symbol and the mark, after the mark, after a list separator (`§§6,` / `7`) and
 * after a range separator (`párrs. 19 a` / `20`). Never before a separator (a line that
 * ends on a number says nothing of the next one, which may start `- 8` in a list), and
 * never before a letter-only item or an ordered-list marker (`(b) ...` and `2. ...`
 * at the start of a line are enumerations).
 */

/** How a citation names paragraphs. Stable keys, used by settings and the style fixer. */
export type MarkStyle = 'section' | 'para' | 'par' | 'parr';

export interface Mark {
  text: string;
  start: number;
  end: number;
  style: MarkStyle;
  plural: boolean;
}

export interface NumberToken {
  /** As written: `6`, `06`, `99999999999999999999`. */
  text: string;
  /** Its value; not a safe integer when the writer typed an absurd number. */
  value: number;
  start: number;
  end: number;
}

export interface LetterToken {
  letter: string;
  /** The letter itself, not its parentheses. */
  start: number;
  end: number;
}

/**
 * One paragraph or sub-paragraph named in a citation. Which paragraph: `paragraphOf`,
 * never `number` alone, which is only the number as written here.
 */
export interface Reference {
  /**
   * The number written in this reference. Absent when only a letter is written: the
   * second half of a sub-paragraph range (`(c)` in `§6(a)–(c)`), or a letter-only list
   * item (`(b)` in `§6(a) and (b)`, which has `inherits`).
   */
  number?: NumberToken;
  /**
   * For a letter-only list item: the number of the closest preceding reference of the
   * citation, whose paragraph it names (the `6` of `§6(a) and (b)` for the `(b)`). Its
   * offsets are where that number is written, not in this reference. Never set
   * together with `number`.
   */
  inherits?: NumberToken;
  sub?: LetterToken;
  start: number;
  end: number;
}

/** A single reference, or a range `from`–`to`. */
export interface CitationItem {
  from: Reference;
  to?: Reference;
  start: number;
  end: number;
}

export interface Citation {
  /** The paper's symbol, e.g. `CRP/43`. */
  symbol: string;
  symbolStart: number;
  symbolEnd: number;
  mark: Mark;
  items: CitationItem[];
  start: number;
  end: number;
}

interface MarkSpelling {
  text: string;
  style: MarkStyle;
  plural: boolean;
}

/** Longest spellings first, so `paras.` wins over `para.`, and `paragraphes` and `paragraphs` over `paragraph`. */
export const MARKS: readonly MarkSpelling[] = [
  { text: '§§', style: 'section', plural: true },
  { text: '§', style: 'section', plural: false },
  { text: 'paragraphes', style: 'par', plural: true },
  { text: 'paragraphe', style: 'par', plural: false },
  { text: 'paragraphs', style: 'para', plural: true },
  { text: 'paragraph', style: 'para', plural: false },
  { text: 'paras.', style: 'para', plural: true },
  { text: 'para.', style: 'para', plural: false },
  { text: 'par.', style: 'par', plural: false },
  { text: 'párrafos', style: 'parr', plural: true },
  { text: 'párrafo', style: 'parr', plural: false },
  { text: 'párrs.', style: 'parr', plural: true },
  { text: 'párr.', style: 'parr', plural: false },
];

/** Spaces a writer may type, including French non-breaking spaces before and after marks. */
const SPACE = new Set([' ', '\t', '\u00a0', '\u202f']);
const DASHES = new Set(['-', '–', '—', '‑']);
const RANGE_WORDS = ['to', 'à', 'a'];
const LIST_WORDS = ['and', 'et', 'y'];

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && SPACE.has(text[i]!)) i++;
  return i;
}

/** Spaces, then at most one line break followed by indentation or blockquote markers. */
function skipSpacesAndOneBreak(text: string, i: number): number {
  i = skipSpaces(text, i);
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (i < text.length && (SPACE.has(text[i]!) || text[i] === '>')) i++;
  return i;
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * Where what follows a separator starts, with at most one line break in between, and
 * whether there was one. A blank line is not skipped: the next line is blank, so no
 * number or letter starts there and the citation ends.
 */
function skipGap(text: string, i: number): { at: number; broke: boolean } {
  const j = skipSpaces(text, i);
  if (!isBreak(text[j])) return { at: j, broke: false };
  return { at: skipSpacesAndOneBreak(text, j), broke: true };
}

/**
 * Whether a number can start a reference at `i`: after a line break, not when it reads
 * as an ordered-list marker (`2. ` or `2) ` then a space), which in a list block starts
 * the next item rather than continuing the citation. (`21.` ending a sentence is read.)
 */
function numberStartsAt(text: string, i: number, broke: boolean): boolean {
  if (!isDigit(text[i])) return false;
  if (!broke) return true;
  let j = i;
  while (isDigit(text[j])) j++;
  return !((text[j] === '.' || text[j] === ')') && SPACE.has(text[j + 1] ?? ''));
}

/** What a mark can start with, in either case (`§`, `p`, `P`). */
const MARK_FIRST_CHARACTERS = new Set(MARKS.flatMap((m) => [m.text[0]!, m.text[0]!.toUpperCase()]));

/**
 * Every spelling, in `MARKS`' order, as one sticky case-insensitive pattern: a word mark
 * must end where it ends (`paragraphes` is not `paragraphe` + `s`, `paragraphing` no mark).
 * One match instead of a slice and a lower-casing per spelling: marks are looked for at
 * every citation and after every list separator, and the loop was a tenth of `check`.
 */
const markSource = (m: MarkSpelling) => m.text.replace(/\./g, '\\.');
const MARK_PATTERN = new RegExp(MARKS.map((m) => markSource(m) + (/^[\p{L}]+$/u.test(m.text) ? '(?![\\p{L}\\p{N}_])' : '')).join('|'), 'iuy');

/** Every spelling as alternatives of a regular expression (match case-insensitively), for callers that look for a mark in context. */
export const MARK_ALTERNATIVES = MARKS.map(markSource).join('|');
const MARK_BY_TEXT = new Map(MARKS.map((m) => [m.text, m]));

export function matchMark(text: string, i: number): Mark | undefined {
  // Most candidates fail on their first character (`CRP/43 was ...`): test it alone first.
  if (!MARK_FIRST_CHARACTERS.has(text[i]!)) return undefined;
  MARK_PATTERN.lastIndex = i;
  const found = MARK_PATTERN.exec(text)?.[0];
  const m = found === undefined ? undefined : MARK_BY_TEXT.get(found.toLowerCase());
  return m && { text: found!, start: i, end: i + m.text.length, style: m.style, plural: m.plural };
}

function parseNumber(text: string, i: number): NumberToken | undefined {
  let j = i;
  while (isDigit(text[j])) j++;
  if (j === i) return undefined;
  // `§6a` or `§6,5` are not references to paragraph 6.
  if (isWordChar(text[j]) && !isDigit(text[j])) return undefined;
  const digits = text.slice(i, j);
  return { text: digits, value: Number(digits), start: i, end: j };
}

/** `(a)` at i, optionally after one space. Returns the letter token and the end of `)`. */
function parseLetter(text: string, i: number): { sub: LetterToken; end: number } | undefined {
  let j = i;
  if (SPACE.has(text[j] ?? '')) j++;
  if (text[j] !== '(') return undefined;
  const letter = text[j + 1];
  if (letter === undefined || !/[a-z]/.test(letter) || text[j + 2] !== ')') return undefined;
  return { sub: { letter, start: j + 1, end: j + 2 }, end: j + 3 };
}

function parseReference(text: string, i: number): Reference | undefined {
  const number = parseNumber(text, i);
  if (!number) return undefined;
  const letter = parseLetter(text, number.end);
  return letter
    ? { number, sub: letter.sub, start: i, end: letter.end }
    : { number, start: i, end: number.end };
}

/**
 * A day and a month at i: `22 November`, `1er décembre`, `22 de noviembre`. After a
 * citation's comma it is the date the writer goes on with (`CRP/43 §6, 22 November
 * 2013`), not one more paragraph. English months are capitalized, so `§§5, 6 may apply`
 * stays a list; French and Spanish ones are not.
 */
const DAY_AND_MONTH =
  /^\d{1,2}(?:er)?[ \u00a0\u202f]+(?:de[ \u00a0\u202f]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?!\p{L})/u;

function startsDate(text: string, i: number): boolean {
  return DAY_AND_MONTH.test(text.slice(i, i + 32));
}

/** A word separator (`to`, `and` ...) at j: followed by a space or a line break. */
function wordAt(text: string, j: number, words: readonly string[]): string | undefined {
  // Asked after every reference: most of the time the next character starts no word here.
  const first = text[j]?.toLowerCase();
  if (first === undefined) return undefined;
  return words.find(
    (word) => word[0] === first && text.slice(j, j + word.length).toLowerCase() === word && (SPACE.has(text[j + word.length] ?? '') || isBreak(text[j + word.length])),
  );
}

/** A range separator at i: returns where the range's second half starts. */
function parseRangeSeparator(text: string, i: number): { at: number; broke: boolean } | undefined {
  const j = skipSpaces(text, i);
  if (DASHES.has(text[j] ?? '')) return skipGap(text, j + 1);
  if (j === i) return undefined;
  const word = wordAt(text, j, RANGE_WORDS);
  return word ? skipGap(text, j + word.length) : undefined;
}

/**
 * A list separator at i followed by a number, or by a letter in parentheses when
 * `letterMayFollow` (the item before ends on a letter): returns where the next item starts.
 */
function parseListSeparator(text: string, i: number, letterMayFollow: boolean): number | undefined {
  let j = skipSpaces(text, i);
  let sawComma = false;
  let broke = false;
  if (text[j] === ',') {
    sawComma = true;
    ({ at: j, broke } = skipGap(text, j + 1));
  }
  const word = wordAt(text, j, LIST_WORDS);
  if (word) {
    if (j === i && !sawComma) return undefined;
    ({ at: j, broke } = skipGap(text, j + word.length));
  } else if (!sawComma) {
    return undefined;
  }
  if (numberStartsAt(text, j, broke)) return j;
  // The mark written again before the next item: `§6 and §7`, `par. 6 et par. 7`.
  const mark = matchMark(text, j);
  if (mark) {
    const next = skipGap(text, mark.end);
    return numberStartsAt(text, next.at, next.broke) ? next.at : undefined;
  }
  return letterMayFollow && !broke && text[j] === '(' ? j : undefined;
}

/** A letter-only item at i (`(b)`, `(b)–(c)`), in the paragraph `inherits`. */
function parseLetterItem(text: string, i: number, inherits: NumberToken): CitationItem | undefined {
  const letter = parseLetter(text, i);
  if (!letter) return undefined;
  const from: Reference = { inherits, sub: letter.sub, start: i, end: letter.end };
  const next = parseRangeSeparator(text, from.end);
  if (next && !next.broke && text[next.at] === '(') {
    const to = parseLetter(text, next.at);
    if (to) return { from, to: { sub: to.sub, start: next.at, end: to.end }, start: i, end: to.end };
  }
  return { from, start: i, end: from.end };
}

function parseItem(text: string, i: number): CitationItem | undefined {
  const from = parseReference(text, i);
  if (!from) return undefined;
  const next = parseRangeSeparator(text, from.end);
  if (next !== undefined && numberStartsAt(text, next.at, next.broke)) {
    const to = parseReference(text, next.at);
    if (to) return { from, to, start: from.start, end: to.end };
  }
  if (next !== undefined && !next.broke && from.sub) {
    const letter = parseLetter(text, next.at);
    if (letter && text[next.at] === '(') {
      return { from, to: { sub: letter.sub, start: next.at, end: letter.end }, start: from.start, end: letter.end };
    }
  }
  return { from, start: from.start, end: from.end };
}

/** The paragraph a letter-only item after `item` would name: its last reference's, when that has a letter. */
function inheritableAfter(item: CitationItem): NumberToken | undefined {
  const last = item.to ?? item.from;
  return last.sub ? paragraphOf(last, item) : undefined;
}

/**
 * Parses the rest of a citation once its symbol has been found at `symbolStart`.
 * Returns undefined when no mark and number follow (`CRP/43 was adopted ...`).
 */
export function parseCitationAt(text: string, symbol: string, symbolStart: number): Citation | undefined {
  const symbolEnd = symbolStart + symbol.length;
  let i = symbolEnd;
  if (text[i] === ',') i++;
  i = skipSpacesAndOneBreak(text, i);
  const mark = matchMark(text, i);
  if (!mark) return undefined;
  const first = skipGap(text, mark.end);
  if (!numberStartsAt(text, first.at, first.broke)) return undefined;
  i = first.at;
  const items: CitationItem[] = [];
  for (let inherits: NumberToken | undefined; ; ) {
    // A letter-only item only follows a separator that `parseListSeparator` let through.
    const item = text[i] === '(' && inherits ? parseLetterItem(text, i, inherits) : parseItem(text, i);
    if (!item) break;
    items.push(item);
    inherits = inheritableAfter(item);
    const next = parseListSeparator(text, item.end, inherits !== undefined);
    if (next === undefined || startsDate(text, next)) break;
    i = next;
  }
  if (items.length === 0) return undefined;
  return { symbol, symbolStart, symbolEnd, mark, items, start: symbolStart, end: items[items.length - 1]!.end };
}

/** Whether the symbol found at i stands alone (not `XCRP/43` or `CRP/431`). */
function isWholeSymbol(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !(before !== undefined && (isWordChar(before) || before === '/')) && !(after !== undefined && (isWordChar(after) || after === '/'));
}

/**
 * Every citation of one of `symbols` in `text`, in order. `text` is prose with code and
 * comments blanked out; `from`/`to` restrict the search to a slice without copying it.
 */
export function findCitations(text: string, symbols: readonly string[], from = 0, to = text.length): Citation[] {
  const found: Citation[] = [];
  for (const symbol of symbols) {
    let i = text.indexOf(symbol, from);
    while (i >= 0 && i + symbol.length <= to) {
      if (isWholeSymbol(text, i, i + symbol.length)) {
        const citation = parseCitationAt(text, symbol, i);
        if (citation && citation.end <= to) found.push(citation);
      }
      i = text.indexOf(symbol, i + symbol.length);
    }
  }
  if (symbols.length > 1) found.sort((a, b) => a.start - b.start);
  return found;
}

/**
 * The paragraph a reference names, the one way to ask: its own number; for a letter-only
 * list item (`(b)` in `§6(a) and (b)`), the number it inherits; for the second half of a
 * sub-paragraph range (`(c)` in `§6(a)–(c)`, `(d)` in `§6(a), (b)–(d)`), the range's.
 */
export function paragraphOf(ref: Reference, item: CitationItem): NumberToken | undefined {
  return ref.number ?? ref.inherits ?? item.from.number ?? item.from.inherits;
}

/** What a position in a citation points at. */
export type Target =
  | { kind: 'paragraph'; item: CitationItem; ref: Reference; number: NumberToken; start: number; end: number }
  | { kind: 'subParagraph'; item: CitationItem; ref: Reference; number: NumberToken; sub: LetterToken; start: number; end: number }
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
      const number = paragraphOf(ref, item);
      if (!number) continue;
      if (ref.sub && offset >= ref.sub.start - 1 && offset <= ref.sub.end + 1) {
        return { kind: 'subParagraph', item, ref, number, sub: ref.sub, start: ref.sub.start, end: ref.sub.end };
      }
      if (ref.number && offset >= ref.number.start && offset <= ref.number.end) {
        return { kind: 'paragraph', item, ref, number: ref.number, start: ref.number.start, end: ref.number.end };
      }
    }
  }
  if ((offset >= citation.symbolStart && offset <= citation.symbolEnd) || (offset >= citation.mark.start && offset <= citation.mark.end)) {
    return { kind: 'citation', start: citation.start, end: citation.end };
  }
  return undefined;
}
