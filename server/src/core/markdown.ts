/**
 * Where citations can be in a Markdown draft, kept current edit by edit: the draft index.
 *
 * The draft is cut into top-level blocks (core/blocks.ts, markdown-it's block parser);
 * citations are read in each block's prose (core/prose.ts blanks code, comments, tags and
 * link destinations). An edit re-parses only the blocks it touches (plus one on each
 * side, and more when a fence or comment is left open), so a keystroke in a 5 MB draft
 * costs a few blocks, not the whole text. Each block's citations are computed lazily and
 * kept with offsets relative to the block, so shifting the blocks after an edit never
 * touches them. A request far into a draft not parsed that far starts an island index
 * where core/blockStarts.ts proves a block starts (`around`).
 */
import { lastBlockStartBefore } from './blockStarts';
import { endsInDefinition, normalizeLineEnds, parseBlocks, type Block } from './blocks';
import { AUTHOR_NAME, citedInBefore, citingClauseAround, findCitations, firstWholeSymbol, isWholeSymbol, mayNameSameParagraph, mayNameSubParagraphAlone, namesSymbol, namesThePaperIn, paragraphOf, pronounOfAnotherText, sentenceStartIn, type Citation, type Reference, type UnreadReference } from './grammar';
import { noteCallAt, noteDefinitions, type NoteCall } from './footnotes';
import { lineAt, lineStarts } from './lines';
import { NO_CITATIONS, packCitations, unpackCitations } from './packedCitations';
import { inlineRanges, maskedLinesOf, mayCite, proseOf } from './prose';

const NO_UNREAD: readonly UnreadReference[] = [];

/** The footnote calls before the draft's first symbol that name a paper, and the paper of each (`DraftIndex.noteMentions`); where that first symbol stands (the text's length when none does). */
interface NoteMentions {
  at: number[];
  papers: string[];
  firstSymbol: number;
}

/** Characters parsed per step when a request needs more of the draft (then whole lines). */
const PARSE_CHUNK = 64 * 1024;

/** How far past the parsed text a request must be for `around` to start a parse nearer to it. */
const FAR = 4 * PARSE_CHUNK;

/**
 * A Markdown draft and its citations, updated incrementally. Not tied to LSP: the server,
 * the CLI and the benchmark all use it.
 */
export class DraftIndex {
  /** The parsed blocks, covering `[0, parsedTo)`. */
  private blocks: Block[] = [];
  /**
   * Where the text not parsed yet starts: a block's start, or the text's end. Blocks are
   * parsed on demand, a chunk at a time, so opening a large draft costs nothing until
   * a request needs a place in it, and then only the text up to that place.
   */
  private parsedTo = 0;
  /** Cache of `citations()`, until the next edit. */
  private all: Citation[] | undefined;
  private reparsed: { start: number; end: number } | undefined;

  private readonly chunk: number;
  private readonly far: number;
  /** Keep each block's citations (packed) for the next request; see the constructor. */
  private readonly keep: boolean;
  /**
   * The prose of the block completion last asked about (it asks again at each keystroke
   * there). One block's, not every block's: prose kept for each block completion visited
   * outlived the young generation, and copying it made the collector's pauses the
   * slowest completions.
   */
  private prose: { block: Block; prose: string } | undefined;
  /** The code in the block `inCode` was last asked about: its line starts (if it has code lines) and code spans (block offsets). */
  private codeOf: { block: Block; lines?: number[]; spans?: number[] } | undefined;
  /** See `around`. */
  private island: { draft: DraftIndex; base: number } | undefined;
  /** Where a loaded paper is first named (`firstPaperMention`), and where a source is named before it (`unnamedPaperIn`), until the next edit. */
  private firstMention: number | undefined;
  private firstSource: number | undefined;
  /** The footnote calls that name a paper before the first symbol (`noteMentions`), until the next edit. */
  private noteMentionsFound: NoteMentions | undefined;

  constructor(
    private text: string,
    private readonly symbols: readonly string[],
    /**
     * `chunk`: characters parsed per step; `far`: see `around` (tests use tiny ones);
     * `keepCitations: false` for an index asked once (the CLI, the workspace index's
     * reading of a closed draft), which would only pay for packing them.
     */
    options: { chunk?: number; far?: number; keepCitations?: boolean } = {},
    /**
     * For an island (see `around`), what a short form or a reference without a symbol
     * near its start takes its paper from, asked only then: the citation before its text,
     * and the paper named last in the text before it from `from` (its offsets: negative).
     */
    private readonly before?: { citation: () => Citation | undefined; named: (from: number) => string | undefined; lastPaper: () => string | undefined },
  ) {
    this.chunk = Math.max(1, options.chunk ?? PARSE_CHUNK);
    this.far = Math.max(1, options.far ?? FAR);
    this.keep = options.keepCitations ?? true;
  }

  getText(): string {
    return this.text;
  }

