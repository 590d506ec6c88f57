/**
 * A citation's body: `§§ 6(a)–(c), 9 and 11`, `paragraphe 24 a) et c)`, `subparagraph (b)
 * of paragraph 5`. Numbers, letters, items, range and list separators, and where a list
 * ends (a year, a date, a count of something: `para. 6, 12 countries`).
 */

import type { CitationItem, LetterToken, Mark, MarkKind, NumberToken, Reference } from './types';
import { DASHES, SUB_OF_MATCHER, SUB_WORD_MATCHER, asSpelled, escapeForPattern, isBreak, isDigit, isSpace, isWordChar, lazy, matchMark, matchWord, numberStartsAt, skipGap, skipSpaces, skipSpacesAndOneBreak } from './scan';
import { LIST_ARTICLES, LIST_WORDS, NOT_COUNTED, PREPOSITION_MARKS, RANGE_FROM_WORDS, RANGE_WORDS, SUB_PARAGRAPH_PLURALS } from './words';
import { SYMBOL_AFTER_OF, TEXT_NOUN_LIST, namesAnotherText } from './texts';
import { paragraphOf } from './targets';

export function parseNumber(text: string, i: number, letterMayFollow = false): NumberToken | undefined {
  let j = i;
  while (isDigit(text[j])) j++;
  if (j === i) return undefined;
  // `§6,5` or `§6bis` are not references to paragraph 6; `§6a` is one to 6(a) where a
  // paragraph's letter may follow (`gluedLetterAt`); French `par. 1er` is paragraph 1.
  if (isWordChar(text[j]) && !isDigit(text[j]) && !(letterMayFollow && gluedLetterAt(text, j)) && !(j === i + 1 && text[i] === '1' && FIRST.test(text.slice(j, j + 3)))) return undefined;
  const digits = text.slice(i, j);
  return { text: digits, value: Number(digits), start: i, end: j };
}

/**
 * The French ordinal ending of one, as French writes paragraph 1: `par. 1er`. Not the
 * feminine `1re`: no paragraph is (`par. 8, 1re phrase` is its first sentence).
 */
export const FIRST = /^er(?![\p{L}\p{N}_])/u;

/**
 * A sub-paragraph letter at i, optionally after one space: `(a)`, and the UN French and
 * Spanish `a)`. Right after a number (`afterNumber`), `(B)` is read as (b) (elsewhere an
 * upper-case letter is an enumeration), a small letter may be glued to it (`6a`), and a
 * line break may stand for the space when the citation goes on after the letter. Returns
 * the letter token and the end of what was read.
 */
export function parseLetter(text: string, i: number, afterNumber: boolean): { sub: LetterToken; end: number } | undefined {
  if (afterNumber && gluedLetterAt(text, i)) return { sub: { letter: text[i]!, start: i, end: i + 1 }, end: i + 1 };
  // Hard-wrapped prose breaks the line anywhere: `par. 24`⏎`b)`, `paragraph 12`⏎`(a) to (c)`.
  const gap = afterNumber ? skipGap(text, i) : undefined;
  const broke = gap?.broke === true;
  let j = broke ? gap!.at : i;
  if (!broke && isSpace(text[j])) j++;
  const open = text[j] === '(';
  const at = open ? j + 1 : j;
  const letter = text[at];
  if (letter === undefined || text[at + 1] !== ')') return undefined;
  if (open ? !(/[a-z]/.test(letter) || (afterNumber && /[A-Z]/.test(letter))) : !/[a-z]/.test(letter)) return undefined;
  // `a)` only as a letter of its own: after a number, one space (or a line break) and no more (`24 a)`), and not `xa)`.
  if (!open && ((afterNumber && j !== i + 1 && !broke) || isWordChar(text[at - 1]))) return undefined;
  // On the next line, a letter opening an enumeration (`paragraph 12`⏎`(a) the first…`) is not the paragraph's.
  if (broke && !continuesCitation(text, at + 2)) return undefined;
  return { sub: { letter: letter.toLowerCase(), start: at, end: at + 1 }, end: at + 2 };
}

