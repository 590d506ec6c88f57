/**
 * Hover: on a number or letter, that paragraph or sub-paragraph; on the symbol or the
 * mark, every paragraph the citation covers (the first few in full, then their numbers).
 */
import type { Corpus } from '../corpus';
import type { DraftIndex } from '../markdown';
import { referenceLabel, targetUnderCursor } from '../resolve';
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
  const at = targetUnderCursor(draft, corpus, offset);
  if (!at) return undefined;
  const { paper } = at;
  if (at.kind === 'citation') {
    if (at.covered.length === 0) return undefined;
    const shown = at.covered.slice(0, MAX_PARAGRAPHS_IN_HOVER).map((c) => renderPassage(paper, c.paragraph, c.sub, t));
    const rest = at.covered.slice(MAX_PARAGRAPHS_IN_HOVER);
    if (rest.length > 0) {
      shown.push(`*${t('hover.more', { count: rest.length, list: rest.map(referenceLabel).join(', ') })}*`);
    }
    return { markdown: shown.join('\n\n---\n\n'), start: at.start, end: at.end };
  }
  if (!at.resolved) {
    const { target } = at;
    const reference = target.kind === 'subParagraph' ? `${target.number.text}(${target.sub.letter})` : target.number.text;
    return { markdown: t('hover.notFound', { symbol: paper.symbol, reference }), start: at.start, end: at.end };
  }
  return { markdown: renderPassage(paper, at.resolved.paragraph, at.resolved.sub, t), start: at.start, end: at.end };
}
