/**
 * The citation grammar, on drafts written with the fixture notation: `[[…]]` marks each
 * number and letter the writer can hover (each is its own target), `|` a cursor.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProblem, parsePaper, type Paper } from '../../server/src/core/corpus';
import { BLANK, findCitations, matchMark, targetAt, type Citation, type UnreadReference } from '../../server/src/core/grammar';
import { citationsOfText } from '../../server/src/core/draft/draftIndex';
import { coveredByCitation, referenceLabel } from '../../server/src/core/resolve';
import { cursorOf, parseFixture } from '../fixtures/cursor';

const documents = resolve(__dirname, '..', '..', 'data', 'documents');
const loaded = parsePaper('crp-43.json', readFileSync(join(documents, 'crp-43.json'), 'utf8'), (rel) => join(documents, rel));
if (isProblem(loaded)) throw new Error(loaded.detail);
const paper: Paper = loaded;
const SYMBOLS = ['CRP/43'];

/** Every number and letter token of the citations, in order: what `[[…]]` marks. */
function tokenRanges(citations: Citation[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const c of citations) {
    for (const item of c.items) {
      for (const ref of item.to ? [item.from, item.to] : [item.from]) {
        if (ref.number) out.push({ start: ref.number.start, end: ref.number.end });
        if (ref.sub) out.push({ start: ref.sub.start, end: ref.sub.end });
        if (ref.note) out.push({ start: ref.note.start, end: ref.note.end });
      }
    }
  }
  // In text order: `subparagraph (b) of paragraph 5` writes the letter first.
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a fixture draft: its citations, as written, and what they cover. */
function read(source: string) {
  const fixture = parseFixture(source);
  const citations = citationsOfText(fixture.text, SYMBOLS);
  return {
    fixture,
    citations,
    written: citations.map((c) => fixture.text.slice(c.start, c.end)),
    covers: citations.map((c) => coveredByCitation(paper, c).map(referenceLabel).join(' ')),
  };
}

/** One citation; its exact tokens; what it covers. */
function expectCitation(source: string, covers: string, written?: string) {
  const r = read(source);
  expect(r.citations, source).toHaveLength(1);
  expect(tokenRanges(r.citations), source).toEqual(r.fixture.ranges);
  expect(r.covers[0]).toBe(covers);
  const c = r.citations[0]!;
  expect(r.fixture.text.slice(c.symbolStart, c.symbolEnd)).toBe('CRP/43');
  if (written !== undefined) expect(r.written[0]).toBe(written);
  return c;
}

describe('marks', () => {
  it.each([
    ['CRP/43 §[[6]]', '6', '§'],
    ['CRP/43 §§[[6]]–[[7]]', '6 7', '§§'],
    ['CRP/43, para. [[6]]', '6', 'para.'],
    ['CRP/43, paras. [[6]] and [[7]]', '6 7', 'paras.'],
    ['CRP/43, par. [[6]]', '6', 'par.'],
    ['CRP/43, paragraphe [[6]]', '6', 'paragraphe'],
    ['CRP/43, paragraphes [[6]] et [[7]]', '6 7', 'paragraphes'],
    ['CRP/43, párr. [[6]]', '6', 'párr.'],
    ['CRP/43, párrs. [[6]] y [[7]]', '6 7', 'párrs.'],
    ['CRP/43, párrafo [[6]]', '6', 'párrafo'],
    ['CRP/43, párrafos [[6]] y [[7]]', '6 7', 'párrafos'],
  ])('%s', (source, covers, mark) => {
    const c = expectCitation(source, covers, parseFixture(source).text);
    expect(c.mark!.text).toBe(mark);
  });

  it('with or without the comma and the space', () => {
    expectCitation('CRP/43 §[[6]]', '6');
    expectCitation('CRP/43 § [[6]]', '6');
    expectCitation('CRP/43,§[[6]]', '6');
    expectCitation('CRP/43§[[6]]', '6');
    expectCitation('CRP/43, par.[[13]]', '13');
    expectCitation('CRP/43\u00a0§\u00a0[[6]]', '6');
  });

  it('a word mark must end: `paragraphes` is not `paragraphe` and `s`', () => {
    expect(matchMark('paragraphes 6', 0)?.text).toBe('paragraphes');
    expect(matchMark('paragraphs 6', 0)?.text).toBe('paragraphs');
    expect(matchMark('Paragraph 6', 0)?.text).toBe('Paragraph');
    expect(matchMark('paragraphing 6', 0)).toBeUndefined();
    expect(matchMark('parity 6', 0)).toBeUndefined();
    expect(read('CRP/43 paragraphing 6').citations).toEqual([]);
  });

  it('English writers spell the mark out too', () => {
    expect(expectCitation('As CRP/43, paragraph [[6]], says', '6', 'CRP/43, paragraph 6').mark).toMatchObject({ style: 'para', plural: false });
    expect(expectCitation('CRP/43, paragraphs [[11]] to [[13]] and [[16]]', '11 12 13 16').mark).toMatchObject({ style: 'para', plural: true });
  });
});

describe('references', () => {
  it('a paragraph number, with a sub-paragraph letter with or without a space', () => {
    expectCitation('CRP/43 §[[6]]([[a]])', '6(a)', 'CRP/43 §6(a)');
    expectCitation('CRP/43 § [[24]] ([[c]])', '24(c)', 'CRP/43 § 24 (c)');
    expectCitation('CRP/43, párr. [[12]] ([[b]]).', '12(b)', 'CRP/43, párr. 12 (b)');
  });

  it('stops at the end of the reference', () => {
    expectCitation('(CRP/43 §[[6]]).', '6', 'CRP/43 §6');
    expectCitation('CRP/43 §[[6]], which says', '6', 'CRP/43 §6');
    expectCitation('CRP/43 §[[6]] to the letter', '6', 'CRP/43 §6');
    expectCitation('CRP/43 §[[24]]([[c]])x', '24(c)');
  });

  it('a small letter glued to the number is its sub-paragraph, as writers abbreviate it: `para 6a`, `§6b`', () => {
    expectCitation('CRP/43 §[[6]][[a]]', '6(a)', 'CRP/43 §6a');
    expectCitation('CRP/43, para [[6]][[b]] and more', '6(b)', 'CRP/43, para 6b');
    expectCitation('(CRP/43, paras. [[6]][[a]] and [[6]][[c]])', '6(a) 6(c)');
    expectCitation('as para [[6]][[a]] of CRP/43 says', '6(a)');
  });

  it('a glued letter only where the citation goes on after it: `(par. 15, 2e phrase)` is the second sentence', () => {
    expect(read('Campagne en 2014 (CRP/43, par. 15, 2e phrase).').written).toEqual(['CRP/43, par. 15']);
  });

  it('`§6,5`, `§6bis`, `§6A` and `§6ab` are not references to paragraph 6', () => {
    expect(read('CRP/43 §6,5').written).toEqual(['CRP/43 §6']);
    for (const text of ['CRP/43 §6bis', 'CRP/43 §6A', 'CRP/43 §6ab and more', 'CRP/43 §6a2']) expect(read(text).citations, text).toEqual([]);
  });
});

describe('a spaced dash before the mark again', () => {
  it('is a range when it goes up (`§9 – §11`), an aside when not (`para 4 – para 4 is about`)', () => {
    expectCitation('CRP/43 §[[9]] – §[[11]] say', '9 10 11', 'CRP/43 §9 – §11');
    expect(read('Rely on para 7 of CRP/43, not para 4 – para 4 is about adoption.').covers).toEqual(['7', '4', '4']);
    expect(read('CRP/43, para 12 – para 9 says otherwise.').covers).toEqual(['12', '9']);
  });
});

describe('ranges', () => {
  it.each([
    ['CRP/43 §§[[6]]–[[8]]', 'en dash'],
    ['CRP/43 §§[[6]]-[[8]]', 'hyphen'],
    ['CRP/43 §§[[6]]—[[8]]', 'em dash'],
    ['CRP/43 §§[[6]] – [[8]]', 'spaced dash'],
    ['CRP/43 §§[[6]] to [[8]]', 'to'],
    ['CRP/43, par. [[6]] à [[8]]', 'à'],
    ['CRP/43, párrs. [[6]] a [[8]]', 'a'],
  ])('%s (%s) covers 6, 7 and 8', (source) => {
    expectCitation(source, '6 7 8', parseFixture(source).text);
  });

  it('párrs. 19 a 20', () => {
    expectCitation('CRP/43, párrs. [[19]] a [[20]]', '19 20');
  });

  it('sub-paragraph ranges within one paragraph', () => {
    expectCitation('CRP/43 §[[6]]([[a]])–([[c]])', '6(a) 6(b) 6(c)', 'CRP/43 §6(a)–(c)');
    expectCitation('CRP/43 §[[6]]([[a]]) to ([[c]])', '6(a) 6(b) 6(c)', 'CRP/43 §6(a) to (c)');
    expectCitation('CRP/43, par. [[24]] ([[b]]) à ([[c]])', '24(b) 24(c)');
    expectCitation('CRP/43 §[[12]]([[a]])-[[12]]([[b]])', '12(a) 12(b)');
  });

  it('a reversed or partly unknown range covers only the ends that exist', () => {
    expectCitation('CRP/43 §§[[8]]–[[6]]', '8 6');
    expectCitation('CRP/43 §§[[26]]–[[30]]', '26');
  });
});

describe('lists', () => {
  it.each([
    ['CRP/43 §§[[6]], [[7]] and [[12]]', '6 7 12'],
    ['CRP/43 §§ [[6]], [[7]], and [[12]]', '6 7 12'],
    ['CRP/43 §§ [[7]] et [[8]]', '7 8'],
    ['CRP/43 §§ [[15]] y [[16]]', '15 16'],
    ['CRP/43, paragraphes [[1]], [[2]] et [[4]]', '1 2 4'],
    ['CRP/43 §§[[6]]–[[8]], [[11]] and [[13]]–[[14]]', '6 7 8 11 13 14'],
    ['CRP/43, párrs. [[1]] a [[3]] y [[5]]([[b]])', '1 2 3 5(b)'],
    ['CRP/43 §§[[6]] and [[6]]([[a]])', '6 6(a)'],
    // Speaking notes: `+` joins, `fns` names notes.
    ['CRP/43 §[[5]]([[a]]) + fns [[2]]–[[5]]', '5(a) n. 2 n. 3 n. 4 n. 5'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers, parseFixture(source).text);
  });

  it('reads the mark written again before an item', () => {
    expectCitation('CRP/43 §[[6]] and §[[7]]', '6 7', 'CRP/43 §6 and §7');
    expectCitation('CRP/43, par. [[6]] et par. [[8]]', '6 8', 'CRP/43, par. 6 et par. 8');
    expectCitation('CRP/43, párr. [[6]] y párrs. [[8]]–[[9]]', '6 8 9', 'CRP/43, párr. 6 y párrs. 8–9');
    expectCitation('CRP/43 §§[[11]],\n§§ [[12]]', '11 12', 'CRP/43 §§11,\n§§ 12');
    expectCitation('CRP/43 §[[6]] and § alone', '6', 'CRP/43 §6');
  });

  it('reads an article before the next number, the mark left unsaid: `y el 14`, `et le 25`', () => {
    expectCitation('los párrafos [[11]] y [[12]], y el [[14]] del documento CRP/43', '11 12 14');
    expectCitation('le paragraphe [[24]] [[a]]) et le [[25]] du CRP/43', '24(a) 25');
    expectCitation('CRP/43, par. [[6]] et les [[8]] et [[9]]', '6 8 9');
    // Not before a date, nor without a list word (`, el 14` is another sentence's).
    expectCitation('Ver CRP/43, párr. [[9]] y el 14 de diciembre.', '9', 'CRP/43, párr. 9');
    expectCitation('CRP/43, par. [[24]] et le 25 novembre 2013', '24', 'CRP/43, par. 24');
    expectCitation('CRP/43, párrs. [[9]], el 14 fue', '9', 'CRP/43, párrs. 9');
  });

  it('stops before a date the writer goes on with', () => {
    expectCitation('See CRP/43 §[[6]], 22 November 2013.', '6', 'CRP/43 §6');
    expectCitation('See CRP/43 §[[6]],\n22 November 2013.', '6', 'CRP/43 §6');
    expectCitation('See CRP/43 §§[[6]], [[7]], 1 Dec. 2013.', '6 7', 'CRP/43 §§6, 7');
    expectCitation('Voir CRP/43, par. [[6]], 22 novembre 2013.', '6', 'CRP/43, par. 6');
    expectCitation('Voir CRP/43, par. [[6]], 1er décembre 2013.', '6', 'CRP/43, par. 6');
    // A feminine ordinal names no paragraph: the first sentence of paragraph 8 (audit 25).
    expectCitation('(Réponse : CRP/43, par. [[8]], 1re phrase.)', '8', 'CRP/43, par. 8');
    expectCitation('Véase CRP/43, párr. [[6]], 22 de noviembre de 2013.', '6', 'CRP/43, párr. 6');
    expectCitation('Véase CRP/43, párrs. [[5]] y 7 de\u00a0mayo.', '5', 'CRP/43, párrs. 5');
  });

  it('reads on where a month is only a word', () => {
    // English months are capitalized: the modal verb is not one.
    expectCitation('CRP/43 §§[[5]], [[6]] may apply', '5 6', 'CRP/43 §§5, 6');
    expectCitation('CRP/43 §§[[6]], [[22]] and [[23]] in November', '6 22 23', 'CRP/43 §§6, 22 and 23');
  });

  it('after a singular mark, a comma list that a word closes: `para. 6, 13 and 17` (audit 10)', () => {
    expectCitation('CRP/43, para. [[6]], [[13]] and [[17]] say', '6 13 17', 'CRP/43, para. 6, 13 and 17');
    expectCitation('CRP/43, párr. [[6]], [[13]] y [[17]] dicen', '6 13 17', 'CRP/43, párr. 6, 13 y 17');
    expectCitation('CRP/43 §[[6]], [[7]], [[12]] and [[13]] say', '6 7 12 13', 'CRP/43 §6, 7, 12 and 13');
    // Not a count, a year or a date the sentence goes on with.
    expectCitation('CRP/43 §[[6]], 12 countries and 5 regions', '6', 'CRP/43 §6');
    expectCitation('CRP/43, paragraph [[6]], 2013 and 2014', '6', 'CRP/43, paragraph 6');
    expectCitation('CRP/43 §[[6]], 3 and 4 October 2013', '6', 'CRP/43 §6');
  });

  it('does not run on into the next words', () => {
    expectCitation('CRP/43 §§[[6]] and [[7]] and others', '6 7', 'CRP/43 §§6 and 7');
    expectCitation('CRP/43 §§[[6]], and the Declaration', '6', 'CRP/43 §§6');
    expectCitation('CRP/43 §[[6]] a b c', '6', 'CRP/43 §6');
  });
});

describe('lists of sub-paragraphs of one paragraph', () => {
  it.each([
    ['CRP/43 §[[6]]([[a]]) and ([[b]])', '6(a) 6(b)'],
    ['CRP/43 §[[6]]([[a]]), ([[b]]) and ([[c]])', '6(a) 6(b) 6(c)'],
    ['CRP/43 §[[6]]([[a]]), ([[b]]), and ([[c]])', '6(a) 6(b) 6(c)'],
    ['CRP/43 §[[6]]([[a]]),([[c]])', '6(a) 6(c)'],
    ['CRP/43, párr. [[6]] ([[a]]) y ([[c]])', '6(a) 6(c)'],
    ['CRP/43, par. [[24]] ([[a]]) et ([[c]])', '24(a) 24(c)'],
    ['CRP/43 §§[[6]]([[a]]), ([[c]]) and [[7]]', '6(a) 6(c) 7'],
    ['CRP/43 §§[[5]]([[c]]), [[6]]([[a]]) and ([[b]])', '5(c) 6(a) 6(b)'],
    ['CRP/43 §[[6]]([[a]])–([[b]]) and ([[c]])', '6(a) 6(b) 6(c)'],
    ['CRP/43 §[[12]]([[a]]) and ([[b]])–([[c]])', '12(a) 12(b) 12(c)'],
    ['CRP/43 §§[[6]]–[[12]]([[a]]) and ([[c]])', '6 7 8 9 10 11 12(a) 12(c)'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers, parseFixture(source).text);
  });

  it('a letter written alone inherits the paragraph of the closest reference before it', () => {
    const c = expectCitation('CRP/43 §§[[5]]([[a]]), [[6]]([[a]]) and ([[b]])', '5(a) 6(a) 6(b)');
    const [, six, b] = c.items;
    expect(b!.from.number).toBeUndefined();
    expect(b!.from.inherits).toEqual(six!.from.number);
    expect(b!.from.sub!.letter).toBe('b');
    // The item is the letter in its parentheses.
    expect([b!.start, b!.end]).toEqual([c.end - 3, c.end]);
  });

  it('only after a reference that has a letter, and only in parentheses', () => {
    // `§6 and (b)` is more likely prose enumerating (a) ... and (b) ... than a list.
    expectCitation('CRP/43 §[[6]] and (b) the report', '6', 'CRP/43 §6');
    expectCitation('CRP/43 §§[[6]]([[a]]), [[7]] and (b)', '6(a) 7', 'CRP/43 §§6(a), 7');
    expectCitation('CRP/43 §[[6]]([[a]]) and b', '6(a)', 'CRP/43 §6(a)');
    expectCitation('CRP/43 §[[6]]([[a]]) and (B)', '6(a)', 'CRP/43 §6(a)');
    expectCitation('CRP/43 §[[6]]([[a]]) (b)', '6(a)', 'CRP/43 §6(a)');
  });

  it('unknown and repeated letters are read (and reported), not dropped', () => {
    expectCitation('CRP/43 §[[6]]([[a]]) and ([[d]])', '6(a)', 'CRP/43 §6(a) and (d)');
    expectCitation('CRP/43 §[[6]]([[a]]) and ([[a]])', '6(a)', 'CRP/43 §6(a) and (a)');
  });
});

describe('line breaks', () => {
  it('the symbol and the mark may be split across lines of one paragraph', () => {
    const c = expectCitation('the regional process in CRP/43\n§[[22]] is new', '22', 'CRP/43\n§22');
    expect(c.symbolStart).toBe(24);
    expectCitation('the paper (CRP/43,\npar. [[18]] à [[20]])', '18 19 20');
    expectCitation('> quoted CRP/43\n> §[[18]]', '18');
    expectCitation('- a list item citing CRP/43\n  §[[18]]', '18');
  });

  it('after the mark, after a list separator, after a range separator', () => {
    expectCitation('as agreed (CRP/43, párrs.\n[[19]] a [[20]]), the', '19 20', 'CRP/43, párrs.\n19 a 20');
    expectCitation('see CRP/43 §\n[[18]] here', '18');
    expectCitation('see CRP/43\n§§\n[[18]] here', '18', 'CRP/43\n§§\n18');
    expectCitation('CRP/43 §§[[6]],\n[[7]] and [[12]] say', '6 7 12', 'CRP/43 §§6,\n7 and 12');
    expectCitation('CRP/43 §§[[6]] and\n[[7]] say', '6 7');
    expectCitation('CRP/43 §§[[6]], and\n[[7]] say', '6 7');
    expectCitation('CRP/43, párrs. [[19]] a\n[[21]].', '19 20 21');
    expectCitation('CRP/43 §§[[6]]–\n[[8]].', '6 7 8');
    expectCitation('CRP/43, paras.\r\n[[6]] and [[7]]', '6 7');
    expectCitation('> quoted CRP/43, par.\n> [[18]] à [[20]]', '18 19 20');
    expectCitation('- an item citing CRP/43 §§[[6]],\n  [[7]] and [[8]]', '6 7 8');
  });

  it('before a word separator, which no list item starts with', () => {
    expectCitation('CRP/43 §§[[6]]\nand [[7]] say', '6 7', 'CRP/43 §§6\nand 7');
    expectCitation('CRP/43, par. [[23]], [[24]]\net [[25]] sont', '23 24 25');
    expectCitation('CRP/43, paras. [[13]]\nto [[15]] say', '13 14 15');
    expectCitation('> CRP/43, párrafos [[18]]\n> a [[21]] tratan', '18 19 20 21');
    expectCitation('- an item citing CRP/43 §§[[6]]\n  and [[7]]', '6 7');
    // Mark first: the whole citation rested on the line after the break.
    const r = read('Delegations noted paragraphs [[13]]\nand [[14]] of CRP/43.');
    expect(r.covers).toEqual(['13 14']);
    expect(tokenRanges(r.citations)).toEqual(r.fixture.ranges);
  });

  it("before a paragraph's letter, when the citation goes on after it", () => {
    expectCitation('partnerships (CRP/43, par. [[24]]\n[[b]])) and data', '24(b)', 'CRP/43, par. 24\nb)');
    expectCitation('data (CRP/43, paragraph [[12]]\n([[a]]) to ([[c]])).', '12(a) 12(b) 12(c)');
    expectCitation('le paragraphe [[24]]\n[[a]]) et [[c]]) du CRP/43', '24(a) 24(c)');
    expectCitation('> CRP/43 §[[6]]\n> ([[b]]), the second', '6(b)');
    expectCitation('- see CRP/43 §[[6]]\n  ([[c]]).', '6(c)');
    // The letter opens an enumeration: the paragraph is cited whole.
    expectCitation('as CRP/43 says in paragraph [[12]]\n(a) the first point is', '12', 'CRP/43 says in paragraph 12');
    expectCitation('voir CRP/43, par. [[24]]\na) renforcer les partenariats', '24', 'CRP/43, par. 24');
    expect(read('CRP/43 §6\n\n(b) and (c)').written).toEqual(['CRP/43 §6']);
  });

  it('before the second letter of a range or a list, when the citation goes on after it (audit 11)', () => {
    expectCitation('messages (CRP/43, par. [[6]] [[a]]) à\n[[c]])) :', '6(a) 6(b) 6(c)', 'CRP/43, par. 6 a) à\nc)');
    expectCitation('coupure (CRP/43, par. [[24]] [[a]]),\n[[b]]) et [[c]])).', '24(a) 24(b) 24(c)', 'CRP/43, par. 24 a),\nb) et c)');
    expectCitation('In English (CRP/43, para. [[6]]([[a]]) to\n([[c]])).', '6(a) 6(b) 6(c)', 'CRP/43, para. 6(a) to\n(c)');
    expectCitation('CRP/43 §[[6]]([[a]])–\n([[c]])', '6(a) 6(b) 6(c)', 'CRP/43 §6(a)–\n(c)');
    // The letter opens an enumeration: the citation ends before the break.
    expectCitation('as CRP/43, par. [[24]] [[a]]) et\nb) les partenariats', '24(a)', 'CRP/43, par. 24 a)');
    expectCitation('see CRP/43, para. [[6]]([[a]]) and\n(b) the second point', '6(a)', 'CRP/43, para. 6(a)');
  });

  it('never a blank line, never before a sign separator, a letter alone or a list marker', () => {
    expect(read('CRP/43 §\n\n18').citations).toEqual([]);
    expect(read('CRP/43 §\n  \n18').citations).toEqual([]);
    expect(read('> CRP/43 §\n>\n> 18').citations).toEqual([]);
    expectCitation('CRP/43 §§[[6]],\n\n7 and 12', '6', 'CRP/43 §§6');
    expectCitation('CRP/43 §§[[6]]\n& 7', '6', 'CRP/43 §§6');
    expectCitation('CRP/43 §§[[6]]\nandorra 7', '6', 'CRP/43 §§6');
    expectCitation('CRP/43 §§[[6]]\n– 8', '6', 'CRP/43 §§6');
    expectCitation('CRP/43 §[[6]]([[a]]) and\n(b) the report', '6(a)', 'CRP/43 §6(a)');
    // An ordered list: the next line is the next item, not the next reference.
    expectCitation('1. See CRP/43 §§[[6]],\n2. and then', '6', 'CRP/43 §§6');
    expectCitation('1. See CRP/43 §§[[6]] and\n2) then', '6', 'CRP/43 §§6');
    expect(read('1. See CRP/43 §\n2. Then').citations).toEqual([]);
    expectCitation('1. See CRP/43 §§[[6]] to\n2. Then', '6', 'CRP/43 §§6');
    // In a paragraph, no list but one starting at 1 can start on a line (CommonMark): the sentence goes on.
    expectCitation('CRP/43 §§[[6]] to\n[[8]]. Then', '6 7 8', 'CRP/43 §§6 to\n8');
    expectCitation('- see CRP/43 (párr.\n  [[10]]) y más', '10', 'CRP/43 (párr.\n  10');
    // A list's next item has no more indentation than its first (as markdown-it reads it:
    // `8) ` at the margin after `1. ` starts another list, a block of its own).
    expectCitation('1. See CRP/43 §§[[6]] to\n   [[8]]. Then', '6 7 8', 'CRP/43 §§6 to\n   8');
    expectCitation('1. See CRP/43 §§[[6]] to\n8) Then', '6', 'CRP/43 §§6');
  });

  it('but not across paragraphs or blocks (the mark there is a reference of its own, without a symbol)', () => {
    for (const text of ['CRP/43\n\n§18', '# Heading CRP/43\n§18 text', '- one CRP/43\n- §18']) {
      expect(read(text).written).toEqual(['§18']);
      expect(read(text).citations[0]!.bare).toBe(true);
    }
    expect(read('CRP/43\n```\n§18\n```').citations).toEqual([]);
  });

  it('CRLF and lone CR line ends keep offsets exact', () => {
    const r = read('a CRP/43 §[[1]]\r\nb CRP/43\r\n§[[2]]\rc CRP/43 §[[3]]\r\n');
    expect(tokenRanges(r.citations)).toEqual(r.fixture.ranges);
    expect(r.written).toEqual(['CRP/43 §1', 'CRP/43\r\n§2', 'CRP/43 §3']);
    const fence = read('```\r\nCRP/43 §6\r\n```\r\nCRP/43 §[[7]]\r\n\r\n~~~\rCRP/43 §8\r~~~\rCRP/43 §[[9]]');
    expect(tokenRanges(fence.citations)).toEqual(fence.fixture.ranges);
    const comment = read('<!--\r\nCRP/43 §6\r\n-->\r\nCRP/43 §[[7]]');
    expect(tokenRanges(comment.citations)).toEqual(comment.fixture.ranges);
  });
});

describe('not citations', () => {
  it.each([
    ['inline code', 'the template `CRP/43 §6` is'],
    ['double backticks around a backtick', 'use ``CRP/43 §6 ` x`` here'],
    ['backticks nested in a wider span', 'a ``` `` CRP/43 §6 `` ``` b'],
    ['a span with padding', 'see `` `CRP/43 §6` `` here'],
    ['fenced code', '```\nCRP/43 §6\n```'],
    ['fenced code with a language', '```markdown\nCRP/43 §6\n```'],
    ['tilde fence', '~~~\nCRP/43 §6\n~~~'],
    ['an unclosed fence runs to the end', 'text\n\n```\nCRP/43 §6\n\nCRP/43 §7'],
    ['indented code', 'text\n\n    CRP/43 §6\n'],
    ['indented code in a list', '- item\n\n      CRP/43 §6\n'],
    ['HTML comment', 'x <!-- CRP/43 §6 --> y'],
    ['multi-line HTML comment', '<!--\nCRP/43 §6\n\nCRP/43 §7\n-->'],
    ['HTML comment inside a paragraph, across lines', 'x <!-- a\nCRP/43 §6\n--> y'],
    ['a link destination', 'see [the paper](CRP/43 §6)'],
    ['a link destination and title', 'see [the paper](https://x.org/a "CRP/43 §6")'],
    ['an image destination', '![cover](CRP/43 §6)'],
    ['a reference definition', '[paper]: https://x.org/CRP/43 "CRP/43 §6"\n'],
    ['an HTML attribute', 'x <span title="CRP/43 §6">y</span>'],
    ['another paper', 'CRP/44 §3'],
    ['a longer symbol', 'CRP/431 §3 and XCRP/43 §3 and A/CRP/43 §3'],
    ['the symbol alone', 'CRP/43 was presented to the Council.'],
    ['a mark without a number', 'CRP/43 § and CRP/43, par. x'],
  ])('%s', (_name, text) => {
    expect(read(text).citations).toEqual([]);
  });

  it('but the text of a link is prose, and so is what follows code', () => {
    expectCitation('[CRP/43 §[[6]]](https://x.org)', '6');
    expectCitation('`code` then CRP/43 §[[7]] `more`', '7');
    expectCitation('an unmatched ``` run is literal: CRP/43 §[[7]]', '7');
    expectCitation('\\`CRP/43 §[[6]]\\`', '6');
  });

  it('CRP/44 gets nothing while CRP/43 beside it does', () => {
    const r = read('compare CRP/44 §3 with CRP/43 §[[3]]');
    expect(r.written).toEqual(['CRP/43 §3']);
    expect(tokenRanges(r.citations)).toEqual(r.fixture.ranges);
  });
});

describe('each number and letter is its own target', () => {
  const target = (source: string) => {
    const f = parseFixture(source);
    const [c] = citationsOfText(f.text, SYMBOLS);
    const t = targetAt(c!, cursorOf(f));
    if (!t) return undefined;
    const name = t.kind === 'paragraph' ? t.number.text : t.kind === 'subParagraph' ? `${t.number.text}(${t.sub.letter})` : 'citation';
    return { name, written: f.text.slice(t.start, t.end) };
  };

  it('in §§6–8 the 8 means paragraph 8', () => {
    expect(target('CRP/43 §§6–|8')).toEqual({ name: '8', written: '8' });
    expect(target('CRP/43 §§6–8|')).toEqual({ name: '8', written: '8' });
    expect(target('CRP/43 §§|6–8')).toEqual({ name: '6', written: '6' });
  });

  it('in §6(a)–(c) the c means sub-paragraph 6(c), the 6 paragraph 6', () => {
    expect(target('CRP/43 §6(a)–(|c)')).toEqual({ name: '6(c)', written: 'c' });
    expect(target('CRP/43 §6(|a)–(c)')).toEqual({ name: '6(a)', written: 'a' });
    expect(target('CRP/43 §|6(a)–(c)')).toEqual({ name: '6', written: '6' });
  });

  it('in a list, each item', () => {
    expect(target('CRP/43 §§6, 7 and 1|2')).toEqual({ name: '12', written: '12' });
    expect(target('CRP/43 §§ 15 y |16')).toEqual({ name: '16', written: '16' });
  });

  it('in a list of sub-paragraphs, each letter with its paragraph', () => {
    expect(target('CRP/43 §6(a) and (|b)')).toEqual({ name: '6(b)', written: 'b' });
    expect(target('CRP/43 §6(a) and (b|)')).toEqual({ name: '6(b)', written: 'b' });
    expect(target('CRP/43 §6(|a) and (b)')).toEqual({ name: '6(a)', written: 'a' });
    expect(target('CRP/43 §§5(a), 6(c) and (|a)')).toEqual({ name: '6(a)', written: 'a' });
    expect(target('CRP/43 §§6(a), (|c) and 7')).toEqual({ name: '6(c)', written: 'c' });
    expect(target('CRP/43 §6(a) and (b)–(|c)')).toEqual({ name: '6(c)', written: 'c' });
    expect(target('CRP/43 §6(a) an|d (b)')).toBeUndefined();
  });

  it('the symbol and the mark stand for the whole citation', () => {
    expect(target('CRP|/43 §§6–8')).toEqual({ name: 'citation', written: 'CRP/43 §§6–8' });
    expect(target('CRP/43, pár|rs. 19 a 20')).toEqual({ name: 'citation', written: 'CRP/43, párrs. 19 a 20' });
  });

  it('separators are no target', () => {
    expect(target('CRP/43 §§6 t|o 8')).toBeUndefined();
    expect(target('CRP/43 §§6, 7 an|d 12')).toBeUndefined();
  });
});

describe('findCitations on plain text', () => {
  it('finds every citation of several symbols in order, within a slice', () => {
    const text = 'CRP/44 §1, CRP/43 §2, CRP/44 §3';
    expect(findCitations(text, ['CRP/43', 'CRP/44']).map((c) => `${c.symbol} ${c.items[0]!.from.number!.text}`)).toEqual([
      'CRP/44 1',
      'CRP/43 2',
      'CRP/44 3',
    ]);
    expect(findCitations(text, ['CRP/43', 'CRP/44'], 10, 21).map((c) => c.start)).toEqual([11]);
  });
});

describe('a symbol linked to the paper or emphasized', () => {
  it('symbol first: the citation goes on after the link or the emphasis', () => {
    expectCitation('See [CRP/43](https://governingbodies.iom.int/crp-43.pdf), para. [[9]].', '9');
    expectCitation('See [CRP/43](<https://x.org/a b.pdf> "the paper") §[[6]].', '6');
    expectCitation('See *CRP/43*, para. [[9]].', '9');
    expectCitation('See **CRP/43** §§ [[6]]–[[7]].', '6 7');
    expectCitation('See [*CRP/43*](https://x.org/a) (para. [[3]]).', '3');
    expectCitation('See _CRP/43_, para. [[9]].', '9');
    expectCitation('See __CRP/43__ §§ [[6]]–[[7]].', '6 7');
  });

  it('an underscore inside a word is no emphasis: the symbol is part of a longer name', () => {
    // (What follows is read as references without the symbol, whose paper is looked for before them.)
    expect(findCitations('See file_CRP/43, para. 9 and CRP/43_en, para. 3.', ['CRP/43']).filter((c) => !c.bare)).toEqual([]);
  });

  it('mark first: the connector stands before the link or the emphasis', () => {
    expectCitation('See paragraph [[9]] of [CRP/43](https://x.org/crp-43.pdf).', '9');
    expectCitation('le paragraphe [[9]] du document *CRP/43*', '9');
    expectCitation('el párrafo [[9]] del documento _CRP/43_', '9');
  });

  it('a short form in emphasis, with asterisks or underscores (audit 25)', () => {
    for (const text of ['See CRP/43 §8. Quoted (_ibid._).', 'See CRP/43 §8. Quoted (*ibid.*).', 'See CRP/43 §8. __Ibid.__, para. 9.']) {
      expect(findCitations(text, ['CRP/43']).filter((c) => c.short).length, text).toBe(1);
    }
    // Not inside a name; nor a short form talked about, set in emphasis between two words.
    expect(findCitations('See CRP/43 §8. The file_ibid. and ibidem_x', ['CRP/43']).filter((c) => c.short)).toEqual([]);
    expect(findCitations('See CRP/43 §8. In the note, use _ibid._\n  rather than the full reference, or *id.* here.', ['CRP/43']).filter((c) => c.short)).toEqual([]);
  });

  it('a page after a linked symbol is said, not read', () => {
    // As prose gives it to the grammar: the destination blanked (prose.ts).
    const unread: UnreadReference[] = [];
    expect(findCitations(`See [CRP/43](${BLANK.repeat(13)}), p. 3.`, ['CRP/43'], undefined, undefined, unread)).toEqual([]);
    expect(unread.map((u) => u.written)).toEqual(['p. 3']);
  });
});

describe('around the symbol: a possessive, a spaced dash, thin spaces', () => {
  it.each([
    ['CRP/43’s paragraph [[16]] announces IRIS', '16'],
    ["CRP/43's para. [[16]]", '16'],
    ['Voir CRP/43 – par. [[19]] pour les projets', '19'],
    ['See CRP/43\u2009§\u2009[[6]]', '6'],
    ['See CRP/43 §§[[6]]\u2009–\u2009[[8]]', '6 7 8'],
    // A zero-width space, as text pasted from the Web or a PDF carries it (audit 27).
    ['See CRP/43 §\u200b[[15]]', '15'],
    ['Voir CRP/43, par.\u00a0\u200b[[16]]', '16'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers);
  });

  it('not a dash that joins (CRP/43–5), nor a possessive word (CRP/43’sake)', () => {
    expect(read('CRP/43–5 said').citations).toEqual([]);
    expect(read('CRP/43’sake §6').written).toEqual(['§6']);
    expect(read('CRP/43’sake §6').citations[0]!.bare).toBe(true);
  });
});

describe('mark first, symbol after (UN running text)', () => {
  it.each([
    ['paragraph [[9]] of CRP/43', '9', 'paragraph 9 of CRP/43'],
    ['as noted in paragraphs [[14]] to [[16]] of document CRP/43.', '14 15 16', 'paragraphs 14 to 16 of document CRP/43'],
    ['see para. [[20]] of CRP/43', '20', 'para. 20 of CRP/43'],
    ['Para. [[20]] of the document CRP/43', '20', 'Para. 20 of the document CRP/43'],
    ['le paragraphe [[9]] du document CRP/43', '9', 'paragraphe 9 du document CRP/43'],
    ['aux paragraphes [[14]] à [[16]] de CRP/43', '14 15 16', 'paragraphes 14 à 16 de CRP/43'],
    ['el párrafo [[9]] del documento CRP/43', '9', 'párrafo 9 del documento CRP/43'],
    ['los párrafos [[14]] a [[16]] del documento CRP/43', '14 15 16', 'párrafos 14 a 16 del documento CRP/43'],
    ['§§[[6]] and [[7]] of CRP/43', '6 7', '§§6 and 7 of CRP/43'],
    ['paragraph [[5]] and paragraph [[9]] of CRP/43', '5 9', 'paragraph 5 and paragraph 9 of CRP/43'],
    ['paragraphs [[14]] to\n[[16]] of\nCRP/43 say', '14 15 16', 'paragraphs 14 to\n16 of\nCRP/43'],
    // The symbol alone in parentheses right after the references.
    ['footnote [[5]] (CRP/43)', 'n. 5', 'footnote 5 (CRP/43'],
    ['la note de bas de page [[3]] (CRP/43)', 'n. 3', 'note de bas de page 3 (CRP/43'],
    ['véase el párrafo [[9]] (CRP/43)', '9', 'párrafo 9 (CRP/43'],
    // The kind of document, as the UN names it.
    ['paragraph [[9]] of conference room paper CRP/43', '9', 'paragraph 9 of conference room paper CRP/43'],
    ['aux paragraphes [[11]] à [[12]] du document de séance CRP/43', '11 12', 'paragraphes 11 à 12 du document de séance CRP/43'],
    ['los párrafos [[11]] a [[12]] del documento de\nsesión CRP/43', '11 12', 'párrafos 11 a 12 del documento de\nsesión CRP/43'],
  ])('%s', (source, covers, written) => {
    const c = expectCitation(source, covers, written);
    expect(c.mark!.start).toBeLessThan(c.symbolStart);
    expect(c.end).toBe(c.symbolEnd);
  });

  it('not without a connector, nor with a number that is no reference', () => {
    expect(read('paragraph 9 CRP/43 says').citations).toEqual([]);
    expect(read('in 2013 of CRP/43').citations).toEqual([]);
    expect(read('the paragraph of CRP/43').citations).toEqual([]);
    expect(read('paragraph 9 of the report, not CRP/43').citations).toEqual([]);
    // A description naming two things is no description of the paper.
    expect(read('paragraph 9 of the resolution and the note contained in document CRP/43').citations).toEqual([]);
  });

  it('the symbol first wins when both read', () => {
    expectCitation('paragraph 2 of CRP/43 §[[6]]', '6', 'CRP/43 §6');
  });

  it('does not reach back into the citation before', () => {
    const r = read('CRP/43 §§[[6]] and [[7]] of CRP/43 §[[9]]');
    expect(r.written).toEqual(['CRP/43 §§6 and 7', 'CRP/43 §9']);
  });
});

describe('more ways to write the mark', () => {
  it.each([
    ['CRP/43, para [[9]]', '9', 'para'],
    ['CRP/43, paras [[9]] and [[10]]', '9 10', 'paras'],
    ['CRP/43, Para. [[9]]', '9', 'Para.'],
    ['CRP/43, PARAS. [[9]]–[[10]]', '9 10', 'PARAS.'],
    ['CRP/43, párr [[9]]', '9', 'párr'],
    ['CRP/43, párrs [[9]] y [[10]]', '9 10', 'párrs'],
    ['CRP/43, parr. [[9]]', '9', 'parr.'],
    ['CRP/43, parrafos [[9]] y [[10]]', '9 10', 'parrafos'],
    ['CRP/43 ¶ [[9]]', '9', '¶'],
    ['CRP/43 ¶¶ [[9]]–[[11]]', '9 10 11', '¶¶'],
  ])('%s', (source, covers, mark) => {
    expect(expectCitation(source, covers, parseFixture(source).text).mark!.text).toBe(mark);
  });

  it('in parentheses after the symbol', () => {
    expectCitation('the paper (CRP/43 (para. [[9]]))', '9', 'CRP/43 (para. 9');
    expectCitation('CRP/43 (§§ [[9]]–[[11]])', '9 10 11', 'CRP/43 (§§ 9–11');
    expect(read('CRP/43 (see 9)').citations).toEqual([]);
  });

  it('more range and list words, and the mark written again in a range', () => {
    expectCitation('CRP/43, paragraphs [[9]] through [[11]]', '9 10 11');
    expectCitation('CRP/43 §[[9]] - §[[11]]', '9 10 11', 'CRP/43 §9 - §11');
    expectCitation('CRP/43 §[[9]]–§[[11]]', '9 10 11', 'CRP/43 §9–§11');
    expectCitation('CRP/43, paras. [[9]], [[10]] & [[12]]', '9 10 12');
  });
});

describe('sub-paragraphs in UN French and Spanish style, and in words', () => {
  it.each([
    ['CRP/43, par. [[24]] [[a]])', '24(a)'],
    ['CRP/43, paragraphe [[24]] [[a]]) et [[c]])', '24(a) 24(c)'],
    ['CRP/43, párr. [[5]] [[b]])', '5(b)'],
    ['CRP/43, párrafo [[5]] [[a]]) y [[b]])', '5(a) 5(b)'],
    ['CRP/43, par. [[24]] [[a]]) à [[c]])', '24(a) 24(b) 24(c)'],
    ['subparagraph ([[b]]) of paragraph [[5]] of CRP/43', '5(b)'],
    ['CRP/43, subparagraph ([[b]]) of paragraph [[5]]', '5(b)'],
    ['CRP/43, paragraph [[5]], subparagraph ([[b]])', '5(b)'],
    ["l'alinéa [[b]]) du paragraphe [[5]] du document CRP/43", '5(b)'],
    ['el apartado [[b]]) del párrafo [[5]] del documento CRP/43', '5(b)'],
    ['CRP/43, párrafo [[5]], inciso [[b]])', '5(b)'],
    // Plural words: each letter its own target, in the paragraph written after them.
    ['subparagraphs ([[a]]) and ([[b]]) of paragraph [[6]] of CRP/43', '6(a) 6(b)'],
    ['les alinéas [[a]]) et [[b]]) du paragraphe [[6]] du document CRP/43', '6(a) 6(b)'],
    ['los apartados [[a]]), [[b]]) y [[c]]) del párrafo [[6]] del documento CRP/43', '6(a) 6(b) 6(c)'],
    ['los incisos [[a]]) a [[c]]) del párrafo [[6]] del documento CRP/43', '6(a) 6(b) 6(c)'],
    ['CRP/43, subparagraphs ([[a]]) and ([[b]]) of paragraph [[6]]', '6(a) 6(b)'],
    ['CRP/43, para. [[6]], subparas. ([[a]]) and ([[b]])', '6(a) 6(b)'],
    ['CRP/43, par. [[6]], alinéas [[a]]) et [[c]])', '6(a) 6(c)'],
    ['CRP/43, para. [[6]], sub-paras. ([[b]]) and ([[c]])', '6(b) 6(c)'],
    ['el párrafo [[24]], apartado [[a]]), del documento CRP/43', '24(a)'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers);
  });

  it('after a plural word, each letter is its own target and the number the paragraph', () => {
    const source = 'subparagraphs (a) and (b) of paragraph 6 of CRP/43';
    const [c] = read(source).citations;
    const at = (token: string) => targetAt(c!, source.indexOf(token) + 1);
    expect(at('(a)')).toMatchObject({ kind: 'subParagraph', sub: { letter: 'a' }, number: { value: 6 } });
    expect(at('(b)')).toMatchObject({ kind: 'subParagraph', sub: { letter: 'b' }, number: { value: 6 } });
    expect(at('6 of')).toMatchObject({ kind: 'paragraph', number: { value: 6 } });
    // A singular word names one letter: `(a) and (b) of` is not read as its list, only `paragraph 6 of CRP/43`.
    expect(read('subparagraph (a) and (b) of paragraph 6 of CRP/43').covers).toEqual(['6']);
  });

  it('an upper-case letter right after the number is read small', () => {
    const c = expectCitation('CRP/43 §[[5]]([[B]])', '5(b)');
    expect(c.items[0]!.from.sub!.letter).toBe('b');
  });

  it('a lone `a)` is not read', () => {
    expect(read('CRP/43 a) the report').citations).toEqual([]);
    expectCitation('CRP/43, par. [[24]] et a) le reste', '24', 'CRP/43, par. 24');
    expectCitation('CRP/43, par. [[24]]  a) le reste', '24', 'CRP/43, par. 24');
  });
});

describe('footnotes', () => {
  it.each([
    ['CRP/43, footnote [[2]]', 'n. 2'],
    ['CRP/43, note [[2]]', 'n. 2'],
    ['CRP/43, n. [[2]]', 'n. 2'],
    ['CRP/43, fn. [[2]]', 'n. 2'],
    ['CRP/43, nota [[2]]', 'n. 2'],
    ['CRP/43, nota al pie [[2]]', 'n. 2'],
    ['CRP/43, note de bas de page [[2]]', 'n. 2'],
    ['CRP/43, notes [[2]] and [[3]]', 'n. 2 n. 3'],
    ['CRP/43, nn. [[2]]–[[4]]', 'n. 2 n. 3 n. 4'],
    ['CRP/43 §[[5]] n. [[2]]', 'n. 2'],
    ['CRP/43 §[[5]]([[a]]), note [[2]]', '5(a) n. 2'],
    ['CRP/43 §[[9]] and note [[2]]', '9 n. 2'],
    ['footnote [[2]] of CRP/43', 'n. 2'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers);
  });

  it('a note of a paragraph it is not called from covers nothing (and is reported)', () => {
    const c = expectCitation('CRP/43 §[[9]] n. [[2]]', '');
    expect(c.items[0]!.from).toMatchObject({ number: { value: 9 }, note: { value: 2 } });
  });
});

describe('never read (false citations are worse than misses)', () => {
  it.each([
    ['CRP/43, paragraph [[6]], 2013', 'CRP/43, paragraph 6'],
    ['CRP/43 §[[6]], 12 countries', 'CRP/43 §6'],
    ['CRP/43, para. [[6]], 22/11', 'CRP/43, para. 6'],
    ['CRP/43 §[[6]], 7', 'CRP/43 §6'],
    ['CRP/43 §§[[6]], 2013', 'CRP/43 §§6'],
    ['CRP/43 §§[[6]], 22/11', 'CRP/43 §§6'],
    ['CRP/43 §§[[6]], [[7]], 12 countries', 'CRP/43 §§6, 7'],
    ['CRP/43, par. [[6]], 12 pays', 'CRP/43, par. 6'],
    ['CRP/43, párrs. [[6]], 12 países', 'CRP/43, párrs. 6'],
    ['CRP/43, par. [[6]], 22.11.2013', 'CRP/43, par. 6'],
    // A slash joins two paragraphs only glued, the second greater, and not in a date (audit 55).
    ['CRP/43, paras. [[6]], 14/13', 'CRP/43, paras. 6'],
    ['CRP/43, paras. [[6]], 11/12/2013', 'CRP/43, paras. 6'],
    ['CRP/43, para [[6]]/7', 'CRP/43, para 6'],
    // A count of people or places named with a capital (audit 52).
    ['CRP/43, par. [[6]], 12 États ayant fait part de leur intérêt', 'CRP/43, par. 6'],
    ['CRP/43, paras. [[6]], 12 Member States agreed', 'CRP/43, paras. 6'],
    // A comma after the list's `and`: the sentence goes on (a count, the Dialogue's two days).
    ['Under CRP/43, paras. [[6]] and [[7]], 10 Migration Profile exercises', 'CRP/43, paras. 6 and 7'],
    ['Under CRP/43 §§ [[6]] and [[7]], 8 more delegations spoke', 'CRP/43 §§ 6 and 7'],
    ['(CRP/43, paras. [[6]] and [[7]], 3 and 4 October 2013)', 'CRP/43, paras. 6 and 7'],
    ['(CRP/43, par. [[6]] et [[7]], 3 et 4 octobre 2013)', 'CRP/43, par. 6 et 7'],
    ['(CRP/43, párrs. [[6]] y [[7]], 3 y 4 de octubre de 2013)', 'CRP/43, párrs. 6 y 7'],
    // The month on the next line of a hard-wrapped text (audit 53).
    ['(CRP/43, párr. [[6]], 3 y 4\n   de octubre de 2013)', 'CRP/43, párr. 6'],
    // A period of years after a range.
    ['See CRP/43, paras. [[6]]–[[7]], 2013–2014.', 'CRP/43, paras. 6–7'],
    ['Voir CRP/43, par. [[6]] à [[7]], 2013-2014.', 'CRP/43, par. 6 à 7'],
  ])('%s', (source, written) => {
    expectCitation(source, source.includes('[[7]]') ? '6 7' : '6', written);
  });

  it('a list goes on after a comma and a word (the serial comma)', () => {
    expectCitation('CRP/43 §§[[6]], [[7]], and [[9]], and [[11]].', '6 7 9 11');
  });

  it('Spanish `para` before a year is the preposition', () => {
    expect(read('las recomendaciones del CRP/43 para 2014 y 2015').citations).toEqual([]);
    expectCitation('CRP/43, para [[9]]', '9');
    expectCitation('CRP/43 para. [[20]]', '20');
  });

  it('French `par` without its full stop is a mark right after the symbol or `ibid.`, and "by" anywhere else (audit 14)', () => {
    expectCitation('Voir CRP/43, par [[20]].', '20', 'CRP/43, par 20');
    expectCitation('(CRP/43 par [[20]])', '20', 'CRP/43 par 20');
    expectCitation('CRP/43, PAR [[13]] et [[14]]', '13 14');
    expect(read('Le texte a été adopté par 20 voix contre 3.').citations).toEqual([]);
    expect(read('Le CRP/43 a été adopté par 20 voix contre 3.').citations).toEqual([]);
    expect(read('Adopté par 9 des membres du CRP/43.').citations).toEqual([]);
    expect(read('CRP/43 §2. Le texte a été adopté par 20 voix, par 12 délégations.').citations.map((c) => c.start)).toEqual([0]);
  });

  it('`note` and `notes` right after the symbol are the English verb', () => {
    expect(read('CRP/43 notes 3 areas of work.').citations).toEqual([]);
    expect(read('CRP/43 notes 50 target countries for the campaign.').citations).toEqual([]);
    expect(read('*CRP/43* notes 3 areas of work.').citations).toEqual([]);
    expectCitation('CRP/43, notes [[2]] and [[3]]', 'n. 2 n. 3');
    expectCitation('CRP/43 (note [[2]])', 'n. 2');
    expectCitation('CRP/43 n. [[2]]', 'n. 2');
    // The verb agrees with the paper: `note` after it is the note (audit 15).
    expectCitation('and also, wrongly, CRP/43 note [[2]] — the paper', 'n. 2');
  });

  it('a plural mark keeps its list when a verb follows', () => {
    expectCitation('CRP/43 §§[[6]] and [[7]] say', '6 7');
    expectCitation('CRP/43, par. [[6]] et [[7]] soulignent', '6 7');
    expectCitation('CRP/43, par. [[6]] et [[7]]', '6 7');
  });

  it.each(['ICRP/43 §9', 'CRP/430 §9', 'XCRP/43 §9', 'paragraph 9 of XCRP/43', 'paragraph 9 of CRP/430'])('%s', (text) => {
    expect(read(text).citations).toEqual([]);
  });
});

describe('hard-wrapped words of a form', () => {
  it.each([
    ['los párrafos [[14]] a [[16]] del\ndocumento CRP/43', '14 15 16'],
    ['le paragraphe [[9]] du\ndocument CRP/43', '9'],
    ['paragraph [[9]] of the\ndocument CRP/43', '9'],
    ['> paragraph [[9]] of\n> CRP/43', '9'],
    ['CRP/43, nota al\npie [[2]]', 'n. 2'],
    ['CRP/43, nota al\r\npie [[2]]', 'n. 2'],
    ['- La Asesoría examinará CRP/43, nota al\n  pie [[5]], sobre el plan.', 'n. 5'],
    ['- LEG examinera CRP/43, note de bas\n  de page [[5]], sur le plan.', 'n. 5'],
    ['> CRP/43, notas al\n> pie [[2]] y [[3]]', 'n. 2 n. 3'],
    ['CRP/43, note de bas de\npage [[2]]', 'n. 2'],
    ['CRP/43, paragraph [[5]],\nsubparagraph ([[b]])', '5(b)'],
  ])('%s', (source, covers) => {
    expectCitation(source, covers);
  });

  it('the words of a sub-paragraph named in words are its target', () => {
    const f = parseFixture('subpara|graph (b) of paragraph 5 of CRP/43');
    const [c] = citationsOfText(f.text, SYMBOLS);
    expect(targetAt(c!, cursorOf(f))).toMatchObject({ kind: 'subParagraph', sub: { letter: 'b' } });
  });
});
