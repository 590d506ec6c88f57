/**
 * The citation grammar: finds `CRP/43 §6(a)`, `CRP/43, par. 13`, `paragraph 9 of CRP/43`,
 * `CRP/43, footnote 2` ... in prose. Works on text in which code, comments and link
 * destinations have already been blanked out (see markdown.ts), so offsets here are
 * offsets in the writer's document.
 *
 * Every word it knows (marks, separators, connectors, sub-paragraph words, number words)
 * is in the tables below, which completion, the style fix and the quick fixes read too.
 *
 *   citation   = symbol ["," | ws ":"] ws ["("] ws [lead ws] body  symbol first: `CRP/43 (para. 9)`
 *              | symbol ws verb ["," ] ws lead ws body             `CRP/43 indique, au paragraphe 16`, `CRP/43 says in paragraph 25`
 *              | body ws connector ws symbol                     mark first: `paragraph 9 of CRP/43`
 *              | body ws [described] "(" symbol ")"             `paragraphs 4 to 7 of the report (CRP/43)`, `footnote 5 (CRP/43)`
 *              | body ws described ws contained ws symbol        `paragraph 9 of the note contained in document CRP/43`
 *              | short [[","] ws body]                           `Ibid.`, `Ibid., para. 7`, `id., ¶ 7`
 *              | body                                             bare: `par. 9`, of the paper named last (see `findBareReferences`)
 *              | item { list-sep item }                           a table cell under a header naming the paper: `11–12` (`findTableColumnReferences`)
 *              | sub-word ws letter-item { list-sep letter-item }  after a citation, of its paragraph: `inciso b)` (`findSubParagraphsAlone`)
 *              | again                                            after a citation, its paragraph: `ce même paragraphe` (`findSameParagraphs`)
 *   again      = SAME_PARAGRAPH_AGAIN (`the same paragraph`, `that paragraph`, `ese mismo párrafo`, `the end of the paragraph` ...)
 *   short      = SHORT_FORMS (`ibid.`, `ibíd.`, `ibidem`, `loc. cit.`; `id.` and `op. cit.` only with a reference)
 *   body       = sub-first | mark ws item { list-sep item }
 *   sub-first  = sub-word ws letter-item { list-sep letter-item } ws sub-of ws mark ws number
 *                `subparagraph (b) of paragraph 5`; a list only after a plural word:
 *                `subparagraphs (a) and (b) of paragraph 5`, `los apartados a) a c) del párrafo 5`
 *   mark       = MARKS (any case: `§`, `¶¶`, `para`, `Paras.`, `par.`, `párrs`, `footnote`, `n.` ...)
 *   item       = ref [ range-sep [mark ws] ( ref | letter ) ]        `§9–§11`, `§6(a)–(c)`
 *              | letter [ range-sep letter ]                  (a letter-only item, see below)
 *   ref        = number [ letter | "," ws sub-word ws letter ] [ ws note-mark ws number ]
 *   letter     = [" " | break] "(" a-z ")" | (" " | break) a-z ")"   (`(a)`; UN French and Spanish `a)`)
 *              | a-z                                  glued to the number, no word character after (`para 6a`)
 *   range-sep  = "-" | "–" | "—" | RANGE_WORDS (`to`, `through`, `à`, `a`, `al`)
 *   list-sep   = ( "," | [","] LIST_WORDS [ LIST_ARTICLES ] ) [ mark ws ]   (`and`, `et`, `y`, `&`, `+`; `§6 and §7`; `y el 14`)
 *   lead       = LEADS (`at`, `in`, `au`, `aux`, `dans son`, `en el`, `en su` ...: `CRP/43 at ¶ 9`, `CRP/43, au paragraphe 9`)
 *   verb       = one word, or two (`y revient`, `also says`); without a comma, not a participle
 *                of citing (`CRP/43 cited in paragraph 5`) and not before `of`, `du` ... (`in
 *                paragraph 5 of the resolution`: another text's paragraph)
 *   connector  = CONNECTORS (`of`, `of document`, `du document`, `de`, `del documento` ...)
 *   described  = DESCRIPTION_CONNECTORS ws word { ws word } ws   (`of the report`, `du rapport`,
 *                `del informe`: at most six words of letters, none of them `and`, `et`, `y` ...)
 *
 * A mark's kind says what its numbers name: paragraphs (`§`, `para.`) or footnotes
 * (`note`, `n.`); a mark written again in a list switches kind (`§9 and note 2`), and a
 * note mark after a paragraph names one of its notes (`§9 n. 2`).
 *
 * A singular mark (`§`, `para.`, `paragraph`) names one reference, with its sub-paragraphs:
 * `paragraph 6, 2013` and `§6, 12 countries` cite 6; a word still joins another number
 * (`para. 9 and 10`). A plural or ambiguous mark (`§§`,
 * `paras.`, French `par.`) reads a list, which a list item that reads as a year (`, 2013`),
 * a date (`, 22/11`, `, 22 November`) or a count of something (`, 12 countries`) ends, as
 * does a comma after the list's `and` (`paras. 18 and 19, 10 exercises`).
 *
 * A letter-only item (`(b)` in `§6(a) and (b)`, `c)` in `par. 24 a) et c)`) names a
 * sub-paragraph of the paragraph of the closest preceding reference, and is only read
 * when that reference carries a letter too: `§6 and (b)` is more likely prose
 * enumerating "(a) ... and (b) ..." than a sub-paragraph list. A UN-style letter `a)` is
 * read only there and right after a paragraph number, never alone. An upper-case letter
 * right after a number (`§5(B)`) is read as (b); the style fix writes it small. A small
 * letter glued to the number (`para 6a`, `§6b`) is its sub-paragraph, as some writers
 * abbreviate it; the style fix writes the brackets.
 *
 * Hard-wrapped prose: one line break (not a blank line) may stand for the space between
 * the symbol and the mark, after the mark, after a list separator (`§§6,` / `7`) and
 * after a range separator (`párrs. 19 a` / `20`), before a word separator
 * (`paragraphs 13` / `and 14`, `párrafos 18` / `a 21`), and before a paragraph's letter
 * when the citation goes on after it (`par. 24` / `b))`, `paragraph 12` / `(a) to (c)`;
 * not `paragraph 12` / `(a) the first point`, an enumeration). Never before a sign separator (a
 * line that ends on a number says nothing of the next one, which may start `- 8` or
 * `, 2013` ... in a list), and never before a letter-only item or an ordered-list marker
 * (`(b) ...` and `2. ...` at the start of a line are enumerations; a paragraph's own
 * letter is the one exception, above).
 *
 * What looks like a reference next to a symbol but is none of the above (`CRP/43, p. 3`,
 * `CRP/43, section II`, `CRP/43 §six`) is returned as an `UnreadReference`, so that the
 * writer is told instead of silently getting nothing.
 */

import { noteCallAt } from './footnotes';

/**
 * What code, comments, tags and link destinations become in prose (prose.ts): not a
 * space, which the grammar would skip, reading `CRP/43 `x` §9` as a citation across a
 * code span.
 */
export const BLANK = '\u0000';

/** How a citation names paragraphs or notes. Stable keys, used by the style fixer. */
export type MarkStyle = 'section' | 'pilcrow' | 'para' | 'par' | 'parr' | 'note';
/** What a mark's numbers name. */
export type MarkKind = 'paragraph' | 'footnote';
export type WriterLanguage = 'en' | 'fr' | 'es';

export interface Mark {
  text: string;
  start: number;
  end: number;
  style: MarkStyle;
  kind: MarkKind;
  /** Written for several references (`§§`, `paras.`). */
  plural: boolean;
  /** May head a list: plural, or serving for one and several (French `par.`). */
  lists: boolean;
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
  /** Always lower case: `(B)` is read as (b). */
  letter: string;
  /** The letter itself, not its parentheses. */
  start: number;
  end: number;
}

/**
 * One paragraph, sub-paragraph or footnote named in a citation. Which paragraph:
 * `paragraphOf`, never `number` alone, which is only the number as written here.
 */
export interface Reference {
  /**
   * The paragraph number written in this reference. Absent when only a letter is
   * written: the second half of a sub-paragraph range (`(c)` in `§6(a)–(c)`), or a
   * letter-only list item (`(b)` in `§6(a) and (b)`, which has `inherits`); and in a
   * footnote reference (`note 2`), which has `note` alone.
   */
  number?: NumberToken;
  /**
   * For a letter-only list item: the number of the closest preceding reference of the
   * citation, whose paragraph it names (the `6` of `§6(a) and (b)` for the `(b)`); for a
   * sub-paragraph or a paragraph named again without its number (`inciso b)`, `ce même
   * paragraphe`), the number of the citation before. Its offsets are where that number
   * is written, not in this reference. Never set together with `number`.
   */
  inherits?: NumberToken;
  sub?: LetterToken;
  /** A footnote: `2` in `note 2`, or in `§9 n. 2` (a note of paragraph 9). */
  note?: NumberToken;
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
  /**
   * The paper's symbol, e.g. `CRP/43`. For a short form, the symbol of the nearest full
   * citation before it in the draft, which the draft index fills in (`''` when none).
   */
  symbol: string;
  /** Where the symbol is written; for a short form, where `Ibid.` is. */
  symbolStart: number;
  symbolEnd: number;
  /**
   * The first mark. Before the symbol in a mark-first citation (`paragraph 9 of CRP/43`).
   * Absent only in a short form written alone (`Ibid.`), which repeats `repeats`' references.
   */
  mark?: Mark;
  items: CitationItem[];
  /** A short form (`Ibid.`, `Ibid., para. 7`): its paper is the one cited last before it. */
  short?: true;
  /**
   * A reference written without a symbol (`par. 9` in a draft about CRP/43), also `short`:
   * its paper is the one the draft named last before it; with none, or another, it is no
   * citation (unlike `Ibid.`, nothing is said). Its symbol's span is empty, at its start.
   */
  bare?: true;
  /** For a reference without a symbol, words after it name the paper (`paragraph 6 of the paper`): another text named in its sentence does not make it that text's. */
  ofThePaper?: true;
  /** For `Ibid.` alone: the citation it repeats, filled in by the draft index. */
  repeats?: Citation;
  /** For a short form: the symbol of a paper crp-cite does not have, named just before it. */
  unknownPaper?: string;
  start: number;
  end: number;
}

