/**
 * Quotations checked against the paragraph they cite: a writer's worst mistake in a
 * statement is to put in a Council paper's mouth words it does not say.
 *
 * What is a quotation of a citation:
 * - words in quotation marks (`“…”`, `"…"`, `‘…’`, `« … »`, `„…“`) in the same sentence as
 *   the citation, before or after it (`As CRP/43 §9 notes, “…”`, `“…” (CRP/43, para. 9)`);
 * - a block quote (`> …`, hard-wrapped or not) with the citation on its last line, or on
 *   the line just before or after it;
 * - either with a Markdown footnote call after it (`“…”.[^4]`, `> ….[^4]`) whose
 *   definition cites the paper (`[^4]: CRP/43, para. 27.`): `quotationsOfNote`.
 * Quotations of fewer than `MIN_WORDS` words are left alone (a term, a title).
 *
 * How they are compared: as words (letters and digits, lower case), so typography never
 * matters (curly or straight quotes and apostrophes, dashes and hyphens, spaces and line
 * wraps, the first letter's case, the final punctuation). An ellipsis (`…`, `...`, `[…]`,
 * `(…)`) stands for words left out; a bracketed insertion (`[the Administration]`) for up
 * to `MAX_REPLACED` of the paper's words; `[sic]` is nothing. A quotation is found when its
 * pieces appear in order in the cited text (the paragraph's or sub-paragraph's text, its
 * lead-in and its footnotes).
 *
 * A quotation not in the writer's language of the paper (CRP/43 is in English only; a
 * French note quotes it in translation) is not checked: its words cannot match, and it is
 * no misquotation. Papers say in which language their text is (`Paper.language`).
 */
import { diffArrays } from 'diff';
import type { Corpus, Paper } from '../corpus';
import { citedInBefore, type Citation } from '../grammar';
import { labelsDefinedIn, labelsIn, NOTE_CALL_SOURCE, noteCallAt, noteCalls, noteDefinition, type NoteCall } from '../footnotes';
import { oneLine } from '../lines';
import type { DraftIndex } from '../draft/draftIndex';
import { countKey, coveredByCitation, coveredKey, referenceLabel, type Covered } from '../resolve';

/** Fewer words are a term or a title, not a quotation to check. */
const MIN_WORDS = 4;
/** Up to three letters in brackets against a word's letters: a case or spelling change, not an insertion. */
const ALTERED_LETTERS = /\[(\p{L}{1,3})\](?=\p{L})|(?<=\p{L})\[(\p{L}{1,3})\]/gu;

/** How many of the paper's words a bracketed insertion may stand for. */
const MAX_REPLACED = 8;
/** How alike the closest passage must be (0–1, by words) for the quick fix to offer it. */
const FIXABLE_SIMILARITY = 0.6;

export interface Quotation {
  /** The quoted words, without their quotation marks (a block quote: without its `>`). */
  start: number;
  end: number;
  text: string;
  /** The citation it belongs to. */
  citation: Citation;
  /**
   * The sentence's other citation, when the quotation stands between two (`CRP/43 §16
   * says “…”, while CRP/43 §17 …`): the nearer is `citation`, this one is the quotation's
   * when the words are in its passage and not in the nearer's (`checkedQuotations`).
   */
  alternative?: Citation;
  /**
   * For a quotation cited in a footnote (`“…”.[^4]`, `[^4]: CRP/43, para. 27.`): the call
   * of the note whose definition holds `citation` (see `quotationsOfNote`).
   */
  note?: NoteCall;
  /**
   * Attributed to the paper with no paragraph (`Le document précise :` ⏎ `> …`): checked
   * against all of it. `citation` is then the words that attribute it, with no items
   * (`attributedQuotations`).
   */
  ofWholePaper?: true;
}

/** A run of words of a word-level difference: as in the paper, added by the quotation, or the paper's left out of it. */
export interface WordChange {
  kind: 'same' | 'added' | 'dropped';
  words: string;
}

/**
 * Where a quotation departs from its closest passage when it does in one place only (a
 * word changed, added or left out), as written on both sides with a word either side:
 * the diagnostic names it, so that the writer need not hunt for one letter in a sentence.
 */
export interface OnlyChange {
  quoted: string;
  paper: string;
}

export type QuotationCheck =
  | { kind: 'found'; passages: Covered[] }
  | { kind: 'translated'; language: string }
  | { kind: 'elsewhere'; passage: Covered }
  | {
      kind: 'mismatch';
      /** `from`: the index of its first word among its passage's (`passageWords`). */
      readonly closest: { passage: Covered; words: string; from: number; changes: WordChange[]; similarity: number } | undefined;
      readonly fixable: boolean;
      readonly onlyChange: OnlyChange | undefined;
    };

// --- finding quotations --------------------------------------------------------------

/** Opening mark → closing mark. `"` closes itself, as does `'` (British style: `straightSingleClose`). */
const CLOSING: Record<string, string> = { '“': '”', '„': '“', '«': '»', '‘': '’', '"': '"', "'": "'" };
/** Where a sentence ends (at `stops`, footnote calls after it, or a blank line) between a quotation and a citation: they do not belong together (`… work".[^16] It lists … paragraph 24`). */
const sentenceEnd = (stops: string) => new RegExp(`[${stops}](?:${NOTE_CALL_SOURCE})*(?=\\s|$)|\\n[ \\t>]*\\n`);
const SENTENCE_END = sentenceEnd('.!?;');
/** The same but for a semicolon, for a quotation a colon announces: `es neutral (párr. 25); citar literalmente: "…"`. */
const SENTENCE_END_PAST_SEMICOLON = sentenceEnd('.!?');

/** Any opening mark (searched for natively: most of a block is not quotation marks). */
const OPENING_MARK = new RegExp(`[${Object.keys(CLOSING).join('')}]`);
const NEXT_OPENING_MARK = new RegExp(OPENING_MARK.source, 'g');

/** The quotation-mark pairs in `prose`, outermost, left to right: `[open, close]` offsets of the marks. */
function quotePairs(prose: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let at = 0; ; ) {
    NEXT_OPENING_MARK.lastIndex = at;
    const m = NEXT_OPENING_MARK.exec(prose);
    if (!m) break;
    const i = m.index;
    at = i + 1;
    const open = prose[i]!;
    const close = CLOSING[open]!;
    // `‘` opens only where a word cannot go on (`IOM’s` holds a closing mark, not a pair).
    if ((open === '‘' || open === "'") && i > 0 && /[\p{L}\p{N}]/u.test(prose[i - 1]!)) continue;
    if (open === "'") {
      const j = straightSingleClose(prose, i);
      if (j >= 0) {
        pairs.push([i, j]);
        at = j + 1;
      }
      continue;
    }
    let j = prose.indexOf(close, i + 1);
    while (open === '‘' && j >= 0 && /[\p{L}\p{N}]/u.test(prose[j + 1] ?? '')) j = prose.indexOf(close, j + 1);
    if (j < 0) continue;
    pairs.push([i, j]);
    at = j + 1;
  }
  return pairs;
}

/**
 * Where a quotation opened by a straight `'` closes, British style (`'Respect for rights
 * needs to take centre stage' [CRP/43, para 6(a)]`); -1 when it does not open one. The
 * mark is also the apostrophe: it opens only before a word, and closes after one, not
 * inside one (`the Group's preparations`). After an `s` and before a word it may be a
 * plural's (`'Member States' sovereign right'`): the first other that may close does,
 * before the next that may open, a blank line or the reach; failing one, the last of those.
 */
function straightSingleClose(prose: string, i: number): number {
  const word = /[\p{L}\p{N}]/u;
  if (!word.test(prose[i + 1] ?? '')) return -1;
  let plural = -1;
  for (let j = prose.indexOf("'", i + 1); j >= 0 && j - i <= STRAIGHT_QUOTE_REACH; j = prose.indexOf("'", j + 1)) {
    if (BLANK_LINE_BETWEEN.test(prose.slice(plural >= 0 ? plural : i, j))) break;
    const before = prose[j - 1] ?? '';
    const after = prose[j + 1] ?? '';
    // Another that may open (after a space, before a word) starts the next quotation.
    if (!word.test(before) && word.test(after)) break;
    if (word.test(after) || /\s/.test(before)) continue;
    if (before !== 's' || !/^\s+\p{L}/u.test(prose.slice(j + 1, j + 4))) return j;
    plural = j;
  }
  return plural;
}

