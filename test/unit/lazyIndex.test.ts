/**
 * The draft index parses a large draft lazily, a chunk of lines at a time, as far as the
 * requests so far needed (see `DraftIndex` in markdown.ts): opening a 5 MB draft must not
 * cost a 5 MB parse before the first hover. Whatever the chunk size, and whichever
 * requests and edits come in between, it must find what an index parsed in one go finds.
 *
 * And the checker re-checks, after an edit that changes what is prose (a backtick, a
 * line break), only the blocks the index parsed again (`lastReparsed`): a keystroke in a
 * 5 MB draft must not re-check 50,000 citations. It must agree with a full check.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft, DraftChecker } from '../../server/src/core/features/diagnostics';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/markdown';

const SYMBOLS = ['CRP/43'];
const WHOLE = { chunk: Number.MAX_SAFE_INTEGER };

const LINES = [
  '',
  'Prose citing CRP/43 §6(a) and CRP/43, par. 13.',
  'CRP/43',
  '§§11–12 after a break.',
  '# Heading CRP/43 §2',
  '```',
  '~~~',
  '    indented CRP/43 §3',
  '> quoted CRP/43 §4',
  '- item CRP/43 §5',
  '  continued CRP/43 §7',
  '1. item',
  '<div>',
  '</div>',
  '<!-- CRP/43 §8',
  '-->',
  '[r]: /url',
  '"title CRP/43 §9"',
  '`code CRP/43 §10`',
  '| CRP/43 §14 | b |',
  '| - | - |',
  '===',
  '***',
];

const draft = fc.array(fc.constantFrom(...LINES), { maxLength: 40 }).map((lines) => lines.join('\n'));
const spans = (index: DraftIndex) => index.citations().map((c) => `${c.start}-${c.end}`);

describe('DraftIndex parsed chunk by chunk', () => {
  it('finds the same blocks and citations as one parse, for any chunk size', () => {
    fc.assert(
      fc.property(draft, fc.integer({ min: 1, max: 120 }), (text, chunk) => {
        const lazy = new DraftIndex(text, SYMBOLS, { chunk });
        const whole = new DraftIndex(text, SYMBOLS, WHOLE);
        expect(spans(lazy)).toEqual(spans(whole));
        expect(lazy.blockCount).toBe(whole.blockCount);
        for (let offset = 0; offset <= text.length; offset += 7) {
          expect(lazy.proseAround(offset)).toEqual(whole.proseAround(offset));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('answers a request in the middle having parsed only up to it', () => {
    const paragraph = 'The Dialogue, CRP/43 §6(a), and the agenda, CRP/43, par. 13.\n\n';
    const text = paragraph.repeat(2000);
    const index = new DraftIndex(text, SYMBOLS, { chunk: 4096 });
    const at = text.indexOf('§6', text.length / 2);
    expect(index.citationAt(at)?.start).toBe(text.lastIndexOf('CRP/43', at));
    expect((index as unknown as { parsedTo: number }).parsedTo).toBeLessThan(text.length * 0.6);
    expect(index.citations()).toHaveLength(4000);
  });

  it('keeps agreeing with a fresh index through edits made before, across and after the parsed part', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 0, max: 12 }),
      text: fc.constantFrom('', 'x', '\n', '\n\n', '```\n', '<!--', '-->', '`', 'CRP/43 §6', ' §', '[r]: /u\n', '    ', '- '),
      probe: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(draft, fc.integer({ min: 1, max: 80 }), fc.array(edit, { maxLength: 12 }), (initial, chunk, edits) => {
        const lazy = new DraftIndex(initial, SYMBOLS, { chunk });
        let text = initial;
        for (const e of edits) {
          // A request somewhere parses part of the draft; the edit then lands anywhere.
          const probe = Math.floor(e.probe * text.length);
          expect(lazy.citationAt(probe)?.start).toBe(new DraftIndex(text, SYMBOLS, WHOLE).citationAt(probe)?.start);
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.length);
          text = text.slice(0, start) + e.text + text.slice(end);
          lazy.applyEdit(start, end, e.text);
        }
        expect(spans(lazy)).toEqual(spans(new DraftIndex(text, SYMBOLS, WHOLE)));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('DraftChecker re-checking what the index re-parsed', () => {
  const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
  const lines = [...LINES, 'Broken: CRP/43 §28 and CRP/43 §6(d), CRP/43 §§21–19.', '<!-- crp-cite-disable-next-line -->', 'CRP/43 §99'];
  const text = fc.array(fc.constantFrom(...lines), { maxLength: 30 }).map((ls) => ls.join('\n'));
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 6 }),
    text: fc.constantFrom('', 'x', '8', '\n', '\n\n', '`', '```\n', '<', '(', ')', '[', ']', '\\', '    ', '- ', '<!--', '-->', '§', '(d)', '–19'),
  });

  it('agrees with a full check after any edits, one at a time', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 10 }), (initial, edits) => {
        const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
        const checker = new DraftChecker(corpus);
        checker.findings(draft);
        for (const e of edits) {
          const before = draft.getText();
          const start = Math.floor(e.at * before.length);
          const end = Math.min(before.length, start + e.length);
          draft.applyEdit(start, end, e.text);
          checker.edited({ start, end, removed: before.slice(start, end), inserted: e.text }, draft.getText(), draft.lastReparsed);
          expect(checker.findings(draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads silencing comments again after an edit near one, without checking every citation again', () => {
    const body = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: CRP/43 §${(i % 27) + 1} and CRP/43 §99.`).join('\n\n');
    const initial = `${body}\n\n<!--  -->\nCRP/43 §98 here.\n\n${body}\n`;
    const draft = new DraftIndex(initial, ['CRP/43']);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toHaveLength(801);
    // The comment becomes a directive, one keystroke at a time: the finding below it goes.
    let at = initial.indexOf('<!--  -->') + 5;
    for (const ch of 'crp-cite-disable-next-line') {
      draft.applyEdit(at, at, ch);
      checker.edited({ start: at, end: at, removed: '', inserted: ch }, draft.getText(), draft.lastReparsed);
      at++;
      expect(checker.findings(draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
      expect(checker.lastChecked).toBeLessThan(10);
    }
    expect(checker.findings(draft)).toHaveLength(800);
  });
});
