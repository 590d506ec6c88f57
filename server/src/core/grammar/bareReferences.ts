/**
 * References written without the symbol (`par. 9`, `paragraphs 14 to 16`, `note 3`), read
 * as the paper's when the text around them says so (see paperContext.ts), and never when
 * they are another text's, the writer's own, a page, a year or a count.
 */

import { BLANK, type Citation, type CitationItem, type Mark, type Reference, type UnreadReference } from './types';
import { BEFORE_BARE_NOTE, DIVISION_WORDS, ENGLISH_BEFORE_PARA, NOTE_OPENERS, NOT_THE_PAPERS, ON_PAGE, OWN_LABEL_AFTER, OWN_LABEL_BEFORE, POSSESSIVES, type Papers, REFERENCE_BEFORE_ASIDE, TEXT_BEFORE_COMMA, TEXT_NOUN_RIGHT_BEFORE, TEXT_SAYS_IN_BEFORE, namesSeries, ofSomeThing, ownLabels, possessedTextBefore, possessiveOfThePaper, readsEnglish } from './paperContext';
import { BODY_START, citedInBefore, markTypoBefore } from './symbolCitations';
import { isDigit, isWordChar, matchMark, matchWord, quotedAlone, skipBackSpacesAndOneBreak, skipSpaces, skipSpacesAndOneBreak, wordEndingAt } from './scan';
import { OWN_PARAGRAPH_MATCHER, SYMBOL_BEFORE, SYMBOL_BEFORE_IMPRINT, SYMBOL_NAME_AT_START, namesAnotherText, samePaperAt } from './texts';
import { type Body, DATED_TEXT, isYear, letterStartsAt, parseBody, parseLetter, parseLetterItem, parseListSeparator, parseNumber, parseRangeSeparator, wordCounted } from './body';
import { VERB_MARKS } from './words';

/**
 * The references written without a symbol in `[from, to)`, between the citations `found`
 * (in order), added to them: `(par. 9)`, `aux paragraphes 13 et 14`, `el párrafo 6 c)` in
 * a draft that names CRP/43 before them. Writers cite a paper this way all through a
 * note about it. Not read: one that names another text's paragraph (`paragraph 5 of the
 * resolution`, `par. 29 de la résolution`) or the draft's own (`paragraph 12 above`); one
 * whose first number is a year (`§ 2014`), Spanish `para` before a count (`para 12 países`); English `note`
 * after a word other than `see`, `in` or an article (`we note 3 areas`). Which paper it is
 * of, if any, the draft index decides, as for a short form.
 */
export function findBareReferences(
  text: string,
  from: number,
  to: number,
  found: Citation[],
  papers: Papers,
  typos?: { symbol: string; unread: UnreadReference[] },
  // The spans no reference without a symbol is looked for in: `found`'s, and those after a misspelt symbol.
  skipped: readonly Citation[] = found,
): Citation[] {
  let bare: Citation[] | undefined;
  let next = 0;
  // Every body holds a number, and most numbers of a draft are in the citations found:
  // looked for from the numbers outside them, a body's start within reach before its first
  // (a regular expression over the whole text, for marks, cost reading a tenth more).
  let scanned = from;
  NUMBERS.lastIndex = from;
  for (let d = NUMBERS.exec(text); d && d.index < to; d = NUMBERS.exec(text)) {
    const digit = d.index;
    while (next < skipped.length && skipped[next]!.end <= digit) next++;
    const covering = skipped[next];
    if (covering && covering.start <= digit) {
      NUMBERS.lastIndex = covering.end;
      continue;
    }
    const reach = Math.max(scanned, digit - BARE_REACH, next > 0 ? skipped[next - 1]!.end : from);
    scanned = digit + d[0].length;
    const body = bareBodyBefore(text, reach, digit, to, covering?.start ?? to, papers) ?? marklessBodyAt(text, digit, Math.min(to, covering?.start ?? to), papers);
    if (!body) {
      const typo = typos && markTypoBefore(text, digit, typos.symbol);
      if (typo) typos.unread.push(typo);
      continue;
    }
    const [start, end, items] = [body.start, body.end, body.items];
    // Fields in the order every citation has them (packedCitations.ts unpacks them so);
    // a reference written with no mark has none.
    const after = skipSpaces(text, end);
    const ofThePaper = samePaperAt(text, after) || namesSeries(text, after, papers);
    const mark = body.mark === MARKLESS ? {} : { mark: body.mark };
    const paper = ofThePaper ? { ofThePaper: true as const } : {};
    (bare ??= []).push({ symbol: '', symbolStart: start, symbolEnd: start, ...mark, items, short: true, bare: true, ...paper, start, end });
    NUMBERS.lastIndex = scanned = body.end;
  }
  if (!bare) return found;
  return [...found, ...bare].sort((a, b) => a.start - b.start);
}

