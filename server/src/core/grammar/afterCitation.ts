/**
 * What leans on a citation before it: sub-paragraphs named alone (`inciso b)`, `subparagraph
 * (c) of the same paragraph`), the same paragraph named again (`ce même paragraphe`), and
 * second-degree items after a citation (`§6(a)(ii)`), which are said, not read.
 */

import { BLANK, type Citation, type CitationItem, type NumberToken, type Reference, type UnreadReference } from './types';
import { SUB_ITEM, parseLetterItem, parseNumber, parseSubLetters } from './body';
import { MARK_ALTERNATIVES, SUB_OF_MATCHER, SUB_WORD_MATCHER, anyWordOf, endOfSentenceBefore, escapeForPattern, isDigit, isWordChar, lazy, matchMark, matchWord, sentenceStartIn, skipSpacesAndOneBreak, wordMatcher } from './scan';
import { CITED_ES, CITED_FR, FOLLOWING_WORDS, SUB_PARAGRAPH_WORDS } from './words';
import { lettersOfParagraphBefore } from './shortForms';
import { SUB_REACH } from './bareReferences';
import { paragraphOf } from './targets';
import { OWN_PARAGRAPH_MATCHER, namesAnotherText, namesOtherSymbol } from './texts';

/**
 * Whether `[from, to)` may name the paragraph just cited again (`findSameParagraphs`): a
 * cheap test before the search. The nouns are found first, by a case-sensitive pattern of
 * plain words (a case-insensitive pattern of the phrases, tried at every place of every
 * block with a citation, took 3 % of `check`; a native search per noun, eight passes, 3 %
 * of `list`), then the word before each.
 */
export function mayNameSameParagraph(text: string, from: number, to: number): boolean {
  AGAIN_NOUNS.lastIndex = from;
  for (let m = AGAIN_NOUNS.exec(text); m && m.index < to; m = AGAIN_NOUNS.exec(text)) {
    // (Where the noun's word starts: the `p` of `paragraph`, `párrafo`, the `n` of `numeral`.)
    const word = m.index - (m[0] === 'aragraph' || m[0] === 'árrafo' || m[0] === 'umeral' ? 1 : 0);
    SAME_WORD_BEFORE.lastIndex = word;
    if (word > from && SAME_WORD_BEFORE.test(text)) return true;
    SAME_WORD_AFTER.lastIndex = m.index + m[0].length;
    if (SAME_WORD_AFTER.test(text)) return true;
  }
  return false;
}

/** The nouns `mayNameSameParagraph` looks before, without their first letter where it may be a capital. */
const AGAIN_NOUNS = /subparagraph|aragraph|árrafo|alinéa|apartado|inciso|literal|umeral/g;

/** The word before the noun's first letter (sticky, asked there: no slice per noun found). */
const SAME_WORD_BEFORE = new RegExp(`(?<=(?:same|that|said|aforementioned|above-mentioned|même|ledit|dudit|audit|mismo|ese|dicho|${CITED_ES.join('|')}|(?:end|beginning|start)\\s+of\\s+the|(?:fin|début)\\s+du|(?:final|principio|comienzo)\\s+del)\\s+)[pPsSaAiIlLnN]`, 'iy');

/** The word after the noun (sticky, asked at the end of `AGAIN_NOUNS`' match): `le paragraphe précité`, `el párrafo citado`. */
const SAME_WORD_AFTER = new RegExp(`\\p{L}*\\s+(?:${[...CITED_FR, ...CITED_ES].join('|')})`, 'iuy');

/**
 * An item within a sub-paragraph (`CRP/43, para. 6(a)(i)`, `par. 6 a) i)`): crp-cite reads
 * papers down to their sub-paragraphs, so the citation is read without it, and said so
 * (a writer would otherwise take `(i)` for checked).
 */
export function findSubItems(text: string, citation: Citation, unread: UnreadReference[]): void {
  for (const item of citation.items) {
    for (const ref of [item.from, item.to]) {
      if (!ref?.sub || text[ref.sub.end] !== ')') continue;
      SUB_ITEM.lastIndex = ref.sub.end + 1;
      const m = SUB_ITEM.exec(text);
      if (m && !isWordChar(text[SUB_ITEM.lastIndex])) unread.push({ symbol: citation.symbol, start: citation.start, end: SUB_ITEM.lastIndex, written: m[0].trim(), kind: 'subItem' });
    }
  }
}

