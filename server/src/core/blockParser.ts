/**
 * markdown-it, through its public API, for the block structure of drafts (draft/blockList.ts
 * needs only that: its block pass costs a fifth of its inline pass, which it never runs).
 */
import type MarkdownIt from 'markdown-it';

type BlockState = Parameters<MarkdownIt['block']['tokenize']>[0];

const FOOTNOTE_LABEL = /^\[\^[^\]\s]+\]:/;

/**
 * A footnote definition (`[^1]: Ibid., para. 7.`, GitHub's and markdown-it-footnote's
 * syntax) is prose to the writer, and where UN-style drafts put their references.
 * CommonMark alone reads `[^1]: Ibid.` as a link reference definition, whose text is no
 * prose: read here, before the reference rule, as a paragraph running to the next blank
 * line, with the paragraphs indented under it.
 */
function footnoteDefinition(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  // Tried at every line of a paragraph (as what may end it): `[^` first, without a slice.
  if (state.src.charCodeAt(start) !== 0x5b /* [ */ || state.src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
  if (!FOOTNOTE_LABEL.test(state.src.slice(start, state.eMarks[startLine]))) return false;
  if (silent) return true;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next)) next++;
  // Its further paragraphs, indented by four (`[^1]: …` ⏎⏎ `    La publication …`), as
  // markdown-it-footnote, GitHub and pandoc read them: the note's, not code.
  for (;;) {
    let after = next;
    while (after < endLine && state.isEmpty(after)) after++;
    if (after === next || after >= endLine || state.sCount[after]! - state.blkIndent < 4) break;
    next = after + 1;
    while (next < endLine && !state.isEmpty(next)) next++;
  }
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.map = [startLine, next];
  inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = next;
  return true;
}

/**
 * markdown-it as CommonMark with HTML, and footnote definitions read as prose. Only its
 * block pass is used (`md.block.parse(text, md, env, tokens)`): see blocks.ts.
 */
export function createBlockParser(): MarkdownIt {
  // Required here, on the first draft, not imported: the bundle then evaluates markdown-it
  // (its entity tables, linkify, punycode) after `initialize` is answered, not before
  // (28 ms of start-up, measured).
  const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass('default', { html: true });
  md.block.ruler.before('reference', 'footnote_definition', footnoteDefinition, { alt: ['paragraph', 'reference'] });
  return md;
}
