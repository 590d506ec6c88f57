/**
 * The annex a reviewer asks for when a draft goes out: which passages of the paper the
 * drafts rely on, in the paper's order, how often and where each is cited, and which
 * passages are cited nowhere. Pure: the CLI (`crp-cite annex`) and the editor's command
 * format it.
 */
import type { Paper } from '../corpus';
import type { Citation } from '../grammar';
import { oneLine } from '../lines';
import { coveredByCitation, coveredKey, referenceLabel, type Covered } from '../resolve';

/** One passage of the annex: a paragraph, a sub-paragraph or a footnote. */
export interface AnnexEntry {
  /** `6`, `6(a)`, `n. 2`, as citations write it. */
  reference: string;
  /** The heading the passage stands under. */
  heading: string;
  /** Its whole text (a paragraph's own words, its lead-in when it has sub-paragraphs). */
  text: string;
  /** Each citation of it, once per citation: the draft and the one-based line. */
  where: Array<{ path: string; line: number }>;
}

export interface Annex {
  symbol: string;
  drafts: number;
  /** Passages cited at least once, in the paper's order. */
  cited: AnnexEntry[];
  /** Passages cited nowhere, in the paper's order. */
  neverCited: AnnexEntry[];
}

/** Every passage of the paper in its order: each paragraph, then its sub-paragraphs, then its footnotes. */
function passagesOf(paper: Paper): Covered[] {
  const out: Covered[] = [];
  for (const paragraph of paper.data.paragraphs) {
    out.push({ paragraph });
    for (const sub of paragraph.subParagraphs) out.push({ paragraph, sub });
    for (const footnote of paper.footnotesOf(paragraph.number)) {
      const letter = footnote.calledFrom.subParagraph;
      const sub = letter === undefined ? undefined : paper.subParagraph(paragraph.number, letter);
      out.push(sub ? { paragraph, sub, footnote } : { paragraph, footnote });
    }
  }
  return out;
}

function textOf(c: Covered): string {
  return c.footnote ? c.footnote.text : c.sub ? c.sub.text : c.paragraph.text;
}

/**
 * The annex of `paper` over drafts whose citations are given with a way to tell an
 * offset's line. A citation of a paragraph cites it, not each of its sub-paragraphs: `§6`
 * is listed under 6, `§6(a)` under 6(a).
 */
export function annexOf(paper: Paper, drafts: ReadonlyArray<{ path: string; citations: readonly Citation[]; lineOf: (offset: number) => number }>): Annex {
  const where = new Map<string, Array<{ path: string; line: number }>>();
  for (const draft of drafts) {
    for (const citation of draft.citations) {
      if (citation.symbol !== paper.symbol) continue;
      const line = draft.lineOf(citation.start) + 1;
      for (const key of new Set(coveredByCitation(paper, citation).map(coveredKey))) {
        const list = where.get(key) ?? [];
        list.push({ path: draft.path, line });
        where.set(key, list);
      }
    }
  }
  const entry = (c: Covered): AnnexEntry => ({
    reference: c.footnote ? referenceLabel(c) : `§${referenceLabel(c)}`,
    heading: paper.section(c.paragraph)?.heading ?? '',
    text: textOf(c),
    where: where.get(coveredKey(c)) ?? [],
  });
  const all = passagesOf(paper).map(entry);
  return { symbol: paper.symbol, drafts: drafts.length, cited: all.filter((e) => e.where.length > 0), neverCited: all.filter((e) => e.where.length === 0) };
}

/** A passage's first sentence: the annex's short form (the whole text with `--full`). */
function firstSentence(text: string): string {
  const plain = text.replace(/\*([^*]+)\*/g, '$1');
  return /^.*?[.!?:](?=\s|$)/s.exec(plain)?.[0] ?? plain;
}

/** Text for a Markdown table cell: one line, `|` escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|').trim();
}

export type AnnexWords = (key: string, options?: Record<string, unknown>) => string;

/** The annex as Markdown: a table of what is cited, with links to each citation, and one of what is not. */
export function annexMarkdown(annex: Annex, t: AnnexWords, full: boolean): string {
  const text = (e: AnnexEntry) => cell(full ? e.text.replace(/\*([^*]+)\*/g, '$1') : firstSentence(e.text));
  const lines = [`# ${t('annex.title', { symbol: annex.symbol, count: annex.drafts })}`, ''];
  if (annex.cited.length === 0) lines.push(t('annex.noneCited'), '');
  else {
    lines.push(`| ${t('annex.passage')} | ${t('annex.heading')} | ${t('annex.text')} | ${t('annex.citations')} | ${t('annex.where')} |`, '| --- | --- | --- | ---: | --- |');
    for (const e of annex.cited) {
      const links = e.where.map((w) => `[${cell(w.path)}:${w.line}](${encodeURI(w.path.split('\\').join('/'))}#L${w.line})`).join(', ');
      lines.push(`| ${e.reference} | ${cell(e.heading)} | ${text(e)} | ${e.where.length} | ${links} |`);
    }
    lines.push('');
  }
  lines.push(`## ${t('annex.neverCited')}`, '');
  if (annex.neverCited.length === 0) lines.push(t('annex.allCited'), '');
  else {
    lines.push(`| ${t('annex.passage')} | ${t('annex.heading')} | ${t('annex.text')} |`, '| --- | --- | --- |');
    for (const e of annex.neverCited) lines.push(`| ${e.reference} | ${cell(e.heading)} | ${text(e)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