/**
 * "And the following" after a citation's last paragraph (`paras 9 ff.`, `los párrafos 19 y
 * siguientes`): the citation is read without the paragraphs after it, and said so (a
 * writer would otherwise take them for checked). Not after a range or a note.
 */
export function findFollowingWords(text: string, citation: Citation, unread: UnreadReference[]): void {
  const last = citation.items[citation.items.length - 1];
  if (!last || last.to || last.from.note || !last.from.number) return;
  const at = skipSpacesAndOneBreak(text, citation.end);
  if (at === citation.end || !FOLLOWING_FIRST.has(text[at]!)) return;
  const following = FOLLOWING();
  following.lastIndex = at;
  const m = following.exec(text);
  if (!m) return;
  const where = citation.symbol === '' ? (citation.bare ? { bare: true as const } : { short: true as const }) : {};
  unread.push({ symbol: citation.symbol, ...where, start: citation.start, end: at + m[0].length, written: m[0], kind: 'following' });
}

/** The first letters of `FOLLOWING_WORDS`, in either case: most citations are followed by none. */
const FOLLOWING_FIRST = new Set(FOLLOWING_WORDS.flatMap((w) => [w[0]!, w[0]!.toUpperCase()]));

/** `FOLLOWING_WORDS`, sticky, in any case; a word without a full stop ends there (`y siguientes`, not `y siguientesx`). */
const FOLLOWING = lazy(() => new RegExp(FOLLOWING_WORDS.map((w) => escapeForPattern(w).replace(/ /g, '[ \\u00a0]+') + (w.endsWith('.') ? '' : '(?![\\p{L}])')).join('|'), 'iuy'));

/** Whether `text` may name a sub-paragraph alone (`el inciso b)`, `subparagraph (c)`): a sub-paragraph word and a letter. */
export function mayNameSubParagraphAlone(text: string): boolean {
  return text.includes(')') && SUB_WORD_AND_LETTER().test(text);
}

const SUB_WORD_AND_LETTER = lazy(() => new RegExp(`(?<![\\p{L}])(?:${SUB_PARAGRAPH_WORDS.map((w) => escapeForPattern(w.text)).join('|')})[ \\u00a0]*\\(?[a-z]\\)`, 'iu'));

/**
 * Where a sub-paragraph word may start: the first four characters of each, the first in
 * either case. Case-sensitive and without look-behind, V8 searches it far faster than the
 * words themselves case-insensitively (which took 5 % of `check`'s time on the
 * benchmark's drafts); `matchWord` then reads the word.
 */
const SUB_WORD_STARTS = new RegExp(
  [...new Set(SUB_PARAGRAPH_WORDS.map((w) => w.text.slice(0, 4)))].map((p) => `[${p[0]}${p[0]!.toUpperCase()}]${escapeForPattern(p.slice(1))}`).join('|'),
  'g',
);

/**
 * Between a citation and a sub-paragraph named without its paragraph: a paragraph or a
 * note named (another's: `paragraph 5 of the resolution, subparagraph (b)`) or code
 * (blanked) ends the link; a year does not (`la agenda posterior a 2015 (inciso b))`).
 */
