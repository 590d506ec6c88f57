/**
 * Citations anchored on a symbol: symbol first (`CRP/43, para. 9`, `CRP/43 indique, au
 * paragraphe 16`), mark first (`paragraph 9 of CRP/43`, `paragraphs 4 to 7 of the report
 * (CRP/43)`), what a symbol stands next to but is not read (`CRP/43, p. 3`), misspelt
 * symbols and marks.
 */

import { CONNECTORS, CONTAINED_IN, CONTAINED_IN_LAST_WORDS, DESCRIPTION_CONNECTORS, DESCRIPTION_WORDS, LEADS, MARKS, NOT_IN_DESCRIPTION, NUMBER_WORDS, ORDINAL_TENS, SUB_PARAGRAPH_WORDS } from './words';
import { LEAD_MATCHER, MARK_ALTERNATIVES, MARK_BY_TEXT, MARK_ENDING, UNREAD_MATCHER, bodyStartAfter, escapeForPattern, isBreak, isDigit, isSpace, isWordChar, lazy, matchMark, matchWord, onlySpaceBetween, skipBackSpacesAndOneBreak, skipSpaces, skipSpacesAndOneBreak, spelled, symbolMarkupEnd, symbolMarkupStart, unreadDivisionAt, wordEndingAt } from './scan';
import { type Body, FIRST, SUB_ITEM_BEFORE, gluedLetterAt, parseBody, parseNumber } from './body';
import { DETERMINER_WORDS, OF_ANOTHER_TEXT, SYMBOL_AFTER_OF, isWholeSymbol } from './texts';
import type { Citation, UnreadReference } from './types';

/** The longest verb read between a symbol and a lead (`señala`, `indique`, `announces`). */
const VERB_REACH = 16;

/** How many words a verb may be: `y revient`, `also says`, `lo recuerda`. */
const VERB_WORDS = 2;

/**
 * A conjunction is no verb: `CRP/43 and in paragraph 5` names something else. French `y`
 * is also a pronoun before one (`CRP/43 y revient aux paragraphes 4 et 7`).
 */
export const NOT_A_VERB: ReadonlySet<string> = new Set(NOT_IN_DESCRIPTION);

const PRONOUN_Y = 'y';

/**
 * A participle of citing makes the symbol the one cited, elsewhere: `CRP/43 cited in
 * paragraph 5`, `CRP/43 mentionné au paragraphe 5`, `CRP/43 citado en el párrafo 5`,
 * `la Déclaration (résolution 68/4), décrite aux paragraphes 4 et 7`.
 */
const CITED_IN = /^(?:cited|quoted|mentioned|referred|referenced|listed|described|cité|mentionné|évoqué|visé|décrit|citad|mencionad|referid|descrit)[eoa]?s?$/u;

/**
 * Where a participle of citing and a lead word stand right before `at` (`cited in`,
 * `évoquée au`, `mencionada en el` before `paragraph 4`), or -1: what is named before the
 * participle is cited in the paragraph, which is of another text, the one citing it.
 */
export function citedInBefore(text: string, at: number): number {
  const before = skipBackSpacesAndOneBreak(text, at);
  const lead = LEADS.find((l) => text.slice(before - l.text.length, before).toLowerCase() === l.text && !isWordChar(text[before - l.text.length - 1]));
  if (!lead) return -1;
  const participleEnd = skipBackSpacesAndOneBreak(text, before - lead.text.length);
  const participle = wordEndingAt(text, participleEnd);
  return participle && CITED_IN.test(participle.toLowerCase()) ? participleEnd - participle.length : -1;
}

