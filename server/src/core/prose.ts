/**
 * The prose of a block, where citations are read: its code and HTML lines, and inline
 * code spans, comments, tags, autolinks and link destinations, blanked out by a small
 * scanner that follows CommonMark's rules for them (markdown-it's inline tokens carry no
 * source offsets, and its inline pass costs five times its block pass). Offsets and
 * lines stay those of the draft.
 */
import { normalizeLineEnds, type Block } from './blocks';
import { lineStarts } from './lines';
import { BLANK, MAY_HOLD_SHORT_FORM, mayHoldBareReference, mayHoldLettersOfSameParagraph } from './grammar';

/** Adds `[start, end)` to `ranges` (kept sorted by the callers' left-to-right scans). */
function blank(ranges: number[], start: number, end: number): void {
  if (end > start) ranges.push(start, end);
}

const NOT_A_LINE_BREAK = /[^\r\n]/g;


/**
 * `text` with every range in `ranges` (flat `[start, end, ...]`) replaced by `BLANK`,
 * line breaks kept, so offsets and lines stay. Builds the result from slices: a
 * character array of a whole block costs ten times more, and most of a block is kept.
 */
function blanked(text: string, ranges: number[]): string {
  // Ranges of line breaks alone (most blocks end with one) still make a copy: returning
  // the block's slice of the draft for them raised the benchmark's peak memory from
  // 228–230 to 259–260 MB (A/B), strings cut from such prose keeping drafts alive.
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

/** Characters that may start an inline exclusion (see `blankInline`). */
const INLINE_EXCLUSION = /[`<\]]/;
/** The same, and the backslash that escapes them: what `blankInline` stops at. */
const INLINE_SPECIAL = /[\\`<\]]/g;

/** The longest tag, autolink or link destination looked for; longer ones stay prose. */
const MAX_INLINE_CONSTRUCT = 2048;

/**
 * Blanks inline code spans, HTML comments and tags, link destinations and autolinks in a
 * run of prose (`codeOnly`: code spans alone, the others still read so that a backtick
 * inside a comment opens nothing). Code spans follow CommonMark: a run of n backticks
 * opens a span closed by the next run of exactly n; an unmatched run is literal text.
 */
function blankInline(ranges: number[], text: string, from: number, to: number, codeOnly = false, notesRead = false): void {
  const blankOther = codeOnly ? () => undefined : blank;
  const unclosedLengths = new Set<number>();
  let closers: Int32Array | undefined;
  // From one character that may matter to the next by a native scan (of the run alone:
  // a slice costs no copy), not character by character through the prose between.
  const run = text.slice(from, to);
  let i = from;
  while (i < to) {
    INLINE_SPECIAL.lastIndex = i - from;
    const next = INLINE_SPECIAL.exec(run);
    if (!next) break;
    i = from + next.index;
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
      if (notesRead && text.startsWith('<!--', i)) {
        // A presenter's note: its words are prose, its markers not.
        blankOther(ranges, i, i + 4);
        i += 4;
      } else if (text.startsWith('<!--', i)) {
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

/**
 * The block's own text with its excluded lines (code, HTML; but a presenter's notes when
 * `notesRead`, see `proseOf`) and what follows its content blanked.
 */
export function maskedLinesOf(block: Block, text: string, notesRead = false): string {
  const own = normalizeLineEnds(text.slice(block.start, block.start + block.length));
  const lineRanges: number[] = [];
  if (block.excludedLines.length > 0) {
    const starts = lineStarts(own);
    const offsetOfLine = (line: number) => (line < starts.length ? starts[line]! : own.length);
    for (const [a, b] of block.excludedLines) {
      if (notesRead && block.commentLines?.some(([c, d]) => c === a && d === b)) continue;
      blank(lineRanges, offsetOfLine(a), offsetOfLine(b));
    }
  }
  blank(lineRanges, block.contentLength, own.length);
  return blanked(own, lineRanges);
}

/** The inline ranges `blankInline` finds in `masked`, each paragraph scanned alone (inline constructs never cross a blank line). */
export function inlineRanges(masked: string, codeOnly: boolean, notesRead = false): number[] {
  const ranges: number[] = [];
  let runStart = 0;
  const blankLine = /\n[ \t]*\r?\n/g;
  for (let m = blankLine.exec(masked); ; m = blankLine.exec(masked)) {
    const runEnd = m ? m.index + 1 : masked.length;
    blankInline(ranges, masked, runStart, runEnd, codeOnly, notesRead);
    if (!m) break;
    runStart = m.index + m[0].length;
  }
  return ranges;
}

/**
 * The block's text with everything that cannot hold a citation blanked out. `notesRead`:
 * the draft is a Marp deck (`isMarpDeck`), whose HTML comments are the presenter's notes,
 * read aloud and citing the paper as the slides do: their words are prose, `<!--` and
 * `-->` not.
 */
export function proseOf(block: Block, text: string, notesRead = false): string {
  const masked = maskedLinesOf(block, text, notesRead);
  // Most prose has no backtick, angle bracket or link: nothing more to blank.
  const ranges = INLINE_EXCLUSION.test(masked) ? inlineRanges(masked, false, notesRead) : [];
  if (notesRead) for (let at = masked.indexOf('-->'); at >= 0; at = masked.indexOf('-->', at + 3)) blank(ranges, at, at + 3);
  return blanked(masked, ranges);
}

/** A YAML front matter that makes the draft a Marp deck: `---`, then `marp: true` on a line of its own before the closing `---`. */
const MARP_FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:(?!---[ \t]*\r?\n)[^\n]*\n)*?marp[ \t]*:[ \t]*true[ \t]*\r?\n/;

/** How far into a draft its front matter is looked for (`isMarpDeck`): an edit past it cannot change it. */
export const FRONT_MATTER_REACH = 4096;

/** Whether `text` is a Marp deck (`marp: true` in its front matter), whose HTML comments are presenter notes (`proseOf`). */
export function isMarpDeck(text: string): boolean {
  return text.startsWith('---') || text.startsWith('\uFEFF---') ? MARP_FRONT_MATTER.test(text.slice(0, FRONT_MATTER_REACH)) : false;
}

/** Whether the block may cite a paper at all: most blocks do not, and skip the masking. */
export function mayCite(block: Block, text: string, symbols: readonly string[]): boolean {
  const own = text.slice(block.start, block.start + block.length);
  return symbols.some((s) => own.includes(s)) || MAY_HOLD_SHORT_FORM.test(own) || mayHoldBareReference(own) || mayHoldLettersOfSameParagraph(own);
}