const MARKED_NUMBER_OR_CODE = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[ \\u00a0\\u202f\\r\\n>]*\\d|${BLANK}`, 'iu'));

/** Words after a sub-paragraph's letters that say its paragraph is the one just cited. */
const SAME_PARAGRAPH_WORDS = [
  'of that paragraph', 'of the same paragraph', 'of this paragraph', 'of the paragraph',
  'du même paragraphe', 'de ce paragraphe', 'de ce même paragraphe', 'dudit paragraphe',
  'del mismo párrafo', 'de ese párrafo', 'de este párrafo', 'de dicho párrafo', 'del mismo',
];

const SAME_PARAGRAPH = wordMatcher(SAME_PARAGRAPH_WORDS);

/**
 * Whether `text` may hold letters of the paragraph cited before, in a block that cites
 * nothing else (`- (inciso c) del mismo párrafo)`): asked as `MAY_HOLD_SHORT_FORM` is.
 */
export const mayHoldLettersOfSameParagraph = (() => {
  const pattern = lazy(() => new RegExp(`\\)[\\s\\u00a0>]*(?:${SAME_PARAGRAPH_WORDS.map(escapeForPattern).join('|')})`, 'i'));
  return (text: string) => text.includes(')') && pattern().test(text);
})();

/**
 * Sub-paragraphs named without their paragraph, which is the one the citation just
 * before names: `CRP/43, párr. 6, inciso a)), el desarrollo (inciso b))`, `paragraph 12(a)
 * of CRP/43, and the research in subparagraph (b)`, `au paragraphe 6 du document CRP/43,
 * notamment aux alinéas a) et c)`, `los incisos b) y c) del mismo párrafo`. Only in the
 * sentence of that citation or the next (`Voir CRP/43, par. 6. Le premier message est
 * énoncé à l'alinéa a).`), with no paragraph named or code between them (`Paragraph 5 of
 * the resolution, subparagraph (b)` is not a sub-paragraph of the paper's paragraph cited
 * before), and not before another text (`subparagraph (b) of the resolution`). Read as
 * references without the symbol, whose paper the draft index finds as for `par. 9`.
 *
 * `lead`: the citation ending the paragraph before a list, with a colon (`(CRP/43, par. 6
 * a) à c)) :` ⏎⏎ `- la place centrale des droits (alinéa a)) ;`), in the list's offsets
 * (before it: negative): the list's first sub-paragraph named alone is of its paragraph.
 */
export function findSubParagraphsAlone(text: string, from: number, to: number, found: Citation[], lead?: Citation): Citation[] {
  let subs: Citation[] | undefined;
  // The next place a sub-paragraph word may start at or after where it was last asked
  // from: the windows below go left to right, so the text is searched once.
  let nextAt = -1;
  const wordFrom = (at: number) => {
    if (nextAt < at) {
      SUB_WORD_STARTS.lastIndex = at;
      nextAt = SUB_WORD_STARTS.exec(text)?.index ?? Number.POSITIVE_INFINITY;
    }
    return nextAt;
  };
  const after = lead ? [lead, ...found] : found;
  // Before the block's first citation, letters of `the same paragraph` (`- los migrantes
  // varados (inciso c) del mismo párrafo)`, in a list whose items before cite paragraph 6):
  // of the paragraph cited last, which the draft index finds as for `Ibid., al. b)`.
  for (let at = from; ; ) {
    const i = wordFrom(at);
    if (i >= Math.min(after[0]?.start ?? to, to)) break;
    at = i + 1;
    if (isWordChar(text[i - 1]) || text[i - 1] === '-') continue;
    const letters = parseSubLetters(text, i);
    const said = letters && skipSpacesAndOneBreak(text, letters.end);
    const same = said !== undefined ? matchWord(SAME_PARAGRAPH, text, said) : undefined;
    if (!letters || same === undefined || said! + same.length > to) continue;
    const end = said! + same.length;
    (subs ??= []).push(lettersOfParagraphBefore(text, i, letters, end));
    at = end;
  }
  // The last paragraph cited, and where its citation ends: letters after a citation of notes
  // only, in its sentence, go on being its (`(apartado a); véanse las notas 1 a 5); … (apartado b))`).
  let paragraphBefore: { number: NumberToken; end: number } | undefined;
  for (let k = 0; k < after.length; k++) {
    // After each citation, up to the next one, within a sentence's reach.
    let previous = after[k]!;
    const next = Math.min(after[k + 1]?.start ?? to, to);
    const own = lastParagraphOf(previous);
    if (own) paragraphBefore = { number: own, end: previous.end };
    for (let at = Math.max(from, previous.end); ; ) {
      const i = wordFrom(at);
      if (i >= Math.min(next, previous.end + SUB_REACH)) break;
      at = i + 1;
      if (isWordChar(text[i - 1]) || text[i - 1] === '-' || matchWord(SUB_WORD_MATCHER, text, i) === undefined) continue;
      const letters = parseSubLetters(text, i);
      if (!letters) continue;
      // (`Ibid.` alone has no items of its own: what it repeats is known later.)
      const last = previous.items[previous.items.length - 1];
      const notesOnly = last !== undefined && previous.items.every((item) => item.from.note && !item.from.number && !item.from.inherits);
      const number = notesOnly && paragraphBefore && sentenceStartIn(text, paragraphBefore.end, previous.start) === paragraphBefore.end ? paragraphBefore.number : lastParagraphOf(previous);
      // `Ibid., al. b)`: letters whose paragraph the draft index finds, as it does for these.
      const ofShortForm = !number && last !== undefined && previous.short === true && !previous.bare;
      // (From the lead: what the list says before the word.)
      const between = previous === lead ? from : previous.end;
      if ((!number && !ofShortForm) || !namesAgainAt(text, between, i, to, number?.value)) continue;
      let end = letters.end;
      const after = skipSpacesAndOneBreak(text, end);
      const same = matchWord(SAME_PARAGRAPH, text, after);
      if (same) end = after + same.length;
      // (Nor the draft's own: `comme je l'ai dit à l'alinéa b) ci-dessus`.)
      else if (matchWord(SUB_OF_MATCHER, text, after) !== undefined || namesAnotherText(text, after) || matchWord(OWN_PARAGRAPH_MATCHER, text, after) !== undefined) continue;
      if (end > next) continue;
      if (!number) {
        // (Of `Ibid., al. b)`, `ofShortForm`.)
        const citation = lettersOfParagraphBefore(text, i, letters, end);
        (subs ??= []).push(citation);
        previous = citation;
        at = end;
        continue;
      }
      // Copies: each reference's tokens are its own (moving one to document offsets moves them).
      const [head, ...rest] = letters.starts.map((start) => parseLetterItem(text, start, { ...number })!);
      // One letter: the word is its reference's (`inciso b)` all points at 6(b)).
      const first: CitationItem = rest.length === 0 && !head!.to ? { from: { ...head!.from, start: i }, start: i, end: head!.end } : head!;
      const citation: Citation = { symbol: '', symbolStart: i, symbolEnd: i, items: [first, ...rest], short: true, bare: true, start: i, end };
      (subs ??= []).push(citation);
      previous = citation;
      paragraphBefore = { number, end };
      at = end;
    }
  }
  if (!subs) return found;
  return [...found, ...subs].sort((a, b) => a.start - b.start);
}