  /**
   * An index for requests at `offset`, and where its text starts in this one: this one,
   * or, when `offset` is far past what is parsed, an index of the text from the last
   * line before it known to start a top-level block (`lastBlockStartBefore`), whose
   * blocks and citations from there on are this one's. A hover in the middle of a fresh
   * 5 MB draft then parses a few blocks, not the 2.5 MB before it; this index parses
   * the rest in order when something needs all of it. Kept until the next edit.
   */
  around(offset: number): { draft: DraftIndex; base: number } {
    if (this.parsedTo >= this.text.length || offset < this.parsedTo + this.far) {
      if (this.parsedTo > (this.island?.base ?? Number.POSITIVE_INFINITY)) this.island = undefined;
      return { draft: this, base: 0 };
    }
    if (this.island && offset >= this.island.base) return this.island;
    const start = lastBlockStartBefore(this.text, this.parsedTo, offset);
    if (start <= this.parsedTo) return { draft: this, base: 0 };
    const island = new DraftIndex(this.text.slice(start), this.symbols, { chunk: this.chunk, far: this.far, keepCitations: this.keep }, this.contextAt(start));
    this.island = { draft: island, base: start };
    return this.island;
  }

  /**
   * For an index of the text from `start` on: the citation before it, in its offsets
   * (before its text: negative), and the paper named last before it, so that a short form
   * or a reference without a symbol there takes the paper this index would give it.
   */
  contextAt(start: number): NonNullable<DraftIndex['before']> {
    return {
      citation: () => {
        const c = this.citationBefore(start);
        return c && moveCitation(structuredClone(c), -start);
      },
      named: (from: number) => this.namedBetween(Math.max(0, from + start), start),
      lastPaper: () => this.lastPaperNamedBefore(start),
    };
  }

  /** Replaces the whole text (a full-document sync). */
  replaceAll(text: string): void {
    this.island = undefined;
    this.firstMention = this.firstSource = this.noteMentionsFound = undefined;
    this.text = text;
    this.blocks = [];
    this.parsedTo = 0;
    this.all = undefined;
    this.reparsed = undefined;
  }

  /**
   * The text the last `applyEdit` parsed again, in offsets after it: every citation
   * outside it is the one found before the edit (moved by the edit's length change).
   * Undefined when that edit left blocks to be parsed later, or after `replaceAll`.
   */
  get lastReparsed(): { start: number; end: number } | undefined {
    return this.reparsed;
  }

  /** Parses on until the blocks cover `[0, upTo)` (or the whole text). */
  private parseUpTo(upTo: number): void {
    while (this.blocks.length === 0 || (this.parsedTo < upTo && this.parsedTo < this.text.length)) this.parseChunk();
  }

  /**
   * Parses the next chunk of whole lines. Its last block may go on past the chunk, so
   * it is left for the next chunk, which starts there; a block's start is a place where
   * the parse starts afresh (the edit window below relies on the same), unless the block
   * before it ends in a reference definition whose title may continue: that one waits too.
   */
  private parseChunk(): void {
    const text = this.text;
    const from = this.parsedTo;
    for (let size = this.chunk; ; size *= 2) {
      const lineEnd = from + size >= text.length ? -1 : text.indexOf('\n', from + size);
      const to = lineEnd < 0 ? text.length : lineEnd + 1;
      const parsed = parseBlocks(text.slice(from, to), from);
      if (to === text.length) {
        for (const block of parsed) this.blocks.push(block);
        this.parsedTo = text.length;
        return;
      }
      let kept = parsed.length - 1;
      while (kept > 0 && endsInDefinition(parsed[kept - 1]!, text)) kept--;
      if (kept > 0) {
        for (let k = 0; k < kept; k++) this.blocks.push(parsed[k]!);
        this.parsedTo = parsed[kept]!.start;
        return;
      }
    }
  }

  /**
   * Replaces `[start, end)` with `replacement`, re-parsing only the blocks it can affect.
   * `result`, when the caller already has the edited text, saves building it again.
   */
  applyEdit(start: number, end: number, replacement: string, result?: string): void {
    start = Math.max(0, Math.min(start, this.text.length));
    end = Math.max(start, Math.min(end, this.text.length));
    const delta = replacement.length - (end - start);
    const complete = this.parsedTo >= this.text.length;
    this.all = undefined;
    this.reparsed = undefined;
    this.island = undefined;
    this.firstMention = this.firstSource = this.noteMentionsFound = undefined;
    this.text = result ?? this.text.slice(0, start) + replacement + this.text.slice(end);
    const blocks = this.blocks;
    if (blocks.length === 0) return;
    if (!complete && start >= this.parsedTo) {
      // Beyond the parsed blocks, but the last one's end may depend on the edited text.
      this.truncate(Math.max(0, blocks.length - 1));
      return;
    }
    // The window: from the block before the edit to the block after it, in old offsets.
    let first = Math.max(0, this.blockIndexAt(start) - 1);
    // A reference definition closing the block before, with no blank line after it, may
    // take the window's first lines as its title (`[r]: /u` then `(see ...)` on the next
    // lines): start the window before it. Found by the edit-vs-fresh property test.
    while (first > 0 && endsInDefinition(blocks[first - 1]!, this.text)) first--;
    const edited = this.blockIndexAt(end);
    let last = Math.min(blocks.length - 1, edited + 1);
    // A block may take the paragraph of what it names alone from the citation that ends the
    // block before (`leadOf`, `leadAfterCitation`): the window's last block, parsed again,
    // may have changed it, so the block after it is parsed again when it may take it.
    while (last > edited && last + 1 < blocks.length && this.mayTakeLeadFrom(blocks[last + 1]!.start + delta, blocks[last + 1]!.length)) last++;
    for (;;) {
      const windowStart = blocks[first]!.start;
      const oldEnd = blocks[last]!.start + blocks[last]!.length;
      const newEnd = oldEnd + delta;
      const atEnd = last === blocks.length - 1;
      // The window reaches text not parsed yet: drop it and the blocks after it instead,
      // and parse them again when needed.
      if (atEnd && !complete) {
        this.truncate(first);
        return;
      }
      const reparsed = parseBlocks(this.text.slice(windowStart, newEnd), windowStart);
      // A fence or comment left open may swallow what follows: widen the window and retry.
      // So may an HTML block (`</div>` runs to the next blank line, and the old block
      // after it may have started without one): the re-parse is only trusted when the
      // window's last old block still starts a block, since from there on the text, and
      // so the parse, is unchanged. Found by the edit-vs-fresh property test.
      const lastStart = blocks[last]!.start + delta;
      if (!atEnd && (reparsed[reparsed.length - 1]!.open || !reparsed.some((b) => b.start === lastStart))) {
        last = Math.min(blocks.length - 1, last + Math.max(2, last - first));
        continue;
      }
      for (let k = last + 1; k < blocks.length; k++) blocks[k]!.start += delta;
      blocks.splice(first, last - first + 1, ...reparsed);
      this.reparsed = { start: windowStart, end: newEnd };
      this.parsedTo = complete ? this.text.length : this.parsedTo + delta;
      return;
    }
  }

