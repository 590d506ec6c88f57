/**
 * A draft's own Markdown footnotes (`… “the real work begins now”.[^4]` and, far below,
 * `[^4]: CRP/43, para. 27.`, GitHub's and markdown-it-footnote's syntax): where UN-style
 * reports put the citation of what they quote. A note's calls and its definition may be
 * pages apart; these find one from the other, with native searches for the label (most
 * drafts hold no `[^` at all, and a 5 MB one is searched in well under a millisecond).
 *
 * A definition is read as blockParser.ts reads it: `[^label]:` at a line's start (up to
 * three spaces before it), running to the end of its block. The first outside code counts,
 * as markdown-it-footnote keeps the first of two definitions of one label.
 */
import type { DraftIndex } from './draft/draftIndex';

/** A call of a footnote in prose: `[^4]` at `[start, end)`. */
export interface NoteCall {
  label: string;
  start: number;
  end: number;
}

/** A label, as both syntaxes write it: no spaces, no closing bracket. */
const LABEL_SOURCE = '[^\\]\\s]+';
const LABEL = new RegExp(LABEL_SOURCE, 'y');
/** A call (`[^4]`), as a part of other patterns (quotations.ts: a sentence's end, a line's). */
export const NOTE_CALL_SOURCE = `\\[\\^${LABEL_SOURCE}\\]`;

/** The label of a `[^label]` at `at` of `text`, and where it ends (after `]`); undefined when none stands there. */
function labelAt(text: string, at: number): { label: string; end: number } | undefined {
  if (text.charCodeAt(at) !== 0x5b /* [ */ || text.charCodeAt(at + 1) !== 0x5e /* ^ */) return undefined;
  LABEL.lastIndex = at + 2;
  const m = LABEL.exec(text);
  if (!m || text[LABEL.lastIndex] !== ']') return undefined;
  return { label: m[0], end: LABEL.lastIndex + 1 };
}

/** Whether `[^…]` at `at` starts a definition: at a line's start (three spaces at most before it), followed by `:`. */
function startsDefinition(text: string, at: number, end: number): boolean {
  if (text[end] !== ':') return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart <= 3 && /^ *$/.test(text.slice(lineStart, at));
}

/** Every `[^label]` in `[from, to)` of `text`, in order, and whether it starts a definition. */
function* notesIn(text: string, from: number, to: number): Generator<{ label: string; start: number; end: number; definition: boolean }> {
  // Searched in a slice (a view, not a copy): in the whole text, a search for a `[^` that
  // is not there would go on to its end, at every keystroke of a 5 MB draft.
  const part = text.slice(from, to);
  for (let i = part.indexOf('[^'); i >= 0; i = part.indexOf('[^', i + 2)) {
    const at = from + i;
    const found = labelAt(text, at);
    if (found) yield { label: found.label, start: at, end: found.end, definition: startsDefinition(text, at, found.end) };
  }
}

/**
 * Where footnote `label` is defined (the first definition outside code): from its
 * `[^label]:` to the next definition's line or its block's end (definitions one under
 * the other make one block of prose).
 */
export function noteDefinition(draft: DraftIndex, label: string): { start: number; end: number } | undefined {
  const text = draft.getText();
  const head = `[^${label}]:`;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    if (!startsDefinition(text, at, at + head.length - 1) || draft.inCode(at)) continue;
    return definitionFrom(draft, at, at + head.length);
  }
  return undefined;
}

/**
 * `noteDefinition` of each of `labels`, in one pass over the text: many labels are
 * asked at once (`DraftIndex.noteMentionsUpTo`), and a search per label would go
 * through the text again each time.
 */
export function noteDefinitions(draft: DraftIndex, labels: ReadonlySet<string>): Map<string, { start: number; end: number }> {
  const text = draft.getText();
  const found = new Map<string, { start: number; end: number }>();
  for (const note of notesIn(text, 0, text.length)) {
    if (found.size === labels.size) break;
    if (!note.definition || !labels.has(note.label) || found.has(note.label) || draft.inCode(note.start)) continue;
    found.set(note.label, definitionFrom(draft, note.start, note.end + 1));
  }
  return found;
}

/** A definition starting at `at`, its `[^label]:` ending at `headEnd`: to the next definition's line or its block's end. */
function definitionFrom(draft: DraftIndex, at: number, headEnd: number): { start: number; end: number } {
  const text = draft.getText();
  const blockEnd = draft.blockSpanAt(at).end;
  for (const note of notesIn(text, headEnd, blockEnd)) if (note.definition) return { start: at, end: text.lastIndexOf('\n', note.start) + 1 };
  return { start: at, end: blockEnd };
}

/**
 * The label of the footnote definition whose paragraph holds `at` (its `[^label]:` at a
 * line's start, no blank line between, looked for up to `reach` characters back), if any.
 */
export function definitionLabelAround(text: string, at: number, reach = 2000): string | undefined {
  const blank = text.lastIndexOf('\n\n', at);
  let label: string | undefined;
  for (const note of notesIn(text, Math.max(blank + 1, at - reach), at + 1)) if (note.definition) label = note.label;
  return label;
}

/** Where footnote `label` is first called in `text` (code or not: no draft index at hand), or -1. */
export function firstNoteCall(text: string, label: string): number {
  const call = `[^${label}]`;
  for (let at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) if (!startsDefinition(text, at, at + call.length)) return at;
  return -1;
}

/** The calls of footnote `label` outside code, in order. */
export function noteCalls(draft: DraftIndex, label: string): NoteCall[] {
  const text = draft.getText();
  const call = `[^${label}]`;
  const out: NoteCall[] = [];
  for (let at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
    const end = at + call.length;
    if (!startsDefinition(text, at, end) && !draft.inCode(at)) out.push({ label, start: at, end });
  }
  return out;
}

/** The labels of the footnotes called or defined in `[from, to)` of `text`, in code or not (a label too many is only looked up). */
export function labelsIn(text: string, from: number, to: number): Set<string> {
  const labels = new Set<string>();
  for (const note of notesIn(text, from, to)) labels.add(note.label);
  return labels;
}

/**
 * The labels of the footnotes whose definition (`noteDefinition`: the first outside code)
 * starts in `[from, to)` of the draft.
 */
export function labelsDefinedIn(draft: DraftIndex, from: number, to: number): Set<string> {
  const labels = new Set<string>();
  for (const note of notesIn(draft.getText(), from, to)) {
    if (!note.definition || labels.has(note.label)) continue;
    const definition = noteDefinition(draft, note.label);
    if (definition && definition.start >= from && definition.start < to) labels.add(note.label);
  }
  return labels;
}

/** The footnote call starting at `offset` of `text`, if one does. */
export function noteCallAt(text: string, offset: number): NoteCall | undefined {
  const found = labelAt(text, offset);
  return found && !startsDefinition(text, offset, found.end) ? { label: found.label, start: offset, end: found.end } : undefined;
}
