/**
 * Whose paragraph a reference without a symbol names: the paper named in its sentence or
 * the one before, a possessive (`its paragraph 12`, `su párrafo 10`), the paper as the
 * subject (`The paper … in paragraph 5`), another text named in between, the writer's own
 * numbered labels (`Paragraph 3:`).
 */

import { MARK_ALTERNATIVES, MAY_HOLD_SHORT_FORM, anyWordOf, endOfSentenceBefore, escapeForPattern, isWordChar, lazy, matchMark, matchWord, sentenceStartIn, skipSpaces, skipSpacesAndOneBreak, wordMatcher } from './scan';
import { parseBody, parseLetter, parseNumber } from './body';
import { A_SYMBOL_NAME, CONTRACTED_ARTICLE_WORDS, DETERMINER, DETERMINER_WORDS, INDEFINITE_ARTICLE_WORDS, OF_ANOTHER_TEXT, SAME_PAPER, TEXT_NOUN_LIST, isWholeSymbol, namesOtherSymbol, namesSymbol, namesTextAt } from './texts';
import { SAYING_VERBS, UNREAD_WORDS } from './words';
import { BODY_START, NOT_A_VERB } from './symbolCitations';

/**
 * Words right before a mark that make the paragraph or note another's: a possessive (`su
 * párrafo 10`: of what the sentence named in words; the paper's when it named the paper,
 * `possessiveOfThePaper`), `supra`, `infra` (`supra note 3`:
 * the draft's own note, in legal style), a resolution's kinds of paragraph (`operative
 * paragraphs 1 to 6`).
 */
export const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'son', 'sa', 'ses', 'leur', 'leurs', 'su', 'sus']);

/** The reader's draft: `your para. 6`, `votre par. 3`, `tu párrafo 2`. */
const SECOND_PERSON_POSSESSIVES = ['your', 'votre', 'vos', 'tu', 'tus', 'vuestro', 'vuestros'];

/** The writer's or the reader's own draft: `your para. 6`, `notre par. 3`, `nuestro párrafo 2`. */
const OWN_DRAFT_POSSESSIVES = [...SECOND_PERSON_POSSESSIVES, 'our', 'my', 'notre', 'nos', 'mon', 'ma', 'mes', 'nuestro', 'nuestros', 'mi', 'mis'];

/**
 * A text's noun right before a reference names whose it is (`in recent reports para 12`,
 * `the Declaration para 8`): the nouns and their plurals, but those writers say of the paper
 * (`document`, `text`) and `note`, also a verb (`the Council notes para 9`).
 */
export const TEXT_NOUN_RIGHT_BEFORE: ReadonlySet<string> = new Set(
  TEXT_NOUN_LIST.filter((n) => !/^(?:document|documento|text|texte|texto|note|nota|res\.|rés\.)$/.test(n)).flatMap((n) => [n, `${n}s`, `${n}es`]),
);

export const NOT_THE_PAPERS: ReadonlySet<string> = new Set([...POSSESSIVES, ...OWN_DRAFT_POSSESSIVES, 'supra', 'infra', 'operative', 'preambular']);

/** Before a paragraph's label: only a line's indentation, a list item's or block quote's marker (and a task's box), a heading's, emphasis. */
export const OWN_LABEL_BEFORE = /^[ \t>]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?(?:\*\*|\*|__|_)?$/;

/** After one: emphasis closed, then a colon; or a full stop in bold (`**Para. 3.**`). */
export const OWN_LABEL_AFTER = /^(?:(?:\*\*|\*|__|_)?[ \t\u00a0\u202f]*:|\.(?:\*\*|__))/;

/** A line that starts with a paragraph's label (`- [ ] **Párr. 3:**`, `Para. 3:`): where the label's mark starts. */
const LABEL_LINE = /^([ \t>]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?(?:\*\*|\*|__|_)?)\S/gm;

/** The last block asked of `ownLabels`, and its answer. */
let ownLabelsOf: { text: string; papers: Papers; own: boolean } | undefined;

/**
 * Whether the paragraph or note labels of a block (`text`) are the draft's own: most of
 * their items cite one of the papers (review comments on a draft's paragraphs or notes,
 * each citing the paper); otherwise they are the paper's own, gone through one by one.
 */
