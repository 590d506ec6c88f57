/**
 * The side panel's script, running in the webview (a sandboxed browser page). It draws
 * what the extension sends and reports what the writer does; it never builds HTML from
 * strings: every text goes in through `textContent`.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-tree/index.js';
import '@vscode-elements/elements/dist/vscode-tree-item/index.js';
import './panel.css';
import type { Outline, OutlineFootnote, OutlineParagraph } from '../../../../server/src/protocol';
import type { ExtensionMessage, PanelStatus, Target, WebviewMessage } from '../messages';
import type { CountsView, PanelStrings } from '../viewModel';
import { fill, isEmpty, matchParagraph, parseQuery, richText, type Query } from './search';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The parts of vscode-elements' tree item this script uses. */
type TreeItem = HTMLElement & { open: boolean; selected: boolean; branch: boolean };

interface SavedState {
  query: string;
  selected?: Target;
  /** The outline shows only the paragraphs never cited. */
  neverCited?: boolean;
}

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

let strings: PanelStrings | undefined;
let status: PanelStatus = 'loading';
let outline: Outline | null = null;
let counts: CountsView | undefined;
let saved: SavedState = { query: '', ...(vscode.getState() as Partial<SavedState> | undefined) };
let selected: Target | undefined = saved.selected;
let selectedCitation: string | undefined;
let query: Query = parseQuery(saved.query);

/** Tree items by key (`6`, `6a`, `n3`), rebuilt with the tree. */
const items = new Map<string, TreeItem>();

