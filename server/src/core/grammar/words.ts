/**
 * Every word the grammar knows, per language: marks and their spellings, short forms,
 * range and list words, connectors, lead words, descriptions' connectors, sub-paragraph
 * words, page and division words, number words. Completion, the style fix and the quick
 * fixes read these tables too; nothing else in the grammar spells a word of its own.
 */

import type { MarkKind, MarkStyle, WriterLanguage } from './types';

export interface MarkSpelling {
  text: string;
  style: MarkStyle;
  kind: MarkKind;
  plural: boolean;
  lists: boolean;
  languages: readonly WriterLanguage[];
}

const one = (text: string, style: MarkStyle, languages: WriterLanguage[], kind: MarkKind = 'paragraph'): MarkSpelling => ({ text, style, kind, plural: false, lists: false, languages });

const many = (text: string, style: MarkStyle, languages: WriterLanguage[], kind: MarkKind = 'paragraph'): MarkSpelling => ({ text, style, kind, plural: true, lists: true, languages });

const either = (text: string, style: MarkStyle, languages: WriterLanguage[], kind: MarkKind = 'paragraph'): MarkSpelling => ({ text, style, kind, plural: false, lists: true, languages });

const ALL: WriterLanguage[] = ['en', 'fr', 'es'];

/**
 * Every mark, in any case. A longer spelling comes before any it starts with (`paras.`
 * before `paras` before `para.`), and a word mark must end where it ends (`paragraphes`
 * is not `paragraphe` + `s`, `paragraphing` no mark). Accents may be left out, as many
 * writers type (`parr.`, `parrafo`).
 */
export const MARKS: readonly MarkSpelling[] = [
  many('§§', 'section', ALL),
  one('§', 'section', ALL),
  many('¶¶', 'pilcrow', ALL),
  one('¶', 'pilcrow', ALL),
  many('paragraphes', 'par', ['fr']),
  one('paragraphe', 'par', ['fr']),
  many('paragraphs', 'para', ['en']),
  one('paragraph', 'para', ['en']),
  // Before a number and its letter: `Subparagraph 6(c) of CRP/43` (before a letter, a sub-paragraph word).
  one('subparagraph', 'para', ['en']),
  one('sub-paragraph', 'para', ['en']),
  many('paras.', 'para', ['en']),
  many('paras', 'para', ['en']),
  one('para.', 'para', ['en']),
  one('para', 'para', ['en']),
  either('par.', 'par', ['fr']),
  either('paragr.', 'par', ['fr']),
  // Also French for "by": read only where a symbol or a short form puts it (`PREPOSITION_MARKS`).
  either('par', 'par', ['fr']),
  many('párrafos', 'parr', ['es']),
  one('párrafo', 'parr', ['es']),
  many('parrafos', 'parr', ['es']),
  one('parrafo', 'parr', ['es']),
  many('párrs.', 'parr', ['es']),
  many('párrs', 'parr', ['es']),
  one('párr.', 'parr', ['es']),
  one('párr', 'parr', ['es']),
  // Latin American usage: `numeral 12`, `numerales 9 a 22` for the paragraphs of a text,
  // and their abbreviations in tables and notes (`lit. a) del num. 5`).
  many('numerales', 'parr', ['es']),
  one('numeral', 'parr', ['es']),
  many('nums.', 'parr', ['es']),
  one('num.', 'parr', ['es']),
  many('parrs.', 'parr', ['es']),
  one('parr.', 'parr', ['es']),
  one('parr', 'parr', ['es']),
  one('pár.', 'parr', ['es']),
  many('footnotes', 'note', ['en'], 'footnote'),
  one('footnote', 'note', ['en'], 'footnote'),
  many('notes de bas de page', 'note', ['fr'], 'footnote'),
  one('note de bas de page', 'note', ['fr'], 'footnote'),
  many('notes', 'note', ['en', 'fr'], 'footnote'),
  one('note', 'note', ['en', 'fr'], 'footnote'),
  many('notas al pie', 'note', ['es'], 'footnote'),
  one('nota al pie', 'note', ['es'], 'footnote'),
  many('notas', 'note', ['es'], 'footnote'),
  one('nota', 'note', ['es'], 'footnote'),
  many('nn.', 'note', ALL, 'footnote'),
  either('n.', 'note', ALL, 'footnote'),
  many('fns.', 'note', ['en'], 'footnote'),
  many('fns', 'note', ['en'], 'footnote'),
  one('fn.', 'note', ['en'], 'footnote'),
  one('fn', 'note', ['en'], 'footnote'),
];