/** A relative pronoun that opens a clause about the text named before it: `which`, `auquel`, `al que` ... */
const RELATIVE = String.raw`(?:to[ \u00a0]+which|which|that|auquel|à[ \u00a0]+laquelle|auxquel(?:le)?s|que|qu['’]|al[ \u00a0]+que|a[ \u00a0]+(?:la|los|las)[ \u00a0]+que|al[ \u00a0]+cual|a[ \u00a0]+la[ \u00a0]+cual)`;
/** A verb of citing in the present: `cites`, `refers to`, `renvoie`, `remite`, `se refiere` ... */
const CITES = String.raw`(?:cites?|quotes?|mentions?|refers?(?:[ \u00a0]+to)?|references?|renvoie(?:nt)?|citent|mentionnent|mentionne|évoquent|évoque|remiten?|citan?|mencionan?|(?:se[ \u00a0]+)?refieren?|aluden?)`;
/** A determiner before the reference: `which the paper cites at note 2`, `auquel renvoie la note 2`. */
const ARTICLE = `(?:(?:${DETERMINER_WORDS.map(escapeForPattern).join('|')})[ \\u00a0]*)`;
/** `which the IOM paper cites at`, `auquel renvoie la`, `al que remite la` right before a reference. */
const CITING_CLAUSE_BEFORE = lazy(
  () => new RegExp(String.raw`(?<![\p{L}])${RELATIVE}[ \u00a0\r\n]+(?:[\p{L}'’-]+[ \u00a0\r\n]+){0,3}?${CITES}[ \u00a0\r\n]+(?:(?:at|in|à|au|aux|en|dans)[ \u00a0\r\n]+)?${ARTICLE}?$`, 'iu'),
);
/** `to which`, `auquel la`, `a la que la` right before a reference that `refers`, `renvoie`, `se refiere` after it. */
const RELATIVE_BEFORE = lazy(() => new RegExp(String.raw`(?<![\p{L}])${RELATIVE}[ \u00a0\r\n]+${ARTICLE}?$`, 'iu'));
const CITES_AFTER = lazy(() => new RegExp(String.raw`^[ \u00a0\r\n]*${CITES}(?![\p{L}])`, 'iu'));
/** How far before a reference a clause that makes it cite the text named before is looked for. */
const CLAUSE_REACH = 60;

/**
 * Where a relative clause that makes the reference `[start, end)` cite the text named
 * before it starts (`the report (A/68/190), which the paper cites at note 2`, `to which
 * note 2 refers`, `auquel renvoie la note 2`, `al que remite la nota 2`), or -1: as with
 * `citedInBefore`, that text is cited in the reference, which is of the paper citing it.
 */
export function citingClauseAround(text: string, start: number, end: number): number {
  const window = text.slice(Math.max(0, start - CLAUSE_REACH), start);
  const before = CITING_CLAUSE_BEFORE().exec(window) ?? (CITES_AFTER().test(text.slice(end, end + 24)) ? RELATIVE_BEFORE().exec(window) : null);
  return before ? start - window.length + before.index : -1;
}

/**
 * A body after a verb (one or two words) and a lead word, in UN style with commas
 * (`CRP/43 indique, au paragraphe 16, que`, `CRP/43 señala, en su párrafo 16`) or without
 * (`CRP/43 says in paragraph 25`, `CRP/43 y revient aux paragraphes 4 et 7`). Without a
 * lead it is prose (`CRP/43 adds, §6 aside`); followed by `of`, `du`, `del` ..., the
 * paragraph is another text's (`CRP/43 was discussed in paragraph 5 of the report`).
 */
function parseBodyAfterVerb(text: string, i: number): Body | undefined {
  let j = skipSpaces(text, i);
  if (j === i) return undefined;
  for (let words = 1; words <= VERB_WORDS; words++) {
    const wordStart = j;
    while (j - wordStart <= VERB_REACH && isWordChar(text[j]) && !isDigit(text[j])) j++;
    if (j === wordStart || j - wordStart > VERB_REACH) return undefined;
    const word = text.slice(wordStart, j).toLowerCase();
    const comma = text[j] === ',';
    const pronoun = word === PRONOUN_Y && words === 1 && !comma && isSpace(text[j]);
    if (CITED_IN.test(word) || (NOT_A_VERB.has(word) && !pronoun)) return undefined;
    const leadAt = skipSpacesAndOneBreak(text, comma ? j + 1 : j);
    const lead = matchWord(LEAD_MATCHER, text, leadAt);
    if (lead && !pronoun) {
      const body = parseBody(text, skipSpacesAndOneBreak(text, leadAt + lead.length));
      return body && matchWord(OF_ANOTHER_TEXT, text, skipSpaces(text, body.end)) === undefined ? body : undefined;
    }
    // A second word only after a space: `CRP/43 y revient aux`.
    if (comma || leadAt === j || isBreak(text[j])) return undefined;
    j = leadAt;
  }
  return undefined;
}

