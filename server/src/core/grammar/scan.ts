/**
 * Reading characters and words: spaces and line breaks, sentences, word and mark
 * matchers built from the tables, the markup around a symbol (`*CRP/43*`, `[CRP/43](…)`),
 * the short forms' patterns. No citation is made here.
 */

import { noteCallAt } from '../footnotes';
import { LEADS, MARKS, type MarkSpelling, SHORT_FORMS, SUB_PARAGRAPH_OF, SUB_PARAGRAPH_WORDS, UNREAD_BY_TEXT, UNREAD_WORDS } from './words';
import { BLANK, type Mark } from './types';

/**
 * A page or a division and its number or numeral at i (`p. 3`, `section II`, `chap. III`),
 * or a division that needs none (`annex`): where it ends, and its kind. A word alone is
 * prose (`CRP/43, page by page`).
 */
export function unreadDivisionAt(text: string, i: number, to: number): { end: number; kind: 'page' | 'division' } | undefined {
  const word = matchWord(UNREAD_MATCHER, text, i);
  if (word === undefined) return undefined;
  const entry = UNREAD_BY_TEXT.get(word.toLowerCase())!;
  const at = skipSpaces(text, i + word.length);
  const number = /^(?:\d+|[IVXLC]+)(?![\p{L}\p{N}])/u.exec(text.slice(at, Math.min(to, at + 24)))?.[0];
  if (number) return { end: at + number.length, kind: entry.kind };
  return entry.numberless && !isWordChar(text[at]) ? { end: i + word.length, kind: entry.kind } : undefined;
}

/**
 * A space a writer may type within a line: a space, a tab, the French no-break and
 * narrow no-break spaces before and after marks, and the thin space some put around
 * dashes (compared, not looked up: asked of most characters near a symbol).
 */
export function isSpace(c: string | undefined): boolean {
  // With the zero-width space that text pasted from the Web or a PDF carries (`§\u200b15`).
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2009' || c === '\u200b';
}

export const DASHES = new Set(['-', '–', '—', '‑']);

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  // ASCII without the regular expression: this is asked of most characters near a symbol.
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  return WORD_CHAR.test(c);
}

