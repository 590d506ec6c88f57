/**
 * Go to definition: from a number or letter to its line in the paper's Markdown
 * rendering (a plain file every editor can open), from the symbol or mark to the first
 * paragraph the citation covers.
 */
import type { Corpus } from '../corpus';
import { targetAt } from '../grammar';
import type { DraftIndex } from '../markdown';
import { coveredByCitation, resolveReference } from '../resolve';

export interface DefinitionResult {
  /** Absolute path of the rendering. */
  path: string;
  /** Zero-based line of the paragraph or sub-paragraph there. */
  line: number;
  /** The span under the cursor that the link starts from. */
  originStart: number;
  originEnd: number;
}

export function definition(draft: DraftIndex, corpus: Corpus, offset: number): DefinitionResult | undefined {
  const citation = draft.citationAt(offset);
  const paper = citation && corpus.paper(citation.symbol);
  const target = citation && targetAt(citation, offset);
  if (!citation || !paper || !target) return undefined;
  if (target.kind === 'citation') {
    const first = coveredByCitation(paper, citation)[0];
    if (!first) return undefined;
    return { path: paper.renderingPath, line: first.sub?.line ?? first.paragraph.line, originStart: target.start, originEnd: target.end };
  }
  const ref = target.kind === 'paragraph' ? { number: target.number, start: target.start, end: target.end } : target.ref;
  const resolved = resolveReference(paper, ref, target.item);
  if (!resolved) return undefined;
  return { path: paper.renderingPath, line: resolved.sub?.line ?? resolved.paragraph.line, originStart: target.start, originEnd: target.end };
}