/**
 * A letter glued to a paragraph number at i, as some writers abbreviate a sub-paragraph:
 * `para 6a`, `§6b` (read as 6(a), 6(b); the style fix writes the brackets). One small
 * letter, then no word character, then what goes on with a citation: `6bis`, `6A`, `6,5`
 * and `2e phrase` are not.
 */
export function gluedLetterAt(text: string, i: number): boolean {
  const c = text[i];
  // And the citation goes on after it: `(par. 15, 2e phrase)` is French for "second sentence".
  return c !== undefined && c >= 'a' && c <= 'z' && isDigit(text[i - 1]) && !isWordChar(text[i + 1]) && continuesCitation(text, i + 1);
}

/**
 * Whether the citation goes on after a letter at i (the end of its `)`): a closing
 * bracket or punctuation, the line's end, a range or list word, the `of`, `du`, `del` of
 * its paragraph. What else follows is the text of an enumeration the letter opens.
 */
function continuesCitation(text: string, i: number): boolean {
  const j = skipSpaces(text, i);
  const c = text[j];
  if (c === undefined || isBreak(c) || ').,;:]'.includes(c) || DASHES.has(c)) return true;
  return wordAt(text, j, RANGE_WORDS) !== undefined || wordAt(text, j, LIST_WORDS) !== undefined || matchWord(SUB_OF_MATCHER, text, j) !== undefined;
}

/**
 * Whether the letter at i, at the start of a line after a range or list word, is the
 * citation's: when the citation goes on after it (`par. 6 a) à` ⏎ `c))`, `par. 24 a),` ⏎
 * `b) et c)`, `alinéas a) à` ⏎ `c) du paragraphe 12`), not when it opens an enumeration
 * (`paragraphs 12 and` ⏎ `(a) the first…`).
 */
function letterGoesOnAt(text: string, i: number): boolean {
  const letter = parseLetter(text, i, false);
  return letter !== undefined && continuesCitation(text, letter.end);
}

/** Whether a letter-only item starts at i: `(b)` or `b)`. */
export function letterStartsAt(text: string, i: number): boolean {
  return text[i] === '(' || (/[a-z]/.test(text[i] ?? '') && text[i + 1] === ')');
}

/** `, subparagraph (b)`, `, alinéa b)`, `, inciso b)` after a paragraph number. */
function parseSubAfter(text: string, i: number): { sub: LetterToken; end: number } | undefined {
  let j = skipSpaces(text, i);
  if (text[j] === ',') j = skipSpacesAndOneBreak(text, j + 1);
  const word = matchWord(SUB_WORD_MATCHER, text, j);
  if (!word) return undefined;
  const k = skipSpaces(text, j + word.length);
  return k > j + word.length ? parseLetter(text, k, false) : undefined;
}

/** `n. 2`, `note 2`, `nota 2` after a paragraph: one of its notes (`§9 n. 2`). */
function parseNoteOf(text: string, i: number): { note: NumberToken; end: number } | undefined {
  const j = skipSpaces(text, i);
  if (j === i) return undefined;
  const mark = matchMark(text, j);
  if (!mark || mark.kind !== 'footnote' || mark.plural) return undefined;
  const at = skipSpaces(text, mark.end);
  const note = parseNumber(text, at);
  return note && { note, end: note.end };
}

function parseReference(text: string, i: number, kind: MarkKind): Reference | undefined {
  const number = parseNumber(text, i, kind !== 'footnote');
  if (!number) return undefined;
  if (kind === 'footnote') return { note: number, start: i, end: number.end };
  const letter = parseLetter(text, number.end, true) ?? parseSubAfter(text, number.end);
  const note = parseNoteOf(text, letter?.end ?? number.end);
  // Fields in one order whatever is written, as packedCitations.ts unpacks them.
  const ref = { number } as Reference;
  if (letter) ref.sub = letter.sub;
  if (note) ref.note = note.note;
  ref.start = i;
  ref.end = note?.end ?? letter?.end ?? number.end;
  return ref;
}