export function ownLabels(text: string, papers: Papers): boolean {
  if (ownLabelsOf?.text === text && ownLabelsOf.papers === papers) return ownLabelsOf.own;
  let labels = 0;
  let naming = 0;
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(text); m; m = LABEL_LINE.exec(text)) {
    const at = m.index + m[1]!.length;
    const mark = matchMark(text, at);
    const number = mark && parseNumber(text, skipSpaces(text, mark.end));
    if (!number) continue;
    let end = number.end;
    // (A range of them: `**Paras 16–18.**`.)
    const range = /^[–-]\d{1,4}/.exec(text.slice(end, end + 6));
    if (range) end += range[0].length;
    const letter = parseLetter(text, end, true);
    if (letter) end = letter.end;
    if (!OWN_LABEL_AFTER.test(text.slice(end, end + 8))) continue;
    labels++;
    // Its item cites the paper: names it, or repeats the citation before (`- Nota 7: «Ibíd., párr. 7.»`);
    // or speaks to the writer of the draft (`**Para. 2.** You describe …`).
    const item = itemEnd(text, end);
    // (Or names it in words after a reference: `**Para 10.** Para 15 of the paper says`.)
    if (namesPaperIn(text, end, item, papers) || MAY_HOLD_SHORT_FORM.test(text.slice(end, item)) || SPEAKS_TO_WRITER().test(text.slice(end, item)) || SAME_PAPER_IN_ITEM().test(text.slice(end, item))) naming++;
  }
  ownLabelsOf = { text, papers, own: naming * 2 > labels };
  return ownLabelsOf.own;
}

/** `SAME_PAPER`'s words (`of the paper`, `du document`), asked once of a label's item. */
const SAME_PAPER_IN_ITEM = lazy(() => anyWordOf(SAME_PAPER));

/** A second person, as review comments on a colleague's draft speak: `you`, `your`, `vous`, `votre`, `usted`, `tu`. */
const SPEAKS_TO_WRITER = lazy(() => anyWordOf(['you', 'vous', 'usted', 'ustedes', ...SECOND_PERSON_POSSESSIVES]));

/** Where the list item or paragraph whose text goes on at `at` ends: a blank line, or a line that starts another item. */
function itemEnd(text: string, at: number): number {
  const next = /\n[ \t>]*(?:\n|[-*+][ \t]|\d{1,9}[.)][ \t])/g;
  next.lastIndex = at;
  return next.exec(text)?.index ?? text.length;
}

/** Whether `[from, to)` names one of the papers: its symbol or its series (`del CRP`). */
function namesPaperIn(text: string, from: number, to: number, papers: Papers): boolean {
  return papers.symbols.some((symbol) => namesSymbol(text, from, to, symbol)) || [...papers.series].some((series) => namesSymbol(text, from, to, series));
}

/** Divisions of a text, whose paragraphs a reference right after one and its number names (`Annex 2, paragraph 3`): the words `unreadDivisionAt` reads, and appendices. */
export const DIVISION_WORDS: ReadonlySet<string> = new Set([
  ...UNREAD_WORDS.filter((w) => w.kind === 'division').map((w) => w.text),
  ...['appendix', 'appendice', 'apéndice'],
  // A policy's or a strategy's parts: `Axe 2, par. 5`, `Eje 3, párr. 2`, `Pillar 1, para. 4`.
  ...['axe', 'axis', 'eje', 'pilier', 'pillar', 'pilar'],
  // A constitution's or a convention's (the paper has none): `l'article 1, paragraphe 1, de la Constitution`.
  ...['article', 'articles', 'art', 'art.', 'artículo', 'artículos'],
]);

/** Words after which `para` is the English abbreviation, not the Spanish preposition: `see para 8 notes`. */
export const ENGLISH_BEFORE_PARA = new Set(['in', 'see', 'as', 'of', 'under', 'per', 'and', 'with', 'by', 'at', 'from', 'to', 'cf.', 'also', 'the', 'its', 'whose']);

/** Words that tell an English sentence from a Spanish one: `will raise para 14 themselves` is English, `fondos para 12 países de la región` is not. */
const ENGLISH_WORDS = /(?<!\p{L})(?:the|of|and|we|will|is|are|this|that|with|should|would|our|it|they|be)(?!\p{L})/giu;

const SPANISH_WORDS = /(?<!\p{L})(?:el|la|los|las|de|del|que|y|se|una|por|con|su|sus|es|son|lo)(?!\p{L})/giu;

/** Whether the sentence around `at` has more English function words than Spanish ones. */
export function readsEnglish(text: string, at: number): boolean {
  const start = sentenceStartIn(text, Math.max(0, at - 300), at);
  const rest = text.slice(at, at + 200);
  const end = /[.!?;:](?:\s|$)/.exec(rest);
  const sentence = text.slice(start, at) + (end ? rest.slice(0, end.index) : rest);
  return (sentence.match(ENGLISH_WORDS)?.length ?? 0) > (sentence.match(SPANISH_WORDS)?.length ?? 0);
}

/**
 * Before a bare `note 3`, what makes it the noun (`see note 3`, `la note 3`, `(note 3)`),
 * not the verb (`we note 3 areas`): a preposition, an article, and a verb that takes a
 * noun (`they mean note 5`, `it cites note 2`).
 */
