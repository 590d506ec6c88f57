/**
 * A draft's top-level blocks, from markdown-it's block parser (CommonMark): where each
 * starts and ends, and which of its lines are code or HTML that shows no text (a comment,
 * `<pre>`), where no citation is read.
 * core/draft/blockList.ts keeps them current edit by edit; core/prose.ts reads the prose in them.
 */
import type Token from 'markdown-it/lib/token.mjs';
import { createBlockParser } from './blockParser';
import { lineStarts } from './lines';
import type { UnreadReference } from './grammar';

/** Made on the first parse (see blockParser.ts). */
let md: ReturnType<typeof createBlockParser> | undefined;

export interface Block {
  /** Offset of the block's first character in the draft. */
  start: number;
  length: number;
  /** Offset just past the block's last parsed line; what follows up to `length` is blank or a definition. */
  contentLength: number;
  /** Line ranges (relative to the block) of code, or of HTML whose text is no prose (`UNSHOWN_HTML`), nested in the block, or the whole block. */
  excludedLines: Array<[number, number]>;
  /** Those of `excludedLines` that are code (fenced or indented), not HTML; absent when none. */
  codeLines?: Array<[number, number]>;
  /** Those of `excludedLines` that are an HTML comment (`<!-- … -->`), which a Marp deck's presenter notes are (`proseOf`); absent when none. */
  commentLines?: Array<[number, number]>;
  /** The block is a fence or HTML block the window's end cut off (unterminated). */
  open: boolean;
  /** Citations with offsets relative to `start`, packed (see packedCitations.ts); found on first use. */
  citations?: Int32Array;
  /** What looks like a citation but is not read, offsets relative to `start`; found with the citations, kept even when they are not (few, and rare). */
  unread?: readonly UnreadReference[];
}


/**
 * markdown-it's block parser expects `\n` line ends (its `parse` normalizes, its block
 * pass does not). Replacing `\r\n` by ` \n` and a lone `\r` by `\n` keeps every offset.
 */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')) : text;
}


/**
 * An HTML block whose text is no prose: a comment (but a Marp deck's, `commentLines`), a
 * processing instruction, a declaration or CDATA, or `<script>`, `<pre>`, `<style>`,
 * `<textarea>` (CommonMark's HTML blocks of types 1 to 5).
 */
const UNSHOWN_HTML = /^[ \t]*<(?:[!?]|(?:script|pre|style|textarea)(?![A-Za-z0-9-]))/i;

const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Parses `text` (a run of whole lines) into blocks whose offsets start at `base`. */
export function parseBlocks(raw: string, base: number): Block[] {
  const text = normalizeLineEnds(raw);
  const tokens: Token[] = [];
  md ??= createBlockParser();
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
    // An HTML block's text is shown to the reader (`<details>` ⏎ `<summary>… CRP/43 §§ 18–21</summary>`,
    // a table pandoc wrote as HTML): prose, its tags blanked as inline ones are (prose.ts);
    // but not a comment, `<pre>`, `<script>` and the like.
    if (isCode || (token.type === 'html_block' && UNSHOWN_HTML.test(token.content))) {
      const lines: [number, number] = [first - currentStartLine, last - currentStartLine];
      current.excludedLines.push(lines);
      if (isCode) (current.codeLines ??= []).push(lines);
      else if (token.content.trimStart().startsWith('<!--')) (current.commentLines ??= []).push(lines);
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
export function endsInDefinition(block: Block, text: string): boolean {
  if (block.contentLength >= block.length) return false;
  const tail = text.slice(block.start + block.contentLength, block.start + block.length).replace(/(?:\r\n?|\n)$/, '');
  return /\S/.test(tail.slice(Math.max(tail.lastIndexOf('\n'), tail.lastIndexOf('\r')) + 1));
}
