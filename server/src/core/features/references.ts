/**
 * Find all references: which paragraph a position names (a number or letter in a
 * citation, or a paragraph's line in the paper's rendering), and where a set of citations
 * cites it. A range or list that covers the paragraph counts: `§§11–14` cites 12.
 */
import type { Corpus, Paper } from '../corpus';
import type { Citation } from '../grammar';
import type { DraftIndex } from '../draft/draftIndex';
import { coveredByItem, coversPassage, targetUnderCursor, type Covered, type Passage } from '../resolve';

export interface PassageRef extends Passage {
  paper: Paper;
}

/** The passage a covered paragraph, sub-paragraph or footnote is. */
function passageOf(paper: Paper, c: Covered): PassageRef {
  if (c.footnote) return { paper, paragraph: c.paragraph.number, note: c.footnote.number };
  return c.sub ? { paper, paragraph: c.paragraph.number, letter: c.sub.letter } : { paper, paragraph: c.paragraph.number };
}

/** The passage named under `offset` in a draft, if the cursor is on a citation. */
export function passageAt(draft: DraftIndex, corpus: Corpus, offset: number): PassageRef | undefined {
  const at = targetUnderCursor(draft, corpus, offset);
  if (!at) return undefined;
  const { paper } = at;
  if (at.kind === 'citation') {
    const first = at.covered[0];
    return first ? (first.footnote ? passageOf(paper, first) : { paper, paragraph: first.paragraph.number }) : undefined;
  }
  return at.resolved && passageOf(paper, at.resolved);
}

/** The paper whose Markdown rendering is the file at `path`. */
export function paperOfRendering(corpus: Corpus, path: string): Paper | undefined {
  return corpus.papers.find((p) => p.renderingPath === path);
}

/** The passage on a line of a paper's rendering: a paragraph, a sub-paragraph or a footnote. */
export function passageAtLine(paper: Paper, line: number): PassageRef | undefined {
  const note = paper.data.footnotes.find((f) => f.line === line);
  if (note) return { paper, paragraph: note.calledFrom.paragraph, note: note.number };
  const at = paper.paragraphAtLine(line);
  if (!at) return undefined;
  return at.subParagraph ? { paper, paragraph: at.paragraph.number, letter: at.subParagraph.letter } : { paper, paragraph: at.paragraph.number };
}

/** The spans (one per list item or range) in `citations` that cite the passage. */
export function citingSpans(passage: PassageRef, citations: readonly Citation[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const citation of citations) {
    if (citation.symbol !== passage.paper.symbol) continue;
    for (const item of citation.items) {
      const covers = coveredByItem(passage.paper, item).some((c) => coversPassage(c, passage));
      if (covers) spans.push({ start: item.start, end: item.end });
    }
  }
  return spans;
}
