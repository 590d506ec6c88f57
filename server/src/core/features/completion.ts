/**
 * Completion of paragraph references while typing:
 * - after a mark (`CRP/43 §`, `CRP/43, par. `) or a list/range separator inside a
 *   citation (`§§6, `, `§§6–`): every paragraph, filtered by number or by words of its
 *   text (`CRP/43 §recruit` finds 16);
 * - after `§24(`, and after a letter and a separator (`§24(a) and (`), that
 *   paragraph's sub-paragraphs;
 * - after a note word (`CRP/43, note `, `CRP/43 §5 n. `): the paper's footnotes;
 * - after `CRP/`: the papers' symbols.
 *
 * Text filtering happens here, not in the editor: editors match what is typed against
 * the start of words, and a writer looking for "recruitment" types the middle of §16.
 */
import type { Corpus, Footnote, Paper, Paragraph, SubParagraph } from '../corpus';
import { LIST_WORDS, MARK_ALTERNATIVES, RANGE_WORDS, bodyStartAfter, escapeForPattern, markSpelling, matchMark, type Mark } from '../grammar';
import type { DraftIndex } from '../draft/draftIndex';
import type { Translate } from '../../i18n';
import { escapeMarkdown, firstWords, renderFootnote, renderPassage } from './render';

export type CompletionKind = 'paragraph' | 'subParagraph' | 'footnote' | 'symbol';

/** What a completion item stands for: enough to render its documentation again later. */
export interface CompletionTarget {
  symbol: string;
  paragraph?: number;
  letter?: string;
  note?: number;
}

export interface CompletionResult {
  kind: CompletionKind;
  label: string;
  /** Short text beside the label: the paragraph's first words. */
  detail: string;
  target: CompletionTarget;
  /** Markdown: the whole paragraph (rendered when read; see `completionDocumentation`). */
  readonly documentation: string;
  insertText: string;
  filterText: string;
  sortText: string;
  /** The span the completion replaces (what has been typed of it). */
  start: number;
  end: number;
}

export interface CompletionList {
  items: CompletionResult[];
  /** True when typing more should ask again (text filtering is done here). */
  incomplete: boolean;
}

/**
 * A completion item whose documentation is rendered only when read. A class, not an
 * object literal with a getter: V8 gives each such literal its own dictionary-mode
 * object, some 1 KB per item, and a list of 27 cost 29 KB of garbage per keystroke.
 */
class Item implements CompletionResult {
  constructor(
    readonly kind: CompletionKind,
    readonly label: string,
    readonly detail: string,
    readonly target: CompletionTarget,
    readonly insertText: string,
    readonly filterText: string,
    readonly sortText: string,
    readonly start: number,
    readonly end: number,
    private readonly render: { paper: Paper; paragraph?: Paragraph; sub?: SubParagraph; note?: Footnote; t?: Translate },
  ) {}

  get documentation(): string {
    const { paper, paragraph, sub, note, t } = this.render;
    if (note && t) return renderFootnote(paper, note, t);
    return paragraph && t ? renderPassage(paper, paragraph, sub, t) : paperSummary(paper);
  }
}

/** How far back from the cursor a citation's start is looked for. */
const LOOK_BEHIND = 400;

/**
 * Per paragraph, what every list repeats: its label, sort text and first words, and its
 * lower-cased text (with its sub-paragraphs') for filtering by words. Computed again for
 * each request they were most of its garbage, and the collector's pauses were the
 * slowest completions.
 */
interface ParagraphTexts {
  label: string;
  sortText: string;
  detail: string;
  lower?: string;
}

const paragraphTexts = new WeakMap<Paragraph, ParagraphTexts>();

function paragraphText(p: Paragraph): ParagraphTexts {
  let known = paragraphTexts.get(p);
  if (!known) {
    const label = String(p.number);
    paragraphTexts.set(p, (known = { label, sortText: label.padStart(4, '0'), detail: firstWords(p.text) }));
  }
  return known;
}

