/**
 * Turns a paper's plain text (as extracted from its PDF) into the structured data the
 * server loads, and into a Markdown rendering that go-to-definition lands in.
 *
 * The text has page-break artefacts: a footnote block printed at the foot of a page
 * interrupts the paragraph that runs across the page break, and paragraphs are split
 * mid-sentence by a blank line where the page broke. The importer rejoins them: a line
 * that is not a paragraph, sub-paragraph, footnote or heading, following a paragraph
 * whose last sentence is unfinished, continues that paragraph.
 */
import type { Footnote, PaperData, Paragraph, Section } from '../server/src/core/corpus';

export interface ImportManifest {
  source: string;
  output: string;
  /** Headings that are the paper's parts (level 1); every other heading is level 2. */
  parts: string[];
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};
const SUPERSCRIPT_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';
const PARAGRAPH_START = /^(\d+)\.\s+(.*)$/;
const SUB_PARAGRAPH_START = /^-\s+\(([a-z])\)\s+(.*)$/;
const FOOTNOTE_START = new RegExp(`^(${SUPERSCRIPT_CLASS}+)\\s+(.*)$`);
/** A bare address on its own line inside a footnote block is the rest of that footnote. */
const FOOTNOTE_CONTINUATION = /^(https?:\/\/|www\.)\S+$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class ImportError extends Error {}

/** A paragraph as it is being read, before lines in the rendering are known. */
interface RawParagraph extends Omit<Paragraph, 'line' | 'subParagraphs'> {
  subs: { letter: string; text: string }[];
}

function superscriptToNumber(marker: string): number {
  return Number([...marker].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join(''));
}

/** Whether a paragraph's text so far ends a sentence (or introduces a list). */
function isFinished(text: string): boolean {
  return /[.:;!?)"”’]$/.test(text.trim());
}

interface Header {
  symbol: string;
  languageNote: string;
  date: string;
  category: string;
  session: string;
  sessionDates: string;
  title: string;
  bodyStart: number;
}

function parseDate(text: string): string {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!) : -1;
  if (!m || month < 0) throw new ImportError(`not a date: "${text}"`);
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/**
 * The cover page: letterhead, symbol, distribution, date, category, session, session
 * dates, then the title twice (once in bold, wrapped; once on one line).
 */
function parseHeader(lines: string[]): Header {
  const nonEmpty = lines.map((text, index) => ({ text: text.trim(), index })).filter((l) => l.text !== '');
  const symbolAt = nonEmpty.findIndex((l) => /^[A-Z]+\/\d+$/.test(l.text));
  if (symbolAt < 0) throw new ImportError('no document symbol (such as CRP/43) on the cover page');
  const field = (offset: number): string => {
    const l = nonEmpty[symbolAt + offset];
    if (!l) throw new ImportError('the cover page ends early');
    return l.text;
  };
  // The bold title block ends with "**"; the one-line title follows it.
  let i = symbolAt + 6;
  while (i < nonEmpty.length && !nonEmpty[i]!.text.endsWith('**')) i++;
  const title = nonEmpty[i + 1];
  if (!title) throw new ImportError('no title after the cover page');
  return {
    symbol: field(0),
    languageNote: field(1),
    date: parseDate(field(2)),
    category: field(3),
    session: field(4),
    sessionDates: field(5),
    title: title.text,
    bodyStart: title.index + 1,
  };
}

export interface ImportResult {
  data: PaperData;
  markdown: string;
}