/** How far after a citation a sub-paragraph named without its paragraph may be (one sentence's reach). */
export const SUB_REACH = 400;

/**
 * A paragraph and its sub-paragraph written with no mark, as a note about one paper
 * writes them once it names it: `GFMD recognized in 5(b)`, `– 24(a); … 24(b)`, `(6 a))`,
 * `la clé est 6 c)`, `24 a) et c)`. The letter is what makes the number a paragraph's; a
 * number of up to three digits, glued to `(x)` or UN-style ` x)`. Not another text's
 * (`Article 24(a)`, `table 5(b)`, `option 2 a)`: after a capitalized word or a word for a
 * division or a part of a text; `5(b) of the resolution`), nor an enumeration starting a
 * line (`1 a) …`). `mark` is a stand-in: no mark is written (`Citation.mark` stays unset).
 */
function marklessBodyAt(text: string, digit: number, to: number, papers: Papers): Body | undefined {
  if (isWordChar(text[digit - 1]) || './,'.includes(text[digit - 1] ?? '')) return undefined;
  const number = parseNumber(text, digit);
  if (!number || number.text.length > 3) return undefined;
  const glued = text[number.end] === '(';
  const letter = parseLetter(text, number.end, true);
  // (Small: `Class 1(A)` is no sub-paragraph.)
  if (!letter || !/[a-z]/.test(text[letter.sub.start]!) || (!glued && text[number.end] !== ' ' && text[number.end] !== '\u00a0') || text[letter.sub.start - 1] === '(' !== glued) return undefined;
  const before = skipBackSpacesAndOneBreak(text, digit);
  // Not right after code: what the code cut off (`par. \`x\` 24 a)`) is not read around it.
  if (text[before - 1] === BLANK) return undefined;
  const lineStart = text.lastIndexOf('\n', digit - 1) + 1;
  if (/^[ \t>]*(?:[-*+][ \t]+)?$/.test(text.slice(lineStart, digit))) return undefined;
  const word = wordEndingAt(text, before);
  if (word && ((/^\p{Lu}/u.test(word) && word.length > 2 && !MARKLESS_AFTER_CAPITAL.has(word)) || NOT_A_PAPERS_PART.has(word.toLowerCase()) || isDigit(word[0]))) return undefined;
  // After a mark, the reading with it was refused (`l'article 1, paragraphe 1 c), de la
  // Constitution`): not read without it either.
  const dot = text[before - 1] === '.' ? 1 : 0;
  const markWord = wordEndingAt(text, before - dot);
  if (matchMark(text, markWord ? before - dot - markWord.length : before - 1) !== undefined) return undefined;
  const from: Reference = { number, sub: letter.sub, start: digit, end: letter.end };
  // A range of its letters: `12(a)–(c)`, `24 a) à c)` (on the same line).
  const range = parseRangeSeparator(text, letter.end);
  const last = range && !range.broke && letterStartsAt(text, range.at) ? parseLetter(text, range.at, false) : undefined;
  const items: CitationItem[] = [last ? { from, to: { sub: last.sub, start: range!.at, end: last.end }, start: digit, end: last.end } : { from, start: digit, end: letter.end }];
  // Letters after it: `24 a) et c)`, `6(a) and (b)`.
  for (let at = items[0]!.end; ; ) {
    const next = parseListSeparator(text, at, false, true);
    if (!next || next.mark || isDigit(text[next.at])) break;
    const item = parseLetterItem(text, next.at, number);
    if (!item) break;
    items.push(item);
    at = item.end;
  }
  const end = items[items.length - 1]!.end;
  if (end > to) return undefined;
  const after = skipSpaces(text, end);
  // Quoted alone, a notation (`numérotés à la française (« 6 a) » et non « 6(a) »)`).
  if (quotedAlone(text, before, after)) return undefined;
  if (matchWord(OWN_PARAGRAPH_MATCHER, text, after) !== undefined || (namesAnotherText(text, after) && !namesSeries(text, after, papers))) return undefined;
  return { mark: MARKLESS, items, start: digit, end };
}