function paragraphItems(paper: Paper, typed: string, start: number, end: number, t: Translate): CompletionList {
  const byWords = typed !== '' && !/^\d+$/.test(typed);
  const words = typed.toLowerCase();
  const items: CompletionResult[] = [];
  for (const p of paper.data.paragraphs) {
    const known = paragraphText(p);
    if (byWords) {
      known.lower ??= [p.text, ...p.subParagraphs.map((s) => s.text)].join(' ').toLowerCase();
      if (!known.lower.includes(words)) continue;
    }
    const label = known.label;
    items.push(
      new Item(
        'paragraph',
        label,
        known.detail,
        { symbol: paper.symbol, paragraph: p.number },
        label,
        // Matching words were checked above; the editor then keeps every item we send.
        byWords ? typed : label,
        known.sortText,
        start,
        end,
        { paper, paragraph: p, t },
      ),
    );
  }
  return { items, incomplete: byWords || typed === '' };
}

/**
 * A paragraph's sub-paragraphs, written as the letters before them are: `(b)`, or in UN
 * French and Spanish style `b)` (`par. 24 a) et c)`).
 */
function subParagraphItems(paper: Paper, number: number, typed: string, start: number, end: number, closed: boolean, t: Translate, written: 'parenthesized' | 'un' = 'parenthesized'): CompletionList {
  const paragraph = paper.paragraph(number);
  if (!paragraph) return { items: [], incomplete: false };
  return {
    items: paragraph.subParagraphs.map(
      (s) =>
        new Item(
          'subParagraph',
          written === 'un' ? `${s.letter})` : `(${s.letter})`,
          `${t('completion.subParagraph', { number, letter: s.letter })} — ${firstWords(s.text)}`,
          { symbol: paper.symbol, paragraph: number, letter: s.letter },
          closed ? s.letter : `${s.letter})`,
          s.letter,
          s.letter,
          start,
          end,
          { paper, paragraph, sub: s, t },
        ),
    ),
    incomplete: typed !== '',
  };
}

function footnoteItems(paper: Paper, typed: string, start: number, end: number, t: Translate): CompletionList {
  const items = paper.data.footnotes
    .filter((f) => String(f.number).startsWith(typed))
    .map((f) => {
      const label = String(f.number);
      const paragraph = paper.paragraph(f.calledFrom.paragraph);
      return new Item('footnote', label, `${t('hover.footnote', { number: f.number })} — ${firstWords(f.text)}`, { symbol: paper.symbol, note: f.number }, label, label, label.padStart(4, '0'), start, end, {
        paper,
        ...(paragraph ? { paragraph } : {}),
        note: f,
        t,
      });
    });
  return { items, incomplete: false };
}

const PARTIAL_WORD = /[\p{L}\p{N}-]*$/u;

/**
 * The grammar's separator words, as alternatives of a pattern, each a word of its own
 * (`\b` knows only ASCII letters: it would never match before `à`; `&` is no word).
 */
const wordAlternatives = (words: readonly string[]) => words.map((w) => (/^\p{L}/u.test(w) ? `(?<![\\p{L}\\p{N}_])${w}` : escapeForPattern(w))).join('|');
const SEPARATOR_WORDS = wordAlternatives([...RANGE_WORDS, ...LIST_WORDS]);
const SPACES = '[ \\t\\u00a0\\u202f]';

/** A range separator at the end (`§§6–`, `par. 18 à `), maybe followed by the mark written again (`§9–§`). */
const AFTER_RANGE = new RegExp(`(?:[–—‑-]|${wordAlternatives(RANGE_WORDS)})[\\s\\u00a0\\u202f]*(?:(?:${MARK_ALTERNATIVES})[\\s\\u00a0\\u202f]*)?$`, 'iu');
/** A list separator at the end (`§§6, `, `§§6 and `), maybe followed by the mark written again (`§6 and §`). */
const AFTER_LIST = new RegExp(`(?:,|${wordAlternatives(LIST_WORDS)})[\\s\\u00a0\\u202f]*(?:(?:${MARK_ALTERNATIVES})[\\s\\u00a0\\u202f]*)?$`, 'iu');

/** `(a) and (`, `(a), (b`, `(a)–(`: a letter being typed after a letter and a separator, on one line. */
const LETTER_AFTER_LETTER = new RegExp(
  `\\([a-z]\\)${SPACES}*(?:,${SPACES}*(?:(?:${wordAlternatives(LIST_WORDS)})${SPACES}+)?|(?:${SEPARATOR_WORDS})${SPACES}+|[–—‑-]${SPACES}*)\\(([a-z]?)$`,
  'u',
);

