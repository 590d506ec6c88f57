/**
 * The markdown-it plugin behind citations in VS Code's Markdown preview. Pure (no `vscode`
 * import), so it is unit-tested with markdown-it alone.
 *
 * Citations are found by the language server's own core (`DraftIndex`: the grammar with
 * its code-region rules) on markdown-it's normalized source, and checked by the same
 * checks (`checkCitations`, silencing comments honoured). markdown-it's inline tokens
 * carry no offsets, so each text token is found again in the source, in order, within
 * its block's lines; a token that cannot be found is left as it is.
 *
 * A citation becomes a link to the paper's rendering at the cited paragraph (`#L<line>`,
 * which VS Code's Markdown link resolution reads as a line): the preview hands such a
 * link back to the Markdown extension, which opens the file: in an editor at that line,
 * or in the preview itself, where the preview script (media/preview.ts) scrolls to the
 * passage's id that `markRendering` gives it. Command links
 * (`command:crpCite.openPaper`) do nothing in the preview: its webview is created without
 * `enableCommandUris`, and no API lets a markdown-it plugin enable one (VS Code 1.99).
 * A broken citation is a span with the diagnostic's message, never a link.
 */
import { pathToFileURL } from 'node:url';
import { dirname, relative, sep } from 'node:path';
import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { Corpus, Paper } from '../../../server/src/core/corpus';
import type { Citation } from '../../../server/src/core/grammar';
import { DraftIndex } from '../../../server/src/core/draft/draftIndex';
import { checkCitations, lineIndex, messageOf, Suppressions, type Finding } from '../../../server/src/core/features/diagnostics';
import { firstWords, passageTitle } from '../../../server/src/core/features/render';
import { lineStarts } from '../../../server/src/core/lines';
import { coveredByCitation, coveredKey, lineOfCovered, referenceLabel, type Covered } from '../../../server/src/core/resolve';
import type { Translate } from '../../../server/src/i18n';
import { BROKEN_CLASS, CARD_ATTRIBUTE, CARD_KEY_ATTRIBUTE, CARDS_CLASS, LINK_CLASS, type CardEntry } from './shared';

/** What a render needs, read at each parse: the data and the language may change between two. */
export interface PreviewContext {
  corpus: Corpus;
  t: Translate;
  /** The paper's rendering's text by path, to mark its paragraphs as link targets when it is previewed itself. */
  renderingText?: (path: string) => string | undefined;
}

/** Passages listed in a link's tooltip and card; the rest are counted, as in hovers. */
const MAX_PASSAGES_SHOWN = 4;

/** The paper's rendering file and 1-based line, joined into an href when rendering (the draft's path is known only then). */
const TARGET_META = 'crpCiteTarget';

interface Span {
  start: number;
  end: number;
  citation: Citation;
  broken?: Finding[];
}

/** The fragment VS Code's Markdown links read as a line (1-based), and the id the paper's rendering gets there. */
export function lineFragment(zeroBasedLine: number): string {
  return `L${zeroBasedLine + 1}`;
}

function passageText(c: Covered): string {
  if (c.footnote) return `${c.footnote.marker} ${c.footnote.text}`;
  if (c.sub) return `(${c.sub.letter}) ${c.sub.text}`;
  return [`${c.paragraph.number}. ${c.paragraph.text}`, ...c.paragraph.subParagraphs.map((s) => `(${s.letter}) ${s.text}`)].join('\n');
}

/** The data's italics are `*…*`: the card shows text, not Markdown. */
const plain = (text: string) => text.replace(/\*/g, '');

/**
 * What one render writes once per passage, not once per citation: tooltips and cards by
 * what they describe (a 5 MB draft's 50,000 citations cite a few hundred passages; each
 * described afresh, the render took 12 s and the page was 72 MB).
 */
class Descriptions {
  /** Card key → the card's JSON, in the order first used. */
  readonly cards = new Map<string, string>();

  constructor(private readonly context: PreviewContext) {}

  /** The tooltip and card key of a citation that resolves to `covered`. */
  ofCovered(paper: Paper, covered: readonly Covered[]): { title: string; card: string } {
    const { title, card } = described(paper, covered, this.context.t);
    return { title, card: this.keyOf(card) };
  }

  /** The card key of a broken citation's messages. */
  ofMessages(messages: readonly string[]): string {
    return this.card(messages.map((m) => ({ title: m }) satisfies CardEntry));
  }

  private readonly keys = new Map<string, string>();

  private card(entries: CardEntry[]): string {
    return this.keyOf(JSON.stringify(entries));
  }