export function skipSpaces(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

/** Spaces, then at most one line break followed by indentation or blockquote markers. */
export function skipSpacesAndOneBreak(text: string, i: number): number {
  i = skipSpaces(text, i);
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (i < text.length && (isSpace(text[i]) || text[i] === '>')) i++;
  return i;
}

/** `skipSpacesAndOneBreak` backwards: where the spaces (and at most one line break) before `i` start. */
export function skipBackSpacesAndOneBreak(text: string, i: number): number {
  while (i > 0 && (isSpace(text[i - 1]) || text[i - 1] === '>')) i--;
  if (text[i - 1] === '\n') i--;
  if (text[i - 1] === '\r') i--;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

export function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * Where the last sentence that starts in `[from, offset)` starts (after `.`, `?` or `!`,
 * closing quotes or brackets, and a space or a line break, before a capital or an
 * opening), or `from`: another text named in an earlier sentence does not make a
 * reference without a symbol its (draft/papersNamed.ts).
 */
export function sentenceStartIn(text: string, from: number, offset: number): number {
  for (let i = offset - 1; i > from; i--) {
    // The first space or break after the sentence's end.
    if (!(isSpace(text[i]) || isBreak(text[i])) || isSpace(text[i - 1]) || isBreak(text[i - 1])) continue;
    let j = i - 1;
    while (j > from) {
      // A footnote call after the full stop (`position paper.[^14] The paper itself`).
      const call = text[j] === ']' ? text.lastIndexOf('[^', j) : -1;
      if (call > from && noteCallAt(text, call)?.end === j + 1) j = call - 1;
      else if (SENTENCE_CLOSERS.includes(text[j]!)) j--;
      else break;
    }
    if (text[j] !== '.' && text[j] !== '?' && text[j] !== '!') continue;
    const next = skipSpacesAndOneBreak(text, i);
    if (SENTENCE_OPENER.test(text[next] ?? '') || ENUMERATION_LETTER.test(text.slice(next, next + 3))) return next;
  }
  return from;
}

const SENTENCE_CLOSERS = '"”’»)]*_';

/** A capital, an opening, or a bullet pasted from a word processor (`•`, `◦`, `▪`, `–`): what starts a sentence. */
const SENTENCE_OPENER = /[\p{Lu}¿¡«“"(\[*•◦▪‣–]/u;

/** A letter that numbers a point in prose, as UN texts do (`a) El párrafo 18 …`, `b) En su párrafo 19`): it starts a sentence. */
const ENUMERATION_LETTER = /^[a-z]\)[ \u00a0]/;

/** Where the sentence before the one starting at `start` ends: before the spaces and line break between them. */
export function endOfSentenceBefore(text: string, start: number): number {
  let i = start;
  while (i > 0 && (isSpace(text[i - 1]) || isBreak(text[i - 1]))) i--;
  return i;
}

/** Whether `[from, to)` holds spaces and line breaks only. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text[i]) && !isBreak(text[i])) return false;
  return true;
}

/**
 * Where what follows a separator starts, with at most one line break in between, and
 * whether there was one. A blank line is not skipped: the next line is blank, so no
 * number or letter starts there and the citation ends.
 */
export function skipGap(text: string, i: number): { at: number; broke: boolean } {
  const j = skipSpaces(text, i);
  if (!isBreak(text[j])) return { at: j, broke: false };
  return { at: skipSpacesAndOneBreak(text, j), broke: true };
}

/**
 * Whether a number can start a reference at `i`: after a line break, not when it reads
 * as an ordered-list marker (`2. ` or `2) ` then a space) in an ordered list, where it
 * starts the next item rather than continuing the citation. (`21.` ending a sentence is read.)
 */
export function numberStartsAt(text: string, i: number, broke: boolean): boolean {
  if (!isDigit(text[i])) return false;
  if (!broke) return true;
  let j = i;
  while (isDigit(text[j])) j++;
  if (!((text[j] === '.' || text[j] === ')') && isSpace(text[j + 1]))) return true;
  // A list that starts anywhere but at 1 cannot interrupt a paragraph (CommonMark), and a
  // list's next item has its delimiter and no more indentation than its first: elsewhere,
  // `10) ` is the paragraph's next line (`(párr.` ⏎ `10) y en…`; `12. … (para.` ⏎ `22) is
  // an example`). (The block is the whole list when it is one.)
  if (j === i + 1 && text[i] === '1') return false;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  const list = firstOrderedItem(text);
  return !(list !== undefined && list.at < lineStart && list.delimiter === text[j] && i - lineStart <= list.indent);
}

/** A line that starts an ordered list's item: `1. `, `  2) `, `> 3. `, with its indentation and delimiter. */
const ORDERED_ITEM = /^([ \t>]*)\d{1,9}([.)])[ \t]/m;

/** The last text asked of `firstOrderedItem`, and its answer: asked at each such line of one block. */
let orderedItemOf: { text: string; item: { at: number; indent: number; delimiter: string } | undefined } | undefined;

/** The first line of `text` that starts an ordered list's item, if any. */
function firstOrderedItem(text: string): { at: number; indent: number; delimiter: string } | undefined {
  if (orderedItemOf?.text !== text) {
    const m = ORDERED_ITEM.exec(text);
    orderedItemOf = { text, item: m ? { at: m.index, indent: m[1]!.length, delimiter: m[2]! } : undefined };
  }
  return orderedItemOf.item;
}

export const escapeForPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORD_END = '(?![\\p{L}\\p{N}_])';

/**
 * A spelling as a pattern: in one of several words (`nota al pie`), each space may be
 * written as spaces or no-break spaces, and a line break (hard-wrapped prose) with the
 * next line's indentation or block quote markers (`nota al` ⏎ `  pie 2` in a list item).
 */
export const spelled = (w: string) => escapeForPattern(w).replace(/ /g, '(?:[ \\u00a0\\u202f]+(?:\\r?\\n[ \\t>]*)?|\\r?\\n[ \\t>]*)');

/** Where a paragraph mark's word ends: before a number too, which some type glued to it (`(para16)`). */
const MARK_END = '(?![\\p{L}_])';

/** Alternatives of a sticky, case-insensitive pattern; a spelling that ends in a letter must end there (`end`). */
function wordsPattern(words: readonly string[], end = (_word: string) => WORD_END): RegExp {
  return new RegExp(words.map((w) => spelled(w) + (/\p{L}$/u.test(w) ? end(w) : '')).join('|'), 'iuy');
}

/**
 * A pattern built on first use. The grammar's patterns are Unicode and case-insensitive,
 * which V8 takes some 8 ms to construct: at start-up, before `initialize` is answered,
 * when no draft needs them yet.
 */
export function lazy(build: () => RegExp): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= build());
}

