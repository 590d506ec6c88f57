/**
 * The citation grammar: finds `CRP/43 §6(a)`, `CRP/43, par. 13`, `paragraph 9 of CRP/43`,
 * `CRP/43, footnote 2` ... in prose. Works on text in which code, comments and link
 * destinations have already been blanked out (see prose.ts), so offsets here are
 * offsets in the writer's document.
 *
 * Every word it knows (marks, separators, connectors, sub-paragraph words, number words)
 * is in the tables of grammar/words.ts, which completion, the style fix and the quick fixes
 * read too.
 *
 *   citation   = symbol ["," | ws ":"] ws ["("] ws [lead ws] body  symbol first: `CRP/43 (para. 9)`
 *              | symbol ws verb ["," ] ws lead ws body             `CRP/43 indique, au paragraphe 16`, `CRP/43 says in paragraph 25`
 *              | body ws connector ws symbol                     mark first: `paragraph 9 of CRP/43`
 *              | body ws [described] "(" symbol ")"             `paragraphs 4 to 7 of the report (CRP/43)`, `footnote 5 (CRP/43)`
 *              | body ws described ws contained ws symbol        `paragraph 9 of the note contained in document CRP/43`
 *              | short [[","] ws body]                           `Ibid.`, `Ibid., para. 7`, `id., ¶ 7`
 *              | body                                             bare: `par. 9`, of the paper named last (see `findBareReferences`)
 *              | item { list-sep item }                           a table cell under a header naming the paper, or a mark alone: `11–12` (`findTableColumnReferences`)
 *              | sub-word ws letter-item { list-sep letter-item }  after a citation, of its paragraph: `inciso b)` (`findSubParagraphsAlone`)
 *              | again                                            after a citation, its paragraph: `ce même paragraphe` (`findSameParagraphs`)
 *   again      = SAME_PARAGRAPH_AGAIN (`the same paragraph`, `that paragraph`, `ese mismo párrafo`, `the end of the paragraph` ...)
 *   short      = SHORT_FORMS (`ibid.`, `ibíd.`, `ibidem`, `loc. cit.`; `id.`, `ídem` alone only as a sentence of their own, `op. cit.` only with a reference)
 *   body       = sub-first | mark ws item { list-sep item }
 *   sub-first  = sub-word ws letter-item { list-sep letter-item } ws sub-of ws mark ws number
 *                `subparagraph (b) of paragraph 5`; a list only after a plural word:
 *                `subparagraphs (a) and (b) of paragraph 5`, `los apartados a) a c) del párrafo 5`
 *   mark       = MARKS (any case: `§`, `¶¶`, `para`, `Paras.`, `par.`, `párrs`, `footnote`, `n.` ...)
 *   item       = ref [ range-sep [mark ws] ( ref | letter ) ]        `§9–§11`, `§6(a)–(c)`
 *              | letter [ range-sep letter ]                  (a letter-only item, see below)
 *   ref        = number [ letter | "," ws sub-word ws letter ] [ ws note-mark ws number ]
 *   letter     = [" " | break] "(" a-z ")" | (" " | break) a-z ")"   (`(a)`; UN French and Spanish `a)`)
 *              | a-z                                  glued to the number, no word character after (`para 6a`)
 *   range-sep  = "-" | "–" | "—" | RANGE_WORDS (`to`, `through`, `à`, `a`, `al`)
 *   list-sep   = ( "," | [","] LIST_WORDS [ LIST_ARTICLES ] ) [ mark ws ]   (`and`, `et`, `y`, `&`, `+`, `or`, `ou`, `o`, `u`; `§6 and §7`; `y el 14`)
 *   lead       = LEADS (`at`, `in`, `au`, `aux`, `dans son`, `en el`, `en su` ...: `CRP/43 at ¶ 9`, `CRP/43, au paragraphe 9`)
 *   verb       = one word, or two (`y revient`, `also says`); without a comma, not a participle
 *                of citing (`CRP/43 cited in paragraph 5`) and not before `of`, `du` ... (`in
 *                paragraph 5 of the resolution`: another text's paragraph)
 *   connector  = CONNECTORS (`of`, `of document`, `du document`, `de`, `del documento` ...)
 *   described  = DESCRIPTION_CONNECTORS ws word { ws word } ws   (`of the report`, `du rapport`,
 *                `del informe`: at most six words of letters, none of them `and`, `et`, `y` ...)
 *
 * A mark's kind says what its numbers name: paragraphs (`§`, `para.`) or footnotes
 * (`note`, `n.`); a mark written again in a list switches kind (`§9 and note 2`), and a
 * note mark after a paragraph names one of its notes (`§9 n. 2`).
 *
 * A singular mark (`§`, `para.`, `paragraph`) names one reference, with its sub-paragraphs:
 * `paragraph 6, 2013` and `§6, 12 countries` cite 6; a word still joins another number
 * (`para. 9 and 10`). A plural or ambiguous mark (`§§`,
 * `paras.`, French `par.`) reads a list, which a list item that reads as a year (`, 2013`),
 * a date (`, 22/11`, `, 22 November`) or a count of something (`, 12 countries`) ends, as
 * does a comma after the list's `and` (`paras. 18 and 19, 10 exercises`).
 *
 * A letter-only item (`(b)` in `§6(a) and (b)`, `c)` in `par. 24 a) et c)`) names a
 * sub-paragraph of the paragraph of the closest preceding reference, and is only read
 * when that reference carries a letter too: `§6 and (b)` is more likely prose
 * enumerating "(a) ... and (b) ..." than a sub-paragraph list. A UN-style letter `a)` is
 * read only there and right after a paragraph number, never alone. An upper-case letter
 * right after a number (`§5(B)`) is read as (b); the style fix writes it small. A small
 * letter glued to the number (`para 6a`, `§6b`) is its sub-paragraph, as some writers
 * abbreviate it; the style fix writes the brackets.
 *
 * Hard-wrapped prose: one line break (not a blank line) may stand for the space between
 * the symbol and the mark, after the mark, after a list separator (`§§6,` / `7`) and
 * after a range separator (`párrs. 19 a` / `20`), before a word separator
 * (`paragraphs 13` / `and 14`, `párrafos 18` / `a 21`), and before a paragraph's letter
 * when the citation goes on after it (`par. 24` / `b))`, `paragraph 12` / `(a) to (c)`;
 * not `paragraph 12` / `(a) the first point`, an enumeration). Never before a sign separator (a
 * line that ends on a number says nothing of the next one, which may start `- 8` or
 * `, 2013` ... in a list), and never before a letter-only item or an ordered-list marker
 * (`(b) ...` and `2. ...` at the start of a line are enumerations; a paragraph's own
 * letter is the one exception, above).
 *
 * What looks like a reference next to a symbol but is none of the above (`CRP/43, p. 3`,
 * `CRP/43, section II`, `CRP/43 §six`) is returned as an `UnreadReference`, so that the
 * writer is told instead of silently getting nothing.
 *
 * This file holds the grammar's entry, `findCitations`; each part of it is a file of
 * grammar/, from the bottom up: types.ts (what a citation is), targets.ts (what an offset
 * names), words.ts (the tables), scan.ts (characters, words, marks), texts.ts (how a text
 * is named), body.ts (`§§ 6(a)–(c), 9 and 11`), symbolCitations.ts (symbol first, mark
 * first, what is not read), paperContext.ts (whose paragraph a reference without a symbol
 * is), shortForms.ts (`ibid.`), tableColumns.ts, bareReferences.ts (references without
 * the symbol) and afterCitation.ts (sub-paragraphs alone, the same paragraph). A file
 * imports only from files before it in that list.
 */


