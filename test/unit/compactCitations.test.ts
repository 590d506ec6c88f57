/**
 * The workspace index keeps the drafts that are not open as compact citations (see
 * server/src/core/compactCitations.ts): references, counts and positions found on them
 * must be the ones found on the citations themselves.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { citingSpansIn, compactCitations, countCitationsIn, coverageMemo, positionIn } from '../../server/src/core/compactCitations';
import { countCitations } from '../../server/src/core/features/outline';
import { citingSpans } from '../../server/src/core/features/references';
import { loadCorpus } from '../../server/src/core/load';
import { citationsOfText } from '../../server/src/core/draft/draftIndex';

const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
const paper = corpus.paper('CRP/43')!;

const CITATIONS = ['CRP/43 §6', 'CRP/43 §6(a)', 'CRP/43 §6(d)', 'CRP/43 §§11–14', 'CRP/43 §§14–11', 'CRP/43 §6(a)–(c)', 'CRP/43 §24 (b) to (c)', 'CRP/43, par. 13 et 15', 'CRP/43, párrs. 5 (a) y 7', 'CRP/43 §§6, 6 and 12(b)', 'CRP/43 §28', 'CRP/43 §99999999999999999999', 'CRP/43 §4294967296', 'CRP/43 §06', 'CRP/43\r\n§3', 'CRP/4 §3', 'CRP/43 §6(a) and (b)', 'CRP/43 §§6(a), (c) and 7', 'CRP/43, párr. 24 (a) y (b)–(c)', 'CRP/43 §28(a) and (b)', 'CRP/43 §6(a) and (a)', 'CRP/43, párrs.\n19 a 20', 'CRP/43 §§6,\r\n7'];
const SEPARATORS = [' ', '\n', '\r\n', '\r', '\n\n', ' `code` ', 'é – '];
const draft = fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...CITATIONS)), { maxLength: 25 }).map((parts) => parts.map(([s, c]) => s + c).join(''));

describe('compact citations', () => {
  it('cite, count and place exactly as the citations they stand for', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const citations = citationsOfText(text, ['CRP/43']);
        const compact = compactCitations(text, citations);
        const memo = coverageMemo();
        for (const p of paper.data.paragraphs) {
          for (const letter of [undefined, ...p.subParagraphs.map((s) => s.letter)]) {
            const passage = { paper, paragraph: p.number, ...(letter ? { letter } : {}) };
            expect(citingSpansIn(compact, passage, memo)).toEqual(citingSpans(passage, citations));
          }
        }
        expect(countCitationsIn(compact, paper, memo)).toEqual(countCitations(paper, citations));
        const doc = TextDocument.create('file:///d.md', 'markdown', 0, text);
        for (const c of citations) {
          for (const item of c.items) {
            expect(positionIn(compact, item.start)).toEqual(doc.positionAt(item.start));
            expect(positionIn(compact, item.end)).toEqual(doc.positionAt(item.end));
          }
        }
      }),
      { numRuns: 800 },
    );
  });
});