  /**
   * Whether the block `[start, start + length)` may take a lead from the block before it:
   * that block ends on a colon, or on a closing bracket (and a full stop) and this one names
   * a sub-paragraph alone or the same paragraph (`eachCitationOf`).
   */
  private mayTakeLeadFrom(start: number, length: number): boolean {
    let end = start;
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    const last = this.text[end - 1];
    if (last === ':') return true;
    return (last === ')' || (last === '.' && this.text[end - 2] === ')')) && namesParagraphBefore(this.text, start, start + length);
  }

  /** Forgets the blocks from `first` on (before an edit, so their starts still hold). */
  private truncate(first: number): void {
    while (first > 0 && endsInDefinition(this.blocks[first - 1]!, this.text)) first--;
    this.parsedTo = first < this.blocks.length ? this.blocks[first]!.start : this.parsedTo;
    this.blocks.length = first;
  }

  private blockIndexAt(offset: number): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Calls `fn` with each citation of the block (those whose span `wanted` accepts), with
   * document offsets: found in the block's prose the first time, and kept packed to be
   * unpacked afresh the next times.
   */
  /**
   * (`wanted` is told whether the citation is a short form that takes its paper from the
   * citation before it: `Ibid.`, not a reference without a symbol.)
   */
  private eachCitationOf(block: Block, fn: (citation: Citation) => void, wanted?: (start: number, end: number, chained: boolean) => boolean): void {
    if (block.citations) {
      unpackCitations(block.citations, this.text, this.symbols, block.start, fn, wanted);
      return;
    }
    const lead = this.leadOf(block);
    // (A sub-paragraph named alone, or the same paragraph, may take its paragraph from the
    // block before: asked only where one stands before the block's first citation,
    // `leadAfterCitation`.)
    const mayFollow = !lead && this.endsOnCitationBefore(block) && namesParagraphBefore(this.text, block.start, block.start + block.length);
    if (!lead && !mayFollow && !mayCite(block, this.text, this.symbols)) {
      block.citations = NO_CITATIONS;
      block.unread = NO_UNREAD;
      return;
    }
    const prose = proseOf(block, this.text);
    let unread: UnreadReference[] = [];
    let found = findCitations(prose, this.symbols, 0, prose.length, unread, lead);
    if (mayFollow && namesParagraphBefore(prose, 0, found[0]?.start ?? prose.length)) {
      const after = this.leadAfterCitation(block);
      if (after) {
        unread = [];
        found = findCitations(prose, this.symbols, 0, prose.length, unread, after);
      }
    }
    block.unread = unread.length > 0 ? unread : NO_UNREAD;
    if (this.keep) block.citations = packCitations(found, this.symbols);
    for (const c of found) if (!wanted || wanted(block.start + c.start, block.start + c.end, c.short === true && !c.bare)) fn(moveCitation(c, block.start));
  }

  /**
   * The citation a block after a colon takes the paragraph of its sub-paragraphs named
   * alone from (grammar/afterCitation.ts, `findSubParagraphsAlone`): the last of the block before, when
   * that block ends with it and the colon (`(CRP/43, par. 6 a) à c)) :` ⏎⏎ `- … (alinéa
   * a))`), or with a few words of its sentence and the colon. In the block's offsets. An edit to the block before parses this one again
   * (`applyEdit`'s window), so what it found from it is never stale.
   */
  private leadOf(block: Block): Citation | undefined {
    // Most blocks follow no colon: one look back over the blank lines between.
    const end = this.endBefore(block);
    return this.text[end - 1] === ':' ? this.lastCitationBefore(block, end, LEAD_TO_COLON) : undefined;
  }