/** Something next to a symbol that looks like a reference but is not one the grammar reads. */
export interface UnreadReference {
  /** The paper's symbol; after a short form (`Ibid., p. 30`), `''` until the draft index fills in the paper cited before. */
  symbol: string;
  /** After a short form rather than a symbol. */
  short?: true;
  /** From the symbol (or the short form) to the end of what was not understood. */
  start: number;
  end: number;
  /** What was written that was not understood (`p. 3`, `section II`, `§six`). */
  written: string;
  kind: 'page' | 'division' | 'numberWord' | 'notNumber' | 'symbolVariant' | 'markTypo' | 'subItem' | 'unnamedPaper';
  /** A replacement for `[fixStart, fixEnd)` when the intent is clear (`§six` → `§6`). */
  fix?: { start: number; end: number; newText: string };
}

interface MarkSpelling {
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
const VERB_MARKS: ReadonlySet<string> = new Set(['note', 'notes']);

/**
 * Marks that are also a preposition, French `par` ("by"): a mark only right after a symbol
 * or a short form (`CRP/43, par 20`, `(CRP/43 par 20)`, `ibid., par 7`), where "by" cannot
 * stand; elsewhere prose (`adopté par 20 voix`, `par 9 voix contre 3 du CRP/43`).
 */
const PREPOSITION_MARKS: ReadonlySet<string> = new Set(['par']);

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

/** Words between the two ends of a range (`§§6 to 8`, `par. 18 à 20`, `párrs. 19 a 20`, `del párrafo 18 al 21`). */
export const RANGE_WORDS: readonly string[] = ['through', 'to', 'à', 'a', 'al'];
/** Words between list items (`§§6 and 7`, `§§ 7 et 8`, `§§ 15 y 16`, `paras. 9, 10 & 12`; speaking notes' `§5(a) + fns 2–5`). */
export const LIST_WORDS: readonly string[] = ['and', 'et', 'y', '&', '+'];
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
const CONNECTORS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
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
const CONTAINED_IN: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
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
const CONTAINED_IN_LAST_WORDS: ReadonlySet<string> = new Set(CONTAINED_IN.map((c) => c.text.slice(c.text.lastIndexOf(' ') + 1)));

/**
 * What may stand between a mark-first citation and a description of the paper, whose
 * symbol follows in parentheses, as UN documents write it: `paragraphs 4 to 7 of the
 * report (CRP/43)`, `les paragraphes 4 à 7 du rapport (CRP/43)`, `los párrafos 4 a 7 del
 * informe (CRP/43)`. A possessive and its article: with a bare `of` or `in`, `paragraph 9
 * in the light of the report (CRP/43)` would be read as citing the paper.
 */
const DESCRIPTION_CONNECTORS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
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
const DESCRIPTION_WORDS = 6;
/** Words no description holds: with one, it names two things (`of its resolution and the report (CRP/43)`). */
const NOT_IN_DESCRIPTION = ['and', 'or', 'et', 'ou', 'y', 'o', 'e', 'u'];

/**
 * What may stand between the symbol and the mark: `CRP/43 at ¶ 9` (legal style),
 * `document CRP/43, au paragraphe 9`, `documento CRP/43, en el párrafo 9`, `CRP/43, in
 * paragraph 16`, `dans son paragraphe 16`, `en su párrafo 16`; also after a verb and a
 * comma (`CRP/43 indique, au paragraphe 16, que`, `CRP/43 señala, en su párrafo 16`).
 */
const LEADS: ReadonlyArray<{ text: string; language: WriterLanguage }> = [
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
const SUB_PARAGRAPH_WORDS: ReadonlyArray<{ text: string; language: WriterLanguage; plural?: true }> = [
  { text: 'subparagraphs', language: 'en', plural: true },
  { text: 'subparagraph', language: 'en' },
  { text: 'sub-paragraphs', language: 'en', plural: true },
  { text: 'sub-paragraph', language: 'en' },
  { text: 'subparas.', language: 'en', plural: true },
  { text: 'subpara.', language: 'en' },
  { text: 'sub-paras.', language: 'en', plural: true },
  { text: 'sub-para.', language: 'en' },
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
  // `el párr. 24, letra a)`, `letras a) a c)`: as Spanish legal texts name them.
  { text: 'letras', language: 'es', plural: true },
  { text: 'letra', language: 'es' },
];
const SUB_PARAGRAPH_PLURALS: ReadonlySet<string> = new Set(SUB_PARAGRAPH_WORDS.filter((w) => w.plural).map((w) => w.text));

/** Between a sub-paragraph word's letter and its paragraph: `of`, `du`, `del`, `de`. */
const SUB_PARAGRAPH_OF = ['of', 'du', 'del', 'de'];

/**
 * Words that, after a symbol, announce a reference the grammar does not read as one:
 * pages (which differ between language versions, where paragraph numbers do not) and
 * the paper's divisions, which have no numbers of their own in CRP/43.
 */
const UNREAD_WORDS: ReadonlyArray<{ text: string; kind: 'page' | 'division'; numberless?: true }> = [
  ...['pp.', 'p.', 'pages', 'page', 'págs.', 'pág.', 'páginas', 'página'].map((text) => ({ text, kind: 'page' as const })),
  ...['sections', 'section', 'sect.', 'sec.', 'chapters', 'chapter', 'chap.', 'annexes', 'part', 'chapitre', 'partie', 'sección', 'seccion', 'secc.', 'capítulo', 'capitulo', 'cap.', 'parte'].map((text) => ({ text, kind: 'division' as const })),
  // A paper's one annex needs no number: `CRP/43, annex.`, `CRP/43, anexo)`.
  ...['annexe', 'annex', 'anexo'].map((text) => ({ text, kind: 'division' as const, numberless: true as const })),
];
const UNREAD_BY_TEXT = new Map(UNREAD_WORDS.map((w) => [w.text, w]));

/**
 * A page or a division and its number or numeral at i (`p. 3`, `section II`, `chap. III`),
 * or a division that needs none (`annex`): where it ends, and its kind. A word alone is
 * prose (`CRP/43, page by page`).
 */
function unreadDivisionAt(text: string, i: number, to: number): { end: number; kind: 'page' | 'division' } | undefined {
  const word = matchWord(UNREAD_MATCHER, text, i);
  if (word === undefined) return undefined;
  const entry = UNREAD_BY_TEXT.get(word.toLowerCase())!;
  const at = skipSpaces(text, i + word.length);
  const number = /^(?:\d+|[IVXLC]+)(?![\p{L}\p{N}])/u.exec(text.slice(at, Math.min(to, at + 24)))?.[0];
  if (number) return { end: at + number.length, kind: entry.kind };
  return entry.numberless && !isWordChar(text[at]) ? { end: i + word.length, kind: entry.kind } : undefined;
}

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
  return words;
})();

/**
 * Words after a list item that make it a count of something rather than a paragraph
 * (`§§6, 12 countries`): a plural noun ends in -s or -x in the three languages. These
 * end in -s and are not nouns.
 */
const NOT_COUNTED = new Set('as has was is its his this thus plus les des ses mes nos vos leurs aux sous dans sans après depuis vers très mais las los sus tras más menos pues mientras antes después además'.split(' '));

/**
 * A space a writer may type within a line: a space, a tab, the French no-break and
 * narrow no-break spaces before and after marks, and the thin space some put around
 * dashes (compared, not looked up: asked of most characters near a symbol).
 */
function isSpace(c: string | undefined): boolean {
  // With the zero-width space that text pasted from the Web or a PDF carries (`§\u200b15`).
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2009' || c === '\u200b';
}
const DASHES = new Set(['-', '–', '—', '‑']);

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  // ASCII without the regular expression: this is asked of most characters near a symbol.
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  return WORD_CHAR.test(c);
}

function skipSpaces(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

/** Spaces, then at most one line break followed by indentation or blockquote markers. */
function skipSpacesAndOneBreak(text: string, i: number): number {
  i = skipSpaces(text, i);
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (i < text.length && (isSpace(text[i]) || text[i] === '>')) i++;
  return i;
}

/** `skipSpacesAndOneBreak` backwards: where the spaces (and at most one line break) before `i` start. */
function skipBackSpacesAndOneBreak(text: string, i: number): number {
  while (i > 0 && (isSpace(text[i - 1]) || text[i - 1] === '>')) i--;
  if (text[i - 1] === '\n') i--;
  if (text[i - 1] === '\r') i--;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * Where the last sentence that starts in `[from, offset)` starts (after `.`, `?` or `!`,
 * closing quotes or brackets, and a space or a line break, before a capital or an
 * opening), or `from`: another text named in an earlier sentence does not make a
 * reference without a symbol its (markdown.ts).
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
const SENTENCE_OPENER = /[\p{Lu}¿¡«“"(\[*]/u;
/** A letter that numbers a point in prose, as UN texts do (`a) El párrafo 18 …`, `b) En su párrafo 19`): it starts a sentence. */
const ENUMERATION_LETTER = /^[a-z]\)[ \u00a0]/;

/** Where the sentence before the one starting at `start` ends: before the spaces and line break between them. */
function endOfSentenceBefore(text: string, start: number): number {
  let i = start;
  while (i > 0 && (isSpace(text[i - 1]) || isBreak(text[i - 1]))) i--;
  return i;
}

/** Whether `[from, to)` holds spaces and line breaks only. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text[i]) && !isBreak(text[i])) return false;
  return true;
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
 * as an ordered-list marker (`2. ` or `2) ` then a space) in an ordered list, where it
 * starts the next item rather than continuing the citation. (`21.` ending a sentence is read.)
 */
function numberStartsAt(text: string, i: number, broke: boolean): boolean {
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
const spelled = (w: string) => escapeForPattern(w).replace(/ /g, '(?:[ \\u00a0\\u202f]+(?:\\r?\\n[ \\t>]*)?|\\r?\\n[ \\t>]*)');

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
function lazy(build: () => RegExp): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= build());
}

/** How a list of words is matched at a position: its pattern, built on first use, and the characters its words start with, in either case. */
interface WordMatcher {
  pattern: () => RegExp;
  first: ReadonlySet<string>;
}

const wordMatcher = (words: readonly string[], end?: (word: string) => string): WordMatcher => ({
  pattern: lazy(() => wordsPattern(words, end)),
  first: new Set(words.flatMap((w) => [w[0]!, w[0]!.toUpperCase()])),
});

/** The first of a matcher's words written at `i` (any case, a word ending where it ends), if any. */
function matchWord(words: WordMatcher, text: string, i: number): string | undefined {
  // Asked at every citation and after every number: most places start no such word.
  if (!words.first.has(text[i]!)) return undefined;
  const pattern = words.pattern();
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0];
}

