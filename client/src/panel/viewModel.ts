/**
 * What the webview needs in words: every label already translated, and the counts
 * already phrased (plural rules differ by language and the webview runs no i18next).
 * Pure, so it is unit-tested with the real catalogs.
 */
import type { Translate } from '../../../server/src/i18n';
import type { CitationCounts } from '../../../server/src/protocol';

/**
 * The panel's labels. Templates keep `{{number}}`, `{{letter}}`, `{{query}}`, `{{count}}`,
 * `{{citation}}` and `{{heading}}` placeholders, filled in by the webview as text.
 */
export interface PanelStrings {
  loading: string;
  unavailable: string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  matches: string;
  noMatches: string;
  outlineLabel: string;
  paragraph: string;
  subParagraph: string;
  footnote: string;
  footnotes: string;
  underHeading: string;
  detailLabel: string;
  selectPrompt: string;
  cited: string;
  actionsLabel: string;
  insert: string;
  insertTooltip: string;
  copy: string;
  copyTooltip: string;
  open: string;
  openTooltip: string;
  references: string;
  referencesTooltip: string;
  neverCited: string;
  neverCitedTooltip: string;
  allParagraphs: string;
  allParagraphsTooltip: string;
}

/** Interpolation that leaves placeholders for the webview: `{{number}}` stays `{{number}}`. */
const KEEP = { number: '{{number}}', letter: '{{letter}}', query: '{{query}}', count: '{{count}}', citation: '{{citation}}', heading: '{{heading}}' };

export function panelStrings(t: Translate, symbol: string): PanelStrings {
  const s = (key: string) => t(`panel.${key}`, { ...KEEP, symbol });
  return {
    loading: s('loading'),
    unavailable: s('unavailable'),
    searchLabel: s('searchLabel'),
    searchPlaceholder: s('searchPlaceholder'),
    clearSearch: s('clearSearch'),
    matches: s('matches'),
    noMatches: s('noMatches'),
    outlineLabel: s('outlineLabel'),
    paragraph: s('paragraph'),
    subParagraph: s('subParagraph'),
    footnote: s('footnote'),
    footnotes: s('footnotes'),
    underHeading: s('underHeading'),
    detailLabel: s('detailLabel'),
    selectPrompt: s('selectPrompt'),
    cited: s('cited'),
    actionsLabel: s('actionsLabel'),
    insert: s('insert'),
    insertTooltip: s('insertTooltip'),
    copy: s('copy'),
    copyTooltip: s('copyTooltip'),
    open: s('open'),
    openTooltip: s('openTooltip'),
    references: s('references'),
    referencesTooltip: s('referencesTooltip'),
    neverCited: s('neverCited'),
    neverCitedTooltip: s('neverCitedTooltip'),
    allParagraphs: s('allParagraphs'),
    allParagraphsTooltip: s('allParagraphsTooltip'),
  };
}

export interface ParagraphCount {
  draft: number;
  workspace: number;
  /** E.g. "Cited 2 times in this draft, 5 times in the workspace". */
  label: string;
}

export interface CountsView {
  /** The draft's file name, or null when no Markdown draft is active. */
  draft: string | null;
  /** "Citation counts for notes.md", or the hint to open a draft. */
  caption: string;
  /** Paragraph number → its counts; paragraphs cited nowhere are absent. */
  paragraphs: Record<string, ParagraphCount>;
  /** Paragraph number or footnote (`n2`) → how its quotations stand, in words; absent when it is quoted nowhere. */
  quotations: Record<string, { label: string; mismatched: boolean }>;
  /**
   * The paper's paragraphs cited nowhere in the workspace, in the paper's order, and how
   * many, in words; null without a draft's counts.
   */
  neverCited: { paragraphs: number[]; label: string } | null;
}

/**
 * Phrases the server's counts for the panel. `counts` is null when there is no active draft;
 * `paperParagraphs`: the paper's paragraph numbers, for those never cited.
 */
export function countsView(counts: CitationCounts | null, draftName: string | null, t: Translate, paperParagraphs: readonly number[] = []): CountsView {
  if (!counts || draftName === null) return { draft: null, caption: t('panel.noDraft'), paragraphs: {}, quotations: {}, neverCited: null };
  const numbers = new Set([...Object.keys(counts.draft), ...Object.keys(counts.workspace)]);
  const paragraphs: Record<string, ParagraphCount> = {};
  for (const n of numbers) {
    const draft = counts.draft[n] ?? 0;
    const workspace = counts.workspace[n] ?? 0;
    const parts = [draft > 0 ? t('panel.citedInDraft', { count: draft }) : t('panel.notCitedInDraft')];
    if (workspace > 0) parts.push(t('panel.citedInWorkspace', { count: workspace }));
    paragraphs[n] = { draft, workspace, label: parts.join(', ') };
  }
  const quotations: CountsView['quotations'] = {};
  for (const [key, q] of Object.entries(counts.quotations ?? {})) {
    const quoted = t('panel.quotedWorkspace', { count: q.quoted });
    const verdict = q.mismatched === 0 ? t('panel.quotesCheckOut', { count: q.quoted }) : t('panel.quotesMismatched', { count: q.mismatched });
    quotations[key] = { label: `${quoted} ${verdict}`, mismatched: q.mismatched > 0 };
  }
  // The workspace's counts include the draft's (an open draft is part of the workspace).
  const never = paperParagraphs.filter((n) => !((counts.workspace[String(n)] ?? 0) > 0));
  const neverCited = { paragraphs: never, label: t('panel.neverCitedInWorkspace', { count: never.length }) };
  return { draft: draftName, caption: t('panel.countsFor', { draft: draftName }), paragraphs, quotations, neverCited };
}