/**
 * Marks that are also English verbs: right after the symbol, with nothing but a space
 * between, `notes` is the verb (`CRP/43 notes 3 areas of work`; `CRP/43 note 7` is a note);
 * with a comma, a colon or a parenthesis they are the mark (`CRP/43, notes 2 and 3`,
 * `CRP/43 (note 2)`). Without a symbol, see `isBareReference` (`we note 3 areas`).
 */
export const VERB_MARKS: ReadonlySet<string> = new Set(['note', 'notes']);

/**
 * Marks that are also a preposition, French `par` ("by"): a mark only right after a symbol
 * or a short form (`CRP/43, par 20`, `(CRP/43 par 20)`, `ibid., par 7`), where "by" cannot
 * stand; elsewhere prose (`adopté par 20 voix`, `par 9 voix contre 3 du CRP/43`).
 */
export const PREPOSITION_MARKS: ReadonlySet<string> = new Set(['par']);

/**
 * The marks crp-cite writes (an inserted citation, the style rewrite, quick fixes), per
 * citation style, singular and plural: `§`, UN English `para.`, or the writer's language's
 * own abbreviation (`local`; French writes `par.` for one paragraph and for several).
 * Spellings of `MARKS`, so that what is written is read again (checked below).
 */
export type WrittenStyle = 'section' | 'para' | 'local';

export const WRITTEN_MARKS: {
  readonly section: WrittenMarks;
  readonly para: WrittenMarks;
  readonly local: Readonly<Record<WriterLanguage, WrittenMarks>>;
} = {
  section: { one: '§', many: '§§' },
  para: { one: 'para.', many: 'paras.' },
  local: { en: { one: 'para.', many: 'paras.' }, fr: { one: 'par.', many: 'par.' }, es: { one: 'párr.', many: 'párrs.' } },
};

export interface WrittenMarks {
  one: string;
  many: string;
}

/** The marks a style writes in `language`. */
export function writtenMarks(style: WrittenStyle, language: WriterLanguage): WrittenMarks {
  return style === 'local' ? WRITTEN_MARKS.local[language] : WRITTEN_MARKS[style];
}

for (const marks of [WRITTEN_MARKS.section, WRITTEN_MARKS.para, ...Object.values(WRITTEN_MARKS.local)]) {
  for (const text of [marks.one, marks.many]) if (!MARKS.some((m) => m.text === text)) throw new Error(`written mark ${text} is not one the grammar reads`);
}

/**
 * Short forms that stand for the last paper cited (`Ibid., para. 7`). `alone`: the form
 * may be written without a reference, repeating the last citation (`Ibid.`); `id.` is
 * too short a word to be read alone, but as legal style writes it, capitalized and a
 * sentence or a parenthesis of its own (`… technical. Id.`, `(Id.)`), it is.
 */
export const SHORT_FORMS: ReadonlyArray<{ text: string; alone: boolean }> = [
  { text: 'ibidem', alone: true },
  { text: 'ibídem', alone: true },
  { text: 'ibid.', alone: true },
  { text: 'ibíd.', alone: true },
  { text: 'ibid', alone: true },
  { text: 'ibíd', alone: true },
  { text: 'id.', alone: false },
  { text: 'íd.', alone: false },
  { text: 'ídem', alone: false },
  { text: 'idem', alone: false },
  // `« … » (loc. cit.)`: the place cited last, as `ibid.`; `op. cit.`, the work cited last,
  // with a reference (`see op. cit. ¶ 120`). After an author's name (`Betts, loc. cit.`,
  // `Betts, op. cit., p. 4`), that author's work: `CIT_AUTHOR`.
  { text: 'loc. cit.', alone: true },
  { text: 'loc.cit.', alone: true },
  { text: 'op. cit.', alone: false },
  { text: 'op.cit.', alone: false },
];

/**
 * "And the following" after a reference (`paras 9 ff.`, `§ 23 et seq.`, `par. 9 et suivants`,
 * `los párrafos 19 y siguientes`): the writer names no end, so only the reference is read,
 * and the words are said not to be (`findFollowingWords`).
 */
export const FOLLOWING_WORDS: readonly string[] = ['et seq.', 'et sqq.', 'ff.', 'and following', 'et suiv.', 'et suivants', 'et ss.', 'ss.', 'y ss.', 'y sigs.', 'y sig.', 'y siguientes'];

/**
 * Verbs of saying, active (a text says something), as writers use them of a text that
 * says it in one of its paragraphs: `the Declaration states in paragraph 12`, `la
 * résolution prévoit au paragraphe 3`, `el informe señala en el párrafo 12`. Not passive
 * (`the Declaration is welcomed in paragraph 4`: where the paper speaks of it).
 */