/** What a matched spelling is in the tables: lower case, one plain space between words. */
const asSpelled = (found: string) => found.toLowerCase().replace(/[\s\u00a0\u202f>]+/g, ' ');

/** The marks that are signs (`§§`, `§`, `¶¶`, `¶`), longest first: matched as written. */
const SIGN_MARKS = MARKS.filter((m) => !isWordChar(m.text[0])).sort((a, b) => b.text.length - a.text.length);
const SIGN_MARK_FIRST_CHARACTERS = new Set(SIGN_MARKS.map((m) => m.text[0]!));

/**
 * The marks that are words, in `MARKS`' order, as one sticky case-insensitive pattern. One
 * match instead of a slice and a lower-casing per spelling: marks are looked for at every
 * citation and after every list separator, and the loop was a tenth of `check`.
 */
const MARK_BY_TEXT = new Map(MARKS.map((m) => [m.text, m]));
const WORD_MARK_MATCHER = wordMatcher(
  MARKS.filter((m) => isWordChar(m.text[0])).map((m) => m.text),
  // A footnote word glued to a number is something else's name (`notes2.md`).
  (word) => (MARK_BY_TEXT.get(word)!.kind === 'paragraph' ? MARK_END : WORD_END),
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
function symbolMarkupStart(text: string, symbolStart: number): number {
  let i = symbolStart;
  while (isEmphasisMark(text[i - 1])) i--;
  if (text[i - 1] === '[') i--;
  while (isEmphasisMark(text[i - 1])) i--;
  return i;
}

/**
 * Where a citation's body may start after its symbol (and its link or emphasis, see
 * `symbolMarkupEnd`, and a possessive `’s`): past a comma, a spaced dash or a colon (in French,
 * after a space), spaces and one line break, an opening parenthesis, and a lead word and
 * the spaces after it (`CRP/43, par.`, `CRP/43 : par.`, `CRP/43 (para.`, `CRP/43 at ¶`).
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
  if (text[i] === '(') i = skipSpaces(text, i + 1);
  const lead = matchWord(LEAD_MATCHER, text, i);
  return lead ? skipSpacesAndOneBreak(text, i + lead.length) : i;
}

/** An author's name as notes give it before `op. cit.` or `loc. cit.`: up to four capitalized words (`Betts`, `Martin Ruhs`). */
export const AUTHOR_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’-]+){0,3}`;
/** An author's name and a comma right before `loc. cit.` or `op. cit.`: `Betts, loc. cit.`. */
const CIT_AUTHOR = new RegExp(`(?<![\\p{L}\\p{N}_])${AUTHOR_NAME},?[ \\u00a0]+$`, 'u');

// Not inside a word, nor a compound (`ibidem-like`); in emphasis, `_ibid._` as `*ibid.*`.
const shortFormPattern = lazy(() => new RegExp(`(?<![\\p{L}\\p{N}-]_*)(?:${SHORT_FORMS.map((f) => escapeForPattern(f.text)).join('|')})(?!_*[\\p{L}\\p{N}-])`, 'giu'));
const SHORT_FORM_ALONE = new Set(SHORT_FORMS.filter((f) => f.alone).map((f) => f.text));
/**
 * `Id.` (`Íd.`) standing alone as a sentence or a parenthesis: after a sentence's end, a
 * line's start or `(`, before the end, `)` or a line break. In a parenthesis of its own,
 * in either case (`«…» (íd.)`, `(id.)`, as Spanish and French writers put it after a quotation).
 */
function idAlone(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  if (!/^[IiÍí]d\.$/.test(written)) return false;
  const before = skipBackSpacesAndOneBreak(text, start);
  const after = text[skipSpaces(text, end)];
  if (text[before - 1] === '(' && after === ')') return true;
  // (After a quotation that ends the sentence: `… should be." Id.`.)
  let closed = before;
  while (closed > 0 && '"”’»'.includes(text[closed - 1]!)) closed--;
  const opens = before === 0 || '(.;!?'.includes(text[closed - 1]!) || isBreak(text[start - 1]);
  return /^[IÍ]/.test(written) && opens && (after === undefined || after === ')' || isBreak(after));
}
/** Whether `text` may hold a short form: a draft index asks before it parses a block without a symbol. */
export const MAY_HOLD_SHORT_FORM = /ib[ií]d|\bid(?:\.|em)|íd(?:\.|em)|\. ?cit\./i;
/** Whether `text` may hold a reference without a symbol (`par. 9`): a mark and a number; asked as `MAY_HOLD_SHORT_FORM` is. */
export const mayHoldBareReference = (() => {
  // A mark and a number, or a number and a letter with no mark (`24(a)`, `6 c)`: `marklessBodyAt`).
  const pattern = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[\\s\\u00a0\\u202f\\u200b>]*\\d|\\d(?:\\([a-z]\\)|[ \\u00a0][a-z]\\))`, 'i'));
  return (text: string) => pattern().test(text);
})();

const LEAD_MATCHER = wordMatcher(LEADS.map((w) => w.text));
const SUB_WORD_MATCHER = wordMatcher(SUB_PARAGRAPH_WORDS.map((w) => w.text));
const SUB_OF_MATCHER = wordMatcher(SUB_PARAGRAPH_OF);
const UNREAD_MATCHER = wordMatcher(UNREAD_WORDS.map((w) => w.text));

function parseNumber(text: string, i: number, letterMayFollow = false): NumberToken | undefined {
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
const FIRST = /^er(?![\p{L}\p{N}_])/u;

/**
 * A sub-paragraph letter at i, optionally after one space: `(a)`, and the UN French and
 * Spanish `a)`. Right after a number (`afterNumber`), `(B)` is read as (b) (elsewhere an
 * upper-case letter is an enumeration), a small letter may be glued to it (`6a`), and a
 * line break may stand for the space when the citation goes on after the letter. Returns
 * the letter token and the end of what was read.
 */
function parseLetter(text: string, i: number, afterNumber: boolean): { sub: LetterToken; end: number } | undefined {
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
function gluedLetterAt(text: string, i: number): boolean {
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
function letterStartsAt(text: string, i: number): boolean {
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
  /^\d{1,2}(?:er)?[ \u00a0\u202f]+(?:de[ \u00a0\u202f]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?!\p{L})/u;

/** Two days and their month: `3 et 4 octobre`, `3 and 4 October`, `3-4 October`, `3 y 4 de octubre`. */
const DAYS_AND_MONTH = lazy(() => new RegExp(`^\\d{1,2}(?:er)?[ \\u00a0]*(?:et|and|y|à|to|al|-|–)[ \\u00a0]*${DAY_AND_MONTH.source.slice(1)}`, 'u'));

/** A text named in words and dated, ending there: `notre note du 7 octobre`, `our letter of 5 December 2013`, `la nota del 5 de diciembre de 2013`. */
const DATED_TEXT = lazy(
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
function isYear(number: NumberToken | undefined): boolean {
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
  if ((text[number.end] === '/' || text[number.end] === '.') && isDigit(text[number.end + 1])) return true;
  const word = wordCounted(text, number);
  return word !== undefined && /[sx]$/.test(word);
}

/** The plural-looking word right after a number, as in a count (`12 countries`, `12 pays`), if any. */
function wordCounted(text: string, number: NumberToken): string | undefined {
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
function parseRangeSeparator(text: string, i: number): { at: number; broke: boolean; spaced?: true } | undefined {
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
 * A list separator at i followed by a number (when the mark heads lists), by the mark
 * written again and a number, or by a letter-only item when `letterMayFollow` (the item
 * before ends on a letter): where the next item starts, the mark written there, and
 * whether the separator has a word (`and`, `, et`), which closes a list.
 */
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

function parseListSeparator(text: string, i: number, numbersMayFollow: boolean, letterMayFollow: boolean): { at: number; mark?: Mark; worded: boolean } | undefined {
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
    const article = wordAt(text, j, LIST_ARTICLES);
    if (article) {
      const after = skipGap(text, j + article.length);
      if (isDigit(text[after.at])) ({ at: j, broke } = after);
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
const UNKNOWN_PARAGRAPH: NumberToken = { text: '', value: Number.NaN, start: -1, end: -1 };

/** A letter-only item at i (`(b)`, `(b)–(c)`, `b) à c)`), in the paragraph `inherits`. */
function parseLetterItem(text: string, i: number, inherits: NumberToken): CitationItem | undefined {
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
  const next = parseRangeSeparator(text, from.end);
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

interface Body {
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
function parseSubLetters(text: string, i: number): { starts: number[]; end: number } | undefined {
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
function parseBody(text: string, i: number, afterSymbol = false): Body | undefined {
  const sub = parseSubFirst(text, i);
  if (sub) return sub;
  const first = matchMark(text, i);
  if (!first || (!afterSymbol && PREPOSITION_MARKS.has(first.text.toLowerCase()))) return undefined;
  const gap = skipGap(text, first.end);
  if (!numberStartsAt(text, gap.at, gap.broke)) return undefined;
  const items = parseItems(text, gap.at, first);
  return items && { mark: first, items, start: i, end: items[items.length - 1]!.end };
}

/** The references from `at` on, read as after the mark `first` (`§§` reads a list, `note` footnotes); undefined when none. */
function parseItems(text: string, at: number, first: Mark): CitationItem[] | undefined {
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

/** The longest verb read between a symbol and a lead (`señala`, `indique`, `announces`). */
const VERB_REACH = 16;
/** How many words a verb may be: `y revient`, `also says`, `lo recuerda`. */
const VERB_WORDS = 2;
/**
 * A conjunction is no verb: `CRP/43 and in paragraph 5` names something else. French `y`
 * is also a pronoun before one (`CRP/43 y revient aux paragraphes 4 et 7`).
 */
const NOT_A_VERB: ReadonlySet<string> = new Set(NOT_IN_DESCRIPTION);
const PRONOUN_Y = 'y';
/**
 * A participle of citing makes the symbol the one cited, elsewhere: `CRP/43 cited in
 * paragraph 5`, `CRP/43 mentionné au paragraphe 5`, `CRP/43 citado en el párrafo 5`.
 */
const CITED_IN = /^(?:cited|quoted|mentioned|referred|referenced|listed|cité|mentionné|évoqué|visé|citad|mencionad|referid)[eoa]?s?$/u;

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
/** The first words of what names another text after a reference: `of`, `in`, `du`, `de`, `del` ... */
const OF_ANOTHER_TEXT = wordMatcher([...new Set([...CONNECTORS, ...DESCRIPTION_CONNECTORS].map((c) => c.text.split(' ')[0]!))]);

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
function parseCitationAt(text: string, symbol: string, symbolStart: number): Citation | undefined {
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
const BODY_START = new RegExp(
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
function parseMarkFirst(text: string, symbol: string, symbolStart: number, from: number): Citation | undefined {
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
function unreadAfter(text: string, symbol: string, symbolStart: number, to: number): UnreadReference | undefined {
  const i = bodyStartAfter(text, symbolStart + symbol.length);
  if (matchWord(UNREAD_MATCHER, text, i) !== undefined) {
    const division = unreadDivisionAt(text, i, to);
    return division && { symbol, start: symbolStart, end: division.end, written: text.slice(i, division.end), kind: division.kind };
  }
  const mark = matchMark(text, i);
  if (!mark) return undefined;
  const at = skipSpaces(text, i + mark.text.length);
  const what = /^(?:\d+|[IVXLC]+\b|[\p{L}]+(?:-[\p{L}]+)*)/u.exec(text.slice(at, Math.min(to, at + 24)))?.[0];
  if (!what) return undefined;
  const end = at + what.length;
  const base = { symbol, start: symbolStart, end, written: text.slice(i, end) };
  const value = NUMBER_WORDS.get(what.toLowerCase());
  if (value !== undefined) return { ...base, kind: 'numberWord', fix: { start: at, end, newText: String(value) } };
  if (/^[IVXLC]+$/.test(what)) return { ...base, kind: 'notNumber' };
  return undefined;
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

function findSymbolVariants(text: string, symbol: string, from: number, to: number, unread: UnreadReference[], claimed: Citation[]): void {
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
function markTypoBefore(text: string, digit: number, symbol: string): UnreadReference | undefined {
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

/**
 * `citation` without its items from one written with its own mark before another paper's
 * symbol on: `CRP/43 §6 and para. 12 of A/68/190` cites 6 alone. (`parseListSeparator`
 * stops before another text named in words; a symbol there may be the paper's own, which
 * ends a mark-first list: `paragraph 5 and paragraph 9 of CRP/43`.)
 */
function withoutOtherTextsItems(text: string, citation: Citation, symbols: readonly string[]): Citation {
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
/** A mark ending a list's separator (`, and para. `). */
const MARK_ENDING = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[\\s\\u00a0]*$`, 'iu'));

