/**
 * How a text is named around a reference: a loaded paper's symbol standing as a whole
 * token, another text's symbol (`A/68/190`), its noun (`the resolution`, `le rapport`,
 * `el informe`), `the same paper`. The grammar asks these to tell the paper's paragraphs
 * from other texts'.
 */

import { isWordChar, matchWord, skipSpaces, skipSpacesAndOneBreak, wordMatcher } from './scan';
import { CONNECTORS, DESCRIPTION_CONNECTORS } from './words';

/** The first words of what names another text after a reference: `of`, `in`, `du`, `de`, `del` ... */
export const OF_ANOTHER_TEXT = wordMatcher([...new Set([...CONNECTORS, ...DESCRIPTION_CONNECTORS].map((c) => c.text.split(' ')[0]!))]);

/**
 * Whether the symbol found at i stands alone (not `XCRP/43` or `CRP/431`). `_` is a word's
 * character, but underscores that open or close emphasis (`_CRP/43_`, `__CRP/43__`) stand
 * outside it: they are not inside a word (`file_CRP/43`, `CRP/43_en`).
 */
export function isWholeSymbol(text: string, start: number, end: number): boolean {
  while (text[start - 1] === '_') start--;
  while (text[end] === '_') end++;
  const before = text[start - 1];
  const after = text[end];
  return !(before !== undefined && (isWordChar(before) || before === '/')) && !(after !== undefined && (isWordChar(after) || after === '/'));
}

/**
 * The first of `symbols` standing alone (`isWholeSymbol`) in `[from, to)` of `text`, and
 * where; `skip` leaves some places out (the draft index's code).
 */
export function firstWholeSymbol(text: string, symbols: readonly string[], from: number, to: number, skip?: (at: number) => boolean): { symbol: string; at: number } | undefined {
  let first: { symbol: string; at: number } | undefined;
  for (const symbol of symbols) {
    const end = first?.at ?? to;
    for (let at = text.indexOf(symbol, from); at >= 0 && at < end; at = text.indexOf(symbol, at + 1)) {
      if (isWholeSymbol(text, at, at + symbol.length) && !skip?.(at)) {
        first = { symbol, at };
        break;
      }
    }
  }
  return first;
}

/** Whether `symbol` stands alone in `[start, end)` of `text`. */
export function namesSymbol(text: string, start: number, end: number, symbol: string): boolean {
  for (let at = text.indexOf(symbol, start); at >= 0 && at + symbol.length <= end; at = text.indexOf(symbol, at + 1)) {
    if (isWholeSymbol(text, at, at + symbol.length)) return true;
  }
  return false;
}

/**
 * Words after a reference that make it the draft's own paragraph, not a paper's: `see
 * paragraph 12 above`, `par. 7 ci-dessus`, `párrafo 7 supra`.
 */
const OWN_PARAGRAPH_WORDS = ['above', 'below', 'supra', 'infra', 'ci-dessus', 'ci-dessous', 'ci-après', 'plus haut', 'plus bas', 'más arriba', 'más abajo', 'más adelante', 'anterior', 'anteriores'];

export const OWN_PARAGRAPH_MATCHER = wordMatcher(OWN_PARAGRAPH_WORDS);

/** Whether the reference ending at `end` is the draft's own by the word after it (`par. 11 ci-dessus`). */
export function ownParagraphAfter(text: string, end: number): boolean {
  return matchWord(OWN_PARAGRAPH_MATCHER, text, skipSpacesAndOneBreak(text, end)) !== undefined;
}

/**
 * After a reference without a symbol, what names the paper cited last rather than another
 * text: `paragraph 6 of the paper`, `la note 5 du même document`, `la nota 5 del mismo documento`.
 */
export const SAME_PAPER = [
  ...['of the paper', 'of the document', 'of the same document', 'of that paper', 'of this paper', 'of its paper', 'of the conference room paper', 'of the same paper', 'of the Council paper'],
  // Not another text, Latin: `§23 in fine`.
  'in fine',
  ...['of the cited document', 'of the above-mentioned document', 'of the aforementioned document'],
  ...['du document', 'du même document', 'de ce document', 'dudit document', 'du document précité', 'du document cité', 'du document susmentionné'],
  ...['del documento', 'del mismo documento', 'de ese documento', 'de dicho documento', 'del citado documento', 'del documento citado', 'del referido documento', 'del mencionado documento'],
  // As translators name the paper they translate: `au paragraphe 16 de l'original`, `la
  // note 2 du texte anglais` (the papers are in English: `Paper.language`).
  ...['of the original', "de l'original", 'de l’original', 'del original'],
  ...['of the English text', 'of the English version', 'du texte anglais', 'de la version anglaise', 'du texte original', 'del texto inglés', 'de la versión inglesa', 'del texto original'],
];

const SAME_PAPER_MATCHER = wordMatcher(SAME_PAPER);

/**
 * Whether the words at `at` name the paper cited last (`SAME_PAPER`): not when another
 * text's symbol follows them (`les paragraphes 3 à 6 du document CRP/44`, `of the document
 * A/68/190`), which they introduce.
 */
export function samePaperAt(text: string, at: number): boolean {
  const words = matchWord(SAME_PAPER_MATCHER, text, at);
  if (words === undefined) return false;
  const next = skipSpacesAndOneBreak(text, at + words.length);
  return !SYMBOL_NAME_AT_START.test(text.slice(next, next + 40));
}

/**
 * What follows `of`, `de`, `du` rather than the name of a text: a clause (`para 23 of what
 * the Dialogue meant`, `el párrafo 23 de que "…"`, Spanish `de que`, "that"), or the rest of
 * a note's name (`la note 3 de bas de page`).
 */