/**
 * A day and a month at i: `22 November`, `1er décembre`, `22 de noviembre`. After a
 * citation's comma it is the date the writer goes on with (`CRP/43 §6, 22 November
 * 2013`), not one more paragraph. English months are capitalized, so `§§5, 6 may apply`
 * stays a list; French and Spanish ones are not.
 */
const DAY_AND_MONTH =
  /^\d{1,2}(?:er)?[\s\u202f]+(?:de[\s\u202f]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?!\p{L})/u;

/** Two days and their month: `3 et 4 octobre`, `3 and 4 October`, `3-4 October`, `3 y 4 de octubre`; hard-wrapped anywhere (`3 y 4` ⏎ `de octubre`). */
const DAYS_AND_MONTH = lazy(() => new RegExp(`^\\d{1,2}(?:er)?\\s*(?:et|and|y|à|to|al|-|–)\\s*${DAY_AND_MONTH.source.slice(1)}`, 'u'));

/** A text named in words and dated, ending there: `notre note du 7 octobre`, `our letter of 5 December 2013`, `la nota del 5 de diciembre de 2013`. */
export const DATED_TEXT = lazy(
  () =>
    new RegExp(
      `(?:${TEXT_NOUN_LIST.map(escapeForPattern).join('|')})[ \\u00a0]+(?:of|dated|du|en date du|de|del|de fecha)[ \\u00a0]+${DAY_AND_MONTH.source.slice(1)}(?:[ \\u00a0]+(?:de[ \\u00a0]+)?\\d{4})?$`,
      'iu',
    ),
);

function startsDate(text: string, i: number): boolean {
  return DAY_AND_MONTH.test(text.slice(i, i + 32));
}

/** Whether a number reads as a year (1800–2099): no paper has that many paragraphs. */
export function isYear(number: NumberToken | undefined): boolean {
  return number !== undefined && /^(?:1[89]|20)\d\d$/.test(number.text);
}

/**
 * Whether a list item after the first is prose the writer goes on with rather than one
 * more reference: a year or a period (`, 2013`, `, 2013–2014`), a date in figures (`,
 * 22/11`, `, 22.11.2013`), or a count of something (`, 12 countries`, `, 12 pays`, `, 12 países`).
 */
function isProseItem(text: string, item: CitationItem): boolean {
  const number = item.from.number;
  if (!number || item.from.sub || item.from.note) return false;
  // A year, or a period of years (`, 2013–2014`, `, 2013-14`).
  if (isYear(number)) return true;
  // Days of a month (`(par. 1, 3 et 4 octobre 2013)`, `, 3-4 October`).
  if (DAYS_AND_MONTH().test(text.slice(number.start, number.start + 48))) return true;
  if (item.to) return false;
  if ((text[number.end] === '/' || text[number.end] === '.') && isDigit(text[number.end + 1]) && !(text[number.end] === '/' && slashJoinsNumbers(text, number.end))) return true;
  const word = wordCounted(text, number);
  if (word !== undefined) return /[sx]$/.test(word);
  // Of people or places named with a capital: `, 12 États`, `, 12 Member States`.
  COUNTED_NAME.lastIndex = number.end;
  return COUNTED_NAME.test(text) && !NOT_COUNTED.has(text.slice(skipSpaces(text, number.end), number.end + 12).split(/[ \u00a0]/)[0]!.toLowerCase());
}

/** A capitalized plural after a number (sticky, asked at its end): one or two words, the last ending in `s` or `x`. */
const COUNTED_NAME = /[ \u00a0]+\p{Lu}[\p{L}-]*(?:[ \u00a0]+\p{Lu}[\p{L}-]*)?[sx](?![\p{L}\p{N}])/uy;

/** The plural-looking word right after a number, as in a count (`12 countries`, `12 pays`), if any. */
export function wordCounted(text: string, number: NumberToken): string | undefined {
  const j = skipSpaces(text, number.end);
  if (j === number.end) return undefined;
  const word = /^\p{Ll}[\p{L}-]*/u.exec(text.slice(j, j + 30))?.[0];
  return word !== undefined && word.length >= 3 && !NOT_COUNTED.has(word) ? word : undefined;
}