  /**
   * The same for a block after a paragraph that ends on a citation in brackets, and its
   * full stop (`… (párr. 6 a)).` ⏎⏎ `También destacamos el inciso b).`, `> « … » (CRP/43,
   * par. 8)` ⏎⏎ `Le même paragraphe invite…`): asked only of a block that names a
   * sub-paragraph alone or the same paragraph before its first citation, since the block
   * before is read again when its citations are not kept (asked of every block that names
   * one, checking 600 of the benchmark's drafts took a fifth longer).
   */
  private leadAfterCitation(block: Block): Citation | undefined {
    return this.lastCitationBefore(block, this.endBefore(block), LEAD_TO_END);
  }

  private endsOnCitationBefore(block: Block): boolean {
    const end = this.endBefore(block);
    return this.text[end - 1] === ')' || (this.text[end - 1] === '.' && this.text[end - 2] === ')');
  }

  /** Where the text before `block` ends, blank lines left out. */
  private endBefore(block: Block): number {
    let end = block.start;
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /** The last citation of the block before `block`, in `block`'s offsets, when `between` is what stands from it to `end`. */
  private lastCitationBefore(block: Block, end: number, between: RegExp): Citation | undefined {
    const k = this.blockIndexAt(block.start);
    if (k === 0 || this.blocks[k] !== block) return undefined;
    let last: Citation | undefined;
    this.eachCitationOf(this.blocks[k - 1]!, (c) => (last = c));
    // Closing brackets, or a few words of the same sentence, between the citation and the
    // colon (`el párrafo 24, apartados a) a c), enumera tres vías:`); closing brackets and
    // the full stop.
    if (!last || !between.test(this.text.slice(last.end, end))) return undefined;
    return moveCitation(last, -block.start);
  }

  /**
   * The citation before `offset` (a short form resolved), if any: what a short form there
   * refers to. Walks back block by block; blocks without citations cost a length check.
   */
  citationBefore(offset: number): Citation | undefined {
    this.parseUpTo(offset);
    // Short forms back to the nearest full citation, which they all take their paper from.
    const chain: Citation[] = [];
    for (let k = Math.min(this.blockIndexAt(offset), this.blocks.length - 1); k >= 0; k--) {
      const inBlock: Citation[] = [];
      this.eachCitationOf(this.blocks[k]!, (c) => inBlock.push(c), (start) => start < offset);
      for (let j = inBlock.length - 1; j >= 0; j--) {
        const c = inBlock[j]!;
        chain.push(c);
        // A reference without a symbol takes its paper from no citation before it.
        if (!c.short || c.bare) return this.resolveChain(chain);
      }
    }
    return chain.length > 0 ? this.resolveChain(chain) : this.before?.citation();
  }

  /** Resolves the short forms of `chain` (latest first, ending at a full citation or at the text's start); returns the latest. */
  private resolveChain(chain: Citation[]): Citation | undefined {
    const first = chain[chain.length - 1]!;
    let previous = first.short && !first.bare ? this.before?.citation() : undefined;
    for (let j = chain.length - 1; j >= 0; j--) previous = this.after(chain[j]!, previous);
    return previous;
  }

  /**
   * `c` resolved (see `resolveShortForm`), when it cites a paper: the `previous` of the
   * citation after it; else `previous` (a reference without a symbol that cites nothing
   * is no citation, and does not carry another text's name on to what follows).
   */
  private after(c: Citation, previous: Citation | undefined): Citation | undefined {
    const resolved = this.resolveShortForm(c, previous);
    return citesAPaper(resolved) ? resolved : previous;
  }

  /** Every citation in the draft, with document offsets: the same array until the next edit (do not modify it). */
  citations(): Citation[] {
    if (this.all) return this.all;
    this.parseUpTo(Number.POSITIVE_INFINITY);
    const all: Citation[] = [];
    let previous: Citation | undefined;
    for (const block of this.blocks)
      this.eachCitationOf(block, (c) => {
        previous = this.after(c, previous);
        if (previous === c) all.push(c);
      });
    this.all = all;
    return all;
  }

  /**
   * Every citation in the draft, in order, as `citations()` lists them, without keeping
   * them: the checker's full check of the benchmark's 5 MB draft kept its 50,000 citations
   * until the next edit, some 45 MB at the server's peak.
   */
  forEachCitation(fn: (citation: Citation) => void): void {
    if (this.all) {
      for (const c of this.all) fn(c);
      return;
    }
    this.parseUpTo(Number.POSITIVE_INFINITY);
    let previous: Citation | undefined;
    for (const block of this.blocks)
      this.eachCitationOf(block, (c) => {
        previous = this.after(c, previous);
        if (previous === c) fn(c);
      });
  }

  /** The citations touching `[start, end)` (one that ends at `start` counts): what one screen or one edit touches. */
  citationsIn(start: number, end: number): Citation[] {
    this.parseUpTo(end);
    const all: Citation[] = [];
    const touching = (s: number, e: number) => e >= start && s < end;
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) this.eachCitationOf(this.blocks[k]!, (c) => all.push(c), touching);
    return this.resolveShortForms(all) ? all.filter(citesAPaper) : all;
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
  private resolveShortForm(c: Citation, previous: Citation | undefined): Citation {
    if (!c.short) return c;
    if (c.bare) {
      c.symbol = (c.ofThePaper ? this.lastPaperNamedBefore(c.start, previous) : this.paperOfBareAt(c.start, previous, c.end)) ?? '';
      return c;
    }
    // (In an island, `previous` may be before its text: negative offsets.)
    const from = Math.max(previous && previous.end <= c.start ? previous.end : this.before ? Number.NEGATIVE_INFINITY : 0, c.start - SHORT_FORM_REACH);
    let named = this.namedBetween(Math.max(0, from), c.start);
    if (named === undefined && from < 0) named = this.before?.named(from);
    if (named !== undefined && !this.symbols.includes(named)) {
      c.symbol = '';
      c.unknownPaper = named;
      return c;
    }
    // A chain of short forms after a paper crp-cite does not have is of that paper too.
    if (named === undefined && previous?.unknownPaper !== undefined) {
      c.symbol = '';
      c.unknownPaper = previous.unknownPaper;
      return c;
    }
    c.symbol = named ?? previous?.symbol ?? '';
    if (c.items.length === 0 && previous && named === undefined) c.repeats = previous.repeats ?? previous;
    // `Ibid., al. b)`: sub-paragraphs of the paragraph the citation before names last.
    else if (!c.mark && c.items.length > 0 && previous && named === undefined) {
      const cited = previous.repeats ?? previous;
      const last = cited.items[cited.items.length - 1];
      const paragraph = last && paragraphOf(last.to ?? last.from, last);
      // (Copies: each citation's tokens are its own, moved with it.)
      if (paragraph) for (const item of c.items) item.from.inherits = { ...paragraph };
    }
    return c;
  }

  /** The source named last in `[from, to)` (`SOURCE_LIKE`), outside code: a symbol quoted in code is no paper the writer cites. */
  private namedBetween(from: number, to: number, asidesClosed = false, where?: { end: number }): string | undefined {
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
      if (this.inCode(start + m.index)) continue;
      const author = m.groups?.['author'];
      const source = author !== undefined ? (this.paperOfAuthor(author, start + m.index) ?? author) : (m.groups?.['title'] ?? m[0]);
      // (A paper crp-cite has, cited in the aside, is the one the sentence is about.)
      if (asidesClosed && !this.symbols.includes(source) && citedInAside(slice, m.index, m.index + m[0].length)) continue;
      named = source;
      if (where) where.end = start + m.index + m[0].length;
    }
    return named;
  }

