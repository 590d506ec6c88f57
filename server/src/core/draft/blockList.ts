/**
 * A draft's top-level blocks, kept current edit by edit: markdown-it's block structure
 * (core/blocks.ts) parsed on demand, a chunk at a time, and re-parsed only in a window
 * around each edit. Knows nothing of citations; `DraftIndex` reads them block by block.
 */
import { endsInDefinition, parseBlocks, type Block } from '../blocks';

/** Characters parsed per step when a request needs more of the draft (then whole lines). */
export const PARSE_CHUNK = 64 * 1024;

export class BlockList {
  /** The parsed blocks, covering `[0, parsedTo)`. */
  readonly blocks: Block[] = [];
  /**
   * Where the text not parsed yet starts: a block's start, or the text's end. Blocks are
   * parsed on demand, a chunk at a time, so opening a large draft costs nothing until
   * a request needs a place in it, and then only the text up to that place.
   */
  parsedTo = 0;

  constructor(
    public text: string,
    /** Characters parsed per step (tests use tiny ones). */
    private readonly chunk = PARSE_CHUNK,
  ) {}

  /** Replaces the whole text (a full-document sync). */
  replaceAll(text: string): void {
    this.text = text;
    this.blocks.length = 0;
    this.parsedTo = 0;
  }

  /** Parses on until the blocks cover `[0, upTo)` (or the whole text). */
  parseUpTo(upTo: number): void {
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
   * `mayTakeLeadFrom(start, length)`: whether the block there (in the edited text) may
   * read something of the block before it, and so must be parsed again with it.
   * Returns the text parsed again, in offsets after the edit: every block outside it is
   * the one parsed before (moved by the edit's length change). Undefined when the edit
   * left blocks to be parsed later instead.
   */
  applyEdit(start: number, end: number, replacement: string, result: string | undefined, mayTakeLeadFrom: (start: number, length: number) => boolean): { start: number; end: number } | undefined {
    start = Math.max(0, Math.min(start, this.text.length));
    end = Math.max(start, Math.min(end, this.text.length));
    const delta = replacement.length - (end - start);
    const complete = this.parsedTo >= this.text.length;
    this.text = result ?? this.text.slice(0, start) + replacement + this.text.slice(end);
    const blocks = this.blocks;
    if (blocks.length === 0) return undefined;
    if (!complete && start >= this.parsedTo) {
      // Beyond the parsed blocks, but the last one's end may depend on the edited text.
      this.truncate(Math.max(0, blocks.length - 1));
      return undefined;
    }
    // The window: from the block before the edit to the block after it, in old offsets.
    let first = Math.max(0, this.indexAt(start) - 1);
    // A reference definition closing the block before, with no blank line after it, may
    // take the window's first lines as its title (`[r]: /u` then `(see ...)` on the next
    // lines): start the window before it. Found by the edit-vs-fresh property test.
    while (first > 0 && endsInDefinition(blocks[first - 1]!, this.text)) first--;
    const edited = this.indexAt(end);
    let last = Math.min(blocks.length - 1, edited + 1);
    // A block may take the paragraph of what it names alone from the citation that ends the
    // block before (`leadOf`, `leadAfterCitation`): the window's last block, parsed again,
    // may have changed it, so the block after it is parsed again when it may take it.
    while (last > edited && last + 1 < blocks.length && mayTakeLeadFrom(blocks[last + 1]!.start + delta, blocks[last + 1]!.length)) last++;
    for (;;) {
      const windowStart = blocks[first]!.start;
      const oldEnd = blocks[last]!.start + blocks[last]!.length;
      const newEnd = oldEnd + delta;
      const atEnd = last === blocks.length - 1;
      // The window reaches text not parsed yet: drop it and the blocks after it instead,
      // and parse them again when needed.
      if (atEnd && !complete) {
        this.truncate(first);
        return undefined;
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
      this.parsedTo = complete ? this.text.length : this.parsedTo + delta;
      return { start: windowStart, end: newEnd };
    }
  }

  /** Forgets the blocks from `first` on (before an edit, so their starts still hold). */
  truncate(first: number): void {
    while (first > 0 && endsInDefinition(this.blocks[first - 1]!, this.text)) first--;
    this.parsedTo = first < this.blocks.length ? this.blocks[first]!.start : this.parsedTo;
    this.blocks.length = first;
  }

  /** The index of the block holding `offset` (among those parsed). */
  indexAt(offset: number): number {
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
}
