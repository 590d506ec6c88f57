/**
 * The hover card of citations in VS Code's Markdown preview: pointing at (or tabbing to) a
 * citation shows the whole cited passage; Escape hides it. The card is built from the
 * link's `data-crp-cite-card` (JSON the plugin wrote) as text, never as HTML, and loads
 * nothing. Listeners sit on the document, so links the preview puts in on an incremental
 * update ('vscode.markdown.updateContent') work without being looked for again.
 */
import { BROKEN_CLASS, CARD_ATTRIBUTE, CARD_KEY_ATTRIBUTE, CARDS_CLASS, type CardEntry } from '../shared';
import './preview.css';

const CARD_ID = 'crp-cite-card';
/** Time to move the pointer from the link onto the card (to select its text) before it goes. */
const HIDE_DELAY_MS = 250;
/**
 * Where a clicked link leads, kept for the page the preview shows next. With VS Code's
 * default `markdown.preview.openMarkdownLinks: inPreview`, a click shows the paper's
 * rendering in this same preview, but from its top: VS Code reads the link's `#L<line>`
 * as an editor line and passes the preview no fragment. The preview is one webview (one
 * origin) for both pages, so its session storage carries the fragment across.
 */
const ARRIVAL_KEY = 'crp-cite.arrival';
/** A fragment older than this was not followed in this preview (the link opened an editor, say). */
const ARRIVAL_MAX_AGE_MS = 10_000;
/** How long the paragraph arrived at stays marked. */
const ARRIVAL_MARK_MS = 2_000;

let card: HTMLElement | undefined;
let anchor: HTMLElement | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function cardElement(): HTMLElement {
  if (!card) {
    card = document.createElement('div');
    card.id = CARD_ID;
    card.className = 'crp-cite-card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    card.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    card.addEventListener('mouseleave', () => scheduleHide());
  }
  // An update of the preview replaces the body's children, the card with them.
  if (!card.isConnected) document.body.append(card);
  return card;
}

function entriesOf(element: HTMLElement): CardEntry[] {
  try {
    const key = element.getAttribute(CARD_ATTRIBUTE);
    const source = key === null ? null : document.querySelector(`.${CARDS_CLASS} [${CARD_KEY_ATTRIBUTE}="${CSS.escape(key)}"]`);
    const parsed: unknown = JSON.parse(source?.textContent ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is CardEntry => typeof e === 'object' && e !== null && typeof (e as CardEntry).title === 'string');
  } catch {
    return [];
  }
}

function citationOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? ((target.closest(`[${CARD_ATTRIBUTE}]`) as HTMLElement | null) ?? undefined) : undefined;
}

function show(element: HTMLElement): void {
  clearTimeout(hideTimer);
  if (anchor === element && card && !card.hidden) return;
  hide();
  const entries = entriesOf(element);
  if (entries.length === 0) return;
  const box = cardElement();
  box.replaceChildren();
  box.classList.toggle('broken', element.classList.contains(BROKEN_CLASS));
  for (const entry of entries) {
    const section = document.createElement('section');
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = entry.title;
    section.append(title);
    if (entry.heading) {
      const heading = document.createElement('div');
      heading.className = 'heading';
      heading.textContent = entry.heading;
      section.append(heading);
    }
    if (entry.text) {
      const text = document.createElement('div');
      text.className = 'text';
      text.textContent = entry.text;
      section.append(text);
    }
    box.append(section);
  }
  anchor = element;
  // The card says what the tooltip says, and more: the browser's tooltip would cover it.
  const title = element.getAttribute('title');
  if (title !== null) {
    element.dataset.crpCiteTitle = title;
    element.removeAttribute('title');
  }
  element.setAttribute('aria-describedby', CARD_ID);
  box.hidden = false;
  place(box, element);
}

