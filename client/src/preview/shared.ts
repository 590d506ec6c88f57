/**
 * What the markdown-it plugin (extension host) and the preview's card script (browser)
 * agree on. Kept apart so the browser bundle pulls in nothing of the core or of Node.
 */
export const LINK_CLASS = 'crp-cite-link';
export const BROKEN_CLASS = 'crp-cite-broken';
/**
 * On a citation: the key of its card. Cards are written once each, whatever the number of
 * citations showing them (a 5 MB draft's 50,000 citations cite a few hundred passages), at
 * the end of the page: the text of an element with `CARD_KEY_ATTRIBUTE`, as JSON
 * (`CardEntry[]`), from which the preview script builds the card as text.
 */
export const CARD_ATTRIBUTE = 'data-crp-cite-card';
export const CARD_KEY_ATTRIBUTE = 'data-crp-cite-card-key';
/** The hidden element holding the cards. */
export const CARDS_CLASS = 'crp-cite-cards';

/** One passage in the hover card: a title line, the heading it sits under, its text. */
export interface CardEntry {
  title: string;
  heading?: string;
  text?: string;
}
