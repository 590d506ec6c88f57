/**
 * The extension's pure parts: settings and locale choice, webview message validation,
 * command arguments, the panel's view model and HTML, its search, and the citation text
 * the panel and the commands insert.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, passagePicks } from '../../client/src/commands/passages';
import { contentSecurityPolicy, escapeHtml, makeNonce, panelHtml } from '../../client/src/panel/html';
import { parseTargetArgument, parseWebviewMessage } from '../../client/src/panel/messages';
import { fill, highlight, matchParagraph, parseQuery, richText } from '../../client/src/panel/media/search';
import { countsView, panelStrings } from '../../client/src/panel/viewModel';
import { resolveSettings } from '../../client/src/settings';
import { resolveLanguage, toLanguage } from '../../server/src/settings';
import { formatCitation } from '../../server/src/core/features/citationText';
import { citedPassageAt, countCitations, firstCitationOffsets, outlineOf } from '../../server/src/core/features/outline';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { translator } from '../../server/src/i18n';
import type { Outline } from '../../server/src/protocol';

const corpus = loadCorpus(join(__dirname, '..', '..', 'data', 'documents'));
const paper = corpus.paper('CRP/43')!;
const outline: Outline = { ...outlineOf(paper), renderingUri: 'file:///crp-43.md' };

describe('settings and locale choice', () => {
  it('auto follows VS Code’s display language, falling back to English', () => {
    expect(resolveLanguage('auto', 'fr')).toBe('fr');
    expect(resolveLanguage('auto', 'es-419')).toBe('es');
    expect(resolveLanguage('auto', 'zh-cn')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
    expect(resolveLanguage('fr', 'es')).toBe('fr');
    expect(toLanguage('FR_ca')).toBe('fr');
  });

  it('uses the defaults when nothing is set', () => {
    expect(resolveSettings({}, 'es')).toEqual({
      settings: { languageSetting: 'auto', language: 'es', diagnostics: true, citationStyle: 'section', maxDocumentSize: 10 * 1024 * 1024 },
      problems: [],
    });
  });

  it('falls back to the default on an invalid value and reports it', () => {
    const { settings, problems } = resolveSettings({ language: 'de', diagnosticsEnable: 'yes', citationStyle: 'paragraph', maxDocumentSize: -5 }, 'fr');
    expect(settings).toEqual({ languageSetting: 'auto', language: 'fr', diagnostics: true, citationStyle: 'section', maxDocumentSize: 10 * 1024 * 1024 });
    expect(problems.map((p) => p.setting)).toEqual(['crpCite.language', 'crpCite.diagnostics.enable', 'crpCite.citationStyle', 'crpCite.maxDocumentSize']);
    expect(problems[0]).toEqual({ setting: 'crpCite.language', value: '"de"', fallback: 'auto' });
  });
});

describe('messages from the webview', () => {
  it('accepts the known messages', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ ok: true, message: { type: 'ready' } });
    expect(parseWebviewMessage({ type: 'insert', target: { paragraph: 6, subParagraph: 'a' } }).ok).toBe(true);
    expect(parseWebviewMessage({ type: 'open', target: { paragraph: 5, footnote: 1 } }).ok).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'insert'],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['no target', { type: 'copy' }],
    ['a negative paragraph', { type: 'copy', target: { paragraph: -1 } }],
    ['a fractional paragraph', { type: 'copy', target: { paragraph: 1.5 } }],
    ['a script for a letter', { type: 'insert', target: { paragraph: 6, subParagraph: '<script>' } }],
    ['an extra field', { type: 'insert', target: { paragraph: 6 }, text: 'CRP/43 §6<img onerror=x>' }],
    ['a huge number', { type: 'select', target: { paragraph: 1e20 } }],
  ])('rejects %s, with a reason', (_what, data) => {
    const result = parseWebviewMessage(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toBe('');
  });

  it('reads a command’s optional argument', () => {
    expect(parseTargetArgument({ paragraph: 6, subParagraph: 'b' })).toEqual({ paragraph: 6, subParagraph: 'b' });
    expect(parseTargetArgument(undefined)).toBeUndefined();
    expect(parseTargetArgument({ paragraph: '6' })).toBeUndefined();
    // VS Code passes the editor's URI when a command runs from a context menu.
    expect(parseTargetArgument({ scheme: 'file', path: '/draft.md' })).toBeUndefined();
  });
});

describe('the panel’s words', () => {
  it('are translated and keep placeholders for the webview', () => {
    const fr = panelStrings(translator('fr'), 'CRP/43');
    expect(fr.insert).toBe('Insérer la citation');
    expect(fr.outlineLabel).toBe('Plan de CRP/43');
    expect(fill(fr.subParagraph, { number: 6, letter: 'a' })).toBe('Alinéa a) du paragraphe 6');
    expect(fill(panelStrings(translator('es'), 'CRP/43').noMatches, { query: 'xyz' })).toBe('Ningún párrafo coincide con «xyz».');
  });

  it('phrase the counts with each language’s plurals', () => {
    const counts = { symbol: 'CRP/43', draft: { '6': 1, '7': 3 }, workspace: { '6': 4, '8': 2 }, firstCitation: {}, quotations: { '9': { quoted: 3, mismatched: 1 }, n2: { quoted: 1, mismatched: 0 } } };
    const en = countsView(counts, 'notes.md', translator('en'));
    expect(en.caption).toBe('Citation counts for notes.md');
    expect(en.paragraphs['6']).toEqual({ draft: 1, workspace: 4, label: 'Cited once in this draft, 4 times in the workspace' });
    expect(en.paragraphs['8']?.label).toBe('Not cited in this draft, 2 times in the workspace');
    const es = countsView(counts, 'nota.md', translator('es'));
    expect(es.paragraphs['7']?.label).toBe('Citado 3 veces en este borrador');
    const fr = countsView(counts, 'note.md', translator('fr'));
    expect(fr.paragraphs['6']).toEqual({ draft: 1, workspace: 4, label: 'Cité une fois dans ce projet, 4 fois dans l’espace de travail' });
  });

  it('say how often a passage is quoted and whether every quotation matches the paper', () => {
    const counts = { symbol: 'CRP/43', draft: {}, workspace: {}, firstCitation: {}, quotations: { '9': { quoted: 3, mismatched: 1 }, n2: { quoted: 1, mismatched: 0 } } };
    expect(countsView(counts, 'notes.md', translator('en')).quotations).toEqual({
      '9': { label: 'Quoted 3 times in the workspace: 1 does not match the paper.', mismatched: true },
      n2: { label: 'Quoted once in the workspace: the quotation matches the paper.', mismatched: false },
    });
    expect(countsView(counts, 'nota.md', translator('es')).quotations['n2']!.label).toBe('Citado textualmente una vez en el espacio de trabajo: la cita coincide con el texto.');
  });

  it('say how to get counts when no draft is open', () => {
    expect(countsView(null, null, translator('fr'))).toEqual({
      draft: null,
      caption: 'Ouvrez un projet de texte Markdown pour voir combien de fois il cite chaque paragraphe.',
      paragraphs: {},
      quotations: {},
      neverCited: null,
    });
  });

  it('list the paragraphs never cited across the workspace', () => {
    const counts = { symbol: 'CRP/43', draft: { '6': 1, n2: 1 }, workspace: { '6': 4, '8': 2, n3: 1 }, firstCitation: {}, quotations: {} };
    const paper = [5, 6, 7, 8, 9];
    expect(countsView(counts, 'notes.md', translator('en'), paper).neverCited).toEqual({ paragraphs: [5, 7, 9], label: 'Paragraphs never cited in the workspace: 3' });
    expect(countsView(counts, 'note.md', translator('fr'), paper).neverCited?.label).toBe('Paragraphes jamais cités dans l’espace de travail : 3');
    expect(countsView(counts, 'nota.md', translator('es'), paper).neverCited?.label).toBe('Párrafos nunca citados en el área de trabajo: 3');
  });
});

describe('the panel’s page', () => {
  const page = panelHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2U=',
    scriptUri: 'https://x/panel.js',
    styleUri: 'https://x/panel.css',
    codiconsUri: 'https://x/codicon.css',
    language: 'fr',
    title: '"><script>alert(1)</script>',
  });

  it('has a strict Content-Security-Policy: nonce’d scripts only, nothing remote', () => {
    const csp = contentSecurityPolicy('https://cdn', 'n0nce');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-n0nce'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:\/\/(?!cdn)/);
  });

  it('runs one script, carrying the nonce, and no inline handler', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<script nonce="bm9uY2U=" src="https://x/panel.js"></script>');
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).toContain('id="vscode-codicon-stylesheet"');
  });

  it('escapes what it is given', () => {
    expect(page).toContain('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(escapeHtml(`<img src=x onerror='a'>&`)).toBe('&lt;img src=x onerror=&#39;a&#39;&gt;&amp;');
  });

  it('makes a fresh nonce from random bytes', () => {
    expect(makeNonce((n) => new Uint8Array(n).fill(255))).toBe('/////////////////////w==');
  });
});

describe('the panel’s search', () => {
  const p = (n: number) => outline.paragraphs.find((q) => q.number === n)!;

  it('reads numbers and words, ignoring the symbol and marks', () => {
    expect(parseQuery('CRP/43 §6 Human  rights')).toEqual({ numbers: ['6'], words: ['human', 'rights'] });
    expect(parseQuery('par. 13 migración')).toEqual({ numbers: ['13'], words: ['migracion'] });
    expect(parseQuery('6(a)')).toEqual({ numbers: ['6'], words: [] });
  });

  it('matches numbers by their start, like completion', () => {
    const q = parseQuery('2');
    const found = outline.paragraphs.filter((x) => matchParagraph(x, q).matches).map((x) => x.number);
    expect(found).toEqual([2, 20, 21, 22, 23, 24, 25, 26, 27]);
  });

  it('matches words anywhere in the whole text, and says which sub-paragraphs hold them', () => {
    const m = matchParagraph(p(6), parseQuery('stranded'));
    expect(m).toEqual({ matches: true, subParagraphs: ['c'], footnotes: [] });
    expect(matchParagraph(p(1), parseQuery('stranded')).matches).toBe(false);
    expect(matchParagraph(p(5), parseQuery('UNFPA')).footnotes).toEqual([1]);
  });

  it('highlights case- and accent-insensitively, keeping the original text', () => {
    expect(highlight('Éducation et education', ['education'])).toEqual([
      { text: 'Éducation', match: true },
      { text: ' et ', match: false },
      { text: 'education', match: true },
    ]);
    expect(highlight('😀 rights', ['rights']).map((s) => s.text).join('')).toBe('😀 rights');
  });

  it('turns the paper’s *italics* into emphasis, without the asterisks', () => {
    expect(richText('see *World Migration Report* now', ['report'])).toEqual([
      { text: 'see ', match: false, em: false },
      { text: 'World Migration ', match: false, em: true },
      { text: 'Report', match: true, em: true },
      { text: ' now', match: false, em: false },
    ]);
  });

  it('fills placeholders as text, never as markup', () => {
    expect(fill('No paragraph matches “{{query}}”.', { query: '<img onerror=x>' })).toBe('No paragraph matches “<img onerror=x>”.');
    expect(fill('{{unknown}}', {})).toBe('{{unknown}}');
  });
});

describe('citation text', () => {
  it.each([
    ['section', 'en', 'CRP/43 §6(a)'],
    ['para', 'fr', 'CRP/43, para. 6(a)'],
    ['local', 'en', 'CRP/43, para. 6(a)'],
    ['local', 'fr', 'CRP/43, par. 6(a)'],
    ['local', 'es', 'CRP/43, párr. 6(a)'],
  ] as const)('%s in %s: %s', (style, language, expected) => {
    expect(formatCitation('CRP/43', 6, 'a', style, language)).toBe(expected);
  });

  it('is read back by the grammar as the same passage', () => {
    for (const style of ['section', 'para', 'local'] as const) {
      for (const language of ['en', 'fr', 'es'] as const) {
        const text = `As noted in ${formatCitation('CRP/43', 24, 'b', style, language)}, the Council…`;
        const draft = new DraftIndex(text, ['CRP/43']);
        const at = text.indexOf('(b)') + 1;
        expect(citedPassageAt(draft, (s) => corpus.paper(s), at)).toEqual({ symbol: 'CRP/43', paragraph: 24, subParagraph: 'b' });
      }
    }
  });
});

describe('what the panel asks the server', () => {
  const text = 'See CRP/43 §§6–8 and CRP/43, par. 7. Also CRP/43 §6(a) and CRP/43 §99.';
  const draft = new DraftIndex(text, ['CRP/43']);

  it('counts each citation once per paragraph it covers', () => {
    expect(Object.fromEntries(countCitations(paper, draft.citations()))).toEqual({ 6: 2, 7: 2, 8: 1 });
  });

  it('finds where the draft first cites a paragraph, on its number when named', () => {
    const offsets = firstCitationOffsets(paper, draft.citations());
    expect(offsets.get('6')).toBe(text.indexOf('6–8'));
    expect(offsets.get('7')).toBe(text.indexOf('7.'));
    expect(offsets.get('8')).toBe(text.indexOf('8 and'));
    expect(offsets.has('99')).toBe(false);
  });

  it('knows the paragraph under the cursor', () => {
    const cite = (needle: string, delta = 0) => citedPassageAt(draft, (s) => corpus.paper(s), text.indexOf(needle) + delta);
    expect(cite('8 and')).toEqual({ symbol: 'CRP/43', paragraph: 8 });
    expect(cite('CRP/43 §§')).toEqual({ symbol: 'CRP/43', paragraph: 6 });
    expect(cite('(a)', 1)).toEqual({ symbol: 'CRP/43', paragraph: 6, subParagraph: 'a' });
    expect(cite('§99', 2)).toBeUndefined();
    expect(cite('Also')).toBeUndefined();
  });

  it('gets the outline with the whole text, sub-paragraphs and footnotes', () => {
    expect(outline.paragraphs).toHaveLength(27);
    const p6 = outline.paragraphs.find((p) => p.number === 6)!;
    expect(p6.subParagraphs.map((s) => s.letter)).toEqual(['a', 'b', 'c']);
    expect(outline.sections[p6.section]?.heading).toBe('Substantive outcomes of the High-level Dialogue');
    const p5 = outline.paragraphs.find((p) => p.number === 5)!;
    expect(p5.subParagraphs[0]?.footnotes.map((f) => f.number)).toContain(1);
  });
});

describe('commands', () => {
  it('offer every paragraph and sub-paragraph in the quick pick, with its text as detail', () => {
    const picks = passagePicks(outline);
    const subs = outline.paragraphs.reduce((n, p) => n + p.subParagraphs.length, 0);
    expect(picks).toHaveLength(27 + subs);
    const p6b = picks.find((p) => p.label === '6(b)')!;
    expect(p6b.target).toEqual({ paragraph: 6, subParagraph: 'b' });
    expect(p6b.detail).toMatch(/^The critical links between migration and development/);
    expect(picks.every((p) => !p.detail.includes('*'))).toBe(true);
  });

  it('open the rendering at the paragraph’s, sub-paragraph’s or footnote’s line', () => {
    const p6 = paper.paragraph(6)!;
    expect(lineOf(outline, { paragraph: 6 })).toBe(p6.line);
    expect(lineOf(outline, { paragraph: 6, subParagraph: 'c' })).toBe(p6.subParagraphs[2]!.line);
    expect(lineOf(outline, { paragraph: 5, footnote: 1 })).toBe(paper.data.footnotes[0]!.line);
    expect(lineOf(outline, { paragraph: 99 })).toBeUndefined();
  });
});
