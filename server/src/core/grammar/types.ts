/**
 * The citation model the grammar returns: marks, numbers, letters, references, items,
 * citations, and what was seen but not read (`UnreadReference`). Offsets are the writer's.
 */

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
  /** For a short form: the symbol of a paper crp-cite does not have, named just before it, or the reference before it that cites none (see `afterReferenceCitingNothing`). */
  unknownPaper?: string;
  /** For a short form: `unknownPaper` is a reference as written (`its para 12 and, ibid., paras 9 and 10`), another text's or the draft's own. */
  afterReferenceCitingNothing?: true;
  start: number;
  end: number;
}

/** Something next to a symbol that looks like a reference but is not one the grammar reads. */
export interface UnreadReference {
  /** The paper's symbol; after a short form (`Ibid., p. 30`), `''` until the draft index fills in the paper cited before. */
  symbol: string;
  /** After a short form rather than a symbol. */
  short?: true;
  /** After a reference without a symbol (`los párrafos 19 y siguientes`): its paper is found as that reference's is. */
  bare?: true;
  /** From the symbol (or the short form) to the end of what was not understood. */
  start: number;
  end: number;
  /** What was written that was not understood (`p. 3`, `section II`, `§six`). */
  written: string;
  kind: 'page' | 'division' | 'numberWord' | 'notNumber' | 'symbolVariant' | 'markTypo' | 'subItem' | 'unnamedPaper' | 'following';
  /** A replacement for `[fixStart, fixEnd)` when the intent is clear (`§six` → `§6`). */
  fix?: { start: number; end: number; newText: string };
}