/** A word separator (`to`, `and` ...) at j: followed by a space or a line break. */
function wordAt(text: string, j: number, words: readonly string[]): string | undefined {
  // Asked after every reference: most of the time the next character starts no word here.
  const first = text[j]?.toLowerCase();
  if (first === undefined) return undefined;
  return words.find(
    (word) => word[0] === first && text.slice(j, j + word.length).toLowerCase() === word && (isSpace(text[j + word.length]) || isBreak(text[j + word.length])),
  );
}

/**
 * Where a word separator (`to`, `and`, `à`, `y` ...) may start at j: there, or at the
 * start of the next line when a line break comes first. Hard-wrapped prose breaks before
 * them as often as anywhere (`paragraphs 13` ⏎ `and 14 of CRP/43`); unlike `,`, `-` or
 * `&`, a word cannot start a list item (`- 8`), so it continues the citation.
 */
function wordSeparatorAt(text: string, j: number): number {
  if (!isBreak(text[j])) return j;
  const { at } = skipGap(text, j);
  return isWordChar(text[at]) ? at : j;
}

/**
 * A range separator at i, and the mark written again after it (`§9–§11`): returns where
 * the range's second half starts. `spaced`: a dash with spaces around it and the mark
 * written again (`§9 – §11`), which prose also writes as an aside (`para 4 – para 4 is
 * about adoption`).
 */
export function parseRangeSeparator(text: string, i: number): { at: number; broke: boolean; spaced?: true } | undefined {
  const j = skipSpaces(text, i);
  let next: { at: number; broke: boolean } | undefined;
  const dash = DASHES.has(text[j] ?? '');
  if (dash) next = skipGap(text, j + 1);
  else if (j > i || isBreak(text[j])) {
    const at = wordSeparatorAt(text, j);
    const word = wordAt(text, at, RANGE_WORDS);
    if (word) next = skipGap(text, at + word.length);
  }
  if (!next) return undefined;
  const mark = matchMark(text, next.at);
  if (mark && mark.kind === 'paragraph') {
    const after = skipGap(text, mark.end);
    if (isDigit(text[after.at])) return dash && j > i && next.at > j + 1 ? { ...after, spaced: true } : after;
  }
  return next;
}

/**
 * Whether the slash at i joins two paragraph numbers (`paras 13/14`, `26/27`): glued to
 * both, the second greater, and not part of a date (`22/11`, `3/4/2013`).
 */
function slashJoinsNumbers(text: string, i: number): boolean {
  let from = i;
  while (isDigit(text[from - 1])) from--;
  let to = i + 1;
  while (isDigit(text[to])) to++;
  if (from === i || to === i + 1 || text[to] === '/' || (text[to] === '.' && isDigit(text[to + 1]))) return false;
  return Number(text.slice(i + 1, to)) > Number(text.slice(from, i));
}

/** Whether a list of numbers at i goes on with commas to a list word and a number: `13 and 17` of `para. 6, 13 and 17`. */
function closedList(text: string, i: number): boolean {
  for (let at = i, items = 0; items < 12; items++) {
    const number = parseNumber(text, at);
    if (!number) return false;
    const letter = parseLetter(text, number.end, true);
    let j = skipSpaces(text, letter?.end ?? number.end);
    if (text[j] === ',') j = skipSpaces(text, j + 1);
    const word = wordAt(text, j, LIST_WORDS);
    if (word) {
      const last = skipSpaces(text, j + word.length);
      // Not a date: `§6, 3 and 4 October` is the sentence going on.
      return isDigit(text[last]) && !startsDate(text, last);
    }
    // Another number only after a comma.
    if (!isDigit(text[j]) || text.slice(letter?.end ?? number.end, j).indexOf(',') < 0) return false;
    at = j;
  }
  return false;
}