/** The paragraph a citation's last item names (none for `Ibid.` alone, or a note alone). */
function lastParagraphOf(citation: Citation): NumberToken | undefined {
  const last = citation.items[citation.items.length - 1];
  return last && paragraphOf(last.to ?? last.from, last);
}

/**
 * Whether what is named at `i` without its paragraph (a sub-paragraph, `ce même
 * paragraphe`) may be of the paragraph a citation ending at `between` names: no paragraph
 * or note named, no code, between them; in that citation's sentence, or in the next when
 * no sub-paragraph of it is another text's (`CRP/43 §2 says so. Subparagraph (b) differs,
 * and subparagraph (c) of the resolution too.`).
 */
function namesAgainAt(text: string, between: number, i: number, to: number, paragraph?: number): boolean {
  if (MARKED_NUMBER_OR_CODE().test(text.slice(between, i))) return false;
  const sentence = sentenceStartIn(text, between, i);
  return sentence === between || (sentenceStartIn(text, between, endOfSentenceBefore(text, sentence)) === between && !namesAnotherTextsSubParagraph(text, sentence, to, paragraph));
}

/**
 * The paragraph just cited, named again in words: `le processus décrit au paragraphe 14,
 * […] mentionné à la fin de ce même paragraphe`, `Ibíd., párr. 14. El apoyo figura al final
 * de ese mismo párrafo.`, `See CRP/43, para. 9. That paragraph also says`. Where a
 * sub-paragraph named alone would be its (`namesAgainAt`); not before a sub-paragraph,
 * which says it (`ce même paragraphe, à son alinéa a)`: the `alinéa a)` is read), nor
 * before another text (`that paragraph of the resolution`). Read as a reference without
 * the symbol. `this paragraph`, `ce paragraphe`, `este párrafo` are not read: writers say
 * them of their own draft's paragraph.
 */