/** How a list of words is matched at a position: its pattern, built on first use, and the characters its words start with, in either case. */
interface WordMatcher {
  pattern: () => RegExp;
  first: ReadonlySet<string>;
}

export const wordMatcher = (words: readonly string[], end?: (word: string) => string): WordMatcher => ({
  pattern: lazy(() => wordsPattern(words, end)),
  first: new Set(words.flatMap((w) => [w[0]!, w[0]!.toUpperCase()])),
});

/** The first of a matcher's words written at `i` (any case, a word ending where it ends), if any. */
export function matchWord(words: WordMatcher, text: string, i: number): string | undefined {
  // Asked at every citation and after every number: most places start no such word.
  if (!words.first.has(text[i]!)) return undefined;
  const pattern = words.pattern();
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0];
}

/** What a matched spelling is in the tables: lower case, one plain space between words. */
export const asSpelled = (found: string) => found.toLowerCase().replace(/[\s\u00a0\u202f>]+/g, ' ');

/** The marks that are signs (`§§`, `§`, `¶¶`, `¶`), longest first: matched as written. */
const SIGN_MARKS = MARKS.filter((m) => !isWordChar(m.text[0])).sort((a, b) => b.text.length - a.text.length);

const SIGN_MARK_FIRST_CHARACTERS = new Set(SIGN_MARKS.map((m) => m.text[0]!));

/**
 * The marks that are words, in `MARKS`' order, as one sticky case-insensitive pattern. One
 * match instead of a slice and a lower-casing per spelling: marks are looked for at every
 * citation and after every list separator, and the loop was a tenth of `check`.
 */
export const MARK_BY_TEXT = new Map(MARKS.map((m) => [m.text, m]));

const WORD_MARK_MATCHER = wordMatcher(
  MARKS.filter((m) => isWordChar(m.text[0])).map((m) => m.text),
  // A footnote word glued to a number is something else's name (`notes2.md`), but the
  // abbreviation `fn`, which notes and chats glue as they glue `para9` (`only via fn2`).
  (word) => (MARK_BY_TEXT.get(word)!.kind === 'paragraph' || word === 'fn' || word === 'fns' ? MARK_END : WORD_END),
);

/** Every spelling as alternatives of a regular expression (match case-insensitively), for callers that look for a mark in context. */
export const MARK_ALTERNATIVES = MARKS.map((m) => escapeForPattern(m.text)).join('|');

/** The mark spelled `text` (any case), as the grammar knows it. */
export function markSpelling(text: string): MarkSpelling | undefined {
  return MARK_BY_TEXT.get(asSpelled(text));
}

export function matchMark(text: string, i: number): Mark | undefined {
  // Signs as written; words by the pattern, which most candidates (`CRP/43 was ...`) fail
  // on their first character (`matchWord`).
  const found = SIGN_MARK_FIRST_CHARACTERS.has(text[i]!) ? SIGN_MARKS.find((m) => text.startsWith(m.text, i))?.text : matchWord(WORD_MARK_MATCHER, text, i);
  // Most are written as the table spells them: normalized only when not.
  const m = found === undefined ? undefined : (MARK_BY_TEXT.get(found) ?? MARK_BY_TEXT.get(asSpelled(found)));
  return m && { text: found!, start: i, end: i + found!.length, style: m.style, kind: m.kind, plural: m.plural, lists: m.lists };
}

