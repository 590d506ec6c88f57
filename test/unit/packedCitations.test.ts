/**
 * The draft index keeps each block's citations packed into integers
 * (server/src/core/packedCitations.ts): unpacked, they must be the citations the grammar
 * found, field for field and in the same order, wherever the block starts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../server/src/core/grammar';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { moveCitation } from '../../server/src/core/draft/moveCitation';
import { NO_CITATIONS, packCitations, unpackCitations } from '../../server/src/core/packedCitations';

const SYMBOLS = ['CRP/43', 'CRP/44'];

// Every form the grammar reads, upper and lower case marks, letters alone, inherited
// paragraphs, absurd numbers, hard wraps, and a second paper.
const CITATIONS = [
  'CRP/43 §6', 'CRP/43 §6(a)', 'CRP/43 §§11–14', 'CRP/43 §§14–11', 'CRP/43 §6(a)–(c)', 'CRP/43 §24 (b) to (c)',
  'CRP/43, par. 13 et 15', 'CRP/43, Par. 13', 'CRP/43, PÁRRS. 5 (a) y 7', 'CRP/43, paragraphes 3 à 5', 'CRP/43 paras. 2-4',
  'CRP/43 §§6, 6 and 12(b)', 'CRP/43 §99999999999999999999', 'CRP/43 §4294967296', 'CRP/43 §06', 'CRP/43\n§3',
  'CRP/43 §6(a) and (b)', 'CRP/43 §§6(a), (c) and 7', 'CRP/43, párr. 24 (a) y (b)–(c)', 'CRP/43, párrs.\n19 a 20',
  'CRP/43 §§6,\n7', 'CRP/44 §2(b)', 'CRP/43\u00a0§\u00a012',
  'paragraph 9 of CRP/43', 'los párrafos 14 a 16 del documento CRP/43', 'CRP/43 ¶¶ 9–11', 'CRP/43 (para. 9)', 'CRP/43, par. 24 a) et c)',
  'CRP/43 §5(B)', 'CRP/43, footnote 2', 'CRP/43, notes 2 and 3', 'CRP/43 §9 n. 2', 'subparagraph (b) of paragraph 5 of CRP/43',
  'CRP/43, paragraph 5, subparagraph (b)', 'CRP/43 §9–§11', 'Ibid., para. 7', 'Ibid.', 'ibíd., párr. 7 a)',
  'CRP/43, para 6a', 'CRP/43, par. 24\nb)', 'los párrafos 11 y 12, y el 14 del documento CRP/43',
  'Id., al. b) à d)', 'Ibid., subparas. (a) and (c)', 'CRP/43, párr. 6, inciso a)), y (inciso b)', 'paragraphe 6 du document CRP/43, notamment aux alinéas a) et c)', 'CRP/43 §5(a) + fns 2–5',
];
const SEPARATORS = [' ', '\n', '\n\n', ' and then ', 'é – ', '(see '];
const prose = fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...CITATIONS)), { minLength: 1, maxLength: 20 }).map((parts) => parts.map(([s, c]) => s + c).join(''));

/** What the grammar finds in `text`, packed and unpacked again as if the block started at `base` in `before + text`. */
function roundTrip(text: string, before = '') {
  const found = findCitations(text, SYMBOLS);
  const unpacked: ReturnType<typeof findCitations> = [];
  unpackCitations(packCitations(found, SYMBOLS), before + text, SYMBOLS, before.length, (c) => unpacked.push(c));
  return { found, unpacked };
}

describe('packed citations', () => {
  it('unpack to the citations found, field for field, in the same order', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const { found, unpacked } = roundTrip(text);
        expect(found.length).toBeGreaterThan(0);
        expect(unpacked).toStrictEqual(found);
        expect(unpacked.map((c) => JSON.stringify(c))).toEqual(found.map((c) => JSON.stringify(c)));
      }),
      { numRuns: 300 },
    );
  });

  it('unpack with the offsets of wherever the block starts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), prose, (before, text) => {
        const { found, unpacked } = roundTrip(text, before);
        expect(unpacked).toStrictEqual(found.map((c) => moveCitation(structuredClone(c), before.length)));
      }),
      { numRuns: 200 },
    );
  });

  it('keep a block without citations as the one shared empty array', () => {
    expect(packCitations([], SYMBOLS)).toBe(NO_CITATIONS);
  });

  it('are the same whether the index keeps them or is asked once', () => {
    fc.assert(
      fc.property(fc.array(prose, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const text = paragraphs.join('\n\n');
        const kept = new DraftIndex(text, SYMBOLS);
        const first = kept.citationsIn(0, text.length);
        // Asked again, from the packed blocks.
        expect(kept.citationsIn(0, text.length)).toStrictEqual(first);
        expect(new DraftIndex(text, SYMBOLS, { keepCitations: false }).citations()).toStrictEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('give every caller of the index its own copy', () => {
    const index = new DraftIndex('See CRP/43 §6(a) and (b).\n\nThen CRP/43 §§11–12.', SYMBOLS);
    const first = index.citationAt(9)!;
    first.items[0]!.from.number!.value = 99;
    expect(index.citationAt(9)!.items[0]!.from.number!.value).toBe(6);
    expect(index.citationsIn(0, 100).map((c) => c.start)).toEqual([4, 32]);
  });
});
