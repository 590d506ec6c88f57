/**
 * Hover: on a number or letter, that paragraph or sub-paragraph; on the symbol or the
 * mark, every paragraph the citation covers (the first few in full, then their numbers).
 */
import type { Corpus } from '../corpus';
import { targetAt } from '../grammar';
import type { DraftIndex } from '../markdown';
import { coveredByCitation, referenceLabel, resolveReference } from '../resolve';
import type { Translate } from '../../i18n';
import { renderPassage } from './render';

export interface HoverResult {
  markdown: string;
  /** The hovered span: the number, the letter, or the whole citation. */
  start: number;
  end: number;
}

/** Paragraphs shown in full when hovering a whole citation; the rest are listed by number. */
export const MAX_PARAGRAPHS_IN_HOVER = 4;

export function hover(draft: DraftIndex, corpus: Corpus, offset: number, t: Translate): HoverResult | undefined {
  const citation = draft.citationAt(offset);
  if (!citation) return undefined;
  const paper = corpus.paper(citation.symbol);
  const target = targetAt(citation, offset);
  if (!paper || !target) return undefined;

  if (target.kind === 'citation') {
    const covered = coveredByCitation(paper, citation);
    if (covered.length === 0) return undefined;
    const shown = covered.slice(0, MAX_PARAGRAPHS_IN_HOVER).map((c) => renderPassage(paper, c.paragraph, c.sub, t));
    const rest = covered.slice(MAX_PARAGRAPHS_IN_HOVER);
    if (rest.length > 0) {
      shown.push(`*${t('hover.more', { count: rest.length, list: rest.map(referenceLabel).join(', ') })}*`);
    }
    return { markdown: shown.join('\n\n---\n\n'), start: target.start, end: target.end };
  }

  // On a number, the paragraph itself, even when the number also carries a letter.
  const ref = target.kind === 'paragraph' ? { number: target.number, start: target.start, end: target.end } : target.ref;
  const resolved = resolveReference(paper, ref, target.item);
  if (!resolved) {
    const reference = target.kind === 'subParagraph' ? `${target.number.text}(${target.sub.letter})` : target.number.text;
    return { markdown: t('hover.notFound', { symbol: paper.symbol, reference }), start: target.start, end: target.end };
  }
  return { markdown: renderPassage(paper, resolved.paragraph, resolved.sub, t), start: target.start, end: target.end };
}