/**
 * A list separator at i followed by a number (when the mark heads lists), by the mark
 * written again and a number, or by a letter-only item when `letterMayFollow` (the item
 * before ends on a letter): where the next item starts, the mark written there, and
 * whether the separator has a word (`and`, `, et`), which closes a list.
 */
export function parseListSeparator(text: string, i: number, numbersMayFollow: boolean, letterMayFollow: boolean): { at: number; mark?: Mark; worded: boolean } | undefined {
  // A slash, as British notes join two paragraphs after a plural mark: `paras 13/14`.
  if (text[i] === '/') return numbersMayFollow && slashJoinsNumbers(text, i) ? { at: i + 1, worded: false } : undefined;
  let j = skipSpaces(text, i);
  let sawComma = false;
  let broke = false;
  if (text[j] === ',') {
    sawComma = true;
    ({ at: j, broke } = skipGap(text, j + 1));
  } else if (isBreak(text[j])) {
    // `and`, `et`, `y` starting the next line (not `&`, which could start anything).
    const at = wordSeparatorAt(text, j);
    if (at > j && wordAt(text, at, LIST_WORDS)) j = at;
  }
  const word = wordAt(text, j, LIST_WORDS);
  if (word) {
    if (j === i && !sawComma) return undefined;
    ({ at: j, broke } = skipGap(text, j + word.length));
    // (An article for the mark, `y el 14`, or before it written again, `y el párrafo 9`.)
    const article = wordAt(text, j, LIST_ARTICLES);
    if (article) {
      const after = skipGap(text, j + article.length);
      if (isDigit(text[after.at]) || matchMark(text, after.at)) ({ at: j, broke } = after);
    }
  } else if (!sawComma) {
    return undefined;
  }
  const worded = word !== undefined;
  // After a singular mark, a word still joins numbers: `para. 9 and 10`, `párr. 3 y 4`; a
  // comma does only in a list a word closes (`para. 6, 13 and 17`; not `§6, 12 countries`).
  if ((numbersMayFollow || (worded && !sawComma) || (sawComma && !worded && closedList(text, j))) && numberStartsAt(text, j, broke)) return { at: j, worded };
  // The mark written again before the next item: `§6 and §7`, `par. 6 et par. 7`, `§9 and note 2`.
  const mark = matchMark(text, j);
  if (mark) {
    const next = skipGap(text, mark.end);
    if (!numberStartsAt(text, next.at, next.broke)) return undefined;
    // With its own mark, a reference may be another text's: `CRP/43, para. 9, and
    // paragraph 5 of the resolution` (the list ends before it). Not before a symbol, which
    // may be the paper's, the one a mark-first list names (`paragraph 5 and paragraph 9 of
    // CRP/43`).
    const item = parseItem(text, next.at, mark.kind);
    const after = item && skipSpaces(text, item.end);
    return after !== undefined && namesAnotherText(text, after) && !SYMBOL_AFTER_OF.test(text.slice(after, after + 40)) ? undefined : { at: next.at, mark, worded };
  }
  return letterMayFollow && letterStartsAt(text, j) && (!broke || letterGoesOnAt(text, j)) ? { at: j, worded } : undefined;
}

/** What `parseSubFirst`'s letters inherit until their paragraph, written after them, is read. */
export const UNKNOWN_PARAGRAPH: NumberToken = { text: '', value: Number.NaN, start: -1, end: -1 };

/** A letter-only item at i (`(b)`, `(b)–(c)`, `b) à c)`), in the paragraph `inherits`. */
export function parseLetterItem(text: string, i: number, inherits: NumberToken): CitationItem | undefined {
  const letter = parseLetter(text, i, false);
  if (!letter) return undefined;
  const from: Reference = { inherits, sub: letter.sub, start: i, end: letter.end };
  const next = parseRangeSeparator(text, from.end);
  if (next && letterStartsAt(text, next.at)) {
    const to = parseLetter(text, next.at, false);
    // On the next line, only when the citation goes on after it (`alinéas a) à` ⏎ `c) du
    // paragraphe 12`), as a paragraph's letter (`continuesCitation`).
    if (to && (!next.broke || letterGoesOnAt(text, next.at))) return { from, to: { sub: to.sub, start: next.at, end: to.end }, start: i, end: to.end };
  }
  return { from, start: i, end: from.end };
}

