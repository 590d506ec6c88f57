/**
 * Which paper a citation without a symbol cites: a short form (`Ibid., para. 7`) the
 * paper of the citation before it, unless the writer named another text in between; a
 * reference without a symbol (`as para 9 puts it`) the paper the draft last named, unless
 * its sentence names another text. Read from the text around the citation: the sources it
 * names (`SOURCE_LIKE`), the loaded papers' symbols, and the notes called before the first
 * symbol. One per version of a draft's text (`DraftIndex.papers`).
 */
import { noteCallAt, noteDefinitions, type NoteCall } from '../footnotes';
import { AUTHOR_NAME, MARKS, PREPOSITION_MARKS, SHORT_TITLE_BEFORE_CIT, escapeForPattern, lazy, citedInBefore, citingClauseAround, firstWholeSymbol, isWholeSymbol, namesSymbol, namesThePaperIn, ownParagraphAfter, paragraphOf, pronounOfAnotherText, sentenceStartIn, type Citation, type NumberToken } from '../grammar';
import type { DraftIndex } from './draftIndex';

/**
 * For an index of the text from some offset on (an island, `DraftIndex.around`): what a
 * short form or a reference without a symbol near its start takes its paper from, asked
 * only then: the citation before its text, and the paper named last in the text before
 * it from `from` (its offsets: negative).
 */
export interface TextBefore {
  citation: () => Citation | undefined;
  named: (from: number) => string | undefined;
  /** `referenceCitingNothingIn` from `from` (negative) to the island's start, after the last source named there. */
  referenceCitingNothing: (from: number) => string | undefined;
  lastPaper: () => string | undefined;
}

/** The footnote calls before the draft's first symbol that name a paper, and the paper of each (`PapersNamed.noteMentions`); where that first symbol stands (the text's length when none does). */
interface NoteMentions {
  at: number[];
  papers: string[];
  firstSymbol: number;
}

/** A character every source's name holds (see `SOURCE_LIKE`). */
const SOURCE_SIGNS = '/*_';

/** How far after an author's name the symbol of the paper cited for them is looked for. */
const AUTHOR_REACH = 400;

/** How far a source's name reaches (a publication's italic title and imprint, `SOURCE_LIKE`). */
export const SOURCE_REACH = 240;

/** The sources `text` names (`SOURCE_LIKE`), in order: an edit that changes them may change what references without a symbol after it cite. */
export function sourcesNamedIn(text: string): string[] {
  const out: string[] = [];
  SOURCE_LIKE.lastIndex = 0;
  for (let m = SOURCE_LIKE.exec(text); m; m = SOURCE_LIKE.exec(text)) out.push(m[0]);
  return out;
}

/** Words that name the text just named, whichever it is (not `the paper`, which writers say of the paper the draft is about). */
const THAT_TEXT = /(?<![\p{L}])(?:the same paper|that paper|le même document|ce même document|el mismo documento|ese mismo documento)(?![\p{L}])/iu;