export const SAYING_VERBS: readonly string[] = [
  ...'says said states stated notes noted recalls recalled stresses stressed provides provided reads affirms affirmed adds added calls'.split(' '),
  ...['sets out', 'set out', 'is silent', 'was silent', 'goes further', 'went further'],
  ...['dit', 'indique', 'rappelle', 'souligne', 'prévoit', 'énonce', 'affirme', 'précise', 'ajoute', 'stipule', 'est muette', 'est muet'],
  ...['dice', 'señala', 'recuerda', 'subraya', 'establece', 'prevé', 'afirma', 'precisa', 'añade', 'indica', 'estipula', 'guarda silencio'],
];

/** Words between the two ends of a range (`§§6 to 8`, `par. 18 à 20`, `párrs. 19 a 20`, `del párrafo 18 al 21`). */
export const RANGE_WORDS: readonly string[] = ['through', 'to', 'à', 'a', 'al'];

/** The word before a range's first number after a plural mark, Spanish `los párrafos del 23 al 25`, `numerales del 11 al 13`; only before `al`. */
export const RANGE_FROM_WORDS: readonly string[] = ['del'];

/**
 * Words between list items (`§§6 and 7`, `§§ 7 et 8`, `§§ 15 y 16`, `paras. 9, 10 & 12`;
 * speaking notes' `§5(a) + fns 2–5`), and between alternatives, each a paragraph the writer
 * points at (`is that para 15 or 16?`, `par. 12 ou 13`, `párrafos 7 u 8`).
 */
export const LIST_WORDS: readonly string[] = ['and', 'et', 'y', '&', '+', 'or', 'ou', 'o', 'u'];

/**
 * An article after a list word, the mark left unsaid before the next number: `los
 * párrafos 11 y 12, y el 14`, `le paragraphe 24 a) et le 25`, `et les 26 et 27`.
 */
export const LIST_ARTICLES: readonly string[] = ['el', 'los', 'le', 'les'];

/**
 * What may stand between a mark-first citation and the symbol, longest first; with the
 * kind of document named as the UN names it (`of conference room paper CRP/43`, `du
 * document de séance CRP/43`, `del documento de sesión CRP/43`).
 */
export const CONNECTORS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
  { text: 'of the conference room paper', language: 'en' },
  { text: 'of conference room paper', language: 'en' },
  { text: 'in conference room paper', language: 'en' },
  { text: 'of the document', language: 'en' },
  { text: 'of document', language: 'en' },
  { text: 'in document', language: 'en' },
  { text: 'of', language: 'en' },
  { text: 'in', language: 'en' },
  { text: 'dans le document de séance', language: 'fr' },
  { text: 'du document de séance', language: 'fr' },
  { text: 'dans le document', language: 'fr' },
  { text: 'du document', language: 'fr' },
  { text: 'du', language: 'fr' },
  { text: 'de', language: 'fr' },
  { text: 'en el documento de sesión', language: 'es' },
  { text: 'del documento de sesión', language: 'es' },
  { text: 'en el documento', language: 'es' },
  { text: 'del documento', language: 'es' },
  { text: 'del', language: 'es' },
  { text: 'de', language: 'es' },
];

/** What names the paper after a description of it (`paragraph 9 of the note contained in document CRP/43`), longest first. */
export const CONTAINED_IN: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
  { text: 'contained in document', language: 'en' },
  { text: 'contained in', language: 'en' },
  { text: 'issued as document', language: 'en' },
  { text: 'publiée sous la cote', language: 'fr' },
  { text: 'parue sous la cote', language: 'fr' },
  { text: 'figurant dans le document', language: 'fr' },
  { text: 'qui figure dans le document', language: 'fr' },
  { text: 'que figura en el documento', language: 'es' },
  { text: 'contenida en el documento', language: 'es' },
  { text: 'contenido en el documento', language: 'es' },
  { text: 'publicada con la signatura', language: 'es' },
];

/** Their last words: only a text before a symbol ending in one is looked through for them. */
export const CONTAINED_IN_LAST_WORDS: ReadonlySet<string> = new Set(CONTAINED_IN.map((c) => c.text.slice(c.text.lastIndexOf(' ') + 1)));

/**
 * What may stand between a mark-first citation and a description of the paper, whose
 * symbol follows in parentheses, as UN documents write it: `paragraphs 4 to 7 of the
 * report (CRP/43)`, `les paragraphes 4 à 7 du rapport (CRP/43)`, `los párrafos 4 a 7 del
 * informe (CRP/43)`. A possessive and its article: with a bare `of` or `in`, `paragraph 9
 * in the light of the report (CRP/43)` would be read as citing the paper.
 */