/** Below the citation, or above it when there is no room below; within the page's width. */
function place(box: HTMLElement, element: HTMLElement): void {
  const rect = element.getBoundingClientRect();
  const margin = 8;
  const width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 2 * margin);
  const left = Math.max(margin, Math.min(rect.left, document.documentElement.clientWidth - width - margin));
  const below = rect.bottom + 4;
  const top = below + box.offsetHeight > window.innerHeight && rect.top - 4 - box.offsetHeight > 0 ? rect.top - 4 - box.offsetHeight : below;
  box.style.left = `${left + window.scrollX}px`;
  box.style.top = `${top + window.scrollY}px`;
}

function hide(): void {
  clearTimeout(hideTimer);
  if (card) card.hidden = true;
  if (anchor) {
    const title = anchor.dataset.crpCiteTitle;
    if (title !== undefined) {
      anchor.setAttribute('title', title);
      delete anchor.dataset.crpCiteTitle;
    }
    anchor.removeAttribute('aria-describedby');
  }
  anchor = undefined;
}

function scheduleHide(): void {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, HIDE_DELAY_MS);
}

document.addEventListener('mouseover', (event) => {
  const element = citationOf(event.target);
  if (element) show(element);
});
document.addEventListener('mouseout', (event) => {
  const from = citationOf(event.target);
  if (from && from === anchor && citationOf(event.relatedTarget) !== from) scheduleHide();
});
document.addEventListener('focusin', (event) => {
  const element = citationOf(event.target);
  if (element) show(element);
  else if (anchor) hide();
});
document.addEventListener('focusout', (event) => {
  if (citationOf(event.target) === anchor) scheduleHide();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && anchor && card && !card.hidden) {
    hide();
    event.stopPropagation();
  }
});
// A click opens the paper: the card has done its work. Captured on the window: the
// preview's own handler (captured on the document) stops the click there.
window.addEventListener('click', (event) => {
  const element = citationOf(event.target);
  if (!element) return;
  hide();
  if (element instanceof HTMLAnchorElement) rememberArrival(element);
}, true);
window.addEventListener('vscode.markdown.updateContent', () => {
  // The citation shown may be gone, or replaced by an updated one.
  if (anchor && !anchor.isConnected) hide();
});
window.addEventListener('scroll', () => {
  if (anchor && card && !card.hidden) place(card, anchor);
});

function rememberArrival(link: HTMLAnchorElement): void {
  const fragment = decodeURIComponent(link.hash.slice(1));
  if (!fragment) return;
  try {
    sessionStorage.setItem(ARRIVAL_KEY, JSON.stringify({ fragment, at: Date.now() }));
  } catch {
    // No storage (a browser that refuses it): the paper shows from its top, as without this script.
  }
}

/** On a page of the preview that holds the remembered fragment's passage: scrolls to it and marks it a moment. */
function arrive(): void {
  let remembered: { fragment?: unknown; at?: unknown } | undefined;
  try {
    const raw = sessionStorage.getItem(ARRIVAL_KEY);
    if (raw === null) return;
    sessionStorage.removeItem(ARRIVAL_KEY);
    remembered = JSON.parse(raw) as typeof remembered;
  } catch {
    return;
  }
  if (typeof remembered?.fragment !== 'string' || typeof remembered.at !== 'number' || Date.now() - remembered.at > ARRIVAL_MAX_AGE_MS) return;
  const target = document.getElementById(remembered.fragment);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.classList.add('crp-cite-arrived');
  setTimeout(() => target.classList.remove('crp-cite-arrived'), ARRIVAL_MARK_MS);
}

// The Markdown preview puts the page's content in on load and then restores its own scroll
// position (after images load, then a zero timeout): arriving comes after both.
function afterPreviewScroll(): void {
  const images = Array.from(document.images, (img) => (img.complete ? Promise.resolve() : new Promise<void>((done) => {
    img.addEventListener('load', () => done());
    img.addEventListener('error', () => done());
  })));
  void Promise.all(images).then(() => setTimeout(arrive, 50));
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPreviewScroll);
else afterPreviewScroll();