/** Between a source's name and a note in brackets right after it: the bracket, and a signal (`A/68/190 (cf. note 2)`). */
const NOTE_RIGHT_AFTER_SOURCE = /^[ \u00a0]*\([ \u00a0]*(?:(?:cf\.|see|voir|véase|vease|ver)[ \u00a0]+)?$/i;

/** Before a reference that is a heading's whole text: its `#`s, and emphasis (`### **Párrafo 1**`). */
const HEADING_LABEL_BEFORE = /^(#{1,6})[ \t]+[*_]*$/;
/** After it: emphasis, a full stop or a colon, and the line's end. */
const LABEL_END = /^[*_.:]*[ \t]*(?:\r?\n|$)/;
/** How far around a reference its heading's `#`s and its line's end are looked for. */
const LABEL_REACH = 16;
/** An ATX heading line: its `#`s and its text. */
const HEADING_LINE = /^(#{1,6})[ \t]+(.*)$/gm;
/** How far back the heading of a label's section is looked for. */
const SECTION_REACH = 20_000;
/** Words for the draft under review in a section's heading (`del borrador`, `of the draft`, `du projet`, `your text`). */
const THE_DRAFT_NAMED = /(?<![\p{L}])(?:draft|borrador|projet|your text|votre texte|su texto)(?![\p{L}])/iu;

/** How far after a reference without a symbol a footnote call in its sentence may stand to give its paper (`paperOfNoteCalledLaterIn`). */
const CALL_REACH = 400;
/** A blank line (a paragraph's end) in a span. */
const BLANK_LINE = /\n[ \t>]*\r?\n/;

/** What starts a list item (also one pasted from a word processor: `•`, `◦`, `▪`, `–`) or a table row, at a line's start. */
const ITEM_OR_ROW = String.raw`[ \t>]*(?:[-*+•◦▪‣–][ \t]|\d{1,9}[.)][ \t]|\|)`;

/** A line that starts a list item or a table row. */
const PARAGRAPH_START = new RegExp(`^${ITEM_OR_ROW}`);

/** Where an entry of a list of works, or a note, ends: a blank line, or a line that starts a list item, a table row or a note. */
const ENTRY_END = new RegExp(String.raw`\n(?:[ \t>]*\r?\n|${ITEM_OR_ROW}|[ \t>]*\[\^)`);

/** Whether a citation cites a paper: all do but a reference without a symbol that follows none, or another text's (`Citation.bare`). */
export function citesAPaper(c: Citation): boolean {
  return !(c.bare && c.symbol === '');
}

/** How far back from a short form the paper named in words is looked for (`le document de séance (op. cit., par. 25)`). */
const IN_WORDS_REACH = 40;

/** How far back from a short form a paper's symbol is looked for (see `resolveShortForm`). */
export const SHORT_FORM_REACH = 20_000;

/**
 * A source a short form may repeat, as the UN and IOM name them: a document symbol
 * (`CRP/43`, `A/68/190`, `MC/INF/312`, `S/RES/2240 (2015)`'s `S/RES/2240`, with an addendum or a revision: `S/14/4/Add.1`, `A/68/190/Rev.1`), a resolution
 * or decision by its number, as UN texts cite them (`General Assembly resolution 68/4`,
 * `la résolution 68/4`, `la decisión 2013/22`, `G.A. Res. 68/4`, the number on the next line of a hard-wrapped text), or a publication: its title in italics
 * and its imprint with a year (`IOM, *World Migration Report 2013* (Geneva, 2013)`; either
 * may run on to the next line of a hard-wrapped note), named
 * by its title (the `title` group), or by its author before `op. cit.` or `loc. cit.` (`Betts, op. cit.`,
 * the `author` group).
 */
const SOURCE_LIKE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/])(?:[A-Z]{1,6}(?:\/[A-Z0-9][A-Za-z0-9.-]*)*\/[0-9][A-Za-z0-9.-]*(?:\/[A-Z][a-z]*\.?[0-9]*)*(?<![.-])|(?:[Rr][eé]solutions?|[Rr][eé]s\.|[Rr]esoluci[oó]n(?:es)?|[Dd][eé]cisions?|[Dd]ecisi[oó]n(?:es)?)\s+\d+\/\d+)(?![\p{L}\p{N}_/])|[*_]{1,2}(?<title>(?:[^*_\n]|\n(?![ \t>]*\n)){3,120}?)[*_]{1,2}[ \u00a0]*\((?:[^()\n]|\n(?![ \t>]*\n)){0,80}?\b(?:1[89]|20)\d\d\)|(?<![\p{L}\p{N}_])(?<author>${AUTHOR_NAME}),?[ \u00a0]+${SHORT_TITLE_BEFORE_CIT}(?:op|loc)\.[ \u00a0]?cit\.`,
  'gu',
);

/** A paragraph mark and its number (`para 12`, `§ 9`, `párrafo 4`), but French `par` (`PREPOSITION_MARKS`). */
const MARKED_PARAGRAPH = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${MARKS.filter((m) => m.kind === 'paragraph' && !PREPOSITION_MARKS.has(m.text))
        .map((m) => escapeForPattern(m.text))
        .join('|')})[ \\u00a0\\u202f]*\\d+`,
      'giu',
    ),
);

/**
 * Whether the source named at `[from, to)` of `whole` is cited in an aside closed before
 * `before`, with its own pinpoint (`la note 2 (voir aussi A/68/190, par. 86) et la
 * note 3`), or after a reference that opens the aside, as what that reference cites (`the
 * agenda (n. 2, which points to A/68/190) … (nn. 3 and 4)`): the references after the
 * aside are the paper's the sentence is about. Not `the Declaration (resolution 68/4) is
 * key (para. 3)`: that aside names the text only.
 */
