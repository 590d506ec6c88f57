/**
 * Where citations can be in a Markdown draft, kept current edit by edit.
 *
 * Block structure (fenced and indented code, HTML blocks, reference definitions) comes
 * from markdown-it's block parser, which follows CommonMark. Inline exclusions inside
 * prose (code spans, HTML comments and tags, link destinations, autolinks) are found by
 * a small scanner that follows CommonMark's rules for them: markdown-it's inline tokens
 * carry no source offsets, and its inline pass costs five times its block pass.
 *
 * The draft is cut into top-level blocks. An edit re-parses only the blocks it touches
 * (plus one on each side, and more when a fence or comment is left open), so a keystroke
 * in a 5 MB draft costs a few blocks, not the whole text. Each block's citations are
 * computed lazily and kept with offsets relative to the block, so shifting the blocks
 * after an edit never touches them.
 */
import type Token from 'markdown-it/lib/token.mjs';
import { createBlockParser } from './blockParser';
import { findCitations, MAY_HOLD_SHORT_FORM, type Citation, type UnreadReference } from './grammar';
import { lineAt, lineStarts } from './lines';
import { NO_CITATIONS, packCitations, unpackCitations } from './packedCitations';

const md = createBlockParser();

interface Block {
  /** Offset of the block's first character in the draft. */
  start: number;
  length: number;
  /** Offset just past the block's last parsed line; what follows up to `length` is blank or a definition. */
  contentLength: number;
  /** Line ranges (relative to the block) of code or HTML nested in the block, or the whole block. */
  excludedLines: Array<[number, number]>;
  /** Those of `excludedLines` that are code (fenced or indented), not HTML; absent when none. */
  codeLines?: Array<[number, number]>;
  /** The block is a fence or HTML block the window's end cut off (unterminated). */
  open: boolean;
  /** Citations with offsets relative to `start`, packed (see packedCitations.ts); found on first use. */
  citations?: Int32Array;
  /** What looks like a citation but is not read, offsets relative to `start`; found with the citations, kept even when they are not (few, and rare). */
  unread?: readonly UnreadReference[];
}

const NO_UNREAD: readonly UnreadReference[] = [];

/**
 * markdown-it's block parser expects `\n` line ends (its `parse` normalizes, its block
 * pass does not). Replacing `\r\n` by ` \n` and a lone `\r` by `\n` keeps every offset.
 */
function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')) : text;
}


const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Parses `text` (a run of whole lines) into blocks whose offsets start at `base`. */
function parseBlocks(raw: string, base: number): Block[] {
  const text = normalizeLineEnds(raw);
  const tokens: Token[] = [];
  md.block.parse(text, md, {}, tokens);
  const starts = lineStarts(text);
  const offsetOfLine = (line: number) => (line < starts.length ? starts[line]! : text.length);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let currentStartLine = 0;
  for (const token of tokens) {
    if (!token.map) continue;
    const [first, last] = token.map;
    if (token.level === 0 && !token.type.endsWith('_close')) {
      const startOffset = offsetOfLine(first);
      if (current) current.length = startOffset - (current.start - base);
      else if (first > 0) {
        // Lines before the first block: blank lines or reference definitions.
        blocks.push({ start: base, length: startOffset, contentLength: 0, excludedLines: [[0, first]], open: false });
      }
      current = { start: base + startOffset, length: 0, contentLength: offsetOfLine(last) - startOffset, excludedLines: [], open: false };
      currentStartLine = first;
      blocks.push(current);
    }
    if (!current) continue;
    const isCode = token.type === 'fence' || token.type === 'code_block';
    if (isCode || token.type === 'html_block') {
      const lines: [number, number] = [first - currentStartLine, last - currentStartLine];
      current.excludedLines.push(lines);
      if (isCode) (current.codeLines ??= []).push(lines);
      if (last >= starts.length - (text.endsWith('\n') ? 1 : 0)) {
        current.open = token.type === 'fence' ? !FENCE_CLOSE.test(text.slice(offsetOfLine(last - 1), offsetOfLine(last)).replace(/\r?\n$/, '')) || last - first < 2
          : token.type === 'html_block' && token.content.startsWith('<!--') && !token.content.includes('-->');
      }
    }
    const end = offsetOfLine(last) - (current.start - base);
    if (end > current.contentLength) current.contentLength = end;
  }
  if (current) current.length = text.length - (current.start - base);
  else blocks.push({ start: base, length: text.length, contentLength: 0, excludedLines: [[0, starts.length]], open: false });
  return blocks;
}