  /** Where the first source (`SOURCE_LIKE`) named outside code before `limit` ends; `limit` when none is. */
  private firstSourceNamedBefore(limit: number): number {
    const slice = this.text.slice(0, limit);
    SOURCE_LIKE.lastIndex = 0;
    for (let m = SOURCE_LIKE.exec(slice); m; m = SOURCE_LIKE.exec(slice)) if (!this.inCode(m.index)) return m.index + m[0].length;
    return limit;
  }

  /**
   * The paper `author` was cited for before `offset`, when crp-cite has it: `OIM, op.
   * cit.` after a note that reads `Organización Internacional para las Migraciones (OIM),
   * *Overview …*, documento CRP/43 (Ginebra, 2013)`, the author and a loaded paper's symbol
   * on one line (the last few such lines are looked at).
   */
  private paperOfAuthor(author: string, offset: number): string | undefined {
    let tries = 0;
    for (let at = this.text.lastIndexOf(author, offset - 1); at >= 0 && tries < 8; at = at > 0 ? this.text.lastIndexOf(author, at - 1) : -1) {
      if (/[\p{L}\p{N}]/u.test(this.text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(this.text[at + author.length] ?? '')) continue;
      tries++;
      const lineEnd = this.text.indexOf('\n', at);
      const line = this.text.slice(at, Math.min(lineEnd < 0 ? this.text.length : lineEnd, at + AUTHOR_REACH, offset));
      const paper = this.symbols.find((symbol) => namesSymbol(line, 0, line.length, symbol));
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
  private paperOfBareAt(offset: number, previous?: Citation, end = offset): string | undefined {
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
    return firstWholeSymbol(this.text, this.symbols, offset, this.text.length, (at) => this.inCode(at))?.at ?? this.text.length;
  }

  /** Where the paragraph, list item or table row holding `offset` starts. */
  private paragraphStartBefore(offset: number): number {
    const block = this.blockSpanAt(offset).start;
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
  private lastPaperNamedBefore(offset: number, previous?: Citation): string | undefined {
    const bound = previous && (!previous.short || previous.bare) && previous.symbol !== '' && previous.start < offset ? previous.start : -1;
    let best = -1;
    let paper: string | undefined;
    for (const symbol of this.symbols) {
      for (let at = offset >= symbol.length ? this.text.lastIndexOf(symbol, offset - symbol.length) : -1; at > Math.max(best, bound - 1); at = at > 0 ? this.text.lastIndexOf(symbol, at - 1) : -1) {
        if (isWholeSymbol(this.text, at, at + symbol.length) && !this.inCode(at)) {
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
  private noteMentions(): NoteMentions {
    if (this.noteMentionsFound) return this.noteMentionsFound;
    const end = this.nextPaperMentionAfter(0);
    const mentions: NoteMentions = { at: [], papers: [], firstSymbol: end };
    const calls: NoteCall[] = [];
    for (let at = this.text.indexOf('[^'); at >= 0 && at < end; at = this.text.indexOf('[^', at + 2)) {
      const call = noteCallAt(this.text, at);
      if (call && !this.inCode(at)) calls.push(call);
    }
    const definitions = calls.length === 0 ? undefined : noteDefinitions(this, new Set(calls.map((c) => c.label)));
    for (const call of calls) {
      const definition = definitions!.get(call.label);
      const paper = definition && firstWholeSymbol(this.text, this.symbols, definition.start, definition.end)?.symbol;
      if (paper === undefined) continue;
      mentions.at.push(call.start);
      mentions.papers.push(paper);
    }
    return (this.noteMentionsFound = mentions);
  }


  /**
   * Where the short forms right after `offset` end: they take their paper from what comes
   * before them, so an edit before them may change what they cite, up to the next full
   * citation. `offset` when the next citation is a full one, or there is none.
   */
  shortFormsEndAfter(offset: number): number {
    let end = offset;
    this.parseUpTo(offset + 1);
    for (let k = this.blockIndexAt(offset); k < this.blocks.length; k++) {
      let full = false;
      // Spans are enough: nothing is unpacked (a block may hold 100,000 citations on one line).
      let fullStart = Number.POSITIVE_INFINITY;
      const spanOnly = (start: number, citationEnd: number, chained: boolean) => {
        if (full || start < offset) return false;
        if (chained) end = citationEnd;
        else [full, fullStart] = [true, start];
        return false;
      };
      const block = this.blocks[k]!;
      this.eachCitationOf(block, () => undefined, spanOnly);
      // `Ibid., p. 30` is said or not as a short form is read: of the paper before it.
      for (const u of block.unread ?? NO_UNREAD) if (u.short && block.start + u.start >= offset && block.start + u.start < fullStart) end = Math.max(end, block.start + u.end);
      if (full) break;
      if (k === this.blocks.length - 1) this.parseUpTo(this.blocks[k]!.start + this.blocks[k]!.length + 1);
    }
    return end;
  }

  /**
   * Gives the short forms among `citations` (in order, from one span of the draft) their
   * paper. Returns whether a reference without a symbol is among them: one may cite nothing.
   */
  private resolveShortForms(citations: Citation[]): boolean {
    const first = citations.findIndex((c) => c.short);
    if (first < 0) return false;
    let previous = first > 0 ? citations[first - 1] : this.citationBefore(citations[first]!.start);
    let bare = false;
    for (let k = first; k < citations.length; k++) {
      previous = this.after(citations[k]!, previous);
      bare ||= citations[k]!.bare === true;
    }
    return bare;
  }

  /**
   * What looks like a citation in `[start, end)` but is not one the grammar reads
   * (`CRP/43, p. 3`), with document offsets; the whole draft without arguments. After a
   * short form (`Ibid., p. 30`), only when it is of a loaded paper, which it names.
   */
  unreadIn(start = 0, end = Number.POSITIVE_INFINITY): UnreadReference[] {
    this.parseUpTo(end);
    const out: UnreadReference[] = [];
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) {
      const block = this.blocks[k]!;
      if (!block.unread) this.eachCitationOf(block, () => undefined, () => false);
      for (const u of block.unread ?? NO_UNREAD) {
        const moved = shiftUnread(u, block.start);
        if (moved.end < start || moved.start >= end) continue;
        if (moved.short) {
          const paper = this.paperCitedAt(moved.start, false);
          if (paper === undefined) continue;
          moved.symbol = paper;
        }
        out.push(moved);
      }
    }
    // (Sorted with those of the blocks: both are in text order, block by block.)
    const unnamed = this.unnamedPaperIn(start, end);
    return unnamed.length === 0 ? out : [...out, ...unnamed].sort((a, b) => a.start - b.start);
  }

  /** Where a loaded paper is first named: its symbol standing alone outside code, or a note called that names it (`noteMentionsUpTo`); the text's length when none is. */
  firstPaperMention(): number {
    if (this.firstMention === undefined) {
      const mentions = this.noteMentions();
      this.firstMention = mentions.at[0] ?? mentions.firstSymbol;
    }
    return this.firstMention;
  }

  /**
   * References without a symbol in `[start, end)` before the draft names any paper, in a
   * draft that names one further down (`Para. 23 and para. 24` at the top of an e-mail
   * thread whose older messages name CRP/43): they cite no paper, and that is said rather
   * than passed over. Not after another text's name (`A/68/190 … para. 12`): that text's.
   */
  unnamedPaperIn(start: number, end: number): UnreadReference[] {
    // (An island does not know what the text before it names.)
    if (this.before) return [];
    const first = this.firstPaperMention();
    if (first >= this.text.length || start >= first) return [];
    const symbol = this.symbols.find((s) => this.text.startsWith(s, first)) ?? this.noteMentions().papers[0]!;
    // The references after the first source named are that source's, or cite nothing silently.
    const to = Math.min(end, first, (this.firstSource ??= this.firstSourceNamedBefore(first)));
    const out: UnreadReference[] = [];
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k]!.start < to; k++) {
      const inBlock: Citation[] = [];
      this.eachCitationOf(this.blocks[k]!, (c) => inBlock.push(c));
      if (!inBlock.some((c) => c.bare)) continue;
      this.resolveShortForms(inBlock);
      for (const c of inBlock) {
        if (!c.bare || c.symbol !== '' || c.start < start || c.start >= to) continue;
        out.push({ symbol, start: c.start, end: c.end, written: this.text.slice(c.start, c.end), kind: 'unnamedPaper' });
      }
    }
    return out;
  }

  /**
   * The paper a short form starting at `offset` would cite, or, `bare`, a reference
   * without a symbol (`Citation.bare`), if any: what `Ibid., p. 30` is said of, and what
   * completion offers after a mark alone.
   */
  paperCitedAt(offset: number, bare: boolean): string | undefined {
    const c: Citation = { symbol: '', symbolStart: offset, symbolEnd: offset, items: [], short: true, start: offset, end: offset };
    if (bare) c.bare = true;
    return this.resolveShortForm(c, this.citationBefore(offset)).symbol || undefined;
  }

  /** The citation containing `offset` (or ending just before it), if any. */
  citationAt(offset: number): Citation | undefined {
    this.parseUpTo(offset + 1);
    const k = this.blockIndexAt(offset);
    const containing = (s: number, e: number) => offset >= s && offset <= e;
    for (const index of [k, k - 1]) {
      const block = this.blocks[index];
      if (!block) continue;
      let found: Citation | undefined;
      this.eachCitationOf(block, (c) => (found ??= c), containing);
      if (!found) continue;
      if (!found.short) return found;
      const resolved = this.resolveShortForm(found, this.citationBefore(found.start));
      return citesAPaper(resolved) ? resolved : undefined;
    }
    return undefined;
  }

  /**
   * Whether `offset` is inside code: a fenced or indented code block, or a code span. A
   * silencing comment quoted there (a guide showing how to silence) silences nothing.
   */
  inCode(offset: number): boolean {
    if (offset < 0 || offset >= this.text.length) return false;
    this.parseUpTo(offset + 1);
    const block = this.blocks[this.blockIndexAt(offset)]!;
    const local = offset - block.start;
    // Asked for every paper named near a short form or a reference without a symbol, most
    // often in the same block as the last time.
    if (this.codeOf?.block !== block) {
      const masked = maskedLinesOf(block, this.text);
      this.codeOf = {
        block,
        lines: block.codeLines ? lineStarts(normalizeLineEnds(this.text.slice(block.start, block.start + block.length))) : undefined,
        spans: masked.includes('`') ? inlineRanges(masked, true) : undefined,
      };
    }
    const { lines, spans } = this.codeOf;
    if (lines && block.codeLines) {
      const line = lineAt(lines, local);
      if (block.codeLines.some(([a, b]) => line >= a && line < b)) return true;
    }
    if (!spans) return false;
    for (let k = 0; k < spans.length; k += 2) if (local >= spans[k]! && local < spans[k + 1]!) return true;
    return false;
  }

  /** The top-level block holding `offset`: `[start, end)`. */
  blockSpanAt(offset: number): { start: number; end: number } {
    this.parseUpTo(offset + 1);
    const block = this.blocks[this.blockIndexAt(offset)]!;
    return { start: block.start, end: block.start + block.length };
  }

  /** The prose around `offset` with code and links blanked: the completion context. */
  proseAround(offset: number): { prose: string; start: number } {
    this.parseUpTo(offset + 1);
    const block = this.blocks[this.blockIndexAt(offset)]!;
    if (this.prose?.block !== block) this.prose = { block, prose: proseOf(block, this.text) };
    return { prose: this.prose.prose, start: block.start };
  }

  get blockCount(): number {
    this.parseUpTo(Number.POSITIVE_INFINITY);
    return this.blocks.length;
  }
}

/**
 * Whether the source named at `[start, end)` of `text` is cited in an aside closed before
 * the text's end, with its own pinpoint: `la note 2 (voir aussi A/68/190, par. 86) et la
 * note 3`, where the note after the aside is the paper's the sentence is about. Not
 * `the Declaration (resolution 68/4) is key (para. 3)`: that aside names the text only.
 */
function citedInAside(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('(', start);
  if (open < 0 || text.lastIndexOf(')', start) > open) return false;
  const close = text.indexOf(')', end);
  if (close < 0 || text.lastIndexOf('(', close) > open) return false;
  return /\d/.test(text.slice(end, close));
}

/** Between a citation and the end of its block, for it to lead the block after (`leadAfterCitation`): closing brackets and a full stop. */
const LEAD_TO_END = /^[)\]]+\.?$/;
/**
 * Between a citation and the colon that ends its block, for it to lead the block after
 * (`leadOf`): closing brackets, or the rest of its sentence and one more (`Señala el
 * documento en su párrafo 6 que … . El GRULAC hace suyos los tres mensajes que allí se
 * destacan:`).
 */
const LEAD_TO_COLON = /^[\s)\]]*(?:[,\s][^.;!?:]{0,200}(?:[.!?]\s[^.;!?:]{0,120})?)?:$/;

/** Whether `[from, to)` of `text` may name a sub-paragraph alone or the same paragraph, of a citation before it. */
function namesParagraphBefore(text: string, from: number, to: number): boolean {
  return mayNameSubParagraphAlone(from === 0 && to === text.length ? text : text.slice(from, to)) || mayNameSameParagraph(text, from, to);
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

/** How far after a reference without a symbol a footnote call in its sentence may stand to give its paper (`paperOfNoteCalledLaterIn`). */
const CALL_REACH = 400;
/** A blank line (a paragraph's end) in a span. */
const BLANK_LINE = /\n[ \t>]*\r?\n/;

/** A line that starts a list item or a table row. */
const PARAGRAPH_START = /^[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/;

/** Whether a citation cites a paper: all do but a reference without a symbol that follows none, or another text's (`Citation.bare`). */
function citesAPaper(c: Citation): boolean {
  return !(c.bare && c.symbol === '');
}

/** How far back from a short form a paper's symbol is looked for (see `resolveShortForm`). */
export const SHORT_FORM_REACH = 20_000;

/**
 * A source a short form may repeat, as the UN and IOM name them: a document symbol
 * (`CRP/43`, `A/68/190`, `MC/INF/312`, `S/RES/2240 (2015)`'s `S/RES/2240`), a resolution
 * or decision by its number, as UN texts cite them (`General Assembly resolution 68/4`,
 * `la résolution 68/4`, `la decisión 2013/22`, `G.A. Res. 68/4`), or a publication: its title in italics
 * and its imprint with a year (`IOM, *World Migration Report 2013* (Geneva, 2013)`), named
 * by its title (the `title` group), or by its author before `op. cit.` or `loc. cit.` (`Betts, op. cit.`,
 * the `author` group).
 */
const SOURCE_LIKE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/])(?:[A-Z]{1,6}(?:\/[A-Z0-9][A-Za-z0-9.-]*)*\/[0-9][A-Za-z0-9.-]*(?<![.-])|(?:[Rr][eé]solutions?|[Rr][eé]s\.|[Rr]esoluci[oó]n(?:es)?|[Dd][eé]cisions?|[Dd]ecisi[oó]n(?:es)?)[ \u00a0]+\d+\/\d+)(?![\p{L}\p{N}_/])|[*_]{1,2}(?<title>[^*_\n]{3,120}?)[*_]{1,2}[ \u00a0]*\([^()\n]{0,80}?\b(?:1[89]|20)\d\d\)|(?<![\p{L}\p{N}_])(?<author>${AUTHOR_NAME}),?[ \u00a0]+(?:op|loc)\.[ \u00a0]?cit\.`,
  'gu',
);

function shiftUnread(u: UnreadReference, by: number): UnreadReference {
  return { ...u, start: u.start + by, end: u.end + by, ...(u.fix ? { fix: { ...u.fix, start: u.fix.start + by, end: u.fix.end + by } } : {}) };
}

/**
 * Moves every offset of a citation just read from a block's prose by `by` (the block's
 * start), in place: nothing else holds it yet, and a copy of every citation of every
 * draft was a sixth of what reading closed drafts allocated. A letter-only item's
 * `inherits` is, as the grammar makes it, the token of another reference of the same
 * citation (`inheritableAfter`, `parseSubFirst`), moved with that one, not twice; as
 * unpacked (packedCitations.ts), a token of its own, moved here.
 */
export function moveCitation(c: Citation, by: number): Citation {
  if (by === 0) return c;
  for (const item of c.items) {
    moveReference(c, item.from, by);
    if (item.to) moveReference(c, item.to, by);
    moveSpan(item, by);
  }
  if (c.mark) moveSpan(c.mark, by);
  c.symbolStart += by;
  c.symbolEnd += by;
  // (A resolved `Ibid.` alone, moved into or out of an island: a copy, whose `repeats` is its own.)
  if (c.repeats) moveCitation(c.repeats, by);
  return moveSpan(c, by);
}

function moveSpan<T extends { start: number; end: number }>(t: T, by: number): T {
  t.start += by;
  t.end += by;
  return t;
}

function moveReference(c: Citation, r: Reference, by: number): void {
  if (r.number) moveSpan(r.number, by);
  if (r.inherits && !c.items.some((item) => item.from.number === r.inherits || item.to?.number === r.inherits)) moveSpan(r.inherits, by);
  if (r.sub) moveSpan(r.sub, by);
  if (r.note) moveSpan(r.note, by);
  moveSpan(r, by);
}

/** Citations of a whole text in one pass (the CLI and tests). */
export function citationsOfText(text: string, symbols: readonly string[]): Citation[] {
  return new DraftIndex(text, symbols, { keepCitations: false }).citations();
}

/**
 * Reads a few lines with every kind of construct the grammar and the block parser know,
 * and so has V8 compile their patterns: the grammar's case-insensitive Unicode ones are
 * compiled on first use, some 40 ms together, which the first hover after opening a
 * draft paid. The server calls it while idle after start-up.
 */
export function warmUp(symbols: readonly string[]): void {
  for (const s of symbols) {
    const sample = [
      `# Heading\n\nSee ${s} §6(a), ${s} §§11–12 and ${s}, para. 9, 10 & 12 (${s} ¶ 4).`,
      `Paragraphs 14 to 16 of document ${s}; le paragraphe 9 du document ${s}; ${s}, par. 24 a) et c).`,
      `Subparagraph (b) of paragraph 5 of ${s}, note 2; Ibid., párr. 7; ${s}, p. 3; ${s} §six.`,
      `> “a quotation”\n\n- ${s}, nota 2\n\n| a | ${s}, fn. 1 |\n|---|---|\n\n\`${s} §1\` <!-- ${s} §2 -->`,
    ].join('\n');
    const draft = new DraftIndex(sample, symbols, { keepCitations: false });
    draft.citations();
    draft.unreadIn();
  }
}