export const BEFORE_BARE_NOTE = new Set([
  ...['see', 'particular', 'which', 'voir', 'cf.', 'la', 'les', 'des', 'aux', 'de', 'du', 'in', 'of', 'to', 'dans', 'en', 'and', 'et', 'y'],
  ...['from', 'under', 'with', 'at', 'mean', 'means', 'meant', 'cite', 'cites', 'cited', 'quote', 'quotes', 'quoted', 'check'],
]);

/** A reference right before an aside in parentheses: `para. 13 (2011)`, `§ 6 b) (2013)`. */
export const REFERENCE_BEFORE_ASIDE = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[ \\u00a0]*\\d{1,3}(?:[ \\u00a0]?\\(?[a-z]\\))?[ \\u00a0]*$`, 'iu'));

/** Or a sign that opens a reference: `(note 3)`, `; note 4`, a table's cell. */
export const NOTE_OPENERS = '([;,:|';

/** `of`, `de` and an indefinite article at `after`: something unnamed, no text (`de una guía`, `of a review`). */
export function ofSomeThing(text: string, after: number): boolean {
  const of = matchWord(OF_ANOTHER_TEXT, text, after);
  return of !== undefined && matchWord(INDEFINITE_ARTICLES, text, skipSpaces(text, after + of.length)) !== undefined;
}

const INDEFINITE_ARTICLES = wordMatcher(INDEFINITE_ARTICLE_WORDS);

/**
 * The papers' symbols, and their series, as writers name a paper once its symbol is
 * known: `CRP` of `CRP/43` (`les §§ 11-12 du CRP`, `paras 11-12 of the CRP`, `del CRP`).
 * Only a series of capitals (a symbol like `A/68/190` has none worth the name).
 */
export interface Papers {
  symbols: readonly string[];
  series: ReadonlySet<string>;
  /** `PAPER_AS_SUBJECT`'s pattern for these papers, built on first use. */
  asSubject?: RegExp;
  /** `SERIES_NAMED`'s pattern for these papers, built on first use. */
  seriesNamed?: RegExp | null;
}

const papersCache = new WeakMap<readonly string[], Papers>();

export function papersOf(symbols: readonly string[]): Papers {
  let papers = papersCache.get(symbols);
  if (!papers) {
    const series = new Set(symbols.map((s) => /^([A-Z]{2,6})\//.exec(s)?.[1]).filter((s): s is string => s !== undefined));
    papersCache.set(symbols, (papers = { symbols, series }));
  }
  return papers;
}

/**
 * Whether the possessive at `at` is the paper's: its sentence names the paper by its
 * symbol before it, and nothing that could be another text stands between (a capitalized
 * word, another symbol): `El documento CRP/43 consta de 27 párrafos, como se indica en su
 * párrafo 2`, not `CRP/43 cita la Declaración, en su párrafo 10`. Or, when what its
 * sentence says before it names nothing (a capitalized word but the first, a noun that
 * names a text, a symbol), the sentence before does so: `See CRP/43, para. 24. Its
 * paragraph 25 is unequivocal.`, `Le document CRP/43 date de 2013. Comme le rappelle son
 * paragraphe 1, …`; not `… Le rapport rappelle en son paragraphe 4`.
 */
export function possessiveOfThePaper(text: string, at: number, papers: Papers): boolean {
  const sentence = sentenceStartIn(text, Math.max(0, at - POSSESSIVE_REACH), at);
  if (paperNamedIn(text, sentence, at, papers)) return true;
  const clause = text.slice(sentence, at);
  // Before the paper, as the subject right after the phrase: `Dans son paragraphe 7, le
  // CRP/43 reprend`, `In its paragraph 7, CRP/43 recalls`.
  // Another text there is the possessive's (`Dans son paragraphe 10, la Déclaration dit`).
  // (After an enumeration's letter in prose: `b) En su párrafo 19, el documento recuerda`;
  // a few words: `Comme l'indique son paragraphe 2, le document se divise`.)
  // (In a parenthesis, its words: `(véase su párrafo 24, donde el documento se pregunta …)`.)
  const opened = text.lastIndexOf('(', at - 1);
  const words = opened >= sentence ? text.slice(opened + 1, at) : clause;
  const subject = /^\s*(?:\(?[a-z]\)\s+)?(?:[\p{L}'’]+\s+){0,3}$/u.test(words) ? subjectAfter(text, at, papers) : undefined;
  if (subject !== undefined) return subject;
  // After a reference in its sentence, with nothing named since: `en el párr. 18 se habla
  // de más de 10 perfiles migratorios, y en su párrafo 20` (the reference is the paper's).
  if (referenceBefore(text, sentence, at)) return true;
  // Opening a clause after a colon or a semicolon in a sentence whose subject is the paper:
  // `Le CRP/43 s'appuie sur le Cadre opérationnel : son paragraphe 13 énumère` (not
  // `El documento MC/2355; su párrafo 4`).
  if (/[:;]\s*$/.test(clause) && PAPER_AS_SUBJECT(papers).test(text.slice(sentence, sentence + 60))) return true;
  if (sentence === 0) return false;
  // (The sentence's first capital is no name.)
  if (!namesNoText(clause.replace(/\p{Lu}/u, ''))) return false;
  const before = sentenceStartIn(text, Math.max(0, sentence - POSSESSIVE_REACH), endOfSentenceBefore(text, sentence));
  // The sentence before names the paper last, or has it as its subject, whatever it names
  // after (`Le document CRP/43 rappelle que la Déclaration « … ». Son paragraphe 9`), or
  // ends on a reference of it with nothing named after (`Son paragraphe 3 relève que … .
  // Son paragraphe 5 va plus loin`).
  // (A reference after another paper's symbol there is that paper's: `CRP/44 addresses it
  // in paragraphs 3 to 6. Its paragraph 9`.)
  const end = endOfSentenceBefore(text, sentence);
  // (Unless another text is its subject, which the possessive stands for: `The Declaration
  // was adopted unanimously (CRP/43, para. 4). Its paragraph 32 …`.)
  if (OTHER_TEXT_AS_SUBJECT().test(text.slice(before, before + 80))) return false;
  return paperNamedIn(text, before, sentence, papers) || PAPER_AS_SUBJECT(papers).test(text.slice(before, before + 60)) || (referenceBefore(text, before, end) && !namesOtherSymbol(text.slice(before, end), papers.symbols));
}

/**
 * A sentence opening with another text as its subject: `The Declaration was`, `La
 * résolution 68/4 prévoit`, `El informe del Secretario General señala` (not `the note`,
 * `the text`, `the draft`, `the statement`, which may be the paper or the draft).
 */
const OTHER_TEXT_AS_SUBJECT = lazy(() => {
  const nouns = TEXT_NOUN_LIST.filter((n) => !/^(?:document|note|nota|text|texte|texto|draft|projet|proyecto|statement)/.test(n)).map(escapeForPattern).join('|');
  return new RegExp(`^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(?:${DETERMINER_WORDS.map(escapeForPattern).join('|')})\\s+(?:${nouns})(?![\\p{L}])`, 'iu');
});

/** A pronoun opening a sentence as its subject: the subject of the sentence before (`It states (¶ 7)`). */
const SUBJECT_PRONOUN = /^(?:It|This|Il|Elle|Celui-ci|Celle-ci|Éste|Este|Ésta|Esta|Aquel|Aquél)\s/u;

/** A sentence opening with a text's symbol as its subject: `CRP/44 is`, `The report A/68/190 states`, `El documento MC/2355 dice`. */
const SYMBOL_AS_SUBJECT = new RegExp(`^(?:\\d+(?:\\.\\d+)*\\.?\\s+)?[*_\\[]*(?:(?:[Tt]he|[Ll]e|[Ll]a|[Ee]l)\\s+)?(?:(?:[Dd]ocuments?|[Dd]ocumento|[Pp]aper|[Rr]eport|[Rr]apport|[Ii]nforme)\\s+)?[*_\\[]*(${A_SYMBOL_NAME})`);

/**
 * Whether the sentence at `sentence` opens with a pronoun whose sentence before (in the
 * paragraph starting at `paragraph`) opens with another text's symbol as its subject: a
 * reference without the symbol there is that text's (`CRP/44 is more assertive. It states
 * (¶ 7) that …`), however much the draft is about the paper.
 */
export function pronounOfAnotherText(text: string, paragraph: number, sentence: number, symbols: readonly string[]): boolean {
  if (sentence <= paragraph || !SUBJECT_PRONOUN.test(text.slice(sentence, sentence + 12))) return false;
  const end = endOfSentenceBefore(text, sentence);
  const subject = SYMBOL_AS_SUBJECT.exec(text.slice(sentenceStartIn(text, Math.max(paragraph, end - POSSESSIVE_REACH), end), end));
  return subject !== null && !symbols.includes(subject[1]!);
}

/** A sentence that opens with the paper as its subject, and its verb or an aside: `Le document CRP/43 rappelle`, `CRP/43 recalls`, `El documento de sesión CRP/43, de fecha …`; not a pinpoint (`CRP/43, para. 2, recalls that resolution 68/4 … . Its paragraph 3`: whose is unclear). */
const PAPER_AS_SUBJECT = (papers: Papers): RegExp => {
  if (!papers.asSubject) {
    const symbols = papers.symbols.map(escapeForPattern).join('|');
    // (Case-sensitive for the verb's small letter: the words that open it in either case.)
    // (After a section's number: `1.1 El documento de sesión CRP/43 del Consejo`.)
    papers.asSubject = new RegExp(`^(?:\\d+(?:\\.\\d+)*\\.?\\s+)?[*_\\[]*(?:(?:[Tt]he|[Ll]e|[Ee]l|[Tt]his|[Cc]e|[Ee]ste)\\s+)?(?:(?:[Cc]onference\\s+room\\s+)?[Pp]aper\\s+|[Dd]ocument\\s+(?:de\\s+séance\\s+)?|[Dd]ocumento\\s+(?:de\\s+sesión\\s+)?)?[*_\\[]*(?:${symbols})[*_\\]]*,?[ \\u00a0]+(?!(?:${MARK_ALTERNATIVES})[ \\u00a0\\d])\\p{Ll}`, 'u');
  }
  return papers.asSubject;
};

/** `BODY_START`, for `referenceBefore` alone: it is asked while a search with the other goes on. */
const BODY_START_IN_CLAUSE = lazy(() => new RegExp(BODY_START.source, BODY_START.flags));

/** Whether a reference (a mark and its number) ends in `[from, to)` with nothing capitalized, no symbol and no noun of a text after it. */
function referenceBefore(text: string, from: number, to: number): boolean {
  const starts = BODY_START_IN_CLAUSE();
  const clause = text.slice(from, to);
  starts.lastIndex = 0;
  let last = -1;
  for (let m = starts.exec(clause); m; m = starts.exec(clause)) {
    const at = from + m.index;
    if (isWordChar(text[at]) && isWordChar(text[at - 1])) continue;
    const body = parseBody(text, at);
    if (body && body.end <= to) last = body.end;
  }
  return last >= 0 && namesNoText(text.slice(last, to));
}

/**
 * What the clause after the comma that follows `at` (in its sentence) starts with: true
 * for the paper's symbol (an article and `document` before it at most), false for another
 * text (`namesTextAt`), undefined for anything else or no such comma.
 */
const RELATIVE_WHERE = wordMatcher(['where', 'in which', 'où', 'dans lequel', 'donde', 'en el que', 'en el cual']);

/** The possessive, its reference and one verb: `su párrafo 12 señala `, `son paragraphe 3 rappelle `. */
const POSSESSIVE_REFERENCE_AND_VERB = /^\p{L}+[ \u00a0]+\p{L}+\.?[ \u00a0]*\d{1,3}(?:[ \u00a0]?\(?[a-z]\))?[ \u00a0\r\n]+(\p{Ll}+)[ \u00a0\r\n]+/u;
/** A text's name after an article: `la Declaración`, `le Pacte mondial`, `the Declaration`. */
const ARTICLE_AND_NAME = lazy(() => new RegExp(`^(?:${DETERMINER_WORDS.map(escapeForPattern).join('|')})[ \\u00a0]*\\p{Lu}`, 'u'));

function subjectAfter(text: string, at: number, papers: Papers): boolean | undefined {
  const rest = text.slice(at, at + 80);
  // Or right after its verb, in Spanish and French word order: `En su párrafo 12 señala el
  // documento`, `Dans son paragraphe 3 rappelle le document`.
  const verb = POSSESSIVE_REFERENCE_AND_VERB.exec(rest);
  if (verb && !NOT_A_VERB.has(verb[1]!)) {
    const subject = at + verb[0].length;
    if (matchWord(THE_PAPER_MATCHER, text, subject) !== undefined) return true;
    // (`En su párrafo 8 señala la Declaración`: the Declaration's.)
    if (ARTICLE_AND_NAME().test(text.slice(subject, subject + 8)) && namesTextAt(text, subject)) return false;
  }
  const comma = rest.search(/[,.;:!?]/);
  if (comma < 0 || rest[comma] !== ',') return undefined;
  let start = skipSpacesAndOneBreak(text, at + comma + 1);
  // A relative clause says the same: `su párrafo 24, donde el documento se pregunta`.
  const relative = matchWord(RELATIVE_WHERE, text, start);
  if (relative !== undefined) start = skipSpacesAndOneBreak(text, start + relative.length);
  let i = start;
  const determiner = matchWord(DETERMINER, text, i);
  // (A line break may stand for any space: `En su párrafo 2, el` ⏎ `documento CRP/43 anuncia`.)
  if (determiner !== undefined) i = determiner.endsWith('’') || determiner.endsWith("'") ? i + determiner.length : skipSpacesAndOneBreak(text, i + determiner.length);
  const noun = /^(?:document|documento|paper)(?=[ \t\u00a0\r\n])/i.exec(text.slice(i, i + 12))?.[0];
  if (noun) i = skipSpacesAndOneBreak(text, i + noun.length);
  if (papers.symbols.some((symbol) => text.startsWith(symbol, i) && isWholeSymbol(text, i, i + symbol.length))) return true;
  // Or by the words writers name the paper with (`THE_PAPER`), no name after them: `En su
  // párrafo 19, el documento recuerda`, `In its paragraph 2, the paper sets out`.
  const thePaper = matchWord(THE_PAPER_MATCHER, text, start);
  if (thePaper !== undefined && !/^[\p{Lu}\/*[]/u.test(text[skipSpacesAndOneBreak(text, start + thePaper.length)] ?? '')) return true;
  if (!namesTextAt(text, start)) return undefined;
  // Another text is the possessive's; one who acts or an event has no paragraphs (`Comme
  // le rappelle son paragraphe 1, le Dialogue a eu lieu`): its clause, after the article.
  const clause = /^[^,;.:!?]*/.exec(text.slice(i, i + 60))![0];
  return namesNoText(clause) ? undefined : false;
}

/** Whether `[from, to)` names the paper, by its symbol or by words that say it is the paper (`paragraph 26 of the paper, and its paragraph 29`), with nothing capitalized after. */
function paperNamedIn(text: string, from: number, to: number, papers: Papers): boolean {
  // (In the slice alone: a search in the text would run on to the nearest match, through
  // a block that may be a 5 MB line, for each possessive of it.)
  const slice = text.slice(from, to);
  let named = -1;
  for (const symbol of papers.symbols) {
    const i = from + slice.lastIndexOf(symbol);
    if (i >= from && isWholeSymbol(text, i, i + symbol.length)) named = Math.max(named, i + symbol.length);
  }
  for (const words of [SAME_PAPER_IN_SENTENCE(), THE_PAPER_IN_SENTENCE(), SERIES_NAMED(papers)]) {
    if (!words) continue;
    words.lastIndex = 0;
    for (let m = words.exec(slice); m; m = words.exec(slice)) named = Math.max(named, from + m.index + m[0].length);
  }
  return named >= 0 && !namesCapitalized(text.slice(named, to));
}

/** The paper by its series after an article, as British notes name it once its symbol is given: `The CRP runs to 27 paras`, `le CRP`, `el CRP`; null without a series. */
const SERIES_NAMED = (papers: Papers): RegExp | null => {
  if (papers.seriesNamed === undefined) {
    const series = [...papers.series].map(escapeForPattern).join('|');
    papers.seriesNamed = series === '' ? null : new RegExp(`(?<![\\p{L}])(?:[Tt]he|[Tt]his|[Ll]e|[Cc]e|[Ee]l|[Ee]ste)\\s+(?:${series})(?![\\p{L}\\p{N}\\/])`, 'gu');
  }
  return papers.seriesNamed;
};

/**
 * The paper as the subject of a sentence, before a possessive of it: `The paper is
 * structured in three parts, as set out in its paragraph 2`, `Le document rappelle en son
 * paragraphe 1`. Not English `the document`, said of any text; French and Spanish writers
 * call the paper they write about `le document`, `el documento`, as UN style names it
 * (`le document CRP/43`).
 */
const THE_PAPER = [
  ...['the paper', 'this paper', 'the same paper', 'the conference room paper'],
  ...['le document', 'ce document', 'ledit document', 'le même document', 'ce même document'],
  ...['el documento', 'este documento', 'ese documento', 'dicho documento', 'el mismo documento', 'ese mismo documento'],
];

const THE_PAPER_IN_SENTENCE = lazy(() => anyWordOf(THE_PAPER, 'g'));

const THE_PAPER_MATCHER = wordMatcher(THE_PAPER);

/** Whether `[from, to)` names the paper in words (`THE_PAPER`: `el documento`, `the paper`), no name after them. */
export function namesThePaperIn(text: string, from: number, to: number): boolean {
  const words = THE_PAPER_IN_SENTENCE();
  const slice = text.slice(from, to);
  words.lastIndex = 0;
  for (let m = words.exec(slice); m; m = words.exec(slice)) {
    if (!/^[\p{Lu}\/*[]/u.test(text[skipSpacesAndOneBreak(text, from + m.index + m[0].length)] ?? '')) return true;
  }
  return false;
}

/** `on page 2`, `à la page 2`, `en la página 2`, `p. 2` after a reference: a paged text's. */
export const ON_PAGE = /^(?:(?:on|at)[ \u00a0\r\n>]+page|(?:à|de)[ \u00a0\r\n>]+la[ \u00a0\r\n>]+page|(?:en|de)[ \u00a0\r\n>]+la[ \u00a0\r\n>]+página|p\.)[ \u00a0\r\n>]*\d/i;

/** Nouns that name a text, but `document`, which writers say of the paper (`le document, par. 3`). */
const OTHER_TEXT_NOUNS = TEXT_NOUN_LIST.filter((n) => !/^document/.test(n)).map(escapeForPattern).join('|');

/**
 * A text named by whose it is, with what it is for: `the Director General's report to the
 * 103rd Session`, `the Secretary-General's report`, `The IOM Council's report on its
 * previous session`. (Under the `i` flag `\p{Lu}` matches any letter.)
 */
const POSSESSED_TEXT = ((): string => {
  const possessor = String.raw`\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}['’]s`;
  const purpose = String.raw`(?:\s+(?:to|of|on|for)\s+(?:the\s+)?[\p{L}\d-]+(?:\s+\p{Lu}[\p{L}-]*){0,3})?`;
  // (A word or two may qualify the noun: `the meeting's outcome note`, `the Council's annual
  // report`, `the SCPF's own session report`.)
  return String.raw`(?:(?:the|its)\s+)?${possessor}\s+(?:[\p{L}-]+\s+){0,2}(?:${OTHER_TEXT_NOUNS})${purpose}`;
})();

/**
 * A text named by a noun after an article or a possessive, and an adjective or whose it is
 * after it, ending where a comma follows (`son rapport`, `the resolution`, `el informe
 * principal`, `au rapport de cette présidence`, `the report of the Secretary-General`,
 * `dans le rapport du Conseil sur sa session précédente`; not `document`, nor a text of
 * the paper: `le texte du document`), or by whose it is (`POSSESSED_TEXT`). A name may
 * stand between the article and the noun, and what the text is for or does after it: `The
 * SCPF report establishing the working group, paragraph 41`, `the annual report to the
 * Council, para. 3`, `le rapport annuel sur les migrations, par. 12`, `la résolution 68/4 de l'Assemblée générale,
 * par. 8`, `la Déclaration de 2013, paragraphe 2`.
 */
export const TEXT_BEFORE_COMMA = lazy(() => {
  const determiners = [...DETERMINER_WORDS, ...CONTRACTED_ARTICLE_WORDS].map(escapeForPattern).join('|');
  // Whose it is or what it does: `of`, `on`, a participle … and one to six words, not the
  // paper's (`du document`, `of the paper`).
  const joins = String.raw`of|de|du|des|del|d['’]|on|to|for|sur|sobre|\p{L}+ing`;
  const whose = String.raw`\s+(?:${joins})\s*[\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,5}(?<![^\p{L}](?:paper|document|documento))`;
  const name = String.raw`(?:\s+\p{L}[\p{L}-]*)?`;
  // Its number: `la résolution 68/4 de l'Assemblée générale`, `the Declaration of 2013`.
  const numbered = String.raw`(?:\s+(?:\p{L}+\/)*\d[\d\/.-]*)?`;
  return new RegExp(`(?<![\\p{L}])(?:(?:${determiners})${name}\\s*(?:${OTHER_TEXT_NOUNS})${numbered}(?:\\s+\\p{Ll}+)?(?:${whose})?|${POSSESSED_TEXT})$`, 'iu');
});

/**
 * Another text as the subject of the clause that holds the reference, saying something
 * in it (`SAYING_VERBS`), the reference after a preposition: `the Declaration states in
 * paragraph 12`, `while the Declaration is silent beyond para. 12`, `la résolution prévoit
 * au paragraphe 3`, `el informe señala en el párrafo 12`. (In brackets, the reference may
 * say where the paper speaks of the text: `the Declaration was adopted (para. 4)`.)
 */
export const TEXT_SAYS_IN_BEFORE = lazy(() => {
  const determiners = DETERMINER_WORDS.map(escapeForPattern).join('|');
  const verbs = SAYING_VERBS.map((v) => escapeForPattern(v).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}])(?:${determiners})\\s*(?:\\p{L}[\\p{L}-]*\\s+)?(?:${OTHER_TEXT_NOUNS})(?:\\s+(?:also|aussi|también|only|merely))?\\s+(?:${verbs})\\s+(?:in|at|beyond|under|en|dans|au|à|a)(?:\\s+(?:its|the|son|sa|le|su|el))?\\s*$`, 'iu');
});

/**
 * A text named by whose it is, right before an opening parenthesis: the reference in it is
 * that text's (`The IOM Council's report on its previous session (para. 12)`), where after a
 * text named otherwise it may say where the paper speaks of it (`the Declaration (para. 8)`).
 */
const POSSESSED_TEXT_BEFORE = lazy(() => new RegExp(`(?<![\\p{L}])${POSSESSED_TEXT}\\s*$`, 'iu'));

/** Whether `span` ends with a text named by whose it is (`POSSESSED_TEXT_BEFORE`); most spans have no possessive `'s` to look at. */
export function possessedTextBefore(span: string): boolean {
  return (span.includes("'s") || span.includes('’s')) && POSSESSED_TEXT_BEFORE().test(span);
}

/** A noun that names a text, anywhere in a clause (`Le rapport rappelle en son paragraphe 4`). */
const TEXT_NOUN_IN_CLAUSE = lazy(() => anyWordOf(TEXT_NOUN_LIST));

/** `SAME_PAPER`'s words anywhere (`possessiveOfThePaper`). */
const SAME_PAPER_IN_SENTENCE = lazy(() => anyWordOf(SAME_PAPER, 'g'));

/** Whether `clause` names nothing that could be a text: no capitalized word but `NO_TEXT_NAMES`, no symbol, no noun of a text. */
function namesNoText(clause: string): boolean {
  return !namesCapitalized(clause) && !TEXT_NOUN_IN_CLAUSE().test(clause);
}

/** Whether `clause` has a capitalized word but `NO_TEXT_NAMES` and places, or a symbol's slash: a name that could be a text's. */
function namesCapitalized(clause: string): boolean {
  return /[\p{Lu}\/]/u.test(clause) && /[\p{Lu}\/]/u.test(clause.replace(NO_TEXT_NAME_IN_CLAUSE(), '').replace(PLACE_IN_CLAUSE, ''));
}

/** Where something happened: `à New York`, `in Geneva`, `en Nueva York` (a name of words in lower case after the capital: not `in A/68/190`). */
const PLACE_IN_CLAUSE = /(?<![\p{L}])(?:à|in|en|at)[ \u00a0\r\n]+\p{Lu}\p{Ll}+(?:[ \u00a0\r\n]+\p{Lu}\p{Ll}+)*/gu;

/**
 * Capitalized names of those who act, of meetings and events, and English months, which
 * have no paragraphs: between the paper and its possessive they name no other text (`las
 * propuestas relativas al párrafo 24, y a la neutralidad de la Administración expuesta en
 * su párrafo 25`, `le bilan du second Dialogue de haut niveau, et son paragraphe 2`,
 * `CRP/43 was presented to the 103rd Session of the Council (26–29 November 2013). Its
 * paragraph 2`). Texts (`the Declaration`, `the Global Compact`, `MC/2355`) and other
 * bodies' names still stop the possessive.
 */
const NO_TEXT_NAMES = [
  ...'January February March April May June July August September October November December Session Meeting'.split(' '),
  'IOM', 'OIM', 'UN', 'ONU', 'United Nations', 'Nations Unies', 'Naciones Unidas',
  'Administration', 'Secretariat', 'Director General', 'Director-General', 'Council', 'Member States', 'Member State', 'Organization', 'Chair', 'Chairperson', 'Presidency', 'President', 'Secretary-General', 'General Assembly', 'Assembly', 'High-level Dialogue', 'Dialogue', 'Global Forum', 'Forum',
  'Secrétariat', 'Directeur général', 'Conseil', 'États Membres', 'État Membre', 'Organisation', 'Présidence', 'Président', 'Secrétaire général', 'Assemblée générale', 'Assemblée',
  'Administración', 'Secretaría', 'Consejo', 'Estados Miembros', 'Estado Miembro', 'Organización', 'Presidencia', 'Presidente', 'Secretario General', 'Asamblea General', 'Asamblea', 'Diálogo de Alto Nivel', 'Diálogo', 'Foro Mundial', 'Foro',
];

/** `NO_TEXT_NAMES` as written (capitalized: `the administration` has no capital to discount anyway). */
const NO_TEXT_NAME_IN_CLAUSE = lazy(() => anyWordOf([...NO_TEXT_NAMES].sort((a, b) => b.length - a.length), 'g', true));

/** How far back a possessive's sentence is looked at. */
const POSSESSIVE_REACH = 300;

/** Whether the words at `after` name a paper by its series (`of the CRP`, `du CRP`, `del CRP`; not `of CRP/44`) or its symbol (`of CRP/43`). */
export function namesSeries(text: string, after: number, papers: Papers): boolean {
  const of = matchWord(OF_ANOTHER_TEXT, text, after);
  if (of === undefined) return false;
  // (Hard-wrapped: `para 9 of the` ⏎ `CRP`.)
  let at = skipSpacesAndOneBreak(text, after + of.length);
  const determiner = matchWord(DETERMINER, text, at);
  if (determiner !== undefined) at = skipSpacesAndOneBreak(text, at + determiner.length);
  // Or by its symbol, after a reference written with no mark (`24(a) of CRP/43`).
  if (papers.symbols.some((symbol) => text.startsWith(symbol, at) && isWholeSymbol(text, at, at + symbol.length))) return true;
  const word = /^[A-Z]{2,6}(?![\p{L}\p{N}_/])/u.exec(text.slice(at, at + 8))?.[0];
  return word !== undefined && papers.series.has(word);
}