/** What a citation's body may hold before the cursor: numbers, letters, separators, marks, one partial word. */
const CITATION_BODY = new RegExp(`^[\\s\\u00a0\\u202f]*(?:[\\d()a-z,–—‑§¶.á&-]|\\s|${SEPARATOR_WORDS})*[\\p{L}\\p{N}-]*$`, 'u');

/** A mark just before the number being typed (`note `, `§5 n. `, `§9–§`): a reference starts. */
const AFTER_MARK = new RegExp(`(?:^|[\\s\\u00a0\\u202f,–—‑-])(${MARK_ALTERNATIVES})[\\s\\u00a0\\u202f]*$`, 'iu');

/** `a) et `, `b) y c`: a UN-style letter being typed after one and a separator. */
const UN_LETTER_AFTER_LETTER = new RegExp(
  `(?<![\\p{L}\\p{N}_(])[a-z]\\)${SPACES}*(?:,${SPACES}*(?:(?:${wordAlternatives(LIST_WORDS)})${SPACES}+)?|(?:${SEPARATOR_WORDS})${SPACES}+|[–—‑-]${SPACES}*)([a-z]?)$`,
  'u',
);

/** The last mark written in `text` (a word's start, or `§`), as the grammar reads it: which kind of number comes next, and whether a list may go on. */
function lastMarkIn(text: string): Mark | undefined {
  let last: Mark | undefined;
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]!)) continue;
    const mark = matchMark(text, i);
    if (mark) {
      last = mark;
      i = mark.end - 1;
    }
  }
  return last;
}

/** Where `symbol` last stands alone in `text` (not in `ICRP/43`, `A/CRP/43`, `CRP/430`). */
function lastWholeSymbol(text: string, symbol: string): number {
  for (let at = text.lastIndexOf(symbol); at >= 0; at = at > 0 ? text.lastIndexOf(symbol, at - 1) : -1) {
    const before = text[at - 1];
    const after = text[at + symbol.length];
    if (!(before && /[\p{L}\p{N}_/]/u.test(before)) && !(after && /[\p{L}\p{N}_/]/u.test(after))) return at;
  }
  return -1;
}

/**
 * Finds the citation being typed before `offset`: the last symbol and mark in the
 * prose before the cursor, followed only by what a citation may contain; or, with no
 * symbol there, the last mark, of the paper a reference without a symbol there cites
 * (`paperAt`, given the mark's offset in `prose`).
 */
function citationContext(prose: string, offset: number, corpus: Corpus, paperAt: (markStart: number) => Paper | undefined): { paper: Paper; body: string; bodyStart: number } | undefined {
  const from = Math.max(0, offset - LOOK_BEHIND);
  const before = prose.slice(from, offset);
  let best: { paper: Paper; at: number } | undefined;
  for (const paper of corpus.papers) {
    const at = lastWholeSymbol(before, paper.symbol);
    if (at >= 0 && (!best || at > best.at)) best = { paper, at };
  }
  // Where the grammar reads a body after the symbol (`CRP/43, `, `CRP/43 (`, `CRP/43 at `).
  const afterSymbol = best && matchMark(before, bodyStartAfter(before, best.at + best.paper.symbol.length));
  const mark = afterSymbol ?? lastMarkIn(before);
  if (!mark) return undefined;
  const paper = afterSymbol ? best!.paper : paperAt(from + mark.start);
  if (!paper) return undefined;
  const body = before.slice(mark.end);
  // Only numbers, letters in parentheses, separators, marks written again (`§6 and §`)
  // and one partial word may follow.
  if (!CITATION_BODY.test(body)) return undefined;
  if (body.includes('\n')) return undefined;
  return { paper, body: before.slice(mark.start), bodyStart: from + mark.start };
}

