/**
 * Checking citations: what a writer would get wrong when citing a paper by hand.
 *
 * Findings carry a message key and its parameters, not a message: the server
 * translates them when it publishes (and again when the writer switches language),
 * the CLI when it prints. Each finding covers exactly the faulty token: the number,
 * the sub-paragraph reference, or the range or list item; never the whole line.
 *
 * `DraftChecker` keeps a draft's findings current edit by edit: an ordinary keystroke
 * re-checks only the citations on the lines it touched. An edit that may change what
 * is prose and what is not (backticks, angle brackets, link brackets, line breaks,
 * indentation) re-checks the whole draft; those are rare while typing.
 */
import type { Corpus, Paper } from '../corpus';
import { firstWholeSymbol, isWholeSymbol, letterWrittenIn, paragraphOf, type Citation, type CitationItem, type Reference, type UnreadReference } from '../grammar';
import { definitionLabelAround, firstNoteCall, labelsDefinedIn, labelsIn } from '../footnotes';
import type { DraftIndex } from '../draft/draftIndex';
import { SOURCE_REACH, sourcesNamedIn } from '../draft/papersNamed';
import { insertedEnd, lengthChange, startAfter, touchedAfter, type DraftEdit } from '../edits';
import { coveredByItem, referenceLabel } from '../resolve';
import { checkedAttributedQuotations, checkedQuotations, checkedQuotationsOfNotes, type Quotation, type QuotationCheck } from './quotations';
import { lineAt, lineStarts } from '../lines';

export const CODES = {
  unknownParagraph: 'crp-cite.unknown-paragraph',
  unknownSubParagraph: 'crp-cite.unknown-sub-paragraph',
  reversedRange: 'crp-cite.reversed-range',
  repeatedReference: 'crp-cite.repeated-reference',
  overlappingRange: 'crp-cite.overlapping-range',
  leadingZeros: 'crp-cite.leading-zeros',
  absurdNumber: 'crp-cite.absurd-number',
  unknownFootnote: 'crp-cite.unknown-footnote',
  ibidWithoutCitation: 'crp-cite.ibid-without-citation',
  ibidOfOtherSource: 'crp-cite.ibid-of-other-source',
  unreadCitation: 'crp-cite.unread-citation',
  quoteElsewhere: 'crp-cite.quote-elsewhere',
  quoteMismatch: 'crp-cite.quote-mismatch',
  notUtf8: 'crp-cite.not-utf8',
} as const;

export type DiagnosticCode = (typeof CODES)[keyof typeof CODES];
/** `info`: said, never failing a check (`crp-cite.unread-citation`, `crp-cite.ibid-of-other-source`). */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY: Record<DiagnosticCode, Severity> = {
  'crp-cite.unknown-paragraph': 'error',
  'crp-cite.unknown-sub-paragraph': 'error',
  'crp-cite.reversed-range': 'error',
  'crp-cite.absurd-number': 'error',
  'crp-cite.unknown-footnote': 'error',
  'crp-cite.ibid-without-citation': 'warning',
  // Said, not warned: the draft may be right (`A/68/190, para. 12. Ibid., para. 14.`).
  'crp-cite.ibid-of-other-source': 'info',
  'crp-cite.unread-citation': 'info',
  'crp-cite.quote-elsewhere': 'warning',
  'crp-cite.quote-mismatch': 'warning',
  'crp-cite.not-utf8': 'warning',
  'crp-cite.repeated-reference': 'warning',
  'crp-cite.overlapping-range': 'warning',
  'crp-cite.leading-zeros': 'warning',
};

/** Numbers from here on are not a paragraph number mistyped but something else pasted. */
const ABSURD_FROM = 10_000;

/** What a check found: never changed once made (a finding an edit moves is a new one). */
export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  /** A key under `diagnostics.` in locales/*.json, and its parameters. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** The citation the finding is in; an edit touching it re-checks it. */
  readonly citationStart: number;
  readonly citationEnd: number;
  /**
   * A quotation cited in a footnote (`“…”.[^4]`): the note's label. The citation is in the
   * note's definition, maybe pages below: `citationStart`/`End` cover the quotation and its
   * call, and an edit to the definition re-checks the note's quotations by this label.
   */
  readonly note?: string;
}

/**
 * A finding as a `DraftChecker` keeps it: with an identity that stays when an edit moves
 * it (the server publishes an unmoved finding's diagnostic again without converting it).
 */