function keyOf(t: Target): string {
  return t.footnote !== undefined ? `n${t.footnote}` : `${t.paragraph}${t.subParagraph ?? ''}`;
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function save(): void {
  saved = { query: saved.query, ...(selected ? { selected } : {}), ...(saved.neverCited ? { neverCited: true } : {}) };
  vscode.setState(saved);
}

/** An element with optional class and text; the only way text enters the page. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function appendRich(parent: HTMLElement, text: string, words: readonly string[]): void {
  for (const s of richText(text, words)) {
    let node: HTMLElement | Text = document.createTextNode(s.text);
    if (s.match) {
      const mark = el('mark');
      mark.append(node);
      node = mark;
    }
    if (s.em) {
      const em = el('em');
      em.append(node);
      node = em;
    }
    parent.append(node);
  }
}

// --- the fixed frame: search box, status line, tree, detail --------------------------------

const search = el('vscode-textfield', 'search') as HTMLElement & { value: string; placeholder: string; label: string };
search.setAttribute('type', 'search');
const searchIcon = el('vscode-icon');
searchIcon.setAttribute('name', 'search');
searchIcon.setAttribute('slot', 'content-before');
search.append(searchIcon);
// Reviewers ask which paragraphs the drafts leave out: a toggle narrows the outline to them.
const neverCitedToggle = el('vscode-button', 'never-cited');
neverCitedToggle.setAttribute('secondary', '');
neverCitedToggle.setAttribute('icon', 'filter');
const statusLine = el('div', 'status');
statusLine.setAttribute('role', 'status');
statusLine.setAttribute('aria-live', 'polite');
const caption = el('div', 'caption');
const tree = el('vscode-tree', 'outline');
tree.setAttribute('indent-guides', 'onHover');
const detail = el('section', 'detail');
detail.setAttribute('aria-live', 'polite');
app.append(search, neverCitedToggle, statusLine, caption, tree, detail);
search.value = saved.query;

neverCitedToggle.addEventListener('click', () => {
  saved.neverCited = !saved.neverCited;
  save();
  renderToggle();
  renderTree();
});

function renderToggle(): void {
  if (!strings) return;
  const on = saved.neverCited === true;
  neverCitedToggle.textContent = on ? strings.allParagraphs : strings.neverCited;
  neverCitedToggle.title = on ? strings.allParagraphsTooltip : strings.neverCitedTooltip;
  neverCitedToggle.setAttribute('aria-pressed', String(on));
  neverCitedToggle.setAttribute('icon', on ? 'clear-all' : 'filter');
}

search.addEventListener('input', () => {
  saved.query = search.value;
  query = parseQuery(search.value);
  save();
  renderTree();
});
search.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && search.value !== '') {
    search.value = '';
    search.dispatchEvent(new Event('input'));
    event.stopPropagation();
  } else if (event.key === 'ArrowDown') {
    // From the search box straight into the results, as in VS Code's own filters.
    const first = tree.querySelector<TreeItem>('vscode-tree-item[data-paragraph]');
    first?.focus();
    event.preventDefault();
  }
});

// Escape in the outline clears the search too, and keeps the writer on the paragraph chosen.
tree.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || search.value === '') return;
  search.value = '';
  search.dispatchEvent(new Event('input'));
  event.stopPropagation();
  const item = selected ? (items.get(keyOf(selected)) ?? items.get(String(selected.paragraph))) : undefined;
  // The tree was drawn again: focus the new item once it has rendered (and is focusable).
  if (item) {
    void (item as TreeItem & { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      item.focus();
      scrollToItem(item);
    });
  } else search.focus();
});

// When VS Code focuses the view (Show Panel, or Ctrl+0 … to the side bar), the keyboard
// lands in the search box rather than on the page itself. Not when a click brought the
// focus: the click goes where it was aimed.
let pointing = false;
window.addEventListener('pointerdown', () => (pointing = true), true);
window.addEventListener('pointerup', () => (pointing = false), true);
window.addEventListener('focus', () => {
  if (!pointing && (document.activeElement === null || document.activeElement === document.body)) search.focus();
});

tree.addEventListener('vsc-tree-select', (event) => {
  // 2.5.1 declares `detail.selectedItems` but sends the array itself: accept both.
  const detail = event.detail as unknown;
  const selectedItems = (Array.isArray(detail) ? detail : (detail as { selectedItems?: unknown } | null)?.selectedItems) as HTMLElement[] | undefined;
  const item = selectedItems?.[0];
  const target = item ? targetOf(item) : undefined;
  if (!target) return;
  select(target);
  if (item) scrollToItem(item);
  post({ type: 'select', target });
});

function targetOf(item: HTMLElement): Target | undefined {
  const paragraph = Number(item.dataset.paragraph);
  if (!Number.isInteger(paragraph) || paragraph <= 0) return undefined;
  const target: Target = { paragraph };
  if (item.dataset.sub) target.subParagraph = item.dataset.sub;
  if (item.dataset.footnote) target.footnote = Number(item.dataset.footnote);
  return target;
}

// --- the outline -----------------------------------------------------------------------

function paragraphLabel(p: OutlineParagraph): string {
  return fill(strings!.paragraph, { number: p.number });
}

function treeItem(target: Target | undefined, main: string, description: string, words: readonly string[]): TreeItem {
  const item = el('vscode-tree-item') as TreeItem;
  const label = el('span', 'label', main);
  const desc = el('span', 'description');
  desc.slot = 'description';
  appendRich(desc, description, words);
  item.append(label, desc);
  if (target) {
    item.dataset.paragraph = String(target.paragraph);
    if (target.subParagraph) item.dataset.sub = target.subParagraph;
    if (target.footnote !== undefined) item.dataset.footnote = String(target.footnote);
    items.set(keyOf(target), item);
  }
  return item;
}

function footnoteItem(p: OutlineParagraph, f: OutlineFootnote, words: readonly string[]): TreeItem {
  const item = treeItem({ paragraph: p.number, footnote: f.number }, f.marker, f.firstWords, words);
  item.setAttribute('aria-label', `${fill(strings!.footnote, { number: f.number })}: ${f.text}`);
  // Footnotes are cited too (`CRP/43, note 2`): they have their counts.
  const badge = el('span', 'counts');
  badge.slot = 'decoration';
  item.append(badge);
  return item;
}

function paragraphItem(p: OutlineParagraph, words: readonly string[], openIt: boolean): TreeItem {
  const item = treeItem({ paragraph: p.number }, `${p.number}.`, p.firstWords, words);
  item.classList.add('paragraph');
  for (const s of p.subParagraphs) {
    const sub = treeItem({ paragraph: p.number, subParagraph: s.letter }, `(${s.letter})`, s.firstWords, words);
    sub.setAttribute('aria-label', `${fill(strings!.subParagraph, { number: p.number, letter: s.letter })}: ${s.firstWords}`);
    for (const f of s.footnotes) sub.append(footnoteItem(p, f, words));
    if (s.footnotes.length > 0) sub.branch = true;
    item.append(sub);
  }
  for (const f of p.footnotes) item.append(footnoteItem(p, f, words));
  item.branch = p.subParagraphs.length > 0 || p.footnotes.length > 0;
  item.open = item.branch && openIt;
  const badge = el('span', 'counts');
  badge.slot = 'decoration';
  item.append(badge);
  return item;
}

function renderTree(): void {
  items.clear();
  tree.replaceChildren();
  if (!strings || !outline) return;
  const searching = !isEmpty(query);
  let shown = 0;
  // Parts (level 1) hold their headings (level 2); paragraphs sit under their own heading.
  const sectionItems = outline.sections.map((s) => {
    const item = treeItem(undefined, s.heading, '', []);
    item.classList.add(`section-${s.level}`);
    item.branch = true;
    item.open = true;
    return item;
  });
  const used = new Set<number>();
  // Without a draft's counts nothing is known to be uncited: the caption says to open one.
  const neverCited = saved.neverCited ? new Set(counts?.neverCited?.paragraphs ?? []) : undefined;
  for (const p of outline.paragraphs) {
    if (neverCited && !neverCited.has(p.number)) continue;
    const match = searching ? matchParagraph(p, query) : { matches: true, subParagraphs: [], footnotes: [] };
    if (!match.matches) continue;
    shown++;
    const openIt = match.subParagraphs.length > 0 || match.footnotes.length > 0 || selected?.paragraph === p.number;
    const item = paragraphItem(p, query.words, openIt);
    item.setAttribute('aria-label', `${paragraphLabel(p)}: ${p.firstWords}`);
    sectionItems[p.section]?.append(item);
    used.add(p.section);
  }
  let part: TreeItem | undefined;
  outline.sections.forEach((s, i) => {
    const item = sectionItems[i]!;
    const nonEmpty = used.has(i) || (s.level === 1 && outline!.sections.some((t, j) => j > i && t.level === 2 && used.has(j) && !outline!.sections.slice(i + 1, j).some((u) => u.level === 1)));
    if (s.level === 1) part = item;
    if ((searching || neverCited) && !nonEmpty) return;
    if (s.level === 2 && part) part.append(item);
    else tree.append(item);
  });
  const filtered = searching ? (shown > 0 ? fill(strings.matches, { count: shown }) : fill(strings.noMatches, { query: search.value })) : '';
  statusLine.textContent = neverCited ? [counts?.neverCited?.label ?? '', filtered].filter((s) => s !== '').join(' · ') : filtered;
  applyCounts();
  if (selected) markSelected(selected, false);
}

function applyCounts(): void {
  caption.textContent = counts?.caption ?? '';
  for (const [key, item] of items) {
    if (item.dataset.sub) continue;
    const count = counts?.paragraphs[key];
    const slot = item.querySelector(':scope > .counts');
    if (!slot) continue;
    slot.replaceChildren();
    const cited = count !== undefined && count.draft > 0;
    item.classList.toggle('cited', cited);
    if (!count) continue;
    const badge = el('vscode-badge', undefined, `${count.draft} · ${count.workspace}`);
    badge.setAttribute('variant', 'counter');
    badge.title = count.label;
    slot.append(badge);
    const base = item.getAttribute('aria-label')?.split(' — ')[0] ?? '';
    item.setAttribute('aria-label', `${base} — ${count.label}`);
  }
}

// --- selection and the detail pane ------------------------------------------------------

function markSelected(target: Target, scroll: boolean): void {
  for (const item of Array.from(tree.querySelectorAll<TreeItem>('vscode-tree-item'))) if (item.selected) item.selected = false;
  const item = items.get(keyOf(target)) ?? items.get(String(target.paragraph));
  if (!item) return;
  for (let parent = item.parentElement; parent && parent !== tree; parent = parent.parentElement) {
    if (parent.tagName === 'VSCODE-TREE-ITEM') (parent as TreeItem).open = true;
  }
  item.selected = true;
  if (scroll) scrollToItem(item);
}

/**
 * Scrolls a tree item into view once the layout has settled: selecting fills the detail
 * pane below the tree (and the web components render a moment later), which shrinks the
 * tree and could push the item just revealed out of sight again.
 */
function scrollToItem(item: HTMLElement): void {
  item.scrollIntoView({ block: 'nearest' });
  requestAnimationFrame(() => {
    if (item.isConnected) item.scrollIntoView({ block: 'nearest' });
  });
}

function select(target: Target): void {
  selected = target;
  selectedCitation = undefined;
  save();
  renderDetail();
}

function renderDetail(): void {
  detail.replaceChildren();
  if (!strings) return;
  detail.setAttribute('aria-label', strings.detailLabel);
  const p = selected && outline?.paragraphs.find((q) => q.number === selected!.paragraph);
  if (!p || !selected) {
    detail.append(el('p', 'hint', strings.selectPrompt));
    return;
  }
  const target = selected;
  const title = target.subParagraph ? fill(strings.subParagraph, { number: p.number, letter: target.subParagraph }) : paragraphLabel(p);
  detail.append(el('h2', 'title', title));
  const heading = outline!.sections[p.section]?.heading;
  if (heading) detail.append(el('p', 'heading', fill(strings.underHeading, { heading })));
  // How the passage is quoted across the workspace, and whether every quotation matches the paper.
  const quoted = counts?.quotations[target.footnote !== undefined ? `n${target.footnote}` : String(p.number)];
  if (quoted) detail.append(el('p', quoted.mismatched ? 'quotations mismatched' : 'quotations', quoted.label));

  const lead = el('p', 'text');
  lead.append(el('span', 'number', `${p.number}. `));
  appendRich(lead, p.text, query.words);
  detail.append(lead);
  for (const s of p.subParagraphs) {
    const sub = el('p', s.letter === target.subParagraph ? 'text sub current' : 'text sub');
    sub.append(el('span', 'number', `(${s.letter}) `));
    appendRich(sub, s.text, query.words);
    detail.append(sub);
  }
  const notes = [...p.footnotes, ...p.subParagraphs.flatMap((s) => s.footnotes)].sort((a, b) => a.number - b.number);
  if (notes.length > 0) {
    detail.append(el('h3', 'notes-title', strings.footnotes));
    for (const f of notes) {
      const note = el('p', f.number === target.footnote ? 'note current' : 'note');
      note.append(el('span', 'number', `${f.marker} `));
      appendRich(note, f.text, query.words);
      detail.append(note);
    }
  }
  detail.append(actions(target));
}

function actions(target: Target): HTMLElement {
  const bar = el('div', 'actions');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', strings!.actionsLabel);
  const citation = selectedCitation ?? '';
  const button = (icon: string, text: string, tooltip: string, message: WebviewMessage['type'], secondary: boolean) => {
    const b = el('vscode-button', undefined, text);
    b.setAttribute('icon', icon);
    if (secondary) b.setAttribute('secondary', '');
    b.title = tooltip;
    b.dataset.action = message;
    b.addEventListener('click', () => post({ type: message, target } as WebviewMessage));
    return b;
  };
  bar.append(
    button('insert', strings!.insert, fill(strings!.insertTooltip, { citation }), 'insert', false),
    button('copy', strings!.copy, fill(strings!.copyTooltip, { citation }), 'copy', true),
    button('go-to-file', strings!.open, strings!.openTooltip, 'open', true),
    button('references', strings!.references, strings!.referencesTooltip, 'references', true),
  );
  return bar;
}

// --- messages from the extension ----------------------------------------------------------

function renderAll(): void {
  app.setAttribute('aria-busy', status === 'loading' ? 'true' : 'false');
  if (!strings) return;
  search.placeholder = strings.searchPlaceholder;
  search.label = strings.searchLabel;
  search.setAttribute('aria-label', strings.searchLabel);
  search.title = strings.searchLabel;
  tree.setAttribute('aria-label', strings.outlineLabel);
  const ready = status === 'ready' && outline !== null;
  search.toggleAttribute('disabled', !ready);
  neverCitedToggle.toggleAttribute('disabled', !ready);
  renderToggle();
  if (!ready) {
    statusLine.textContent = status === 'loading' ? strings.loading : strings.unavailable;
    tree.replaceChildren();
    detail.replaceChildren();
    return;
  }
  renderTree();
  renderDetail();
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'state':
      strings = message.strings;
      status = message.status;
      outline = message.outline;
      document.documentElement.lang = message.language;
      renderAll();
      if (selected && status === 'ready') post({ type: 'select', target: selected });
      break;
    case 'counts':
      counts = message.counts;
      // The list of paragraphs never cited follows the counts.
      if (saved.neverCited) renderTree();
      else applyCounts();
      renderDetail();
      break;
    case 'selection':
      if (selected && keyOf(selected) === keyOf(message.target)) {
        selectedCitation = message.citation;
        for (const b of Array.from(detail.querySelectorAll<HTMLElement>('vscode-button[data-action]'))) {
          if (b.dataset.action === 'insert') b.title = fill(strings!.insertTooltip, { citation: message.citation });
          if (b.dataset.action === 'copy') b.title = fill(strings!.copyTooltip, { citation: message.citation });
        }
      }
      break;
    case 'reveal':
      if (!items.has(keyOf(message.target)) && !items.has(String(message.target.paragraph))) {
        // Filtered out by the search: the writer asked for it, so show it.
        search.value = '';
        saved.query = '';
        query = parseQuery('');
        renderTree();
      }
      select(message.target);
      markSelected(message.target, true);
      post({ type: 'select', target: message.target });
      break;
  }
});

post({ type: 'ready' });
