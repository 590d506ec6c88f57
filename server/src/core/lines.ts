/**
 * The one line model of the project, LSP's: `\n`, `\r\n` and a lone `\r` each end a line.
 * Line starts, the line of an offset (by binary search: a draft can have 100,000 lines),
 * and an offset's position. The server's documents (vscode-languageserver-textdocument),
 * the workspace index and the CLI all count lines so; a test holds them to it.
 */

/** Offsets at which lines start: after each `\n`, `\r\n` or lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most drafts have no `\r`: their line breaks are found by a native scan, several times
  // faster than a loop over every character (a check reads 50 MB).
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Zero-based index of the line holding `offset`: the last start at or before it. */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Zero-based line and character (UTF-16 code units, as editors and LSP count) of `offset`. */
export function positionAt(starts: ArrayLike<number>, offset: number): { line: number; character: number } {
  const line = lineAt(starts, offset);
  return { line, character: offset - starts[line]! };
}

/** `text` on one line, for a message or a listing: each run of white space, line breaks included, as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
