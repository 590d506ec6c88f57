/**
 * Where a top-level block is known to start without parsing what comes before it: what
 * lets a request in the middle of a large draft just opened parse only the blocks around
 * it (DraftIndex.around in core/draft/draftIndex.ts).
 */

/** markdown-it's HTML blocks that blank lines do not end (html_blocks.mjs, types 1 to 5): start, end. */
const RAW_HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/], // a letter of either case, as CommonMark 0.31 and markdown-it 14.3 say
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