/** How far a straight single quotation may run (a block may be a 5 MB single line). */
const STRAIGHT_QUOTE_REACH = 1_000;
const BLANK_LINE_BETWEEN = /\n[ \t>]*\n/;

/** A word, as quotations are compared by (letters and digits). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Whether `text` has `MIN_WORDS` words or more: counted up to there, without an array of them (asked of every quotation mark pair). */
function longEnough(text: string): boolean {
  WORD.lastIndex = 0;
  let count = 0;
  while (count < MIN_WORDS && WORD.exec(text)) count++;
  return count >= MIN_WORDS;
}

/** The quoted text between `[start, end)` of `text`, trimmed (`« … »` has no-break spaces inside). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** How far a quotation and its citation may be apart in one sentence (characters between them). */
const SENTENCE_REACH = 400;

/** The index of the last citation ending at or before `offset`, or -1 (citations in order). */
function lastBefore(citations: readonly Citation[], offset: number): number {
  let lo = 0;
  let hi = citations.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid]!.end <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The citations of `citations` (those of a block, in order) in the sentence of the
 * quotation between the marks at `open` and `close` of the block's `prose` (starting at
 * `base` in the draft), nearest first: the two just before it and the one just after.
 */
function citationsInSentence(prose: string, base: number, citations: readonly Citation[], open: number, close: number): Citation[] {
  const before = lastBefore(citations, base + open);
  const near: Array<{ citation: Citation; gap: number }> = [];
  // In a table, a row is the sentence: its cells do not end with a full stop (`| § 3 |
  // … | « … » |`, and the next row's `| § 5 a) |`), and an abbreviation's (`| par. 10 |`)
  // ends none. (A colon announces a quotation past a semicolon.)
  const inTableRow = TABLE_ROW.test(prose.slice(prose.lastIndexOf('\n', open) + 1, open));
  // (And the one before that: `| § 5 a) à c) ; notes 1 à 5 | … | « … » |`.)
  for (const k of [before - 1, before, before + 1]) {
    const citation = citations[k];
    if (!citation) continue;
    const cs = citation.start - base;
    const ce = citation.end - base;
    // What lies between the quotation and the citation, outside both.
    const [from, to] = ce <= open ? [ce, open] : cs > close ? [close + 1, cs] : [-1, -1];
    if (from < 0 || to - from > SENTENCE_REACH) continue;
    const gap = prose.slice(from, to);
    if (inTableRow ? gap.includes('\n') : (ce <= open && /:\s*$/.test(gap) ? SENTENCE_END_PAST_SEMICOLON : SENTENCE_END).test(gap)) continue;
    near.push({ citation, gap: to - from });
  }
  return near.sort((a, b) => a.gap - b.gap).map((n) => n.citation);
}

/**
 * For a quotation with no citation in its sentence: the citation of the sentence just
 * before, when the quotation's sentence says it is its words, a pronoun for it and a verb
 * of saying (`Paragraph 24(c) is sometimes read as an undertaking. It speaks of “…”`,
 * `… (par. 13). Il précise que « … »`).
 */
function citedJustBefore(prose: string, base: number, citations: readonly Citation[], open: number): Citation | undefined {
  const citation = citations[lastBefore(citations, base + open)];
  if (!citation) return undefined;
  const gap = prose.slice(citation.end - base, open);
  if (gap.length > SENTENCE_REACH) return undefined;
  const ends = [...gap.matchAll(ALL_SENTENCE_ENDS)];
  if (ends.length !== 1 || ends[0]![0].includes('\n\n')) return undefined;
  return PRONOUN_SAYS.test(gap.slice(ends[0]!.index! + ends[0]![0].length)) ? citation : undefined;
}
const ALL_SENTENCE_ENDS = new RegExp(SENTENCE_END.source, 'g');
/**
 * For a quotation with no citation in its sentence, that ends its sentence: the citation
 * that is the whole next sentence, as a source line is (`… “fair and ethical
 * recruitment”. CRP/43 ¶16.`, `… ”. (Véase CRP/43, párr. 16.)`).
 */
function citedAsNextSentence(prose: string, base: number, citations: readonly Citation[], close: number): Citation | undefined {
  const citation = citations[lastBefore(citations, base + close) + 1];
  if (!citation) return undefined;
  const gap = prose.slice(close + 1, citation.start - base);
  if (!QUOTE_THEN_SOURCE.test(gap)) return undefined;
  return SOURCE_SENTENCE_ENDS.test(prose.slice(citation.end - base, citation.end - base + 4)) ? citation : undefined;
}
/** Between a quotation and a citation that is the next sentence: the full stop, then at most an opening bracket and a word that names a source, or a dash (`”.\n— CRP/43, para. 16`). */
const QUOTE_THEN_SOURCE = /^[)\]]?[.!?][ \t]*\n?[ \t>]*(?:[([]?(?:(?:See|Source|Voir|Fuente|Véase|Cf\.)[ \t]*:?[ \t]*)?|(?:—|–|--)[ \t]*)$/u;
/** After a citation that is a sentence of its own: its end (a full stop, a closing bracket) or the line's. */
const SOURCE_SENTENCE_ENDS = /^(?:[)\]]?[.;][)\]]?(?=\s|$)|[)\]]?[ \t]*(?:\n|$))/;

/** A sentence that opens with a pronoun for the text just cited and a verb of saying. */
const PRONOUN_SAYS =
  /^\s*(?:It|This|Il|Elle|Celui-ci|Celle-ci|Este|Esta|Éste|Ésta)\s+(?:\p{Ll}+ment\s+|\p{Ll}+mente\s+|also\s+|aussi\s+|también\s+|further\s+)?(?:speaks|says|states|notes|adds|recalls|reads|refers|stresses|describes|dit|indique|précise|rappelle|souligne|ajoute|évoque|parle|mentionne|señala|afirma|dice|indica|recuerda|añade|subraya|menciona|habla|precisa)(?![\p{L}])/u;

/** The start of a table row up to a place in it. */
const TABLE_ROW = /^[ \t>]*\|/;

/** Whether a citation of `citations` (in order) starts between the marks at `open` and `close` of `prose` (at `base`). */
function quotesACitation(citations: readonly Citation[], base: number, open: number, close: number): boolean {
  const inside = citations[lastBefore(citations, base + open) + 1];
  return inside !== undefined && inside.start >= base + open && inside.start < base + close;
}

/**
 * The quotations in quotation marks of one block (`prose`, starting at `base` in the
 * draft, code blanked), each with the citation of `citations` (those of the block, in
 * order) in the same sentence: the nearest one before or after it. A quotation with a
 * footnote call right after it is its note's (`quotationsOfNote`).
 */
function inlineQuotations(prose: string, base: number, citations: readonly Citation[]): Quotation[] {
  const out: Quotation[] = [];
  for (const [open, close] of quotePairs(prose)) {
    const span = trimmed(prose, open + 1, close);
    const text = prose.slice(span.start, span.end);
    if (!longEnough(text) || calledRightAfter(prose, close)) continue;
    // A citation quoted (`la remisión "CRP/43, párrafos 11-13" es demasiado amplia`) is no
    // words of the paper.
    if (quotesACitation(citations, base, open, close)) continue;
    const [inSentence, other] = citationsInSentence(prose, base, citations, open, close);
    const nearest = inSentence ?? citedJustBefore(prose, base, citations, open) ?? citedAsNextSentence(prose, base, citations, close);
    if (!nearest) continue;
    const quotation: Quotation = { start: base + span.start, end: base + span.end, text, citation: nearest };
    if (other && !citedRightAfter(prose, close, nearest.start - base)) quotation.alternative = other;
    out.push(quotation);
  }
  return out;
}

/**
 * Whether the citation at `at` of `prose` follows the closing mark at `close` with nothing
 * but a parenthesis or a comma between (`“…” (CRP/43, para. 17)`, `“…”, CRP/43 §17`): the
 * writer says where the words are, and another citation of the sentence does not take them.
 */
