/**
 * Where citations are in a Markdown draft, kept current edit by edit: the draft index.
 *
 * The draft is cut into top-level blocks (./blockList.ts, markdown-it's block parser),
 * re-parsed only around each edit; citations are read in each block's prose (core/prose.ts
 * blanks code, comments, tags and link destinations), lazily, and kept packed with
 * offsets relative to the block, so shifting the blocks after an edit never touches them:
 * a keystroke in a 5 MB draft costs a few blocks, not the whole text. A block may take
 * the paragraph of what it names alone from the citation ending the block before (its
 * lead). Short forms and references without a symbol get their paper from the text before
 * them (./papersNamed.ts). A request far into a draft not parsed that far starts an island
 * index where core/blockStarts.ts proves a block starts (`around`).
 */
import { lastBlockStartBefore } from '../blockStarts';
import { normalizeLineEnds, type Block } from '../blocks';
import { findCitations, mayNameSameParagraph, mayNameSubParagraphAlone, type Citation, type UnreadReference } from '../grammar';
import { lineAt, lineStarts } from '../lines';
import { NO_CITATIONS, packCitations, unpackCitations } from '../packedCitations';
import { FRONT_MATTER_REACH, inlineRanges, isMarpDeck, maskedLinesOf, mayCite, proseOf } from '../prose';
import { BlockList, PARSE_CHUNK } from './blockList';
import { moveCitation, shiftUnread } from './moveCitation';
import { citesAPaper, PapersNamed, type TextBefore } from './papersNamed';

const NO_UNREAD: readonly UnreadReference[] = [];

/** How far past the parsed text a request must be for `around` to start a parse nearer to it. */
const FAR = 4 * PARSE_CHUNK;

/** How many blocks back an island's start may move for a block that takes a lead from the one before (`around`). */
const ISLAND_LEAD_TRIES = 4;

/**
 * A Markdown draft and its citations, updated incrementally. Not tied to LSP: the server,
 * the CLI and the benchmark all use it.
 */
export class DraftIndex {
  private readonly blockList: BlockList;
  /** Cache of `citations()`, until the next edit. */
  private all: Citation[] | undefined;
  private reparsed: { start: number; end: number } | undefined;

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
  /** What the text names (`papers`), until the next edit. */
  private papersNamed: PapersNamed | undefined;
  /** The draft is a Marp deck, whose HTML comments are presenter notes, read as prose (`proseOf`); an island has it from its draft (`presenterNotes`). */
  private notesRead: boolean;

  constructor(
    text: string,
    private readonly symbols: readonly string[],
    /**
     * `chunk`: characters parsed per step; `far`: see `around` (tests use tiny ones);
     * `keepCitations: false` for an index asked once (the CLI, the workspace index's
     * reading of a closed draft), which would only pay for packing them.
     */
    private readonly options: { chunk?: number; far?: number; keepCitations?: boolean; presenterNotes?: boolean } = {},
    /** For an island (see `around`): what the text before it gives short forms and references without a symbol near its start. */
    private readonly before?: TextBefore,
  ) {
    this.blockList = new BlockList(text, Math.max(1, options.chunk ?? PARSE_CHUNK));
    this.far = Math.max(1, options.far ?? FAR);
    this.keep = options.keepCitations ?? true;
    this.notesRead = options.presenterNotes ?? isMarpDeck(text);
  }

  getText(): string {
    return this.blockList.text;
  }

  private get text(): string {
    return this.blockList.text;
  }

  private get blocks(): readonly Block[] {
    return this.blockList.blocks;
  }

  /** What the text names, for the paper of short forms and references without a symbol. */
  private papers(): PapersNamed {
    return (this.papersNamed ??= new PapersNamed(this, this.symbols, this.before));
  }

