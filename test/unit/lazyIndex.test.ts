/**
 * The draft index parses a large draft lazily, a chunk of lines at a time, as far as the
 * requests so far needed (see `DraftIndex` in core/draft/draftIndex.ts): opening a 5 MB draft must not
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
import { lastBlockStartBefore } from '../../server/src/core/blockStarts';
import type { Citation } from '../../server/src/core/grammar';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { moveCitation } from '../../server/src/core/draft/moveCitation';

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
  // Forms whose reading reaches across a line or a block, or around the symbol.
  'See [CRP/43](https://x.org/a), para. 9 and *CRP/43* §6.',
  'paragraphs 13',
  'and 14 of CRP/43; subparagraphs (a) and (b) of paragraph 6 of CRP/43.',
  'Resolution 68/4, annex (ibid., para. 8). Ibid.',
  'As CRP/43, para. 26, puts it:',
  '> the real work starts now to establish follow-up mechanisms',
  '“the real work starts now to establish follow-up mechanisms” (CRP/43 §26), while CRP/43 §27 says so.',
  'CRP/43 notes 3 areas; footnote 5 (CRP/43); CRP/43 indique, au paragraphe 16, que',
  'Ibid., p. 30 and A/68/190, para. 4.',
  // References without a symbol, of the paper named last before them.
  'See para. 9, (par. 24 a)) and paragraph 12 above.',
  '- As para 8 puts it, the Declaration (resolution 68/4) is key (para. 3).',
  '| § 16 | note 4 | CRP/43 |',
  '| Topic | CRP/43 para |',
  '| Forum | 11–12 |',
  // Quotations attributed to the paper with no paragraph, and the sub-paragraphs alone of the paragraph before.
  'Le document précise :',
  'CRP/43 states that “the real work starts today to establish follow-up mechanisms”.',
  'Also (párr. 6 a)).',
  'También destacamos el inciso b) and (inciso c) del mismo párrafo).',
  // The same paragraph after a block that ends on a citation; a note that cites another text.
  'Le même paragraphe invite à tenir compte (CRP/43, par. 8)',
  'El mismo párrafo advierte (ibíd., apartado c)).',
  'The report (A/68/190), to which note 2 refers, and G.A. Res. 68/4, ¶ 8.',
  // The sub-paragraph named again; the paper named in words after another text (audits 35–38).
  'Nos interesa el apartado a), conforme a dicho apartado. Ledit alinéa est clair.',
  "The Director General's report, at paragraph 14, confirms what the paper says (para. 3).",
];

const draft = fc.array(fc.constantFrom(...LINES), { maxLength: 40 }).map((lines) => lines.join('\n'));
/** A citation of a parse started at `by`, with the offsets of the whole draft (a copy: the index's own are not to be changed). */
const moved = (c: Citation, by: number) => moveCitation(structuredClone(c), by);
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
    expect((index as unknown as { blockList: { parsedTo: number } }).blockList.parsedTo).toBeLessThan(text.length * 0.6);
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
  /** What a full check would say: the same findings, without the checker's identities. */
  const findingsOf = (checker: DraftChecker, draft: DraftIndex) => checker.findings(draft).map(({ id: _, ...f }) => f);
  const lines = [...LINES, 'Broken: CRP/43 §28 and CRP/43 §6(d), CRP/43 §§21–19.', '<!-- crp-cite-disable-next-line -->', 'CRP/43 §99'];
  const text = fc.array(fc.constantFrom(...lines), { maxLength: 30 }).map((ls) => ls.join('\n'));
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 6 }),
    text: fc.constantFrom('', 'x', '8', '\n', '\n\n', '`', '```\n', '<', '(', ')', '[', ']', '\\', '    ', '- ', '<!--', '-->', '§', '(d)', '–19', 'and ', ':', '*', 'Ibid. ', 'resolution 1/2 ', 'its para 12 ', 'para 9 ff. ', 'A/68/190, ibid. ', 'CRP/43, loc. cit. '),
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
          expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
        }
      }),
      { numRuns: 1500 },
    );
  });

  /** Checks `initial`, types `inserted` at its start and checks again: the findings a full check gives. */
  const agreesAfterTypingAtTop = (initial: string, inserted: string) => {
    const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
    const checker = new DraftChecker(corpus);
    checker.findings(draft);
    draft.applyEdit(0, 0, inserted);
    checker.edited({ start: 0, end: 0, removed: '', inserted }, draft.getText(), draft.lastReparsed);
    expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
  };

  // Counterexamples of the property above.
  it('agrees with a full check when the paper, named at the top, makes references far below its own', () => {
    agreesAfterTypingAtTop('- As para 8 puts it, the Declaration (resolution 68/4) is key (para. 3).\n***\nCRP/43 states that “the real work starts today to establish follow-up mechanisms”.\nTambién destacamos el inciso b) and (inciso c) del mismo párrafo).', 'CRP/43, loc. cit. ');
  });

  it('agrees with a full check when a reference citing nothing stands between a short form and the one before', () => {
    agreesAfterTypingAtTop('\n***\n§§11–12 after a break.\nEl mismo párrafo advierte (ibíd., apartado c)).', 'A/68/190, ibid. ');
  });

  it('agrees with a full check when edits come between the slices of the first check', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 10 }), (initial, edits) => {
        const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
        // Slices of a line or two: the first check is still under way at every edit.
        const checker = new DraftChecker(corpus, 40);
        for (const e of edits) {
          checker.checkSome(draft, 0);
          const before = draft.getText();
          const start = Math.floor(e.at * before.length);
          const end = Math.min(before.length, start + e.length);
          draft.applyEdit(start, end, e.text);
          checker.edited({ start, end, removed: before.slice(start, end), inserted: e.text }, draft.getText(), draft.lastReparsed);
        }
        expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a block quote’s finding whose citation is two blocks from the edit (a counterexample of the property above)', () => {
    const initial = '\n| - | - |\n# Heading CRP/43 §2\n> the real work starts now to establish follow-up mechanisms\n- item CRP/43 §5';
    const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
    const checker = new DraftChecker(corpus);
    expect(findingsOf(checker, draft).map((f) => f.code)).toEqual(['crp-cite.quote-elsewhere']);
    draft.applyEdit(0, 0, '');
    checker.edited({ start: 0, end: 0, removed: '', inserted: '' }, draft.getText(), draft.lastReparsed);
    expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
  });

  it('re-checks a quotation with every citation of its block, not those before the window’s end (a counterexample of the property above)', () => {
    // `paragraphs 13` starts where the re-checked blocks end: without the citation inside
    // the quotation marks, a title, the quotation was checked against paragraph 13.
    const initial = '\n# Heading CRP/43 §2\n| Topic | CRP/43 para |\n\n-->\n# Heading CRP/43 §2\nparagraphs 13\n"title CRP/43 §9"';
    const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
    const checker = new DraftChecker(corpus, 40);
    checker.checkSome(draft, 0);
    draft.applyEdit(0, 0, '');
    checker.edited({ start: 0, end: 0, removed: '', inserted: '' }, draft.getText(), draft.lastReparsed);
    expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
  });

  it('says a reference without a symbol above the first mention once the source before it goes into code (a counterexample of the property above)', () => {
    const initial = '- As para 8 puts it, the Declaration (resolution 68/4) is key (para. 3).\n<!-- crp-cite-disable-next-line -->\n| - | - |\n§§11–12 after a break.\n> quoted CRP/43 §4';
    const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
    const checker = new DraftChecker(corpus);
    expect(findingsOf(checker, draft).map((f) => f.messageKey)).toEqual(['unreadUnnamedPaper']);
    // Indented: the first line is code, its source with it; `§§11–12` follows no source now.
    draft.applyEdit(0, 0, '    ');
    checker.edited({ start: 0, end: 0, removed: '', inserted: '    ' }, draft.getText(), draft.lastReparsed);
    expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
    expect(findingsOf(checker, draft).map((f) => draft.getText().slice(f.start, f.end))).toEqual(['§§11–12']);
  });

  it('parses again a paragraph that takes its paragraph from the one before, when that one changed two blocks from the edit (a counterexample of the property above)', () => {
    // The edit takes the colon's citation away: the list has no lead, `(inciso c) del mismo
    // párrafo)` is read alone, and `El mismo párrafo` after it is of its paragraph.
    const initial = 'As CRP/43, para. 26, puts it:\n\nTambién destacamos el inciso b) and (inciso c) del mismo párrafo).\n\nEl mismo párrafo advierte (ibíd., apartado c)).';
    const draft = new DraftIndex(initial, ['CRP/43'], { chunk: 16 });
    const checker = new DraftChecker(corpus);
    findingsOf(checker, draft);
    for (const length of [2, 4, 6]) {
      const removed = draft.getText().slice(0, length);
      draft.applyEdit(0, length, '');
      checker.edited({ start: 0, end: length, removed, inserted: '' }, draft.getText(), draft.lastReparsed);
      expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
    }
    expect(findingsOf(checker, draft).map((f) => draft.getText().slice(f.start, f.end))).toContain('El mismo párrafo');
  });

  it('reads silencing comments again after an edit near one, without checking every citation again', () => {
    const body = Array.from({ length: 400 }, (_, i) => `Block ${i}: CRP/43 §${(i % 27) + 1} and CRP/43 §99.`).join('\n\n');
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
      expect(findingsOf(checker, draft)).toEqual(checkDraft(new DraftIndex(draft.getText(), ['CRP/43']), corpus));
      expect(checker.lastChecked).toBeLessThan(10);
    }
    expect(checker.findings(draft)).toHaveLength(800);
  });

  it('never changes a list it returned: an edit makes new findings, one it moved keeping its id', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `Block ${i} cites nothing at all.`).join('\n\n');
    const draft = new DraftIndex(`CRP/43 §97 zero.\n\n${filler}\n\nCRP/43 §99 first.\n\n${filler}\n\nCRP/43 §98 second.\n`, ['CRP/43']);
    const checker = new DraftChecker(corpus);
    const before = checker.findings(draft);
    const snapshot = structuredClone(before);
    const at = draft.getText().indexOf('first.') + 'first'.length;
    draft.applyEdit(at, at, ' indeed');
    checker.edited({ start: at, end: at, removed: '', inserted: ' indeed' }, draft.getText(), draft.lastReparsed);
    const after = checker.findings(draft);
    expect(before).toEqual(snapshot);
    expect(after).toHaveLength(3);
    // Before the edit: the same finding. On the edited line: checked again, a new one. After: moved, the same id.
    expect(after[0]).toBe(before[0]);
    expect(after[1]!.id).not.toBe(before[1]!.id);
    expect(after[1]!.start).toBe(before[1]!.start);
    expect([after[2]!.id, after[2]!.start]).toEqual([before[2]!.id, before[2]!.start + ' indeed'.length]);
  });
});