export function findSameParagraphs(text: string, from: number, to: number, found: Citation[], symbols: readonly string[], lead?: Citation): Citation[] {
  let again: Citation[] | undefined;
  const phrases = SAME_PARAGRAPH_AGAIN();
  phrases.lastIndex = from;
  let k = -1;
  for (let m = phrases.exec(text); m && m.index < to; m = phrases.exec(text)) {
    const i = m.index;
    const end = i + m[0].length;
    while (k + 1 < found.length && found[k + 1]!.start < i) k++;
    // (Before the block's first citation, the citation that ends the block before, `lead`:
    // `(CRP/43, par. 8)` ⏎⏎ `Le même paragraphe invite`.)
    const previous = found[k] ?? lead;
    // (Inside a citation: `subparagraph (b) of that paragraph`.)
    if (!previous || previous.end > i) continue;
    const between = previous === lead ? from : previous.end;
    if (i - between > SUB_REACH) continue;
    const last = previous.items[previous.items.length - 1];
    const number = last && paragraphOf(last.to ?? last.from, last);
    // `dicho apartado`: the last sub-paragraph cited (its letter's token is that citation's).
    const namesSub = NAMES_SUB_PARAGRAPH().test(m[0]);
    const sub = namesSub ? (last?.to ?? last?.from)?.sub : undefined;
    if (namesSub && (!sub || !number)) continue;
    // After `Ibid., al. b)`, whose paragraph the draft index finds: so it does for this one.
    const ofShortForm = !number && last !== undefined && previous.short === true && !previous.bare;
    if ((!number && !ofShortForm) || !namesAgainAt(text, between, i, to, number?.value)) continue;
    // Not of a reference without a symbol after another text's symbol in its sentence, which
    // may be that text's (`(S/13/12, ¶ 47); that paragraph`, `The report (A/68/190) is key
    // (para. 40). That paragraph says`): a miss rather than the paper's paragraph 40.
    if (previous !== lead && previous.bare && namesOtherSymbol(text.slice(sentenceStartIn(text, Math.max(from, previous.start - SUB_REACH), previous.start), previous.start), symbols)) continue;
    const after = skipSpacesAndOneBreak(text, end);
    // Nor the words themselves named (`that paragraph number`), nor before a number, which
    // is the reference (`Al final del párrafo 24`).
    if (isDigit(text[after]) || namesAnotherText(text, after) || PARAGRAPH_NUMBER_WORD.test(text.slice(after, after + 8)) || SUB_WORD_SOON().test(text.slice(end, Math.min(to, end + 24)))) continue;
    // (A copy: each citation's tokens are its own, moved with it.)
    // (After a short form, none yet: the draft index gives it, as to `Ibid., al. b)`'s letters.)
    const ref: Reference = number ? { inherits: { ...number }, ...(sub ? { sub: { ...sub } } : {}), start: i, end } : { start: i, end };
    const items = [{ from: ref, start: i, end }];
    (again ??= []).push(number ? { symbol: '', symbolStart: i, symbolEnd: i, items, short: true, bare: true, start: i, end } : { symbol: '', symbolStart: i, symbolEnd: end, items, short: true, start: i, end });
  }
  return again ? [...found, ...again].sort((a, b) => a.start - b.start) : found;
}

/** `number`, `numéro`, `número` after a paragraph named again: the words named, not the paragraph. */
const PARAGRAPH_NUMBER_WORD = /^(?:numbers?|numéros?|números?)(?![\p{L}])/iu;

/**
 * The sub-paragraph just cited, named again: `conforme a dicho apartado`, `ledit alinéa`,
 * `the same subparagraph` (`findSameParagraphs`).
 */
const SAME_SUB_PARAGRAPH = [
  'the same subparagraph', 'that subparagraph', 'the said subparagraph',
  'ledit alinéa', 'dudit alinéa', 'audit alinéa', 'ce même alinéa', 'le même alinéa', 'du même alinéa', 'au même alinéa',
  'dicho apartado', 'dicho inciso', 'dicho literal', 'ese apartado', 'ese inciso', 'el mismo apartado', 'el mismo inciso', 'el mismo literal', 'del mismo apartado', 'del mismo inciso', 'del mismo literal',
];
/** Whether a phrase ends on a sub-paragraph's word (`SUB_PARAGRAPH_WORDS`). */
const NAMES_SUB_PARAGRAPH = lazy(() => new RegExp(`(?:${SUB_PARAGRAPH_WORDS.map((w) => escapeForPattern(w.text)).join('|')})$`, 'i'));

