/**
 * Line arithmetic shared by the index, the checks and the CLI: where lines start, and
 * which line an offset is on, by binary search (a draft can have 100,000 lines).
 */

/** Offsets at which lines start, after each `\n` (callers normalize `\r` first if they must). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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
