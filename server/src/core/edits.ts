/**
 * Edits of a draft, and where offsets and spans of the text before one are after it: the
 * one mapping the checker (what to check again) and the server (which diagnostics moved)
 * both follow.
 */

/** One replacement in a draft, in the offsets of the text before it. */
export interface DraftEdit {
  start: number;
  end: number;
  removed: string;
  inserted: string;
}

/** How much longer the text is after the edit. */
export function lengthChange(edit: DraftEdit): number {
  return edit.inserted.length - (edit.end - edit.start);
}

/** Where the inserted text ends, after the edit. */
export function insertedEnd(edit: DraftEdit): number {
  return edit.start + edit.inserted.length;
}

/** Where an offset that starts something is after the edit: one inside what was replaced goes to its start. */
export function startAfter(offset: number, edit: DraftEdit): number {
  return offset < edit.start ? offset : offset >= edit.end ? offset + lengthChange(edit) : edit.start;
}

/** Where an offset that ends something is after the edit: one inside what was replaced goes to the inserted text's end. */
export function endAfter(offset: number, edit: DraftEdit): number {
  return offset <= edit.start ? offset : offset >= edit.end ? offset + lengthChange(edit) : insertedEnd(edit);
}

/** What `span` (of the text before the edit; none: nothing yet) and the edit's inserted text cover together, after the edit. */
export function touchedAfter(span: { start: number; end: number } | undefined, edit: DraftEdit): { start: number; end: number } {
  if (!span) return { start: edit.start, end: insertedEnd(edit) };
  return { start: Math.min(startAfter(span.start, edit), edit.start), end: Math.max(endAfter(span.end, edit), insertedEnd(edit)) };
}