function citedRightAfter(prose: string, close: number, at: number): boolean {
  return at > close && /^[\s,(\[]*$/.test(prose.slice(close + 1, at));
}

const BLOCK_QUOTE_LINE = /^[ \t]{0,3}>/;
const BLOCK_QUOTE_MARKER = /^[ \t]{0,3}>[ \t]?/;
/** Lines longer than this are no block quote's: a line of a 5 MB single-line draft is not looked through for each citation. */
const LINE_REACH = 2000;

type Line = { start: number; end: number };

/** The line holding `offset`, if its ends are within `LINE_REACH` (end before the line break). */
function boundedLine(text: string, offset: number): Line | undefined {
  const back = text.lastIndexOf('\n', offset - 1);
  if (offset - back > LINE_REACH && back > 0) return undefined;
  if (back < 0 && offset > LINE_REACH) return undefined;
  const next = text.indexOf('\n', offset);
  if (next - offset > LINE_REACH || (next < 0 && text.length - offset > LINE_REACH)) return undefined;
  const end = next < 0 ? text.length : text[next - 1] === '\r' ? next - 1 : next;
  return { start: back + 1, end };
}

const previousLine = (text: string, line: Line) => (line.start === 0 ? undefined : boundedLine(text, line.start - 1));
const nextLine = (text: string, line: Line) => {
  const next = text.indexOf('\n', line.end);
  return next < 0 || next + 1 >= text.length ? undefined : boundedLine(text, next + 1);
};

/** Whether `line` of `text` is a block quote's (a `>` in its first four columns), outside code. */
function quoteLine(text: string, line: Line | undefined, inCode: (offset: number) => boolean): line is Line {
  return line !== undefined && BLOCK_QUOTE_LINE.test(text.slice(line.start, line.end)) && !inCode(line.start);
}

/** A block quote's words (`>` markers and line breaks read as spaces), up to `cut` (the citation on its last line). */
function blockQuote(text: string, lines: readonly Line[], citation: Citation, cut?: number): Quotation | undefined {
  const first = lines[0]!;
  let start = first.start + (BLOCK_QUOTE_MARKER.exec(text.slice(first.start, first.end))?.[0].length ?? 0);
  let end = cut ?? lines[lines.length - 1]!.end;
  // A block quote ending with a footnote call (`> … starts now.[^4]`) is its note's.
  if (cut === undefined && ENDS_WITH_CALL.test(text.slice(Math.max(first.start, end - LINE_REACH), end))) return undefined;
  // The citation's own parenthesis or dash before it (`… starts now (CRP/43, para. 27)`).
  while (end > start && /[\s(—–-]/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  const words = text
    .slice(start, end)
    .split(/\r?\n/)
    .map((l) => l.replace(BLOCK_QUOTE_MARKER, ''))
    .join(' ');
  return !longEnough(words) ? undefined : { start, end, text: words, citation };
}

/**
 * The block quote a citation belongs to: the citation on the quote's last line, or on
 * the line just before or after it (before it, a blank line between when the citation's
 * line ends with a colon). A quote belongs to one citation, in that order of
 * preference, whichever citation asks: a citation on the line before gives way to one on
 * the quote's last line or the line after it. `text` is the draft; `inCode` says what is
 * code, `cites` whether a range of lines holds a citation.
 */
function blockQuotation(text: string, citation: Citation, inCode: (offset: number) => boolean, cites: (line: Line) => boolean): Quotation | undefined {
  const line = boundedLine(text, citation.start);
  if (!line) return undefined;
  const isQuoteLine = (l: Line | undefined): l is Line => quoteLine(text, l, inCode);
  const run = (from: Line | undefined, step: (l: Line) => Line | undefined) => {
    const lines: Line[] = [];
    for (let l = from; isQuoteLine(l); l = step(l)) lines.push(l);
    return lines;
  };
  // `As CRP/43, para. 24, puts it:`, a blank line, then the quote: the colon announces it
  // (most writers leave the blank line, and some renderers need it before a block quote).
  const announces = /:[ \t]*$/.test(text.slice(citation.end, line.end));
  if (isQuoteLine(line)) {
    // On the quote's last line: the words before the citation, and the lines above; an
    // attribution line (`> — CRP/43, [para. 11](…)`) is no words of the quote.
    if (isQuoteLine(nextLine(text, line))) return undefined;
    // Words after it on the line (`> - the reference to CRP/43, par. 24(a)-(c), and the
    // wording …`, an e-mail quoted in a reply): the quote cites the paper, it does not quote
    // it. Not after a dash, an attribution's (`> … now. — CRP/43 §27, emphasis added`).
    const before = text.slice(line.start, citation.start);
    const attribution = ATTRIBUTION.test(before);
    if (!attribution && !/[—–][ \t]*$/.test(before) && wordsAfter(before, text.slice(citation.end, line.end))) return undefined;
    const cut = attribution ? line.start : citation.start;
    // Nor does one whose words cite it already (`> … discussed in CRP/43 paras. 23-25 and CRP/43 §24(c).`).
    const lines = run(line, (l) => previousLine(text, l)).reverse();
    if (cites({ start: lines[0]!.start, end: cut })) return undefined;
    return blockQuote(text, lines, citation, cut);
  }
  let next = nextLine(text, line);
  if (announces && next && text.slice(next.start, next.end).trim() === '') next = nextLine(text, next);
  const below = run(next, (l) => nextLine(text, l));
  if (below.length > 0) {
    const last = below[below.length - 1]!;
    const after = nextLine(text, last);
    return cites(last) || (after !== undefined && cites(after)) ? undefined : blockQuote(text, below, citation);
  }
  const above = run(previousLine(text, line), (l) => previousLine(text, l)).reverse();
  return above.length > 0 && !cites(above[above.length - 1]!) ? blockQuote(text, above, citation) : undefined;
}

/** Whether a word follows a citation on its line (`before` and `after` it), but for those of its own parenthesis (`(CRP/43, para. 27, emphasis added)`). */
function wordsAfter(before: string, after: string): boolean {
  // A citation that is a link's text (`[para. 27](crp43.md#27)`): its destination is no words.
  const rest = after.replace(/^\]\([^)]*\)/, '');
  const inParenthesis = before.lastIndexOf('(') > before.lastIndexOf(')');
  const close = inParenthesis ? rest.indexOf(')') : -1;
  return /\p{L}/u.test(close < 0 ? rest : rest.slice(close + 1));
}

/** A footnote call ending a line, the sentence's punctuation after it at most (`> … starts now.[^4]`, `[^4].`). */
const ENDS_WITH_CALL = new RegExp(`${NOTE_CALL_SOURCE}[.,;:!?]?[ \\t]*$`);

/** What starts a block quote's attribution line: a dash (`> — CRP/43, para. 11`, `> -- IOM`). */
const ATTRIBUTION = /^[ \t]{0,3}>[ \t]*(?:—|–|--)/;

/** A block quote's line (a `>` in the first four columns), from an offset on (sticky: no slice). */
const QUOTE_LINE_AT = /[ \t]{0,3}>/y;

/** Whether `[from, to)` of `text` has a line that starts a block quote. */
function hasQuoteLine(text: string, from: number, to: number): boolean {
  // Most blocks hold no `>` at all: a native scan of the range (a slice, not a copy) says
  // so before their lines are looked at.
  if (!text.slice(from, to).includes('>')) return false;
  for (let at = from; at < to; ) {
    QUOTE_LINE_AT.lastIndex = at;
    if (QUOTE_LINE_AT.test(text)) return true;
    const next = text.indexOf('\n', at);
    if (next < 0) return false;
    at = next + 1;
  }
  return false;
}

/** Whether `[from, to)` of `text` holds a quotation mark that may open a quotation (the slice bounds the search). */
function hasQuoteMark(text: string, from: number, to: number): boolean {
  return OPENING_MARK.test(text.slice(from, to));
}

/**
 * Every quotation of `citations` (in order, document offsets) in `draft`: those in
 * quotation marks in their blocks, and the block quotes next to them. Blocks are looked
 * through only for what they hold: most have neither quotation marks nor a block quote.
 */
export function quotationsOf(draft: DraftIndex, citations: readonly Citation[]): Quotation[] {
  const text = draft.getText();
  const out: Quotation[] = [];
  let block: { start: number; end: number; blockQuote: boolean } | undefined;
  for (let k = 0; k < citations.length; k++) {
    const citation = citations[k]!;
    if (!block || citation.start >= block.end) {
      const span = draft.blockSpanAt(citation.start);
      // The block, and a line on each side: a block quote may stand just before or after it.
      const before = text.lastIndexOf('\n', span.start - 2);
      const after = text.indexOf('\n', span.end + 1);
      const aroundStart = Math.max(0, before + 1, span.start - LINE_REACH);
      block = { ...span, blockQuote: hasQuoteLine(text, aroundStart, after < 0 ? text.length : Math.min(after, span.end + LINE_REACH)) };
      if (hasQuoteMark(text, span.start, span.end)) {
        const { prose, start } = draft.proseAround(citation.start);
        let last = k;
        while (last + 1 < citations.length && citations[last + 1]!.start < span.end) last++;
        out.push(...inlineQuotations(prose, start, citations.slice(k, last + 1)));
      }
    }
    if (!block.blockQuote) continue;
    const quote = blockQuotation(
      text,
      citation,
      (offset) => draft.inCode(offset),
      (line) => draft.citationsIn(line.start, line.end).some((c) => c.start < line.end && c.end > line.start),
    );
    if (quote && !out.some((q) => q.start < quote.end && quote.start < q.end)) out.push(quote);
  }
  return out.sort((a, b) => a.start - b.start);
}

// --- quotations attributed to the paper with no paragraph ------------------------------

/** Verbs of saying, after the paper as their subject (an adverb between them at most). */
const SAYS = [
  ...'says states notes stresses recalls observes affirms adds reads underlines highlights acknowledges concludes explains'.split(' '),
  ...'dit affirme précise indique souligne rappelle note relève observe constate ajoute conclut explique reconnaît'.split(' '),
  ...'dice afirma precisa indica subraya recuerda señala observa constata añade concluye explica reconoce destaca'.split(' '),
];
/** The words writers name the paper with as a subject, its symbol aside. */
const THE_PAPER_SUBJECT = ['[Tt]he (?:conference room )?paper', '[Tt]his paper', '[Ll]e document', '[Cc]e document', '[Ee]l documento', '[Ee]ste documento'];
/** By the papers' symbols, one per line. */
const attributionPatterns = new Map<string, { subject: RegExp; attribution: RegExp }>();
/**
 * `CRP/43 states that “`, `Le document précise :` (a block quote on the lines after), `el
 * documento señala que «`: `attribution`, asked (sticky) where `subject` finds the paper
 * named. (Run over a whole draft, the full pattern's look-behind and Unicode classes were
 * tried at every character: a tenth of what `crp-cite check` spent.)
 */
function attributionPattern(symbols: readonly string[]): { subject: RegExp; attribution: RegExp } {
  const key = symbols.join('\n');
  let pattern = attributionPatterns.get(key);
  if (!pattern) {
    const subjects = [...symbols.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), ...THE_PAPER_SUBJECT].join('|');
    pattern = {
      subject: new RegExp(subjects, 'g'),
      attribution: new RegExp(
        `(?<![\\p{L}\\p{N}_/])(?:${subjects})[ \\u00a0]+(?:\\p{Ll}+(?:ly|ment|mente)[ \\u00a0]+|also[ \\u00a0]+|aussi[ \\u00a0]+|también[ \\u00a0]+)?(?:${SAYS.join('|')})(?![\\p{L}])[ \\t\\u00a0\\u202f]*(?:,[ \\t]*)?(?:(?:that|que)[ \\t\\u00a0]+|qu['’])?:?[ \\t\\u00a0\\u202f]*`,
        'uy',
      ),
    };
    attributionPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * Quotations the draft attributes to a paper without naming a paragraph, whose words
 * should be somewhere in it: the paper as the subject of a verb of saying right before
 * the quotation marks (`the paper states that “…”`) or a block quote on the lines after
 * (`Le document précise :` ⏎ `> …`), attributed in `[from, to)`. Not one with a citation
 * in its sentence or on the lines around the block quote, which it belongs to
 * (`quotationsOf`), nor one cited in a footnote. By its words (`le document`, `the
 * paper`), the paper is the one a reference without a symbol would cite there.
 */
export function attributedQuotations(draft: DraftIndex, symbols: readonly string[], from: number, to: number): Quotation[] {
  const text = draft.getText();
  if (!hasQuoteMark(text, from, Math.min(text.length, to + LINE_REACH)) && !hasQuoteLine(text, from, Math.min(text.length, to + LINE_REACH))) return [];
  const out: Quotation[] = [];
  const { subject, attribution: pattern } = attributionPattern(symbols);
  const window = text.slice(from, to);
  subject.lastIndex = 0;
  for (let at = subject.exec(window); at; at = subject.exec(window)) {
    pattern.lastIndex = at.index;
    const m = pattern.exec(window);
    subject.lastIndex = m ? pattern.lastIndex : at.index + 1;
    if (!m) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (draft.inCode(start)) continue;
    const named = symbols.find((s) => m![0].startsWith(s));
    const symbol = named ?? draft.paperCitedAt(start, true);
    if (symbol === undefined) continue;
    const attribution: Citation = { symbol, symbolStart: start, symbolEnd: end, items: [], start, end };
    const quotation = quotationAttributedAt(draft, text, end, attribution);
    if (quotation) out.push({ ...quotation, ofWholePaper: true });
  }
  return out;
}

/** The quotation right after an attribution ending at `at`: in quotation marks on its line, or a block quote on the lines after a line it ends. */
function quotationAttributedAt(draft: DraftIndex, text: string, at: number, attribution: Citation): Quotation | undefined {
  const cites = (a: number, b: number) => draft.citationsIn(a, b).some((c) => c.end > a && c.start < b);
  const closing = CLOSING[text[at]!];
  if (closing) {
    const close = text.indexOf(closing, at + 1);
    if (close < 0 || close - at > LINE_REACH || /\n[ \t>]*\r?\n/.test(text.slice(at, close))) return undefined;
    const words = text.slice(at + 1, close).trim();
    // The sentence's end after it: a citation there is the quotation's (`quotationsOf`).
    const rest = text.slice(close + 1, close + 1 + SENTENCE_REACH);
    const ends = SENTENCE_END.exec(rest);
    const sentenceEnd = close + 1 + (ends ? ends.index : rest.length);
    if (!longEnough(words) || calledRightAfter(text, close) || cites(attribution.end, sentenceEnd)) return undefined;
    const start = text.indexOf(words, at + 1);
    return { start, end: start + words.length, text: words, citation: attribution };
  }
  // A block quote: the attribution ends its line, the quote follows (a blank line between at most).
  const line = boundedLine(text, attribution.start);
  if (!line || text.slice(at, line.end).trim() !== '') return undefined;
  const inCode = (offset: number) => draft.inCode(offset);
  let next = nextLine(text, line);
  if (next && text.slice(next.start, next.end).trim() === '') next = nextLine(text, next);
  const lines: Line[] = [];
  for (let l = next; quoteLine(text, l, inCode); l = nextLine(text, l)) lines.push(l);
  if (lines.length === 0) return undefined;
  const last = lines[lines.length - 1]!;
  const after = nextLine(text, last);
  if (cites(attribution.end, (after ?? last).end)) return undefined;
  return blockQuote(text, lines, attribution);
}

// --- quotations cited in a footnote --------------------------------------------------

/**
 * Whether a footnote call follows the closing mark at `close` of `prose`, the sentence's
 * punctuation and a space between at most (`”[^4]`, `”.[^4]`, `» [^4]`): the writer put the
 * quotation's source in that note, whatever the sentence cites.
 */
function calledRightAfter(prose: string, close: number): boolean {
  let at = close + 1;
  if (/[.,;:!?]/.test(prose[at] ?? '')) at++;
  if (/[ \t\u00a0]/.test(prose[at] ?? '')) at++;
  return noteCallAt(prose, at) !== undefined;
}

/**
 * The words a footnote `call` gives its source to, checked against `citation`: the
 * quotation in quotation marks before it in its sentence (right before it, or with no
 * citation in the sentence to claim it: see `inlineQuotations`), or the block quote whose
 * last line it ends (`> … starts now.[^4]`).
 */
function quotationOfCall(draft: DraftIndex, call: NoteCall, citation: Citation, kind: NoteKind): Quotation | undefined {
  const { prose, start: base } = draft.proseAround(call.start);
  const at = call.start - base;
  // The quotation marks of the lines before the call (a block may be a 5 MB single line).
  const from = Math.max(0, at - LINE_REACH);
  const pairs = quotePairs(prose.slice(from, at));
  const last = pairs[pairs.length - 1];
  if (last) {
    const [open, close] = [last[0] + from, last[1] + from];
    // (Without the call and the punctuation before it: a full stop there ends the sentence
    // it closes, not one before.)
    const between = prose.slice(close + 1, call.start - base).replace(/[.,;:!?]$/, '');
    // Another note's call between is that note's quotation (`“…”;[^11]` ⏎ `- … (IRIS);[^12]`).
    const inSentence = between.length <= SENTENCE_REACH && !SENTENCE_END.test(between) && labelsIn(prose, close + 1, call.start - base).size === 0;
    if (inSentence) {
      const span = trimmed(prose, open + 1, close);
      const text = prose.slice(span.start, span.end);
      if (!longEnough(text)) return undefined;
      const cited = draft.citationsIn(base + Math.max(0, open - SENTENCE_REACH), Math.min(base + prose.length, call.start + SENTENCE_REACH));
      if (quotesACitation(cited, base, open, close)) return undefined;
      const [own] = citationsInSentence(prose, base, cited, open, close);
      if (!calledRightAfter(prose, close) && own) return undefined;
      // A remark gives the words no source: the sentence's own citation does, if it has one
      // (`au paragraphe 23 que « … ».[^1]`, `[^1]: Le § 9 faisait pourtant état …`), the
      // remark's the other place they may be.
      if (kind === 'remark') return own && { start: base + span.start, end: base + span.end, text, citation: own, alternative: citation, note: call };
      const quotation: Quotation = { start: base + span.start, end: base + span.end, text, citation, note: call };
      // A signal points to more than the words' source: the sentence's own citation is the
      // other place they may be (`in paragraph 12 (a), to provide “…”.[^1]`, `[^1]: See
      // CRP/43, paras. 5 (a)–(c)`).
      if (own && kind === 'signal') quotation.alternative = own;
      return quotation;
    }
  }
  // (A remark gives a block quote no source either.)
  if (kind === 'remark') return undefined;
  const text = draft.getText();
  const line = boundedLine(text, call.start);
  const isQuoteLine = (l: Line | undefined): l is Line => quoteLine(text, l, (offset) => draft.inCode(offset));
  // The call ends the quote: the last words of its last line.
  if (!isQuoteLine(line) || !/^[.,;:!?]?[ \t]*$/.test(text.slice(call.end, line.end)) || isQuoteLine(nextLine(text, line))) return undefined;
  const lines: Line[] = [];
  for (let l: Line | undefined = line; isQuoteLine(l); l = previousLine(text, l)) lines.push(l);
  const quote = blockQuote(text, lines.reverse(), citation, call.start);
  return quote && { ...quote, note: call };
}

/**
 * What a note's first citation is to the words quoted before its call: their source
 * (`[^4]: CRP/43, para. 27.`, `[^4]: IOM, *Overview…*, CRP/43, para. 27 (emphasis
 * added); see also …`); a pointer, after a signal (`[^1]: See CRP/43, paras. 5 (a)–(c)`),
 * which supports them; or a remark on a paragraph, a sentence about it (`[^1]: Le § 9
 * faisait pourtant état …`, `[^2]: The position paper cited in CRP/43, footnote 3, already
 * lists …`), which gives them no source.
 */
type NoteKind = 'source' | 'signal' | 'remark';

function noteKind(text: string, definition: { start: number; end: number }, citation: Citation): NoteKind {
  const before = text.slice(definition.start, citation.start);
  if (SIGNAL.test(before)) return 'signal';
  const aboutIt = ARTICLE_BEFORE.test(before) || citedInBefore(text, citation.start) >= 0 || !endsSourceLine(text.slice(citation.end, Math.min(definition.end, citation.end + 80)));
  return aboutIt ? 'remark' : 'source';
}

/**
 * Whether what follows a note's citation leaves the note a source line: its end, its full
 * stop, a semicolon or a bracket before more, or a comma before another reference, a
 * capital or what a source line adds (`, emphasis added`, `, nous soulignons`); not a
 * comma before a clause about it (`CRP/43, footnote 3, already lists …`).
 */
function endsSourceLine(after: string): boolean {
  const m = /^[\s*_]*(?:([.;(\[])|$|,\s*(\S+))/u.exec(after);
  if (!m) return false;
  const word = m[2];
  return word === undefined || /^[\p{Lu}\d§¶]/u.test(word) || SOURCE_LINE_ADDITIONS.has(word.toLowerCase().replace(/[.,;:]+$/, ''));
}

/** The first word of what a source line adds after a comma: `emphasis added`, `nous soulignons`, `el subrayado es nuestro`, another reference (`para. 9`). */
const SOURCE_LINE_ADDITIONS: ReadonlySet<string> = new Set(['emphasis', 'italics', 'footnote', 'footnotes', 'note', 'notes', 'citation', 'citations', 'nous', 'italiques', 'soulignement', 'el', 'cursiva', 'énfasis', 'para', 'paras', 'par', 'paragraphe', 'párr', 'párrs', 'see', 'voir', 'véase', 'cf']);

/** An article or a demonstrative right before a note's citation: the note speaks of the paragraph (`[^1]: Le § 9 faisait …`). */
const ARTICLE_BEFORE = /(?<![\p{L}])(?:the|this|that|le|la|les|ce|cet|cette|el|los|las|este|esta|ese|esa)[ \u00a0]+$/iu;

/** A note's opening signal, as legal and UN style use them: the text cited supports, it does not say (`[^1]: See CRP/43, …`, `Voir aussi`, `Véase también`, `Cf.`). */
const SIGNAL = /^\[\^[^\]]+\]:[\s*_]*(?:see|voir|véase|vease|cf\.|compare|comparer)(?![\p{L}])/iu;

/**
 * The quotations whose source is footnote `label` (`… “the real work begins now”.[^4]`,
 * `[^4]: CRP/43, para. 27.`), each with the citation of the note's definition (and, as a
 * sentence's other citation, `Quotation.alternative`, the one of the quotation's sentence
 * or else the note's second). None when the note
 * is not defined or cites nothing.
 */
export function quotationsOfNote(draft: DraftIndex, label: string): Quotation[] {
  const definition = noteDefinition(draft, label);
  if (!definition) return [];
  const [citation, alternative] = draft.citationsIn(definition.start, definition.end).filter((c) => c.start >= definition.start);
  if (!citation) return [];
  const out: Quotation[] = [];
  const kind = noteKind(draft.getText(), definition, citation);
  for (const call of noteCalls(draft, label)) {
    const quotation = quotationOfCall(draft, call, citation, kind);
    if (!quotation) continue;
    if (alternative) quotation.alternative ??= alternative;
    out.push(quotation);
  }
  return out;
}

// --- comparing -----------------------------------------------------------------------

/** A word of the paper, and where it is in the text it came from. */
interface Word {
  word: string;
  start: number;
  end: number;
}

/**
 * Footnote calls, which are no words of the text: the paper's superscripts (`agenda,²
 * IOM's`, which NFKC would make a word `2`), and the plain digits right after punctuation
 * that a PDF's copied text gives for them (`agenda,2 IOM's`). A writer quotes without
 * them, or as copied; either way the same words are compared.
 */
const NOTE_CALL = /[\u00b9\u00b2\u00b3\u2070-\u2079]+|(?<=[.,;:)’”])\d{1,2}(?=\s|$)/g;

/** `text` folded for comparing: footnote calls blanked (offsets kept), `ﬁ`-style ligatures and full-width forms as their letters. */
function foldedText(text: string): string {
  return text.replace(NOTE_CALL, (call) => ' '.repeat(call.length)).normalize('NFKC');
}

/** Words, folded: lower case, and `ﬁ`-style ligatures and full-width forms as their letters. */
function words(text: string): Word[] {
  const out: Word[] = [];
  const folded = foldedText(text);
  // NFKC may change lengths (ligatures): offsets then refer to the folded text, which is
  // only used for display when it is the paper's own (never folded differently).
  // An `exec` loop, not `matchAll`: that copies the pattern at each call, and words are cut
  // from every quotation checked.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The words of `text` folded as `words` folds them, without where they are: what a quotation is compared by. */
function wordList(text: string): string[] {
  return (foldedText(text).match(WORD) ?? []).map((w) => w.toLowerCase());
}

type Piece = { kind: 'words'; words: string[] } | { kind: 'gap' } | { kind: 'insertion' };

/** What every ellipsis and bracket starts with. */
const MAY_LEAVE_OUT = /[….[(]/;
const ELLIPSIS = /\[\s*(?:…|\.\s?\.\s?\.)\s*\]|\(\s*(?:…|\.\s?\.\s?\.)\s*\)|…|\.\s?\.\s?\./g;

/** A quotation as pieces: its words, the gaps an ellipsis leaves and the writer's insertions in brackets. */
function pieces(quotation: string): Piece[] {
  const out: Piece[] = [];
  // Most quotations have neither an ellipsis nor brackets: one run of words.
  if (!MAY_LEAVE_OUT.test(quotation)) {
    const w = wordList(quotation);
    return w.length > 0 ? [{ kind: 'words', words: w }] : out;
  }
  const marked = quotation
    .replace(ELLIPSIS, '\u0001')
    .replace(/\[\s*sic\s*\]/gi, ' ')
    // A letter changed inside a word is the paper's word: `[m]ore than 50`, `the[ir]`.
    .replace(ALTERED_LETTERS, (_, before: string | undefined, after: string | undefined) => before ?? after ?? '')
    .replace(/\[[^\]]*\]/g, '\u0002');
  for (const part of marked.split(/([\u0001\u0002])/)) {
    if (part === '\u0001') out.push({ kind: 'gap' });
    else if (part === '\u0002') out.push({ kind: 'insertion' });
    else {
      const w = wordList(part);
      if (w.length > 0) out.push({ kind: 'words', words: w });
    }
  }
  return out;
}

/** Whether `needle` occurs in `hay` at `at`. */
function wordsAt(hay: readonly Word[], at: number, needle: readonly string[]): boolean {
  if (at + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[at + k]!.word !== needle[k]) return false;
  return true;
}

/** Whether the pieces occur in order in `hay` from `from`: words exactly, a gap anything, an insertion up to `MAX_REPLACED` words. */
function matches(hay: readonly Word[], list: readonly Piece[], k: number, from: number, free: boolean): boolean {
  if (k === list.length) return true;
  const piece = list[k]!;
  if (piece.kind === 'gap') return matches(hay, list, k + 1, from, true);
  if (piece.kind === 'insertion') {
    // At the start (or after an ellipsis) the words it stands for may be anywhere before the next.
    if (free) return matches(hay, list, k + 1, from, true);
    for (let skip = 0; skip <= MAX_REPLACED && from + skip <= hay.length; skip++) if (matches(hay, list, k + 1, from + skip, false)) return true;
    return false;
  }
  if (!free) return wordsAt(hay, from, piece.words) && matches(hay, list, k + 1, from + piece.words.length, false);
  // Anywhere from `from` on: only where its first word is.
  const last = hay.length - piece.words.length;
  for (const at of occurrences(hay, piece.words[0]!)) {
    if (at > last) break;
    if (at >= from && wordsAt(hay, at, piece.words) && matches(hay, list, k + 1, at + piece.words.length, false)) return true;
  }
  return false;
}

/** Where each word is in a passage's words (those are kept: see `passageWords`), found on first use. */
const positions = new WeakMap<readonly Word[], Map<string, number[]>>();

function occurrences(hay: readonly Word[], word: string): readonly number[] {
  let byWord = positions.get(hay);
  if (!byWord) {
    byWord = new Map();
    for (const [at, w] of hay.entries()) {
      const list = byWord.get(w.word);
      if (list) list.push(at);
      else byWord.set(w.word, [at]);
    }
    positions.set(hay, byWord);
  }
  return byWord.get(word) ?? [];
}

function found(hay: readonly Word[], list: readonly Piece[]): boolean {
  return list.length > 0 && matches(hay, list, 0, 0, true);
}

/** A passage's text and its words, worked out once per paper: every check of a quotation not found looks through them all. */
const passageCache = new WeakMap<Paper, Map<string, PassageWords>>();

/** A passage's text, its words, and the set of them (a quotation with a word not in it is not there). */
interface PassageWords {
  text: string;
  words: Word[];
  vocabulary: Set<string>;
}

function passageWords(paper: Paper, c: Covered): PassageWords {
  let byKey = passageCache.get(paper);
  if (!byKey) passageCache.set(paper, (byKey = new Map()));
  const key = coveredKey(c);
  let known = byKey.get(key);
  if (!known) {
    const text = passageText(paper, c);
    const list = words(text);
    byKey.set(key, (known = { text, words: list, vocabulary: new Set(list.map((w) => w.word)) }));
  }
  return known;
}

/** A paper's passages in the order a quotation found elsewhere is looked for, and which of them (indices, in order) hold each word. */
const passagesCache = new WeakMap<Paper, { passages: Covered[]; holding: Map<string, number[]> }>();

function passagesOf(paper: Paper): { passages: Covered[]; holding: Map<string, number[]> } {
  let known = passagesCache.get(paper);
  if (!known) {
    const passages: Covered[] = paper.data.paragraphs.flatMap((p) => [...p.subParagraphs.map((sub) => ({ paragraph: p, sub })), { paragraph: p }]);
    const holding = new Map<string, number[]>();
    passages.forEach((c, k) => {
      for (const w of passageWords(paper, c).vocabulary) {
        const list = holding.get(w);
        if (list) list.push(k);
        else holding.set(w, [k]);
      }
    });
    passagesCache.set(paper, (known = { passages, holding }));
  }
  return known;
}

/**
 * Whether most of the quoted words are words of the cited passages: then the quotation is
 * in the paper's language, whatever its few common words suggest (`IOM's status as a
 * non-UN agency` holds French `un` and no English common word); a translation shares
 * names and a few words with the paper, not most of them.
 */
function mostlyCited(paper: Paper, passages: readonly Covered[], quoted: readonly string[]): boolean {
  const vocabularies = passages.map((p) => passageWords(paper, p).vocabulary);
  const held = quoted.filter((w) => vocabularies.some((v) => v.has(w))).length;
  return held * 2 > quoted.length;
}

/** Whether every word of the pieces is in `vocabulary`: for most passages a word or two says no. */
function mayHold(vocabulary: ReadonlySet<string>, list: readonly Piece[]): boolean {
  return list.every((piece) => piece.kind !== 'words' || piece.words.every((w) => vocabulary.has(w)));
}

/**
 * The words of what a citation covers, together: a range or a list covers several
 * passages, and cutting their words afresh for each quotation was half of checking one.
 * Kept for the last `MEMO_SIZE` sets of passages asked for.
 */
const citedCache = new WeakMap<Paper, Map<string, Word[]>>();

function citedWords(paper: Paper, passages: readonly Covered[]): Word[] {
  if (passages.length === 1) return passageWords(paper, passages[0]!).words;
  let byKey = citedCache.get(paper);
  if (!byKey) citedCache.set(paper, (byKey = new Map()));
  const key = passages.map(coveredKey).join(',');
  let known = byKey.get(key);
  if (!known) {
    known = words(passages.map((p) => passageText(paper, p)).join('\n'));
    if (byKey.size >= MEMO_SIZE) byKey.clear();
    byKey.set(key, known);
  }
  return known;
}

/** The text a covered passage puts in the paper's mouth: its words, its lead-in, its footnotes. */
function passageText(paper: Paper, c: Covered): string {
  if (c.footnote) return c.footnote.text;
  const parts = [c.paragraph.text, ...(c.sub ? [c.sub.text] : c.paragraph.subParagraphs.map((s) => s.text))];
  for (const f of paper.footnotesOf(c.paragraph.number, c.sub?.letter)) parts.push(f.text);
  return parts.join('\n');
}

const STOP_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set('the of and to in is that for on with as by are be it this which from at an has have will its their was were not or'.split(' ')),
  fr: new Set('le la les des du de et à en est que qui pour dans une un sur par au aux ne pas sont ses leur cette ce il elle'.split(' ')),
  es: new Set('el la los las del de y en es que para por una un con se su sus al lo como más no son esta este'.split(' ')),
};

const STOP_WORD_LISTS = Object.entries(STOP_WORDS);

/** The language a quotation is most likely in, by its common words; undefined when it says too little. */
export function languageOf(text: string): string | undefined {
  return languageOfWords(wordList(text));
}

/** The language of folded words (see `words`), by how many of each language's common words they hold. */
function languageOfWords(list: readonly string[]): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [language, stop] of STOP_WORD_LISTS) {
    let count = 0;
    for (const w of list) if (stop.has(w)) count++;
    if (count > most) [best, most] = [language, count];
  }
  return best;
}

/** The window of the cited words most like the quotation's, and the word-level difference. */
function closest(paper: Paper, passages: readonly Covered[], quoted: readonly string[]): Extract<QuotationCheck, { kind: 'mismatch' }>['closest'] {
  // Windows a little shorter and longer than the quotation (a dropped or added clause),
  // scored first by the quotation's words they hold, counted as the window slides; only
  // the best few are compared word by word (a diff per window cost `check` 15 times its time).
  const wanted = new Map<string, number>();
  for (const w of quoted) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  const candidates: Array<{ passage: Covered; at: number; length: number; held: number; shared: number }> = [];
  for (const passage of passages) {
    const hay = passageWords(paper, passage).words;
    for (const length of new Set([Math.min(hay.length, quoted.length), Math.min(hay.length, quoted.length + 3), Math.max(1, Math.min(hay.length, quoted.length - 3))])) {
      const held = new Map<string, number>();
      let shared = 0;
      const add = (w: string, by: number) => {
        const before = held.get(w) ?? 0;
        held.set(w, before + by);
        const limit = wanted.get(w) ?? 0;
        shared += Math.min(before + by, limit) - Math.min(before, limit);
      };
      for (let k = 0; k < hay.length; k++) {
        add(hay[k]!.word, 1);
        if (k >= length) add(hay[k - length]!.word, -1);
        if (k >= length - 1) candidates.push({ passage, at: k - length + 1, length, held: shared, shared: shared / (quoted.length + length) });
      }
    }
  }
  candidates.sort((a, b) => b.shared - a.shared);
  let best: Extract<QuotationCheck, { kind: 'mismatch' }>['closest'];
  for (const { passage, at, length, held } of candidates.slice(0, CLOSEST_COMPARED)) {
    // A window can be no more alike than its shared words allow (all the same, none
    // trimmed): one that cannot beat the best so far is not diffed (most misquotations
    // change one word, and their first window is the best).
    if (best && (2 * held) / (quoted.length + held) <= best.similarity) continue;
    const { text, words: hay } = passageWords(paper, passage);
    const window = hay.slice(at, at + length).map((w) => w.word);
    const changes = diffArrays(quoted as string[], window);
    const same = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count!, 0);
    // The paper's words at either end that the quotation does not have are no part of it,
    // and do not count against it: a window one word longer than a quotation that leaves
    // a word out is as alike as the quotation and the paper are.
    let lead = changes[0]?.added ? changes[0].count! : 0;
    let tail = changes.length > 1 && changes[changes.length - 1]!.added ? changes[changes.length - 1]!.count! : 0;
    // Nothing in common: the window as it is.
    if (lead + tail >= length) lead = tail = 0;
    const similarity = (2 * same) / (quoted.length + length - lead - tail);
    if (best && similarity <= best.similarity) continue;
    const kept = changes.slice(lead > 0 ? 1 : 0, tail > 0 ? -1 : undefined);
    best = {
      passage,
      words: text.slice(hay[at + lead]!.start, hay[at + length - 1 - tail]!.end),
      from: at + lead,
      similarity,
      // `added`: in the quotation, not in the paper; `dropped`: the paper's, left out.
      changes: kept.map((c) => ({ kind: c.removed ? 'added' : c.added ? 'dropped' : 'same', words: c.value.join(' ') })),
    };
  }
  return best;
}

/** How many of the windows richest in the quotation's words are compared with it word by word. */
const CLOSEST_COMPARED = 8;

/** Results by paper, citation coverage and quotation: a quotation is checked again only when it or its citation changes. */
const memo = new Map<string, QuotationCheck>();
const MEMO_SIZE = 4096;

/**
 * The check of one quotation against what its citation covers in `paper`. `language`:
 * the language the paper's text is in (its data says so).
 */
export function checkQuotation(paper: Paper, quotation: Quotation): QuotationCheck {
  const passages = quotation.ofWholePaper ? passagesOf(paper).passages : coveredByCitation(paper, quotation.citation);
  const key = `${paper.symbol}\u0000${passages.map(referenceLabel).join(',')}\u0000${quotation.text}`;
  let result = memo.get(key);
  if (!result) {
    result = checkNow(paper, passages, quotation.text);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, result);
  }
  return result;
}