export const DESCRIPTION_CONNECTORS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
  { text: 'of the', language: 'en' },
  { text: 'of its', language: 'en' },
  { text: 'of this', language: 'en' },
  { text: 'du', language: 'fr' },
  { text: 'de la', language: 'fr' },
  { text: "de l'", language: 'fr' },
  { text: 'de l’', language: 'fr' },
  { text: 'des', language: 'fr' },
  { text: 'del', language: 'es' },
  { text: 'de la', language: 'es' },
  { text: 'de los', language: 'es' },
  { text: 'de las', language: 'es' },
];

/** How many words a description may have (`the report of the Secretary-General`: five). */
export const DESCRIPTION_WORDS = 6;

/** Words no description holds: with one, it names two things (`of its resolution and the report (CRP/43)`). */
export const NOT_IN_DESCRIPTION = ['and', 'or', 'et', 'ou', 'y', 'o', 'e', 'u'];

/**
 * What may stand between the symbol and the mark: `CRP/43 at ¶ 9` (legal style),
 * `document CRP/43, au paragraphe 9`, `documento CRP/43, en el párrafo 9`, `CRP/43, in
 * paragraph 16`, `dans son paragraphe 16`, `en su párrafo 16`; also after a verb and a
 * comma (`CRP/43 indique, au paragraphe 16, que`, `CRP/43 señala, en su párrafo 16`).
 */
export const LEADS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
  { text: 'at', language: 'en' },
  { text: 'in', language: 'en' },
  { text: 'aux', language: 'fr' },
  { text: 'au', language: 'fr' },
  { text: 'dans son', language: 'fr' },
  { text: 'dans ses', language: 'fr' },
  { text: 'dans le', language: 'fr' },
  { text: 'en los', language: 'es' },
  { text: 'en el', language: 'es' },
  { text: 'en su', language: 'es' },
  { text: 'en sus', language: 'es' },
  // Relative: `CRP/43, whose paragraph 12`, `CRP/43, dont le paragraphe 1`, `CRP/43, cuyo párrafo 9`.
  { text: 'whose', language: 'en' },
  { text: 'dont le', language: 'fr' },
  { text: 'dont les', language: 'fr' },
  { text: 'cuyo', language: 'es' },
  { text: 'cuyos', language: 'es' },
];

/**
 * Words naming a sub-paragraph: `subparagraph (b) of paragraph 5`, `paragraph 5,
 * subparagraph (b)`; plural ones name several (`subparagraphs (a) and (b) of paragraph 5`).
 */
export const SUB_PARAGRAPH_WORDS: ReadonlyArray<{ text: string; language: WriterLanguage; plural?: true }> = [
  { text: 'subparagraphs', language: 'en', plural: true },
  { text: 'subparagraph', language: 'en' },
  { text: 'sub-paragraphs', language: 'en', plural: true },
  { text: 'sub-paragraph', language: 'en' },
  { text: 'subparas.', language: 'en', plural: true },
  { text: 'subpara.', language: 'en' },
  { text: 'sub-paras.', language: 'en', plural: true },
  { text: 'sub-para.', language: 'en' },
  // British style, without full stops (`sub-para (b)`), as `para 9` (audit 55).
  { text: 'subparas', language: 'en', plural: true },
  { text: 'subpara', language: 'en' },
  { text: 'sub-paras', language: 'en', plural: true },
  { text: 'sub-para', language: 'en' },
  { text: 'alinéas', language: 'fr', plural: true },
  { text: 'alinéa', language: 'fr' },
  { text: 'alineas', language: 'fr', plural: true },
  { text: 'alinea', language: 'fr' },
  // `par. 24, al. a) et c)`: the abbreviation, for one or several.
  { text: 'al.', language: 'fr', plural: true },
  { text: 'apartados', language: 'es', plural: true },
  { text: 'apartado', language: 'es' },
  // `CRP/43, párr. 12, apdo. b)`: the abbreviation.
  { text: 'apdos.', language: 'es', plural: true },
  { text: 'apdo.', language: 'es' },
  { text: 'incisos', language: 'es', plural: true },
  { text: 'inciso', language: 'es' },
  // `cf. párr. 6, inc. b)`: the abbreviation (audit 49).
  { text: 'incs.', language: 'es', plural: true },
  { text: 'inc.', language: 'es' },
  // `el párr. 24, letra a)`, `letras a) a c)`: as Spanish legal texts name them.
  { text: 'letras', language: 'es', plural: true },
  { text: 'letra', language: 'es' },
  // Latin American usage: `numeral 12, literal b)`, `acápite c) del numeral 24`.
  { text: 'literales', language: 'es', plural: true },
  { text: 'literal', language: 'es' },
  { text: 'lits.', language: 'es', plural: true },
  { text: 'lit.', language: 'es' },
  { text: 'acápites', language: 'es', plural: true },
  { text: 'acápite', language: 'es' },
];

