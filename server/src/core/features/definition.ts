/**
 * Go to definition: from a number, letter or note to its line in the paper's Markdown
 * rendering (a plain file every editor can open), from the symbol or mark to the first
 * paragraph the citation covers.
 */
import type { Corpus } from '../corpus';
import type { DraftIndex } from '../draft/draftIndex';
import { lineOfCovered, targetUnderCursor } from '../resolve';

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
  const at = targetUnderCursor(draft, corpus, offset);
  // From the symbol or the mark, the first paragraph the citation covers.
  const passage = at?.kind === 'citation' ? at.covered[0] : at?.resolved;
  if (!at || !passage) return undefined;
  return { path: at.paper.renderingPath, line: lineOfCovered(passage), originStart: at.start, originEnd: at.end };
}