function checkNow(paper: Paper, passages: Covered[], quotation: string): QuotationCheck {
  const list = pieces(quotation);
  // Told by the quoted words, not by the writer's insertions (`[les États]`) around them.
  const quoted: string[] = [];
  for (const piece of list) if (piece.kind === 'words') quoted.push(...piece.words);
  const language = languageOfWords(quoted);
  if (language !== undefined && language !== paper.language && !mostlyCited(paper, passages, quoted)) return { kind: 'translated', language };
  if (passages.length === 0) return { kind: 'found', passages };
  if (found(citedWords(paper, passages), list)) return { kind: 'found', passages };
  // Word for word in another passage: the most precise one, a sub-paragraph before its
  // paragraph. Only the passages that hold the quotation's rarest word are looked at.
  const { passages: all, holding } = passagesOf(paper);
  let fewest: readonly number[] | undefined;
  for (const w of quoted) {
    const these = holding.get(w) ?? [];
    if (!fewest || these.length < fewest.length) fewest = these;
    if (these.length === 0) break;
  }
  for (const k of fewest ?? all.keys()) {
    const passage = passageWords(paper, all[k]!);
    if (mayHold(passage.vocabulary, list) && found(passage.words, list)) return { kind: 'elsewhere', passage: all[k]! };
  }
  return new Mismatch(paper, passages, quotation, list);
}