/** Whether the block ends in a reference definition not followed by a blank line. */
function endsInDefinition(block: Block, text: string): boolean {
  if (block.contentLength >= block.length) return false;
  const tail = text.slice(block.start + block.contentLength, block.start + block.length).replace(/(?:\r\n?|\n)$/, '');
  return /\S/.test(tail.slice(Math.max(tail.lastIndexOf('\n'), tail.lastIndexOf('\r')) + 1));
}

/** Adds `[start, end)` to `ranges` (kept sorted by the callers' left-to-right scans). */
function blank(ranges: number[], start: number, end: number): void {
  if (end > start) ranges.push(start, end);
}

const NOT_A_LINE_BREAK = /[^\r\n]/g;

/**
 * What code, comments, tags and link destinations become in prose: not a space, which
 * the grammar would skip, reading `CRP/43 `x` §9` as a citation across a code span.
 */
export const BLANK = '\u0000';

/**
 * `text` with every range in `ranges` (flat `[start, end, ...]`) replaced by `BLANK`,
 * line breaks kept, so offsets and lines stay. Builds the result from slices: a
 * character array of a whole block costs ten times more, and most of a block is kept.
 */
function blanked(text: string, ranges: number[]): string {
  if (ranges.length === 0) return text;
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < ranges.length; k += 2) pairs.push([ranges[k]!, Math.min(ranges[k + 1]!, text.length)]);
  pairs.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of pairs) {
    const from = Math.max(a, at);
    if (b <= from) continue;
    parts.push(text.slice(at, from), text.slice(from, b).replace(NOT_A_LINE_BREAK, BLANK));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The longest tag, autolink or link destination looked for; longer ones stay prose. */
const MAX_INLINE_CONSTRUCT = 2048;

/**
 * Blanks inline code spans, HTML comments and tags, link destinations and autolinks in a
 * run of prose (`codeOnly`: code spans alone, the others still read so that a backtick
 * inside a comment opens nothing). Code spans follow CommonMark: a run of n backticks
 * opens a span closed by the next run of exactly n; an unmatched run is literal text.
 */
function blankInline(ranges: number[], text: string, from: number, to: number, codeOnly = false): void {
  const blankOther = codeOnly ? () => undefined : blank;
  const unclosedLengths = new Set<number>();
  let closers: Int32Array | undefined;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      let closed = -1;
      // Once a run of n found no closer up to the end, no later run of n will: skipping
      // the search keeps a line of unmatched backticks linear instead of quadratic.
      if (!unclosedLengths.has(n)) {
        let j = text.indexOf('`', i + n);
        while (j >= 0 && j < to) {
          let m = 1;
          while (text[j + m] === '`') m++;
          if (m === n) {
            closed = j + m;
            break;
          }
          j = text.indexOf('`', j + m);
        }
        if (closed < 0) unclosedLengths.add(n);
      }
      if (closed < 0) {
        i += n;
      } else {
        blank(ranges, i, closed);
        i = closed;
      }
    } else if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const end = close < 0 || close >= to ? to : close + 3;
        blankOther(ranges, i, end);
        i = end;
      } else {
        // Tags and autolinks are short; bounding the look-ahead keeps `<a <a <a ...` linear.
        const m = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?)>/.exec(text.slice(i, Math.min(to, i + MAX_INLINE_CONSTRUCT)));
        if (m) {
          blankOther(ranges, i, i + m[0].length);
          i += m[0].length;
        } else i++;
      }
    } else if (c === ']' && text[i + 1] === '(') {
      // A link destination and title: up to the parenthesis matching the one at i + 1.
      // Scanning forward from every `](` cost O(n·2048) on a 900 KB run of `](((` (the
      // robustness suite's pathological inputs): the matches of a whole run are found
      // once, in one pass, instead. The run holds no blank line, so none can interrupt.
      closers ??= matchingParentheses(text, from, to);
      const j = closers[i + 1 - from]!;
      if (j >= 0 && j < Math.min(to, i + MAX_INLINE_CONSTRUCT)) {
        blankOther(ranges, i + 1, j + 1);
        i = j + 1;
      } else i += 2;
    } else {
      i++;
    }
  }
}

