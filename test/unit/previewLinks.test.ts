/**
 * Citations in the Markdown preview: the markdown-it plugin, run on the examples and on
 * fixtures as VS Code's preview runs it (markdown-it with HTML and linkify, the draft's
 * path in the render environment), with the real paper and catalogs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { citationLinks, lineFragment, targetHref, type PreviewContext } from '../../client/src/preview/citationLinks';
import { BROKEN_CLASS, CARD_ATTRIBUTE, CARD_KEY_ATTRIBUTE, CARDS_CLASS, LINK_CLASS, type CardEntry } from '../../client/src/preview/shared';
import { defaultDataFolder, loadCorpus } from '../../server/src/core/load';
import { translator } from '../../server/src/i18n';
import type { Language } from '../../server/src/settings';

const root = join(__dirname, '..', '..');
const corpus = loadCorpus(defaultDataFolder());
const paper = corpus.paper('CRP/43')!;
const rendering = readFileSync(paper.renderingPath, 'utf8');

function renderer(language: Language = 'en'): MarkdownIt {
  const context: PreviewContext = { corpus, t: translator(language), renderingText: (path) => (path === paper.renderingPath ? rendering : undefined) };
  return citationLinks(new MarkdownIt({ html: true, linkify: true }), () => context);
}

interface Mark {
  tag: 'a' | 'span';
  text: string;
  title: string;
  href?: string;
  card: CardEntry[];
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The cards written once at the end of the page, by key. */
function cards(html: string): Map<string, CardEntry[]> {
  const found = new Map<string, CardEntry[]>();
  for (const m of html.matchAll(new RegExp(`<div ${CARD_KEY_ATTRIBUTE}="([^"]*)">([^<]*)</div>`, 'g'))) found.set(decode(m[1]!), JSON.parse(decode(m[2]!)) as CardEntry[]);
  return found;
}

/** The page without its cards: what markdown-it alone would write, but for the links. */
const withoutCards = (html: string) => html.replace(new RegExp(`<div class="${CARDS_CLASS}" hidden>.*</div>\n$`), '');

/** The citation links and broken marks of rendered HTML, in order, with their cards. */
function marks(html: string): Mark[] {
  const byKey = cards(html);
  const out: Mark[] = [];
  const re = /<(a|span) ([^>]*)>([^<]*)<\/\1>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = Object.fromEntries([...m[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)]));
    if (attrs['class'] !== LINK_CLASS && attrs['class'] !== BROKEN_CLASS) continue;
    out.push({ tag: m[1] as 'a' | 'span', text: decode(m[3]!), title: attrs['title'] ?? '', ...(attrs['href'] ? { href: attrs['href'] } : {}), card: byKey.get(attrs[CARD_ATTRIBUTE] ?? '') ?? [] });
  }
  return out;
}

function example(name: string): { html: string; marks: Mark[] } {
  const path = join(root, 'examples', name);
  const html = renderer(name.endsWith('-fr.md') ? 'fr' : name.endsWith('-es.md') ? 'es' : 'en').render(readFileSync(path, 'utf8'), { currentDocument: { scheme: 'file', fsPath: path } });
  return { html, marks: marks(html) };
}

const p = (n: number) => paper.paragraph(n)!;