  /** Forgets what was read from the text before an edit. */
  private forget(): void {
    this.all = undefined;
    this.reparsed = undefined;
    this.island = undefined;
    this.papersNamed = undefined;
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
    const parsedTo = this.blockList.parsedTo;
    if (parsedTo >= this.text.length || offset < parsedTo + this.far) {
      if (parsedTo > (this.island?.base ?? Number.POSITIVE_INFINITY)) this.island = undefined;
      return { draft: this, base: 0 };
    }
    if (this.island && offset >= this.island.base) return this.island;
    let start = lastBlockStartBefore(this.text, parsedTo, offset);
    // The island's first block may take a lead from the block before it (`mayTakeLeadFrom`),
    // which the island does not see: then it starts a block earlier (or there is none).
    for (let tries = 0; start > parsedTo && this.mayTakeLeadFrom(start); tries++) {
      if (tries === ISLAND_LEAD_TRIES) return { draft: this, base: 0 };
      start = lastBlockStartBefore(this.text, parsedTo, start - 1);
    }
    if (start <= parsedTo) return { draft: this, base: 0 };
    const island = new DraftIndex(this.text.slice(start), this.symbols, { ...this.options, presenterNotes: this.notesRead }, this.contextAt(start));
    this.island = { draft: island, base: start };
    return this.island;
  }

  /**
   * For an index of the text from `start` on: the citation before it, in its offsets
   * (before its text: negative), and the paper named last before it, so that a short form
   * or a reference without a symbol there takes the paper this index would give it.
   */
  contextAt(start: number): TextBefore {
    return {
      citation: () => {
        const c = this.citationBefore(start);
        return c && moveCitation(structuredClone(c), -start);
      },
      named: (from: number) => this.papers().namedBetween(Math.max(0, from + start), start),
      referenceCitingNothing: (from: number) => {
        const where = { end: 0 };
        this.papers().namedBetween(Math.max(0, from + start), start, false, where);
        return this.papers().referenceCitingNothingIn(Math.max(0, from + start, where.end), start);
      },
      lastPaper: () => this.papers().lastPaperNamedBefore(start),
    };
  }

  /** Replaces the whole text (a full-document sync). */
  replaceAll(text: string): void {
    this.forget();
    this.blockList.replaceAll(text);
    if (!this.before) this.notesRead = isMarpDeck(text);
  }

  /**
   * Replaces `[start, end)` with `replacement`, re-parsing only the blocks it can affect
   * (`BlockList.applyEdit`). `result`, when the caller already has the edited text, saves
   * building it again.
   */
  applyEdit(start: number, end: number, replacement: string, result?: string): void {
    this.forget();
    this.reparsed = this.blockList.applyEdit(start, end, replacement, result, (at, length) => this.mayTakeLeadFrom(at, length));
    // An edit to the front matter may make the draft a Marp deck or not: every comment's
    // prose changes, and every block is read again.
    if (!this.before && start < FRONT_MATTER_REACH && isMarpDeck(this.text) !== this.notesRead) this.replaceAll(this.text);
  }

  /**
   * The text the last `applyEdit` parsed again, in offsets after it: every citation
   * outside it is the one found before the edit (moved by the edit's length change).
   * Undefined when that edit left blocks to be parsed later, or after `replaceAll`.
   */
  get lastReparsed(): { start: number; end: number } | undefined {
    return this.reparsed;
  }

  /**
   * Whether the block `[start, start + length)` (of a length not known yet: any) may take a lead from the block before it:
   * that block ends on a colon, or on a closing bracket (and a full stop) and this one names
   * a sub-paragraph alone or the same paragraph (`eachCitationOf`).
   */
  private mayTakeLeadFrom(start: number, length?: number): boolean {
    const end = this.endOfTextBefore(start);
    const last = this.text[end - 1];
    if (last === ':') return true;
    // (Its length unknown, as for an island's first block, whatever it names.)
    return (last === ')' || (last === '.' && this.text[end - 2] === ')')) && (length === undefined || namesParagraphBefore(this.text, start, start + length));
  }

  /**
   * Calls `fn` with each citation of the block (those whose span `wanted` accepts), with
   * document offsets: found in the block's prose the first time, and kept packed to be
   * unpacked afresh the next times. (`wanted` is told whether the citation is a short form
   * that takes its paper from the citation before it: `Ibid.`, not a reference without a
   * symbol.)
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
    const prose = proseOf(block, this.text, this.notesRead);
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

  /** Where the text before `block` ends (`endOfTextBefore`). */
  private endBefore(block: Block): number {
    return this.endOfTextBefore(block.start);
  }