/**
 * The short forms in `[from, to)`: `Ibid.`, `Ibid., para. 7`, `id., ¶ 7`. Their symbol is
 * left empty: which paper they cite depends on the citations before them, in other
 * blocks too, which the draft index knows.
 */
function findShortForms(text: string, from: number, to: number, found: Citation[], unread?: UnreadReference[]): void {
  const pattern = shortFormPattern();
  pattern.lastIndex = from;
  let subs: CitationItem[] | undefined;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // `Betts, loc. cit.`: the author's work, a source of its own (markdown.ts's `SOURCE_LIKE`).
    if (m[0].endsWith('cit.') && CIT_AUTHOR.test(text.slice(Math.max(0, start - 40), start))) continue;
    // As after a symbol: `Ibid., para. 7`, `Ibid. (para. 7)`, `Id. at ¶ 24`.
    const at = bodyStartAfter(text, end);
    const body = at > end ? parseBody(text, at, true) : undefined;
    // Fields in the order every citation has them (packedCitations.ts unpacks them so).
    if (body && body.end <= to) found.push({ symbol: '', symbolStart: start, symbolEnd: end, mark: body.mark, items: body.items, short: true, start, end: body.end });
    else if ((subs = at > end && !body ? (subParagraphsOfShortForm(text, at, to) ?? lettersAloneAfterShortForm(text, end, to)) : undefined)) {
      // `Ibid., al. b)`, `Id., subpara. (b)`: sub-paragraphs of the paragraph cited before,
      // which the draft index gives them (`DraftIndex.resolveShortForm`).
      found.push({ symbol: '', symbolStart: start, symbolEnd: end, items: subs, short: true, start, end: subs[subs.length - 1]!.end });
    } else if ((SHORT_FORM_ALONE.has(m[0].toLowerCase()) || idAlone(text, start, end)) && end <= to && !quotedAlone(text, skipBackSpacesAndOneBreak(text, start), skipSpaces(text, end)) && !emphasizedBetweenWords(text, start, end)) {
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
function lettersOfParagraphBefore(text: string, start: number, letters: { starts: number[] }, end: number): Citation {
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

/**
 * Every citation of one of `symbols` in `text`, in order. `text` is prose with code and
 * comments blanked out; `from`/`to` restrict the search to a slice without copying it.
 * With `unread`, what looks like a reference next to a symbol or a short form but is not
 * read goes there.
 */
export function findCitations(text: string, symbols: readonly string[], from = 0, to = text.length, unread?: UnreadReference[], lead?: Citation): Citation[] {
  const found: Citation[] = [];
  for (const symbol of symbols) {
    // A mark-first citation is looked for after the last one of this symbol: it cannot
    // reach back into that one (see below), and the bodies of earlier citations within
    // reach were two parses in three of looking for one.
    let after = from;
    let i = text.indexOf(symbol, from);
    while (i >= 0 && i + symbol.length <= to) {
      if (isWholeSymbol(text, i, i + symbol.length)) {
        const symbolFirst = parseCitationAt(text, symbol, i);
        const citation = symbolFirst ? withoutOtherTextsItems(text, symbolFirst, symbols) : parseMarkFirst(text, symbol, i, after);
        if (citation && citation.end <= to) {
          found.push(citation);
          after = citation.end;
        } else if (!citation && unread) {
          const miss = unreadAfter(text, symbol, i, to);
          if (miss) unread.push(miss);
        }
      }
      i = text.indexOf(symbol, i + symbol.length);
    }
  }
  // What follows a misspelt symbol (`crp/43, par. 20`) is its, not a reference without a
  // symbol of the paper named before: said once (`symbolVariant`), read once fixed.
  const claimed: Citation[] = [];
  if (unread) for (const symbol of symbols) findSymbolVariants(text, symbol, from, to, unread, claimed);
  const full = found.length;
  if (MAY_HOLD_SHORT_FORM.test(text.length === to - from ? text : text.slice(from, to))) findShortForms(text, from, to, found, unread);
  if (symbols.length > 1 || found.length > full) found.sort((a, b) => a.start - b.start);
  // A mark-first citation may reach back into the one before (`CRP/43 §6 and paragraph 9
  // of CRP/43`, where the first took `and paragraph 9`): the first keeps what it read. A
  // short form gives way to a full citation (`Ibid., paragraph 9 of CRP/43`).
  for (let k = 1; k < found.length; k++) {
    const [before, at] = [found[k - 1]!, found[k]!];
    if (at.start >= before.end) continue;
    found.splice(before.short && !at.short ? k - 1 : k, 1);
    k--;
  }
  // Misspelt marks are looked for where the block names a paper (`markTypoBefore`).
  const named = unread && symbols.find((symbol) => text.includes(symbol));
  const skipped = claimed.length === 0 ? found : [...found, ...claimed].sort((a, b) => a.start - b.start);
  const withBare = findBareReferences(text, from, to, found, papersOf(symbols), named ? { symbol: named, unread: unread! } : undefined, skipped);
  // (Sub-paragraphs alone follow a citation, or say they are of the paragraph cited before: `inciso c) del mismo párrafo`.)
  let namesSame: boolean | undefined;
  const mayNameSame = () => (namesSame ??= mayNameSameParagraph(text, from, to));
  const withSubs = text.includes(')') && (withBare.length > 0 || lead || mayNameSame()) ? findSubParagraphsAlone(text, from, to, withBare, lead) : withBare;
  const withAgain = withSubs.length > 0 && mayNameSame() ? findSameParagraphs(text, from, to, withSubs, symbols) : withSubs;
  const all = text.includes('|') ? findTableColumnReferences(text, from, to, symbols, withAgain) : withAgain;
  if (unread) for (const c of all) if (c.symbol !== '') findSubItems(text, c, unread);
  return all;
}

/**
 * Whether `[from, to)` may name the paragraph just cited again (`findSameParagraphs`): a
 * cheap test before the search. The nouns are found with native searches (a
 * case-insensitive pattern of the phrases, tried at every place of every block with a
 * citation, took 3 % of `check`), then the word before each.
 */
function mayNameSameParagraph(text: string, from: number, to: number): boolean {
  for (const noun of ['aragraph', 'árrafo']) {
    for (let at = text.indexOf(noun, from); at >= 0 && at < to; at = text.indexOf(noun, at + noun.length)) {
      SAME_WORD_BEFORE.lastIndex = at - 1;
      if (at - 1 > from && SAME_WORD_BEFORE.test(text)) return true;
    }
  }
  return false;
}
/** The word before the noun's first letter (sticky, asked there: no slice per noun found). */
const SAME_WORD_BEFORE = /(?<=(?:same|that|said|même|ledit|dudit|audit|mismo|ese|dicho|(?:end|beginning|start)\s+of\s+the|(?:fin|début)\s+du|(?:final|principio|comienzo)\s+del)\s+)[pP]/iy;

/** An item within a sub-paragraph, right after its letter: `(i)` in `6(a)(i)` or `24 (c) (ii)`, `i)` in `6 a) i)` (small Roman numerals). */
const SUB_ITEM = /[ \u00a0]?(?:\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)\))/y;
/** The same, ending a slice after its letter's parenthesis (a mark-first citation's body before its connector). */
const SUB_ITEM_BEFORE = new RegExp(`(?<=\\))(?:${SUB_ITEM.source})$`);

/**
 * An item within a sub-paragraph (`CRP/43, para. 6(a)(i)`, `par. 6 a) i)`): crp-cite reads
 * papers down to their sub-paragraphs, so the citation is read without it, and said so
 * (a writer would otherwise take `(i)` for checked).
 */
function findSubItems(text: string, citation: Citation, unread: UnreadReference[]): void {
  for (const item of citation.items) {
    for (const ref of [item.from, item.to]) {
      if (!ref?.sub || text[ref.sub.end] !== ')') continue;
      SUB_ITEM.lastIndex = ref.sub.end + 1;
      const m = SUB_ITEM.exec(text);
      if (m && !isWordChar(text[SUB_ITEM.lastIndex])) unread.push({ symbol: citation.symbol, start: citation.start, end: SUB_ITEM.lastIndex, written: m[0].trim(), kind: 'subItem' });
    }
  }
}

/** A table's delimiter row: `| --- | :-: |`. */
const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Whether the cell `[start, end)` holds a paragraph mark and nothing else (`Paragraph`, `Para.`, `§`, `Párrafo`). */
function isMarkAlone(text: string, start: number, end: number): boolean {
  const at = skipSpaces(text, start);
  const mark = matchMark(text, at);
  return mark !== undefined && mark.kind === 'paragraph' && text.slice(mark.end, end).trim() === '';
}

/** How the numbers of a reference column are read: a paragraph list, as after `§§`. */
const COLUMN_MARK: Mark = { text: '', start: 0, end: 0, style: 'section', kind: 'paragraph', plural: true, lists: true };

/** The cells of the table row `[start, end)` of `text`: their spans, between unescaped pipes. */
function cellsOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && (text[i] !== '|' || text[i - 1] === '\\')) continue;
    cells.push({ start: cellStart, end: i });
    cellStart = i + 1;
  }
  // A row written `| a | b |` has an empty cell before the first pipe and after the last.
  if (cells.length > 0 && text.slice(cells[0]!.start, cells[0]!.end).trim().replace(/^>+/, '').trim() === '') cells.shift();
  if (cells.length > 0 && text.slice(cells[cells.length - 1]!.start, cells[cells.length - 1]!.end).trim() === '') cells.pop();
  return cells;
}

