/**
 * The panel's search, pure so it is unit-tested: a query is numbers and words; a
 * paragraph matches when its number starts with one of the numbers (as completion does:
 * `2` finds 2 and 20–27) and its whole text (lead-in, sub-paragraphs, footnotes) holds
 * every word, ignoring case and accents. Also splits text into segments for highlighting.
 */
import { foldAccents } from '../../../../server/src/core/fold';
import { markSpelling } from '../../../../server/src/core/grammar';
import type { OutlineParagraph } from '../../../../server/src/protocol';

export interface Query {
  numbers: string[];
  /** Normalized (lower case, no accents). */
  words: string[];
}

export interface Segment {
  text: string;
  /** Part of a search match. */
  match: boolean;
  /** Inside `*...*` (the paper's italics). */
  em: boolean;
}

/** `CRP/43 §6 human rights` → numbers [6], words [human, rights]; the symbol and marks are ignored. */
export function parseQuery(input: string): Query {
  const numbers: string[] = [];
  const words: string[] = [];
  const cleaned = input.replace(/[A-Z]+\/\d+/g, ' ');
  for (const raw of cleaned.split(/[\s§,;:"“”«»]+/)) {
    // `6(a)` is a number; other parentheses are punctuation around a word.
    const token = /^\d+\([a-z]\)$/.test(raw) ? raw : raw.replace(/[()]/g, '');
    if (token === '') continue;
    const number = /^(\d+)(?:\([a-z]\))?$/.exec(token);
    if (number) numbers.push(String(Number(number[1])));
    // A mark the grammar reads (`para.`, `párrafos`) says nothing about which paragraph.
    else if (!markSpelling(token)) words.push(foldAccents(token));
  }
  return { numbers, words };
}

export function isEmpty(query: Query): boolean {
  return query.numbers.length === 0 && query.words.length === 0;
}

export interface ParagraphMatch {
  matches: boolean;
  /** Letters of sub-paragraphs whose text holds one of the words. */
  subParagraphs: string[];
  /** Numbers of footnotes whose text holds one of the words. */
  footnotes: number[];
}

export function matchParagraph(p: OutlineParagraph, query: Query): ParagraphMatch {
  const none: ParagraphMatch = { matches: false, subParagraphs: [], footnotes: [] };
  if (query.numbers.length > 0 && !query.numbers.some((n) => String(p.number).startsWith(n))) return none;
  const notes = [...p.footnotes, ...p.subParagraphs.flatMap((s) => s.footnotes)];
  const whole = foldAccents([p.text, ...p.subParagraphs.map((s) => s.text), ...notes.map((f) => f.text)].join('\n'));
  if (!query.words.every((w) => whole.includes(w))) return none;
  const has = (text: string) => query.words.length > 0 && query.words.some((w) => foldAccents(text).includes(w));
  return {
    matches: true,
    subParagraphs: p.subParagraphs.filter((s) => has(s.text)).map((s) => s.letter),
    footnotes: notes.filter((f) => has(f.text)).map((f) => f.number),
  };
}

/** Marks where `words` occur in `text` (accent- and case-insensitively), as segments. */
export function highlight(text: string, words: readonly string[]): Array<{ text: string; match: boolean }> {
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(i)!);
    const f = foldAccents(c);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += c.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const w of words) {
    if (w === '') continue;
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
      const start = origin[at]!;
      const lastOrigin = origin[at + w.length - 1]!;
      const end = lastOrigin + String.fromCodePoint(text.codePointAt(lastOrigin)!).length;
      for (let i = start; i < end; i++) marked[i] = true;
    }
  }
  const segments: Array<{ text: string; match: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else segments.push({ text: text[i]!, match: marked[i]! });
  }
  return segments;
}

/** Highlighted segments of a text whose `*...*` spans are italics (the asterisks dropped). */
export function richText(text: string, words: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  text.split(/(\*[^*\n]+\*)/).forEach((part, i) => {
    const em = i % 2 === 1;
    for (const s of highlight(em ? part.slice(1, -1) : part, words)) if (s.text !== '') segments.push({ ...s, em });
  });
  return segments;
}

/** Fills `{{name}}` placeholders of a translated template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