/** Capitalized words after which a paragraph written with no mark is still the paper's: a sentence's first word. */
const MARKLESS_AFTER_CAPITAL: ReadonlySet<string> = new Set(['See', 'Voir', 'Ver', 'Véase', 'Also', 'Aussi', 'Under', 'Per', 'Cf.', 'And', 'The', 'Les', 'Los', 'Las', 'Del', 'Sur', 'Sobre', 'Dans', 'Para']);

/** Words for parts and divisions of texts, after which a number and a letter are that part's: `table 5(b)`, `option 2 a)`. */
const NOT_A_PAPERS_PART: ReadonlySet<string> = new Set([
  ...DIVISION_WORDS,
  ...'rule rules step steps option options table figure chart box item items question questions objective objectives goal goals target targets indicator indicators recommendation recommendations resolution decision point points page pages p. pp. line lines'.split(' '),
  ...'regla reglas paso pasos opción opciones tabla cuadro figura gráfico recuadro pregunta preguntas objetivo objetivos meta metas indicador indicadores recomendación recomendaciones resolución decisión punto puntos página páginas línea líneas'.split(' '),
  ...'règle règles étape étapes tableau figure graphique encadré objectif objectifs cible cibles indicateur indicateurs recommandation recommandations résolution décision ligne lignes'.split(' '),
]);

/** The stand-in for the mark of a reference written with no mark (`marklessBodyAt`): the citation keeps none. */
const MARKLESS: Mark = { text: '', start: -1, end: -1, style: 'section', kind: 'paragraph', plural: false, lists: false };

const NUMBERS = /\d+/g;

/** How far before its first number a body may start: `subparagraphs (a), (b) and (c) of paragraph 24`. */
const BARE_REACH = 80;

/** The body read without a symbol that starts in `[from, digit)` and holds the number at `digit`, ending by `to`. */
function bareBodyBefore(text: string, from: number, digit: number, to: number, next: number, papers: Papers): Body | undefined {
  BODY_START.lastIndex = from;
  for (let m = BODY_START.exec(text); m && m.index < digit; m = BODY_START.exec(text)) {
    const at = m.index;
    if (isWordChar(text[at]) && isWordChar(text[at - 1])) continue;
    const body = parseBody(text, at);
    // The first body that holds the number is the one (`subparagraph (a) of paragraph 24`, not `paragraph 24`).
    if (body && body.end > digit) return body.end <= Math.min(to, next) && isBareReference(text, body, papers) ? body : undefined;
  }
  return undefined;
}

/** Whether a body read without a symbol cites a paper (see `findBareReferences`). */
/** Words that lead a reference quoted with them: `"see para 2"`, `« voir par. 9 »`. */
const QUOTED_LEADS: ReadonlySet<string> = new Set(['see', 'cf.', 'voir', 'véase', 'ver', 'vid.']);

/** Lead words that may stand between a text named and its reference: `the report, at paragraph 14`. */
const LEADS_AFTER_COMMA: ReadonlySet<string> = new Set(['at', 'in', 'au', 'dans', 'en']);

/** A title in emphasis ending right there: `*Relations OIM-ONU*`, `_World Migration Report_`. */
const EMPHASIZED_TITLE_BEFORE = /(?<![*_\p{L}\p{N}])([*_]{1,2})[^*_\n]{2,80}\1$/u;

