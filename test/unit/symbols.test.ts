/** Workspace symbols, the rendering's outline, and which citations cite a paragraph. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { renderingOutline, searchPassages } from '../../server/src/core/features/symbols';
import { citingSpans, paperOfRendering, passageAt, passageAtLine } from '../../server/src/core/features/references';
import { parseFixture } from '../fixtures/cursor';

const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
const symbols = corpus.papers.map((p) => p.symbol);
const paper = corpus.paper('CRP/43')!;
const labels = (query: string) => searchPassages(corpus, query).map((s) => s.name.split(' — ')[0]);

describe('workspace symbols', () => {
  it('find a paragraph by a word of its text, with that word in the name editors filter on', () => {
    expect(labels('IRIS')).toEqual(['CRP/43 §16']);
    expect(labels('recruitment')).toEqual(['CRP/43 §16']);
    expect(searchPassages(corpus, 'IRIS')[0]!.name).toContain('(IRIS)');
    expect(searchPassages(corpus, 'IRIS')[0]!.container).toBe('Human rights, prevention of exploitation and reducing the cost of migration');
  });

  it('match every word, in any case and with or without accents', () => {
    expect(labels('league arab')).toEqual(['CRP/43 §22']);
    expect(labels('GALLUP world')).toEqual(['CRP/43 §19']);
  });

  it('show the sub-paragraph when the words are in it', () => {
    expect(labels('Standing Committee')).toEqual(['CRP/43 §24(a)']);
  });

  it('find paragraphs and sub-paragraphs by number, as written in citations', () => {
    expect(labels('16')).toEqual(['CRP/43 §16']);
    expect(labels('§6')).toEqual(['CRP/43 §6', 'CRP/43 §6(a)', 'CRP/43 §6(b)', 'CRP/43 §6(c)']);
    expect(labels('6(b)')).toEqual(['CRP/43 §6(b)']);
    expect(labels('2')).toEqual(['CRP/43 §2', 'CRP/43 §20', 'CRP/43 §21', 'CRP/43 §22', 'CRP/43 §23', 'CRP/43 §24', 'CRP/43 §25', 'CRP/43 §26', 'CRP/43 §27']);
  });

  it('list every paragraph for an empty query, and nothing for words nowhere in the paper', () => {
    expect(labels('')).toHaveLength(27);
    expect(labels('blockchain')).toEqual([]);
  });
});

describe('the rendering’s outline', () => {
  const outline = renderingOutline(paper, 120);

  it('nests parts, headings, paragraphs and sub-paragraphs on the lines of the rendering', () => {
    expect(outline.map((n) => n.name)).toEqual(['Introduction', 'Overview', 'Building on the High-level Dialogue consensus', 'Outcomes influencing IOM as an institution', 'Conclusion']);
    const overview = outline[1]!;
    expect(overview.children.map((n) => n.name)).toEqual([
      'The High-level Dialogue – a milestone for migration governance',
      'High-level Dialogue preparations',
      'Substantive outcomes of the High-level Dialogue',
      'Follow-up to the High-level Dialogue',
    ]);
    const six = overview.children[2]!.children[0]!;
    expect(six.name).toMatch(/^6\. One substantive outcome/);
    expect(six.children.map((n) => n.name.slice(0, 4))).toEqual(['(a) ', '(b) ', '(c) ']);
    const lines = readFileSync(paper.renderingPath, 'utf8').split('\n');
    expect(lines[six.line]).toMatch(/^\*\*6\.\*\*/);
    expect(lines[six.children[2]!.line]).toMatch(/^- \*\*\(c\)\*\*/);
    expect(lines[overview.line]).toBe('## Overview');
    expect(overview.endLine).toBe(outline[2]!.line - 1);
  });
});

describe('references', () => {
  it('a citation names the passage under the cursor', () => {
    const { text, cursor } = parseFixture('See CRP/43 §§11–1|4 and CRP/43 §6(a)–(c).');
    expect(passageAt(new DraftIndex(text, symbols), corpus, cursor!)).toMatchObject({ paragraph: 14 });
    const sub = parseFixture('See CRP/43 §6(a)–(|c).');
    expect(passageAt(new DraftIndex(sub.text, symbols), corpus, sub.cursor!)).toMatchObject({ paragraph: 6, letter: 'c' });
  });

  it('a line of the rendering names its paragraph or sub-paragraph', () => {
    expect(paperOfRendering(corpus, paper.renderingPath)).toBe(paper);
    expect(passageAtLine(paper, paper.paragraph(16)!.line)).toMatchObject({ paragraph: 16 });
    expect(passageAtLine(paper, paper.subParagraph(24, 'b')!.line)).toMatchObject({ paragraph: 24, letter: 'b' });
    expect(passageAtLine(paper, 0)).toBeUndefined();
  });

  it('ranges and lists that contain a paragraph cite it; other papers and other paragraphs do not', () => {
    const { text, ranges } = parseFixture(
      'CRP/43 §[[12]], CRP/43 §§[[11–14]], CRP/43 §§6, [[12]] and 18, CRP/43 §[[12(b)]], CRP/43 §§13–14, `CRP/43 §12`, CRP/44 §12.',
    );
    const spans = citingSpans({ paper, paragraph: 12 }, new DraftIndex(text, symbols).citations());
    expect(spans).toEqual(ranges);
  });

  it('a sub-paragraph is cited by citations of it and of its whole paragraph, not of its siblings', () => {
    const { text, ranges } = parseFixture('CRP/43 §[[6]], CRP/43 §[[6(a)–(c)]], CRP/43 §6(a), CRP/43 §[[6(b)]], CRP/43 §§[[5–7]]');
    expect(citingSpans({ paper, paragraph: 6, letter: 'b' }, new DraftIndex(text, symbols).citations())).toEqual(ranges);
  });
});