import type { Citation, UnreadReference } from './grammar/types';
import { isWholeSymbol } from './grammar/texts';
import { findSymbolVariants, parseCitationAt, parseMarkFirst, unreadAfter, unreadBefore, withoutOtherTextsItems } from './grammar/symbolCitations';
import { MAY_HOLD_SHORT_FORM } from './grammar/scan';
import { findShortForms } from './grammar/shortForms';
import { findBareReferences } from './grammar/bareReferences';
import { papersOf } from './grammar/paperContext';
import { findFollowingWords, findSameParagraphs, findSubItems, findSubParagraphsAlone, mayNameSameParagraph } from './grammar/afterCitation';
import { findTableColumnReferences } from './grammar/tableColumns';

export { AUTHOR_NAME, MARK_ALTERNATIVES, MAY_HOLD_SHORT_FORM, SHORT_TITLE_BEFORE_CIT, bodyStartAfter, escapeForPattern, isDigit, lazy, markSpelling, matchMark, mayHoldBareReference, sentenceStartIn, symbolMarkupEnd } from './grammar/scan';
export { BLANK, type Citation, type CitationItem, type LetterToken, type Mark, type NumberToken, type Reference, type UnreadReference } from './grammar/types';
export { LIST_WORDS, MARKS, PREPOSITION_MARKS, RANGE_WORDS, writtenMarks } from './grammar/words';
export { letterWrittenIn, paragraphOf, targetAt, type Target } from './grammar/targets';
export { citedInBefore, citingClauseAround } from './grammar/symbolCitations';
export { firstWholeSymbol, isWholeSymbol, namesSymbol, ownParagraphAfter } from './grammar/texts';
export { mayHoldLettersOfSameParagraph, mayNameSameParagraph, mayNameSubParagraphAlone } from './grammar/afterCitation';
export { namesThePaperIn, pronounOfAnotherText } from './grammar/paperContext';

