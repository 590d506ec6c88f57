/**
 * Hover: on a number, letter or note, that paragraph, sub-paragraph or footnote; on the symbol or the
 * mark, every paragraph the citation covers (the first few in full, then their numbers).
 */
import type { Corpus } from '../corpus';
import type { DraftIndex } from '../draft/draftIndex';
import { referenceLabel, targetUnderCursor } from '../resolve';
import type { Translate } from '../../i18n';
import { escapeMarkdown, renderCovered } from './render';
import { quotationAt, type QuotationCheck } from './quotations';
import type { Paper } from '../corpus';

export interface HoverResult {
  markdown: string;
  /** The hovered span: the number, the letter, or the whole citation. */
  start: number;
  end: number;
}

/** Paragraphs shown in full when hovering a whole citation; the rest are listed by number. */
export const MAX_PARAGRAPHS_IN_HOVER = 4;

/** What a writer reads on a quotation: checked against which passage, not checked (a translation), or where it differs. */
function quotationMarkdown(paper: Paper, check: QuotationCheck, t: Translate): string {
  switch (check.kind) {
    case 'found':
      return t('hover.quoteFound', { symbol: paper.symbol, reference: check.passages.map(referenceLabel).join(', ') });
    case 'translated':
      return t('hover.quoteTranslated', { symbol: paper.symbol, language: t(`hover.language.${check.language}`), paperLanguage: t(`hover.language.${paper.language}`) });
    case 'elsewhere':
      return `${t('hover.quoteElsewhere', { symbol: paper.symbol, found: referenceLabel(check.passage) })}\n\n---\n\n${renderCovered(paper, check.passage, t)}`;
    case 'mismatch': {
      if (!check.closest) return t('hover.quoteNotFound', { symbol: paper.symbol });
      const { passage, changes } = check.closest;
      // The paper's words as they stand, with the quotation's differences marked in them.
      const marked = changes.map((c) => (c.kind === 'same' ? escapeMarkdown(c.words) : c.kind === 'added' ? `~~${escapeMarkdown(c.words)}~~` : `**${escapeMarkdown(c.words)}**`)).join(' ');
      return [t('hover.quoteClosest', { symbol: paper.symbol, reference: referenceLabel(passage) }), '', `> ${escapeMarkdown(check.closest.words)}`, '', marked, '', `*${t('hover.quoteLegend')}*`].join('\n');
    }
  }
}

export function hover(draft: DraftIndex, corpus: Corpus, offset: number, t: Translate): HoverResult | undefined {
  const at = targetUnderCursor(draft, corpus, offset);
  if (!at) {
    const quoted = quotationAt(draft, corpus, offset);
    return quoted && { markdown: quotationMarkdown(quoted.paper, quoted.check, t), start: quoted.quotation.start, end: quoted.quotation.end };
  }
  const { paper } = at;
  if (at.kind === 'citation') {
    if (at.covered.length === 0) return undefined;
    const shown = at.covered.slice(0, MAX_PARAGRAPHS_IN_HOVER).map((c) => renderCovered(paper, c, t));
    const rest = at.covered.slice(MAX_PARAGRAPHS_IN_HOVER);
    if (rest.length > 0) {
      shown.push(`*${t('hover.more', { count: rest.length, list: rest.map(referenceLabel).join(', ') })}*`);
    }
    return { markdown: shown.join('\n\n---\n\n'), start: at.start, end: at.end };
  }
  if (!at.resolved) {
    const { target } = at;
    if (target.kind === 'footnote') {
      const markdown = target.ref.number
        ? t('hover.footnoteNotInParagraph', { symbol: paper.symbol, note: target.note.text, number: target.ref.number.text })
        : t('hover.footnoteNotFound', { symbol: paper.symbol, note: target.note.text });
      return { markdown, start: at.start, end: at.end };
    }
    const reference = target.kind === 'subParagraph' ? `${target.number.text}(${target.sub.letter})` : target.number.text;
    return { markdown: t('hover.notFound', { symbol: paper.symbol, reference }), start: at.start, end: at.end };
  }
  return { markdown: renderCovered(paper, at.resolved, t), start: at.start, end: at.end };
}
