/**
 * What the side panel shows of a paper and of a draft: the paper's outline with its whole
 * text, how often a draft cites each paragraph, and which paragraph a cursor position
 * cites. Pure: the LSP handler adds URIs and the transport.
 */
import type { Paper } from '../corpus';
import type { Citation } from '../grammar';
import type { DraftIndex } from '../draft/draftIndex';
import { countKey, coveredByCitation, coveredByItem, resolveReference, targetUnderCursor } from '../resolve';
import type { CitedPassage, Outline, OutlineFootnote } from '../../protocol';
import { firstWords } from './render';

export function outlineOf(paper: Paper): Omit<Outline, 'renderingUri'> {
  const note = (f: Paper['data']['footnotes'][number]): OutlineFootnote => ({ number: f.number, marker: f.marker, firstWords: firstWords(f.text), text: f.text, line: f.line });
  const { data } = paper;
  return {
    symbol: data.symbol,
    title: data.title,
    date: data.date,
    sections: data.sections.map((s) => ({ heading: s.heading, level: s.level, line: s.line })),
    paragraphs: data.paragraphs.map((p) => ({
      number: p.number,
      firstWords: firstWords(p.text),
      text: p.text,
      section: p.section,
      line: p.line,
      subParagraphs: p.subParagraphs.map((s) => ({
        letter: s.letter,
        firstWords: firstWords(s.text),
        text: s.text,
        line: s.line,
        footnotes: paper.footnotesOf(p.number, s.letter).map(note),
      })),
      footnotes: paper.footnotesOf(p.number).filter((f) => f.calledFrom.subParagraph === undefined).map(note),
    })),
  };
}

/**
 * Paragraph number (`6`) or footnote (`n2`) → how many of `citations` cover it. A
 * citation counts once per paragraph: `§§6–8` adds one to 6, 7 and 8; `§6(a), (b)` adds
 * one to 6; `note 2` adds one to n2, not to the paragraph the note is called from.
 */
export function countCitations(paper: Paper, citations: readonly Citation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const citation of citations) {
    // `Ibid.` alone repeats a citation already counted: as in a closed draft's compact citations, it adds nothing.
    if (citation.symbol !== paper.symbol || citation.items.length === 0) continue;
    const numbers = new Set(coveredByCitation(paper, citation).map(countKey));
    for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

/**
 * Paragraph number (`6`) or footnote (`n2`) → offset where `citations` first cite it: on
 * the number when a reference names it, else (inside a range like `§§6–8` for 7) at the
 * range's start.
 */
export function firstCitationOffsets(paper: Paper, citations: readonly Citation[]): Map<string, number> {
  const named = new Map<string, number>();
  const inRange = new Map<string, number>();
  for (const citation of citations) {
    if (citation.symbol !== paper.symbol) continue;
    for (const item of citation.items) {
      for (const ref of item.to ? [item.from, item.to] : [item.from]) {
        const covered = resolveReference(paper, ref, item);
        const key = covered && countKey(covered);
        if (key && !named.has(key)) named.set(key, (covered.footnote ? ref.note : ref.number)?.start ?? ref.start);
      }
      for (const c of coveredByItem(paper, item)) {
        const key = countKey(c);
        if (!inRange.has(key)) inRange.set(key, item.start);
      }
    }
  }
  for (const [n, offset] of inRange) if (!named.has(n)) named.set(n, offset);
  return named;
}

/**
 * The paragraph a cursor at `offset` cites: the number or letter under it, or the
 * citation's first paragraph when the cursor is on the symbol or the mark.
 */
export function citedPassageAt(draft: DraftIndex, papers: (symbol: string) => Paper | undefined, offset: number): CitedPassage | undefined {
  const at = targetUnderCursor(draft, { paper: papers }, offset);
  const covered = at?.kind === 'citation' ? at.covered[0] : at?.resolved;
  if (!at || !covered) return undefined;
  return { symbol: at.paper.symbol, paragraph: covered.paragraph.number, ...(covered.sub ? { subParagraph: covered.sub.letter } : {}) };
}