/**
 * Parses the rest of a citation once its symbol has been found at `symbolStart`:
 * `CRP/43 §6`, `CRP/43, par. 13`, `CRP/43 (para. 9)`. Returns undefined when no mark and
 * number follow (`CRP/43 was adopted ...`).
 */
export function parseCitationAt(text: string, symbol: string, symbolStart: number): Citation | undefined {
  const symbolEnd = symbolStart + symbol.length;
  const bodyStart = bodyStartAfter(text, symbolEnd);
  const body = parseBody(text, bodyStart, true) ?? parseBodyAfterVerb(text, symbolMarkupEnd(text, symbolEnd));
  if (!body) return undefined;
  // After a paper, the verb agrees with it: `CRP/43 notes 3 areas`, but `CRP/43 note 7` is the note.
  if (body.mark.kind === 'footnote' && body.mark.text.toLowerCase() === 'notes' && onlySpaceBetween(text, symbolMarkupEnd(text, symbolEnd), bodyStart)) return undefined;
  return { symbol, symbolStart, symbolEnd, mark: body.mark, items: body.items, start: symbolStart, end: body.end };
}

/**
 * A connector ending where the text before the symbol ends, longest first; its words may
 * be split by a line break (and a blockquote's `>`): `del` ⏎ `documento CRP/43`.
 */
/** Between two words of a connector or a description: spaces, and a line break with a blockquote's `>`. */
const WORD_GAP = '[ \\u00a0\\u202f\\r\\n>]+';