/** The longest link destination stepped over after a symbol in a draft's own text (prose has it blanked). */
const MAX_DESTINATION = 2048;

/**
 * Where the Markdown around a symbol ends: emphasis (`*CRP/43*`, `**CRP/43**`) and a
 * link's closing bracket and destination (`[CRP/43](https://…)`), in prose (where the
 * destination is blanked) or in a draft's own text. Writers link the symbol to the paper
 * and cite after the link: `[CRP/43](…), para. 9`.
 */
export function symbolMarkupEnd(text: string, symbolEnd: number): number {
  let i = symbolEnd;
  while (isEmphasisMark(text[i])) i++;
  if (text[i] !== ']') return i;
  i++;
  if (text[i] === BLANK) {
    while (text[i] === BLANK) i++;
  } else if (text[i] === '(') {
    // To the parenthesis that closes it (a destination may hold pairs: `…/Migration_(human)`).
    for (let j = i + 1, depth = 1; j < text.length && j - i <= MAX_DESTINATION && !isBreak(text[j]); j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) {
        i = j + 1;
        break;
      }
    }
  }
  while (isEmphasisMark(text[i])) i++;
  return i;
}

/** Emphasis around a symbol: `*CRP/43*`, `**CRP/43**`, `_CRP/43_`, `__CRP/43__`. */
function isEmphasisMark(c: string | undefined): boolean {
  return c === '*' || c === '_';
}

/** Where the Markdown before a symbol starts: emphasis and `[` (`paragraph 9 of [CRP/43](…)`). */
export function symbolMarkupStart(text: string, symbolStart: number): number {
  let i = symbolStart;
  while (isEmphasisMark(text[i - 1])) i--;
  if (text[i - 1] === '[') i--;
  while (isEmphasisMark(text[i - 1])) i--;
  return i;
}

/** `supra` or `infra` after a symbol and its comma, maybe with the draft's own note that cites it, and a comma: `supra, `, `supra note 4, `, `infra n. 2, `. */
const SUPRA_AFTER_SYMBOL = /(?:supra|infra)(?:[ \u00a0]+(?:note|n\.)[ \u00a0]*\d+)?,/iy;

/**
 * Where a citation's body may start after its symbol (and its link or emphasis, see
 * `symbolMarkupEnd`, and a possessive `’s`): past a comma, a spaced dash or a colon (in French,
 * after a space), spaces and one line break, `supra,`, an opening parenthesis, and a lead word and
 * the spaces after it (`CRP/43, par.`, `CRP/43 : par.`, `CRP/43, supra, ¶`, `CRP/43 (para.`, `CRP/43 at ¶`).
 * Completion asks the same.
 */
export function bodyStartAfter(text: string, symbolEnd: number): number {
  let i = symbolEnd;
  // (Asked at every symbol: most are followed by a space or a comma.)
  if (isEmphasisMark(text[i]) || text[i] === ']') i = symbolMarkupEnd(text, i);
  // The possessive: `CRP/43’s paragraph 16`.
  else if ((text[i] === '’' || text[i] === "'") && (text[i + 1] === 's' || text[i + 1] === 'S') && !isWordChar(text[i + 2])) i += 2;
  const colon = skipSpaces(text, i);
  if (text[i] === ',') i++;
  else if (text[colon] === ':') i = colon + 1;
  // A spaced dash, as a colon: `CRP/43 – par. 19`.
  else if (colon > i && (text[colon] === '–' || text[colon] === '—') && isSpace(text[colon + 1])) i = colon + 1;
  i = skipSpacesAndOneBreak(text, i);
  // Legal style's `supra`, the paper cited above (`CRP/43, supra, ¶¶ 13–14`; `CRP/43, supra
  // note 4, at ¶ 13`, where note 4 is the draft's own, that first cites the paper).
  if (text[i] === 's' || text[i] === 'S' || text[i] === 'i' || text[i] === 'I') {
    SUPRA_AFTER_SYMBOL.lastIndex = i;
    if (SUPRA_AFTER_SYMBOL.test(text)) i = skipSpacesAndOneBreak(text, SUPRA_AFTER_SYMBOL.lastIndex);
  }
  if (text[i] === '(') i = skipSpaces(text, i + 1);
  const lead = matchWord(LEAD_MATCHER, text, i);
  return lead ? skipSpacesAndOneBreak(text, i + lead.length) : i;
}

