/**
 * Whatever a writer types, the core neither throws nor answers outside the text, and
 * hover, definition and completion agree on what is under the cursor.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { hover } from '../../server/src/core/features/hover';
import { quotationAt } from '../../server/src/core/features/quotations';
import { definition } from '../../server/src/core/features/definition';
import { complete } from '../../server/src/core/features/completion';
import { targetAt } from '../../server/src/core/grammar';
import { translator } from '../../server/src/i18n';
import { escapeMarkdown } from '../../server/src/core/features/render';
import { DocumentStore } from '../../server/src/lsp/documents';

const corpus = loadCorpus(resolve(__dirname, '../../data/documents'));
const symbols = corpus.papers.map((p) => p.symbol);
const t = translator('en');

/** Fragments that look like citations, half-citations and Markdown that hides them. */
const fragment = fc.constantFrom(
  'CRP/43', 'CRP/43 ', 'CRP/43,', '§', '§§', '§ ', 'para.', 'paras. ', 'par. ', 'párr. ', 'párrafos ', 'paragraphes ',
  '6', '06', '28', '0', '99999999999999999999', '(a)', '(d)', ' (c)', '(', ')', '–', '-', '—', ' to ', ' à ', ' a ', ', ', ' and ', ' et ', ' y ',
  '`', '``', '```\n', '~~~\n', '    ', '<!--', '-->', '](', '[x]: ', '<http://x>', '> ', '- ', '1. ', '#',
  '\n', '\r\n', '\r', '\n\n', '\t', '\u00a0', '\u200b', '\u0301', '😀', '𝒜', '\ud800', '\udc00', 'CRP/44 §3', 'text ',
);
/** A well-formed (or nearly) citation, so that most drafts hold several. */
const citation = fc
  .tuple(
    fc.constantFrom('CRP/43 ', 'CRP/43, ', 'CRP/43\n', 'CRP/43'),
    fc.constantFrom('§', '§§', '§ ', 'para. ', 'paras. ', 'par. ', 'paragraphes ', 'párr. ', 'párrs. ', 'párrafo ', 'párrs.\n', '§\n', 'paras.\r\n'),
    // A reference with a number, or a letter alone (a list of sub-paragraphs: `§6(a) and (b)`).
    fc.array(
      fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('', '(a)', ' (b)', '(c)', '(d)', '(a)–(c)')).map(([n, sub]) => `${n}${sub}`),
        fc.constantFrom('(a)', '(b)', '(d)', '(b)–(c)', '(c)–(a)', '(b) to (c)'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    // Separators, some hard-wrapped (a line break after them) and one a blank line.
    fc.constantFrom(', ', ' and ', ' et ', ' y ', '–', ' to ', ' a ', ',\n', ' and\n', ' y\r\n', '–\n', ' a\n', ',\n\n'),
  )
  .map(([symbol, mark, refs, sep]) => `${symbol}${mark}${refs.join(sep)}`);
const draft = fc.array(fc.oneof(citation, fragment, fragment), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the core on arbitrary drafts', () => {
  it('never throws and keeps every citation inside the text', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const index = new DraftIndex(text, symbols);
        for (const c of index.citations()) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(c.symbolStart, c.symbolEnd)).toBe(c.bare ? '' : c.symbol);
          for (const item of c.items) {
            for (const ref of item.to ? [item.from, item.to] : [item.from]) {
              if (ref.number) expect(text.slice(ref.number.start, ref.number.end)).toBe(ref.number.text);
              if (ref.sub) expect(text.slice(ref.sub.start, ref.sub.end)).toBe(ref.sub.letter);
              // A letter alone names the paragraph of a number written before it: in the same
              // citation, after its symbol; for a short form or a reference without the symbol
              // (`Ibid., al. b)`, `inciso b)` after `párr. 6`, `24(a) and (b)`), anywhere before.
              if (ref.inherits) {
                expect(ref.number).toBeUndefined();
                expect(text.slice(ref.inherits.start, ref.inherits.end)).toBe(ref.inherits.text);
                if (!c.short) expect(ref.inherits.start).toBeGreaterThan(c.symbolEnd);
                expect(ref.inherits.end).toBeLessThan(ref.start);
              }
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('answers hover, definition and completion at every offset without throwing, on the citation under the cursor', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const index = new DraftIndex(text, symbols);
        for (let offset = 0; offset <= text.length; offset++) {
          const h = hover(index, corpus, offset, t);
          const d = definition(index, corpus, offset);
          complete(index, corpus, offset, t);
          const citation = index.citationAt(offset);
          const target = citation && targetAt(citation, offset);
          if (h) {
            // A hover is only ever on a citation, covering exactly the target under the cursor,
            // or on a quotation of one, covering the quoted words.
            const quoted = target ? undefined : quotationAt(index, corpus, offset);
            expect(target ?? quoted).toBeDefined();
            expect([h.start, h.end]).toEqual(target ? [target.start, target.end] : [quoted!.quotation.start, quoted!.quotation.end]);
          }
          if (d) {
            // Anything one can jump from, one can hover: they agree on what is there.
            expect(h).toBeDefined();
            expect([d.originStart, d.originEnd]).toEqual([h!.start, h!.end]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** How many runs each property makes: bounded in `npm test`, more with `npm run fuzz`. */
const DEEP = Number(process.env.CRP_FUZZ_RUNS ?? 1);

describe('a draft over the size limit, indexed around the cursor only', () => {
  // Paragraphs without fences or HTML blocks: a window cut at blank lines parses as the whole.
  const paragraph = fc.array(fc.oneof(citation, fc.constantFrom('text ', 'CRP/43 §', '`code` ', '[l](u) ', '😀', '\t', '\n')), { minLength: 1, maxLength: 8 }).map((p) => p.join('').replace(/\n(?=\s*\n)/g, ' '));
  const blocks = fc.array(paragraph, { minLength: 1, maxLength: 8 }).map((ps) => ps.join('\n\n'));

  it('answers hover, definition and completion as the whole index would, at every offset', { timeout: 20_000 * DEEP }, () => {
    fc.assert(
      fc.property(blocks, (text) => {
        const whole = new DraftIndex(text, symbols);
        const store = new DocumentStore(() => symbols);
        store.setMaxSize(0);
        const doc = store.open({ textDocument: { uri: 'file:///big.md', languageId: 'markdown', version: 1, text } });
        expect(doc.oversized).toBe(true);
        expect(doc.draft.citations()).toEqual([]);
        for (let offset = 0; offset <= text.length; offset++) {
          const { draft, base } = doc.draftAround(offset);
          const h = hover(draft, corpus, offset - base, t);
          const expected = hover(whole, corpus, offset, t);
          expect(h && { ...h, start: h.start + base, end: h.end + base }).toEqual(expected);
          const d = definition(draft, corpus, offset - base);
          expect(d && d.originStart + base).toEqual(definition(whole, corpus, offset)?.originStart);
          const c = complete(draft, corpus, offset - base, t).items.map((i) => [i.label, i.start + base, i.end + base]);
          expect(c).toEqual(complete(whole, corpus, offset, t).items.map((i) => [i.label, i.start, i.end]));
        }
      }),
      { numRuns: 60 * DEEP },
    );
  });

  it('switches between indexed and oversized as edits and the limit cross it, agreeing with a fresh index', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.tuple(fc.nat(), fc.nat(), paragraph), { maxLength: 8 }), fc.integer({ min: 5, max: 200 }), (text, edits, limit) => {
        const store = new DocumentStore(() => symbols);
        store.setMaxSize(limit);
        const doc = store.open({ textDocument: { uri: 'file:///d.md', languageId: 'markdown', version: 1, text } });
        let version = 1;
        for (const [a, b, inserted] of edits) {
          const current = doc.text.getText();
          const start = doc.positionAt(Math.min(a, b) % (current.length + 1));
          const end = doc.positionAt(Math.max(a, b) % (current.length + 1));
          store.change({ textDocument: { uri: 'file:///d.md', version: ++version }, contentChanges: [{ range: { start, end }, text: inserted }] });
          const now = doc.text.getText();
          expect(doc.oversized).toBe(now.length > limit);
          expect(doc.draft.citations()).toEqual(doc.oversized ? [] : new DraftIndex(now, symbols).citations());
        }
        store.setMaxSize(1e9);
        expect(doc.oversized).toBe(false);
        expect(doc.draft.citations()).toEqual(new DraftIndex(doc.text.getText(), symbols).citations());
      }),
      { numRuns: 200 * DEEP },
    );
  });
});

describe('the data’s text in hovers', () => {
  it('never carries a tag, an entity, a link or an image, only the http(s) autolinks it had', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('<script>', '<img src=x onerror=a()>', '[x](command:q)', '![i](https://t/p.png)', '&lt;', '<https://ok.example/a>', '<javascript:a()>', '\\[', ']('));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        const out = escapeMarkdown(text).replace(/<https?:\/\/[^\s<>]+>/g, '');
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
        // Every bracket is escaped: no `[text](target)` or `![alt](src)` can form.
        expect(out.replace(/\\./g, '')).not.toMatch(/[[\]]/);
      }),
      { numRuns: 1000 * DEEP },
    );
  });
});
