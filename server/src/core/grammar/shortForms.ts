/**
 * Short forms: `Ibid.`, `Ibid., para. 7`, `id., ¶ 7`, `ibíd., párr. 7`, `loc. cit.`. Their
 * paper is left empty here: it depends on the citations before them, in other blocks
 * too, which the draft index knows.
 */

import type { Citation, CitationItem, Reference, UnreadReference } from './types';
import { CIT_AUTHOR, SHORT_FORM_ALONE, asSpelled, SUB_OF_MATCHER, bodyStartAfter, emphasizedBetweenWords, escapeForPattern, idAlone, lazy, matchWord, quotedAlone, shortFormPattern, skipBackSpacesAndOneBreak, skipSpaces, skipSpacesAndOneBreak, unreadDivisionAt } from './scan';
import { UNKNOWN_PARAGRAPH, parseBody, parseLetterItem, parseSubLetters } from './body';
import { CONTRACTED_ARTICLE_WORDS, DETERMINER_WORDS, INDEFINITE_ARTICLE_WORDS } from './texts';

/**
 * The short forms in `[from, to)`: `Ibid.`, `Ibid., para. 7`, `id., ¶ 7`. Their symbol is
 * left empty: which paper they cite depends on the citations before them, in other
 * blocks too, which the draft index knows.
 */
export function findShortForms(text: string, from: number, to: number, found: Citation[], unread?: UnreadReference[]): void {
  const pattern = shortFormPattern();
  pattern.lastIndex = from;
  let subs: CitationItem[] | undefined;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // `Betts, loc. cit.`: the author's work, a source of its own (draft/papersNamed.ts's `SOURCE_LIKE`).
    if (m[0].endsWith('cit.') && CIT_AUTHOR.test(text.slice(Math.max(0, start - 140), start))) continue;
    // After an article, the word named, not written: `el ibíd. debe remitir al párr. 13`.
    if (ARTICLE_BEFORE().test(text.slice(Math.max(0, start - 8), start))) continue;
    // As after a symbol: `Ibid., para. 7`, `Ibid. (para. 7)`, `Id. at ¶ 24`.
    const at = bodyStartAfter(text, end);
    const body = at > end ? parseBody(text, at, true) : undefined;
    // Fields in the order every citation has them (packedCitations.ts unpacks them so).
    if (body && body.end <= to) found.push({ symbol: '', symbolStart: start, symbolEnd: end, mark: body.mark, items: body.items, short: true, start, end: body.end });
    else if ((subs = at > end && !body ? (subParagraphsOfShortForm(text, at, to) ?? lettersAloneAfterShortForm(text, end, to)) : undefined)) {
      // `Ibid., al. b)`, `Id., subpara. (b)`: sub-paragraphs of the paragraph cited before,
      // which the draft index gives them (`DraftIndex.resolveShortForm`).
      found.push({ symbol: '', symbolStart: start, symbolEnd: end, items: subs, short: true, start, end: subs[subs.length - 1]!.end });
    } else if ((SHORT_FORM_ALONE.has(asSpelled(m[0])) || idAlone(text, start, end)) && end <= to && !quotedAlone(text, skipBackSpacesAndOneBreak(text, start), skipSpaces(text, end)) && !emphasizedBetweenWords(text, start, end)) {
      // (Quoted or emphasized alone, it is named, not written: `puis « ibid. » ou « id. »
      // selon le cas`, `use _ibid._ rather than the full reference`.)
      // `Ibid., p. 30`, `Ibid., chap. III` cite a page or a division, of a paper or of a
      // book: not the last citation again. Of a loaded paper, it is said as after its symbol.
      const division = at > end ? unreadDivisionAt(text, at, to) : undefined;
      if (!division) found.push({ symbol: '', symbolStart: start, symbolEnd: end, items: [], short: true, start, end });
      else unread?.push({ symbol: '', short: true, start, end: division.end, written: text.slice(at, division.end), kind: division.kind });
    }
  }
}

/** An article or a determiner right before a word: `el `, `the `, `l'`, `un `, `du `, `al `. */
const ARTICLE_BEFORE = lazy(() => new RegExp(`(?<![\\p{L}])(?:${[...DETERMINER_WORDS, ...INDEFINITE_ARTICLE_WORDS, ...CONTRACTED_ARTICLE_WORDS].map(escapeForPattern).join('|')})[ \\u00a0]*$`, 'iu'));

/**
 * The letter items after a short form's sub-paragraph word (`al. b)`, `subparas. (a) and
 * (b)`), their paragraph left to find; none when the word is followed by the paragraph's
 * own (`subparagraph (b) of paragraph 5`, read as a body).
 */
function subParagraphsOfShortForm(text: string, at: number, to: number): CitationItem[] | undefined {
  const letters = parseSubLetters(text, at);
  if (!letters || letters.end > to || matchWord(SUB_OF_MATCHER, text, skipSpacesAndOneBreak(text, letters.end)) !== undefined) return undefined;
  return letterItemsOfParagraphBefore(text, at, letters);
}

/**
 * Letters of the paragraph cited before, named in `[start, end)` (`inciso c) del mismo
 * párrafo`): a short form, whose paragraph the draft index finds as for `Ibid., al. b)`.
 */
export function lettersOfParagraphBefore(text: string, start: number, letters: { starts: number[] }, end: number): Citation {
  return { symbol: '', symbolStart: start, symbolEnd: end, items: letterItemsOfParagraphBefore(text, start, letters), short: true, start, end };
}

/**
 * A letter alone after a short form and a comma, ending its sentence, cell or parenthesis
 * (`| ibid., b) |`, `(ibid., b))`): the sub-paragraph of the paragraph cited before, as
 * with `al. b)`. Not a letter that opens prose (`Ibid., (a) the first point`).
 */
function lettersAloneAfterShortForm(text: string, end: number, to: number): CitationItem[] | undefined {
  if (text[end] !== ',') return undefined;
  const at = skipSpaces(text, end + 1);
  const item = parseLetterItem(text, at, UNKNOWN_PARAGRAPH);
  if (!item || item.end > to || !/^[ \t]*(?:[.;,)|]|\r?\n|$)/.test(text.slice(item.end, item.end + 3))) return undefined;
  return letterItemsOfParagraphBefore(text, at, { starts: [at] });
}

/** The items of letters whose paragraph the draft index finds (the one cited before): `al. b)` of `Ibid., al. b)`. */
function letterItemsOfParagraphBefore(text: string, at: number, letters: { starts: number[] }): CitationItem[] {
  return letters.starts.map((start, k) => {
    const item = parseLetterItem(text, start, UNKNOWN_PARAGRAPH)!;
    // (The word is the first reference's: `al. b)` all points at it.)
    const from: Reference = { sub: item.from.sub, start: k === 0 && !item.to && letters.starts.length === 1 ? at : item.from.start, end: item.from.end };
    return item.to ? { from, to: { sub: item.to.sub, start: item.to.start, end: item.to.end }, start: from.start, end: item.end } : { from, start: from.start, end: item.end };
  });
}