/** `'s` for `is` after a pronoun, not a possessive: `that's paragraph 1`, `it's para 9`, `here's note 2`. */
const IS_CONTRACTED = /(?<![\p{L}])(?:that|it|this|here|there|what|which|who)['’]s$/iu;

/** Whether the possessor ending at `end` (before its `'s`) is the paper: `the paper's`, `CRP/43's`, `the CRP's`. */
function ownedByThePaper(text: string, end: number, papers: Papers): boolean {
  if (/(?:paper|document)$/i.test(text.slice(Math.max(0, end - 8), end)) || papers.symbols.some((symbol) => text.startsWith(symbol, end - symbol.length))) return true;
  // Or by its series, as notes name it once its symbol is given: `the CRP's para 6(a)`.
  const word = wordEndingAt(text, end);
  return word !== undefined && papers.series.has(word);
}

function isBareReference(text: string, body: Body, papers: Papers): boolean {
  const first = body.items[0]!;
  const number = first.from.number;
  if (isYear(number)) return false;
  // Spanish `para` is also "for": `para 12 países`, `para 50 personas`; but `see para 8
  // notes`, `(para 8)`: after an English word or an opening, the English abbreviation.
  if (body.mark.text.toLowerCase() === 'para' && number && !first.from.sub && /(?:es|as|os)$/.test(wordCounted(text, number) ?? '')) {
    const before = skipBackSpacesAndOneBreak(text, body.mark.start);
    const word = wordEndingAt(text, before)?.toLowerCase();
    const english = word === undefined ? '([|'.includes(text[before - 1] ?? '') : ENGLISH_BEFORE_PARA.has(word);
    if (!english && !readsEnglish(text, body.mark.start)) return false;
  }
  if (VERB_MARKS.has(body.mark.text.toLowerCase())) {
    const before = skipBackSpacesAndOneBreak(text, body.mark.start);
    const word = wordEndingAt(text, before);
    // After a sentence's end (`§2. Note 4 says`) too.
    // At a list item's start, written `Note 2 :` or as a label (`- notes 2 et 3 : …`, a
    // list of notes). (A task's box too: `- [ ] Note 2 cites A/68/190`.)
    const label = /^\p{Lu}/u.test(body.mark.text) || OWN_LABEL_AFTER.test(text.slice(body.end, body.end + 8));
    const listItem = word === undefined && label && ('-*+'.includes(text[before - 1] ?? '') || /[-*+][ \t]+\[[ xX]\]$/.test(text.slice(Math.max(0, before - 8), before)));
    // After a possessive (`its note 2`, `sa note 7`), whose it is is decided below.
    const opens =
      word === undefined
        ? before === 0 || NOTE_OPENERS.includes(text[before - 1]!) || listItem
        : BEFORE_BARE_NOTE.has(word.toLowerCase()) || POSSESSIVES.has(word.toLowerCase()) || word.endsWith('.');
    // Or a noun, whatever stands before, when the paper is named after it (`to which note 2 of the paper refers`).
    if (!opens && !samePaperAt(text, skipSpacesAndOneBreak(text, body.end))) return false;
  }
  // A line that starts with the reference and a colon labels a paragraph: the paper's in
  // notes that go through it (`- **Par. 1** : « truly a milestone » est rendu par…`), the
  // draft's own in review comments that cite the paper under their labels (`- [ ] **Párr.
  // 3:** la remisión a CRP/43, párr. 7 debería ser párr. 8`): a label would not name the
  // paper it is the paragraph of. Decided for the labels of a block together (`ownLabels`).
  if (OWN_LABEL_AFTER.test(text.slice(body.end, body.end + 8))) {
    const lineStart = text.lastIndexOf('\n', body.start - 1) + 1;
    if (OWN_LABEL_BEFORE.test(text.slice(lineStart, body.start)) && ownLabels(text, papers)) return false;
  }
  // What stands right before the body, which most rules below look at.
  const before = skipBackSpacesAndOneBreak(text, body.start);
  const wordBefore = wordEndingAt(text, before);
  // `CRP/43 cited in paragraph 9`: where the paper is cited, another text's paragraph (but
  // `the fund mentioned in paragraph 24` is the paper's, and so is the paragraph where
  // another text is cited, `A/68/190 mentioned in paragraph 5`: see `DraftIndex.paperOfBareAt`).
  const cited = citedInBefore(text, body.start);
  const citedSymbol = cited >= 0 ? SYMBOL_BEFORE.exec(text.slice(Math.max(0, cited - 40), cited)) : null;
  if (citedSymbol && papers.symbols.includes(SYMBOL_NAME_AT_START.exec(citedSymbol[0])![0])) return false;
  // A possessor's: `the Compact's para 17` (not `the paper's para. 9`, `CRP/43's para. 9`,
  // nor a contraction of `is`: `that's paragraph 1`, `it's para 9`).
  if (wordBefore === 's' && (text[before - 2] === "'" || text[before - 2] === '’') && !IS_CONTRACTED.test(text.slice(Math.max(0, before - 8), before)) && !ownedByThePaper(text, before - 2, papers)) return false;
  // Its paragraph: of what was just named in words (`la Declaración, en su párrafo 10`,
  // `MC/2355 ; son paragraphe 4`); `CRP/43, en su párrafo 16` is read from its symbol.
  if (wordBefore && NOT_THE_PAPERS.has(wordBefore.toLowerCase()) && !(POSSESSIVES.has(wordBefore.toLowerCase()) && possessiveOfThePaper(text, before - wordBefore.length, papers))) return false;
  // Right after a text's noun, in its phrase: `in recent reports para 12 has covered`, `the
  // Declaration para 8` (not across a tab, a table's or a line's end: `Post-2015 agenda⇥§§ 11–12`).
  if (wordBefore && TEXT_NOUN_RIGHT_BEFORE.has(wordBefore.toLowerCase()) && /^[ \u00a0]+$/.test(text.slice(before, body.start))) return false;
  // `Voir supra, note 1`: the draft's own, as `supra note 1` is.
  if (text[before - 1] === ',' && /^(?:supra|infra)$/i.test(wordEndingAt(text, skipBackSpacesAndOneBreak(text, before - 1)) ?? '')) return false;
  // A reference quoted alone is a string of another text (`le renvoi « par. 9 » du projet`).
  if (quotedAlone(text, before, skipSpaces(text, body.end))) return false;
  // So is one quoted with the word that leads it (`the intro says "see para 2"`).
  if (wordBefore && QUOTED_LEADS.has(wordBefore.toLowerCase()) && quotedAlone(text, skipBackSpacesAndOneBreak(text, before - wordBefore.length), skipSpaces(text, body.end))) return false;
  // A pinpoint of a dated text named in words: `(cf. notre note du 7 octobre, par. 4)`,
  // `our letter of 5 December 2013, para. 2`.
  if (text[before - 1] === ',' && DATED_TEXT().test(text.slice(Math.max(0, before - 80), before - 1))) return false;
  // Or just named by a noun after an article or a possessive: `voir son rapport, par. 3`,
  // `see the resolution, para. 4` (not `le document, par. 3`, which writers say of the paper).
  // (A lead word may stand between: `the Secretary-General's report, at paragraph 14`.)
  const comma = text[before - 1] === ',' ? before - 1 : wordBefore && LEADS_AFTER_COMMA.has(wordBefore.toLowerCase()) && text[skipBackSpacesAndOneBreak(text, before - wordBefore.length) - 1] === ',' ? skipBackSpacesAndOneBreak(text, before - wordBefore.length) - 1 : -1;
  // (An aside without a pinpoint may stand before the comma: `the Secretary-General's report (see above), para 12`.)
  if (comma >= 0 && TEXT_BEFORE_COMMA().test(text.slice(Math.max(0, comma - 100), comma).replace(ASIDE_AT_END, ''))) return false;
  // Or by its title in emphasis: `voir *Relations OIM-ONU*, par. 3 à 6` (another note's).
  if (comma >= 0) {
    const title = EMPHASIZED_TITLE_BEFORE.exec(text.slice(Math.max(0, comma - 100), comma))?.[0];
    if (title && !papers.symbols.some((symbol) => title.includes(symbol))) return false;
  }
  // Or as the subject that says it there: `the Declaration states in paragraph 12`.
  if (wordBefore && TEXT_SAYS_IN_BEFORE().test(text.slice(Math.max(0, before - 80), before))) return false;
  // Or by whose it is, the reference in brackets right after it: `The IOM Council's report
  // on its previous session (para. 12)`. (Not a note: `the Secretary-General's agenda (n.
  // 2)` says where the paper notes that text, as its footnote 2 does.)
  if (text[before - 1] === '(' && body.mark.kind === 'paragraph' && possessedTextBefore(text.slice(Math.max(0, before - 100), before - 1))) return false;
  // A pinpoint of a work just named with its imprint: `concept note (draft, 2014), para. 4`
  // (unless the work is named by a symbol: `documento CRP/43 (Ginebra, 2013), párrs. 1 y 2`).
  if (text[before - 1] === ',' && text[before - 2] === ')' && /\b(?:1[89]|20)\d\d\)$/.test(text.slice(Math.max(0, before - 8), before - 1))) {
    const open = text.lastIndexOf('(', before - 2);
    // Nor an aside after a reference: `CRP/43, para. 13 (2011), para. 14`.
    const named = text.slice(Math.max(0, open - 40), open);
    if (!SYMBOL_BEFORE_IMPRINT.test(named) && !REFERENCE_BEFORE_ASIDE().test(named)) return false;
  }
  // A section's number, not a paragraph's: `paragraph 4.3` of some guidelines.
  for (const item of body.items) {
    const last = (item.to ?? item.from).number;
    if (last && text[last.end] === '.' && isDigit(text[last.end + 1])) return false;
  }
  // A paragraph of a division of the draft itself, or of another text: `Annex 2, paragraph 3`.
  const k = text[before - 1] === ',' ? skipBackSpacesAndOneBreak(text, before - 1) : before;
  const divisionNumber = wordEndingAt(text, k);
  // (Or its letter or ordinal: `l'annexe B, par. 3`, `Appendix A, paragraph 2`, `l'article 1er, paragraphe 1`.)
  if (divisionNumber && /^(?:\d+(?:\.\d+)*|\d+(?:er|re|e)|[IVXLC]+|[A-Z])$/.test(divisionNumber)) {
    const word = wordEndingAt(text, skipBackSpacesAndOneBreak(text, k - divisionNumber.length));
    if (word && DIVISION_WORDS.has(word.toLowerCase())) return false;
  }
  // (Emphasis around the word: `la nota 2 *supra*`.)
  let after = skipSpacesAndOneBreak(text, body.end);
  while (text[after] === '*' || text[after] === '_') after++;
  if (matchWord(OWN_PARAGRAPH_MATCHER, text, after) !== undefined) return false;
  // A note or a paragraph of a paged text: `Footnote 3 on page 2 of the team's working
  // papers` (the paper is cited by its paragraphs, in every language version).
  if (ON_PAGE.test(text.slice(after, after + 24))) return false;
  // After the paper's possessive, its owner is said: `de una guía` is what the paragraph
  // speaks of (`y en su párrafo 20 de una guía práctica`), not whose it is.
  if (wordBefore && POSSESSIVES.has(wordBefore.toLowerCase()) && ofSomeThing(text, after)) return true;
  return !namesAnotherText(text, after) || namesSeries(text, after, papers);
}

/** An aside ending a span: in brackets without a number (`(see above)`, `(voir ci-dessus)`), or the text's version (`the IDF guidelines, version 4.1`). */
const ASIDE_AT_END = /(?:[ \u00a0]*\([^()\d\n]{1,40}\)|,[ \u00a0]*(?:version|versión|edition|édition|edición)[ \u00a0]+\d+(?:\.\d+)*)$/i;
