/**
 * The draft index: where citations can be in Markdown, and keeping that right edit by
 * edit. The property tests are the guard of the incremental re-parse: whatever edits a
 * writer makes, the index must agree with one built afresh on the final text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftIndex, citationsOfText } from '../../server/src/core/draft/draftIndex';
import { findCitations } from '../../server/src/core/grammar';
import { parseFixture } from '../fixtures/cursor';

const SYMBOLS = ['CRP/43'];
const written = (index: DraftIndex) => index.citations().map((c) => index.getText().slice(c.start, c.end));

/** Applies an edit to a DraftIndex the way the server does, and to a plain string. */
function edit(index: DraftIndex, start: number, end: number, replacement: string): void {
  index.applyEdit(start, end, replacement);
}

describe('DraftIndex, edit by edit', () => {
  const draft = ['# Note', '', 'First CRP/43 §1.', '', 'Then CRP/43 §§6–8.', '', 'Last CRP/43, par. 13.', ''].join('\n');

  it('opening a fence hides every citation below it; closing it brings them back', () => {
    const index = new DraftIndex(draft, SYMBOLS);
    expect(written(index)).toEqual(['CRP/43 §1', 'CRP/43 §§6–8', 'CRP/43, par. 13']);
    const at = draft.indexOf('Then');
    edit(index, at, at, '```\n');
    expect(written(index)).toEqual(['CRP/43 §1']);
    const close = index.getText().indexOf('Last');
    edit(index, close, close, '```\n');
    expect(written(index)).toEqual(['CRP/43 §1', 'CRP/43, par. 13']);
    edit(index, at, at + 4, '');
    expect(written(index)).toEqual(['CRP/43 §1', 'CRP/43 §§6–8']);
  });

  it('opening an HTML comment hides what follows until it is closed', () => {
    const index = new DraftIndex(draft, SYMBOLS);
    edit(index, 0, 0, '<!--\n');
    expect(written(index)).toEqual([]);
    const at = index.getText().indexOf('Last');
    edit(index, at, at, '-->\n');
    expect(written(index)).toEqual(['CRP/43, par. 13']);
  });

  // Regressions found by the property tests below: each agreed with a fresh parse only
  // after the re-parse window was widened past what the edit touched.
  it('an HTML block typed above swallows the paragraph after it, up to the next blank line', () => {
    const index = new DraftIndex('\n\nCRP/43</div>\n- \nCRP/43 §6', SYMBOLS);
    expect(written(index)).toEqual(['CRP/43 §6']);
    edit(index, 0, 1, '</div>\nCRP/43 §7');
    expect(index.getText()).toBe('</div>\nCRP/43 §7\nCRP/43</div>\n- \nCRP/43 §6');
    // One HTML block now, its text prose (the list item is in it): as a fresh parse has it.
    const fresh = new DraftIndex(index.getText(), SYMBOLS);
    expect(index.blockCount).toBe(fresh.blockCount);
    expect(fresh.blockCount).toBe(1);
    expect(written(index)).toEqual(['CRP/43 §7', 'CRP/43 §6']);
  });

  it('the text of an HTML block is prose, a reader sees it; a comment’s, a <pre>’s or a <script>’s is not', () => {
    const index = new DraftIndex('<details>\n<summary>Four strands, CRP/43 §§ 18–21</summary>\n\nSee CRP/43 §9.\n\n</details>\n\n<table><tr><td>CRP/43 §5</td></tr></table>\n\n<pre>\nCRP/43 §1\n</pre>\n\n<script>\nCRP/43 §2\n</script>\n\n<!--\nCRP/43 §3\n-->\n', SYMBOLS);
    expect(written(index)).toEqual(['CRP/43 §§ 18–21', 'CRP/43 §9', 'CRP/43 §5']);
  });

  it('closing the parenthesis of a reference definition title hides the lines it spans', () => {
    const text = 'intro\n\n[r]: /u\n(see CRP/43 §6\n# Heading\n\nCRP/43 §7\n';
    const index = new DraftIndex(text, SYMBOLS);
    expect(written(index)).toEqual(['CRP/43 §6', 'CRP/43 §7']);
    const at = text.indexOf('# Heading');
    edit(index, at, at, ')\n');
    expect(written(index)).toEqual(['CRP/43 §7']);
  });

  it('typing a citation character by character finds it once complete', () => {
    const index = new DraftIndex('See .\n', SYMBOLS);
    const typed = 'CRP/43 §§11–12';
    for (let i = 0; i < typed.length; i++) edit(index, 4 + i, 4 + i, typed[i]!);
    expect(written(index)).toEqual(['CRP/43 §§11–12']);
    expect(index.citationAt(4 + typed.length)?.items[0]?.to?.number?.value).toBe(12);
  });

  it('joining two lines makes one citation of a symbol and a mark', () => {
    const index = new DraftIndex('see CRP/43\n\n§18 here\n', SYMBOLS);
    // (Apart, `§18` is a reference without a symbol, of the paper named before it.)
    expect(written(index)).toEqual(['§18']);
    edit(index, 10, 12, '\n');
    expect(written(index)).toEqual(['CRP/43\n§18']);
  });

  it('keeps offsets exact in a CRLF draft after edits', () => {
    const index = new DraftIndex('a\r\n\r\nb CRP/43 §1\r\n\r\nc CRP/43 §2\r\n', SYMBOLS);
    edit(index, 0, 1, 'longer text');
    const f = parseFixture('longer text\r\n\r\nb CRP/43 §[[1]]\r\n\r\nc CRP/43 §[[2]]\r\n');
    expect(index.getText()).toBe(f.text);
    expect(index.citations().map((c) => ({ start: c.items[0]!.from.number!.start, end: c.items[0]!.from.number!.end }))).toEqual(f.ranges);
  });

  it('citationAt and citationsIn look only where asked', () => {
    const f = parseFixture('para one CRP/43 §1\n\npara two CRP/43 §|2\n\npara three CRP/43 §3\n');
    const index = new DraftIndex(f.text, SYMBOLS);
    expect(index.citationAt(f.cursor!)?.items[0]?.from.number?.value).toBe(2);
    expect(index.citationAt(2)).toBeUndefined();
    expect(index.citationsIn(f.cursor!, f.cursor! + 1).map((c) => c.items[0]!.from.number!.value)).toEqual([2]);
    expect(index.citationsIn(0, f.text.length).map((c) => c.items[0]!.from.number!.value)).toEqual([1, 2, 3]);
  });

  it('moves every field of a citation with its block: a letter alone keeps the number it inherits', () => {
    // Plain prose: the index (block by block, shifted) must read what the grammar reads on the whole.
    const text = 'Intro.\n\nSee CRP/43 §§6(a), (c) and 7.\n\nThen CRP/43, párrs.\n19 a 20 and CRP/43 §12(a) y (b)–(c).\n';
    const index = new DraftIndex(text, SYMBOLS);
    expect(index.citations()).toEqual(findCitations(text, SYMBOLS));
    const c = index.citations()[0]!;
    expect(text.slice(c.items[1]!.from.inherits!.start, c.items[1]!.from.inherits!.end)).toBe('6');
    expect(c.items[1]!.from.inherits).toEqual(c.items[0]!.from.number);
    // And after an edit above them.
    index.applyEdit(0, 0, 'A longer introduction. ');
    const now = index.getText();
    expect(index.citations()).toEqual(findCitations(now, SYMBOLS));
    expect(written(index)).toEqual(['CRP/43 §§6(a), (c) and 7', 'CRP/43, párrs.\n19 a 20', 'CRP/43 §12(a) y (b)–(c)']);
  });

  it('typing a list of sub-paragraphs extends the citation letter by letter', () => {
    const index = new DraftIndex('Intro.\n\nSee CRP/43 §6(a).\n', SYMBOLS);
    const at = index.getText().indexOf(').') + 1;
    const typed = ' and (b)';
    for (let i = 0; i < typed.length; i++) edit(index, at + i, at + i, typed[i]!);
    expect(written(index)).toEqual(['CRP/43 §6(a) and (b)']);
    expect(index.citations()[0]!.items[1]!.from.inherits?.value).toBe(6);
  });

  it('sub-paragraphs named alone after a list and a comment take the paragraph its last citation names, edit by edit (audit 64)', () => {
    const index = new DraftIndex('About CRP/43.\n\n- Working group – ¶24 a)\n- Partnership – ¶24 c)\n\n<!-- TODO: ask LEG -->\n\nThe list in sub-paragraphs (a) to (c) is not closed.\n', SYMBOLS);
    const paragraphs = () => index.citations().filter((c) => index.getText().slice(c.start, c.end).startsWith('sub-')).flatMap((c) => c.items.map((i) => i.from.inherits?.value));
    expect(paragraphs()).toEqual([24]);
    const at = index.getText().indexOf('¶24 c)') + 1;
    edit(index, at, at + 2, '12');
    expect(paragraphs()).toEqual([12]);
    const comment = index.getText().indexOf('<!--');
    edit(index, comment, comment, 'Words. ');
    expect(paragraphs()).toEqual([]);
  });

  it('typing marp: true into the front matter reads the comments as presenter notes; deleting it hides them again', () => {
    const index = new DraftIndex('---\ntheme: gaia\n---\n\nSee CRP/43 §1.\n\n<!-- CRP/43 §9 is the key -->\n', SYMBOLS);
    expect(written(index)).toEqual(['CRP/43 §1']);
    const typed = 'marp: true\n';
    for (let i = 0; i < typed.length; i++) edit(index, 4 + i, 4 + i, typed[i]!);
    expect(written(index)).toEqual(['CRP/43 §1', 'CRP/43 §9']);
    expect(written(index)).toEqual(written(new DraftIndex(index.getText(), SYMBOLS)));
    edit(index, 4, 4 + typed.length, '');
    expect(written(index)).toEqual(['CRP/43 §1']);
  });

  it('replaceAll starts afresh', () => {
    const index = new DraftIndex(draft, SYMBOLS);
    index.replaceAll('only CRP/43 §27');
    expect(written(index)).toEqual(['CRP/43 §27']);
  });
});