export interface CheckedFinding extends Finding {
  readonly id: number;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function messageOf(finding: Finding, t: Translate): string {
  return t(`diagnostics.${finding.messageKey}`, finding.params);
}

/**
 * `6`, `6(a)`, `(c)`: a reference as the writer typed it, without leading zeros' surprise.
 * A letter-only list item is shown with the paragraph it names (`6(b)` for the `(b)` of
 * `§6(a) and (b)`): alone, `(b)` would not say which paragraph a message means. The
 * second half of a range stays `(c)`, read with its first half (`6(a)–(c)`).
 */
export function referenceText(ref: Reference): string {
  const note = ref.note ? `${ref.number ? ' ' : ''}n. ${ref.note.text}` : '';
  return `${(ref.number ?? ref.inherits)?.text ?? ''}${ref.sub ? `(${ref.sub.letter})` : ''}${note}`;
}

export function itemText(item: CitationItem): string {
  return item.to ? `${referenceText(item.from)}–${referenceText(item.to)}` : referenceText(item.from);
}

function letterRange(letters: readonly string[]): string {
  return letters.length === 1 ? `(${letters[0]})` : `(${letters[0]})–(${letters[letters.length - 1]})`;
}

/** The smallest pieces a citation can cover: a paragraph's lead-in or one of its sub-paragraphs. */
function atomsOf(paper: Paper, item: CitationItem): Set<string> {
  const atoms = new Set<string>();
  for (const c of coveredByItem(paper, item)) {
    if (c.footnote) atoms.add(`n${c.footnote.number}`);
    else if (c.sub) atoms.add(`${c.paragraph.number}(${c.sub.letter})`);
    else {
      atoms.add(String(c.paragraph.number));
      for (const s of c.paragraph.subParagraphs) atoms.add(`${c.paragraph.number}(${s.letter})`);
    }
  }
  return atoms;
}

/** Every problem in one citation of `paper`. */
function checkCitation(paper: Paper, citation: Citation): Finding[] {
  const out: Finding[] = [];
  const add = (code: DiagnosticCode, start: number, end: number, messageKey: string, params: Record<string, string | number>) =>
    out.push({ code, severity: SEVERITY[code], start, end, messageKey, params: { symbol: paper.symbol, ...params }, citationStart: citation.start, citationEnd: citation.end });
  const earlier: Array<{ atoms: Set<string>; text: string }> = [];

  for (const item of citation.items) {
    let broken = false;
    for (const ref of item.to ? [item.from, item.to] : [item.from]) {
      const n = ref.number;
      if (n) {
        const absurd = !Number.isSafeInteger(n.value) || n.value >= ABSURD_FROM;
        if (absurd) {
          add(CODES.absurdNumber, n.start, n.end, 'absurdNumber', { text: n.text.length > 12 ? `${n.text.slice(0, 10)}…` : n.text, max: paper.maxParagraph });
          broken = true;
          continue;
        }
        if (n.text.length > 1 && n.text.startsWith('0')) {
          add(CODES.leadingZeros, n.start, n.end, 'leadingZeros', { text: n.text, number: String(n.value) });
        }
        if (!paper.paragraph(n.value)) {
          add(CODES.unknownParagraph, n.start, n.end, 'unknownParagraph', { number: n.value, max: paper.maxParagraph });
          broken = true;
          continue;
        }
      }
      if (ref.sub) {
        const number = paragraphOf(ref, item);
        // A letter no paragraph is named for (`CRP/43, n. 3. Ibid., sub-para. (c)`): said, not
        // dropped in silence.
        if (!number) {
          add(CODES.unreadCitation, ref.start, ref.end, 'unreadNoParagraph', { letter: ref.sub.letter });
          broken = true;
          continue;
        }
        const paragraph = number && Number.isSafeInteger(number.value) ? paper.paragraph(number.value) : undefined;
        if (paragraph && !paper.subParagraph(paragraph.number, ref.sub.letter)) {
          // `6(d)` as a whole; `(d)` or `d)` alone in `6(a)–(d)`, `6 a) et d)`; the words of
          // `dicho apartado`, the letter being the citation's before.
          const start = ref.start;
          const end = letterWrittenIn(ref) ? ref.sub.end + 1 : ref.end;
          const letters = paragraph.subParagraphs.map((s) => s.letter);
          if (letters.length === 0) add(CODES.unknownSubParagraph, start, end, 'noSubParagraphs', { number: paragraph.number, letter: ref.sub.letter });
          else add(CODES.unknownSubParagraph, start, end, 'unknownSubParagraph', { number: paragraph.number, letter: ref.sub.letter, letters: letterRange(letters) });
          broken = true;
          continue;
        }
      }
      if (ref.note) {
        const note = ref.note;
        const footnote = Number.isSafeInteger(note.value) ? paper.footnote(note.value) : undefined;
        if (!footnote) {
          const numbers = paper.data.footnotes.map((f) => f.number);
          const text = note.text.length > 12 ? `${note.text.slice(0, 10)}…` : note.text;
          if (numbers.length === 0) add(CODES.unknownFootnote, note.start, note.end, 'noFootnotes', { note: text });
          else add(CODES.unknownFootnote, note.start, note.end, 'unknownFootnote', { note: text, max: Math.max(...numbers) });
          broken = true;
        } else if (ref.number && footnote.calledFrom.paragraph !== ref.number.value) {
          const { paragraph, subParagraph } = footnote.calledFrom;
          add(CODES.unknownFootnote, note.start, note.end, 'footnoteNotInParagraph', { note: note.text, number: ref.number.value, calledFrom: subParagraph ? `${paragraph}(${subParagraph})` : paragraph });
          broken = true;
        }
      }
    }
    if (broken) continue;

    if (item.to) {
      const from = item.from;
      const to = item.to;
      // Both known here (`broken` otherwise); a letter-only item's from inherits its
      // paragraph; a range of notes (`nn. 2–4`) is ordered by note.
      const fromNumber = from.note && !from.number ? from.note.value : paragraphOf(from, item)!.value;
      const toNumber = to.note && !to.number ? to.note.value : paragraphOf(to, item)!.value;
      let order = Math.sign(fromNumber - toNumber);
      if (order === 0 && from.sub && to.sub) order = Math.sign(from.sub.letter.charCodeAt(0) - to.sub.letter.charCodeAt(0));
      else if (order === 0 && (from.sub || to.sub)) order = 2;
      if (order === 1) {
        add(CODES.reversedRange, item.start, item.end, 'reversedRange', { from: referenceText(from), to: to.number ? referenceText(to) : `${fromNumber}${referenceText(to)}` });
        continue;
      }
      if (order === 0) {
        add(CODES.repeatedReference, item.start, item.end, 'rangeOfOne', { reference: referenceText(from) });
        continue;
      }
    }

    // The first and last item (most citations' only one) overlaps nothing: no atoms needed.
    if (earlier.length === 0 && item === citation.items[citation.items.length - 1]) continue;
    const atoms = atomsOf(paper, item);
    const overlapping = earlier.find((e) => [...atoms].some((a) => e.atoms.has(a)));
    if (overlapping) {
      const all = new Set(earlier.flatMap((e) => [...e.atoms]));
      if ([...atoms].every((a) => all.has(a))) add(CODES.repeatedReference, item.start, item.end, 'repeatedReference', { reference: itemText(item) });
      else add(CODES.overlappingRange, item.start, item.end, 'overlappingRange', { reference: itemText(item), other: overlapping.text });
    }
    earlier.push({ atoms, text: itemText(item) });
  }
  return out;
}

/**
 * Every problem in one citation: of its paper's when the paper is loaded; for a short
 * form (`Ibid.`) that follows no citation, a warning; for one that follows a source
 * crp-cite does not have, an information that it is not checked (the draft may be right).
 */
export function checkAnyCitation(corpus: Corpus, c: Citation, text: string): Finding[] {
  const paper = corpus.paper(c.symbol);
  if (paper) return checkCitation(paper, c);
  if (!c.short) return [];
  // The short form as written (`Id.`, `ibíd.`): the message names what the writer wrote.
  const form = text.slice(c.symbolStart, c.symbolEnd);
  const [code, messageKey, params] =
    c.unknownPaper === undefined
      ? [CODES.ibidWithoutCitation, 'ibidWithoutCitation', { form }]
      : c.afterReferenceCitingNothing
        ? [CODES.ibidOfOtherSource, 'ibidAfterReferenceCitingNothing', { form, reference: c.unknownPaper }]
        : [CODES.ibidOfOtherSource, 'ibidOfUnknownPaper', { form, paper: c.unknownPaper }];
  return [{ code, severity: SEVERITY[code], start: c.symbolStart, end: c.symbolEnd, messageKey, params, citationStart: c.start, citationEnd: c.end }];
}

const UNREAD_MESSAGES: Record<UnreadReference['kind'], string> = {
  page: 'unreadPage',
  division: 'unreadDivision',
  numberWord: 'unreadNumberWord',
  notNumber: 'unreadNotNumber',
  symbolVariant: 'unreadSymbolVariant',
  markTypo: 'unreadMarkTypo',
  subItem: 'unreadSubItem',
  unnamedPaper: 'unreadUnnamedPaper',
  following: 'unreadFollowing',
};

/**
 * What looks like a citation but is not read (`CRP/43, p. 3`, `CRP/43 §six`): said, so
 * that the writer does not take silence for a citation checked. Covers what was written
 * after the symbol.
 */
export function unreadFinding(u: UnreadReference): Finding {
  const code = CODES.unreadCitation;
  const start = u.end - u.written.length;
  const fixed = u.fix ? `${u.written.slice(0, u.fix.start - start)}${u.fix.newText}${u.written.slice(u.fix.end - start)}` : '';
  // (On one line in the message: `párrafo vigésimo` ⏎ `segundo` is hard-wrapped prose.)
  const oneLine = (words: string) => words.replace(/\s+/g, ' ');
  return { code, severity: SEVERITY[code], start, end: u.end, messageKey: UNREAD_MESSAGES[u.kind], params: { symbol: u.symbol, written: oneLine(u.written), fixed: oneLine(fixed) }, citationStart: u.start, citationEnd: u.end };
}

/** The finding a quotation's check gives, if any: it covers the quoted words; an edit to them or to the citation checks it again. */
export function quotationFinding(quotation: Quotation, check: QuotationCheck, symbol: string): Finding | undefined {
  if (check.kind !== 'elsewhere' && check.kind !== 'mismatch') return undefined;
  const { citation } = quotation;
  // `Ibid.` alone: the references it repeats.
  const { items } = citation.items.length === 0 && citation.repeats ? citation.repeats : citation;
  const cited = items.length === 1 ? itemText(items[0]!) : items.map(itemText).join(', ');
  const code = check.kind === 'elsewhere' ? CODES.quoteElsewhere : CODES.quoteMismatch;
  // A quotation one word away from the paper: the message says which (`recruitement`).
  const only = check.kind === 'mismatch' ? check.onlyChange : undefined;
  const [messageKey, params]: [string, Record<string, string>] =
    check.kind === 'elsewhere'
      ? ['quoteElsewhere', { symbol, cited, found: referenceLabel(check.passage) }]
      : quotation.ofWholePaper
        ? only
          ? ['quoteNotInPaperAt', { symbol, quoted: only.quoted, paper: only.paper }]
          : ['quoteNotInPaper', { symbol }]
        : only
          ? ['quoteMismatchAt', { symbol, cited, quoted: only.quoted, paper: only.paper }]
          : ['quoteMismatch', { symbol, cited }];
  return {
    code,
    severity: SEVERITY[code],
    start: quotation.start,
    end: quotation.end,
    messageKey,
    params,
    ...(quotation.note
      ? { citationStart: quotation.start, citationEnd: quotation.note.end, note: quotation.note.label }
      : { citationStart: Math.min(quotation.start, citation.start), citationEnd: Math.max(quotation.end, citation.end) }),
  };
}

/**
 * The findings of the quotations of `citations` (in order; those of loaded papers are
 * checked), and of those cited in the footnotes `notes` (their labels).
 */
function quotationFindings(draft: DraftIndex, corpus: Corpus, citations: readonly Citation[], notes: Iterable<string>, attributedIn: { from: number; to: number }): Finding[] {
  const out: Finding[] = [];
  const checked = [...checkedQuotations(draft, corpus, citations), ...checkedQuotationsOfNotes(draft, corpus, notes), ...checkedAttributedQuotations(draft, corpus, attributedIn.from, attributedIn.to)];
  for (const { quotation, check, paper } of checked) {
    const finding = quotationFinding(quotation, check, paper.symbol);
    if (finding) out.push(finding);
  }
  return out;
}

const isQuotationFinding = (f: Finding) => f.code === CODES.quoteElsewhere || f.code === CODES.quoteMismatch;

/** Findings in order of where they start (citations' and unread references' merged). */
function byStart<F extends Finding>(findings: F[]): F[] {
  return findings.sort((a, b) => a.start - b.start);
}

export function checkCitations(corpus: Corpus, citations: readonly Citation[], text: string): Finding[] {
  const out: Finding[] = [];
  for (const c of citations) out.push(...checkAnyCitation(corpus, c, text));
  return out;
}

/**
 * Silencing comments, read from the raw text (the draft index blanks comments):
 *   <!-- crp-cite-disable-next-line [code ...] -->   the line after the comment's
 *   <!-- crp-cite-disable-line [code ...] -->        the comment's own line
 *   <!-- crp-cite-disable [code ...] -->             from here to `crp-cite-enable` or the end
 *   <!-- crp-cite-enable -->                         ends every region disabled before it
 *                                                    (codes written after it are not read)
 * Codes may be written with or without their `crp-cite.` prefix; none means every code.
 * A comment inside code (`inCode`: a code block or span, where a guide quotes one) is text,
 * not a directive.
 */
export class Suppressions {
  private readonly lines = new Map<number, Set<string> | 'all'>();
  private readonly regions: Array<{ from: number; to: number; codes: Set<string> | 'all' }> = [];
  /** The text holds a directive, in code or not: an edit that opens or closes code may change what it does. */
  readonly written: boolean = false;