type Closest = Extract<QuotationCheck, { kind: 'mismatch' }>['closest'];

/**
 * A quotation not in the paper. Its closest passage is looked for when asked (a hover, a
 * quick fix), not when it is reported: `crp-cite check` and the diagnostics need only the
 * verdict, and the search was a third of checking a quotation.
 */
class Mismatch {
  readonly kind = 'mismatch';
  private near: Closest | null = null;

  constructor(
    private readonly paper: Paper,
    private readonly passages: readonly Covered[],
    private readonly quotation: string,
    private readonly list: readonly Piece[],
  ) {}

  get closest(): Closest {
    this.near ??= closest(this.paper, this.passages, this.list.flatMap((piece) => (piece.kind === 'words' ? piece.words : [])));
    return this.near;
  }

  /** A quotation with an ellipsis or an insertion is not replaced whole: the writer chose what to leave out. */
  get fixable(): boolean {
    const near = this.closest;
    return near !== undefined && near.similarity >= FIXABLE_SIMILARITY && this.list.every((piece) => piece.kind === 'words');
  }

  /**
   * The one place the quotation departs from the closest passage, when it is that alike and
   * is one run of words (no ellipsis, no insertion): the words changed, with the word either
   * side where both have one, each extended to the whole of a hyphenated word (`follow-up`).
   */
  get onlyChange(): OnlyChange | undefined {
    const near = this.closest;
    if (!near || near.similarity < FIXABLE_SIMILARITY || this.list.length !== 1) return undefined;
    const { changes } = near;
    const first = changes.findIndex((c) => c.kind !== 'same');
    if (first < 0) return undefined;
    let last = first;
    while (changes[last + 1] !== undefined && changes[last + 1]!.kind !== 'same') last++;
    if (changes.slice(last + 1).some((c) => c.kind !== 'same')) return undefined;
    // Where the change starts on each side and how many words it has there, from the runs.
    const count = (c: WordChange) => c.words.split(' ').length;
    const before = changes.slice(0, first).reduce((n, c) => n + count(c), 0);
    const run = changes.slice(first, last + 1);
    const quotedCount = run.reduce((n, c) => n + (c.kind === 'added' ? count(c) : 0), 0);
    let paperCount = run.reduce((n, c) => n + (c.kind === 'dropped' ? count(c) : 0), 0);
    const quoted = words(this.quotation);
    const { text, words: hay } = passageWords(this.paper, near.passage);
    const atEnd = before + quotedCount === quoted.length;
    const context = { before: before > 0 ? 1 : 0, after: atEnd ? 0 : 1 };
    // Words the quotation has at an end where the paper has others (`a real` for `the real`):
    // the closest passage leaves those out, but the message shows what the paper has there.
    let paperAt = near.from + before;
    if (paperCount === 0 && before === 0 && paperAt > 0) [paperAt, paperCount] = [paperAt - 1, 1];
    else if (paperCount === 0 && atEnd && paperAt < hay.length) paperCount = 1;
    return {
      quoted: shownWords(foldedText(this.quotation), quoted, before - context.before, quotedCount + context.before + context.after),
      paper: shownWords(text, hay, paperAt - context.before, paperCount + context.before + context.after),
    };
  }
}