/**
 * The references in a table column whose header names a paper (`| Point | Réf. CRP/43 |`,
 * `| Topic | CRP/43 para |`), or is a mark alone in a header that names the paper in
 * another column (`| Route in CRP/43 | Paragraph |`): its cells hold bare numbers (`11–12`, `13, 14`, `24 a), b) et
 * c)`), which are that paper's paragraphs, added to the citations `found`. A cell that
 * already holds a citation is left to it; one that holds more than references (a
 * remark in parentheses aside), or a year, is prose. Of the paper named before them, as a reference
 * without a symbol is (`Citation.bare`).
 */
function findTableColumnReferences(text: string, from: number, to: number, symbols: readonly string[], found: Citation[]): Citation[] {
  let cells: Citation[] | undefined;
  let columns: number[] | undefined;
  // Columns whose header names another text (`| A/RES/68/4 | CRP/43 |`, `| Déclaration |`):
  // a reference without a symbol in their cells is that text's, not the paper's.
  let othersColumns: number[] = [];
  let othersCells: Array<{ start: number; end: number }> | undefined;
  let markedColumns: number[] | undefined;
  let previousLine: { start: number; end: number } | undefined;
  for (let lineStart = from; lineStart < to; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > to ? to : newline;
    const line = { start: lineStart, end: lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd };
    if (!columns && previousLine && TABLE_DELIMITER.test(text.slice(line.start, line.end)) && text.slice(line.start, line.end).includes('-')) {
      const header = cellsOf(text, previousLine.start, previousLine.end);
      const namesPaper = header.map((cell) => symbols.some((symbol) => namesSymbol(text, cell.start, cell.end, symbol)));
      columns = header.flatMap((_, k) => (namesPaper[k] ? [k] : []));
      // Or, in a table whose header names the paper elsewhere, headed by a mark alone (`|
      // Route in CRP/43 | Paragraph |`), unless the paper's column holds the numbers (`|
      // Para. | CRP/43 |`: the draft's own paragraphs, and the paper's).
      // Decided on the first row.
      if (columns.length > 0) markedColumns = header.flatMap((cell, k) => (!namesPaper[k] && isMarkAlone(text, cell.start, cell.end) ? [k] : []));
      othersColumns = header.flatMap((cell, k) => (!namesPaper[k] && OTHER_TEXT_HEADER().test(text.slice(cell.start, cell.end)) ? [k] : []));
      if (columns.length === 0 && othersColumns.length === 0) return found;
    } else if (columns) {
      if (!text.slice(line.start, line.end).includes('|')) break;
      const row = cellsOf(text, line.start, line.end);
      if (markedColumns) {
        if (!columns.some((k) => row[k] && isDigit(text[skipSpaces(text, row[k]!.start)]))) columns.push(...markedColumns);
        markedColumns = undefined;
      }
      for (const k of othersColumns) if (row[k]) (othersCells ??= []).push(row[k]!);
      for (const k of columns) {
        const cell = row[k];
        if (!cell) continue;
        const at = skipSpaces(text, cell.start);
        if (!isDigit(text[at]) || found.some((c) => c.end > cell.start && c.start < cell.end)) continue;
        const items = parseItems(text, at, COLUMN_MARK);
        const end = items?.[items.length - 1]!.end;
        const rest = end === undefined ? '' : text.slice(end, cell.end).trim();
        if (!items || !(rest === '' || rest.startsWith('(')) || isYear(items[0]!.from.number)) continue;
        (cells ??= []).push({ symbol: '', symbolStart: at, symbolEnd: at, items, short: true, bare: true, start: at, end: end! });
      }
    }
    previousLine = line;
    lineStart = lineEnd + 1;
  }
  const others = othersCells;
  const kept = others ? found.filter((c) => !c.bare || !others.some((cell) => c.start >= cell.start && c.end <= cell.end)) : found;
  return cells ? [...kept, ...cells].sort((a, b) => a.start - b.start) : kept;
}

/**
 * A table header that names another text than the paper: a document symbol (`A/RES/68/4`,
 * `MC/2355`), a resolution by its number, or a noun for a text (`Déclaration`, `Report`;
 * not `Note`, `Text`, `Document`, which head columns of remarks and of the paper's words).
 */
