/**
 * markdown-it's block parser alone, configured as `new MarkdownIt('default', { html: true })`
 * configures it. The index only ever needs block structure (see markdown.ts), and the
 * full markdown-it also brings its inline parser, renderer and linkify-it.
 *
 * The block rules use four things of the `md` instance: `options`, `block`, `helpers`
 * (reference definitions) and `normalizeLink`/`validateLink` (a definition with a
 * `javascript:` destination is not one). The last two are markdown-it's own, copied.
 */
import type MarkdownIt from 'markdown-it';
import ParserBlock from 'markdown-it/lib/parser_block.mjs';
import * as helpers from 'markdown-it/lib/helpers/index.mjs';
import * as mdurl from 'mdurl';
import punycode from 'punycode.js';

const RECODE_HOSTNAME_FOR = ['http:', 'https:', 'mailto:'];
const BAD_PROTO_RE = /^(vbscript|javascript|file|data):/;
const GOOD_DATA_RE = /^data:image\/(gif|png|jpeg|webp);/;

export function normalizeLink(url: string): string {
  const parsed = mdurl.parse(url, true);
  if (parsed.hostname && (!parsed.protocol || RECODE_HOSTNAME_FOR.includes(parsed.protocol))) {
    try {
      parsed.hostname = punycode.toASCII(parsed.hostname);
    } catch {
      /* as markdown-it: keep the hostname */
    }
  }
  return mdurl.encode(mdurl.format(parsed));
}

export function validateLink(url: string): boolean {
  const str = url.trim().toLowerCase();
  return BAD_PROTO_RE.test(str) ? GOOD_DATA_RE.test(str) : true;
}

type BlockState = Parameters<ParserBlock['tokenize']>[0];

const FOOTNOTE_LABEL = /^\[\^[^\]\s]+\]:/;

/**
 * A footnote definition (`[^1]: Ibid., para. 7.`, GitHub's and markdown-it-footnote's
 * syntax) is prose to the writer, and where UN-style drafts put their references.
 * CommonMark alone reads `[^1]: Ibid.` as a link reference definition, whose text is no
 * prose: read here, before the reference rule, as a paragraph running to the next blank line.
 */
function footnoteDefinition(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!FOOTNOTE_LABEL.test(state.src.slice(start, state.eMarks[startLine]))) return false;
  if (silent) return true;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next)) next++;
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.map = [startLine, next];
  inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = next;
  return true;
}

/** An object the block parser accepts as its `md`: `blockParser.block.parse(text, blockParser, env, tokens)`. */
export function createBlockParser(): MarkdownIt {
  const block = new ParserBlock();
  block.ruler.before('reference', 'footnote_definition', footnoteDefinition, { alt: ['paragraph', 'reference'] });
  const md = {
    options: { html: true, xhtmlOut: false, breaks: false, langPrefix: 'language-', linkify: false, typographer: false, quotes: '\u201c\u201d\u2018\u2019', highlight: null, maxNesting: 100 },
    block,
    helpers: { ...helpers },
    normalizeLink,
    validateLink,
  };
  return md as unknown as MarkdownIt;
}