  constructor(text: string, lineOf: (offset: number) => number, inCode?: (offset: number) => boolean) {
    const directive = /<!--\s*crp-cite-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;
    const open: Array<{ from: number; codes: Set<string> | 'all' }> = [];
    for (let m = directive.exec(text); m; m = directive.exec(text)) {
      this.written = true;
      if (inCode?.(m.index)) continue;
      const words = m[2]!.split(/[\s,]+/).filter((w) => w !== '').map((w) => (w.startsWith('crp-cite.') ? w : `crp-cite.${w}`));
      const codes: Set<string> | 'all' = words.length === 0 ? 'all' : new Set(words);
      const line = lineOf(m.index);
      if (m[1] === 'disable-next-line') this.addLine(lineOf(m.index + m[0].length) + 1, codes);
      else if (m[1] === 'disable-line') this.addLine(line, codes);
      else if (m[1] === 'disable') open.push({ from: line, codes });
      else {
        for (const o of open.splice(0)) this.regions.push({ from: o.from, to: line, codes: o.codes });
      }
    }
    for (const o of open) this.regions.push({ from: o.from, to: Number.POSITIVE_INFINITY, codes: o.codes });
  }

  private addLine(line: number, codes: Set<string> | 'all'): void {
    const existing = this.lines.get(line);
    if (existing === 'all' || codes === 'all') this.lines.set(line, 'all');
    else this.lines.set(line, new Set([...(existing ?? []), ...codes]));
  }