/**
 * Every citation of one of `symbols` in `text`, in order. `text` is prose with code and
 * comments blanked out; `from`/`to` restrict the search to a slice without copying it.
 * With `unread`, what looks like a reference next to a symbol or a short form but is not
 * read goes there.
 */
export function findCitations(text: string, symbols: readonly string[], from = 0, to = text.length, unread?: UnreadReference[], lead?: Citation): Citation[] {
  const found: Citation[] = [];
  for (const symbol of symbols) {
    // A mark-first citation is looked for after the last one of this symbol: it cannot
    // reach back into that one (see below), and the bodies of earlier citations within
    // reach were two parses in three of looking for one.
    let after = from;
    let i = text.indexOf(symbol, from);
    while (i >= 0 && i + symbol.length <= to) {
      if (isWholeSymbol(text, i, i + symbol.length)) {
        const symbolFirst = parseCitationAt(text, symbol, i);
        const citation = symbolFirst ? withoutOtherTextsItems(text, symbolFirst, symbols) : parseMarkFirst(text, symbol, i, after);
        if (citation && citation.end <= to) {
          found.push(citation);
          after = citation.end;
        } else if (!citation && unread) {
          const miss = unreadAfter(text, symbol, i, to) ?? unreadBefore(text, symbol, i, after);
          if (miss) unread.push(miss);
        }
      }
      i = text.indexOf(symbol, i + symbol.length);
    }
  }
  // What follows a misspelt symbol (`crp/43, par. 20`) is its, not a reference without a
  // symbol of the paper named before: said once (`symbolVariant`), read once fixed.
  const claimed: Citation[] = [];
  if (unread) for (const symbol of symbols) findSymbolVariants(text, symbol, from, to, unread, claimed);
  const full = found.length;
  if (MAY_HOLD_SHORT_FORM.test(text.length === to - from ? text : text.slice(from, to))) findShortForms(text, from, to, found, unread);
  if (symbols.length > 1 || found.length > full) found.sort((a, b) => a.start - b.start);
  // A mark-first citation may reach back into the one before (`CRP/43 §6 and paragraph 9
  // of CRP/43`, where the first took `and paragraph 9`): the first keeps what it read. A
  // short form gives way to a full citation (`Ibid., paragraph 9 of CRP/43`).
  for (let k = 1; k < found.length; k++) {
    const [before, at] = [found[k - 1]!, found[k]!];
    if (at.start >= before.end) continue;
    found.splice(before.short && !at.short ? k - 1 : k, 1);
    k--;
  }
  // Misspelt marks are looked for where the block names a paper (`markTypoBefore`).
  const named = unread && symbols.find((symbol) => text.includes(symbol));
  const skipped = claimed.length === 0 ? found : [...found, ...claimed].sort((a, b) => a.start - b.start);
  const withBare = findBareReferences(text, from, to, found, papersOf(symbols), named ? { symbol: named, unread: unread! } : undefined, skipped);
  // (Sub-paragraphs alone follow a citation, or say they are of the paragraph cited before: `inciso c) del mismo párrafo`.)
  let namesSame: boolean | undefined;
  const mayNameSame = () => (namesSame ??= mayNameSameParagraph(text, from, to));
  const withSubs = text.includes(')') && (withBare.length > 0 || lead || mayNameSame()) ? findSubParagraphsAlone(text, from, to, withBare, lead) : withBare;
  const withAgain = (withSubs.length > 0 || lead) && mayNameSame() ? findSameParagraphs(text, from, to, withSubs, symbols, lead) : withSubs;
  const all = text.includes('|') ? findTableColumnReferences(text, from, to, symbols, withAgain) : withAgain;
  if (unread) {
    for (const c of all) {
      if (c.symbol !== '') findSubItems(text, c, unread);
      findFollowingWords(text, c, unread);
    }
  }
  return all;
}