/** An author's name as notes give it before `op. cit.` or `loc. cit.`: up to four capitalized words (`Betts`, `Martin Ruhs`). */
export const AUTHOR_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’-]+){0,3}`;

/** The short title of a work in emphasis, between its author and `op. cit.`: `OIM, *Overview…*, op. cit.`. */
export const SHORT_TITLE_BEFORE_CIT = String.raw`(?:[*_]{1,2}[^*_\n]{1,80}?[*_]{1,2},?[ \u00a0]+)?`;

/** An author's name and a comma right before `loc. cit.` or `op. cit.`, maybe with a short title: `Betts, loc. cit.`, `OIM, *Overview…*, op. cit.`. */
export const CIT_AUTHOR = new RegExp(`(?<![\\p{L}\\p{N}_])${AUTHOR_NAME},?[ \\u00a0]+${SHORT_TITLE_BEFORE_CIT}$`, 'u');

// Not inside a word, nor a compound (`ibidem-like`); in emphasis, `_ibid._` as `*ibid.*`.
// (`loc. cit.` may be hard-wrapped between its words: `(loc.` ⏎ `cit.)`.)
export const shortFormPattern = lazy(() => new RegExp(`(?<![\\p{L}\\p{N}-]_*)(?:${SHORT_FORMS.map((f) => escapeForPattern(f.text).replace(/ /g, '\\s+')).join('|')})(?!_*[\\p{L}\\p{N}-])`, 'giu'));

export const SHORT_FORM_ALONE = new Set(SHORT_FORMS.filter((f) => f.alone).map((f) => f.text));

/**
 * `Id.` (`Íd.`, `Ídem.`) standing alone as a sentence or a parenthesis: after a sentence's
 * end, a line's start or `(`, before the end, `)` or a line break. In a parenthesis of its
 * own, in either case (`«…» (íd.)`, `(id.)`, `(ídem)`, as Spanish and French writers put it
 * after a quotation).
 */
export function idAlone(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  if (!/^[IiÍí]d(?:\.|em)$/.test(written)) return false;
  // (In emphasis, as legal style sets it: `*Id.*`.)
  let open = start;
  while (open > 0 && (text[open - 1] === '*' || text[open - 1] === '_')) open--;
  let close = end;
  while (text[close] === '*' || text[close] === '_') close++;
  // (`Ídem` has no full stop of its own: the sentence's is after it, `… párr. 9. Ídem.`.)
  if (written.endsWith('m') && text[close] === '.') close++;
  const before = skipBackSpacesAndOneBreak(text, open);
  const afterAt = skipSpaces(text, close);
  const after = text[afterAt];
  if (text[before - 1] === '(' && after === ')') return true;
  // (After a quotation that ends the sentence: `… should be." Id.`.)
  let closed = before;
  while (closed > 0 && '"”’»'.includes(text[closed - 1]!)) closed--;
  // (A footnote's definition opens a sentence too: `[^3]: Id.`.)
  const opens = before === 0 || '(.;!?'.includes(text[closed - 1]!) || isBreak(text[open - 1]) || (text[closed - 1] === ':' && text[closed - 2] === ']');
  // Then the paragraph's end, a bracket, or the next sentence (`…" Id. The Declaration …`);
  // or, `Id.` with its full stop, the sentence it is the subject of (`6. Id. also notes that …`).
  return /^[IÍ]/.test(written) && opens && (after === undefined || after === ')' || isBreak(after) || (afterAt > close && (/\p{Lu}/u.test(after) || (written.endsWith('.') && /\p{Ll}/u.test(after)))));
}