  /**
   * Where the text before `offset` ends, blank lines and comments on lines of their own
   * left out: a comment between a citation and what takes its paragraph (`- … ¶24 c)` ⏎⏎
   * `<!-- TODO: ask LEG -->` ⏎⏎ `The list in sub-paragraphs (a) to (c) …`) says nothing to
   * the reader of the draft.
   */
  private endOfTextBefore(offset: number): number {
    const text = this.text;
    let end = offset;
    for (;;) {
      while (end > 0 && /\s/.test(text[end - 1]!)) end--;
      if (!text.endsWith('-->', end)) return end;
      const open = text.lastIndexOf('<!--', end - 3);
      if (open < 0 || text.indexOf('-->', open + 4) !== end - 3 || !/(?:^|\n)[ \t]{0,3}$/.test(text.slice(Math.max(0, open - 4), open))) return end;
      end = open;
    }
  }

  /** The last citation of the block before `block`, in `block`'s offsets, when `between` is what stands from it to `end`. */
  private lastCitationBefore(block: Block, end: number, between: RegExp): Citation | undefined {
    const k = this.blockList.indexAt(block.start);
    if (k === 0 || this.blocks[k] !== block || end === 0) return undefined;
    // (The block that holds `end`: past the comments between, `endOfTextBefore`.)
    const before = this.blocks[Math.min(k - 1, this.blockList.indexAt(end - 1))]!;
    let last: Citation | undefined;
    this.eachCitationOf(before, (c) => (last = c));
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
    this.blockList.parseUpTo(offset);
    // Short forms back to the nearest full citation, which they all take their paper from.
    const chain: Citation[] = [];
    for (let k = Math.min(this.blockList.indexAt(offset), this.blocks.length - 1); k >= 0; k--) {
      const inBlock: Citation[] = [];
      this.eachCitationOf(this.blocks[k]!, (c) => inBlock.push(c), (start) => start < offset);
      for (let j = inBlock.length - 1; j >= 0; j--) {
        const c = inBlock[j]!;
        // A reference without a symbol takes its paper from no citation before it: resolved
        // here, it starts the chain; one that cites nothing is passed over, as `citations()`
        // passes it over.
        if (c.bare) {
          if (citesAPaper(this.papers().resolveShortForm(c, undefined))) return this.resolveChain(chain, c);
          continue;
        }
        chain.push(c);
        if (!c.short) return this.resolveChain(chain);
      }
    }
    return chain.length > 0 ? this.resolveChain(chain) : this.before?.citation();
  }

  /**
   * Resolves the short forms of `chain` (latest first, ending at a full citation or at the
   * text's start), after `resolved` (a reference without a symbol already resolved) when
   * given; returns the latest.
   */
  private resolveChain(chain: Citation[], resolved?: Citation): Citation | undefined {
    const first = chain[chain.length - 1];
    let previous = resolved ?? (first?.short ? this.before?.citation() : undefined);
    for (let j = chain.length - 1; j >= 0; j--) previous = this.after(chain[j]!, previous);
    return previous;
  }

  /**
   * `c` resolved (see `resolveShortForm`), when it cites a paper: the `previous` of the
   * citation after it; else `previous` (a reference without a symbol that cites nothing
   * is no citation, and does not carry another text's name on to what follows).
   */
  private after(c: Citation, previous: Citation | undefined): Citation | undefined {
    const resolved = this.papers().resolveShortForm(c, previous);
    return citesAPaper(resolved) ? resolved : previous;
  }

  /** Every citation in the draft, with document offsets: the same array until the next edit (do not modify it). */
  citations(): Citation[] {
    if (this.all) return this.all;
    this.blockList.parseUpTo(Number.POSITIVE_INFINITY);
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
    this.blockList.parseUpTo(Number.POSITIVE_INFINITY);
    let previous: Citation | undefined;
    for (const block of this.blocks)
      this.eachCitationOf(block, (c) => {
        previous = this.after(c, previous);
        if (previous === c) fn(c);
      });
  }

  /** The citations touching `[start, end)` (one that ends at `start` counts): what one screen or one edit touches. */
  citationsIn(start: number, end: number): Citation[] {
    this.blockList.parseUpTo(end);
    const all: Citation[] = [];
    const touching = (s: number, e: number) => e >= start && s < end;
    for (let k = this.blockList.indexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) this.eachCitationOf(this.blocks[k]!, (c) => all.push(c), touching);
    return this.resolveShortForms(all) ? all.filter(citesAPaper) : all;
  }