describe('citations in the preview', () => {
  it('link every citation of statement-draft-en.md to its paragraph in the paper, and mark the three broken ones', () => {
    const { marks: found } = example('statement-draft-en.md');
    expect(found.map((m) => `${m.tag} ${m.text}`)).toEqual([
      'a CRP/43 §5',
      'a CRP/43 §6(a)',
      'span CRP/43 §6(d)',
      'span CRP/43 §61',
      'span CRP/43 §§21–19',
      'a CRP/43 §25',
      'a CRP/43 §24(a)',
    ]);
    const s25 = found[5]!;
    // Relative to the draft, at the paragraph's line: the preview hands it to VS Code's link opener.
    expect(s25.href).toBe(`../data/documents/crp-43.md#${lineFragment(p(25).line)}`);
    expect(s25.title.split('\n')[0]).toMatch(/^CRP\/43 · Paragraph 25: /);
    expect(s25.title).toContain('Click to open CRP/43 at this passage.');
    expect(s25.card).toEqual([{ title: 'CRP/43 · Paragraph 25', heading: `Under “${paper.section(p(25))!.heading}”`, text: `25. ${p(25).text.replace(/\*/g, '')}` }]);
    expect(found[1]!.href).toBe(`../data/documents/crp-43.md#${lineFragment(p(6).subParagraphs[0]!.line)}`);
    expect(found[2]!.title).toBe('Broken citation: Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).');
    expect(found[2]!.href).toBeUndefined();
    expect(found[3]!.card).toEqual([{ title: 'CRP/43 has no paragraph 61: its paragraphs run from 1 to 27.' }]);
  });

  it('reads the French UN-style draft in French: mark-first citations, a) letters and notes', () => {
    const { marks: found } = example('note-de-synthese-style-onu-fr.md');
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((m) => m.tag === 'a')).toBe(true);
    const par3 = found.find((m) => m.text === 'CRP/43, par. 3')!;
    expect(par3.title.split('\n')[0]).toMatch(/^CRP\/43 · Paragraphe 3\u00a0: /);
    expect(par3.title).toContain('Cliquez pour ouvrir CRP/43 à ce passage.');
    const note = found.find((m) => m.text === 'CRP/43, note 2')!;
    expect(note.card[0]!.title).toBe('CRP/43 · Note de bas de page 2');
    expect(note.href).toMatch(new RegExp(`#${lineFragment(paper.footnote(2)!.line)}$`));
  });

  it('reads the Spanish UN-style draft in Spanish, and the Spanish broken message', () => {
    const { marks: found } = example('nota-estilo-onu-es.md');
    const parr6 = found.find((m) => m.text === 'CRP/43, párr. 6')!;
    expect(parr6.title.split('\n')[0]).toMatch(/^CRP\/43 · Párrafo 6: /);
    expect(parr6.title).toContain('Haga clic para abrir CRP/43 en este pasaje.');
    const broken = marks(renderer('es').render('Véase CRP/43, párr. 28.\n'));
    expect(broken).toEqual([{ tag: 'span', text: 'CRP/43, párr. 28', title: expect.stringMatching(/^Cita errónea: /), card: [{ title: expect.stringContaining('28') }] }]);
  });

  it('links every example, and every link goes to a line of the paper’s rendering that starts a passage', () => {
    const starts = new Set([...paper.data.paragraphs.flatMap((q) => [q.line, ...q.subParagraphs.map((s) => s.line)]), ...paper.data.footnotes.map((f) => f.line)].map(lineFragment));
    for (const name of ['briefing-note-en.md', 'nota-informativa-es.md', 'note-d-information-fr.md']) {
      const found = example(name).marks.filter((m) => m.tag === 'a');
      expect(found.length, name).toBeGreaterThan(3);
      for (const m of found) expect(starts.has(m.href!.split('#')[1]!), `${name}: ${m.text}`).toBe(true);
    }
  });

  it('leaves code spans, code blocks, link texts and destinations, HTML and comments as they are', () => {
    const src = [
      'Inline `CRP/43 §6` code, ``CRP/43 §7`` too, [CRP/43 §8](https://example.org/CRP/43%20§9) and <span title="CRP/43 §10">x</span> <!-- CRP/43 §11 -->',
      '',
      '```',
      'CRP/43 §12',
      '```',
      '',
      '    CRP/43 §13',
      '',
      '[ref]: https://example.org/CRP/43 "CRP/43 §14"',
      '',
      'But CRP/43 §15 is read.',
    ].join('\n');
    const html = renderer().render(src);
    expect(marks(html).map((m) => m.text)).toEqual(['CRP/43 §15']);
    const plain = new MarkdownIt({ html: true, linkify: true }).render(src);
    // Everything before the one citation is markdown-it's own output, unchanged.
    expect(html.slice(0, html.indexOf('But '))).toBe(plain.slice(0, plain.indexOf('But ')));
    expect(withoutCards(html).replace(/<a class="crp-cite-link"[^>]*>([^<]*)<\/a>/g, '$1')).toBe(plain);
  });

  it('keeps the text intact around links, through emphasis, escapes, entities and hard wraps', () => {
    const src = 'See **CRP/43 §16** \\*and\\* &amp; CRP/43\n§18, then paragraph 9 of CRP/43 and ibid., para. 7.\n\n> quoted CRP/43 §§6–8\n\n| a | b |\n| - | - |\n| CRP/43 §20 | x |\n';
    const html = renderer().render(src);
    const plain = new MarkdownIt({ html: true, linkify: true }).render(src);
    expect(withoutCards(html).replace(/<a class="crp-cite-link"[^>]*>([^<]*)<\/a>/g, '$1')).toBe(plain);
    expect(marks(html).map((m) => m.text)).toEqual(['CRP/43 §16', 'CRP/43', '§18', 'paragraph 9 of CRP/43', 'ibid., para. 7', 'CRP/43 §§6–8', 'CRP/43 §20']);
    // A range covers each of its paragraphs: the card shows all three.
    expect(marks(html)[5]!.card.map((c) => c.title)).toEqual(['CRP/43 · Paragraph 6', 'CRP/43 · Paragraph 7', 'CRP/43 · Paragraph 8']);
  });

  it('writes each card once, however many citations show it', () => {
    const html = renderer().render('CRP/43 §5, again CRP/43 §5 and CRP/43 §6; broken: CRP/43 §99 and CRP/43 §99.\n');
    const found = marks(html);
    expect(found.map((m) => m.text)).toEqual(['CRP/43 §5', 'CRP/43 §5', 'CRP/43 §6', 'CRP/43 §99', 'CRP/43 §99']);
    expect(cards(html).size).toBe(3);
    expect(found[1]!.card).toEqual(found[0]!.card);
    expect(found[0]!.card[0]!.text).toMatch(/^5\. The High-level Dialogue proved/);
    expect(found[3]!.card).toEqual(found[4]!.card);
  });

  it('escapes what it writes into attributes', () => {
    const html = renderer().render('CRP/43 §5\n');
    // Paragraph 5 has quotation marks and apostrophes in its text; none may end the attribute.
    expect(html).toMatch(/^<p><a class="crp-cite-link" title="[^"]*" data-crp-cite-card="[^"]*" href="[^"]*" data-href="[^"]*">CRP\/43 §5<\/a><\/p>\n<div class="crp-cite-cards" hidden><div data-crp-cite-card-key="c0">[^<"]*<\/div><\/div>\n$/);
    expect(html).not.toContain('<script');
  });

  it('does not mark a citation silenced by a crp-cite-disable comment as broken', () => {
    const html = renderer().render('CRP/43 §28 <!-- crp-cite-disable-line unknown-paragraph -->\n\nCRP/43 §28\n');
    expect(marks(html).map((m) => `${m.tag} ${m.text}`)).toEqual(['span CRP/43 §28']);
  });

  it('gives the paper’s own rendering an id at each passage, where the links land', () => {
    const html = renderer().render(rendering);
    expect(html).toContain(`<p id="${lineFragment(p(25).line)}">`);
    expect(html).toContain(`<li id="${lineFragment(p(6).subParagraphs[0]!.line)}">`);
    expect(renderer().render('Another draft\n')).not.toContain(' id="L');
  });

  it('writes a file URI when the previewed document is unknown', () => {
    expect(targetHref({ path: paper.renderingPath, line: 9 }, undefined)).toMatch(/^file:\/\/\/.*crp-43\.md#L10$/);
    expect(targetHref({ path: '/a/data/crp 43.md', line: 0 }, '/a/docs/x.md')).toBe('../data/crp%2043.md#L1');
  });
});