const CLAUSE_AFTER_OF = wordMatcher(['what', 'how', 'why', 'whether', 'ce que', 'ce qui', 'comment', 'lo que', 'cómo', 'qué', 'que', 'bas de page']);

/** The prepositions among `OF_ANOTHER_TEXT` that say where, not whose: a text follows only sometimes. */
const IN_WORDS: ReadonlySet<string> = new Set(['in', 'en', 'dans']);

/** Indefinite articles: `a`, `un`, `una` ... */
export const INDEFINITE_ARTICLE_WORDS = ['a', 'an', 'un', 'une', 'una', 'unos', 'unas'];

/** A preposition and an article in one word: `au rapport`, `del informe`. */
export const CONTRACTED_ARTICLE_WORDS = ['au', 'aux', 'du', 'des', 'al', 'del'];

/** An article or a possessive before a text's name: `in the report`, `dans son rapport`, `en su informe`. */
export const DETERMINER_WORDS = ['the', 'its', 'this', 'that', 'le', 'la', 'les', "l'", 'l’', 'son', 'sa', 'ses', 'ce', 'cette', 'el', 'los', 'las', 'su', 'sus', 'este', 'esta'];

export const DETERMINER = wordMatcher(DETERMINER_WORDS);

/** Nouns that name a text, in the three languages. */
export const TEXT_NOUN_LIST: readonly string[] = [
  ...'resolution res. report declaration document note decision draft statement letter convention compact agenda outcome text guidelines framework plan strategy programme'.split(' '),
  ...'résolution rés. rapport déclaration document note décision projet texte convention pacte lettre programme plan stratégie cadre'.split(' '),
  ...'resolución informe declaración documento nota decisión proyecto texto convención pacto carta programa plan estrategia marco'.split(' '),
];

const TEXT_NOUNS = wordMatcher(TEXT_NOUN_LIST);

/** Whether a text is named at i: a capitalized name (`the Declaration`), a symbol, or a noun that names a text, after an article or a possessive. */
export function namesTextAt(text: string, i: number): boolean {
  const determiner = matchWord(DETERMINER, text, i);
  const at = determiner === undefined ? i : determiner.endsWith('’') || determiner.endsWith("'") ? i + determiner.length : skipSpaces(text, i + determiner.length);
  return /^\p{Lu}/u.test(text[at] ?? '') || matchWord(TEXT_NOUNS, text, at) !== undefined;
}

/** A document symbol as the text around a reference shows one (`CRP/43`, `A/68/190`), with its markup (`*CRP/43*`, `[CRP/43](…)`). */
export const A_SYMBOL_NAME = '[A-Z]{1,6}(?:\\/[A-Za-z0-9.-]+)+';

export const A_SYMBOL = `${A_SYMBOL_NAME}[*\\]\\u0000)]*`;

export const SYMBOL_NAME_AT_START = new RegExp(`^${A_SYMBOL_NAME}`);

/** `of`, `du`, `del` … and a document symbol (`of CRP/43`, `du document A/68/190`, `of [CRP/43](…)`). */
export const SYMBOL_AFTER_OF = (() => {
  // (Between two words: spaces, or a line break of hard-wrapped prose, `del documento` ⏎ `CRP/43`.)
  const gap = String.raw`[ \u00a0]*(?:\r?\n[ \t>]*|[ \u00a0])[ \u00a0]*`;
  return new RegExp(`^\\p{L}+${gap}(?:(?:the|le|la|el|document|documento)${gap})*[*_\\[]*(${A_SYMBOL_NAME}(?<![.-]))`, 'iu');
})();

/** A symbol, its markup and a verb of being, ending right before a participle: `CRP/43 is `, `[CRP/43](…) est `. */
export const SYMBOL_BEFORE = new RegExp(`${A_SYMBOL}[ \\u00a0]+(?:(?:is|was|has been|est|a été|es|fue|ha sido)[ \\u00a0]+)?$`);

/** A document symbol right before a work's imprint: `documento CRP/43 (Ginebra, 2013)`. */
export const SYMBOL_BEFORE_IMPRINT = new RegExp(`${A_SYMBOL}[ \\u00a0]*$`);

/** Whether `clause` names a document symbol other than `symbols`' (`A/68/190`, `S/13/12`). */
export function namesOtherSymbol(clause: string, symbols: readonly string[]): boolean {
  if (!clause.includes('/')) return false;
  ANY_SYMBOL.lastIndex = 0;
  for (let m = ANY_SYMBOL.exec(clause); m; m = ANY_SYMBOL.exec(clause)) if (!symbols.includes(m[0])) return true;
  return false;
}

const ANY_SYMBOL = new RegExp(`(?<![\\p{L}\\p{N}_/])${A_SYMBOL_NAME}(?<![.-])`, 'gu');

/** Whether what stands at `after` a reference names another text than the paper: `of the resolution`, `en el informe`. */
export function namesAnotherText(text: string, after: number): boolean {
  const of = matchWord(OF_ANOTHER_TEXT, text, after);
  if (of === undefined || samePaperAt(text, after)) return false;
  const named = skipSpaces(text, after + of.length);
  // `of what the Dialogue meant`, `de ce que`, `de lo que`: a clause, no text named.
  if (matchWord(CLAUSE_AFTER_OF, text, named) !== undefined) return false;
  // `in`, `en`, `dans` name a text only before one: `in the Declaration`, `en el informe`,
  // not `en consultas informales`, `in the next session`.
  return !IN_WORDS.has(of.toLowerCase()) || namesTextAt(text, named);
}