export const SUB_PARAGRAPH_PLURALS: ReadonlySet<string> = new Set(SUB_PARAGRAPH_WORDS.filter((w) => w.plural).map((w) => w.text));

/** Between a sub-paragraph word's letter and its paragraph: `of`, `du`, `del`, `de`. */
export const SUB_PARAGRAPH_OF = [
  // The paragraph just cited, named again with its number: `alinéa c) du même § 6` (audit 58).
  ...['of the same', 'du même', 'del mismo'],
  ...['of', 'du', 'del', 'de'],
];

/**
 * Words that, after a symbol, announce a reference the grammar does not read as one:
 * pages (which differ between language versions, where paragraph numbers do not) and
 * the paper's divisions, which have no numbers of their own in CRP/43.
 */
export const UNREAD_WORDS: ReadonlyArray<{ text: string; kind: 'page' | 'division'; numberless?: true }> = [
  ...['pp.', 'p.', 'pages', 'page', 'págs.', 'pág.', 'páginas', 'página'].map((text) => ({ text, kind: 'page' as const })),
  ...['sections', 'section', 'sect.', 'sec.', 'chapters', 'chapter', 'chap.', 'annexes', 'part', 'chapitre', 'partie', 'sección', 'seccion', 'secc.', 'capítulo', 'capitulo', 'cap.', 'parte'].map((text) => ({ text, kind: 'division' as const })),
  // A paper's one annex needs no number: `CRP/43, annex.`, `CRP/43, anexo)`.
  ...['annexe', 'annex', 'anexo'].map((text) => ({ text, kind: 'division' as const, numberless: true as const })),
];

export const UNREAD_BY_TEXT = new Map(UNREAD_WORDS.map((w) => [w.text, w]));

/** Numbers written as words, one to thirty, in the three languages: `§six` means §6. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>();
  const add = (list: string, from = 1) => list.split(' ').forEach((w, i) => words.set(w, from + i));
  add('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty');
  add('twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty', 21);
  add('un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt');
  add('vingt-et-un vingt-deux vingt-trois vingt-quatre vingt-cinq vingt-six vingt-sept vingt-huit vingt-neuf trente', 21);
  add('uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte');
  add('veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve treinta', 21);
  words.set('une', 1);
  // French legal style's ordinal for the first: `paragraphe premier`, `alinéa premier`.
  words.set('premier', 1);
  // Spanish ordinals after the mark, as UN Spanish numbers preambular paragraphs (`el párrafo
  // vigésimo segundo`); the composite ones are read by `numberInWordsAt`.
  add('primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo undécimo duodécimo decimotercero decimocuarto decimoquinto decimosexto decimoséptimo decimoctavo decimonoveno vigésimo');
  words.set('trigésimo', 30);
  return words;
})();

/** The tens of a Spanish ordinal written in two words, the units after them: `vigésimo segundo` (22), `décimo tercero` (13). */
export const ORDINAL_TENS: ReadonlyMap<string, number> = new Map([['décimo', 10], ['vigésimo', 20], ['trigésimo', 30]]);

/** Spanish adjectives for the paragraph just cited, before or after the noun: `el citado párrafo`, `el párrafo mencionado`. */
export const CITED_ES = ['citado', 'mencionado', 'referido', 'precitado'];

/** French ones, after the noun: `le paragraphe précité`. */
export const CITED_FR = ['précité', 'susmentionné'];

/**
 * Words after a list item that make it a count of something rather than a paragraph
 * (`§§6, 12 countries`): a plural noun ends in -s or -x in the three languages. These
 * end in -s and are not nouns; nor are the plurals of the adjectives for paragraphs just
 * cited (`par. 4 et 7 précités`, `párrs. 4 y 7 citados`).
 */
export const NOT_COUNTED = new Set([
  ...'as has was is its his this thus plus les des ses mes nos vos leurs aux sous dans sans après depuis vers très mais las los sus tras más menos pues mientras antes después además'.split(' '),
  ...[...CITED_FR, ...CITED_ES].map((adjective) => `${adjective}s`),
]);