  private keyOf(json: string): string {
    let key = this.keys.get(json);
    if (key === undefined) {
      key = `c${this.cards.size}`;
      this.keys.set(json, key);
      this.cards.set(key, json);
    }
    return key;
  }
}

/**
 * Tooltips and cards (JSON) by paper, language and passages, across renders: the preview
 * renders the whole draft again after each pause in typing, and describing a passage
 * (translations, the paragraph's text as JSON) was most of a render's cost.
 */
const descriptions = new WeakMap<Paper, WeakMap<Translate, Map<string, { title: string; card: string }>>>();
const DESCRIPTIONS_KEPT = 5000;

function described(paper: Paper, covered: readonly Covered[], t: Translate): { title: string; card: string } {
  let byLanguage = descriptions.get(paper);
  if (!byLanguage) descriptions.set(paper, (byLanguage = new WeakMap()));
  let byPassages = byLanguage.get(t);
  if (!byPassages) byLanguage.set(t, (byPassages = new Map()));
  const key = covered.map(coveredKey).join(',');
  let known = byPassages.get(key);
  if (!known) {
    const { title, card } = describe(paper, covered, t);
    if (byPassages.size >= DESCRIPTIONS_KEPT) byPassages.clear();
    byPassages.set(key, (known = { title, card: JSON.stringify(card) }));
  }
  return known;
}

/** The tooltip and the card of a citation that resolves. */
function describe(paper: Paper, covered: readonly Covered[], t: Translate): { title: string; card: CardEntry[] } {
  const shown = covered.slice(0, MAX_PASSAGES_SHOWN);
  const rest = covered.slice(MAX_PASSAGES_SHOWN);
  const lines = shown.map((c) => t('preview.linkTitle', { passage: passageTitle(paper, c, t), words: firstWords(c.footnote?.text ?? c.sub?.text ?? c.paragraph.text) }));
  const card: CardEntry[] = shown.map((c) => {
    const heading = paper.section(c.paragraph)?.heading;
    return { title: passageTitle(paper, c, t), ...(heading ? { heading: t('hover.underHeading', { heading }) } : {}), text: plain(passageText(c)) };
  });
  if (rest.length > 0) {
    const more = t('hover.more', { count: rest.length, list: rest.map(referenceLabel).join(', ') });
    lines.push(more);
    card.push({ title: more });
  }
  lines.push(t('preview.clickToOpen', { symbol: paper.symbol }));
  return { title: lines.join('\n'), card };
}

/** Citations to link or mark, with the findings that break them (errors and warnings; quotations are another matter). */
function spansOf(src: string, context: PreviewContext): Span[] {
  const { corpus } = context;
  const draft = new DraftIndex(src, corpus.papers.map((p) => p.symbol), { keepCitations: false });
  const citations = draft.citations();
  if (citations.length === 0) return [];
  const lineOf = lineIndex(src);
  const suppressions = new Suppressions(src, lineOf, (offset) => draft.inCode(offset));
  const broken = new Map<number, Finding[]>();
  for (const f of checkCitations(corpus, citations, src)) {
    if (f.severity === 'info' || (!suppressions.empty && suppressions.silences(f.code, lineOf(f.start)))) continue;
    const list = broken.get(f.citationStart) ?? [];
    list.push(f);
    broken.set(f.citationStart, list);
  }
  return citations.map((citation) => ({ start: citation.start, end: citation.end, citation, ...(broken.has(citation.start) ? { broken: broken.get(citation.start)! } : {}) }));
}

/**
 * Where each text token of an inline token is in the source: found in order within the
 * block's lines. Inside links (their text is already a link) and images nothing is
 * mapped; code spans, HTML and escapes are stepped over so that a later text is not
 * found inside them. Tokens not found stay unmapped.
 */
function mapTextTokens(src: string, from: number, to: number, children: Token[]): Map<Token, number> {
  const mapped = new Map<Token, number>();
  let pos = from;
  let linkDepth = 0;
  for (const child of children) {
    switch (child.type) {
      case 'link_open':
        linkDepth++;
        break;
      case 'link_close':
        linkDepth = Math.max(0, linkDepth - 1);
        break;
      case 'code_inline': {
        const open = src.indexOf(child.markup, pos);
        const close = open < 0 ? -1 : src.indexOf(child.markup, open + child.markup.length + child.content.length);
        if (close >= 0 && close < to) pos = close + child.markup.length;
        break;
      }
      case 'html_inline':
      case 'text_special': {
        const written = child.type === 'html_inline' ? child.content : child.markup;
        const at = written ? src.indexOf(written, pos) : -1;
        if (at >= 0 && at < to) pos = at + written.length;
        break;
      }
      case 'text': {
        if (child.content === '') break;
        const at = src.indexOf(child.content, pos);
        if (at < 0 || at + child.content.length > to) break;
        if (linkDepth === 0) mapped.set(child, at);
        pos = at + child.content.length;
        break;
      }
    }
  }
  return mapped;
}