  /**
   * Where the short forms right after `offset` end: they take their paper from what comes
   * before them, so an edit before them may change what they cite, up to the next full
   * citation. `offset` when the next citation is a full one, or there is none.
   */
  shortFormsEndAfter(offset: number): number {
    let end = offset;
    this.blockList.parseUpTo(offset + 1);
    for (let k = this.blockList.indexAt(offset); k < this.blocks.length; k++) {
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
      // (`párrafos 19 y siguientes` starts with its reference, a span above.)
      for (const u of block.unread ?? NO_UNREAD) if (u.short && block.start + u.start >= offset && block.start + u.start < fullStart) end = Math.max(end, block.start + u.end);
      if (full) break;
      if (k === this.blocks.length - 1) this.blockList.parseUpTo(this.blocks[k]!.start + this.blocks[k]!.length + 1);
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
    this.blockList.parseUpTo(end);
    const out: UnreadReference[] = [];
    for (let k = this.blockList.indexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) {
      const block = this.blocks[k]!;
      if (!block.unread) this.eachCitationOf(block, () => undefined, () => false);
      for (const u of block.unread ?? NO_UNREAD) {
        const moved = shiftUnread(u, block.start);
        if (moved.end < start || moved.start >= end) continue;
        if (moved.short || moved.bare) {
          const paper = this.paperCitedAt(moved.start, moved.bare === true);
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

  /** Where a loaded paper is first named: its symbol standing alone outside code, or a note called that names it; the text's length when none is. */
  firstPaperMention(): number {
    return this.papers().firstPaperMention();
  }

  /**
   * Where the next loaded paper's symbol stands alone after `offset`, outside code: the
   * references without a symbol up to there take their paper from before it. The text's
   * length when there is none.
   */
  nextPaperMentionAfter(offset: number): number {
    return this.papers().nextPaperMentionAfter(offset);
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
    const symbol = this.symbols.find((s) => this.text.startsWith(s, first)) ?? this.papers().noteMentions().papers[0]!;
    // The references after the first source named are that source's, or cite nothing silently.
    const to = Math.min(end, first, this.papers().firstSourceBeforeFirstMention());
    const out: UnreadReference[] = [];
    for (let k = this.blockList.indexAt(start); k < this.blocks.length && this.blocks[k]!.start < to; k++) {
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
    return this.papers().resolveShortForm(c, this.citationBefore(offset)).symbol || undefined;
  }

  /** The citation containing `offset` (or ending just before it), if any. */
  citationAt(offset: number): Citation | undefined {
    this.blockList.parseUpTo(offset + 1);
    const k = this.blockList.indexAt(offset);
    const containing = (s: number, e: number) => offset >= s && offset <= e;
    for (const index of [k, k - 1]) {
      const block = this.blocks[index];
      if (!block) continue;
      let found: Citation | undefined;
      this.eachCitationOf(block, (c) => (found ??= c), containing);
      if (!found) continue;
      if (!found.short) return found;
      const resolved = this.papers().resolveShortForm(found, this.citationBefore(found.start));
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
    this.blockList.parseUpTo(offset + 1);
    const block = this.blocks[this.blockList.indexAt(offset)]!;
    const local = offset - block.start;
    // Asked for every paper named near a short form or a reference without a symbol, most
    // often in the same block as the last time.
    if (this.codeOf?.block !== block) {
      const masked = maskedLinesOf(block, this.text, this.notesRead);
      this.codeOf = {
        block,
        lines: block.codeLines ? lineStarts(normalizeLineEnds(this.text.slice(block.start, block.start + block.length))) : undefined,
        spans: masked.includes('`') ? inlineRanges(masked, true, this.notesRead) : undefined,
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
    this.blockList.parseUpTo(offset + 1);
    const block = this.blocks[this.blockList.indexAt(offset)]!;
    return { start: block.start, end: block.start + block.length };
  }

  /** The prose around `offset` with code and links blanked: the completion context. */
  proseAround(offset: number): { prose: string; start: number } {
    this.blockList.parseUpTo(offset + 1);
    const block = this.blocks[this.blockList.indexAt(offset)]!;
    if (this.prose?.block !== block) this.prose = { block, prose: proseOf(block, this.text, this.notesRead) };
    return { prose: this.prose.prose, start: block.start };
  }

  get blockCount(): number {
    this.blockList.parseUpTo(Number.POSITIVE_INFINITY);
    return this.blocks.length;
  }
}


/** Between a citation and the end of its block, for it to lead the block after (`leadAfterCitation`): closing brackets and a full stop, or nothing after a letter's bracket (`- … ¶24 c)`). */
const LEAD_TO_END = /^[)\]]*\.?$/;
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