const connectorPattern = lazy(() => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${CONNECTORS.map((c) => escapeForPattern(c.text).replace(/ /g, WORD_GAP)).join('|')})$`, 'iu'));

/** More than the longest connector, with the spaces a line break may bring. */
const CONNECTOR_REACH = 64;

/**
 * A description connector and its words, ending where the text before a parenthesis
 * ends (`of the report of the Secretary-General `). Words of letters only: no number
 * can be part of a description, so the leftmost match is the connector right after the
 * citation's body (`paragraph 9 of the annex of the note`: `of the annex ...`).
 */
const describedPattern = lazy(() => new RegExp(`${descriptionSource()}[ \\u00a0\\u202f]*$`, 'iu'));

/** A description connector and its words, as a pattern's source (`of the report of the Secretary-General`). */
function descriptionSource(): string {
  const gap = WORD_GAP;
  const word = `(?!(?:${NOT_IN_DESCRIPTION.join('|')})(?![\\p{L}\\p{N}_]))[\\p{L}'’-]+`;
  const connectors = DESCRIPTION_CONNECTORS.map((c) => escapeForPattern(c.text).replace(/ /g, gap) + (/['’]$/.test(c.text) ? '' : gap));
  return `(?<![\\p{L}\\p{N}_])(?:${connectors.join('|')})${word}(?:${gap}${word}){0,${DESCRIPTION_WORDS - 1}}`;
}

/**
 * A description and the words that name the paper after it, without parentheses, as UN
 * texts write them (`of the note contained in document`, `de la note publiée sous la
 * cote`, `de la nota que figura en el documento`), ending where the text before the
 * symbol ends.
 */
const containedPattern = lazy(() => {
  const contained = CONTAINED_IN.map((c) => escapeForPattern(c.text).replace(/ /g, WORD_GAP)).join('|');
  return new RegExp(`${descriptionSource()}${WORD_GAP}(?:${contained})$`, 'iu');
});

/** More than the longest description connector and its words (and what names the paper after them). */
const DESCRIPTION_REACH = 200;

/**
 * What a citation's body may start with: the opening (three characters, any case) of a
 * mark or of a sub-paragraph word. In prose, one word in three starts with a mark's first
 * letter (`pour`, `soutien`, `a`): on the benchmark's drafts there are 3.7 times as many
 * of those, each a body parsed in vain before a mark-first citation.
 */
const BODY_OPENINGS = [...new Set([...MARKS.map((m) => m.text), ...SUB_PARAGRAPH_WORDS.map((w) => w.text)].map((w) => w.slice(0, 3)))];

/**
 * Where a mark or a sub-paragraph word may start: `§` anywhere, a word's opening (whether
 * it is at a word's start is checked on each match). Searched for in the text before a
 * symbol: a regular expression scans it natively, where a loop over its characters was a
 * tenth of reading a closed draft; without Unicode classes or a lookbehind, twice as fast.
 */
export const BODY_START = new RegExp(
  [`(?:${BODY_OPENINGS.filter((o) => isWordChar(o[0])).map(spelled).join('|')})`, `[${BODY_OPENINGS.filter((o) => !isWordChar(o[0])).map((o) => escapeForPattern(o[0]!)).join('')}]`].join('|'),
  'gi',
);

/** How far before a symbol the start of a mark-first citation is looked for. */
const MARK_FIRST_REACH = 240;

/**
 * A mark-first citation ending at the symbol found at `symbolStart`: `paragraph 9 of
 * CRP/43`, `aux paragraphes 14 à 16 de CRP/43`, `el párrafo 9 del documento CRP/43`, or
 * the symbol in parentheses after a description of the paper, `paragraphs 4 to 7 of the
 * report (CRP/43)`, or right after the references, `footnote 5 (CRP/43)`. The leftmost
 * mark within reach whose references end right before the connector.
 */
export function parseMarkFirst(text: string, symbol: string, symbolStart: number, from: number): Citation | undefined {
  const symbolEnd = symbolStart + symbol.length;
  const connectorEnd = skipBackSpacesAndOneBreak(text, symbolMarkupStart(text, symbolStart));
  const citationTo = (connectorStart: number): Citation | undefined => {
    let bodyEnd = skipBackSpacesAndOneBreak(text, connectorStart);
    // A comma closing a sub-paragraph named in words: `el párrafo 24, apartado a), del documento CRP/43`.
    if (text[bodyEnd - 1] === ',' && text[bodyEnd - 2] === ')') bodyEnd--;
    // The references quoted: `le projet renvoie au « paragraphe 28 » du CRP/43`.
    if ('»”"'.includes(text[bodyEnd - 1] ?? '') && text[bodyEnd - 1] !== undefined) bodyEnd = skipBackSpacesAndOneBreak(text, bodyEnd - 1);
    // `le paragraphe 1er du document CRP/43`: the body ends with its number.
    if (text[bodyEnd - 3] === '1' && FIRST.test(text.slice(bodyEnd - 2, bodyEnd))) bodyEnd -= 2;
    // `paragraph 24(c)(ii) of CRP/43`: read without the item, which is said (`findSubItems`).
    else if (text[bodyEnd - 1] === ')') bodyEnd -= SUB_ITEM_BEFORE.exec(text.slice(Math.max(0, bodyEnd - 8), bodyEnd))?.[0].length ?? 0;
    if (bodyEnd === connectorStart || !(isDigit(text[bodyEnd - 1]) || text[bodyEnd - 1] === ')' || gluedLetterAt(text, bodyEnd - 1))) return undefined;
    const body = bodyEndingAt(text, from, bodyEnd);
    return body && { symbol, symbolStart, symbolEnd, mark: body.mark, items: body.items, start: body.start, end: symbolEnd };
  };
  if (connectorEnd < symbolStart) {
    const before = text.slice(Math.max(from, connectorEnd - CONNECTOR_REACH), connectorEnd);
    const connector = connectorPattern().exec(before);
    const citation = connector ? citationTo(connectorEnd - connector[0].length) : undefined;
    if (citation || !CONTAINED_IN_LAST_WORDS.has(lastWord(before))) return citation;
    // `paragraph 9 of the note contained in document CRP/43` (whose `in document` is a connector too).
    const lo = Math.max(from, connectorEnd - DESCRIPTION_REACH);
    const contained = containedPattern().exec(text.slice(lo, connectorEnd));
    return contained ? citationTo(lo + contained.index) : undefined;
  }
  if (text[symbolStart - 1] === '(' && text[symbolEnd] === ')') {
    const open = symbolStart - 1;
    const lo = Math.max(from, open - DESCRIPTION_REACH);
    const described = describedPattern().exec(text.slice(lo, open));
    // Or nothing between: `footnote 5 (CRP/43)`, `la note de bas de page 3 (CRP/43)`.
    return citationTo(described ? lo + described.index : open);
  }
  return undefined;
}

/** The last word of `text`, lower case (`document` of `… contained in document`). */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return text.slice(i).toLowerCase();
}

/** The leftmost body within reach before `bodyEnd` that ends there. */
function bodyEndingAt(text: string, from: number, bodyEnd: number): Body | undefined {
  // Only where a mark or a sub-paragraph word may start (one regular expression of every
  // spelling, searched from each symbol, was a tenth of checking a draft), within reach:
  // the slice bounds the search, and each match's word start is checked here.
  const lo = Math.max(from, bodyEnd - MARK_FIRST_REACH);
  const reach = text.slice(lo, bodyEnd);
  BODY_START.lastIndex = 0;
  for (let m = BODY_START.exec(reach); m; m = BODY_START.exec(reach)) {
    const at = lo + m.index;
    if (isWordChar(text[at]) && isWordChar(text[at - 1])) continue;
    const body = parseBody(text, at);
    if (body?.end === bodyEnd) return body;
  }
  return undefined;
}

/**
 * What follows a symbol that no citation was read from, when it looks like a reference:
 * a page or a division (`CRP/43, p. 3`, `CRP/43, section II`), or a mark without a number
 * (`CRP/43 §six`, `CRP/43, para. IV`).
 */
export function unreadAfter(text: string, symbol: string, symbolStart: number, to: number): UnreadReference | undefined {
  const i = bodyStartAfter(text, symbolStart + symbol.length);
  if (matchWord(UNREAD_MATCHER, text, i) !== undefined) {
    const division = unreadDivisionAt(text, i, to);
    return division && { symbol, start: symbolStart, end: division.end, written: text.slice(i, division.end), kind: division.kind };
  }
  const mark = matchMark(text, i);
  if (!mark) return undefined;
  const at = skipSpaces(text, i + mark.text.length);
  const words = numberInWordsAt(text, at, to);
  if (words) return { symbol, start: symbolStart, end: words.end, written: text.slice(i, words.end), kind: 'numberWord', fix: { start: at, end: words.end, newText: String(words.value) } };
  const roman = /^[IVXLC]+\b/.exec(text.slice(at, Math.min(to, at + 24)))?.[0];
  return roman === undefined ? undefined : { symbol, start: symbolStart, end: at + roman.length, written: text.slice(i, at + roman.length), kind: 'notNumber' };
}

/**
 * A mark and a number in words before a connector and the symbol, mark first as UN
 * documents cite (`paragraph six of CRP/43`, `el párrafo vigésimo segundo del documento
 * CRP/43`): said as after the symbol (`unreadAfter`), with the number to write.
 */
export function unreadBefore(text: string, symbol: string, symbolStart: number, from: number): UnreadReference | undefined {
  const connectorEnd = skipBackSpacesAndOneBreak(text, symbolMarkupStart(text, symbolStart));
  if (connectorEnd >= symbolStart) return undefined;
  const connector = connectorPattern().exec(text.slice(Math.max(from, connectorEnd - CONNECTOR_REACH), connectorEnd));
  if (!connector) return undefined;
  const wordsEnd = skipBackSpacesAndOneBreak(text, connectorEnd - connector[0].length);
  if (!isWordChar(text[wordsEnd - 1]) || isDigit(text[wordsEnd - 1])) return undefined;
  const lo = Math.max(from, wordsEnd - 48);
  const marks = MARK_BEFORE_WORDS();
  marks.lastIndex = 0;
  const slice = text.slice(lo, wordsEnd);
  for (let m = marks.exec(slice); m; m = marks.exec(slice)) {
    const at = lo + m.index + m[0].length;
    const words = numberInWordsAt(text, at, wordsEnd);
    if (words?.end !== wordsEnd) continue;
    const start = lo + m.index;
    return { symbol, start, end: wordsEnd, written: text.slice(start, wordsEnd), kind: 'numberWord', fix: { start: at, end: wordsEnd, newText: String(words.value) } };
  }
  return undefined;
}

/** A mark and the spaces after it, a word next (`unreadBefore`). */
const MARK_BEFORE_WORDS = lazy(() => new RegExp(`(?<![\\p{L}])(?:${MARK_ALTERNATIVES})[ \\u00a0\\r\\n]+(?=\\p{L})`, 'giu'));

/** A number written in words at `at`, before `to` (`six`, `vingt-deux`, `vigésimo` ⏎ `segundo`): its value and where it ends. */
function numberInWordsAt(text: string, at: number, to: number): { value: number; end: number } | undefined {
  const first = /^\p{L}+(?:-\p{L}+)*/u.exec(text.slice(at, Math.min(to, at + 24)))?.[0];
  if (!first) return undefined;
  const end = at + first.length;
  const tens = ORDINAL_TENS.get(first.toLowerCase());
  if (tens !== undefined) {
    const next = skipSpacesAndOneBreak(text, end);
    const unit = next > end ? /^\p{L}+/u.exec(text.slice(next, Math.min(to, next + 16)))?.[0] : undefined;
    const units = unit === undefined ? undefined : NUMBER_WORDS.get(unit.toLowerCase());
    if (units !== undefined && units < 10) return { value: tens + units, end: next + unit!.length };
  }
  const value = NUMBER_WORDS.get(first.toLowerCase());
  return value === undefined ? undefined : { value, end };
}

/**
 * A symbol written with a space, a dot, a hyphen or nothing for its slash (`CRP 43`,
 * `CRP.43`, `CRP-43`, `CRP43`, `CRP / 43`), or with an en dash, or in another case
 * (`crp/43`, `Crp/43`): not the paper's symbol, so nothing after it is read as citing it.
 * Where a citation follows or ends with it (`CRP 43, para. 9`, `paragraph 9 of crp/43`),
 * that is said, with the symbol to write.
 */
const variantCache = new Map<string, { pattern: RegExp; series: string[] } | null>();

function variantPattern(symbol: string): { pattern: RegExp; series: string[] } | null {
  let variant = variantCache.get(symbol);
  if (variant === undefined) {
    const slash = symbol.lastIndexOf('/');
    const [series, number] = [symbol.slice(0, slash), symbol.slice(slash + 1)];
    // The series as the symbol writes it, in lower case and capitalized: a block holding
    // none of them (searched for as strings) is not looked through.
    const cases = [series, series.toLowerCase(), series.charAt(0).toUpperCase() + series.slice(1).toLowerCase()];
    variant =
      slash > 0
        ? {
            pattern: new RegExp(`${escapeForPattern(series)}(?:[ \\u00a0.\\-–]|[ \\u00a0]*\\/[ \\u00a0]*|)${escapeForPattern(number)}`, 'gi'),
            series: [...new Set(cases)],
          }
        : null;
    variantCache.set(symbol, variant);
  }
  return variant;
}

export function findSymbolVariants(text: string, symbol: string, from: number, to: number, unread: UnreadReference[], claimed: Citation[]): void {
  const variant = variantPattern(symbol);
  if (!variant || !variant.series.some((series) => text.indexOf(series, from) >= 0)) return;
  const { pattern } = variant;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index + m[0].length <= to; m = pattern.exec(text)) {
    const [start, written] = [m.index, m[0]];
    // The symbol itself, as it is written, is read (`findCitations`).
    if (written === symbol || !isWholeSymbol(text, start, start + written.length)) continue;
    const cites = parseCitationAt(text, written, start) ?? parseMarkFirst(text, written, start, from);
    if (!cites) continue;
    unread.push({ symbol, start, end: start + written.length, written, kind: 'symbolVariant', fix: { start, end: start + written.length, newText: symbol } });
    claimed.push(cites);
  }
}

/**
 * A mark's word misspelt before a number (`paragrah 13`, `paragraps 13-14`, `párafo 9`,
 * `footnoet 2`), in a block that names a paper: not read, so said, with the word to write.
 * Words of six letters or more, one letter off (two from nine letters: a swap counts one).
 */
const TYPO_TARGETS: readonly string[] = MARKS.map((m) => m.text).filter((t) => /^\p{L}{6,}$/u.test(t));

/** A misspelt mark right before the number at `digit` (a number no citation holds), said as of `symbol`. */
export function markTypoBefore(text: string, digit: number, symbol: string): UnreadReference | undefined {
  const wordEnd = lastWordEnd(text, digit);
  if (wordEnd < 0) return undefined;
  let i = wordEnd;
  while (i > 0 && /\p{L}/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, wordEnd);
  if (word.length < 6 || word.length > 12 || !'pPfF'.includes(word[0]!) || isWordChar(text[i - 1])) return undefined;
  const lower = word.toLowerCase();
  if (MARK_BY_TEXT.has(lower)) return undefined;
  // The nearest spelling (`paragrah`: `paragraph`, not `paragraphe`).
  let target: string | undefined;
  let best = 3;
  for (const t of TYPO_TARGETS) {
    const distance = editDistance(lower, t);
    if (distance < best && distance <= (t.length >= 9 ? 2 : 1)) [target, best] = [t, distance];
  }
  const number = target && parseNumber(text, digit);
  if (!target || !number) return undefined;
  const spelled = word[0] === word[0]!.toUpperCase() ? target[0]!.toUpperCase() + target.slice(1) : target;
  return { symbol, start: i, end: number.end, written: text.slice(i, number.end), kind: 'markTypo', fix: { start: i, end: wordEnd, newText: spelled } };
}

/** Where the word right before `digit` ends (only spaces between), or -1. */
function lastWordEnd(text: string, digit: number): number {
  let j = digit;
  while (j > 0 && isSpace(text[j - 1])) j--;
  return j < digit && /\p{L}/u.test(text[j - 1] ?? '') ? j : -1;
}

/** Letters to change, add or remove, or neighbours to swap, to make `a` into `b` (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * `citation` without its items from one written with its own mark before another paper's
 * symbol on: `CRP/43 §6 and para. 12 of A/68/190` cites 6 alone. (`parseListSeparator`
 * stops before another text named in words; a symbol there may be the paper's own, which
 * ends a mark-first list: `paragraph 5 and paragraph 9 of CRP/43`.)
 */
export function withoutOtherTextsItems(text: string, citation: Citation, symbols: readonly string[]): Citation {
  for (let k = 1; k < citation.items.length; k++) {
    const item = citation.items[k]!;
    if (!MARK_ENDING().test(text.slice(citation.items[k - 1]!.end, item.start))) continue;
    const other = SYMBOL_AFTER_OF.exec(text.slice(skipSpaces(text, item.end), item.end + 60))?.[1];
    if (other === undefined || symbols.includes(other)) continue;
    const kept = citation.items.slice(0, k);
    return { ...citation, items: kept, end: kept[kept.length - 1]!.end };
  }
  return citation;
}