/** `n` words of `list` from `at`, as written in `source`, on one line, hyphenated words whole (`follow-up`). */
function shownWords(source: string, list: readonly Word[], at: number, n: number): string {
  const joined = (left: Word, right: Word) => right.start - left.end === 1 && HYPHENS.includes(source[left.end]!);
  // (Clamped: a window at a passage's edge has no word beyond it.)
  let from = Math.max(0, Math.min(at, list.length - 1));
  let to = Math.max(from, Math.min(at + n - 1, list.length - 1));
  while (from > 0 && joined(list[from - 1]!, list[from]!)) from--;
  while (to + 1 < list.length && joined(list[to]!, list[to + 1]!)) to++;
  return oneLine(source.slice(list[from]!.start, list[to]!.end));
}

/** What joins the parts of a compound word: hyphen-minus, hyphen, non-breaking hyphen, and the en dash the paper sets in `public–private`. */
const HYPHENS = '-\u2010\u2011\u2013';

/**
 * The quotation under `offset`, with its check, when it belongs to a citation of a loaded
 * paper: what hover and the quick fixes ask.
 */
export function quotationAt(draft: DraftIndex, corpus: Corpus, offset: number): CheckedQuotation | undefined {
  // Most hovers off a citation are on plain prose: no quotation mark or block quote near
  // the cursor, nothing to look for (a block may be a 5 MB single line).
  const text = draft.getText();
  const near = { from: Math.max(0, offset - LINE_REACH), to: Math.min(text.length, offset + LINE_REACH) };
  if (!hasQuoteMark(text, near.from, near.to) && !hasQuoteLine(text, near.from, near.to)) return undefined;
  const span = draft.blockSpanAt(offset);
  // The blocks on each side too: a block quote's citation may stand just before or after it.
  const from = span.start === 0 ? 0 : draft.blockSpanAt(span.start - 1).start;
  const to = span.end >= text.length ? span.end : draft.blockSpanAt(span.end).end;
  const citations = draft.citationsIn(from, to).filter((c) => c.end >= from && c.start <= to);
  const within = (q: Quotation) => offset >= q.start && offset <= q.end;
  // Or one whose note is called after it in its block (`“…”.[^4]`): its footnote's.
  const quotation =
    quotationsOf(draft, citations).find(within) ??
    [...labelsIn(text, offset, Math.min(span.end, offset + LINE_REACH))].flatMap((label) => quotationsOfNote(draft, label)).find(within) ??
    // Or one attributed to the paper in the block before or its own.
    attributedQuotations(draft, corpus.papers.map((p) => p.symbol), from, to).find(within);
  return quotation && checked(corpus, quotation);
}