/** Whether `text` may hold a short form: a draft index asks before it parses a block without a symbol. */
export const MAY_HOLD_SHORT_FORM = /ib[ií]d|\bid(?:\.|em)|íd(?:\.|em)|\.\s*cit\./i;

/** Whether `text` may hold a reference without a symbol (`par. 9`): a mark and a number; asked as `MAY_HOLD_SHORT_FORM` is. */
export const mayHoldBareReference = (() => {
  // A mark and a number, or a number and a letter with no mark (`24(a)`, `6 c)`: `marklessBodyAt`),
  const pattern = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[\\s\\u00a0\\u202f\\u200b>]*\\d|\\d(?:\\([a-z]\\)|[ \\u00a0][a-z]\\))`, 'i'));
  // or a table's header cell that is a mark alone, maybe after a series (`| Par. |`, `| crp para |`:
  // its column's numbers, `findTableColumnReferences`).
  const header = lazy(() => new RegExp(`(?:^|\\|)[ \\t]*(?:[A-Za-z]{2,8}[ \\t]+)?(?:${MARK_ALTERNATIVES})[ \\t]*\\|`, 'im'));
  return (text: string) => pattern().test(text) || (text.includes('|') && header().test(text));
})();

export const LEAD_MATCHER = wordMatcher(LEADS.map((w) => w.text));

export const SUB_WORD_MATCHER = wordMatcher(SUB_PARAGRAPH_WORDS.map((w) => w.text));

export const SUB_OF_MATCHER = wordMatcher(SUB_PARAGRAPH_OF);

export const UNREAD_MATCHER = wordMatcher(UNREAD_WORDS.map((w) => w.text));

/** A mark ending a list's separator (`, and para. `). */
export const MARK_ENDING = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[\\s\\u00a0]*$`, 'iu'));

/** Quotation marks and their closing ones, around a reference quoted alone. */
const QUOTES_AROUND: Readonly<Record<string, string>> = { '«': '»', '“': '”', '"': '"', '‘': '’', "'": "'", '„': '“' };

/** Whether a quotation mark ends right at `before` and its closing one stands at `after`: what is between is quoted alone, a string, not a citation. */
export function quotedAlone(text: string, before: number, after: number): boolean {
  const opening = text[before - 1];
  return opening !== undefined && QUOTES_AROUND[opening] !== undefined && QUOTES_AROUND[opening] === text[after];
}

/**
 * Whether `[start, end)` stands in emphasis of its own between two words of a sentence, as
 * a word talked about is set (`use _ibid._ rather than the full reference`), not as a
 * short form cites (`(*ibid.*)`, `*Ibid.*, para. 9`, a note's `*Ibid.*`).
 */
export function emphasizedBetweenWords(text: string, start: number, end: number): boolean {
  let open = start;
  while (isEmphasisMark(text[open - 1])) open--;
  let close = end;
  while (isEmphasisMark(text[close])) close++;
  if (open === start || text.slice(open, start) !== text.slice(end, close)) return false;
  const after = skipSpacesAndOneBreak(text, close);
  return isSpace(text[open - 1]) && isWordChar(text[open - 2]) && after > close && isWordChar(text[after]);
}

/** The word (letters, digits, a full stop) ending at `end`, if one does. */
export function wordEndingAt(text: string, end: number): string | undefined {
  let w = end;
  while (w > 0 && (isWordChar(text[w - 1]) || text[w - 1] === '.')) w--;
  return w < end ? text.slice(w, end) : undefined;
}

/** Any of `words` (any case unless `caseSensitive`), wherever it stands as whole words (not inside a longer word), a line break allowed between them. */
export function anyWordOf(words: readonly string[], flags = '', caseSensitive = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(spelled).join('|')})(?![\\p{L}\\p{N}_])`, `${caseSensitive ? '' : 'i'}u${flags}`);
}