/** The tokens a text token becomes: plain text, links and broken marks, in order. */
function split(state: StateCore, token: Token, at: number, spans: readonly Span[], context: PreviewContext, descriptions: Descriptions): Token[] | undefined {
  const end = at + token.content.length;
  const pieces: Token[] = [];
  let done = at;
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const t = new state.Token('text', '', 0);
    t.content = token.content.slice(from - at, to - at);
    t.level = token.level;
    pieces.push(t);
  };
  for (const span of spans) {
    if (span.end <= at || span.start >= end) continue;
    let from = Math.max(at, span.start);
    let to = Math.min(end, span.end);
    // A citation cut by a line break or emphasis is marked piece by piece, without the spaces at its edges.
    while (from < to && /\s/.test(token.content[from - at]!)) from++;
    while (to > from && /\s/.test(token.content[to - at - 1]!)) to--;
    if (to <= from) continue;
    text(done, from);
    const open = new state.Token(span.broken ? 'crp_cite_broken_open' : 'crp_cite_link_open', span.broken ? 'span' : 'a', 1);
    const close = new state.Token(span.broken ? 'crp_cite_broken_close' : 'crp_cite_link_close', span.broken ? 'span' : 'a', -1);
    open.level = token.level;
    close.level = token.level;
    if (!decorate(open, span, context, descriptions)) {
      text(from, to);
    } else {
      const inner = new state.Token('text', '', 0);
      inner.content = token.content.slice(from - at, to - at);
      inner.level = token.level + 1;
      pieces.push(open, inner, close);
    }
    done = to;
  }
  if (pieces.length === 0) return undefined;
  text(done, end);
  return pieces;
}

/** Sets a link's or a broken mark's attributes; false when the citation cites nothing to show. */
function decorate(open: Token, span: Span, { corpus, t }: PreviewContext, descriptions: Descriptions): boolean {
  if (span.broken) {
    const messages = span.broken.map((f) => messageOf(f, t));
    const title = t('preview.broken', { message: messages.join(' ') });
    open.attrSet('class', BROKEN_CLASS);
    open.attrSet('title', title);
    // Focusable, so a keyboard reaches the message too (the card shows it on focus).
    open.attrSet('tabindex', '0');
    open.attrSet(CARD_ATTRIBUTE, descriptions.ofMessages(messages));
    return true;
  }
  const paper = corpus.paper(span.citation.symbol);
  const covered = paper ? coveredByCitation(paper, span.citation) : [];
  if (!paper || covered.length === 0) return false;
  const { title, card } = descriptions.ofCovered(paper, covered);
  open.attrSet('class', LINK_CLASS);
  open.attrSet('title', title);
  open.attrSet(CARD_ATTRIBUTE, card);
  open.meta = { [TARGET_META]: { path: paper.renderingPath, line: lineOfCovered(covered[0]!) } };
  return true;
}

const PASSAGE_BLOCKS = new Set(['paragraph_open', 'list_item_open', 'heading_open']);

/** Gives the paper's own rendering, when it is what is previewed, an id at each passage's line: the links' fragments land there. */
function markRendering(state: StateCore, context: PreviewContext): void {
  for (const paper of context.corpus.papers) {
    const text = context.renderingText?.(paper.renderingPath);
    // markdown-it's normalized source: line ends made \n, NUL made U+FFFD.
    if (text === undefined || text.length < state.src.length || text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') !== state.src) continue;
    const lines = new Set<number>();
    for (const p of paper.data.paragraphs) {
      lines.add(p.line);
      for (const s of p.subParagraphs) lines.add(s.line);
    }
    for (const f of paper.data.footnotes) lines.add(f.line);
    for (const token of state.tokens) {
      // The blocks VS Code's preview marks with their source line (class code-line), which its fragment links look for.
      if (!PASSAGE_BLOCKS.has(token.type) || token.hidden || !token.map || !lines.has(token.map[0])) continue;
      lines.delete(token.map[0]);
      token.attrSet('id', lineFragment(token.map[0]));
    }
    return;
  }
}

/**
 * The spans overlapping `[from, to)`. Spans are in order and do not overlap, so their
 * ends are in order too: a binary search, not a pass over every citation of the draft for
 * every block (a 5 MB draft's 20,000 blocks and 50,000 citations took 12 s to render).
 */
function spansIn(spans: readonly Span[], from: number, to: number): Span[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let k = lo; k < spans.length && spans[k]!.start < to; k++) out.push(spans[k]!);
  return out;
}