  get empty(): boolean {
    return this.lines.size === 0 && this.regions.length === 0;
  }

  silences(code: string, line: number): boolean {
    const onLine = this.lines.get(line);
    if (onLine === 'all' || onLine?.has(code)) return true;
    return this.regions.some((r) => line >= r.from && line <= r.to && (r.codes === 'all' || r.codes.has(code)));
  }
}

/**
 * Zero-based line of each offset, by binary search over line starts, found when first
 * asked: most drafts have no silencing comment, and nothing asks for their lines.
 */
export function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => lineAt((starts ??= lineStarts(text)), offset);
}

/** Every finding in a whole draft, silenced ones removed: the CLI and one-shot checks. */
export function checkDraft(draft: DraftIndex, corpus: Corpus): Finding[] {
  const text = draft.getText();
  const lineOf = lineIndex(text);
  const suppressions = new Suppressions(text, lineOf, (offset) => draft.inCode(offset));
  const citations = draft.citations();
  const notes = labelsDefinedIn(draft, 0, text.length);
  const findings = byStart([...checkCitations(corpus, citations, text), ...draft.unreadIn().map(unreadFinding), ...quotationFindings(draft, corpus, citations, notes, { from: 0, to: text.length })]);
  return findings.filter((f) => suppressions.empty || !suppressions.silences(f.code, lineOf(f.start)));
}