/** A quotation and its check against the paper it cites; undefined when crp-cite does not have that paper. */
export interface CheckedQuotation {
  quotation: Quotation;
  check: QuotationCheck;
  paper: Paper;
}

/**
 * `quotation` checked against its citation's paper, or against the sentence's other
 * citation when the words are there and not in the nearer one's passage.
 */
function checked(corpus: Corpus, quotation: Quotation): CheckedQuotation | undefined {
  const result = checkedAgainstCitations(corpus, quotation);
  // The paper's title in quotation marks, as a reference names it (`[^1]: IOM, "Overview
  // of the United Nations second High-level Dialogue …", CRP/43, paras. 1–2`): no words of
  // its paragraphs. (Asked of what would be said: most quotations are found.)
  const said = result && result.check.kind !== 'found' && result.check.kind !== 'translated';
  return said && isTitleOf(result.paper, quotation.text) ? undefined : result;
}

/** `checked` but for titles. */
function checkedAgainstCitations(corpus: Corpus, quotation: Quotation): CheckedQuotation | undefined {
  const paper = corpus.paper(quotation.citation.symbol);
  const own = paper && { quotation, check: checkQuotation(paper, quotation), paper };
  const { alternative } = quotation;
  if ((own && (own.check.kind === 'found' || own.check.kind === 'translated')) || !alternative) return own;
  const other = corpus.paper(alternative.symbol);
  const instead: Quotation = { start: quotation.start, end: quotation.end, text: quotation.text, citation: alternative };
  if (quotation.note) instead.note = quotation.note;
  const check = other && checkQuotation(other, instead);
  // Found in what it cites (a citation that covers nothing, `§6(d)`, finds everything).
  return other && check?.kind === 'found' && check.passages.length > 0 ? { quotation: instead, check, paper: other } : own;
}