function citedInAside(whole: string, from: number, to: number, before: number): boolean {
  // (From a little before the source, where the aside may open, `(n. 2, which`, up to `before`.)
  const lo = Math.max(0, from - ASIDE_REACH);
  const text = whole.slice(lo, before);
  const [start, end] = [from - lo, to - lo];
  const open = text.lastIndexOf('(', start);
  if (open < 0 || text.lastIndexOf(')', start) > open) return false;
  const close = text.indexOf(')', end);
  if (close < 0 || text.lastIndexOf('(', close) > open) return false;
  return /\d/.test(text.slice(end, close)) || REFERENCE_OPENING_ASIDE().test(text.slice(open + 1, start));
}

/** How far from the source named an aside's brackets are looked for. */
const ASIDE_REACH = 200;

/** A mark and its number opening an aside, then words (`n. 2, which points to`). */
const REFERENCE_OPENING_ASIDE = lazy(() => new RegExp(`^\\s*(?:${MARKS.map((m) => escapeForPattern(m.text)).join('|')})[ \\u00a0]*\\d+[,;]`, 'iu'));

export class PapersNamed {
  /** The footnote calls that name a paper before the first symbol (`noteMentions`). */
  private noteMentionsFound: NoteMentions | undefined;
  /** Where a loaded paper is first named (`firstPaperMention`), and where a source is named before it (`firstSourceBeforeFirstMention`). */
  private firstMention: number | undefined;
  private firstSource: number | undefined;
  private readonly text: string;

  constructor(
    private readonly draft: DraftIndex,
    private readonly symbols: readonly string[],
    private readonly before: TextBefore | undefined,
  ) {
    this.text = draft.getText();
  }