/** The phrases of `findSameParagraphs`. */
const SAME_PARAGRAPH_AGAIN = lazy(() =>
  anyWordOf(
    [
      'the same paragraph', 'that same paragraph', 'that paragraph', 'the said paragraph', 'the aforementioned paragraph', 'the above-mentioned paragraph',
      'ce même paragraphe', 'le même paragraphe', 'du même paragraphe', 'au même paragraphe', 'ledit paragraphe', 'dudit paragraphe', 'audit paragraphe',
      ...['le', 'du', 'au'].flatMap((a) => CITED_FR.map((w) => `${a} paragraphe ${w}`)),
      'ese mismo párrafo', 'este mismo párrafo', 'el mismo párrafo', 'del mismo párrafo', 'al mismo párrafo', 'ese párrafo', 'dicho párrafo', 'el mismo numeral', 'del mismo numeral', 'dicho numeral',
      // UN Spanish's `el citado párrafo`, `el mencionado párrafo`, before or after the noun.
      ...['el', 'del', 'al'].flatMap((a) => CITED_ES.flatMap((w) => [`${a} ${w} párrafo`, `${a} párrafo ${w}`])),
      // A place in it: `(CRP/43, § 25). It asked about the input announced at the end of the paragraph`.
      'the end of the paragraph', 'the beginning of the paragraph', 'the start of the paragraph',
      'la fin du paragraphe', 'le début du paragraphe',
      'el final del párrafo', 'al final del párrafo', 'el principio del párrafo', 'al principio del párrafo', 'el comienzo del párrafo',
      ...SAME_SUB_PARAGRAPH,
    ],
    'g',
  ),
);

/** A sub-paragraph's word soon after (`, à son alinéa a)`, `, en su inciso b)`). */
const SUB_WORD_SOON = lazy(() => new RegExp(`^[^.;:!?]*${anyWordOf(SUB_PARAGRAPH_WORDS.map((w) => w.text)).source}`, 'iu'));

/**
 * Whether the sentence starting at `start` names a sub-paragraph of another text, or of a
 * paragraph it names (`subparagraph (c) of the resolution`, `l'alinéa b) du paragraphe
 * 5`): then its sub-paragraphs named alone are not those of the paragraph cited before it.
 */
function namesAnotherTextsSubParagraph(text: string, start: number, to: number, paragraph?: number): boolean {
  const end = Math.min(to, start + SUB_REACH);
  // (In the window only: in the text, the search would run on to the next sub-paragraph
  // word, through a block that may be a 5 MB line, at each call.)
  const window = text.slice(start, end);
  for (let at = start; ; ) {
    SUB_WORD_STARTS.lastIndex = at - start;
    const found = SUB_WORD_STARTS.exec(window);
    const i = found ? start + found.index : undefined;
    if (i === undefined || sentenceStartIn(text, start, i) !== start) return false;
    at = i + 1;
    const letters = !isWordChar(text[i - 1]) && matchWord(SUB_WORD_MATCHER, text, i) !== undefined ? parseSubLetters(text, i) : undefined;
    if (!letters) continue;
    const after = skipSpacesAndOneBreak(text, letters.end);
    // (`Los incisos b) y c) del mismo párrafo`: the one cited before, no other text's.)
    if (matchWord(SAME_PARAGRAPH, text, after) !== undefined) continue;
    const of = matchWord(SUB_OF_MATCHER, text, after);
    // (Of the paragraph cited before: `Subparagraph (a) of paragraph 24 is … Subparagraph (b)
    // refers to …, and subparagraph (c) of paragraph 24 to …`.)
    if (of !== undefined && paragraph !== undefined && paragraphNamedAt(text, skipSpacesAndOneBreak(text, after + of.length)) === paragraph) continue;
    if (of !== undefined || namesAnotherText(text, after)) return true;
  }
}

/** The paragraph a mark and a number at `at` name (`paragraph 24`, `du paragraphe 5`'s `paragraphe 5`). */
function paragraphNamedAt(text: string, at: number): number | undefined {
  const mark = matchMark(text, at);
  if (!mark || mark.kind !== 'paragraph') return undefined;
  return parseNumber(text, skipSpacesAndOneBreak(text, mark.end))?.value;
}