const OTHER_TEXT_HEADER = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}_])${A_SYMBOL}|${anyWordOf(TEXT_NOUN_LIST.filter((n) => !/^(?:note|nota|document|documento|text|texte|texto|draft|projet|proyecto|statement|letter|lettre|carta)$/.test(n))).source}`,
      'iu',
    ),
);

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
const OWN_PARAGRAPH_MATCHER = wordMatcher(OWN_PARAGRAPH_WORDS);

/**
 * Words right before a mark that make the paragraph or note another's: a possessive (`su
 * párrafo 10`: of what the sentence named in words; the paper's when it named the paper,
 * `possessiveOfThePaper`), `supra`, `infra` (`supra note 3`:
 * the draft's own note, in legal style), a resolution's kinds of paragraph (`operative
 * paragraphs 1 to 6`).
 */
const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'son', 'sa', 'ses', 'leur', 'leurs', 'su', 'sus']);
/** The reader's draft: `your para. 6`, `votre par. 3`, `tu párrafo 2`. */
const SECOND_PERSON_POSSESSIVES = ['your', 'votre', 'vos', 'tu', 'tus', 'vuestro', 'vuestros'];
/** The writer's or the reader's own draft: `your para. 6`, `notre par. 3`, `nuestro párrafo 2`. */
const OWN_DRAFT_POSSESSIVES = [...SECOND_PERSON_POSSESSIVES, 'our', 'my', 'notre', 'nos', 'mon', 'ma', 'mes', 'nuestro', 'nuestros', 'mi', 'mis'];
const NOT_THE_PAPERS: ReadonlySet<string> = new Set([...POSSESSIVES, ...OWN_DRAFT_POSSESSIVES, 'supra', 'infra', 'operative', 'preambular']);

/** Before a paragraph's label: only a line's indentation, a list item's or block quote's marker (and a task's box), a heading's, emphasis. */
const OWN_LABEL_BEFORE = /^[ \t>]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?(?:\*\*|\*|__|_)?$/;
/** After one: emphasis closed, then a colon; or a full stop in bold (`**Para. 3.**`). */
const OWN_LABEL_AFTER = /^(?:(?:\*\*|\*|__|_)?[ \t\u00a0\u202f]*:|\.(?:\*\*|__))/;

/** A line that starts with a paragraph's label (`- [ ] **Párr. 3:**`, `Para. 3:`): where the label's mark starts. */
const LABEL_LINE = /^([ \t>]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?(?:\*\*|\*|__|_)?)\S/gm;
/** The last block asked of `ownLabels`, and its answer. */
let ownLabelsOf: { text: string; papers: Papers; own: boolean } | undefined;

/**
 * Whether the paragraph or note labels of a block (`text`) are the draft's own: most of
 * their items cite one of the papers (review comments on a draft's paragraphs or notes,
 * each citing the paper); otherwise they are the paper's own, gone through one by one.
 */
function ownLabels(text: string, papers: Papers): boolean {
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
    const letter = parseLetter(text, end, true);
    if (letter) end = letter.end;
    if (!OWN_LABEL_AFTER.test(text.slice(end, end + 8))) continue;
    labels++;
    // Its item cites the paper: names it, or repeats the citation before (`- Nota 7: «Ibíd., párr. 7.»`);
    // or speaks to the writer of the draft (`**Para. 2.** You describe …`).
    const item = itemEnd(text, end);
    if (namesPaperIn(text, end, item, papers) || MAY_HOLD_SHORT_FORM.test(text.slice(end, item)) || SPEAKS_TO_WRITER().test(text.slice(end, item))) naming++;
  }
  ownLabelsOf = { text, papers, own: naming * 2 > labels };
  return ownLabelsOf.own;
}

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

/** Quotation marks and their closing ones, around a reference quoted alone. */
const QUOTES_AROUND: Readonly<Record<string, string>> = { '«': '»', '“': '”', '"': '"', '‘': '’', "'": "'", '„': '“' };
/** Whether a quotation mark ends right at `before` and its closing one stands at `after`: what is between is quoted alone, a string, not a citation. */
function quotedAlone(text: string, before: number, after: number): boolean {
  const opening = text[before - 1];
  return opening !== undefined && QUOTES_AROUND[opening] !== undefined && QUOTES_AROUND[opening] === text[after];
}

/**
 * Whether `[start, end)` stands in emphasis of its own between two words of a sentence, as
 * a word talked about is set (`use _ibid._ rather than the full reference`), not as a
 * short form cites (`(*ibid.*)`, `*Ibid.*, para. 9`, a note's `*Ibid.*`).
 */
function emphasizedBetweenWords(text: string, start: number, end: number): boolean {
  let open = start;
  while (isEmphasisMark(text[open - 1])) open--;
  let close = end;
  while (isEmphasisMark(text[close])) close++;
  if (open === start || text.slice(open, start) !== text.slice(end, close)) return false;
  const after = skipSpacesAndOneBreak(text, close);
  return isSpace(text[open - 1]) && isWordChar(text[open - 2]) && after > close && isWordChar(text[after]);
}

/** Divisions of a text, whose paragraphs a reference right after one and its number names (`Annex 2, paragraph 3`): the words `unreadDivisionAt` reads, and appendices. */
const DIVISION_WORDS: ReadonlySet<string> = new Set([
  ...UNREAD_WORDS.filter((w) => w.kind === 'division').map((w) => w.text),
  ...['appendix', 'appendice', 'apéndice'],
  // A policy's or a strategy's parts: `Axe 2, par. 5`, `Eje 3, párr. 2`, `Pillar 1, para. 4`.
  ...['axe', 'axis', 'eje', 'pilier', 'pillar', 'pilar'],
  // A constitution's or a convention's (the paper has none): `l'article 1, paragraphe 1, de la Constitution`.
  ...['article', 'articles', 'art', 'art.', 'artículo', 'artículos'],
]);

/**
 * After a reference without a symbol, what names the paper cited last rather than another
 * text: `paragraph 6 of the paper`, `la note 5 du même document`, `la nota 5 del mismo documento`.
 */