export function importPaper(sourceText: string, manifest: ImportManifest, renderingName: string): ImportResult {
  const lines = sourceText.replace(/\r\n?/g, '\n').split('\n');
  const header = parseHeader(lines);

  const sections: Omit<Section, 'line'>[] = [];
  const paragraphs: RawParagraph[] = [];
  const footnotes: { number: number; marker: string; text: string }[] = [];
  /** What the next continuation line belongs to. */
  let open: { kind: 'paragraph' | 'sub' } | undefined;
  let inFootnotes = false;

  const current = () => paragraphs[paragraphs.length - 1];
  const appendToOpen = (text: string) => {
    const p = current();
    if (!p || !open) throw new ImportError(`text outside any paragraph: "${text}"`);
    if (open.kind === 'sub') {
      const sub = p.subs[p.subs.length - 1]!;
      sub.text = `${sub.text} ${text}`;
    } else {
      p.text = `${p.text} ${text}`;
    }
  };
  const openText = (): string | undefined => {
    const p = current();
    if (!p || !open) return undefined;
    return open.kind === 'sub' ? p.subs[p.subs.length - 1]!.text : p.text;
  };

  for (const raw of lines.slice(header.bodyStart)) {
    const line = raw.trim();
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = FOOTNOTE_START.exec(line))) {
      footnotes.push({ number: superscriptToNumber(m[1]!), marker: m[1]!, text: m[2]! });
      inFootnotes = true;
      continue;
    }
    if (inFootnotes && FOOTNOTE_CONTINUATION.test(line)) {
      const f = footnotes[footnotes.length - 1]!;
      f.text = `${f.text} ${line}`;
      continue;
    }
    inFootnotes = false;
    if ((m = PARAGRAPH_START.exec(line))) {
      const number = Number(m[1]);
      const previous = current();
      if (previous && number !== previous.number + 1) {
        throw new ImportError(`paragraph ${number} follows paragraph ${previous.number}`);
      }
      if (sections.length === 0) throw new ImportError(`paragraph ${number} comes before any heading`);
      paragraphs.push({ number, text: m[2]!, section: sections.length - 1, subs: [] });
      open = { kind: 'paragraph' };
      continue;
    }
    if ((m = SUB_PARAGRAPH_START.exec(line))) {
      const p = current();
      if (!p) throw new ImportError(`sub-paragraph (${m[1]}) before any paragraph`);
      p.subs.push({ letter: m[1]!, text: m[2]! });
      open = { kind: 'sub' };
      continue;
    }
    const unfinished = openText();
    if (unfinished !== undefined && !isFinished(unfinished)) {
      appendToOpen(line);
      continue;
    }
    sections.push({ heading: line, level: manifest.parts.includes(line) ? 1 : 2 });
    open = undefined;
  }

  const unfinished = paragraphs.find((p) => !isFinished(p.text) && p.subs.length === 0);
  if (unfinished) throw new ImportError(`paragraph ${unfinished.number} ends mid-sentence`);
  for (const part of manifest.parts) {
    if (!sections.some((s) => s.heading === part)) throw new ImportError(`part "${part}" is not a heading of the paper`);
  }

  const calledFrom = (marker: string): Footnote['calledFrom'] => {
    for (const p of paragraphs) {
      if (p.text.includes(marker)) return { paragraph: p.number };
      const sub = p.subs.find((s) => s.text.includes(marker));
      if (sub) return { paragraph: p.number, subParagraph: sub.letter };
    }
    throw new ImportError(`footnote ${marker} is called from nowhere`);
  };

  // The rendering: built line by line so every item's line is known exactly.
  const md: string[] = [];
  const push = (text = ''): number => md.push(text) - 1;
  push(`<!-- Generated by \`npm run data\` from data/source/${manifest.source}. Do not edit: run the importer. -->`);
  push();
  push(`# ${header.title}`);
  push();
  push(`**${header.symbol}** · ${header.category} · ${header.languageNote} · ${header.date.slice(8).replace(/^0/, '')} ${MONTHS[Number(header.date.slice(5, 7)) - 1]} ${header.date.slice(0, 4)}`);
  push();
  push(`${header.session}, ${header.sessionDates}`);

  const sectionLines: number[] = [];
  const paragraphLines = new Map<number, number>();
  const subLines = new Map<string, number>();
  paragraphs.forEach((p, index) => {
    const previous = paragraphs[index - 1];
    for (let s = previous ? previous.section + 1 : 0; s <= p.section; s++) {
      const section = sections[s]!;
      push();
      sectionLines[s] = push(`${section.level === 1 ? '##' : '###'} ${section.heading}`);
    }
    push();
    paragraphLines.set(p.number, push(`**${p.number}.** ${p.text}`));
    if (p.subs.length > 0) push();
    for (const sub of p.subs) subLines.set(`${p.number}${sub.letter}`, push(`- **(${sub.letter})** ${sub.text}`));
  });
  const footnoteLines: number[] = [];
  if (footnotes.length > 0) {
    push();
    push('---');
    for (const f of footnotes) {
      push();
      footnoteLines.push(push(`${f.marker} ${f.text}`));
    }
  }
  push();

  const data: PaperData = {
    symbol: header.symbol,
    title: header.title,
    date: header.date,
    category: header.category,
    session: header.session,
    sessionDates: header.sessionDates,
    languageNote: header.languageNote,
    rendering: renderingName,
    sections: sections.map((s, i) => ({ ...s, line: sectionLines[i] ?? -1 })),
    paragraphs: paragraphs.map((p) => ({
      number: p.number,
      text: p.text,
      section: p.section,
      subParagraphs: p.subs.map((s) => ({ letter: s.letter, text: s.text, line: subLines.get(`${p.number}${s.letter}`)! })),
      line: paragraphLines.get(p.number)!,
    })),
    footnotes: footnotes.map((f, i) => ({ ...f, calledFrom: calledFrom(f.marker), line: footnoteLines[i]! })),
  };
  if (data.sections.some((s) => s.line < 0)) throw new ImportError('a heading has no paragraph under it');
  return { data, markdown: md.join('\n') };
}