/** The link's href: relative to the previewed draft when known (the preview resolves it and opens the file), else a file URI. */
export function targetHref(target: { path: string; line: number }, currentDocument: string | undefined): string {
  const fragment = `#${lineFragment(target.line)}`;
  if (currentDocument) {
    const rel = relative(dirname(currentDocument), target.path);
    // Another drive (Windows) has no relative path.
    if (rel && !/^[a-zA-Z]:/.test(rel) && !rel.startsWith(sep + sep)) return `${rel.split(sep).map(encodeURIComponent).join('/')}${fragment}`;
  }
  return `${pathToFileURL(target.path).href}${fragment}`;
}

/** Hrefs by draft and target: a draft's links name a few hundred passages, each through Node's URL and path code. */
const hrefs = new Map<string, string>();

function memoizedHref(target: { path: string; line: number }, currentDocument: string | undefined): string {
  const key = `${currentDocument ?? ''}\u0000${target.path}\u0000${target.line}`;
  let href = hrefs.get(key);
  if (href === undefined) {
    if (hrefs.size >= 2000) hrefs.clear();
    hrefs.set(key, (href = targetHref(target, currentDocument)));
  }
  return href;
}

/** The previewed document's path, from the render environment VS Code passes (`currentDocument`: a `vscode.Uri`). */
function documentPath(env: unknown): string | undefined {
  const doc = (env as { currentDocument?: { scheme?: unknown; fsPath?: unknown } } | undefined)?.currentDocument;
  return doc && doc.scheme === 'file' && typeof doc.fsPath === 'string' ? doc.fsPath : undefined;
}

/**
 * The plugin. `context` is read at each parse; undefined (no data loaded) leaves the
 * preview as markdown-it renders it.
 */
export function citationLinks(md: MarkdownIt, context: () => PreviewContext | undefined): MarkdownIt {
  // Before typographic replacements and the joining of escapes into text: text tokens are then the source's own characters.
  md.core.ruler.after('linkify', 'crp_cite_links', (state) => {
    const ctx = context();
    if (!ctx) return;
    markRendering(state, ctx);
    const spans = spansOf(state.src, ctx);
    if (spans.length === 0) return;
    const descriptions = new Descriptions(ctx);
    const starts = lineStarts(state.src);
    const offsetOfLine = (line: number) => (line < starts.length ? starts[line]! : state.src.length);
    let lines: [number, number] | null = null;
    for (const block of state.tokens) {
      // A table cell's inline token has no line range of its own: its row's (the last one seen) holds it.
      if (block.map) lines = block.map;
      if (block.type !== 'inline' || !lines || !block.children) continue;
      const from = offsetOfLine(lines[0]);
      const to = offsetOfLine(lines[1]);
      const inBlock = spansIn(spans, from, to);
      if (inBlock.length === 0) continue;
      const mapped = mapTextTokens(state.src, from, to, block.children);
      const children: Token[] = [];
      for (const child of block.children) {
        const at = mapped.get(child);
        const pieces = at === undefined ? undefined : split(state, child, at, inBlock, ctx, descriptions);
        if (pieces) children.push(...pieces);
        else children.push(child);
      }
      block.children = children;
    }
    if (descriptions.cards.size === 0) return;
    const cards = new state.Token('crp_cite_cards', 'div', 0);
    cards.meta = descriptions.cards;
    cards.block = true;
    state.tokens.push(cards);
  });

  md.renderer.rules['crp_cite_cards'] = (tokens, idx) => {
    const cards = tokens[idx]!.meta as Map<string, string>;
    const escape = md.utils.escapeHtml;
    const items = [...cards].map(([key, json]) => `<div ${CARD_KEY_ATTRIBUTE}="${escape(key)}">${escape(json)}</div>`);
    return `<div class="${CARDS_CLASS}" hidden>${items.join('')}</div>\n`;
  };

  md.renderer.rules['crp_cite_link_open'] = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const target = (token.meta as Record<string, { path: string; line: number }> | null)?.[TARGET_META];
    if (target) {
      const href = memoizedHref(target, documentPath(env));
      token.attrSet('href', href);
      // VS Code's preview opens a link through the Markdown extension when its data-href has no scheme.
      token.attrSet('data-href', href);
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}