/**
 * Characters of a draft checked per slice of a full check: some 5–10 ms of work. Between
 * slices the server answers what came meanwhile (a hover on a draft just opened).
 */
const CHECK_SLICE = 16 * 1024;

/** Characters whose insertion or removal can turn prose into code, a comment or a link, or move lines. */
const STRUCTURAL = /[`~<>[\]()\\\n\r\t]|crp-cite/;

/**
 * `finding` moved by `delta` characters, with identity `id`: a new object. Written out
 * field by field, so that every kept finding has one shape (a spread copies whatever the
 * producer wrote, and an edit moves some thousand findings of a large draft).
 */
function checkedFinding(finding: Finding, id: number, delta = 0): CheckedFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    start: finding.start + delta,
    end: finding.end + delta,
    messageKey: finding.messageKey,
    params: finding.params,
    citationStart: finding.citationStart + delta,
    citationEnd: finding.citationEnd + delta,
    note: finding.note,
    id,
  };
}

/** `finding` where an edit that changed the text's length by `delta` before it moved it: a new finding, with the same identity. */
const moved = (finding: CheckedFinding, delta: number): CheckedFinding => checkedFinding(finding, finding.id, delta);

/** The findings an edit leaves: those before it as they are, those after it moved; those of the citations it touched are gone. */
function afterEdit(findings: readonly CheckedFinding[], edit: DraftEdit): CheckedFinding[] {
  const delta = lengthChange(edit);
  const kept: CheckedFinding[] = [];
  for (const f of findings) {
    if (f.citationEnd < edit.start) kept.push(f);
    else if (f.citationStart > edit.end) kept.push(delta === 0 ? f : moved(f, delta));
  }
  return kept;
}

/**
 * A draft's findings, kept current across edits. Call `edited` for each edit as it
 * happens (with the text after it), `findings` when the result is wanted.
 *
 * A full check (a draft just opened, an edit that changed what is prose) goes slice by
 * slice, from the top: `checkSome` does slices until a deadline, and edits made between
 * two calls move what the slices before found, as they move finished findings.
 *
 * Findings are never changed: an edit makes new arrays, with new findings for those it
 * moved, which keep their `id`. A list `findings` returned stays as it was.
 */
export class DraftChecker {
  private findingsByStart: readonly CheckedFinding[] = [];
  private lastId = 0;
  private suppressions: Suppressions | undefined;
  private needsFull = true;
  /** A full check under way: what its slices found, and where the next one starts (a block's start). */
  private full: { findings: CheckedFinding[]; checkedTo: number; checked: number } | undefined;
  /** Silencing comments may have changed since they were read. */
  private suppressionsStale = false;
  /** What edits since the last check touched, in current offsets. */
  private dirty: { start: number; end: number } | undefined;
  /**
   * What the references without a symbol after those edits take their paper from
   * changed (`DraftIndex.paperOfBareAt`): a paper's symbol written or unwritten, up to its
   * next one; a source named in their paragraph, to its block's end.
   */
  private mentionsChanged = false;
  private namesChanged = false;
  /** A footnote's definition named or unnamed a paper that its call names above the draft's first symbol (`namesPaperAbove`): checked again whole. */
  private notesNamingChanged = false;
  /** Footnotes whose definition an edit removed or relabelled: their quotations are checked again (see `Finding.note`). */
  private notesTouched = new Set<string>();
  /** Citations re-checked by the last call to `findings` (measurement and tests). */
  lastChecked = 0;

  /** `slice`: characters per slice of a full check (tests use tiny ones). */
  constructor(
    private readonly corpus: Corpus,
    private readonly slice = CHECK_SLICE,
  ) {}

  /** A whole-text replacement, or anything not described edit by edit. */
  reset(): void {
    this.needsFull = true;
    this.full = undefined;
    this.dirty = undefined;
    this.mentionsChanged = this.namesChanged = this.notesNamingChanged = false;
    this.notesTouched = new Set();
  }

  /** Whether `findings` would have to check the whole draft, or what is left of it. */
  get checkingAll(): boolean {
    return this.needsFull;
  }

  /**
   * `reparsed`: the text the draft index parsed again for this edit (`lastReparsed`).
   * With it, every edit re-checks the blocks the index re-parsed, and an edit that
   * changes what is prose (a backtick, a line break) no more than those rather than
   * the whole draft: citations elsewhere are the ones checked before.
   */
  edited(edit: DraftEdit, textAfter: string, reparsed?: { start: number; end: number }): void {
    if (this.needsFull && !this.full) return;
    const lineStart = textAfter.lastIndexOf('\n', edit.start - 1) + 1;
    const lineEnd = textAfter.indexOf('\n', insertedEnd(edit));
    const line = textAfter.slice(lineStart, lineEnd < 0 ? textAfter.length : lineEnd);
    // Indentation and line starts decide code blocks, lists and headings.
    const atIndentation = /^[ \t>]*$/.test(textAfter.slice(lineStart, edit.start));
    const structural = STRUCTURAL.test(edit.removed) || STRUCTURAL.test(edit.inserted) || atIndentation;
    // Silencing comments are found by line: they are read again when lines move or comments change.
    const linesMoved = /[\n\r]/.test(edit.removed) || /[\n\r]/.test(edit.inserted);
    // They only filter findings: reading them again does not need the citations checked again.
    if (/crp-cite|<!--|-->/.test(edit.removed + edit.inserted) || /<!--|-->/.test(line) || (linesMoved && !this.suppressions?.empty)) this.suppressionsStale = true;
    // A backtick, a tilde, a line break or an indentation may put a directive into code
    // (a fence, a code span, an indented block), or take it out.
    if (this.suppressions?.written && (atIndentation || /[`~\n\r]/.test(edit.removed + edit.inserted))) this.suppressionsStale = true;
    if (structural && !reparsed) {
      this.reset();
      return;
    }
    if (this.full) {
      // The slices to come read the edited text; what the edit touched before them is dirty.
      this.full = { ...this.full, findings: afterEdit(this.full.findings, edit), checkedTo: startAfter(this.full.checkedTo, edit) };
    } else {
      this.findingsByStart = afterEdit(this.findingsByStart, edit);
    }
    this.noteNamesChanged(edit, textAfter, reparsed, structural);
    if (this.notesNamingChanged) {
      this.reset();
      return;
    }
    // A footnote's definition deleted or its label changed: its quotations, wherever they
    // are, lose their citation (the lines after the edit are looked through in `findings`).
    if (line.includes('[^') || /[[\]^]/.test(edit.removed)) {
      const lineBefore = textAfter.slice(lineStart, edit.start) + edit.removed + textAfter.slice(insertedEnd(edit), lineEnd < 0 ? textAfter.length : lineEnd);
      for (const label of labelsIn(lineBefore, 0, lineBefore.length)) this.notesTouched.add(label);
    }
    const touched = touchedAfter(this.dirty, edit);
    // Any edit can change a block's kind (`<div>` to `<8div>`): what the index parsed
    // again is what may hold different citations.
    this.dirty = reparsed ? { start: Math.min(touched.start, reparsed.start), end: Math.max(touched.end, reparsed.end) } : touched;
  }

  /**
   * Whether `edit` wrote or unwrote a paper's symbol, or changed the sources named around
   * it (see `mentionsChanged`). A symbol in what the index parsed again may have gone
   * into code or come out of it (`    CRP/43` indented, then not).
   */
  private noteNamesChanged(edit: DraftEdit, textAfter: string, reparsed: { start: number; end: number } | undefined, structural: boolean): void {
    if (this.mentionsChanged) return;
    const around = (reach: number) => {
      const from = Math.max(0, edit.start - reach);
      const end = insertedEnd(edit);
      return [textAfter.slice(from, end + reach), textAfter.slice(from, edit.start) + edit.removed + textAfter.slice(end, end + reach)] as const;
    };
    const symbols = this.corpus.papers.map((p) => p.symbol);
    const [after, before] = around(Math.max(...symbols.map((s) => s.length)) + 1);
    // A footnote call may name a paper too, by its note (`DraftIndex.noteMentionsUpTo`).
    const mentions = (text: string) =>
      [...symbols, '[^']
        .map((s) => {
          let n = 0;
          for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) if (s === '[^' || isWholeSymbol(text, at, at + s.length)) n++;
          return n;
        })
        .join();
    const reparsedText = reparsed ? textAfter.slice(reparsed.start, reparsed.end) : '';
    const changed = mentions(after) !== mentions(before);
    if (changed && namesPaperAbove(textAfter, edit.start, symbols)) this.notesNamingChanged = true;
    if (changed || symbols.some((s) => reparsedText.includes(s))) this.mentionsChanged = true;
    // A source in what was parsed again may have gone into code or come out of it.
    else if (structural && sourcesNamedIn(reparsedText).length > 0) this.namesChanged = true;
    else if (!this.namesChanged) {
      // A publication's italic title and imprint reach furthest: some 200 characters.
      const [wide, wideBefore] = around(SOURCE_REACH);
      this.namesChanged = sourcesNamedIn(wide).join('\n') !== sourcesNamedIn(wideBefore).join('\n');
    }
  }

  /** `findings` with an identity each. */
  private identified(findings: Iterable<Finding>): CheckedFinding[] {
    const out: CheckedFinding[] = [];
    for (const f of findings) out.push(checkedFinding(f, ++this.lastId));
    return out;
  }

  /**
   * Goes on with the full check until it is done or `deadline` (`performance.now()`) has
   * passed, slice by slice. Returns whether the full check is done.
   */
  checkSome(draft: DraftIndex, deadline: number, lineOf?: (offset: number) => number): boolean {
    if (!this.needsFull) return true;
    const text = draft.getText();
    const full = (this.full ??= { findings: [], checkedTo: 0, checked: 0 });
    while (full.checkedTo < text.length) {
      const from = full.checkedTo;
      // Whole blocks: a citation and its quotation are in one, or in two next to each other.
      // (Past the last block, the blank lines after it: the slice's own end.)
      const to = Math.max(Math.min(text.length, from + this.slice), draft.blockSpanAt(Math.min(text.length - 1, from + this.slice)).end);
      const citations = draft.citationsIn(from, to).filter((c) => c.start >= from);
      const found: Finding[] = [];
      for (const c of citations) for (const f of checkAnyCitation(this.corpus, c, text)) found.push(f);
      // Quotations cited in a footnote are checked with the note's definition: the slices
      // before it have read the calls above it.
      for (const f of quotationFindings(draft, this.corpus, citations, labelsDefinedIn(draft, from, to), { from, to })) found.push(f);
      for (const u of draft.unreadIn(from, to)) if (u.start >= from) found.push(unreadFinding(u));
      // The checker's own list, until the check is done: appended to, never shared.
      for (const f of this.identified(found)) full.findings.push(f);
      full.checked += citations.length;
      full.checkedTo = to;
      if (performance.now() >= deadline) return false;
    }
    this.lastChecked = full.checked;
    this.findingsByStart = byStart(full.findings);
    this.full = undefined;
    this.suppressions = new Suppressions(text, lineOf ?? lineIndex(text), (offset) => draft.inCode(offset));
    this.suppressionsStale = false;
    this.needsFull = false;
    return true;
  }

  /**
   * The draft's findings now, silenced ones removed. `lineOf` gives the current line of
   * an offset (the server has it already; without it, it is computed when needed).
   */
  findings(draft: DraftIndex, lineOf?: (offset: number) => number): readonly CheckedFinding[] {
    const text = draft.getText();
    let checked = 0;
    if (this.needsFull) {
      this.checkSome(draft, Number.POSITIVE_INFINITY, lineOf);
      checked = this.lastChecked;
    }
    if (this.dirty) {
      // A citation may start on the line before (symbol, break, mark): re-check from there.
      const firstLineStart = text.lastIndexOf('\n', this.dirty.start - 1);
      const from = firstLineStart <= 0 ? 0 : text.lastIndexOf('\n', firstLineStart - 1) + 1;
      const lineEnd = text.indexOf('\n', this.dirty.end);
      let to = lineEnd < 0 ? text.length : lineEnd;
      // Quotations and their citations: in the edited blocks and two blocks on each side. A
      // block quote stands just before or after the paragraph that cites it, and goes to a
      // citation on the line after it rather than one on the line before: an edit to either
      // line decides which of the two citations, a block apart, it belongs to.
      const last = Math.max(0, text.length - 1);
      // The start of the block before the one starting at `start`; the end of the block after the one ending at `end`.
      const startBefore = (start: number) => (start === 0 ? 0 : draft.blockSpanAt(start - 1).start);
      const endAfter = (end: number) => draft.blockSpanAt(Math.min(last, end)).end;
      // Whole blocks, `[quoteFrom, quoteTo)`: a quotation is told from a title by every
      // citation of its block (`paragraphs 13` ⏎ `"title CRP/43 §9"` cites no quotation; with
      // the block cut after its first citation, it did).
      let quoteFrom = startBefore(startBefore(draft.blockSpanAt(from).start));
      let quoteTo = endAfter(endAfter(draft.blockSpanAt(Math.min(to, last)).end));
      // And the whole of a quotation finding reaching into them: its citation is checked again with it.
      for (let moved = true; moved; ) {
        moved = false;
        for (const f of this.findingsByStart) {
          if (!isQuotationFinding(f) || f.citationEnd <= quoteFrom || f.citationStart >= quoteTo) continue;
          if (f.citationStart < quoteFrom || f.citationEnd > quoteTo) {
            quoteFrom = draft.blockSpanAt(Math.min(quoteFrom, f.citationStart)).start;
            quoteTo = draft.blockSpanAt(Math.max(quoteTo, f.citationEnd) - 1).end;
            moved = true;
          }
        }
      }
      const around = draft.citationsIn(quoteFrom, quoteTo).filter((c) => c.end > quoteFrom && c.start < quoteTo);
      const citations = around.filter((c) => c.end >= from && c.start <= to);
      // Above the draft's first mention of a paper, references without one are said
      // (`DraftIndex.unnamedPaperIn`): a mention or a source written or unwritten changes
      // which, wherever they are.
      const unnamedChanged = this.mentionsChanged || this.namesChanged;
      // References without a symbol after the edit whose paper it may have changed: checked
      // again too, those starting before `bareEnd` (a mention of a paper, or a block's end).
      const bareEnd = this.mentionsChanged ? draft.nextPaperMentionAfter(to + 1) : this.namesChanged ? draft.blockSpanAt(Math.min(to + 1, last)).end : to;
      if (bareEnd > to + 1) {
        for (const c of draft.citationsIn(to + 1, bareEnd)) if (c.start > to && c.start < bareEnd) citations.push(c);
        to = bareEnd - 1;
      }
      // Short forms after those (`Ibid.`) take their paper from before them: checked again
      // too. Asked once the edited lines are read, so their blocks are not parsed twice.
      const shortFormsEnd = draft.shortFormsEndAfter(to + 1);
      if (shortFormsEnd > to + 1) {
        for (const c of draft.citationsIn(to + 1, shortFormsEnd)) if (c.start > to) citations.push(c);
        to = shortFormsEnd;
      }
      this.mentionsChanged = this.namesChanged = false;
      checked += citations.length;
      // Quotations cited in a footnote: of the notes called or defined in what is checked
      // again (a definition's citation may be one of those), or whose definition an edit
      // removed, wherever their calls are.
      const notes = labelsIn(text, Math.min(from, quoteFrom), Math.max(to + 1, quoteTo));
      for (const label of this.notesTouched) notes.add(label);
      this.notesTouched = new Set();
      const near = (u: { start: number; end: number }) => u.end >= from && u.start <= to;
      const unread = draft.unreadIn(from, to + 1).filter(near);
      if (unnamedChanged) for (const u of draft.unnamedPaperIn(0, Number.POSITIVE_INFINITY)) if (!near(u)) unread.push(u);
      const fresh = this.identified([...checkCitations(this.corpus, citations, text), ...unread.map(unreadFinding), ...quotationFindings(draft, this.corpus, around, notes, { from: quoteFrom, to: quoteTo })]);
      const kept = this.findingsByStart.filter((f) =>
        isQuotationFinding(f)
          ? (f.note === undefined || !notes.has(f.note)) && (f.citationEnd <= quoteFrom || f.citationStart >= quoteTo)
          : (f.citationEnd < from || f.citationStart > to) && !(unnamedChanged && f.messageKey === UNREAD_MESSAGES.unnamedPaper),
      );
      this.findingsByStart = byStart([...kept, ...fresh]);
      this.dirty = undefined;
    }
    this.lastChecked = checked;
    if (this.suppressionsStale) {
      this.suppressions = new Suppressions(text, lineOf ?? lineIndex(text), (offset) => draft.inCode(offset));
      this.suppressionsStale = false;
    }
    const suppressions = this.suppressions!;
    if (suppressions.empty) return this.findingsByStart;
    const line = lineOf ?? lineIndex(text);
    return this.findingsByStart.filter((f) => !suppressions.silences(f.code, line(f.start)));
  }
}

/**
 * Whether the edit at `at` of `text` is in a footnote's definition whose note is called
 * before the draft's first symbol of a paper: there the call names the paper the
 * definition names (`DraftIndex.noteMentions`), and the references after it, far above
 * the edit, may cite another one now.
 */
function namesPaperAbove(text: string, at: number, symbols: readonly string[]): boolean {
  const label = definitionLabelAround(text, at);
  if (label === undefined) return false;
  const call = firstNoteCall(text, label);
  return call >= 0 && call < (firstWholeSymbol(text, symbols, 0, text.length)?.at ?? text.length);
}