/**
 * For each `(` in `text[from, to)`, the offset of its matching `)` (-1 when unmatched),
 * indexed from `from`; backslash-escaped parentheses do not count.
 */
function matchingParentheses(text: string, from: number, to: number): Int32Array {
  const closers = new Int32Array(to - from).fill(-1);
  const open: number[] = [];
  for (let j = from; j < to; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '(') open.push(j);
    else if (c === ')' && open.length > 0) closers[open.pop()! - from] = j;
  }
  return closers;
}

/** Characters that may start an inline exclusion (see `blankInline`). */
const INLINE_EXCLUSION = /[`<\]]/;

/** The block's own text with its excluded lines (code, HTML) and what follows its content blanked. */
function maskedLinesOf(block: Block, text: string): string {
  const own = normalizeLineEnds(text.slice(block.start, block.start + block.length));
  const lineRanges: number[] = [];
  if (block.excludedLines.length > 0) {
    const starts = lineStarts(own);
    const offsetOfLine = (line: number) => (line < starts.length ? starts[line]! : own.length);
    for (const [a, b] of block.excludedLines) blank(lineRanges, offsetOfLine(a), offsetOfLine(b));
  }
  blank(lineRanges, block.contentLength, own.length);
  return blanked(own, lineRanges);
}

/** The inline ranges `blankInline` finds in `masked`, each paragraph scanned alone (inline constructs never cross a blank line). */
function inlineRanges(masked: string, codeOnly: boolean): number[] {
  const ranges: number[] = [];
  let runStart = 0;
  const blankLine = /\n[ \t]*\r?\n/g;
  for (let m = blankLine.exec(masked); ; m = blankLine.exec(masked)) {
    const runEnd = m ? m.index + 1 : masked.length;
    blankInline(ranges, masked, runStart, runEnd, codeOnly);
    if (!m) break;
    runStart = m.index + m[0].length;
  }
  return ranges;
}

/** The block's text with everything that cannot hold a citation blanked out. */
function proseOf(block: Block, text: string): string {
  const masked = maskedLinesOf(block, text);
  // Most prose has no backtick, angle bracket or link: nothing more to blank.
  if (!INLINE_EXCLUSION.test(masked)) return masked;
  return blanked(masked, inlineRanges(masked, false));
}

/** Whether the block names a paper at all: most blocks do not, and skip the masking. */
function mayCite(block: Block, text: string, symbols: readonly string[]): boolean {
  const own = text.slice(block.start, block.start + block.length);
  return symbols.some((s) => own.includes(s)) || MAY_HOLD_SHORT_FORM.test(own);
}

/** markdown-it's HTML blocks that blank lines do not end (html_blocks.mjs, types 1 to 5): start, end. */
const RAW_HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

const LINE_BREAK = /\r\n?|\n/g;

const isLetter = (c: string) => /^\p{L}$/u.test(c);

/**
 * The start of the last line in `[from, upTo]` known, without parsing, to start a
 * top-level block: parsing afresh from there finds the blocks a parse from the start
 * finds. `from` must be such a place (a block's start). -1 when none is known.
 *
 * Such a line follows a blank line and starts at its first column with a letter or `#`
 * (so it cannot continue a list, a quote or indented code, or be a fence or HTML), and
 * is not inside a fenced code block or an HTML block that blank lines do not end (a
 * comment, `<pre>`...). Those can only open at the top level on a line that starts at its
 * first column (one indented 1 to 3 spaces may be inside a list item): they are followed
 * line by line, as markdown-it's rules follow them. The scan gives up at anything it
 * cannot place for certain: a fence or one of those HTML blocks indented 1 to 3 spaces,
 * or opening in a run of lines (after the last blank line or block end) where one
 * started with `<` or `[` (the fence may be inside an HTML block that ends at the next
 * blank line, or a reference definition's title).
 */
export function lastBlockStartBefore(text: string, from: number, upTo: number): number {
  let found = -1;
  let fence: { marker: number; length: number } | undefined;
  let html: RegExp | undefined;
  let afterBlank = false;
  // The run since the last blank line has a line starting with `<` or `[`.
  let doubtful = false;
  LINE_BREAK.lastIndex = from;
  for (let pos = from; pos <= upTo && pos < text.length; ) {
    const m = LINE_BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const next = m ? m.index + m[0].length : text.length;
    let first = pos;
    let indent = 0;
    for (; first < lineEnd; first++) {
      const c = text.charCodeAt(first);
      if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4 - (indent % 4);
      else break;
    }
    const blank = first === lineEnd;
    const c = text[first];
    if (fence) {
      // markdown-it's closing fence: up to 3 spaces, as many markers or more, then spaces.
      if (!blank && indent < 4 && text.charCodeAt(first) === fence.marker) {
        let end = first;
        while (end < lineEnd && text.charCodeAt(end) === fence.marker) end++;
        if (end - first >= fence.length && /^[ \t]*$/.test(text.slice(end, lineEnd))) {
          fence = undefined;
          doubtful = false;
        }
      }
    } else if (html) {
      if (html.test(text.slice(pos, lineEnd))) {
        html = undefined;
        doubtful = false;
      }
    } else if (blank) {
      doubtful = false;
    } else if (indent < 4) {
      const line = text.slice(first, lineEnd);
      const fenceLength = c === '`' || c === '~' ? /^(`{3,}|~{3,})/.exec(line)?.[0].length : undefined;
      const isFence = fenceLength !== undefined && !(c === '`' && line.indexOf('`', fenceLength) >= 0);
      const raw = c === '<' ? RAW_HTML_BLOCKS.find(([start]) => start.test(line)) : undefined;
      if (isFence || raw) {
        if (indent > 0 || doubtful) return found;
        if (isFence) fence = { marker: text.charCodeAt(first), length: fenceLength! };
        else if (!raw![1].test(line)) html = raw![1];
      } else if (c === '<' || c === '[') doubtful = true;
      else if (indent === 0 && afterBlank && (c === '#' || isLetter(c!))) found = pos;
    }
    afterBlank = blank && !fence && !html;
    if (!m) break;
    pos = next;
  }
  return found;
}

/** Characters parsed per step when a request needs more of the draft (then whole lines). */
export const PARSE_CHUNK = 64 * 1024;

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
  /** See `around`. */
  private island: { draft: DraftIndex; base: number } | undefined;

  constructor(
    private text: string,
    private readonly symbols: readonly string[],
    /**
     * `chunk`: characters parsed per step; `far`: see `around` (tests use tiny ones);
     * `keepCitations: false` for an index asked once (the CLI, the workspace index's
     * reading of a closed draft), which would only pay for packing them.
     */
    options: { chunk?: number; far?: number; keepCitations?: boolean } = {},
    /** For an island (see `around`): the citation before its text, asked only when a short form needs it. */
    private readonly citationBeforeText?: () => Citation | undefined,
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
    const island = new DraftIndex(this.text.slice(start), this.symbols, { chunk: this.chunk, far: this.far, keepCitations: this.keep }, () => this.citationBefore(start));
    this.island = { draft: island, base: start };
    return this.island;
  }

  /** Replaces the whole text (a full-document sync). */
  replaceAll(text: string): void {
    this.island = undefined;
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
    let last = Math.min(blocks.length - 1, this.blockIndexAt(end) + 1);
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
  private eachCitationOf(block: Block, fn: (citation: Citation) => void, wanted?: (start: number, end: number, short: boolean) => boolean): void {
    if (block.citations) {
      unpackCitations(block.citations, this.text, this.symbols, block.start, fn, wanted);
      return;
    }
    if (!mayCite(block, this.text, this.symbols)) {
      block.citations = NO_CITATIONS;
      block.unread = NO_UNREAD;
      return;
    }
    const prose = proseOf(block, this.text);
    const unread: UnreadReference[] = [];
    const found = findCitations(prose, this.symbols, 0, prose.length, unread);
    block.unread = unread.length > 0 ? unread : NO_UNREAD;
    if (this.keep) block.citations = packCitations(found, this.symbols);
    for (const c of found) if (!wanted || wanted(block.start + c.start, block.start + c.end, c.short === true)) fn(shift(c, block.start));
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
        if (!c.short) return this.resolveChain(chain);
      }
    }
    return chain.length > 0 ? this.resolveChain(chain) : this.citationBeforeText?.();
  }

  /** Resolves the short forms of `chain` (latest first, ending at a full citation or at the text's start); returns the latest. */
  private resolveChain(chain: Citation[]): Citation {
    let previous = chain[chain.length - 1]!.short ? this.citationBeforeText?.() : undefined;
    for (let j = chain.length - 1; j >= 0; j--) previous = this.resolveShortForm(chain[j]!, previous);
    return previous!;
  }

  /** Every citation in the draft, with document offsets: the same array until the next edit (do not modify it). */
  citations(): Citation[] {
    if (this.all) return this.all;
    this.parseUpTo(Number.POSITIVE_INFINITY);
    const all: Citation[] = [];
    let previous: Citation | undefined;
    for (const block of this.blocks) this.eachCitationOf(block, (c) => all.push((previous = this.resolveShortForm(c, previous))));
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
    for (const block of this.blocks) this.eachCitationOf(block, (c) => fn((previous = this.resolveShortForm(c, previous))));
  }

  /** The citations touching `[start, end)` (one that ends at `start` counts): what one screen or one edit touches. */
  citationsIn(start: number, end: number): Citation[] {
    this.parseUpTo(end);
    const all: Citation[] = [];
    const touching = (s: number, e: number) => e >= start && s < end;
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) this.eachCitationOf(this.blocks[k]!, (c) => all.push(c), touching);
    this.resolveShortForms(all);
    return all;
  }

  /**
   * A short form given the paper of the citation before it (`previous`, itself resolved):
   * `Ibid., para. 7` cites 7 of that paper; `Ibid.` alone repeats its references. Returns
   * `c`, which is the `previous` of the next citation; a full citation is returned as is.
   *
   * A symbol written between them is the paper the writer last named: a known one
   * (`CRP/43 was adopted … Ibid., para. 7`) is it; an unknown one (`A/68/190, para. 12 …
   * Ibid.`) means the short form is of a paper crp-cite does not have, and it cites
   * nothing rather than the wrong paper. Looked for within `SHORT_FORM_REACH` characters.
   */
  private resolveShortForm(c: Citation, previous: Citation | undefined): Citation {
    if (!c.short) return c;
    const from = Math.max(previous && previous.end <= c.start ? previous.end : 0, c.start - SHORT_FORM_REACH);
    let named: string | undefined;
    if (c.start > from) {
      SYMBOL_LIKE.lastIndex = from;
      for (let m = SYMBOL_LIKE.exec(this.text); m && m.index + m[0].length <= c.start; m = SYMBOL_LIKE.exec(this.text)) {
        // A symbol quoted in code is no paper the writer cites.
        if (!this.inCode(m.index)) named = m[0];
      }
    }
    if (named !== undefined && !this.symbols.includes(named)) {
      c.symbol = '';
      c.unknownPaper = named;
      return c;
    }
    c.symbol = named ?? previous?.symbol ?? '';
    if (c.items.length === 0 && previous && named === undefined) c.repeats = previous.repeats ?? previous;
    return c;
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
      const spanOnly = (start: number, citationEnd: number, short: boolean) => {
        if (full || start < offset) return false;
        if (short) end = citationEnd;
        else full = true;
        return false;
      };
      this.eachCitationOf(this.blocks[k]!, () => undefined, spanOnly);
      if (full) break;
      if (k === this.blocks.length - 1) this.parseUpTo(this.blocks[k]!.start + this.blocks[k]!.length + 1);
    }
    return end;
  }

  /** Gives the short forms among `citations` (in order, from one span of the draft) their paper. */
  private resolveShortForms(citations: Citation[]): void {
    const first = citations.findIndex((c) => c.short);
    if (first < 0) return;
    let previous = first > 0 ? citations[first - 1] : this.citationBefore(citations[first]!.start);
    for (let k = first; k < citations.length; k++) previous = this.resolveShortForm(citations[k]!, previous);
  }

  /**
   * What looks like a citation in `[start, end)` but is not one the grammar reads
   * (`CRP/43, p. 3`), with document offsets; the whole draft without arguments.
   */
  unreadIn(start = 0, end = Number.POSITIVE_INFINITY): UnreadReference[] {
    this.parseUpTo(end);
    const out: UnreadReference[] = [];
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k]!.start < end; k++) {
      const block = this.blocks[k]!;
      if (!block.unread) this.eachCitationOf(block, () => undefined, () => false);
      for (const u of block.unread ?? NO_UNREAD) {
        const moved = shiftUnread(u, block.start);
        if (moved.end >= start && moved.start < end) out.push(moved);
      }
    }
    return out;
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
      if (found) return found.short ? this.resolveShortForm(found, this.citationBefore(found.start)) : found;
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
    if (block.codeLines) {
      const starts = lineStarts(normalizeLineEnds(this.text.slice(block.start, block.start + block.length)));
      const line = lineAt(starts, local);
      if (block.codeLines.some(([a, b]) => line >= a && line < b)) return true;
    }
    const masked = maskedLinesOf(block, this.text);
    if (!masked.includes('`')) return false;
    const ranges = inlineRanges(masked, true);
    for (let k = 0; k < ranges.length; k += 2) if (local >= ranges[k]! && local < ranges[k + 1]!) return true;
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

/** How far back from a short form a paper's symbol is looked for (see `resolveShortForm`). */
const SHORT_FORM_REACH = 20_000;

/** A document symbol as the UN and IOM write them: `CRP/43`, `A/68/190`, `MC/INF/312`, `S/RES/2240 (2015)`'s `S/RES/2240`. */
const SYMBOL_LIKE = /(?<![\p{L}\p{N}_/])[A-Z]{1,6}(?:\/[A-Z0-9][A-Za-z0-9.-]*)*\/[0-9][A-Za-z0-9.-]*(?<![.-])(?![\p{L}\p{N}_/])/gu;

function shiftUnread(u: UnreadReference, by: number): UnreadReference {
  return { ...u, start: u.start + by, end: u.end + by, ...(u.fix ? { fix: { ...u.fix, start: u.fix.start + by, end: u.fix.end + by } } : {}) };
}

/** A copy of a citation with every offset moved by `by`. */
export function shift(c: Citation, by: number): Citation {
  if (by === 0) return c;
  // What spreading the optional fields in would build, without the temporary objects:
  // the CLI shifts every citation of every draft once.
  type Ref = Citation['items'][number]['from'];
  type Item = Citation['items'][number];
  const ref = (r: Ref): Ref => {
    // Fields in the grammar's order (as packedCitations.ts unpacks them).
    const out = {} as Ref;
    if (r.number) out.number = { ...r.number, start: r.number.start + by, end: r.number.end + by };
    // A letter-only list item's paragraph (`(b)` in `§6(a) and (b)`): every Reference field must move.
    if (r.inherits) out.inherits = { ...r.inherits, start: r.inherits.start + by, end: r.inherits.end + by };
    if (r.sub) out.sub = { ...r.sub, start: r.sub.start + by, end: r.sub.end + by };
    if (r.note) out.note = { ...r.note, start: r.note.start + by, end: r.note.end + by };
    out.start = r.start + by;
    out.end = r.end + by;
    return out;
  };
  const items: Item[] = [];
  for (const item of c.items) {
    const from = ref(item.from);
    items.push(item.to ? { from, to: ref(item.to), start: item.start + by, end: item.end + by } : { from, start: item.start + by, end: item.end + by });
  }
  // Fields in the grammar's order; `repeats` is filled in later, by the index.
  const out = { symbol: c.symbol, symbolStart: c.symbolStart + by, symbolEnd: c.symbolEnd + by } as Citation;
  if (c.mark) out.mark = { ...c.mark, start: c.mark.start + by, end: c.mark.end + by };
  out.items = items;
  if (c.short) out.short = true;
  out.start = c.start + by;
  out.end = c.end + by;
  return out;
}

/** Citations of a whole text in one pass (the CLI and tests). */
export function citationsOfText(text: string, symbols: readonly string[]): Citation[] {
  return new DraftIndex(text, symbols, { keepCitations: false }).citations();
}