describe('a parse started near a request, far past the parsed text (`around`)', () => {
  // More of what can hide a line's meaning from a scan: HTML blocks that blank lines do
  // not end, fences indented or inside lists, tabs, carriage returns, letters after blanks.
  const MORE = [
    ...LINES,
    '',
    '',
    'Another paragraph, CRP/43 §12.',
    '#hashtag CRP/43 §15',
    'Élan CRP/43 §16 \r',
    '  ```',
    '   ~~~',
    '- ```',
    '  - ```',
    '\t```',
    '```js',
    '``` `not a fence`',
    '````',
    '<pre>',
    '</pre>',
    '<script type="x">',
    '</script>',
    '<?php',
    '?>',
    '<!DOCTYPE',
    '<!doctype html',
    '>',
    '<![CDATA[',
    ']]>',
    '<!-- one line -->',
    '  <!--',
    '<span>',
    '\r',
    '2. item',
  ];
  const line = fc.oneof(
    { arbitrary: fc.constantFrom(...MORE), weight: 3 },
    { arbitrary: fc.constantFrom('', 'Plain prose, CRP/43 §§2–3.', 'Ñandú CRP/43 §6(b).'), weight: 2 },
  );
  const text = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n'));
  // Mostly paragraphs, so that a start is often found (the scan gives up at what it cannot place).
  const prose = fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...MORE), weight: 1 }, { arbitrary: fc.constantFrom('', '', 'Plain prose, CRP/43 §§2–3.', 'Ñandú CRP/43 §6(b).'), weight: 12 }), { maxLength: 80 })
    .map((ls) => ls.join('\n'));
  const whole = (t: string) => new DraftIndex(t, SYMBOLS, WHOLE);

  it('starts only at lines a parse from the top finds a top-level block at', () => {
    let anchors = 0;
    fc.assert(
      fc.property(text, (t) => {
        const full = whole(t);
        // (Short forms and references without a symbol take their paper from before: compared in the island tests below.)
        const all = full.citations().filter((c) => !c.short).map((c) => JSON.stringify(c));
        const checked = new Set<number>();
        for (let upTo = 0; upTo <= t.length; upTo++) {
          const start = lastBlockStartBefore(t, 0, upTo);
          if (start > 0) anchors++;
          expect(start).toBeLessThanOrEqual(upTo);
          if (start < 0 || checked.has(start)) continue;
          checked.add(start);
          // From there on, the same citations and the same blocks (prose per offset).
          const part = whole(t.slice(start));
          expect(part.citations().filter((c) => !c.short).map((c) => JSON.stringify(moved(c, start)))).toEqual(all.filter((c) => JSON.parse(c).start >= start));
          for (let offset = start; offset <= t.length; offset += 3) {
            const p = part.proseAround(offset - start);
            expect({ prose: p.prose, start: p.start + start }).toEqual(full.proseAround(offset));
          }
        }
      }),
      { numRuns: 600 },
    );
    // (The drafts do give it places to start from.)
    expect(anchors).toBeGreaterThan(1000);
  });

  it('moves what an `Ibid.` alone repeats with it, out of an island (a counterexample of the property below)', () => {
    const text = '\nResolution 684, annex (ibid., para. 8). Ibid.';
    const lazy = new DraftIndex(text, SYMBOLS, { chunk: 1, far: 1 });
    const { draft, base } = lazy.around(41);
    expect(base).toBe(1);
    expect(moved(draft.citationAt(40)!, base)).toEqual(whole(text).citationAt(41));
  });

  it('answers every request as the whole index does, whatever was parsed and edited before', () => {
    let islands = 0;
    const step = fc.record({ at: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), edit: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom('', 'x', '\n', '\n\n', '```', '<!--', 'A'), weight: 1 }) });
    fc.assert(
      fc.property(prose, fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), (initial, steps, chunk) => {
        const lazy = new DraftIndex(initial, SYMBOLS, { chunk, far: 1 });
        let t = initial;
        for (const { at, edit } of steps) {
          const offset = Math.floor(at * t.length);
          if (edit !== undefined) {
            lazy.applyEdit(offset, Math.min(t.length, offset + 1), edit);
            t = t.slice(0, offset) + edit + t.slice(Math.min(t.length, offset + 1));
            continue;
          }
          const full = whole(t);
          const { draft, base } = lazy.around(offset);
          if (base > 0) islands++;
          expect(offset).toBeGreaterThanOrEqual(base);
          const c = draft.citationAt(offset - base);
          expect(c && moved(c, base)).toEqual(full.citationAt(offset));
          const p = draft.proseAround(offset - base);
          expect({ prose: p.prose, start: p.start + base }).toEqual(full.proseAround(offset));
        }
        // The index itself still parses in order, and agrees.
        expect(lazy.citations()).toEqual(whole(t).citations());
      }),
      { numRuns: 800 },
    );
    expect(islands).toBeGreaterThan(200);
  });

  it('an island sees, before it, the reference another text\'s that a short form repeats (a counterexample of the property above)', () => {
    const t = 'P<!--ain prose, CRP/43 §§2–3\n\n\nEl mismo párrafo advierte (ibíd., apartado c)).\n\n';
    const lazy = new DraftIndex(t, SYMBOLS, { chunk: 1, far: 1 });
    const offset = t.indexOf('ibíd.') + 2;
    const { draft, base } = lazy.around(offset);
    expect(base).toBeGreaterThan(0);
    const c = draft.citationAt(offset - base);
    expect(c && moved(c, base)).toEqual(whole(t).citationAt(offset));
  });

  it('starts an island a block earlier when its first block takes its paragraph from the one before (a counterexample of the property above)', () => {
    const t = 'Also (párr. 6 a)).\n\nTambién destacamos el inciso b) and (inciso c) del mismo párrafo).';
    const lazy = new DraftIndex(t, SYMBOLS, { chunk: 1, far: 1 });
    const offset = Math.floor(0.663 * t.length);
    const { draft, base } = lazy.around(offset);
    const c = draft.citationAt(offset - base);
    expect(c && moved(c, base)).toEqual(whole(t).citationAt(offset));
    expect(lazy.citations()).toEqual(whole(t).citations());
  });

  it('reads what the whole index reads at a request past the parsed text (counterexamples of the property above)', () => {
    const agrees = (lazy: DraftIndex, t: string, offset: number) => {
      const { draft, base } = lazy.around(offset);
      const c = draft.citationAt(offset - base);
      expect(c && moved(c, base)).toEqual(whole(t).citationAt(offset));
    };
    // A short form in the island after a source named in it, with a citation before the island.
    const before = 'Ñandú CRP/43 §6(b).\nPlain prose, CRP/43 §§2–3.\n\nResolution 68/4, annex (ibid., para. 8). Ibid.\n</div>';
    const lazy = new DraftIndex(before, SYMBOLS, { chunk: 1, far: 1 });
    const cut = Math.floor(0.327 * before.length);
    lazy.applyEdit(cut, cut + 1, '');
    const t1 = before.slice(0, cut) + before.slice(cut + 1);
    agrees(lazy, t1, t1.indexOf('ibid.') + 1);
    // A letter-only item's paragraph, packed and unpacked in the island, moved to the draft's offsets.
    const t2 = '\nand 14 of CRP/43; subparagraphs (a) and (b) of paragraph 6 of CRP/43.';
    const lazy2 = new DraftIndex(t2, SYMBOLS, { chunk: 1, far: 1 });
    agrees(lazy2, t2, 1);
    agrees(lazy2, t2, t2.indexOf('(b)') + 1);
  });

  it('finds a start near the middle of a long draft of paragraphs', () => {
    const t = Array.from({ length: 2000 }, (_, i) => `Block ${i} cites CRP/43 §${(i % 27) + 1}.`).join('\n\n');
    const middle = Math.floor(t.length / 2);
    const start = lastBlockStartBefore(t, 0, middle);
    expect(middle - start).toBeLessThan(40);
    const { base } = new DraftIndex(t, SYMBOLS, { far: 1000 }).around(middle);
    expect(base).toBe(start);
  });

  it('does not take a fence inside an HTML block, a list or a definition for one of its own', () => {
    const cases = [
      '<div>\n```\n\nA.\n\n```\n\nB CRP/43 §5.\n',
      '<div>\n<!--\n\nA.\n\n-->\n\nB CRP/43 §5.\n',
      '[r]: /url\n"```\n\nA.\n\n```\n\nB CRP/43 §5.\n',
      '- item\n  ```\n\nA.\n\n```\n\nB CRP/43 §5.\n',
      '1. item\n\n   <pre>\n\nA.\n\n</pre>\n\nB CRP/43 §5.\n',
      '> ```\n\nA.\n\n```\n\nB CRP/43 §5.\n',
      '```\n\nA.\n\n````\n\nB CRP/43 §5.\n',
      '~~~\n\nA.\n   ~~~  \n\nB CRP/43 §5.\n',
      '``` `x`\n\nA.\n\nB CRP/43 §5.\n',
      '<!-- a -->\n\nA.\n<pre>\n\nB CRP/43 §5.\n</pre>\n\nC.\n',
    ];
    for (const t of cases) {
      const full = whole(t);
      const start = lastBlockStartBefore(t, 0, t.length);
      if (start < 0) continue;
      const part = whole(t.slice(start));
      expect(part.citations().map((c) => moved(c, start)), `${JSON.stringify(t)} from ${start}`).toEqual(full.citations().filter((c) => c.start >= start));
      expect(part.blockCount, JSON.stringify(t)).toBe(full.blockCount - new DraftIndex(t.slice(0, start), SYMBOLS, WHOLE).blockCount);
    }
  });

  it('gives up at a fence it cannot place, keeping what it found before', () => {
    const t = 'First.\n\nSecond.\n\n- item\n\n  ```\n\nThird.\n\n```\n\nFourth.\n';
    expect(lastBlockStartBefore(t, 0, t.length)).toBe(t.indexOf('Second.'));
  });
});

describe('forEachCitation', () => {
  it('lists what citations() lists, before and after it is cached, whatever the chunk size', () => {
    fc.assert(
      fc.property(draft, fc.integer({ min: 1, max: 60 }), (text, chunk) => {
        const seen: unknown[] = [];
        const lazy = new DraftIndex(text, SYMBOLS, { chunk });
        lazy.forEachCitation((c) => seen.push(c));
        expect(seen).toEqual(new DraftIndex(text, SYMBOLS, WHOLE).citations());
        const again: unknown[] = [];
        lazy.citations();
        lazy.forEachCitation((c) => again.push(c));
        expect(again).toEqual(seen);
      }),
      { numRuns: 300 },
    );
  });
});
