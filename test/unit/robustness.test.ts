/**
 * Whatever a writer types, the core neither throws nor answers outside the text, and
 * hover, definition and completion agree on what is under the cursor.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/markdown';
import { hover } from '../../server/src/core/features/hover';
import { definition } from '../../server/src/core/features/definition';
import { complete } from '../../server/src/core/features/completion';
import { targetAt } from '../../server/src/core/grammar';
import { translator } from '../../server/src/i18n';

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
    fc.constantFrom('§', '§§', '§ ', 'para. ', 'paras. ', 'par. ', 'paragraphes ', 'párr. ', 'párrs. ', 'párrafo '),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('', '(a)', ' (b)', '(c)', '(d)', '(a)–(c)')), { minLength: 1, maxLength: 4 }),
    fc.constantFrom(', ', ' and ', ' et ', ' y ', '–', ' to ', ' a '),
  )
  .map(([symbol, mark, refs, sep]) => `${symbol}${mark}${refs.map(([n, sub]) => `${n}${sub}`).join(sep)}`);
const draft = fc.array(fc.oneof(citation, fragment, fragment), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the core on arbitrary drafts', () => {
  it('never throws and keeps every citation inside the text', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const index = new DraftIndex(text, symbols);
        for (const c of index.citations()) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(c.symbolStart, c.symbolEnd)).toBe(c.symbol);
          for (const item of c.items) {
            for (const ref of item.to ? [item.from, item.to] : [item.from]) {
              if (ref.number) expect(text.slice(ref.number.start, ref.number.end)).toBe(ref.number.text);
              if (ref.sub) expect(text.slice(ref.sub.start, ref.sub.end)).toBe(ref.sub.letter);
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
            // A hover is only ever on a citation, and covers exactly the target under the cursor.
            expect(target).toBeDefined();
            expect([h.start, h.end]).toEqual([target!.start, target!.end]);
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