function parseItem(text: string, i: number, kind: MarkKind): CitationItem | undefined {
  const from = parseReference(text, i, kind);
  if (!from) return undefined;
  // (`par. 1er à 4`: the range goes on after the ordinal's ending.)
  const ordinal = !from.sub && from.number?.text === '1' && FIRST.test(text.slice(from.end, from.end + 3));
  const next = parseRangeSeparator(text, ordinal ? from.end + 2 : from.end);
  if (next !== undefined && numberStartsAt(text, next.at, next.broke)) {
    const to = parseReference(text, next.at, kind);
    // A spaced dash before the mark again and a number no higher is an aside, not a range
    // (`not para 4 – para 4 is about adoption`); `§9 – §11` stays one.
    const aside = next.spaced && to?.number && from.number && to.number.value <= from.number.value;
    if (to && !aside) return { from, to, start: from.start, end: to.end };
  }
  if (next !== undefined && from.sub && letterStartsAt(text, next.at) && (!next.broke || letterGoesOnAt(text, next.at))) {
    const letter = parseLetter(text, next.at, false);
    if (letter) return { from, to: { sub: letter.sub, start: next.at, end: letter.end }, start: from.start, end: letter.end };
  }
  return { from, start: from.start, end: from.end };
}

/** The paragraph a letter-only item after `item` would name: its last reference's, when that has a letter. */
function inheritableAfter(item: CitationItem): NumberToken | undefined {
  const last = item.to ?? item.from;
  return last.sub ? paragraphOf(last, item) : undefined;
}

export interface Body {
  mark: Mark;
  items: CitationItem[];
  start: number;
  end: number;
}

/**
 * A sub-paragraph word and its letters at i (`subparagraph (b)`, `alinéas a) et c)`,
 * `incisos b) y c)`): where each letter item starts (their paragraph is known only
 * after them, or before them) and where the last ends. A list only after a plural word.
 */
export function parseSubLetters(text: string, i: number): { starts: number[]; end: number } | undefined {
  const word = matchWord(SUB_WORD_MATCHER, text, i);
  if (!word) return undefined;
  const plural = SUB_PARAGRAPH_PLURALS.has(asSpelled(word));
  const starts: number[] = [];
  let end = -1;
  for (let at = skipSpacesAndOneBreak(text, i + word.length); ; ) {
    const item = parseLetterItem(text, at, UNKNOWN_PARAGRAPH);
    if (!item) break;
    starts.push(at);
    end = item.end;
    const next = plural ? parseListSeparator(text, item.end, false, true) : undefined;
    if (!next || next.mark) break;
    at = next.at;
  }
  return starts.length > 0 ? { starts, end } : undefined;
}

/**
 * `subparagraph (b) of paragraph 5`, `alinéa b) du paragraphe 5`, `apartado b) del párrafo
 * 5` at i; after a plural word, several letters: `subparagraphs (a) and (b) of paragraph
 * 12`, `les alinéas a) et b) du paragraphe 24`, `los apartados a) a c) del párrafo 5`. The
 * first letter's reference names the paragraph; the others are letter-only items that
 * inherit it, as in `§12(a) and (b)`.
 */