const SAME_PAPER = [
  ...['of the paper', 'of the document', 'of the same document', 'of that paper', 'of this paper', 'of its paper', 'of the conference room paper', 'of the same paper'],
  // Not another text, Latin: `§23 in fine`.
  'in fine',
  ...['du document', 'du même document', 'de ce document', 'dudit document'],
  ...['del documento', 'del mismo documento', 'de ese documento', 'de dicho documento'],
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
function samePaperAt(text: string, at: number): boolean {
  const words = matchWord(SAME_PAPER_MATCHER, text, at);
  if (words === undefined) return false;
  const next = skipSpacesAndOneBreak(text, at + words.length);
  return !SYMBOL_NAME_AT_START.test(text.slice(next, next + 40));
}

/** Words after which `para` is the English abbreviation, not the Spanish preposition: `see para 8 notes`. */
const ENGLISH_BEFORE_PARA = new Set(['in', 'see', 'as', 'of', 'under', 'per', 'and', 'with', 'by', 'at', 'from', 'to', 'cf.', 'also', 'the', 'its', 'whose']);

/** What starts a clause after `of`, `de`, `du` rather than the name of a text: `para 23 of what the Dialogue meant`. */
const CLAUSE_AFTER_OF = wordMatcher(['what', 'how', 'why', 'whether', 'ce que', 'ce qui', 'comment', 'lo que', 'cómo', 'qué']);

/** The prepositions among `OF_ANOTHER_TEXT` that say where, not whose: a text follows only sometimes. */
const IN_WORDS: ReadonlySet<string> = new Set(['in', 'en', 'dans']);
/** An article or a possessive before a text's name: `in the report`, `dans son rapport`, `en su informe`. */
const DETERMINER_WORDS = ['the', 'its', 'this', 'that', 'le', 'la', 'les', "l'", 'l’', 'son', 'sa', 'ses', 'ce', 'cette', 'el', 'los', 'las', 'su', 'sus', 'este', 'esta'];
const DETERMINER = wordMatcher(DETERMINER_WORDS);
/** Nouns that name a text, in the three languages. */
const TEXT_NOUN_LIST: readonly string[] = [
  ...'resolution report declaration document note decision draft statement letter convention compact agenda outcome text guidelines framework plan strategy programme'.split(' '),
  ...'résolution rapport déclaration document note décision projet texte convention pacte lettre programme plan stratégie cadre'.split(' '),
  ...'resolución informe declaración documento nota decisión proyecto texto convención pacto carta programa plan estrategia marco'.split(' '),
];
const TEXT_NOUNS = wordMatcher(TEXT_NOUN_LIST);

/** Whether a text is named at i: a capitalized name (`the Declaration`), a symbol, or a noun that names a text, after an article or a possessive. */
function namesTextAt(text: string, i: number): boolean {
  const determiner = matchWord(DETERMINER, text, i);
  const at = determiner === undefined ? i : determiner.endsWith('’') || determiner.endsWith("'") ? i + determiner.length : skipSpaces(text, i + determiner.length);
  return /^\p{Lu}/u.test(text[at] ?? '') || matchWord(TEXT_NOUNS, text, at) !== undefined;
}

/** Words that tell an English sentence from a Spanish one: `will raise para 14 themselves` is English, `fondos para 12 países de la región` is not. */
const ENGLISH_WORDS = /(?<!\p{L})(?:the|of|and|we|will|is|are|this|that|with|should|would|our|it|they|be)(?!\p{L})/giu;
const SPANISH_WORDS = /(?<!\p{L})(?:el|la|los|las|de|del|que|y|se|una|por|con|su|sus|es|son|lo)(?!\p{L})/giu;

/** Whether the sentence around `at` has more English function words than Spanish ones. */
function readsEnglish(text: string, at: number): boolean {
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
const BEFORE_BARE_NOTE = new Set([
  ...['see', 'particular', 'voir', 'cf.', 'la', 'les', 'des', 'aux', 'de', 'du', 'in', 'of', 'to', 'dans', 'en', 'and', 'et', 'y'],
  ...['from', 'under', 'with', 'at', 'mean', 'means', 'meant', 'cite', 'cites', 'cited', 'quote', 'quotes', 'quoted', 'check'],
]);
/** A document symbol as the text around a reference shows one (`CRP/43`, `A/68/190`), with its markup (`*CRP/43*`, `[CRP/43](…)`). */
const A_SYMBOL_NAME = '[A-Z]{1,6}(?:\\/[A-Za-z0-9.-]+)+';
const A_SYMBOL = `${A_SYMBOL_NAME}[*\\]\\u0000)]*`;
const SYMBOL_NAME_AT_START = new RegExp(`^${A_SYMBOL_NAME}`);

/** `of`, `du`, `del` … and a document symbol (`of CRP/43`, `du document A/68/190`, `of [CRP/43](…)`). */
const SYMBOL_AFTER_OF = new RegExp(`^\\p{L}+[ \\u00a0]+(?:(?:the|le|la|el|document|documento)[ \\u00a0]+)*[*_\\[]*(${A_SYMBOL_NAME}(?<![.-]))`, 'iu');

/** A symbol, its markup and a verb of being, ending right before a participle: `CRP/43 is `, `[CRP/43](…) est `. */
const SYMBOL_BEFORE = new RegExp(`${A_SYMBOL}[ \\u00a0]+(?:(?:is|was|has been|est|a été|es|fue|ha sido)[ \\u00a0]+)?$`);

/** A document symbol right before a work's imprint: `documento CRP/43 (Ginebra, 2013)`. */
const SYMBOL_BEFORE_IMPRINT = new RegExp(`${A_SYMBOL}[ \\u00a0]*$`);
/** A reference right before an aside in parentheses: `para. 13 (2011)`, `§ 6 b) (2013)`. */
const REFERENCE_BEFORE_ASIDE = lazy(() => new RegExp(`(?:${MARK_ALTERNATIVES})[ \\u00a0]*\\d{1,3}(?:[ \\u00a0]?\\(?[a-z]\\))?[ \\u00a0]*$`, 'iu'));

/** Or a sign that opens a reference: `(note 3)`, `; note 4`, a table's cell. */
const NOTE_OPENERS = '([;,:|';

/** The word (letters, digits, a full stop) ending at `end`, if one does. */
function wordEndingAt(text: string, end: number): string | undefined {
  let w = end;
  while (w > 0 && (isWordChar(text[w - 1]) || text[w - 1] === '.')) w--;
  return w < end ? text.slice(w, end) : undefined;
}

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
function findBareReferences(
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

/** Every sub-paragraph word, where a word starts. */
/**
 * Where a sub-paragraph word may start: the first four characters of each, the first in
 * either case. Case-sensitive and without look-behind, V8 searches it far faster than the
 * words themselves case-insensitively (which took 5 % of `check`'s time on the
 * benchmark's drafts); `matchWord` then reads the word.
 */
/** Whether `text` may name a sub-paragraph alone (`el inciso b)`, `subparagraph (c)`): a sub-paragraph word and a letter. */
export function mayNameSubParagraphAlone(text: string): boolean {
  return text.includes(')') && SUB_WORD_AND_LETTER().test(text);
}
const SUB_WORD_AND_LETTER = lazy(() => new RegExp(`(?<![\\p{L}])(?:${SUB_PARAGRAPH_WORDS.map((w) => escapeForPattern(w.text)).join('|')})[ \\u00a0]*\\(?[a-z]\\)`, 'iu'));
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
function findSubParagraphsAlone(text: string, from: number, to: number, found: Citation[], lead?: Citation): Citation[] {
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
  for (let k = 0; k < after.length; k++) {
    // After each citation, up to the next one, within a sentence's reach.
    let previous = after[k]!;
    const next = Math.min(after[k + 1]?.start ?? to, to);
    for (let at = Math.max(from, previous.end); ; ) {
      const i = wordFrom(at);
      if (i >= Math.min(next, previous.end + SUB_REACH)) break;
      at = i + 1;
      if (isWordChar(text[i - 1]) || text[i - 1] === '-' || matchWord(SUB_WORD_MATCHER, text, i) === undefined) continue;
      const letters = parseSubLetters(text, i);
      if (!letters) continue;
      // (`Ibid.` alone has no items of its own: what it repeats is known later.)
      const last = previous.items[previous.items.length - 1];
      const number = last && paragraphOf(last.to ?? last.from, last);
      // `Ibid., al. b)`: letters whose paragraph the draft index finds, as it does for these.
      const ofShortForm = !number && last !== undefined && previous.short === true && !previous.bare;
      // (From the lead: what the list says before the word.)
      const between = previous === lead ? from : previous.end;
      if ((!number && !ofShortForm) || !namesAgainAt(text, between, i, to)) continue;
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
      at = end;
    }
  }
  if (!subs) return found;
  return [...found, ...subs].sort((a, b) => a.start - b.start);
}

/**
 * Whether what is named at `i` without its paragraph (a sub-paragraph, `ce même
 * paragraphe`) may be of the paragraph a citation ending at `between` names: no paragraph
 * or note named, no code, between them; in that citation's sentence, or in the next when
 * no sub-paragraph of it is another text's (`CRP/43 §2 says so. Subparagraph (b) differs,
 * and subparagraph (c) of the resolution too.`).
 */
function namesAgainAt(text: string, between: number, i: number, to: number): boolean {
  if (MARKED_NUMBER_OR_CODE().test(text.slice(between, i))) return false;
  const sentence = sentenceStartIn(text, between, i);
  return sentence === between || (sentenceStartIn(text, between, endOfSentenceBefore(text, sentence)) === between && !namesAnotherTextsSubParagraph(text, sentence, to));
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
function findSameParagraphs(text: string, from: number, to: number, found: Citation[], symbols: readonly string[]): Citation[] {
  let again: Citation[] | undefined;
  const phrases = SAME_PARAGRAPH_AGAIN();
  phrases.lastIndex = from;
  let k = -1;
  for (let m = phrases.exec(text); m && m.index < to; m = phrases.exec(text)) {
    const i = m.index;
    const end = i + m[0].length;
    while (k + 1 < found.length && found[k + 1]!.start < i) k++;
    const previous = found[k];
    // (Inside a citation: `subparagraph (b) of that paragraph`.)
    if (!previous || previous.end > i || i - previous.end > SUB_REACH) continue;
    const last = previous.items[previous.items.length - 1];
    const number = last && paragraphOf(last.to ?? last.from, last);
    if (!number || !namesAgainAt(text, previous.end, i, to)) continue;
    // Not of a reference without a symbol after another text's symbol in its sentence, which
    // may be that text's (`(S/13/12, ¶ 47); that paragraph`, `The report (A/68/190) is key
    // (para. 40). That paragraph says`): a miss rather than the paper's paragraph 40.
    if (previous.bare && namesOtherSymbol(text.slice(sentenceStartIn(text, Math.max(from, previous.start - SUB_REACH), previous.start), previous.start), symbols)) continue;
    const after = skipSpacesAndOneBreak(text, end);
    // Nor the words themselves named (`that paragraph number`), nor before a number, which
    // is the reference (`Al final del párrafo 24`).
    if (isDigit(text[after]) || namesAnotherText(text, after) || PARAGRAPH_NUMBER_WORD.test(text.slice(after, after + 8)) || SUB_WORD_SOON().test(text.slice(end, Math.min(to, end + 24)))) continue;
    // (A copy: each citation's tokens are its own, moved with it.)
    const ref: Reference = { inherits: { ...number }, start: i, end };
    (again ??= []).push({ symbol: '', symbolStart: i, symbolEnd: i, items: [{ from: ref, start: i, end }], short: true, bare: true, start: i, end });
  }
  return again ? [...found, ...again].sort((a, b) => a.start - b.start) : found;
}
/** Whether `clause` names a document symbol other than `symbols`' (`A/68/190`, `S/13/12`). */
function namesOtherSymbol(clause: string, symbols: readonly string[]): boolean {
  if (!clause.includes('/')) return false;
  ANY_SYMBOL.lastIndex = 0;
  for (let m = ANY_SYMBOL.exec(clause); m; m = ANY_SYMBOL.exec(clause)) if (!symbols.includes(m[0])) return true;
  return false;
}
const ANY_SYMBOL = new RegExp(`(?<![\\p{L}\\p{N}_/])${A_SYMBOL_NAME}(?<![.-])`, 'gu');
/** `number`, `numéro`, `número` after a paragraph named again: the words named, not the paragraph. */
const PARAGRAPH_NUMBER_WORD = /^(?:numbers?|numéros?|números?)(?![\p{L}])/iu;
/** The phrases of `findSameParagraphs`. */
const SAME_PARAGRAPH_AGAIN = lazy(() =>
  anyWordOf(
    [
      'the same paragraph', 'that same paragraph', 'that paragraph', 'the said paragraph',
      'ce même paragraphe', 'le même paragraphe', 'du même paragraphe', 'au même paragraphe', 'ledit paragraphe', 'dudit paragraphe', 'audit paragraphe',
      'ese mismo párrafo', 'este mismo párrafo', 'el mismo párrafo', 'del mismo párrafo', 'al mismo párrafo', 'ese párrafo', 'dicho párrafo',
      // A place in it: `(CRP/43, § 25). It asked about the input announced at the end of the paragraph`.
      'the end of the paragraph', 'the beginning of the paragraph', 'the start of the paragraph',
      'la fin du paragraphe', 'le début du paragraphe',
      'el final del párrafo', 'al final del párrafo', 'el principio del párrafo', 'al principio del párrafo', 'el comienzo del párrafo',
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
function namesAnotherTextsSubParagraph(text: string, start: number, to: number): boolean {
  const end = Math.min(to, start + SUB_REACH);
  for (let at = start; ; ) {
    SUB_WORD_STARTS.lastIndex = at;
    const i = SUB_WORD_STARTS.exec(text)?.index;
    if (i === undefined || i >= end || sentenceStartIn(text, start, i) !== start) return false;
    at = i + 1;
    const letters = !isWordChar(text[i - 1]) && matchWord(SUB_WORD_MATCHER, text, i) !== undefined ? parseSubLetters(text, i) : undefined;
    if (!letters) continue;
    const after = skipSpacesAndOneBreak(text, letters.end);
    // (`Los incisos b) y c) del mismo párrafo`: the one cited before, no other text's.)
    if (matchWord(SAME_PARAGRAPH, text, after) !== undefined) continue;
    if (matchWord(SUB_OF_MATCHER, text, after) !== undefined || namesAnotherText(text, after)) return true;
  }
}

/** How far after a citation a sub-paragraph named without its paragraph may be (one sentence's reach). */
const SUB_REACH = 400;

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
  // Its paragraph: of what was just named in words (`la Declaración, en su párrafo 10`,
  // `MC/2355 ; son paragraphe 4`); `CRP/43, en su párrafo 16` is read from its symbol.
  if (wordBefore && NOT_THE_PAPERS.has(wordBefore.toLowerCase()) && !(POSSESSIVES.has(wordBefore.toLowerCase()) && possessiveOfThePaper(text, before - wordBefore.length, papers))) return false;
  // `Voir supra, note 1`: the draft's own, as `supra note 1` is.
  if (text[before - 1] === ',' && /^(?:supra|infra)$/i.test(wordEndingAt(text, skipBackSpacesAndOneBreak(text, before - 1)) ?? '')) return false;
  // A reference quoted alone is a string of another text (`le renvoi « par. 9 » du projet`).
  if (quotedAlone(text, before, skipSpaces(text, body.end))) return false;
  // A pinpoint of a dated text named in words: `(cf. notre note du 7 octobre, par. 4)`,
  // `our letter of 5 December 2013, para. 2`.
  if (text[before - 1] === ',' && DATED_TEXT().test(text.slice(Math.max(0, before - 80), before - 1))) return false;
  // Or just named by a noun after an article or a possessive: `voir son rapport, par. 3`,
  // `see the resolution, para. 4` (not `le document, par. 3`, which writers say of the paper).
  if (text[before - 1] === ',' && TEXT_BEFORE_COMMA().test(text.slice(Math.max(0, before - 40), before - 1))) return false;
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

/** `of`, `de` and an indefinite article at `after`: something unnamed, no text (`de una guía`, `of a review`). */
function ofSomeThing(text: string, after: number): boolean {
  const of = matchWord(OF_ANOTHER_TEXT, text, after);
  return of !== undefined && matchWord(INDEFINITE_ARTICLES, text, skipSpaces(text, after + of.length)) !== undefined;
}
const INDEFINITE_ARTICLES = wordMatcher(['a', 'an', 'un', 'une', 'una', 'unos', 'unas']);

/**
 * The papers' symbols, and their series, as writers name a paper once its symbol is
 * known: `CRP` of `CRP/43` (`les §§ 11-12 du CRP`, `paras 11-12 of the CRP`, `del CRP`).
 * Only a series of capitals (a symbol like `A/68/190` has none worth the name).
 */
interface Papers {
  symbols: readonly string[];
  series: ReadonlySet<string>;
  /** `PAPER_AS_SUBJECT`'s pattern for these papers, built on first use. */
  asSubject?: RegExp;
}
const papersCache = new WeakMap<readonly string[], Papers>();
function papersOf(symbols: readonly string[]): Papers {
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
function possessiveOfThePaper(text: string, at: number, papers: Papers): boolean {
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
  return paperNamedIn(text, before, sentence, papers) || PAPER_AS_SUBJECT(papers).test(text.slice(before, before + 60)) || (referenceBefore(text, before, end) && !namesOtherSymbol(text.slice(before, end), papers.symbols));
}

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
function subjectAfter(text: string, at: number, papers: Papers): boolean | undefined {
  const rest = text.slice(at, at + 80);
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
  for (const words of [SAME_PAPER_IN_SENTENCE(), THE_PAPER_IN_SENTENCE()]) {
    words.lastIndex = 0;
    for (let m = words.exec(slice); m; m = words.exec(slice)) named = Math.max(named, from + m.index + m[0].length);
  }
  return named >= 0 && !namesCapitalized(text.slice(named, to));
}
/**
 * The paper as the subject of a sentence, before a possessive of it: `The paper is
 * structured in three parts, as set out in its paragraph 2`, `Le document rappelle en son
 * paragraphe 1`. Not English `the document`, said of any text; French and Spanish writers
 * call the paper they write about `le document`, `el documento`, as UN style names it
 * (`le document CRP/43`).
 */
const THE_PAPER = ['the paper', 'this paper', 'the conference room paper', 'le document', 'ce document', 'ledit document', 'el documento', 'este documento', 'ese documento', 'dicho documento'];
const THE_PAPER_IN_SENTENCE = lazy(() => anyWordOf(THE_PAPER, 'g'));
const THE_PAPER_MATCHER = wordMatcher(THE_PAPER);
/** `on page 2`, `à la page 2`, `en la página 2`, `p. 2` after a reference: a paged text's. */
const ON_PAGE = /^(?:(?:on|at)[ \u00a0\r\n>]+page|(?:à|de)[ \u00a0\r\n>]+la[ \u00a0\r\n>]+page|(?:en|de)[ \u00a0\r\n>]+la[ \u00a0\r\n>]+página|p\.)[ \u00a0\r\n>]*\d/i;
/** A text named by a noun after an article or a possessive, and an adjective after it, ending where a comma follows (`son rapport`, `the resolution`, `el informe principal`; not `document`). */
const TEXT_BEFORE_COMMA = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}])(?:${DETERMINER_WORDS.map(escapeForPattern).join('|')})\\s*(?:${TEXT_NOUN_LIST.filter((n) => !/^document/.test(n)).map(escapeForPattern).join('|')})(?:\\s+\\p{Ll}+)?$`,
      'iu',
    ),
);
/** A noun that names a text, anywhere in a clause (`Le rapport rappelle en son paragraphe 4`). */
const TEXT_NOUN_IN_CLAUSE = lazy(() => anyWordOf(TEXT_NOUN_LIST));
/** `SAME_PAPER`'s words anywhere (`possessiveOfThePaper`). */
const SAME_PAPER_IN_SENTENCE = lazy(() => anyWordOf(SAME_PAPER, 'g'));
/** Any of `words` (any case unless `caseSensitive`), wherever it stands as whole words (not inside a longer word), a line break allowed between them. */
function anyWordOf(words: readonly string[], flags = '', caseSensitive = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(spelled).join('|')})(?![\\p{L}\\p{N}_])`, `${caseSensitive ? '' : 'i'}u${flags}`);
}
/** Whether `clause` names nothing that could be a text: no capitalized word but `NO_TEXT_NAMES`, no symbol, no noun of a text. */
function namesNoText(clause: string): boolean {
  return !namesCapitalized(clause) && !TEXT_NOUN_IN_CLAUSE().test(clause);
}
/** Whether `clause` has a capitalized word but `NO_TEXT_NAMES`, or a symbol's slash: a name that could be a text's. */
function namesCapitalized(clause: string): boolean {
  return /[\p{Lu}\/]/u.test(clause) && /[\p{Lu}\/]/u.test(clause.replace(NO_TEXT_NAME_IN_CLAUSE(), ''));
}
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
function namesSeries(text: string, after: number, papers: Papers): boolean {
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

/** Whether what stands at `after` a reference names another text than the paper: `of the resolution`, `en el informe`. */
function namesAnotherText(text: string, after: number): boolean {
  const of = matchWord(OF_ANOTHER_TEXT, text, after);
  if (of === undefined || samePaperAt(text, after)) return false;
  const named = skipSpaces(text, after + of.length);
  // `of what the Dialogue meant`, `de ce que`, `de lo que`: a clause, no text named.
  if (matchWord(CLAUSE_AFTER_OF, text, named) !== undefined) return false;
  // `in`, `en`, `dans` name a text only before one: `in the Declaration`, `en el informe`,
  // not `en consultas informales`, `in the next session`.
  return !IN_WORDS.has(of.toLowerCase()) || namesTextAt(text, named);
}

/**
 * The paragraph a reference names, the one way to ask: its own number; for a letter-only
 * list item (`(b)` in `§6(a) and (b)`), the number it inherits; for the second half of a
 * sub-paragraph range (`(c)` in `§6(a)–(c)`, `(d)` in `§6(a), (b)–(d)`), the range's.
 * None for a footnote named alone (`note 2`).
 */
export function paragraphOf(ref: Reference, item: CitationItem): NumberToken | undefined {
  if (ref.note && !ref.number) return undefined;
  return ref.number ?? ref.inherits ?? item.from.number ?? item.from.inherits;
}

/** What a position in a citation points at. */
export type Target =
  | { kind: 'paragraph'; item: CitationItem; ref: Reference; number: NumberToken; start: number; end: number }
  | { kind: 'subParagraph'; item: CitationItem; ref: Reference; number: NumberToken; sub: LetterToken; start: number; end: number }
  | { kind: 'footnote'; item: CitationItem; ref: Reference; note: NumberToken; start: number; end: number }
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
      if (ref.note && offset >= ref.note.start && offset <= ref.note.end) {
        return { kind: 'footnote', item, ref, note: ref.note, start: ref.note.start, end: ref.note.end };
      }
      const number = paragraphOf(ref, item);
      if (!number) continue;
      // Inside the number, the number's (`6|a` is the glued letter's, `|6a` the number's).
      if (ref.number && offset >= ref.number.start && offset < ref.number.end) {
        return { kind: 'paragraph', item, ref, number: ref.number, start: ref.number.start, end: ref.number.end };
      }
      if (ref.sub && offset >= ref.sub.start - 1 && offset <= ref.sub.end + 1) {
        return { kind: 'subParagraph', item, ref, number, sub: ref.sub, start: ref.sub.start, end: ref.sub.end };
      }
      if (ref.number && offset >= ref.number.start && offset <= ref.number.end) {
        return { kind: 'paragraph', item, ref, number: ref.number, start: ref.number.start, end: ref.number.end };
      }
      // The words of a sub-paragraph named in words (`subparagraph (b) of paragraph 5`) are its.
      if (ref.sub && offset >= ref.start && offset <= ref.end && !(ref.note && offset >= ref.note.start)) {
        return { kind: 'subParagraph', item, ref, number, sub: ref.sub, start: ref.sub.start, end: ref.sub.end };
      }
      // A paragraph named again in words (`ce même paragraphe`): the words are the paragraph's.
      if (!ref.number && !ref.sub && !ref.note && offset >= ref.start && offset <= ref.end) {
        return { kind: 'paragraph', item, ref, number, start: ref.start, end: ref.end };
      }
    }
  }
  const mark = citation.mark;
  if ((offset >= citation.symbolStart && offset <= citation.symbolEnd) || (mark && offset >= mark.start && offset <= mark.end)) {
    return { kind: 'citation', start: citation.start, end: citation.end };
  }
  return undefined;
}