/** Pieces a draft (and an edit) is made of: Markdown that opens and closes things. */
const PIECES = [
  'CRP/43 §6', 'CRP/43', ' §§6–8', ', par. 13', '(a)', 'text ', 'x', ' ', 'CRP/43 §6(a)', ' and (b)', ', (c)', ',\n7', ' a\n',
  '\n', '\n\n', '\r\n', '\r', '    ', '\t', '> ', '- ', '* ', '1. ', '# ', '===\n', '---\n',
  '```', '```\n', '~~~\n', '`', '``',
  '<!--', '-->', '<div>\n', '</div>\n', '<pre>\n', '</pre>', '<span>', '<?x', '?>',
  '[x](', ')', '[r]: /u\n', '| a |\n', '|---|\n', 'marp: true\n', '[^1]: n\n',
];
const arbText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));
const arbEdit = fc.record({ at: fc.nat(), length: fc.nat(), insert: arbText });

function snapshot(index: DraftIndex): string {
  return JSON.stringify(index.citations());
}

describe('incremental re-parse agrees with a fresh parse', () => {
  it('after any sequence of random edits', () => {
    fc.assert(
      fc.property(arbText, fc.array(arbEdit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const index = new DraftIndex(initial, SYMBOLS);
        let text = initial;
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const end = start + (e.length % (text.length - start + 1));
          text = text.slice(0, start) + e.insert + text.slice(end);
          index.applyEdit(start, end, e.insert);
          expect(index.getText()).toBe(text);
          expect(snapshot(index)).toBe(snapshot(new DraftIndex(text, SYMBOLS)));
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('while typing and deleting one character at a time in a realistic draft', () => {
    const base = [
      '# Briefing', '', 'The Dialogue (CRP/43 §1) and CRP/43', '§§6–8.', '', '```', 'CRP/43 §2', '```', '',
      '<!-- note: CRP/43 §3 -->', '', '    CRP/43 §4', '', '> CRP/43, par. 13', '', '<div>', 'CRP/43 §5', '</div>', '',
      '[r]: https://x.org', '(CRP/43 §9)', '', '- Working group – ¶24 a)', '- Partnership – ¶24 c)', '', '<!-- TODO -->', '',
      'The list in sub-paragraphs (a) to (c) is open.', '', 'End CRP/43 §27.', '',
    ].join('\n');
    const keystroke = fc.record({
      at: fc.nat(),
      insert: fc.oneof(fc.constantFrom('`', '```', '\n', '<!--', '-->', '<', '>', ' ', '§', '(', ')', '~~~', '-', '\r\n'), fc.constant('')),
      remove: fc.integer({ min: 0, max: 3 }),
    });
    typedAgreesWithFresh(base, keystroke, 25, 1500);
  });
});

/**
 * Types `keystroke`s into an index of `base`, as the server applies them, and checks the
 * index against one built afresh on the text: at the end, or after each (`each`).
 */
function typedAgreesWithFresh(base: string, keystroke: fc.Arbitrary<{ at: number; insert: string; remove: number }>, maxLength: number, numRuns: number, each = false): void {
  fc.assert(
    fc.property(fc.array(keystroke, { minLength: 1, maxLength }), (keys) => {
      const index = new DraftIndex(base, SYMBOLS);
      let text = base;
      for (const k of keys) {
        const start = k.at % (text.length + 1);
        const end = Math.min(text.length, start + k.remove);
        text = text.slice(0, start) + k.insert + text.slice(end);
        index.applyEdit(start, end, k.insert, text);
        if (each) expect(snapshot(index)).toBe(snapshot(new DraftIndex(text, SYMBOLS)));
      }
      expect(snapshot(index)).toBe(snapshot(new DraftIndex(text, SYMBOLS)));
    }),
    { numRuns },
  );
}

describe('a Marp deck, its front matter edited', () => {
  it('agrees with a fresh parse whatever is typed or deleted near its top', () => {
    const base = '---\nmarp: true\n---\n\n<!-- CRP/43 §3 -->\n\nSee CRP/43 §1.\n\n<!--\nPara. 9 of CRP/43.\n-->\n';
    const keystroke = fc.record({
      at: fc.integer({ min: 0, max: 24 }),
      insert: fc.constantFrom('-', '---\n', '\n', 'marp: true\n', 'marp', ': ', 'true', 'x', ' ', '<!--', '-->', ''),
      remove: fc.integer({ min: 0, max: 5 }),
    });
    typedAgreesWithFresh(base, keystroke, 12, 500, true);
  });
});

describe('citationsOfText', () => {
  it('is the citations of a fresh index', () => {
    const text = 'CRP/43 §1 `CRP/43 §2` CRP/43 §3';
    expect(citationsOfText(text, SYMBOLS).map((c) => c.start)).toEqual([0, 22]);
  });
});
