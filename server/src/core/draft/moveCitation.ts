/** Moving a citation's offsets: from a block's prose to the draft, into and out of an island index. */
import type { Citation, Reference, UnreadReference } from '../grammar';

export function shiftUnread(u: UnreadReference, by: number): UnreadReference {
  return { ...u, start: u.start + by, end: u.end + by, ...(u.fix ? { fix: { ...u.fix, start: u.fix.start + by, end: u.fix.end + by } } : {}) };
}

/**
 * Moves every offset of a citation just read from a block's prose by `by` (the block's
 * start), in place: nothing else holds it yet, and a copy of every citation of every
 * draft was a sixth of what reading closed drafts allocated. A letter-only item's
 * `inherits` is, as the grammar makes it, the token of another reference of the same
 * citation (`inheritableAfter`, `parseSubFirst`), moved with that one, not twice; as
 * unpacked (packedCitations.ts), a token of its own, moved here.
 */
export function moveCitation(c: Citation, by: number): Citation {
  if (by === 0) return c;
  for (const item of c.items) {
    moveReference(c, item.from, by);
    if (item.to) moveReference(c, item.to, by);
    moveSpan(item, by);
  }
  if (c.mark) moveSpan(c.mark, by);
  c.symbolStart += by;
  c.symbolEnd += by;
  // (A resolved `Ibid.` alone, moved into or out of an island: a copy, whose `repeats` is its own.)
  if (c.repeats) moveCitation(c.repeats, by);
  return moveSpan(c, by);
}

function moveSpan<T extends { start: number; end: number }>(t: T, by: number): T {
  t.start += by;
  t.end += by;
  return t;
}

function moveReference(c: Citation, r: Reference, by: number): void {
  if (r.number) moveSpan(r.number, by);
  if (r.inherits && !c.items.some((item) => item.from.number === r.inherits || item.to?.number === r.inherits)) moveSpan(r.inherits, by);
  if (r.sub) moveSpan(r.sub, by);
  if (r.note) moveSpan(r.note, by);
  moveSpan(r, by);
}