  /**
   * A short form given the paper of the citation before it (`previous`, itself resolved):
   * `Ibid., para. 7` cites 7 of that paper; `Ibid.` alone repeats its references. Returns
   * `c`, which is the `previous` of the next citation; a full citation is returned as is.
   *
   * A symbol written between them is the paper the writer last named: a known one
   * (`CRP/43 was adopted … Ibid., para. 7`) is it; an unknown one (`A/68/190, para. 12 …
   * Ibid.`), a resolution (`resolution 68/4, annex … (ibid., para. 8)`) or a publication
   * (`*World Migration Report 2013* (Geneva, 2013), p. 21. Ibid.`) means the short form is
   * of a text crp-cite does not have (`SOURCE_LIKE`), and it cites nothing rather than the
   * wrong paper. Looked for within `SHORT_FORM_REACH` characters.
   */
  resolveShortForm(c: Citation, previous: Citation | undefined): Citation {
    if (!c.short) return c;
    if (c.bare) {
      const notesOnly = c.items.length > 0 && c.items.every((item) => item.from.note !== undefined && item.from.number === undefined);
      c.symbol = c.ofThePaper ? (this.lastPaperNamedBefore(c.start, previous) ?? '') : this.headingOfTheDraftAt(c.start, c.end) ? '' : (this.paperOfBareAt(c.start, previous, c.end, notesOnly) ?? '');
      return c;
    }
    // (In an island, `previous` may be before its text: negative offsets.)
    const from = Math.max(previous && previous.end <= c.start ? previous.end : this.before ? Number.NEGATIVE_INFINITY : 0, c.start - SHORT_FORM_REACH);
    const where = { end: 0 };
    let named = this.namedBetween(Math.max(0, from), c.start, false, where);
    if (named === undefined && from < 0) named = this.before?.named(from);
    if (named !== undefined && !this.symbols.includes(named)) {
      c.symbol = '';
      c.unknownPaper = named;
      return c;
    }
    // The paper named in words right before it (`le document de séance (op. cit., par. 25)`):
    // the paper's, whatever reference of another text stands between.
    if (named === undefined && namesThePaperIn(this.text, Math.max(0, from, c.start - IN_WORDS_REACH), c.start)) {
      const paper = this.lastPaperNamedBefore(c.start, previous);
      if (paper !== undefined) {
        c.symbol = paper;
        return c;
      }
    }
    // A reference after them that cites no paper crp-cite has, another text's or the draft's
    // own (`New York flags its para 12 and, ibid., paras 9 and 10`): the short form repeats
    // that one's text, not the paper's.
    // (In an island, with no source named in it, the text before it too.)
    const reference = this.referenceCitingNothingIn(Math.max(0, from, where.end), c.start) ?? (from < 0 && where.end === 0 ? this.before?.referenceCitingNothing(from) : undefined);
    if (reference !== undefined) {
      c.symbol = '';
      c.unknownPaper = reference;
      c.afterReferenceCitingNothing = true;
      return c;
    }
    // A chain of short forms after a paper crp-cite does not have is of that paper too.
    if (named === undefined && previous?.unknownPaper !== undefined) {
      c.symbol = '';
      c.unknownPaper = previous.unknownPaper;
      if (previous.afterReferenceCitingNothing) c.afterReferenceCitingNothing = true;
      return c;
    }
    c.symbol = named ?? previous?.symbol ?? '';
    // Named again by its symbol right before, the paper's last citation is the one repeated:
    // `CRP/43, loc. cit.` after another text's `op. cit.` and `ibid.`. (Named further before,
    // as in prose, `CRP/43 states that … (inciso c) del mismo párrafo)`, none is.)
    const ofSymbolBefore = named !== undefined && c.items.length === 0 && /^[\s,*_\])]*$/.test(this.text.slice(where.end, c.start));
    const repeated = named === undefined ? previous : ofSymbolBefore ? (named === previous?.symbol ? previous : this.lastCitationOf(named, c.start, previous)) : undefined;
    if (c.items.length === 0 && repeated) c.repeats = repeated.repeats ?? repeated;
    // `Ibid., al. b)`: sub-paragraphs of the paragraph the citation before names last.
    else if (!c.mark && c.items.length > 0 && repeated) {
      const paragraph = this.lastParagraphNamed(repeated, c.start);
      // (Copies: each citation's tokens are its own, moved with it.)
      if (paragraph) for (const item of c.items) item.from.inherits = { ...paragraph };
    }
    return c;
  }

  /**
   * The paragraph `cited` names last; past the paper's notes named alone, the one named
   * before them in it or in the citations before it, as a reader takes it
   * (`sub-paragraph (a) of paragraph 5 … n. 3 … (ibid., sub-para. (c))` is 5(c)).
   */
  private lastParagraphNamed(cited: Citation, offset: number): NumberToken | undefined {
    for (let c: Citation | undefined = cited, steps = 0; c && steps < 8 && offset - c.start <= SHORT_FORM_REACH; c = this.draft.citationBefore(c.start), steps++) {
      if (c.symbol !== cited.symbol) return undefined;
      const items = (c.repeats ?? c).items;
      // Items from the last: `§5(a) and n. 3` names 5 last, past the note.
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        const paragraph = paragraphOf(item.to ?? item.from, item);
        if (paragraph) return paragraph;
        if (!item.from.note) return undefined;
      }
    }
    return undefined;
  }

  /**
   * Whether the reference `[start, end)` is a heading of its own (`### Párrafo 1`) in a
   * section whose heading names the draft (`## Comentarios por párrafo del borrador`,
   * `## Comments on your draft`): the label of one of the draft's own paragraphs, as a
   * review goes through them.
   */
  private headingOfTheDraftAt(start: number, end: number): boolean {
    // (Looked at within a few characters of the reference: asked of every reference without
    // a symbol, on lines that may run for megabytes.)
    const head = this.text.slice(Math.max(0, start - LABEL_REACH), start);
    const newline = head.lastIndexOf('\n');
    if (newline < 0 && start > LABEL_REACH) return false;
    const lineStart = start - head.length + newline + 1;
    const opening = HEADING_LABEL_BEFORE.exec(head.slice(newline + 1));
    if (!opening || !LABEL_END.test(this.text.slice(end, end + LABEL_REACH))) return false;
    // The heading of the section it is in: the nearest above of a higher level.
    const level = opening[1]!.length;
    let section: string | undefined;
    const before = this.text.slice(Math.max(0, lineStart - SECTION_REACH), lineStart);
    for (const m of before.matchAll(HEADING_LINE)) if (m[1]!.length < level && !this.draft.inCode(lineStart - before.length + m.index!)) section = m[2];
    return section !== undefined && THE_DRAFT_NAMED.test(section);
  }

  /** The last citation of `symbol` before `offset`, from `previous` back, within a few citations and `SHORT_FORM_REACH`. */
  private lastCitationOf(symbol: string, offset: number, previous: Citation | undefined): Citation | undefined {
    for (let c = previous, steps = 0; c && steps < 8 && offset - c.start <= SHORT_FORM_REACH; c = this.draft.citationBefore(c.start), steps++) {
      if (c.symbol === symbol) return c;
    }
    return undefined;
  }

  /**
   * The last paragraph reference in `[from, to)`, outside code, as written (`para 12`): asked
   * between a short form and the citation before it, where any reference is one the grammar
   * did not read as the paper's. Not after French `par` ("by"): `adopté par 20 voix`.
   */
  referenceCitingNothingIn(from: number, to: number): string | undefined {
    if (to <= from) return undefined;
    const slice = this.text.slice(from, to);
    if (!/\d/.test(slice)) return undefined;
    const pattern = MARKED_PARAGRAPH();
    let found: string | undefined;
    pattern.lastIndex = 0;
    // (Not the draft's own paragraph, a cross-reference that cites no source: `(voir par. 11
    // ci-dessus) … (ibid., par. 25)` repeats the paper cited before it.)
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      if (!this.draft.inCode(from + m.index) && !ownParagraphAfter(this.text, from + m.index + m[0].length)) found = m[0];
    }
    return found;
  }

  /** The source named last in `[from, to)` (`SOURCE_LIKE`), outside code: a symbol quoted in code is no paper the writer cites. */
  namedBetween(from: number, to: number, asidesClosed = false, where?: { end: number }): string | undefined {
    // `asidesClosed`: leave out another text cited in an aside closed before `to` (`citedInAside`).
    let named: string | undefined;
    if (to <= from) return undefined;
    // Every source has a slash (`CRP/43`, `resolution 68/4`), emphasis (`*Title*`) or `cit.`
    // (`Betts, op. cit.`): most gaps between citations have none.
    let i = from;
    while (i < to && !SOURCE_SIGNS.includes(this.text[i]!) && !(this.text[i] === '.' && this.text.startsWith('cit', i - 3))) i++;
    if (i === to) return undefined;
    // In a slice (with the character before, for the pattern's look-behind): on the whole
    // text, the pattern would go on looking past `to`, as far as the next source.
    const start = Math.max(0, from - 1);
    const slice = this.text.slice(start, to);
    SOURCE_LIKE.lastIndex = from - start;
    for (let m = SOURCE_LIKE.exec(slice); m; m = SOURCE_LIKE.exec(slice)) {
      if (this.draft.inCode(start + m.index)) continue;
      const author = m.groups?.['author'];
      const source = author !== undefined ? (this.paperOfAuthor(author, start + m.index) ?? author) : (m.groups?.['title']?.replace(/\s+/g, ' ') ?? m[0]);
      // (A paper crp-cite has, cited in the aside, is the one the sentence is about.)
      if (asidesClosed && !this.symbols.includes(source) && citedInAside(this.text, start + m.index, start + m.index + m[0].length, to)) continue;
      named = source;
      if (where) where.end = start + m.index + m[0].length;
    }
    return named;
  }

  /** Where the first source (`SOURCE_LIKE`) named outside code before the first mention of a paper ends; that mention's start when none is. */
  firstSourceBeforeFirstMention(): number {
    return (this.firstSource ??= this.firstSourceNamedBefore(this.firstPaperMention()));
  }

  /** Where the first source (`SOURCE_LIKE`) named outside code before `limit` ends; `limit` when none is. */
  private firstSourceNamedBefore(limit: number): number {
    const slice = this.text.slice(0, limit);
    SOURCE_LIKE.lastIndex = 0;
    for (let m = SOURCE_LIKE.exec(slice); m; m = SOURCE_LIKE.exec(slice)) if (!this.draft.inCode(m.index)) return m.index + m[0].length;
    return limit;
  }

  /**
   * The paper `author` was cited for before `offset`, when crp-cite has it: `OIM, op.
   * cit.` after a note that reads `Organización Internacional para las Migraciones (OIM),
   * *Overview …*, documento CRP/43 (Ginebra, 2013)`, the author and a loaded paper's symbol
   * in one paragraph, a note hard-wrapped over lines (the last few such notes are looked at).
   */
  private paperOfAuthor(author: string, offset: number): string | undefined {
    let tries = 0;
    for (let at = this.text.lastIndexOf(author, offset - 1); at >= 0 && tries < 8; at = at > 0 ? this.text.lastIndexOf(author, at - 1) : -1) {
      if (/[\p{L}\p{N}]/u.test(this.text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(this.text[at + author.length] ?? '')) continue;
      tries++;
      const reach = this.text.slice(at, Math.min(at + AUTHOR_REACH, offset));
      const next = ENTRY_END.exec(reach);
      const entry = next ? reach.slice(0, next.index) : reach;
      const paper = this.symbols.find((symbol) => namesSymbol(entry, 0, entry.length, symbol));
      if (paper) return paper;
    }
    return undefined;
  }

  /**
   * The paper a reference without a symbol at `offset` cites (`Citation.bare`): the
   * source named last in its sentence (within its paragraph, list item or table row)
   * before it, if it is a loaded paper (another text named there, `A/68/190 … (par. 3)`:
   * none); with none named there, the loaded paper named last before it, at any distance
   * (another text named in passing earlier does not change what the draft is about).
   * It depends on no citation before it, so an edit changes only the references after it
   * up to the next mention of a paper (see `DraftChecker`). `previous`, a citation before
   * `offset` of that paper, bounds the search.
   */
  private paperOfBareAt(offset: number, previous?: Citation, end = offset, notesOnly = false): string | undefined {
    // A citation of a paper before it in its sentence (its symbol, or what a reference
    // without one found there) answers for the text before it: only the rest is searched,
    // or a paragraph of a hundred references would be searched a hundred times. (On the
    // same line, it is in the same paragraph.)
    const before = previous && (!previous.short || previous.bare) && previous.symbol !== '' && previous.end <= offset ? previous : undefined;
    const sameLine = before !== undefined && this.text.lastIndexOf('\n', offset - 1) < before.end;
    const paragraph = sameLine ? before.start : this.paragraphStartBefore(offset);
    const sentence = sentenceStartIn(this.text, Math.max(paragraph, before?.end ?? 0), offset);
    const known = before !== undefined && before.start >= paragraph && sentence <= before.end;
    const where = { end: offset };
    const named = this.namedBetween(known ? before.end : sentence, offset, true, where);
    if (named !== undefined) {
      if (this.symbols.includes(named)) return named;
      // The paper named in words after it: `la Declaración (resolución 68/4) confirma lo que
      // el documento describe … (párr. 3)`.
      if (namesThePaperIn(this.text, where.end, offset)) return this.lastPaperNamedBefore(offset, previous);
      // A note in brackets right after the text's name (`son rapport A/68/190 (cf. note 2)`,
      // `A/68/190 (fn. 2)`): where the paper notes that text, as its footnotes do.
      if (notesOnly && NOTE_RIGHT_AFTER_SOURCE.test(this.text.slice(where.end, offset))) return this.lastPaperNamedBefore(offset, previous);
      // `la Déclaration (A/RES/68/4), évoquée au paragraphe 4`, `the report (A/68/190), which
      // the paper cites at note 2`: the text named is the one cited in the paragraph or
      // note, which is of the paper that cites it.
      const cited = Math.max(citedInBefore(this.text, offset), citingClauseAround(this.text, offset, end));
      return cited >= 0 && this.namedBetween(cited, offset) === undefined ? this.lastPaperNamedBefore(offset, previous) : undefined;
    }
    if (known) return before.symbol;
    if (pronounOfAnotherText(this.text, paragraph, sentence, this.symbols)) return undefined;
    // `The same paper's para. 9`, `nothing in that paper is binding, and its paragraph 10`:
    // the text named last in the paragraph, whichever it is.
    if (THAT_TEXT.test(this.text.slice(sentence, offset))) {
      const last = this.namedBetween(paragraph, sentence);
      if (last !== undefined) return this.symbols.includes(last) ? last : undefined;
    }
    return this.lastPaperNamedBefore(sentence, previous) ?? this.paperOfNoteCalledLaterIn(offset);
  }

  /**
   * Before the draft names any paper: the paper named by the note of a footnote call later
   * in the reference's own sentence (`Partnerships matter, as paragraph 9 stresses.[^1]`
   * … `[^1]: IOM, "Overview …", CRP/43`): the note gives the sentence's source.
   */
  private paperOfNoteCalledLaterIn(offset: number): string | undefined {
    if (this.before) return undefined;
    const mentions = this.noteMentions();
    let k = 0;
    while (k < mentions.at.length && mentions.at[k]! < offset) k++;
    const call = mentions.at[k];
    if (call === undefined || call - offset > CALL_REACH) return undefined;
    const between = this.text.slice(offset, call);
    return BLANK_LINE.test(between) || sentenceStartIn(this.text, offset, call) !== offset ? undefined : mentions.papers[k];
  }

  /**
   * Where the next loaded paper's symbol stands alone after `offset`, outside code: the
   * references without a symbol up to there take their paper from before it. The text's
   * length when there is none.
   */
  nextPaperMentionAfter(offset: number): number {
    return firstWholeSymbol(this.text, this.symbols, offset, this.text.length, (at) => this.draft.inCode(at))?.at ?? this.text.length;
  }

  /** Where the paragraph, list item or table row holding `offset` starts. */
  private paragraphStartBefore(offset: number): number {
    const block = this.draft.blockSpanAt(offset).start;
    for (let line = this.text.lastIndexOf('\n', offset - 1) + 1; line > block; ) {
      const previousLine = this.text.lastIndexOf('\n', line - 2) + 1;
      if (/^[ \t>]*\r?$/.test(this.text.slice(previousLine, line - 1)) || PARAGRAPH_START.test(this.text.slice(line, line + 16))) return line;
      line = previousLine;
    }
    return block;
  }

  /**
   * The loaded paper whose symbol stands last before `offset`, alone and outside code
   * (in an island, maybe before its text). With `previous` (a full citation or a
   * reference without a symbol, of a paper, before `offset`), only the text after its
   * start is searched: it is the paper named last before that.
   */
  lastPaperNamedBefore(offset: number, previous?: Citation): string | undefined {
    const bound = previous && (!previous.short || previous.bare) && previous.symbol !== '' && previous.start < offset ? previous.start : -1;
    let best = -1;
    let paper: string | undefined;
    for (const symbol of this.symbols) {
      for (let at = offset >= symbol.length ? this.text.lastIndexOf(symbol, offset - symbol.length) : -1; at > Math.max(best, bound - 1); at = at > 0 ? this.text.lastIndexOf(symbol, at - 1) : -1) {
        if (isWholeSymbol(this.text, at, at + symbol.length) && !this.draft.inCode(at)) {
          [best, paper] = [at, symbol];
          break;
        }
      }
    }
    if (paper !== undefined) return paper;
    if (bound >= 0) return previous!.symbol;
    if (this.before) return this.before.lastPaper();
    // No symbol before it (so it is before the first): a note called before it may name the paper.
    const mentions = this.noteMentions();
    let k = mentions.at.length - 1;
    while (k >= 0 && mentions.at[k]! >= offset) k--;
    return k >= 0 ? mentions.papers[k] : undefined;
  }

  /**
   * The footnote calls before the draft's first symbol of a paper whose note's definition
   * names a loaded paper (its symbol standing alone there), and the paper, in order.
   * Academic writers name their source once, in a note, and refer to it in the text after:
   * `Its main source is the conference room paper.[^1]` ⏎ … `[^1]: IOM, "Overview …",
   * conference room paper CRP/43`; the references after the call are that paper's. After
   * the first symbol, the symbols say which paper (`lastPaperNamedBefore`). Read once per
   * version of the text, when asked: most drafts name the paper before any note.
   */
  noteMentions(): NoteMentions {
    if (this.noteMentionsFound) return this.noteMentionsFound;
    const end = this.nextPaperMentionAfter(0);
    const mentions: NoteMentions = { at: [], papers: [], firstSymbol: end };
    const calls: NoteCall[] = [];
    for (let at = this.text.indexOf('[^'); at >= 0 && at < end; at = this.text.indexOf('[^', at + 2)) {
      const call = noteCallAt(this.text, at);
      if (call && !this.draft.inCode(at)) calls.push(call);
    }
    const definitions = calls.length === 0 ? undefined : noteDefinitions(this.draft, new Set(calls.map((c) => c.label)));
    for (const call of calls) {
      const definition = definitions!.get(call.label);
      const paper = definition && firstWholeSymbol(this.text, this.symbols, definition.start, definition.end)?.symbol;
      if (paper === undefined) continue;
      mentions.at.push(call.start);
      mentions.papers.push(paper);
    }
    return (this.noteMentionsFound = mentions);
  }

  /** Where a loaded paper is first named: its symbol standing alone outside code, or a note called that names it (`noteMentionsUpTo`); the text's length when none is. */
  firstPaperMention(): number {
    if (this.firstMention === undefined) {
      const mentions = this.noteMentions();
      this.firstMention = mentions.at[0] ?? mentions.firstSymbol;
    }
    return this.firstMention;
  }
}