function parseSubFirst(text: string, i: number): Body | undefined {
  const letters = parseSubLetters(text, i);
  if (!letters) return undefined;
  const { starts, end } = letters;
  const ofAt = skipSpacesAndOneBreak(text, end);
  const of = matchWord(SUB_OF_MATCHER, text, ofAt);
  if (!of) return undefined;
  const mark = matchMark(text, skipSpacesAndOneBreak(text, ofAt + of.length));
  if (!mark || mark.kind !== 'paragraph' || mark.plural) return undefined;
  const at = skipGap(text, mark.end);
  const number = numberStartsAt(text, at.at, at.broke) ? parseNumber(text, at.at) : undefined;
  if (!number) return undefined;
  const [head, ...rest] = starts.map((start) => parseLetterItem(text, start, number)!);
  // One letter: the words up to the number are its reference's. Several: each reference
  // ends at its letter, so that each letter is its own target.
  const alone = rest.length === 0 && !head!.to;
  const from: Reference = { number, sub: head!.from.sub, start: i, end: alone ? number.end : head!.from.end };
  const first: CitationItem = head!.to ? { from, to: head!.to, start: i, end: head!.end } : { from, start: i, end: alone ? number.end : head!.end };
  return { mark, items: [first, ...rest], start: i, end: number.end };
}

/** A mark and its references at i, or a sub-paragraph named in words; `afterSymbol`: right after a symbol or a short form. */
export function parseBody(text: string, i: number, afterSymbol = false): Body | undefined {
  const sub = parseSubFirst(text, i);
  if (sub) return sub;
  const first = matchMark(text, i);
  if (!first || (!afterSymbol && PREPOSITION_MARKS.has(first.text.toLowerCase()))) return undefined;
  const gap = skipGap(text, first.end);
  const rangeFrom = first.plural ? wordAt(text, gap.at, RANGE_FROM_WORDS) : undefined;
  if (rangeFrom) return rangeFromBody(text, i, first, skipSpacesAndOneBreak(text, gap.at + rangeFrom.length));
  if (!numberStartsAt(text, gap.at, gap.broke)) return undefined;
  const items = parseItems(text, gap.at, first);
  return items && { mark: first, items, start: i, end: items[items.length - 1]!.end };
}

/** `párrafos del 23 al 25` from the number at `at`: read only as a range (`los párrafos del documento` names no paragraph). */
function rangeFromBody(text: string, i: number, first: Mark, at: number): Body | undefined {
  if (!isDigit(text[at])) return undefined;
  const items = parseItems(text, at, first);
  return items?.[0]?.to ? { mark: first, items, start: i, end: items[items.length - 1]!.end } : undefined;
}

/** The references from `at` on, read as after the mark `first` (`§§` reads a list, `note` footnotes); undefined when none. */
export function parseItems(text: string, at: number, first: Mark): CitationItem[] | undefined {
  let mark = first;
  const items: CitationItem[] = [];
  // Once a list has had its `and` (`paras. 18 and 19`), a comma and a number end it:
  // `, 10 exercises`, `, 3 and 4 October` are the sentence going on.
  let closed = false;
  for (let inherits: NumberToken | undefined; ; ) {
    // A letter-only item only follows a separator that `parseListSeparator` let through.
    const item = inherits && !isDigit(text[at]) ? parseLetterItem(text, at, inherits) : parseItem(text, at, mark.kind);
    if (!item || (items.length > 0 && isProseItem(text, item))) break;
    // Spanish `para` is also "for": `el CRP/43 para 2014` names a year, not paragraph 2014.
    if (items.length === 0 && first.text.toLowerCase() === 'para' && isYear(item.from.number)) return undefined;
    items.push(item);
    inherits = inheritableAfter(item);
    const next = parseListSeparator(text, item.end, mark.lists, inherits !== undefined);
    if (next === undefined || startsDate(text, next.at) || (closed && !next.worded && isDigit(text[next.at]))) break;
    closed ||= next.worded;
    if (next.mark) mark = next.mark;
    at = next.at;
  }
  return items.length > 0 ? items : undefined;
}

/** An item within a sub-paragraph, right after its letter: `(i)` in `6(a)(i)` or `24 (c) (ii)`, `i)` in `6 a) i)` (small Roman numerals). */
export const SUB_ITEM = /[ \u00a0]?(?:\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)\))/y;

/** The same, ending a slice after its letter's parenthesis (a mark-first citation's body before its connector). */
export const SUB_ITEM_BEFORE = new RegExp(`(?<=\\))(?:${SUB_ITEM.source})$`);
