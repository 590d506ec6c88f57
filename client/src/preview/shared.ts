/**
 * What the markdown-it plugin (extension host) and the preview's card script (browser)
 * agree on. Kept apart so the browser bundle pulls in nothing of the core or of Node.
 */
export const LINK_CLASS = 'crp-cite-link';
export const BROKEN_CLASS = 'crp-cite-broken';
/** The card's content, as JSON (`CardEntry[]`): the preview script builds the card from it as text. */
export const CARD_ATTRIBUTE = 'data-crp-cite-card';

/** One passage in the hover card: a title line, the heading it sits under, its text. */
export interface CardEntry {
  title: string;
  heading?: string;
  text?: string;
}