/** Whether `text` is the paper's title, or a run of its words (in any case). */
function isTitleOf(paper: Paper, text: string): boolean {
  const title = paper.data.title;
  if (text.length > title.length + 8) return false;
  let words = titleWords.get(paper);
  if (words === undefined) titleWords.set(paper, (words = ` ${wordList(title).join(' ')} `));
  return words.includes(` ${wordList(text).join(' ')} `);
}
const titleWords = new WeakMap<Paper, string>();

/** `quotations` of papers crp-cite has, each checked (`checked`). */
function checkedAll(corpus: Corpus, quotations: Iterable<Quotation>): CheckedQuotation[] {
  const out: CheckedQuotation[] = [];
  for (const quotation of quotations) {
    const c = checked(corpus, quotation);
    if (c) out.push(c);
  }
  return out;
}

/** The quotations of `citations` (in order) of papers crp-cite has, each checked (`checked`). */
export function checkedQuotations(draft: DraftIndex, corpus: Corpus, citations: readonly Citation[]): CheckedQuotation[] {
  return checkedAll(corpus, quotationsOf(draft, citations));
}

/** The quotations cited in the footnotes `labels` (`quotationsOfNote`) of papers crp-cite has, each checked. */
export function checkedQuotationsOfNotes(draft: DraftIndex, corpus: Corpus, labels: Iterable<string>): CheckedQuotation[] {
  const out: CheckedQuotation[] = [];
  for (const label of labels) out.push(...checkedAll(corpus, quotationsOfNote(draft, label)));
  return out;
}

/** The quotations attributed to a paper with no paragraph in `[from, to)` (`attributedQuotations`) of papers crp-cite has, each checked. */
export function checkedAttributedQuotations(draft: DraftIndex, corpus: Corpus, from: number, to: number): CheckedQuotation[] {
  return checkedAll(corpus, attributedQuotations(draft, corpus.papers.map((p) => p.symbol), from, to));
}

/** Every quotation of the draft of papers crp-cite has, checked: those of `citations` (all the draft's, in order) and those cited in its footnotes. */
function checkedQuotationsOfDraft(draft: DraftIndex, corpus: Corpus, citations: readonly Citation[]): CheckedQuotation[] {
  return [...checkedQuotations(draft, corpus, citations), ...checkedQuotationsOfNotes(draft, corpus, labelsDefinedIn(draft, 0, draft.getText().length))];
}

/** One quotation as the panel counts it: the paper, the passages its citation covers (`countKey`s), and whether it checks out. */
export interface QuotationTally {
  symbol: string;
  keys: string[];
  ok: boolean;
}

/**
 * The draft's quotations as the panel counts them (`citations`: all the draft's, in order;
 * and those cited in its footnotes). A translation, not checked, is no mismatch.
 */
export function tallyQuotations(draft: DraftIndex, corpus: Corpus, citations: readonly Citation[]): QuotationTally[] {
  return checkedQuotationsOfDraft(draft, corpus, citations).map(({ quotation, check, paper }) => ({
    symbol: paper.symbol,
    keys: [...new Set(coveredByCitation(paper, quotation.citation).map(countKey))],
    ok: check.kind === 'found' || check.kind === 'translated',
  }));
}

/** Paragraph (`6`) or footnote (`n2`) → how many quotations of `symbol` cite it, and how many of those do not match. */
export function quotationCounts(tallies: Iterable<readonly QuotationTally[]>, symbol: string): Map<string, { quoted: number; mismatched: number }> {
  const counts = new Map<string, { quoted: number; mismatched: number }>();
  for (const list of tallies) {
    for (const q of list) {
      if (q.symbol !== symbol) continue;
      for (const key of q.keys) {
        const c = counts.get(key) ?? { quoted: 0, mismatched: 0 };
        c.quoted++;
        if (!q.ok) c.mismatched++;
        counts.set(key, c);
      }
    }
  }
  return counts;
}