export function complete(draft: DraftIndex, corpus: Corpus, offset: number, t: Translate): CompletionList {
  const empty: CompletionList = { items: [], incomplete: false };
  const { prose, start: blockStart } = draft.proseAround(offset);
  const local = offset - blockStart;
  if (local < 0 || local > prose.length) return empty;
  const text = draft.getText();
  // In code or a link, the prose is blanked while the text is not.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typedLine = text.slice(lineStart, offset);
  if (prose.slice(local - (offset - lineStart), local) !== typedLine) return empty;

  const context = citationContext(prose, local, corpus, (markStart) => corpus.paper(draft.paperCitedAt(blockStart + markStart, true) ?? ''));
  if (context) {
    const { paper, body } = context;
    const sub = /(\d+)[ \u00a0]?\(([a-z]?)$/.exec(body);
    if (sub) {
      const closed = prose[local] === ')';
      return subParagraphItems(paper, Number(sub[1]), sub[2]!, offset - sub[2]!.length, offset, closed, t);
    }
    // A letter after a letter and a separator (`§6(a) and (`, `§6(a)–(`): the same paragraph's
    // sub-paragraphs, the last number written before (as the grammar reads it).
    const letterOnly = LETTER_AFTER_LETTER.exec(body);
    const lastNumber = /(\d+)\D*$/.exec(body);
    if (letterOnly && lastNumber) {
      const closed = prose[local] === ')';
      return subParagraphItems(paper, Number(lastNumber[1]), letterOnly[1]!, offset - letterOnly[1]!.length, offset, closed, t);
    }
    const typed = PARTIAL_WORD.exec(body)?.[0] ?? '';
    const beforeTyped = body.slice(0, body.length - typed.length);
    // What the number being typed is: of the last mark written (`notes 2 and `, `§9 and note `).
    const mark = lastMarkIn(beforeTyped);
    const afterMark = AFTER_MARK.exec(beforeTyped)?.[1];
    const rightAfterMark = afterMark !== undefined && markSpelling(afterMark) !== undefined;
    // After a list separator, a number goes on only when the mark reads lists: `§9, 1` cites 9.
    // A range is read after any mark: `§9–11`.
    const newReference = rightAfterMark || AFTER_RANGE.test(beforeTyped) || (AFTER_LIST.test(beforeTyped) && mark?.lists === true);
    // `par. 24 a) et `: the same paragraph's letters, UN style, then (French `par.` lists) paragraphs.
    const unLetter = UN_LETTER_AFTER_LETTER.exec(body);
    const letters = unLetter && lastNumber ? subParagraphItems(paper, Number(lastNumber[1]), unLetter[1]!, offset - unLetter[1]!.length, offset, prose[local] === ')', t, 'un') : undefined;
    if (!newReference || !mark) return letters ?? empty;
    if (mark.kind === 'footnote') return /^\d*$/.test(typed) ? footnoteItems(paper, typed, offset - typed.length, offset, t) : empty;
    const paragraphs = paragraphItems(paper, typed, offset - typed.length, offset, t);
    return letters ? { items: [...letters.items, ...paragraphs.items], incomplete: letters.incomplete || paragraphs.incomplete } : paragraphs;
  }

  // `CRP/` or the start of a symbol: offer the papers.
  const word = /[A-Za-z][A-Za-z/0-9]*$/.exec(typedLine)?.[0];
  if (word && word.length >= 2) {
    const items = corpus.papers
      .filter((p) => p.symbol.startsWith(word) && p.symbol !== word)
      .map(
        (p) =>
          new Item('symbol', p.symbol, t('completion.symbol', { title: p.data.title, date: p.data.date }), { symbol: p.symbol }, `${p.symbol} §`, p.symbol, p.symbol, offset - word.length, offset, {
            paper: p,
          }),
      );
    return { items, incomplete: false };
  }
  return empty;
}

function paperSummary(p: Paper): string {
  return `**${p.symbol}** — ${escapeMarkdown(p.data.title)}\n\n${escapeMarkdown(p.data.category)} · ${escapeMarkdown(p.data.languageNote)} · ${p.data.date}`;
}

/**
 * The documentation of a completion item, from its target alone: editors that resolve
 * items ask for it when the writer looks at one, so the list itself stays small (27
 * whole paragraphs are 30 KB per keystroke otherwise).
 */
export function completionDocumentation(corpus: Corpus, target: CompletionTarget, t: Translate): string | undefined {
  const paper = corpus.paper(target.symbol);
  if (!paper) return undefined;
  if (target.note !== undefined) {
    const note = paper.footnote(target.note);
    return note && renderFootnote(paper, note, t);
  }
  if (target.paragraph === undefined) return paperSummary(paper);
  const paragraph = paper.paragraph(target.paragraph);
  if (!paragraph) return undefined;
  const sub = target.letter === undefined ? undefined : paper.subParagraph(paragraph.number, target.letter);
  if (target.letter !== undefined && !sub) return undefined;
  return renderPassage(paper, paragraph, sub, t);
}

/** Characters after which editors should ask for completions. */
export const TRIGGER_CHARACTERS = ['§', '(', '/', ' ', '.', ',', '–', '-'];
