/**
 * The forms the grammar reads since it was extended (see the header of
 * server/src/core/grammar.ts), as a writer meets them in the editor, in English, French
 * and Spanish: what the hover on each number, letter and note says and over exactly which
 * token, where go-to-definition lands in the rendering, which finding a broken variant
 * gets and exactly where, what completion offers (and that what it offers is then read),
 * what must never be read, and that nothing in code ever is.
 *
 * Fixture notation (test/fixtures/cursor.ts): `[[…]]` an expected range, `|` the cursor.
 * Passages are named `9` (a paragraph), `5(b)` (a sub-paragraph), `n2` (a footnote).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../server/src/core/corpus';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { checkDraft, messageOf } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import type { Citation } from '../../server/src/core/grammar';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { translator, unLetters } from '../../server/src/i18n';
import { cursorOf, parseFixture } from '../fixtures/cursor';

const documents = resolve(__dirname, '..', '..', 'data', 'documents');
const corpus = loadCorpus(documents);
const paper: Paper = corpus.paper('CRP/43')!;
const renderingPath = join(documents, 'crp-43.md');
const renderingLines = readFileSync(renderingPath, 'utf8').split('\n');
const forms = resolve(__dirname, '..', 'fixtures', 'forms');

type Lang = 'en' | 'fr' | 'es';
const LANGS: Lang[] = ['en', 'fr', 'es'];
const t = { en: translator('en'), fr: translator('fr'), es: translator('es') };

/** What the writer reads, written out here from locales/*.json rather than asked of the translator. */
const WORDS = {
  en: {
    paragraph: (n: string) => `Paragraph ${n}`,
    sub: (n: string, l: string) => `Sub-paragraph ${n}(${l})`,
    note: (n: string) => `Footnote ${n}`,
    noParagraph: (r: string) => `CRP/43 has no paragraph ${r}.`,
    noNote: (n: string) => `CRP/43 has no footnote ${n}.`,
    noteNotIn: (p: string, n: string) => `Paragraph ${p} of CRP/43 has no footnote ${n}.`,
  },
  fr: {
    paragraph: (n: string) => `Paragraphe ${n}`,
    sub: (n: string, l: string) => `Alinéa ${l}) du paragraphe ${n}`,
    note: (n: string) => `Note de bas de page ${n}`,
    noParagraph: (r: string) => `Le document CRP/43 n’a pas de paragraphe ${unLetters(r, 'fr')}.`,
    noNote: (n: string) => `Le document CRP/43 n’a pas de note ${n}.`,
    noteNotIn: (p: string, n: string) => `Le paragraphe ${p} du document CRP/43 n’a pas de note ${n}.`,
  },
  es: {
    paragraph: (n: string) => `Párrafo ${n}`,
    sub: (n: string, l: string) => `Apartado ${l}) del párrafo ${n}`,
    note: (n: string) => `Nota al pie ${n}`,
    noParagraph: (r: string) => `El documento CRP/43 no tiene el párrafo ${unLetters(r, 'es')}.`,
    noNote: (n: string) => `El documento CRP/43 no tiene la nota ${n}.`,
    noteNotIn: (p: string, n: string) => `El párrafo ${p} del documento CRP/43 no tiene la nota ${n}.`,
  },
} as const;

/** The title a hover gives a passage: `Paragraph 9`, `Alinéa b) du paragraphe 5`, `Nota al pie 2`. */
function title(passage: string, lang: Lang): string {
  const w = WORDS[lang];
  if (passage.startsWith('n')) return w.note(passage.slice(1));
  const sub = /^(\d+)\(([a-z])\)$/.exec(passage);
  return sub ? w.sub(sub[1]!, sub[2]!) : w.paragraph(passage);
}

/** Every passage title of a hover, in order (`**CRP/43 · Paragraph 9** — …`). */
function titles(markdown: string): string[] {
  return [...markdown.matchAll(/\*\*CRP\/43 · ([^*]+)\*\*/g)].map((m) => m[1]!);
}

/** Where a passage is in crp-43.md, and the line a writer must land on there. */
function renderingOf(passage: string): { line: number; text: string } {
  if (passage.startsWith('n')) {
    const f = paper.footnote(Number(passage.slice(1)))!;
    return { line: f.line, text: `${f.marker} ${f.text}` };
  }
  const sub = /^(\d+)\(([a-z])\)$/.exec(passage);
  if (sub) {
    const s = paper.subParagraph(Number(sub[1]), sub[2]!)!;
    return { line: s.line, text: `- **(${s.letter})** ${s.text}` };
  }
  const p = paper.paragraph(Number(passage))!;
  return { line: p.line, text: `**${p.number}.** ${p.text}` };
}

/** A fixture as plain text: markers gone. */
const plain = (source: string) => parseFixture(source).text;

function draftOf(text: string): DraftIndex {
  return new DraftIndex(text, ['CRP/43']);
}

function at(text: string, offset: number, lang: Lang = 'en') {
  const draft = draftOf(text);
  return { hover: hover(draft, corpus, offset, t[lang]), definition: definition(draft, corpus, offset), completion: complete(draft, corpus, offset, t[lang]) };
}

/** Every number, letter and note token of a citation, in text order. */
function tokensOf(c: Citation): Array<{ start: number; end: number; text?: string; letter?: string }> {
  const out: Array<{ start: number; end: number; text?: string; letter?: string }> = [];
  for (const item of c.items) {
    for (const ref of item.to ? [item.from, item.to] : [item.from]) {
      if (ref.number) out.push(ref.number);
      if (ref.sub) out.push(ref.sub);
      if (ref.note) out.push(ref.note);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------
// The forms. `[[…]]` marks each number, letter and note, `targets` names each in order;
// `written` is the citation as the grammar spans it; `covers` what its symbol's hover lists.

interface Form {
  group: string;
  lang: Lang;
  source: string;
  targets: string[];
  written: string;
  covers: string[];
}

const form = (group: string, lang: Lang, source: string, targets: string[], written: string, covers: string[]): Form => ({ group, lang, source, targets, written, covers });

const FORMS: Form[] = [
  form('mark first', 'en', 'paragraph [[9]] of CRP/43', ['9'], 'paragraph 9 of CRP/43', ['9']),
  form('mark first', 'en', 'paragraphs [[14]] to [[16]] of document CRP/43', ['14', '16'], 'paragraphs 14 to 16 of document CRP/43', ['14', '15', '16']),
  form('mark first', 'en', 'para. [[20]] of CRP/43', ['20'], 'para. 20 of CRP/43', ['20']),
  form('mark first', 'fr', 'le paragraphe [[9]] du document CRP/43', ['9'], 'paragraphe 9 du document CRP/43', ['9']),
  form('mark first', 'fr', 'aux paragraphes [[14]] à [[16]] de CRP/43', ['14', '16'], 'paragraphes 14 à 16 de CRP/43', ['14', '15', '16']),
  form('mark first', 'es', 'el párrafo [[9]] del documento CRP/43', ['9'], 'párrafo 9 del documento CRP/43', ['9']),
  form('mark first', 'es', 'los párrafos [[14]] a [[16]] del documento CRP/43', ['14', '16'], 'párrafos 14 a 16 del documento CRP/43', ['14', '15', '16']),

  // The symbol in parentheses after a description of the paper, as UN documents write it.
  form('described', 'en', 'paragraphs [[4]] to [[7]] of the report (CRP/43)', ['4', '7'], 'paragraphs 4 to 7 of the report (CRP/43', ['4', '5', '6', '7']),
  form('described', 'en', 'paragraph [[9]] of the report of the Secretary-General (CRP/43)', ['9'], 'paragraph 9 of the report of the Secretary-General (CRP/43', ['9']),
  form('described', 'fr', 'les paragraphes [[4]] à [[7]] du rapport (CRP/43)', ['4', '7'], 'paragraphes 4 à 7 du rapport (CRP/43', ['4', '5', '6', '7']),
  form('described', 'fr', 'le paragraphe [[9]] de la note de l’Administration (CRP/43)', ['9'], 'paragraphe 9 de la note de l’Administration (CRP/43', ['9']),
  form('described', 'es', 'los párrafos [[4]] a [[7]] del informe (CRP/43)', ['4', '7'], 'párrafos 4 a 7 del informe (CRP/43', ['4', '5', '6', '7']),
  form('described', 'es', 'el apartado [[b]]) del párrafo [[5]] de la nota (CRP/43)', ['5(b)', '5'], 'apartado b) del párrafo 5 de la nota (CRP/43', ['5(b)']),

  form('colon', 'en', 'CRP/43: para. [[14]]', ['14'], 'CRP/43: para. 14', ['14']),
  form('colon', 'fr', 'CRP/43 : par. [[14]]', ['14'], 'CRP/43 : par. 14', ['14']),

  // A word between the symbol and the mark.
  form('lead word', 'en', 'CRP/43 at para. [[9]]', ['9'], 'CRP/43 at para. 9', ['9']),
  form('lead word', 'en', 'CRP/43 at ¶¶ [[9]]–[[11]]', ['9', '11'], 'CRP/43 at ¶¶ 9–11', ['9', '10', '11']),
  form('lead word', 'fr', 'CRP/43, au paragraphe [[9]]', ['9'], 'CRP/43, au paragraphe 9', ['9']),
  form('lead word', 'fr', 'CRP/43, aux paragraphes [[4]] à [[6]]', ['4', '6'], 'CRP/43, aux paragraphes 4 à 6', ['4', '5', '6']),
  form('lead word', 'es', 'CRP/43, en el párrafo [[9]]', ['9'], 'CRP/43, en el párrafo 9', ['9']),
  form('lead word', 'es', 'CRP/43, en los párrafos [[4]] a [[6]]', ['4', '6'], 'CRP/43, en los párrafos 4 a 6', ['4', '5', '6']),

  form('abbreviation', 'en', 'CRP/43, para [[9]]', ['9'], 'CRP/43, para 9', ['9']),
  form('abbreviation', 'en', 'CRP/43, paras [[9]] and [[10]]', ['9', '10'], 'CRP/43, paras 9 and 10', ['9', '10']),
  form('abbreviation', 'en', 'CRP/43, Para. [[9]]', ['9'], 'CRP/43, Para. 9', ['9']),
  form('abbreviation', 'en', 'CRP/43, PARAS. [[9]]–[[10]]', ['9', '10'], 'CRP/43, PARAS. 9–10', ['9', '10']),
  form('abbreviation', 'es', 'CRP/43, párr [[9]]', ['9'], 'CRP/43, párr 9', ['9']),
  form('abbreviation', 'es', 'CRP/43, párrs [[9]] y [[10]]', ['9', '10'], 'CRP/43, párrs 9 y 10', ['9', '10']),

  form('pilcrow', 'en', 'CRP/43 ¶ [[9]]', ['9'], 'CRP/43 ¶ 9', ['9']),
  form('pilcrow', 'en', 'CRP/43 ¶¶ [[9]]–[[11]]', ['9', '11'], 'CRP/43 ¶¶ 9–11', ['9', '10', '11']),

  // The citation ends with its last reference: the closing parenthesis is the writer's.
  form('parentheses', 'en', 'CRP/43 (para. [[9]])', ['9'], 'CRP/43 (para. 9', ['9']),
  form('parentheses', 'en', 'CRP/43 (§§ [[9]]–[[11]])', ['9', '11'], 'CRP/43 (§§ 9–11', ['9', '10', '11']),

  form('UN letters', 'fr', 'CRP/43, par. [[24]] [[a]])', ['24', '24(a)'], 'CRP/43, par. 24 a)', ['24(a)']),
  form('UN letters', 'fr', 'CRP/43, paragraphe [[24]] [[a]]) et [[c]])', ['24', '24(a)', '24(c)'], 'CRP/43, paragraphe 24 a) et c)', ['24(a)', '24(c)']),
  form('UN letters', 'es', 'CRP/43, párr. [[5]] [[b]])', ['5', '5(b)'], 'CRP/43, párr. 5 b)', ['5(b)']),
  form('UN letters', 'es', 'CRP/43, párrafo [[5]] [[a]]) y [[b]])', ['5', '5(a)', '5(b)'], 'CRP/43, párrafo 5 a) y b)', ['5(a)', '5(b)']),

  form('sub-paragraph words', 'en', 'subparagraph ([[b]]) of paragraph [[5]] of CRP/43', ['5(b)', '5'], 'subparagraph (b) of paragraph 5 of CRP/43', ['5(b)']),
  form('sub-paragraph words', 'en', 'CRP/43, paragraph [[5]], subparagraph ([[b]])', ['5', '5(b)'], 'CRP/43, paragraph 5, subparagraph (b)', ['5(b)']),
  // British style, without a full stop (audit 55).
  form('sub-paragraph words', 'en', 'sub-para ([[c]]) of para [[24]] of CRP/43', ['24(c)', '24'], 'sub-para (c) of para 24 of CRP/43', ['24(c)']),
  form('sub-paragraph words', 'fr', 'alinéa [[b]]) du paragraphe [[5]] du document CRP/43', ['5(b)', '5'], 'alinéa b) du paragraphe 5 du document CRP/43', ['5(b)']),
  form('sub-paragraph words', 'es', 'apartado [[b]]) del párrafo [[5]] del documento CRP/43', ['5(b)', '5'], 'apartado b) del párrafo 5 del documento CRP/43', ['5(b)']),
  form('sub-paragraph words', 'es', 'CRP/43, párrafo [[5]], inciso [[b]])', ['5', '5(b)'], 'CRP/43, párrafo 5, inciso b)', ['5(b)']),

  form('upper-case letter', 'en', 'CRP/43 §[[5]]([[B]])', ['5', '5(b)'], 'CRP/43 §5(B)', ['5(b)']),

  form('ranges and lists', 'en', 'CRP/43, paragraphs [[9]] through [[11]]', ['9', '11'], 'CRP/43, paragraphs 9 through 11', ['9', '10', '11']),
  form('ranges and lists', 'en', 'CRP/43 §[[9]] - §[[11]]', ['9', '11'], 'CRP/43 §9 - §11', ['9', '10', '11']),
  form('ranges and lists', 'en', 'CRP/43 §[[9]]–§[[11]]', ['9', '11'], 'CRP/43 §9–§11', ['9', '10', '11']),
  form('ranges and lists', 'en', 'CRP/43, paras. [[9]], [[10]] & [[12]]', ['9', '10', '12'], 'CRP/43, paras. 9, 10 & 12', ['9', '10', '12']),
  // British notes join two paragraphs with a slash after a plural mark (audit 55).
  form('ranges and lists', 'en', 'CRP/43, paras [[13]]/[[14]]', ['13', '14'], 'CRP/43, paras 13/14', ['13', '14']),
  form('ranges and lists', 'en', 'CRP/43 §§ [[6]], [[26]]/[[27]]', ['6', '26', '27'], 'CRP/43 §§ 6, 26/27', ['6', '26', '27']),

  form('footnotes', 'en', 'CRP/43, footnote [[2]]', ['n2'], 'CRP/43, footnote 2', ['n2']),
  form('footnotes', 'en', 'CRP/43, note [[2]]', ['n2'], 'CRP/43, note 2', ['n2']),
  form('footnotes', 'en', 'CRP/43, n. [[2]]', ['n2'], 'CRP/43, n. 2', ['n2']),
  form('footnotes', 'en', 'CRP/43, fn. [[2]]', ['n2'], 'CRP/43, fn. 2', ['n2']),
  // On the 5, paragraph 5; on the 2, its note; the whole citation names the note.
  form('footnotes', 'en', 'CRP/43 §[[5]] n. [[2]]', ['5', 'n2'], 'CRP/43 §5 n. 2', ['n2']),
  form('footnotes', 'fr', 'CRP/43, note [[2]]', ['n2'], 'CRP/43, note 2', ['n2']),
  form('footnotes', 'es', 'CRP/43, nota [[2]]', ['n2'], 'CRP/43, nota 2', ['n2']),
  form('footnotes', 'es', 'CRP/43, nota al pie [[2]]', ['n2'], 'CRP/43, nota al pie 2', ['n2']),
  form('footnotes', 'en', 'footnote [[5]] (CRP/43)', ['n5'], 'footnote 5 (CRP/43', ['n5']),
  form('footnotes', 'fr', 'la note de bas de page [[3]] (CRP/43)', ['n3'], 'note de bas de page 3 (CRP/43', ['n3']),

  // The symbol linked to the paper, or emphasized: the citation reads through the markup.
  form('linked symbol', 'en', '[CRP/43](https://x.org/crp-43.pdf), para. [[9]]', ['9'], 'CRP/43](https://x.org/crp-43.pdf), para. 9', ['9']),
  form('linked symbol', 'en', 'paragraph [[9]] of [CRP/43](https://x.org/crp-43.pdf)', ['9'], 'paragraph 9 of [CRP/43', ['9']),
  form('linked symbol', 'en', '*CRP/43* §[[6]]', ['6'], 'CRP/43* §6', ['6']),
  form('linked symbol', 'fr', 'le paragraphe [[9]] du document [CRP/43](https://x.org/crp-43.pdf)', ['9'], 'paragraphe 9 du document [CRP/43', ['9']),
  form('linked symbol', 'es', '[CRP/43](https://x.org/crp-43.pdf), párr. [[9]]', ['9'], 'CRP/43](https://x.org/crp-43.pdf), párr. 9', ['9']),

  // A description and the words that name the paper after it, without parentheses.
  form('contained in', 'en', 'paragraph [[9]] of the note contained in document CRP/43', ['9'], 'paragraph 9 of the note contained in document CRP/43', ['9']),
  form('contained in', 'fr', 'le paragraphe [[9]] de la note publiée sous la cote CRP/43', ['9'], 'paragraphe 9 de la note publiée sous la cote CRP/43', ['9']),
  form('contained in', 'es', 'el párrafo [[9]] de la nota que figura en el documento CRP/43', ['9'], 'párrafo 9 de la nota que figura en el documento CRP/43', ['9']),

  // The kind of document, as the UN names it.
  form('document kind', 'en', 'paragraph [[9]] of conference room paper CRP/43', ['9'], 'paragraph 9 of conference room paper CRP/43', ['9']),
  form('document kind', 'fr', 'aux paragraphes [[11]] à [[12]] du document de séance CRP/43', ['11', '12'], 'paragraphes 11 à 12 du document de séance CRP/43', ['11', '12']),
  form('document kind', 'es', 'los párrafos [[11]] a [[12]] del documento de sesión CRP/43', ['11', '12'], 'párrafos 11 a 12 del documento de sesión CRP/43', ['11', '12']),

  // Hard-wrapped before a word separator.
  form('wrapped separator', 'en', 'paragraphs [[13]]\nand [[14]] of CRP/43', ['13', '14'], 'paragraphs 13\nand 14 of CRP/43', ['13', '14']),
  form('wrapped separator', 'fr', 'les paragraphes [[23]], [[24]]\net [[25]] du document CRP/43', ['23', '24', '25'], 'paragraphes 23, 24\net 25 du document CRP/43', ['23', '24', '25']),
  form('wrapped separator', 'es', 'los párrafos [[18]]\na [[21]] del documento CRP/43', ['18', '21'], 'párrafos 18\na 21 del documento CRP/43', ['18', '19', '20', '21']),

  // Plural sub-paragraph words: each letter its own target.
  form('plural sub-paragraph words', 'en', 'subparagraphs ([[a]]) and ([[b]]) of paragraph [[6]] of CRP/43', ['6(a)', '6(b)', '6'], 'subparagraphs (a) and (b) of paragraph 6 of CRP/43', ['6(a)', '6(b)']),
  form('plural sub-paragraph words', 'en', 'CRP/43, para. [[6]], subparas. ([[a]]) and ([[b]])', ['6', '6(a)', '6(b)'], 'CRP/43, para. 6, subparas. (a) and (b)', ['6(a)', '6(b)']),
  form('plural sub-paragraph words', 'fr', 'les alinéas [[a]]) et [[b]]) du paragraphe [[6]] du document CRP/43', ['6(a)', '6(b)', '6'], 'alinéas a) et b) du paragraphe 6 du document CRP/43', ['6(a)', '6(b)']),
  form('plural sub-paragraph words', 'es', 'los apartados [[a]]) y [[b]]) del párrafo [[6]] del documento CRP/43', ['6(a)', '6(b)', '6'], 'apartados a) y b) del párrafo 6 del documento CRP/43', ['6(a)', '6(b)']),

  // A verb and a comma before the lead word.
  form('verb and lead word', 'en', 'CRP/43, in paragraph [[16]]', ['16'], 'CRP/43, in paragraph 16', ['16']),
  form('verb and lead word', 'fr', 'CRP/43 indique, au paragraphe [[16]]', ['16'], 'CRP/43 indique, au paragraphe 16', ['16']),
  form('verb and lead word', 'fr', 'CRP/43 précise, dans son paragraphe [[16]]', ['16'], 'CRP/43 précise, dans son paragraphe 16', ['16']),
  form('verb and lead word', 'es', 'CRP/43 señala, en su párrafo [[16]]', ['16'], 'CRP/43 señala, en su párrafo 16', ['16']),
  // `Subparagraph` before a number and its letter.
  form('sub-paragraph words', 'en', 'Subparagraph [[6]]([[c]]) of CRP/43', ['6', '6(c)'], 'Subparagraph 6(c) of CRP/43', ['6(c)']),
  // A singular mark and a word before another number, as hurried writers write lists.
  form('singular mark, worded list', 'en', 'CRP/43, para. [[9]] and [[10]]', ['9', '10'], 'CRP/43, para. 9 and 10', ['9', '10']),
  form('singular mark, worded list', 'es', 'CRP/43, párr. [[3]] y [[4]]', ['3', '4'], 'CRP/43, párr. 3 y 4', ['3', '4']),
  // Without commas, and two words (a pronoun and a verb).
  form('verb and lead word', 'en', 'CRP/43 says in paragraph [[25]]', ['25'], 'CRP/43 says in paragraph 25', ['25']),
  form('verb and lead word', 'fr', 'CRP/43 y revient aux paragraphes [[4]] et [[7]]', ['4', '7'], 'CRP/43 y revient aux paragraphes 4 et 7', ['4', '7']),
  form('verb and lead word', 'es', 'CRP/43 lo recuerda en su párrafo [[16]]', ['16'], 'CRP/43 lo recuerda en su párrafo 16', ['16']),
  // A relative clause.
  form('relative', 'en', 'CRP/43, whose paragraph [[12]]', ['12'], 'CRP/43, whose paragraph 12', ['12']),
  form('relative', 'fr', 'CRP/43, dont le paragraphe [[1]]', ['1'], 'CRP/43, dont le paragraphe 1', ['1']),
  form('relative', 'es', 'CRP/43, cuyo párrafo [[9]]', ['9'], 'CRP/43, cuyo párrafo 9', ['9']),
  // Audits of unseen drafts: a letter glued to its number, a letter on the next line
  // (hard-wrapped prose), an article for the mark left unsaid.
  form('glued letter', 'en', 'CRP/43, para [[6]][[a]]', ['6', '6(a)'], 'CRP/43, para 6a', ['6(a)']),
  form('glued letter', 'en', 'paras [[6]][[a]] and [[6]][[b]] of CRP/43', ['6', '6(a)', '6', '6(b)'], 'paras 6a and 6b of CRP/43', ['6(a)', '6(b)']),
  form('letter on the next line', 'fr', 'CRP/43, par. [[24]]\n[[b]])', ['24', '24(b)'], 'CRP/43, par. 24\nb)', ['24(b)']),
  form('letter on the next line', 'en', 'CRP/43, paragraph [[12]]\n([[a]]) to ([[c]])', ['12', '12(a)', '12(c)'], 'CRP/43, paragraph 12\n(a) to (c)', ['12(a)', '12(b)', '12(c)']),
  form('article for the mark', 'es', 'los párrafos [[11]] y [[12]], y el [[14]] del documento CRP/43', ['11', '12', '14'], 'párrafos 11 y 12, y el 14 del documento CRP/43', ['11', '12', '14']),
  form('article for the mark', 'fr', 'le paragraphe [[24]] [[a]]) et le [[25]] du CRP/43', ['24', '24(a)', '25'], 'paragraphe 24 a) et le 25 du CRP/43', ['24(a)', '25']),
  // The references quoted, the symbol after the quotation mark (audit 9).
  form('quoted references, symbol after', 'fr', 'au « paragraphe [[9]] » du CRP/43', ['9'], 'paragraphe 9 » du CRP/43', ['9']),
  form('quoted references, symbol after', 'en', 'to “paragraph [[9]]” of CRP/43', ['9'], 'paragraph 9” of CRP/43', ['9']),
  // French writes paragraph 1 `1er`; a letter range may wrap before its second letter.
  form('French ordinal of one', 'fr', 'CRP/43, par.\u00a0[[1]]er', ['1'], 'CRP/43, par.\u00a01', ['1']),
  form('French ordinal of one', 'fr', 'le paragraphe [[1]]er du document CRP/43', ['1'], 'paragraphe 1er du document CRP/43', ['1']),
  form('French ordinal of one', 'fr', 'CRP/43, par. [[1]]er à [[4]]', ['1', '4'], 'CRP/43, par. 1er à 4', ['1', '2', '3', '4']),
  // Spanish `del` before a range's first number after a plural mark (audit 45).
  form('range from', 'es', 'los párrafos del [[23]] al [[25]] del documento CRP/43', ['23', '25'], 'párrafos del 23 al 25 del documento CRP/43', ['23', '24', '25']),
  form('range from', 'es', 'CRP/43, numerales del [[11]] al [[13]]', ['11', '13'], 'CRP/43, numerales del 11 al 13', ['11', '12', '13']),
  form('letter on the next line', 'fr', 'les alinéas [[a]]) à\n[[c]]) du paragraphe [[12]] du document CRP/43', ['12(a)', '12(c)', '12'], 'alinéas a) à\nc) du paragraphe 12 du document CRP/43', ['12(a)', '12(b)', '12(c)']),
];

/** Each form is tried inside a sentence of its language, not alone at offset 0. */
const BEFORE: Record<Lang, string> = { en: 'As set out in ', fr: 'Comme indiqué ', es: 'Como se indica en ' };
const AFTER: Record<Lang, string> = { en: ', the Administration agreed.', fr: ', l’Administration a convenu.', es: ', la Administración convino.' };

function inSentence(f: Form) {
  const fixture = parseFixture(BEFORE[f.lang] + f.source + AFTER[f.lang]);
  const start = fixture.text.indexOf(f.written);
  expect(start, `${f.written} in ${fixture.text}`).toBeGreaterThanOrEqual(0);
  return { ...fixture, citation: { start, end: start + f.written.length }, symbol: start + f.written.indexOf('CRP/43') };
}

/** Where a writer may put the cursor on a token and still mean it: its start, inside it, after a letter. */
function cursorsOn(text: string, range: { start: number; end: number }): number[] {
  const cursors = [range.start];
  if (range.end - range.start > 1) cursors.push(range.start + 1);
  const isLetter = /[a-zA-Z]/.test(text[range.start]!);
  // After a number, the cursor is also before what follows it: `5|(b)` and `6|a` are the letter's.
  if (isLetter || !/[\s(a-z]/.test(text[range.end] ?? '')) cursors.push(range.end);
  return cursors;
}

const name = (f: Form) => `${f.group} (${f.lang}): ${plain(f.source)}`;

describe('the forms are read as written, and nothing in them is a problem', () => {
  it('the table has the targets it names', () => {
    for (const f of FORMS) expect(parseFixture(f.source).ranges, f.source).toHaveLength(f.targets.length);
  });

  it.each(FORMS.map((f) => [name(f), f] as const))('%s', (_n, f) => {
    const s = inSentence(f);
    const draft = draftOf(s.text);
    const citations = draft.citations();
    expect(citations.map((c) => s.text.slice(c.start, c.end))).toEqual([f.written]);
    expect(tokensOf(citations[0]!).map(({ start, end }) => ({ start, end }))).toEqual(s.ranges);
    expect(checkDraft(draft, corpus)).toEqual([]);
  });
});

describe.each(LANGS)('what the writer sees, in the %s interface', (lang) => {
  it.each(FORMS.map((f) => [name(f), f] as const))('%s', (_n, f) => {
    const s = inSentence(f);
    s.ranges.forEach((range, i) => {
      const passage = f.targets[i]!;
      for (const cursor of cursorsOn(s.text, range)) {
        const { hover: h, definition: d } = at(s.text, cursor, lang);
        const where = `${passage} at ${cursor} in ${s.text}`;
        // (1) The hover covers exactly the token and names its passage.
        expect(h, where).toBeDefined();
        expect({ start: h!.start, end: h!.end }, where).toEqual(range);
        expect(titles(h!.markdown), where).toEqual([title(passage, lang)]);
        // (2) The definition lands on the passage's line of the rendering.
        const expected = renderingOf(passage);
        expect(d, where).toBeDefined();
        expect(d!.path).toBe(renderingPath);
        expect({ start: d!.originStart, end: d!.originEnd }, where).toEqual(range);
        expect(d!.line, where).toBe(expected.line);
        expect(renderingLines[d!.line], where).toBe(expected.text);
      }
    });

    // On the symbol: the whole citation, every passage it covers in order; the definition, the first.
    const { hover: h, definition: d } = at(s.text, s.symbol + 3, lang);
    expect({ start: h!.start, end: h!.end }).toEqual(s.citation);
    expect(titles(h!.markdown)).toEqual(f.covers.map((p) => title(p, lang)));
    expect({ start: d!.originStart, end: d!.originEnd }).toEqual(s.citation);
    expect(d!.line).toBe(renderingOf(f.covers[0]!).line);
  });
});

// ---------------------------------------------------------------------------------------
// Broken variants: `[[…]]` is where the finding must be, `|` where the writer hovers.

type Missing = { paragraph: string } | { note: string } | { note: string; of: string };

interface Broken {
  group: string;
  lang: Lang;
  source: string;
  code: 'crp-cite.unknown-paragraph' | 'crp-cite.unknown-sub-paragraph' | 'crp-cite.unknown-footnote';
  /** The token the hover covers. */
  token: string;
  missing: Missing;
  /** Set when the finding's range is wrong today (see the test that uses it). */
  bug?: string;
}

const UNKNOWN_PARAGRAPH = 'crp-cite.unknown-paragraph' as const;
const UNKNOWN_SUB = 'crp-cite.unknown-sub-paragraph' as const;
const UNKNOWN_NOTE = 'crp-cite.unknown-footnote' as const;
const no28 = (group: string, lang: Lang, source: string): Broken => ({ group, lang, source, code: UNKNOWN_PARAGRAPH, token: '28', missing: { paragraph: '28' } });
const no6d = (group: string, lang: Lang, source: string, token = 'd', bug?: string): Broken => ({ group, lang, source, code: UNKNOWN_SUB, token, missing: { paragraph: '6(d)' }, ...(bug ? { bug } : {}) });
const no7 = (lang: Lang, source: string, missing: Missing = { note: '7' }): Broken => ({ group: 'footnotes', lang, source, code: UNKNOWN_NOTE, token: '7', missing });


const BROKEN: Broken[] = [
  no28('mark first', 'en', 'paragraph [[2|8]] of CRP/43'),
  no28('mark first', 'en', 'paragraphs 14 to [[2|8]] of document CRP/43'),
  no28('mark first', 'en', 'para. [[2|8]] of CRP/43'),
  no28('mark first', 'fr', 'le paragraphe [[2|8]] du document CRP/43'),
  no28('mark first', 'fr', 'aux paragraphes 26 à [[2|8]] de CRP/43'),
  no28('mark first', 'es', 'el párrafo [[2|8]] del documento CRP/43'),
  no28('mark first', 'es', 'los párrafos 26 a [[2|8]] del documento CRP/43'),
  no28('abbreviation', 'en', 'CRP/43, para [[2|8]]'),
  no28('abbreviation', 'en', 'CRP/43, paras 9 and [[2|8]]'),
  no28('abbreviation', 'en', 'CRP/43, Para. [[2|8]]'),
  no28('abbreviation', 'en', 'CRP/43, PARAS. 26–[[2|8]]'),
  no28('abbreviation', 'es', 'CRP/43, párr [[2|8]]'),
  no28('abbreviation', 'es', 'CRP/43, párrs 9 y [[2|8]]'),
  no28('pilcrow', 'en', 'CRP/43 ¶ [[2|8]]'),
  no28('pilcrow', 'en', 'CRP/43 ¶¶ 26–[[2|8]]'),
  no28('parentheses', 'en', 'CRP/43 (para. [[2|8]])'),
  no28('parentheses', 'en', 'CRP/43 (§§ 26–[[2|8]])'),
  no28('sub-paragraph words', 'en', 'subparagraph (b) of paragraph [[2|8]] of CRP/43'),
  no28('ranges and lists', 'en', 'CRP/43, paragraphs 26 through [[2|8]]'),
  no28('ranges and lists', 'en', 'CRP/43 §26 - §[[2|8]]'),
  no28('ranges and lists', 'en', 'CRP/43 §26–§[[2|8]]'),
  no28('ranges and lists', 'en', 'CRP/43, paras. 9, 10 & [[2|8]]'),

  // A letter after its number is reported with the number, as `6(d)` is.
  no6d('UN letters', 'fr', 'CRP/43, par. [[6 |d)]]'),
  no6d('UN letters', 'es', 'CRP/43, párr. [[6 |d)]]'),
  // A letter alone is reported alone, as `(d)` is in `§6(a) and (d)`.
  no6d('UN letters', 'fr', 'CRP/43, paragraphe 6 a) et [[|d)]]', 'd'),
  no6d('UN letters', 'es', 'CRP/43, párrafo 6 a) y [[|d)]]', 'd'),
  no6d('UN letters', 'fr', 'CRP/43, par. 6 a) à [[|d)]]', 'd'),
  // In words: from the reference's first word to the letter's end, as the server reports
  // it today. (Open question: when the sub-paragraph word comes first, should the finding
  // also cover `of paragraph 6`, as it covers `6, ` when the number comes first?)
  no6d('sub-paragraph words', 'en', '[[subparagraph (|d)]] of paragraph 6 of CRP/43'),
  no6d('sub-paragraph words', 'en', 'CRP/43, paragraph [[6, subparagraph (|d)]]'),
  no6d('sub-paragraph words', 'fr', '[[alinéa |d)]] du paragraphe 6 du document CRP/43'),
  no6d('sub-paragraph words', 'es', '[[apartado |d)]] del párrafo 6 del documento CRP/43'),
  no6d('sub-paragraph words', 'es', 'CRP/43, párrafo [[6, inciso |d)]]'),
  no6d('upper-case letter', 'en', 'CRP/43 §[[6(|D)]]', 'D'),

  no7('en', 'CRP/43, footnote [[|7]]'),
  no7('en', 'CRP/43, note [[|7]]'),
  no7('en', 'CRP/43, n. [[|7]]'),
  no7('en', 'CRP/43, fn. [[|7]]'),
  no7('fr', 'CRP/43, note [[|7]]'),
  no7('es', 'CRP/43, nota [[|7]]'),
  no7('es', 'CRP/43, nota al pie [[|7]]'),
  // After a paragraph, the hover names the paragraph; the finding says the paper has no note 7.
  no7('en', 'CRP/43 §5 n. [[|7]]', { note: '7', of: '5' }),
  // Note 2 exists, but is called from 5(a), not from paragraph 9.
  { group: 'footnotes', lang: 'en', source: 'CRP/43 §9 n. [[|2]]', code: UNKNOWN_NOTE, token: '2', missing: { note: '2', of: '9' } },
  { group: 'footnotes', lang: 'fr', source: 'CRP/43, par. 9 n. [[|2]]', code: UNKNOWN_NOTE, token: '2', missing: { note: '2', of: '9' } },
  { group: 'footnotes', lang: 'es', source: 'CRP/43, párr. 9 n. [[|2]]', code: UNKNOWN_NOTE, token: '2', missing: { note: '2', of: '9' } },
];

function missingMessage(missing: Missing, lang: Lang): string {
  const w = WORDS[lang];
  if ('paragraph' in missing) return w.noParagraph(missing.paragraph);
  return 'of' in missing ? w.noteNotIn(missing.of, missing.note) : w.noNote(missing.note);
}

const brokenName = (b: Broken) => `${b.group} (${b.lang}): ${plain(b.source)}`;

function findingsOf(b: Broken) {
  const f = parseFixture(BEFORE[b.lang] + b.source + AFTER[b.lang]);
  const findings = checkDraft(draftOf(f.text), corpus);
  return { f, findings, codes: findings.map((x) => x.code), spans: findings.map((x) => ({ start: x.start, end: x.end })) };
}

describe('a broken variant gets one finding, over exactly the faulty reference', () => {
  it.each(BROKEN.filter((b) => !b.bug).map((b) => [brokenName(b), b] as const))('%s', (_n, b) => {
    const { f, codes, spans } = findingsOf(b);
    expect(codes).toEqual([b.code]);
    expect(spans).toEqual(f.ranges);
  });


  it('even with a bug in its range, each of those has the one right code', () => {
    for (const b of BROKEN.filter((x) => x.bug)) expect(findingsOf(b).codes, b.source).toEqual([b.code]);
  });

  it('the footnote findings say what is wrong, in the three languages', () => {
    const [unknown] = findingsOf(no7('en', 'CRP/43, note [[7]]')).findings;
    expect(messageOf(unknown!, t.en)).toBe('CRP/43 has no footnote 7: its footnotes run from 1 to 5.');
    expect(messageOf(unknown!, t.fr)).toBe('Le document CRP/43 n’a pas de note 7 : ses notes vont de 1 à 5.');
    expect(messageOf(unknown!, t.es)).toBe('El documento CRP/43 no tiene la nota 7: sus notas van de la 1 a la 5.');
    const [elsewhere] = checkDraft(draftOf('CRP/43 §9 n. 2'), corpus);
    expect(messageOf(elsewhere!, t.en)).toBe('Footnote 2 of CRP/43 is called from paragraph 5(a), not 9.');
    expect(messageOf(elsewhere!, t.fr)).toBe('La note 2 du document CRP/43 est appelée au paragraphe 5(a), et non au paragraphe 9.');
    expect(messageOf(elsewhere!, t.es)).toBe('La nota 2 del documento CRP/43 se llama en el párrafo 5(a), no en el 9.');
  });

  it('the sub-paragraph findings name the paragraph and its letters', () => {
    for (const b of BROKEN.filter((x) => x.code === UNKNOWN_SUB)) {
      const [finding] = findingsOf(b).findings;
      expect(messageOf(finding!, t.en), b.source).toBe('Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).');
    }
  });
});

describe.each(LANGS)('hovering the faulty token, in the %s interface', (lang) => {
  it.each(BROKEN.map((b) => [brokenName(b), b] as const))('%s', (_n, b) => {
    const f = parseFixture(BEFORE[b.lang] + b.source + AFTER[b.lang]);
    const cursor = cursorOf(f);
    const { hover: h, definition: d } = at(f.text, cursor, lang);
    expect(h).toBeDefined();
    expect(f.text.slice(h!.start, h!.end)).toBe(b.token);
    expect(h!.start).toBeLessThanOrEqual(cursor);
    expect(h!.end).toBeGreaterThanOrEqual(cursor);
    expect(h!.markdown).toBe(missingMessage(b.missing, lang));
    expect(d).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
// Completion: what is offered, and that each item, once accepted, is read as what it names.

type Offer = 'paragraphs' | 'footnotes' | 'nothing' | 'only what is read';
interface Completion {
  source: string;
  offers: Offer;
  bug?: string;
}

const PARAGRAPH_LABELS = Array.from({ length: 27 }, (_, i) => String(i + 1));
const FOOTNOTE_LABELS = ['1', '2', '3', '4', '5'];

const COMPLETIONS: Completion[] = [
  ...[
    'CRP/43, paragraph |',
    'CRP/43, paragraphs |',
    'CRP/43, para |',
    'CRP/43, paras |',
    'CRP/43, Para. |',
    'CRP/43, PARAS. |',
    'CRP/43 ¶ |',
    'CRP/43 ¶¶ |',
    'CRP/43 at para. |',
    'CRP/43: §|',
    'CRP/43, au paragraphe |',
    'CRP/43, en los párrafos |',
    'CRP/43, paragraphe |',
    'CRP/43, paragraphes |',
    'CRP/43, párr |',
    'CRP/43, párrs |',
    'CRP/43, párrafo |',
    'CRP/43, párrafos |',
    'CRP/43, paras 9 and |',
    'CRP/43, PARAS. 9–|',
    'CRP/43, párrs 9 y |',
    'CRP/43, párrs. 19 a |',
    'CRP/43 ¶¶ 9–|',
    'CRP/43, paragraphs 9 through |',
    'CRP/43 §9 - §|',
    'CRP/43 §9–§|',
    'CRP/43, paras. 9, 10 & |',
    // Without the symbol, in a draft that names the paper before.
    '# Comments on CRP/43\n\nWe welcome para |',
    'Le document CRP/43 est clair.\n\nVoir les paragraphes 9 et |',
    'Sobre el CRP/43: véanse los párrafos 18 al |',
  ].map((source): Completion => ({ source, offers: 'paragraphs' })),
  ...[
    'CRP/43, note |',
    'CRP/43, footnote |',
    'CRP/43, n. |',
    'CRP/43, fn. |',
    'CRP/43 §5 n. |',
    'CRP/43, note de bas de page |',
    'CRP/43, nota |',
    'CRP/43, nota al pie |',
    'CRP/43 §9 and note |',
    'Le document CRP/43 est clair.\n\nVoir la note |',
  ].map((source): Completion => ({ source, offers: 'footnotes' })),
  // Without the symbol, and no paper named before, or another text named in the same paragraph.
  ...['We welcome para |', 'On CRP/43, later.\n\nThe report A/68/190 (para |'].map((source): Completion => ({ source, offers: 'nothing' })),

  { source: 'CRP/43 (para. |', offers: 'paragraphs', bug: 'nothing is offered inside the parentheses the grammar reads (`CRP/43 (para. 9)`)' },
  { source: 'CRP/43 (§§ 9–|', offers: 'paragraphs', bug: 'nothing is offered inside the parentheses the grammar reads (`CRP/43 (§§ 9–11)`)' },
  { source: 'CRP/43 (note |', offers: 'footnotes', bug: 'nothing is offered inside the parentheses the grammar reads' },
  { source: 'CRP/43, par. 18 à |', offers: 'paragraphs', bug: 'nothing after the French range word `à` (`\\bà` never matches after a space)' },
  { source: 'CRP/43, paragraphes 14 à |', offers: 'paragraphs', bug: 'nothing after the French range word `à`' },
  { source: 'CRP/43, notes 2 and |', offers: 'footnotes', bug: 'paragraphs are offered where the grammar reads a note' },
  { source: 'CRP/43, footnotes 2 and |', offers: 'footnotes', bug: 'paragraphs are offered where the grammar reads a note' },
  { source: 'CRP/43, nn. 2–|', offers: 'footnotes', bug: 'paragraphs are offered where the grammar reads a note' },
  { source: 'ICRP/43 §|', offers: 'nothing', bug: 'CRP/43’s paragraphs are offered after another paper’s symbol' },
  { source: 'A/CRP/43 §|', offers: 'nothing', bug: 'CRP/43’s paragraphs are offered after another paper’s symbol' },
  { source: 'XCRP/43, note |', offers: 'nothing', bug: 'CRP/43’s footnotes are offered after another paper’s symbol' },
  { source: 'CRP/43 §9, |', offers: 'only what is read', bug: 'after a singular mark, paragraphs are offered that the grammar does not read (`§6, 7` cites 6)' },
  { source: 'CRP/43, paragraph 9 and |', offers: 'only what is read', bug: 'after a singular mark, paragraphs are offered that the grammar does not read' },
  { source: 'CRP/43, paragraphe 24 a) et |', offers: 'only what is read', bug: 'after a singular mark, paragraphs are offered that the grammar does not read (only `c)` would be)' },
];

/** Accepts a completion item as an editor does, and asks the hover what the inserted text means. */
function accept(text: string, item: { start: number; end: number; insertText: string }, lang: Lang) {
  const after = text.slice(0, item.start) + item.insertText + text.slice(item.end);
  // On the inserted number or letter itself (for `b)`, the letter).
  return at(after, item.start, lang).hover;
}

function expectedTitle(target: { paragraph?: number; letter?: string; note?: number }, lang: Lang): string {
  if (target.note !== undefined) return title(`n${target.note}`, lang);
  return title(target.letter ? `${target.paragraph}(${target.letter})` : String(target.paragraph), lang);
}

function checkCompletion(c: Completion, lang: Lang) {
  const f = parseFixture(c.source);
  const cursor = cursorOf(f);
  const { items } = at(f.text, cursor, lang).completion;
  if (c.offers === 'paragraphs') {
    expect(items.map((i) => i.label)).toEqual(PARAGRAPH_LABELS);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['paragraph']));
  } else if (c.offers === 'footnotes') {
    expect(items.map((i) => i.label)).toEqual(FOOTNOTE_LABELS);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['footnote']));
    for (const i of items) {
      expect(i.detail.startsWith(`${title(`n${i.label}`, lang)} — `), i.detail).toBe(true);
      expect(i.documentation).toContain(paper.footnote(Number(i.label))!.text.slice(0, 30));
    }
  } else if (c.offers === 'nothing') {
    expect(items).toEqual([]);
  }
  // Whatever is offered, accepted, is read as the passage it names: a number completion offers
  // and the grammar then ignores would leave the writer believing it is cited and checked.
  for (const item of items) {
    expect({ start: item.start, end: item.end }).toEqual({ start: cursor, end: cursor });
    const h = accept(f.text, item, lang);
    expect(h, `${c.source} + ${item.insertText}`).toBeDefined();
    expect(titles(h!.markdown), `${c.source} + ${item.insertText}`).toEqual([expectedTitle(item.target, lang)]);
  }
}

describe.each(LANGS)('completion, in the %s interface', (lang) => {
  it.each(COMPLETIONS.filter((c) => !c.bug).map((c) => [c.source, c] as const))('%s', (_s, c) => checkCompletion(c, lang));

  it.each(COMPLETIONS.filter((c) => c.bug).map((c) => [c.source, c.bug!, c] as const))('%s (was: %s)', (_s, _b, c) => checkCompletion(c, lang));

  it('after a UN-style letter and a separator, that paragraph’s letters, then (French `par.` heads lists) paragraphs', () => {
    const labels = (source: string) => at(parseFixture(source).text, cursorOf(parseFixture(source)), lang).completion.items.map((i) => i.label);
    expect(labels('CRP/43, par. 24 a) et |')).toEqual(['a)', 'b)', 'c)', ...PARAGRAPH_LABELS]);
    expect(labels('CRP/43, paragraphe 24 a) et |')).toEqual(['a)', 'b)', 'c)']);
    expect(labels('CRP/43, párrafo 5 a) y |')).toEqual(['a)', 'b)', 'c)']);
  });

  it('a note number being typed filters the footnotes', () => {
    const f = parseFixture('CRP/43, nota al pie 3|');
    const { items } = at(f.text, cursorOf(f), lang).completion;
    expect(items.map((i) => [i.label, i.start, i.end])).toEqual([['3', f.text.length - 1, f.text.length]]);
  });
});

// ---------------------------------------------------------------------------------------
// What must never be read.

describe('never read', () => {
  it.each([
    ['CRP/43, paragraph [[6]], 2013', '2013'],
    ['CRP/43 §[[6]], 12 countries', '12'],
    ['CRP/43, para. [[6]], 22/11', '22'],
    ['paragraph [[6]] of CRP/43, 2013', '2013'],
    ['CRP/43, par. [[6]], 22/11', '22'],
    ['CRP/43, párrafo [[6]], 2013', '2013'],
    // Another text's paragraph with its own mark after the list word, named in words or by
    // its symbol (the paper's own symbol there ends the list: `§6 and §7 of CRP/43`).
    ['CRP/43, para. [[6]], and paragraph 5 of the resolution', '5'],
    ['CRP/43 §[[6]] and para. 12(a) of A/68/190', '12'],
    // Days of a month after a list word (audit 21).
    ['CRP/43, par. [[6]], 3 et 4 octobre 2013', '3'],
    // … and after `or`, a year, a count or a date (audit 62).
    ['CRP/43, para. [[6]] or 2013', '2013'],
    ['CRP/43 §[[6]] or 12 countries', '12'],
    ['CRP/43, par. [[6]] ou 3 octobre', '3'],
  ])('%s: one reference, 6, and no finding', (source, prose) => {
    const f = parseFixture(`In ${source} the Council met.`);
    const draft = draftOf(f.text);
    const citations = draft.citations();
    expect(citations).toHaveLength(1);
    expect(tokensOf(citations[0]!).map(({ start, end }) => ({ start, end }))).toEqual(f.ranges);
    expect(checkDraft(draft, corpus)).toEqual([]);
    const { hover: h } = at(f.text, f.ranges[0]!.start);
    expect(titles(h!.markdown)).toEqual(['Paragraph 6']);
    // The year, the date or the count is no target.
    const proseAt = f.text.indexOf(prose, f.ranges[0]!.end);
    expect(at(f.text, proseAt + 1).hover).toBeUndefined();
    expect(at(f.text, proseAt + 1).definition).toBeUndefined();
    // The symbol's hover lists paragraph 6 alone.
    expect(titles(at(f.text, f.text.indexOf('CRP/43') + 1).hover!.markdown)).toEqual(['Paragraph 6']);
  });

  it.each([
    // Not the paper's paragraph: of something else, or not a description of it.
    'paragraph 9 in the light of the report (CRP/43)',
    'paragraph 9 of its resolution and the report (CRP/43)',
    'paragraph 9 of the report on the situation of migrants in the region (CRP/43)',
    'paragraph 9 of the report, (CRP/43)',
    'le paragraphe 9 et le rapport (CRP/43)',
    'paragraph 9 of the report (CRP/43, annex)',
    'CRP/43 at 9 a.m.',
    // A verb without commas: the paper cited, or another text's paragraph.
    'CRP/43 cited in paragraph 9',
    'CRP/43 is quoted in paragraph 9',
    'CRP/43 was discussed in paragraph 9 of the report',
    'CRP/43 est mentionné au paragraphe 9',
    'CRP/43 y figure au paragraphe 9 de la résolution',
    'CRP/43 citado en el párrafo 9',
  ])('%s: no citation', (text) => {
    const draft = draftOf(`See ${text} here.`);
    expect(draft.citations()).toEqual([]);
    expect(at(`See ${text} here.`, `See ${text}`.indexOf('9')).hover).toBeUndefined();
  });

  it.each(['ICRP/43 §9', 'CRP/430 §9', 'XCRP/43 §9', 'A/CRP/43 §9', 'paragraph 9 of XCRP/43', 'paragraph 9 of CRP/430', 'CRP/430, note 2', 'paragraph 9 of the report (CRP/430)', 'paragraph 9 of the report (XCRP/43)'])('%s: no citation, no hover, no finding', (text) => {
    const draft = draftOf(`See ${text} here.`);
    expect(draft.citations()).toEqual([]);
    expect(checkDraft(draft, corpus)).toEqual([]);
    const nine = `See ${text}`.search(/\d+$/);
    for (const offset of [nine, nine + 1, 4, 6]) {
      expect(at(`See ${text} here.`, offset).hover).toBeUndefined();
      expect(at(`See ${text} here.`, offset).definition).toBeUndefined();
    }
  });

  const wrappings: Array<[string, (s: string) => string]> = [
    ['a code span', (s) => `Write \`${s}\` like this.`],
    ['a double-backtick code span', (s) => `Write \`\` ${s} \`\` like this.`],
    ['a fenced block', (s) => `Like this:\n\n\`\`\`\n${s}\n\`\`\`\n`],
    ['a fenced block with a language', (s) => `Like this:\n\n~~~markdown\n${s}\n~~~\n`],
    ['an unclosed fence', (s) => `Like this:\n\n\`\`\`\n${s}\n`],
  ];

  describe.each(wrappings)('in %s', (_w, wrap) => {
    it.each(FORMS.map((f) => [name(f), f] as const))('%s: nothing', (_n, f) => {
      const source = wrap(f.source);
      const fx = parseFixture(source);
      const draft = draftOf(fx.text);
      expect(draft.citations()).toEqual([]);
      for (const range of fx.ranges) {
        for (const offset of [range.start, range.end]) {
          const r = at(fx.text, offset);
          expect(r.hover).toBeUndefined();
          expect(r.definition).toBeUndefined();
          expect(r.completion.items).toEqual([]);
        }
      }
      const symbol = fx.text.indexOf('CRP/43') + 2;
      expect(at(fx.text, symbol).hover).toBeUndefined();
    });

    it.each(BROKEN.map((b) => [brokenName(b), b] as const))('%s: no finding', (_n, b) => {
      const text = wrap(plain(b.source));
      expect(checkDraft(draftOf(text), corpus)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------
// Drafts as writers send them (test/fixtures/forms/): every form in running prose.

describe('drafts written with the new forms', () => {
  const expected: Record<string, string[]> = {
    'briefing-en.md': [
      'paragraph 9 of CRP/43',
      'paragraphs 14 to 16 of document CRP/43',
      'para. 20 of CRP/43',
      'CRP/43, para 9',
      'CRP/43, paras 9 and 10',
      'CRP/43,\nPara. 9',
      'CRP/43, PARAS. 9–10',
      'CRP/43 ¶ 9',
      'CRP/43 ¶¶ 9–11',
      'CRP/43 (para. 9',
      'CRP/43 (§§ 9–11',
      'subparagraph (b) of paragraph 5 of CRP/43',
      'CRP/43, paragraph 5, subparagraph (b)',
      'CRP/43 §5(B)',
      'CRP/43, paragraphs 9 through 11',
      'CRP/43 §9 - §11',
      'CRP/43 §9–§11',
      'CRP/43, paras. 9, 10 & 12',
      'CRP/43, footnote 2',
      'CRP/43, note 2',
      'CRP/43, n. 2',
      'CRP/43, fn. 2',
      'CRP/43 §5 n. 2',
      'CRP/43, paragraph 6',
      'CRP/43 §6',
      'CRP/43, para. 6',
    ],
    'note-fr.md': [
      'paragraphe 9 du document CRP/43',
      'paragraphes 14 à 16 de\nCRP/43',
      'CRP/43, par. 24 a)',
      'CRP/43, paragraphe 24 a) et c)',
      'alinéa b) du paragraphe 5 du document CRP/43',
      'CRP/43, note 2',
      'CRP/43, par. 6',
    ],
    'nota-es.md': [
      'párrafo 9 del documento CRP/43',
      'párrafos 14 a 16\ndel documento CRP/43',
      'CRP/43, párr 9',
      'CRP/43, párrs 9 y 10',
      'CRP/43, párr. 5 b)',
      'CRP/43, párrafo 5 a) y b)',
      'apartado b) del párrafo 5 del documento CRP/43',
      'CRP/43, párrafo 5, inciso b)',
      'CRP/43, nota 2',
      'CRP/43, nota al pie 2',
    ],
  };
  const langOf: Record<string, Lang> = { 'briefing-en.md': 'en', 'note-fr.md': 'fr', 'nota-es.md': 'es' };

  it.each(Object.keys(expected))('%s: every citation read as written, code left alone, no finding', (file) => {
    const text = readFileSync(join(forms, file), 'utf8');
    const draft = draftOf(text);
    expect(draft.citations().map((c) => text.slice(c.start, c.end))).toEqual(expected[file]);
    expect(checkDraft(draft, corpus)).toEqual([]);
  });

  it.each(Object.keys(expected))('%s: every number, letter and note hovers to its passage, and leads to it', (file) => {
    const text = readFileSync(join(forms, file), 'utf8');
    const lang = langOf[file]!;
    for (const c of draftOf(text).citations()) {
      for (const token of tokensOf(c)) {
        const { hover: h, definition: d } = at(text, token.start, lang);
        const where = `${text.slice(c.start, c.end)} at ${token.start}`;
        expect({ start: h!.start, end: h!.end }, where).toEqual({ start: token.start, end: token.end });
        expect(titles(h!.markdown), where).toHaveLength(1);
        expect(d, where).toBeDefined();
        expect(renderingLines[d!.line], where).toMatch(/^(?:\*\*\d+\.\*\* |- \*\*\([a-z]\)\*\* |[¹²³⁴⁵] )/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------
// Properties: drafts assembled at random from prose, code and the forms.

const FORM_TEXTS = FORMS.map((f) => ({ text: plain(f.source), written: f.written }));
const PROSE = [
  'The Administration agreed',
  'In 2013, 12 countries met',
  'Le Conseil en a pris note',
  'El Consejo tomó nota',
  'CRP/43 was presented to the Council',
  'ICRP/43 §9 and XCRP/43 §9 are other papers',
  '(a) first, (b) second',
  'see note below',
];
const CODE_SPANS = ['`CRP/43 §28`', '``paragraph 28 of CRP/43``', '`CRP/43, note 7`', '`x`', '`§§ 9–11`', '`of CRP/43`', '`CRP/43`'];
const FENCES = ['```\nCRP/43 §28\nparagraph 28 of CRP/43\n```', '~~~md\nsubparagraph (d) of paragraph 6 of CRP/43\n~~~', '```\nCRP/43, nota 7\n```'];
/** Each ends the citation before it. */
const SEPARATORS = ['. ', '; ', '.\n', '\n\n'];

type Segment = { kind: 'form'; text: string; written: string } | { kind: 'prose' | 'code' | 'fence'; text: string };

const segment: fc.Arbitrary<Segment> = fc.oneof(
  fc.constantFrom(...FORM_TEXTS).map((f): Segment => ({ kind: 'form', ...f })),
  fc.constantFrom(...PROSE).map((text): Segment => ({ kind: 'prose', text })),
  fc.constantFrom(...CODE_SPANS).map((text): Segment => ({ kind: 'code', text })),
  fc.constantFrom(...FENCES).map((text): Segment => ({ kind: 'fence', text })),
);

/** Joins segments, each after a separator (a fence on lines of its own); returns where the code went. */
function assemble(parts: Array<[string, Segment]>) {
  let text = '';
  const code: Array<{ start: number; end: number }> = [];
  const written: string[] = [];
  for (const [separator, s] of parts) {
    if (s.kind === 'fence') {
      text += `${separator}\n`;
      code.push({ start: text.length, end: text.length + s.text.length });
      text += `${s.text}\n`;
      continue;
    }
    text += separator;
    if (s.kind === 'code') code.push({ start: text.length, end: text.length + s.text.length });
    if (s.kind === 'form') written.push(s.written);
    text += s.text;
  }
  return { text, code, written };
}

/** Offsets inside the text, and the tokens are what is written there. */
function expectWithin(text: string, c: Citation) {
  const inside = (start: number, end: number) => 0 <= start && start <= end && end <= text.length;
  expect(inside(c.start, c.end) && c.start < c.end).toBe(true);
  expect(inside(c.symbolStart, c.symbolEnd)).toBe(true);
  // A reference without a symbol (`§9` after `CRP/43 \`x\``) has an empty one, where it starts.
  expect(text.slice(c.symbolStart, c.symbolEnd)).toBe(c.bare ? '' : 'CRP/43');
  // Every citation has a mark but a sub-paragraph named without its paragraph (`inciso b)`)
  // and a paragraph's sub-paragraph written with no mark (`24(a)`), both without the symbol.
  const mark = c.mark;
  if (!mark) expect(c.bare && c.items.every((item) => (item.from.number ? item.from.sub : item.from.inherits))).toBe(true);
  else {
    expect(inside(mark.start, mark.end)).toBe(true);
    expect(text.slice(mark.start, mark.end)).toBe(mark.text);
    expect(mark.start >= c.start && mark.end <= c.end).toBe(true);
  }
  expect(c.symbolStart >= c.start && c.symbolEnd <= c.end).toBe(true);
  for (const item of c.items) {
    expect(inside(item.start, item.end) && item.start >= c.start && item.end <= c.end).toBe(true);
    for (const ref of item.to ? [item.from, item.to] : [item.from]) {
      expect(inside(ref.start, ref.end)).toBe(true);
      for (const n of [ref.number, ref.note, ref.inherits]) {
        if (!n) continue;
        expect(inside(n.start, n.end)).toBe(true);
        expect(text.slice(n.start, n.end)).toBe(n.text);
      }
      if (ref.sub) {
        expect(inside(ref.sub.start, ref.sub.end)).toBe(true);
        expect(text.slice(ref.sub.start, ref.sub.end).toLowerCase()).toBe(ref.sub.letter);
      }
    }
  }
}

function expectNoCitationInCode(text: string, draft: DraftIndex, code: Array<{ start: number; end: number }>) {
  for (const c of draft.citations()) {
    expectWithin(text, c);
    const written = JSON.stringify(text.slice(c.start, c.end));
    for (const k of code) expect(c.end <= k.start || c.start >= k.end, `${written} overlaps code at ${k.start}`).toBe(true);
    for (let o = c.start; o < c.end; o++) expect(draft.inCode(o), `${written} is in code at ${o}`).toBe(false);
  }
}

describe('properties of drafts made of prose, code and the forms', () => {
  const draftArbitrary = fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), segment), { minLength: 1, maxLength: 14 });

  it('no citation overlaps code, every offset lies in the document, and each form is read once, as written', () => {
    fc.assert(
      fc.property(draftArbitrary, (parts) => {
        const { text, code, written } = assemble(parts);
        const draft = draftOf(text);
        expectNoCitationInCode(text, draft, code);
        expect(draft.citations().map((c) => text.slice(c.start, c.end))).toEqual(written);
        // Every code span and fence inserted is code to the index too.
        for (const k of code) expect(draft.inCode(k.start + 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // A code span written between a citation's parts (`CRP/43 \`x\` §9`,
  // `paragraph 9 \`x\` of CRP/43`, `CRP/43 §§6, \`x\` 7`) ends the citation.
  it('no citation reaches across a code span written inside it', () => {
    const inside = fc
      .record({ form: fc.constantFrom(...FORM_TEXTS.map((f) => f.text)), at: fc.nat(), code: fc.constantFrom(...CODE_SPANS) })
      .map(({ form: text, at: n, code: span }) => {
        const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
        const i = spaces.length === 0 ? text.length : spaces[n % spaces.length]!;
        const before = `See ${text.slice(0, i)} `;
        return { text: `${before}${span}${text.slice(i)}.`, code: [{ start: before.length, end: before.length + span.length }] };
      });
    fc.assert(
      fc.property(inside, ({ text, code }) => expectNoCitationInCode(text, draftOf(text), code)),
      {
        numRuns: 200,
        examples: [
          [{ text: 'See CRP/43 `x` §9.', code: [{ start: 11, end: 14 }] }],
          [{ text: 'See paragraph 9 `x` of CRP/43.', code: [{ start: 16, end: 19 }] }],
          [{ text: 'See CRP/43 §§6, `x` 7.', code: [{ start: 16, end: 19 }] }],
        ],
      },
    );
  });
});

describe('references without a symbol, in a draft that names the paper before them', () => {
  // What a writer writes all through a note about one paper: the symbol once, bare marks after.
  const cases: Array<[Lang, string, string[]]> = [
    ['en', '# Comments on CRP/43\n\nWe welcome para [[9]] and paras [[13]] and [[14]].', ['9', '13', '14']],
    ['en', 'The paper (CRP/43) is clear.\n\n- Stranded migrants: see ¶ [[6]]([[c]]) and footnote [[3]].', ['6', '6(c)', 'n3']],
    ['en', 'As CRP/43 §1 recalls, paragraph [[6]] of the paper lists three points.', ['6']],
    // A participle of citing after something else than the paper: the paper's paragraph.
    ['en', 'CRP/43 §1 aside, the fund mentioned in subparagraph ([[a]]) of paragraph [[24]] matters.', ['24(a)', '24']],
    // Another text named in passing in an earlier list item does not change the paper.
    ['en', 'On CRP/43:\n\n- The Declaration (resolution 68/4) was adopted.\n- As para [[8]] puts it, no mechanism.', ['8']],
    // English `para` before a verb in -es, not the Spanish preposition before a count.
    ['en', 'On CRP/43: as para [[8]] notes, see para [[9]] describes, (para [[10]]) makes.', ['8', '9', '10']],
    ['es', 'Sobre el CRP/43, véanse los párrafos [[18]] al [[21]].', ['18', '21']],
    // Bullets pasted from a word processor start a sentence and an item: another text named in the item before is not this one's (audit 48).
    ['es', 'Documento CRP/43.\r\n\r\n•\tCrisis: párrs. [[13]] y [[14]]. Recordamos que la Declaración (párrafo 8 de la resolución 68/4) se refiere a ellos.\r\n•\tDatos: párrs. [[18]] a [[21]].', ['13', '14', '18', '21']],
    ['fr', 'Le document CRP/43 le dit.\n\nVoir le §[[23]] in fine.', ['23']],
    // A table column whose header names the paper: its cells' numbers are its paragraphs.
    ['fr', 'Tableau :\n\n\\| Point \\| Réf. CRP/43 \\|\n\\| --- \\| --- \\|\n\\| Forum \\| [[11]]–[[12]] \\|\n\\| Lettres \\| [[24]] [[a]]), [[b]]) \\|\n\\| Pays \\| [[15]] (50 pays) \\|', ['11', '12', '24', '24(a)', '24(b)', '15']],
    // A cell that a reference without the symbol starts (`6(b)`) read as the column's; another
    // column's cell that names a text before its reference is that text's (audit 46).
    ['en', 'On CRP/43:\n\n\\| Theme \\| CRP/43 para(s) \\| Other references \\|\n\\| --- \\| --- \\| --- \\|\n\\| Rights \\| [[6]]([[a]]) \\| Declaration, para. 8 \\|\n\\| Post-2015 \\| [[6]]([[b]]), [[11]]–[[12]] \\| Council report, para. 12 \\|', ['6', '6(a)', '6', '6(b)', '11', '12']],
    // A list of notes, French articles before notes, `Subparagraph 6(c)`.
    ['fr', 'Le document CRP/43 :\n\n- Note [[2]] : le rapport.\n- Le texte des notes [[4]] et [[5]], renvoi aux notes [[1]] à [[3]].', ['n2', 'n4', 'n5', 'n1', 'n3']],
    // A pronoun after a sentence with the paper as its subject (audit 28's counterpart).
    ['en', 'See CRP/43, para. [[24]].\n\nCRP/43 is short. It states (¶ [[8]]) that the work starts.', ['24', '8']],
    // The paper as the subject after a possessive: in a relative clause, in a parenthesis,
    // across a line break (audits 27 and 28).
    ['es', 'Sobre CRP/43.\n\nOtros: GMG y CEB (véase su párrafo [[24]], donde el documento se pregunta si la OIM seguirá).', ['24']],
    ['es', 'Véase CRP/43, párr. [[1]].\n\n1.2 El documento se presentó junto con el documento CRP/44. En su párrafo [[2]], el\ndocumento CRP/43 anuncia tres partes.', ['1', '2']],
    // A sub-paragraph alone in the paragraph after one that ends on a citation (audit 27).
    ['es', 'Sobre CRP/43.\n\nEl documento subraya que los derechos son centrales\n(párr. [[6]] [[a]])).\n\nTambién destacamos el inciso [[b]]). Según el documento, “More than 50\ndelegations referred explicitly to the need to consider migration” ([[ibíd.]]).', ['6', '6(a)', '6(b)', '6(b)']],
    // A letter alone after a short form, in a table cell or a parenthesis (audit 27).
    ['fr', 'Voir CRP/43.\n\n\\| Thème \\| Réf. \\|\n\\|---\\|---\\|\n\\| Après-2015 \\| par. [[12]] [[a]]) et [[c]]) \\|\n\\| Recherche \\| [[ibid., b)]] \\|', ['12', '12(a)', '12(c)', '12(b)']],
    ['en', 'See CRP/43, para. [[24]]. The group ([[Ibid., b)]]) meets.', ['24', '24(b)']],
    // Letters of the paragraph cited before, in a list item of their own or after `ibíd., inciso b)` (audit 25).
    ['es', 'Sobre el CRP/43, véase el párr. [[6]].\n\n- los migrantes varados (inciso [[c]]) del mismo párrafo).', ['6', '6(c)']],
    ['es', 'Sobre el CRP/43.\n\nEntre los mensajes clave (párr. [[6]]), destacan:\n\n- los derechos (párr. [[6]] [[a]]));\n- la agenda (*[[ibíd.*, inciso b)]]);\n- los migrantes varados (inciso [[c]]) del mismo párrafo).', ['6', '6', '6(a)', '6(b)', '6(c)']],
    // Another text cited in the paragraph: the paragraph is the paper's that cites it (audit 25).
    ['fr', 'Le document CRP/43 est bref.\n\nNous saluons la Déclaration (A/RES/68/4), évoquée au paragraphe [[4]].', ['4']],
    ['en', 'On CRP/43.\n\nThe Declaration (A/RES/68/4) mentioned in paragraph [[4]] matters.', ['4']],
    // The paper as a translator names it (audit 26), whatever the sentence names.
    ['fr', 'Traduction du document CRP/43.\n\nSeule la version anglaise fait foi. La note [[2]] du texte anglais renvoie au rapport A/68/190.', ['n2']],
    ['es', 'Traducción del documento CRP/43.\n\nEl informe A/68/190 se cita en el párrafo [[2]] del texto inglés.', ['2']],
    // `loc. cit.`, the place cited last (audit 26), alone or with a new reference.
    ['fr', 'La délégation cite le document : « migration will increasingly be a subject » (CRP/43, par. [[23]]). Elle rappelle aussi que « many Member States called for greater United Nations involvement » ([[loc. cit.]]).', ['23', '23']],
    ['en', 'See CRP/43, para. [[23]]; loc. cit., para. [[24]]; op. cit., para. [[25]].', ['23', '24', '25']],
    // An author before `op. cit.`, cited before for the paper.
    ['es', '[^1]: Organización Internacional para las Migraciones (OIM), *Overview*, documento CRP/43 (Ginebra, 2013).\n\n[^2]: OIM, op. cit., párr. [[25]].', ['25']],
    // Another text cited in an earlier sentence of the paragraph does not make it that text's.
    ['fr', 'Le document CRP/43 est clair.\n\nLe rapport le dit (A/68/190, par. 106). Le paragraphe [[16]] le précise.', ['16']],
    ['en', 'CRP/43 §1 aside, the Fund (A/68/190, paras. 89–96) is, according to paragraph [[5]] ([[a]]) of the conference room paper, a sign.', ['5', '5(a)']],
    ['fr', 'Le document CRP/43 : voir le paragr. [[3]], et le par. [[24]], al. [[a]]) et [[c]]).', ['3', '24', '24(a)', '24(c)']],
    ['fr', 'Le document CRP/43 est clair.\n\nVoir le par. [[24]] [[a]]) et les alinéas [[b]]) et [[c]]) du paragraphe [[5]].', ['24', '24(a)', '5(b)', '5(c)', '5']],
    ['fr', 'Le document de séance CRP/43 :\n\n\\| Point \\| Réf. \\|\n\\| - \\| - \\|\n\\| Forum \\| § [[16]] \\|\n\\| Note \\| note [[4]] du même document \\|', ['16', 'n4']],
    ['es', 'Documento CRP/43.\n\nEl párrafo [[6]] [[c]]) y los párrafos [[18]] a [[21]] lo dicen.', ['6', '6(c)', '18', '21']],
    // Audit 3, read since: an English sentence's `para` before a word in -es, a mark glued
    // to its number, `of` before a clause, `in`/`en`/`dans` before no text, a paragraph's
    // line that starts with `10) ` (no list can start there).
    ['en', 'On CRP/43.\n\nColleague from Manila will raise para [[14]] themselves; we welcome para [[9]] outlines.', ['14', '9']],
    ['en', 'On CRP/43: we welcome IRIS (para[[16]]) and the assessment in para [[23]] of what the Dialogue meant.', ['16', '23']],
    ['es', 'Documento CRP/43.\n\n- Volveremos sobre el párrafo [[21]] en consultas informales, y el punto (párr.\n  [[10]]) y en las recomendaciones.', ['21', '10']],
    ['fr', 'Le document CRP/43.\n\nEt le par. [[21]] dans l’ensemble, et para [[22]] in the next session.', ['21', '22']],
    // Audit 7: sub-paragraphs named without their paragraph, the one cited just before in the sentence.
    ['es', 'Los derechos humanos (CRP/43, párr. [[6]], inciso [[a]])), el desarrollo después de 2015 (inciso [[b]])) y las crisis (inciso [[c]])).', ['6', '6(a)', '6(b)', '6(c)']],
    ['en', 'The advice in paragraph [[12]]([[a]]) of CRP/43, and the research mentioned in subparagraph ([[b]]) of that paragraph.', ['12', '12(a)', '12(b)']],
    ['fr', 'Les messages du paragraphe [[6]] du document CRP/43, notamment aux alinéas [[a]]) et [[c]]).', ['6', '6(a)', '6(c)']],
    ['es', 'El apartado [[a]]) del párrafo [[24]] del CRP/43 y los incisos [[b]]) y [[c]]) del mismo párrafo.', ['24(a)', '24', '24(b)', '24(c)']],
    // Or in the next sentence (audit 11).
    ['fr', 'Voir CRP/43, par. [[6]]. Le premier message est énoncé à l’alinéa [[a]]).', ['6', '6(a)']],
    ['en', 'See CRP/43, para. [[24]]. The working group is in subparagraph ([[a]]), the clarification in subparagraph ([[b]]).', ['24', '24(a)', '24(b)']],
    // In the next sentence, beside a sub-paragraph of the same paragraph named with it (audit 43).
    ['en', 'See CRP/43. Subparagraph ([[a]]) of paragraph [[24]] is the origin. Subparagraph ([[b]]) refers to policies, and subparagraph ([[c]]) of paragraph [[24]] to partnerships.', ['24(a)', '24', '24(b)', '24(c)', '24']],
    ['es', 'Véase CRP/43, párr. [[6]]. Los derechos humanos figuran en el inciso [[a]]).', ['6', '6(a)']],
    // After an aside with a year (not a work's imprint), and a possessive after `of the paper` (audit 12).
    ['en', 'CRP/43, para. [[13]] (2011), para. [[14]].', ['13', '14']],
    ['fr', 'Le document CRP/43 : § [[13]] (mécanisme de financement créé en 2011), § [[14]] (processus régionaux).', ['13', '14']],
    ['en', 'CRP/43 was discussed.\n\nSee paragraph [[26]] of the paper, and its paragraph [[12]].', ['26', '12']],
    // A text of the paper's before a comma (another text's after `of` is not: see `never read`).
    ['en', 'CRP/43 was discussed. The text of the paper, para. [[9]], says so.', ['9']],
    ['fr', 'Le document CRP/43 est clair : le texte du document, par. [[9]], le dit.', ['9']],
    // After an aside that cites another text with its own pinpoint (audits 11 and 12).
    ['fr', 'Voir le document CRP/43, en particulier la note [[2]] (rapport A/68/190, par. 86) et la note [[3]] (recommandations).', ['n2', 'n3']],
    ['en', 'See CRP/43, note [[2]] (A/68/190, para. 86) and note [[4]].', ['n2', 'n4']],
    ['en', 'See CRP/43, in particular note [[2]] (report A/68/190, para. 86) and note [[3]].', ['n2', 'n3']],
    // Or in a list after the citation and a colon (audit 11).
    ['fr', 'Trois messages (CRP/43, par. [[6]] [[a]]) à\n[[c]])) :\n\n- les droits des migrants (alinéa [[a]])) ;\n- les liens avec le développement (alinéa [[b]])).', ['6', '6(a)', '6(c)', '6(a)', '6(b)']],
    ['en', 'Three messages (CRP/43, para. [[6]]):\n\n1. migrants’ rights (subparagraph ([[a]]));\n2. crises (subparagraph ([[c]])).', ['6', '6(a)', '6(c)']],
    // A short form and a sub-paragraph: of the paragraph the citation before names (audit 8).
    ['fr', 'Voir CRP/43, par. [[12]] [[a]]). Id., al. [[b]]). Ibid., al. [[c]]).', ['12', '12(a)', '12(b)', '12(c)']],
    ['en', 'See CRP/43, para. [[12]]([[a]]) (id.,\n  subparas. ([[b]]) and ([[c]])).', ['12', '12(a)', '12(b)', '12(c)']],
    ['es', 'Véase CRP/43, párr. [[6]] [[a]]). Íd., apartado [[b]]).', ['6', '6(a)', '6(b)']],
    // … past the paper's notes named alone, the paragraph named before them (audit 64).
    ['en', 'Sub-paragraph ([[a]]) of paragraph [[5]] of CRP/43 lists them (see n. [[3]]), as did the Group (ibid., sub-para. ([[c]])).', ['5(a)', '5', 'n3', '5(c)']],
    // Labels of the paper's paragraphs, in notes that go through it (audit 8's translator).
    ['fr', 'Le document CRP/43.\n\n- **Par. [[1]]** : « truly a milestone » est rendu par « une étape ».\n- **Par. [[3]]** : conserver « the four round tables ».\n- **Note [[2]]** : conserver la cote A/68/190.', ['1', '3', 'n2']],
    // A possessive after the paper's symbol, in its sentence, with nothing named between (audit 7).
    ['es', 'El documento CRP/43 consta de 27 párrafos y cinco notas, como se indica en su párrafo [[2]].', ['2']],
    // Or opening the sentence after one that names the paper last (audit 13).
    ['en', 'See CRP/43, para. [[24]]. Its paragraph [[25]] is unequivocal.', ['24', '25']],
    ['fr', 'Le document CRP/43 présente les messages clés. Son paragraphe [[25]] est sans équivoque.', ['25']],
    ['es', 'El documento CRP/43, párr. [[24]], es claro. Su párrafo [[25]] es inequívoco.', ['24', '25']],
    // Audit 16: Spanish `letra a)`; a sub-paragraph word and its letter across a line break;
    // sub-paragraphs `del mismo párrafo` in the next sentence; a note in a task; a
    // possessive after a reference of its sentence.
    ['es', 'Véase CRP/43, párr. [[24]], letra [[a]]), y el párr. [[12]], letras [[a]]) a [[c]]).', ['24', '24(a)', '12', '12(a)', '12(c)']],
    ['es', 'Según el párrafo [[6]] del CRP/43: los derechos (inciso\n[[a]])), el vínculo (inciso [[b]])).', ['6', '6(a)', '6(b)']],
    ['es', 'Véase CRP/43.\n\nSobre el párr. [[24]], inciso [[a]]). Los incisos [[b]]) y [[c]]) del mismo párrafo tratan de las políticas.', ['24', '24(a)', '24(b)', '24(c)']],
    ['en', 'On CRP/43.\n\n- [ ] Note [[2]] cites A/68/190: keep its symbol.', ['n2']],
    ['fr', 'Voir CRP/43, par. [[2]].\n\nAu par. [[7]] on parle de cela, et dans son paragraphe [[8]] aussi.', ['2', '7', '8']],
    // A bare note after a verb that takes a noun, or a preposition (audit 15).
    ['en', 'On CRP/43.\n\nI assume they mean note [[5]], as it cites note [[2]] under note [[4]].', ['n5', 'n2', 'n4']],
    // The paper as the subject before the possessive, or right after its phrase (audit 15).
    ['en', 'On CRP/43.\n\nThe paper is structured in three parts, as set out in its paragraph [[2]].', ['2']],
    ['fr', 'Voir CRP/43, par. [[2]].\n\nDans son paragraphe [[7]], le CRP/43 reprend le texte.', ['2', '7']],
    ['en', 'On CRP/43.\n\nIn its paragraph [[8]], CRP/43 recalls the Declaration.', ['8']],
    // Or further in a sentence that names nothing before it, and of a note (audit 14).
    ['fr', 'Le document CRP/43 date de 2013. Comme le rappelle son paragraphe [[1]], le Dialogue a eu lieu.', ['1']],
    ['fr', 'Voir CRP/43, par. [[9]]. Son paragraphe [[10]] et sa note [[3]] le précisent.', ['9', '10', 'n3']],
    ['en', 'See CRP/43, para. [[24]]. Its note [[2]] is clear.', ['24', 'n2']],
    ['es', 'Véase el documento CRP/43. Como se indica en su nota [[2]], el Diálogo fue un éxito.', ['n2']],
    // Audit 16, read since: a possessive after the names of those who act or of an event
    // (the Administration, the Dialogue), not of a text; `de una guía` after it.
    ['es', 'Véase el documento CRP/43.\n\nLas propuestas relativas al párrafo [[24]], y a la neutralidad de la Administración expuesta en su párrafo [[25]].', ['24', '25']],
    ['fr', 'Le document de séance CRP/43 n’existe qu’en anglais. Il dresse le bilan du second Dialogue de haut niveau, et son paragraphe [[2]] en annonce le plan.', ['2']],
    ['es', 'Véase el documento CRP/43.\n\nEn el párr. [[18]] se habla de perfiles, y en su párrafo [[20]] de una guía práctica.', ['18', '20']],
    // The paragraph just cited named again in words; a sub-paragraph after them says it (audit 16).
    ['fr', 'Voir le document CRP/43.\n\nLe processus décrit au paragraphe [[14]] a reçu l’appui de\nl’Administration, mentionné à la fin de [[ce même\nparagraphe]].', ['14', '14']],
    ['es', 'Véase CRP/43, párr. [[14]]. El apoyo de la Administración figura al final de\n[[ese mismo párrafo]].', ['14', '14']],
    ['en', 'See CRP/43, para. [[9]]. [[That paragraph]] also recalls the Declaration.', ['9', '9']],
    ['fr', 'Le paragraphe [[24]] du CRP/43 prévoit cela ; ce même paragraphe, à son alinéa [[a]]), mentionne le groupe.', ['24', '24(a)']],
    // A place in it, in the next sentence (audit 19); `… del párrafo 24` is the reference.
    ['en', 'The Administration is neutral (CRP/43, § [[25]]). It asked about the input announced at\n[[the end of the paragraph]].', ['25', '25']],
    ['es', 'El párrafo [[23]] del documento CRP/43 lo advierte. Al final del párrafo [[24]], la Administración enumera tres vías.', ['23', '24']],
    // Audit 17: a possessive opening the sentence after a meeting and a month; before `el
    // documento` as the subject; after a letter that numbers a point in prose.
    ['en', 'CRP/43 was presented to the 103rd Session of the Council (26–29 November\n2013). Its paragraph [[2]] explains that the paper is structured in three parts.', ['2']],
    ['es', 'Véase el documento CRP/43.\n\nEl ¶ [[17]] lo reconoce. En su párrafo [[17]], el documento menciona también un documento de debate.', ['17', '17']],
    ['es', 'Véase el documento CRP/43.\n\na) El párrafo [[18]] del documento CRP/43 anuncia perfiles. El\n   proyecto financiaría 3.\nb) En su párrafo [[19]], el documento recuerda la publicación.', ['18', '19']],
    // Audit 18: the paper as `ese documento`; a few words before the possessive, the paper
    // as the subject after it; the paper as the subject of the sentence before, which names
    // another text after; a list of the paper's notes labelled in lower case.
    ['es', 'Véase el documento CRP/43.\n\nEste trabajo analiza ese documento en tres partes, siguiendo la\nmisma estructura que anuncia su párrafo [[2]].', ['2']],
    ['fr', 'Voir CRP/43, par. [[1]].\n\nComme l’indique son paragraphe [[2]], le document se divise en trois parties.', ['1', '2']],
    ['fr', 'Le document CRP/43 rappelle que la Déclaration du Dialogue « acknowledges that human mobility is a key factor »[^3]. Son\nparagraphe [[9]] annonce la suite.\n\n[^3]: CRP/43, par. [[7]].', ['9', '7']],
    ['fr', 'Le document CRP/43.\n\n### Notes de bas de page\n\n- note [[1]] : titre à laisser en anglais ;\n- notes [[2]] et [[3]] : adresses URL à vérifier.', ['n1', 'n2', 'n3']],
    // The paper named only in the note a call before the references refers to (audit 18).
    ['en', 'Its main source is the conference room paper.[^1]\n\nOn the working group, see § [[24]] ([[a]]); the priorities are in paragraphs [[10]] to [[22]] of the paper.\n\n[^1]: IOM, conference room paper CRP/43, paras. [[1]]–[[2]].', ['24', '24(a)', '10', '22', '1', '2']],
    // The note called later in the reference's own sentence, before the draft names the paper.
    ['en', 'Partnerships matter, as paragraph [[9]] stresses.[^1] Data too (para. [[24]]).\n\n[^1]: IOM, "Overview of the second High-level Dialogue", CRP/43.', ['9', '24']],
    ['fr', 'Le paragraphe [[9]] insiste sur les partenariats[^2].\n\n[^2]: OIM, document de séance CRP/43, 22 novembre 2013.', ['9']],
    // Audits 19 and 20: `de l'original` (a translator's name for the paper); `apdo.`; a
    // possessive opening a clause after a colon, the paper the sentence's subject; one after
    // a sentence that ends on a reference of the paper; `Id.` after a closing quotation mark.
    ['fr', 'Le document CRP/43.\n\nGarder le sigle anglais IRIS, comme au paragraphe [[16]] de\nl’original.', ['16']],
    ['es', 'Véase CRP/43, párr. [[12]], apdo. [[b]]).', ['12', '12(b)']],
    // `inc.` for `inciso`, also for a range of letters (audit 49).
    ['es', 'Véase CRP/43 (cf. párr. [[6]], inc. [[b]])); el documento lo detalla (párr. [[5]], inc. [[a]]) a [[c]])).', ['6', '6(b)', '5', '5(a)', '5(c)']],
    ['fr', 'Le CRP/43 s’appuie explicitement sur le Cadre opérationnel : son paragraphe\n[[13]] énumère les bases de l’action. [[Le même paragraphe]] rappelle le Dialogue.', ['13', '13']],
    ['fr', 'Ce document CRP/43 dresse un bilan. Son paragraphe [[3]] relève que le dialogue « can be substantive ». Son paragraphe [[5]] va plus loin.', ['3', '5']],
    ['en', 'The paper describes the Administration as “neutral on this question” (CRP/43 ¶ [[25]]). It is “neutral on this question.” [[Id.]]', ['25', '25']],
    // Set in emphasis, and with the next sentence after it on its line (audit 43).
    ['en', 'See CRP/43 ¶ [[23]]: "misconceptions about IOM persist." *[[Id.]]* Second, the working group.', ['23', '23']],
    ['en', 'See CRP/43 ¶ [[1]]: "the second time." [[Id.]] The Declaration was adopted.', ['1', '1']],
    // Audits 21 and 22: a note with `of the paper` after it, whatever stands before; the
    // paper as the subject after a section's number; a table column headed by a mark alone
    // where another header names the paper.
    ['en', 'See CRP/43, para. [[2]]. Others recalled the agenda (A/68/190, paras 4–7), to which note [[2]] of the paper refers.', ['2', 'n2']],
    ['es', '1.1 El documento de sesión CRP/43 del Consejo de la OIM resume los resultados del Diálogo sobre la Migración Internacional y el Desarrollo. Su párrafo [[2]] explica el plan.', ['2']],
    ['en', 'On CRP/43.\n\n\\| Route in CRP/43 \\| Paragraph \\| Authors \\|\n\\| - \\| - \\| - \\|\n\\| Working group \\| [[24]] ([[a]]) \\| 7 \\|\n\\| Policies \\| [[24]] ([[b]]) \\| 12 \\|', ['24', '24(a)', '24', '24(b)']],
    // Legal style's `supra` after the symbol: the paper cited above; its note is the draft's own (audit 62).
    ['en', 'On the crisis track (CRP/43, supra, ¶¶ [[13]]–[[14]]), see CRP/43, supra note 4, at ¶ [[9]].', ['13', '14', '9']],
    // Spanish `de que` ("that") after a reference is a clause, not another text (audit 66).
    ['es', 'Véase el documento CRP/43.\n\nCompartimos la preocupación expresada en el\npárrafo [[23]] de que "misconceptions about IOM persist".', ['23']],
    // A Marp deck's presenter notes, its HTML comments, read aloud: prose (audit 64).
    ['en', '---\nmarp: true\ntitle: "Reading CRP/43"\n---\n\n<!-- _class: lead -->\n\n- Five inputs – ¶[[5]]([[a]])\n\n<!--\nSub-paragraph [[5]]([[a]]) lists them. Paragraph [[3]] is the point.\n-->\n\nThe slide <!-- see para. [[9]] --> ends.', ['5', '5(a)', '5', '5(a)', '3', '9']],
    // `'s` for `is` after a pronoun, no possessive (audit 64).
    ['en', 'About CRP/43.\n\nIt calls the Dialogue “truly a milestone” – that’s paragraph [[1]]; it\'s para. [[3]] that matters.', ['1', '3']],
    // `Id.` as the subject of its sentence, legal memos' shorthand (audit 62).
    ['en', 'See CRP/43.\n\n5. Para. [[23]] is the most candid passage.\n\n6. [[Id.]] also notes that misconceptions about IOM persist.', ['23', '23']],
    // Chat shorthand: `fn` glued to its number, as `para9` is; a column headed by the paper's
    // series and a mark (audit 68).
    ['en', 'About CRP/43.\n\nonly via fn[[2]], the crp just points to it\n\n\\| area \\| crp para \\| owner \\|\n\\|---\\|---\\|---\\|\n\\| post-2015 \\| [[11]]–[[12]] \\| tomás \\|', ['n2', '11', '12']],
    // A note in brackets right after another text's name: where the paper notes it (audits 64, 67).
    ['fr', 'Le document CRP/43.\n\nLe programme, tiré de son rapport A/68/190 (cf. note [[2]]) ; les six recommandations clefs de l’OIM (note [[3]]).', ['n2', 'n3']],
    ['en', 'On CRP/43.\n\n- SG agenda → A/68/190 (fn. [[2]])\n- The report (A/68/190) is key (para. 40).', ['n2']],
    // The plural of an adjective for paragraphs just cited is no count (audit 67).
    ['fr', 'La Déclaration l’invite à coopérer (CRP/43, par. [[4]] et [[7]] précités).', ['4', '7']],
    ['es', 'La Declaración lo pide (CRP/43, párrs. [[4]] y [[7]] citados).', ['4', '7']],
    // The mark written again after a list word and an article, the symbol on the next line (audit 73).
    ['es', '> 4. Para el contexto general, párrs. [[1]] a [[4]] y el párrafo [[9]] del documento\n>    CRP/43 (reconocimiento de la pericia).', ['1', '4', '9']],
    // A footnote's further paragraph, indented under it, as pandoc writes it: the note's, not code (audit 72).
    ['fr', 'Voir CRP/43.\n\nTexte.[^1]\n\n[^1]: Le document le précise (CRP/43, par. [[24]]).\n\n    La publication mentionnée au paragraphe [[5]] [[a]]) et à la note [[1]] du document est issue de ce Conseil.', ['24', '5', '5(a)', 'n1']],
    // A text described in the paper's paragraphs, its number in brackets (audit 72).
    ['fr', 'Voir CRP/43.\n\nLa Déclaration (résolution 68/4 de l’Assemblée générale), décrite aux paragraphes [[4]] et [[7]].', ['4', '7']],
    // A short form after a cross-reference to the draft's own paragraph repeats the paper's
    // citation before it; `note 3 de bas de page` (audit 75).
    ['fr', 'Voir CRP/43, par. [[24]] [[b]]).\n\nS’agissant de la question (voir par. 11 ci-dessus), la position demeure inchangée (ibid., par. [[25]]). Les six recommandations (note [[3]] de bas de page) ont été reprises.', ['24', '24(b)', '25', 'n3']],
    // Alternatives, each a paragraph the writer points at (audit 62).
    ['en', 'See CRP/43.\n\n> Is that para [[23]] or [[24]]? Nothing in sub-paras ([[b]]) or\n> ([[c]]) of that paragraph binds.', ['23', '24', '24(b)', '24(c)']],
    ['fr', 'Voir CRP/43, par. [[12]] ou [[13]], et les alinéas [[a]]) ou [[c]]) du paragraphe [[24]].', ['12', '13', '24(a)', '24(c)', '24']],
    ['es', 'Véase CRP/43, párrafos [[7]] u [[8]], o el párr. [[9]] o [[10]].', ['7', '8', '9', '10']],
    // Audit 63: follow-up matrices of the paper, a column headed by a mark alone in a table
    // that names no text, under a title that names the paper; a column of its notes.
    ['fr', 'Tableau de suivi du document CRP/43.\n\n\\| § \\| Engagement \\| Statut \\| Échéance \\|\n\\|---\\|---\\|---\\|---\\|\n\\| [[9]] \\| Poursuivre l’appui \\| En cours \\| 2014 \\|\n\\| [[13]]-[[14]] \\| Migrants en crise \\| En cours \\| juin 2014 \\|', ['9', '13', '14']],
    ['es', 'Seguimiento del documento CRP/43.\n\n\\| N.º \\| Párr. \\| Compromiso \\| Estado \\|\n\\| - \\| - \\| - \\| - \\|\n\\| 1 \\| [[15]] \\| Campaña de información \\| En curso \\|\n\\| 2 \\| [[24]] [[b]]) \\| Políticas \\| 12 notas \\|', ['15', '24', '24(b)']],
    ['en', 'Sources of CRP/43.\n\n\\| Note (CRP/43) \\| Source \\| Link checked \\|\n\\| - \\| - \\| - \\|\n\\| [[2]] \\| Report of the Secretary-General \\| 10/03/2014 \\|\n\\| [[5]] \\| Civil society plan \\| 11/03/2014 \\|', ['n2', 'n5']],
    // Audit 23: the paper's series across a line break; the paper as subject with an aside.
    ['en', 'See CRP/43, para. [[2]].\n\nParagraph 9 of that report (A/68/190) is not para [[9]] of the\nCRP.', ['2', '9']],
    ['es', 'Véase CRP/43, párr. [[1]].\n\nEl documento de sesión CRP/43, de fecha 22 de noviembre de 2013, se preparó\npara la 103ª Reunión del Consejo (26 a 29 de noviembre de 2013). Según su\npárrafo [[2]], se divide en tres partes.', ['1', '2']],
    ['en', 'See CRP/43 §[[6]] and §[[7]] of CRP/43.', ['6', '7']],
    // A list after a citation and a few words of its sentence before the colon (audit 24).
    ['es', 'Véase el documento CRP/43.\n\nSobre la ONU, el párrafo [[24]], apartados [[a]]) a [[c]]),\nenumera tres vías:\n\n- el grupo de trabajo (apartado [[a]]));\n- las políticas (apartado [[b]])).', ['24', '24(a)', '24(c)', '24(a)', '24(b)']],
    // A sentence ends at a full stop with a note call after it (audit 18).
    ['en', 'See CRP/43, para. [[2]].\n\nThe report (A/68/190) is cited in a position paper.[^4] The paper itself mentions the agenda; its footnote [[2]] points to the report.\n\n[^4]: See the position paper, p. 4.', ['2', 'n2']],
    // `id.` in a parenthesis of its own after a quotation, in either case (audit 17).
    ['es', 'Véase el documento CRP/43.\n\nLa alianza descrita en el párrafo [[22]], «a partnership that will continue» ([[id.]]).', ['22', '22']],
    // A table comparing texts: a column headed by another text holds its paragraphs (audit 17).
    ['fr', 'Le document CRP/43.\n\n\\| Thème \\| A/RES/68/4 \\| CRP/43 \\|\n\\| - \\| - \\| - \\|\n\\| Droits \\| par. 10 \\| par. [[6]] [[a]]) \\|\n\\| Données \\| par. 28 et 30 \\| par. [[18]] à [[20]] \\|', ['6', '6(a)', '18', '20']],
    ['en', 'On CRP/43.\n\n\\| Topic \\| Declaration \\| Paper \\|\n\\| - \\| - \\| - \\|\n\\| Recruitment \\| para. 29 \\| para. [[16]] \\|', ['16']],
    // A paragraph's sub-paragraph written with no mark, in a note about the paper (audit 10).
    ['en', 'Paper: CRP/43. GFMD recognized in [[5]]([[b]]); SCPF working group – [[24]]([[a]]) and ([[b]]).', ['5', '5(b)', '24', '24(a)', '24(b)']],
    ['fr', 'Les messages clés (CRP/43, par. [[6]]) : droits des migrants ([[6]] [[a]])), crises ([[6]] [[c]])).', ['6', '6', '6(a)', '6', '6(c)']],
    ['es', 'Ver CRP/43, del párrafo [[24]] [[a]]) (grupo de trabajo) y [[24]] [[b]]).', ['24', '24(a)', '24', '24(b)']],
    ['en', 'On CRP/43.\n\nThe advice in [[24]]([[a]]) of CRP/43 matters.', ['24', '24(a)']],
    // A range of its letters (audit 27).
    ['en', 'On CRP/43.\n\nThe answer is para. [[12]] and the three strands in [[12]]([[a]])–([[c]]).', ['12', '12', '12(a)', '12(c)']],
    // The paper named by its series once its symbol is known: `du CRP`, `of the CRP`, `del CRP`.
    ['fr', 'Voici des éléments tirés du CRP/43 : voir les §§ [[11]]-[[12]] du CRP.', ['11', '12']],
    ['en', 'As the CRP/43 paper says, see paras [[11]]-[[12]] of the CRP.', ['11', '12']],
    ['es', 'Sobre el CRP/43.\n\nLos párrafos [[11]] y [[12]] del CRP son los más útiles.', ['11', '12']],
    // Another text named, then a clause in which the paper's note or paragraph cites it (audits 31 and 32).
    ['en', 'The paper is CRP/43.\n\nThe report (A/68/190) set out an agenda, which the IOM paper cites at note [[2]].', ['n2']],
    ['en', 'The paper is CRP/43.\n\nThe report (A/68/190), to which note [[2]] refers, set out an agenda.', ['n2']],
    ['fr', 'Le document CRP/43 est bref.\n\nLe rapport du Secrétaire général (A/68/190), auquel renvoie la note [[2]], fixe un programme.', ['n2']],
    ['es', 'Sobre el CRP/43.\n\nEl informe del Secretario General (A/68/190), al que remite la nota [[2]], fija un programa.', ['n2']],
    // The paper as the subject after its verb, in Spanish word order (audit 31's).
    ['es', 'Sobre el CRP/43.\n\nEn su párrafo [[12]] señala el documento las formas de apoyo técnico.', ['12']],
    // The sub-paragraph just cited, named again (audits 35 and 37).
    ['es', 'Sobre el CRP/43.\n\nRespecto del párrafo [[12]], nos interesa el apartado [[a]]), relativo al asesoramiento técnico. Pedimos que informe sobre los avances conforme a [[dicho apartado]].', ['12', '12(a)', '12(a)']],
    ['fr', 'Voir CRP/43, par. 24 [[b]]). [[Ledit alinéa]] vise les politiques.', ['24(b)', '24(b)']],
    ['en', 'See CRP/43 §5([[a]]). [[The same subparagraph]] lists the GMG statement.', ['5(a)', '5(a)']],
    // Latin American usage: `numeral` for a paragraph, `literal` and `acápite` for its sub-paragraphs (audit 41).
    ['es', 'Sobre el CRP/43.\n\nLo más relevante está en el numeral [[12]], literal [[b]]), y en los numerales [[23]] a [[25]], en especial el acápite [[c]]) del numeral [[24]]. Véase también el literal [[c]]) del mismo numeral.', ['12', '12(b)', '23', '25', '24(c)', '24', '24(c)']],
    // Their abbreviations, in a table's cell (audit 69).
    ['es', 'Sobre el CRP/43.\n\n\\| Puntos de la agenda \\| 8 \\| lit. [[a]]) del num. [[5]]; nota [[2]] \\|\n\\|---\\|---\\|---\\|\n\\| Mensajes \\| 3 \\| nums. [[6]] y [[7]] \\|', ['5(a)', '5', 'n2', '6', '7']],
    // Letters of a paragraph after a citation of its notes in their sentence (audit 37).
    ['es', 'Con arreglo al párrafo [[5]] del documento CRP/43, el Diálogo validó varias iniciativas: la convergencia de opiniones (apartado [[a]]); véanse las notas [[1]] a [[5]]); la labor del Foro Mundial (apartado [[b]])).', ['5', '5(a)', 'n1', 'n5', '5(b)']],
    // The paper named in words after another text in the sentence (audit 37).
    ['es', 'Sobre el CRP/43, párr. [[2]].\n\nLa Declaración (resolución 68/4) confirma lo que el documento describe: que el diálogo puede dar frutos concretos (párr. [[3]]).', ['2', '3']],
    // The paper named as the cited document (audit 37).
    ['es', 'Sobre el CRP/43, párr. [[8]]. En virtud del párrafo [[9]]\ndel citado documento, la Administración seguirá prestando apoyo.', ['8', '9']],
    // A list after a colon whose sentence follows the one that cites the paragraph (audit 37).
    ['es', 'Sobre el CRP/43.\n\nSeñala el documento en su párrafo [[6]] que la migración es pertinente para todos los países. El Grupo hace suyos los tres mensajes que allí se destacan:\n\n- la centralidad de los derechos (inciso [[a]]));\n- los migrantes varados (inciso [[c]])).', ['6', '6(a)', '6(c)']],
    // The paper named as `the same paper` before an actor and its possessive (audit 33).
    ['es', 'Sobre el CRP/43.\n\nConviene recordar que en el mismo documento la Administración subraya, en su párrafo [[8]], que la continuidad será vital.', ['8']],
    // The same paragraph opening the paragraph after one that ends on a citation in
    // brackets, with or without a full stop, or on a short form's letter (audits 32 and 33).
    ['fr', 'Le document :\n\n> « The central challenge … » (CRP/43, par. [[8]])\n\n[[Le même paragraphe]] invite à tenir compte du partenariat.', ['8', '8']],
    ['es', 'Sobre el CRP/43.\n\n- la asociación (párr. [[24]], apartado [[a]]));\n- el enfoque (ibíd., apartado [[c]])).\n\n[[El mismo párrafo]] advierte de que no es seguro.', ['24', '24(a)', '24(c)', '24']],
    // A text's noun across a tab (a table pasted from Word), or a verb spelt as a noun, is no owner (audit 48).
    ['en', 'Priority area\tCRP/43 ref.\tLead\nPost-2015 agenda\t§§ [[11]]–[[12]]\tICP/DOE\n\nThe Council notes para [[9]].', ['11', '12', '9']],
    // The paper named by its series as a sentence's subject, its possessive after (audit 55).
    ['en', 'Note to file on CRP/43.\n\n2. The CRP runs to 27 paras and five footnotes. It follows the three-part\nstructure announced in its para [[2]], viz. the substantive outcomes.', ['2']],
    // A sub-paragraph of the paragraph just cited, named again with its number (audit 58).
    ['fr', 'Voir le document CRP/43, § [[6]].\n\n- Migrants en situation de crise :\n  - alinéa [[c]]) du même § [[6]] ;', ['6', '6(c)', '6']],
    // After an aside that opens with the paper's note and says what it cites; `the Council paper` (audit 57).
    ['en', 'On CRP/43.\n\nThe paper lists them in para [[5]]([[a]]), with sources in its footnotes: the agenda (n. [[2]], which points to A/68/190),\nIOM\'s six recommendations (nn. [[3]] and [[4]]) and the Action Plan (n. [[5]]).\n\nIOM\'s recommendations are in its position paper (note [[3]] of the Council paper has the link).', ['5', '5(a)', 'n2', 'n3', 'n4', 'n5', 'n3']],
    // The paper's possessive by its series (audit 55).
    ['en', 'See CRP/43, para 2.\n\nThe SG\'s point (A/68/190, para\n110) is matched by the CRP\'s para [[6]]([[a]]); the CRP\'s footnote [[2]] gives the symbol.', ['6', '6(a)', 'n2']],
    // A note in brackets after a possessed text: where the paper notes that text (audit 50).
    ['en', 'The paper, CRP/43, lists five inputs: the CEB publication (n. [[1]]), the\nSecretary-General\'s agenda (n. [[2]]) and IOM\'s recommendations (n. [[3]]).', ['n1', 'n2', 'n3']],
    // What the paper says of another text, passive or in brackets, is the paper's paragraph.
    ['en', 'See CRP/43 §[[2]]. The Declaration is welcomed in paragraph [[4]]; it was adopted unanimously (para. [[4]]).', ['2', '4', '4']],
    // A place named between the paper as subject and its possessive is no text (audit 52).
    ['fr', 'Voir le document CRP/43.\n\nLe document de séance présenté par l’Administration dresse le bilan du Dialogue tenu à New York les 3 et 4 octobre 2013. Ainsi qu’il ressort de ses paragraphes [[3]] à [[6]], le Dialogue a montré la voie.', ['3', '6']],
    // The paragraph named again as UN correspondence does, the adjective before or after the noun (audit 52).
    ['es', 'Como recuerda el párrafo [[1]] del documento CRP/43, el Diálogo fue un hito. [[El mencionado\npárrafo]] lo califica de “milestone”.', ['1', '1']],
    ['fr', 'Voir le CRP/43, par. [[3]]. [[Le paragraphe précité]] ajoute que le dialogue peut aboutir.', ['3', '3']],
  ];

  it.each(cases.map(([lang, source, passages]) => [`${lang}: ${plain(source).replace(/\n/g, '⏎')}`, lang, source, passages] as const))('%s', (_n, lang, source, passages) => {
    const f = parseFixture(source);
    const draft = draftOf(f.text);
    expect(draft.citations().every((c) => c.symbol === 'CRP/43')).toBe(true);
    expect(checkDraft(draft, corpus)).toEqual([]);
    f.ranges.forEach((range, i) => {
      const passage = passages[i]!;
      const { hover: h, definition: d } = at(f.text, range.start, lang);
      expect(h, `${passage} in ${f.text}`).toBeDefined();
      expect({ start: h!.start, end: h!.end }).toEqual(range);
      expect(titles(h!.markdown)).toEqual([title(passage, lang)]);
      expect(d!.line).toBe(renderingOf(passage).line);
    });
  });

  it('a broken one is an error, where it is written', () => {
    const text = 'Our note on CRP/43.\n\nThe last point (para. 31) is new.';
    const [finding] = checkDraft(draftOf(text), corpus);
    expect(finding!.code).toBe('crp-cite.unknown-paragraph');
    expect(text.slice(finding!.start, finding!.end)).toBe('31');
  });

  it('a short form quoted alone is named, not written (audit 17)', () => {
    const text = 'CRP/43 §2 aside: donner le symbole, puis « ibid. » ou « Id. » selon le cas, and “Ibid.” in English.';
    expect(draftOf(text).citations().map((c) => text.slice(c.start, c.end))).toEqual(['CRP/43 §2']);
  });

  it('`Ibid.` after one repeats it', () => {
    const text = 'On CRP/43: see para. 9. Ibid.';
    const draft = draftOf(text);
    expect(titles(at(text, text.indexOf('Ibid') + 1).hover!.markdown)).toEqual(['Paragraph 9']);
    expect(draft.citations().map((c) => c.symbol)).toEqual(['CRP/43', 'CRP/43']);
  });

  it.each([
    // No paper named before, or another one since.
    'See paragraph 9 of our draft, then paragraph 9 again.',
    'See para. 9, then CRP/43 §2.',
    'CRP/43 §2 aside, A/68/190 is the report: see its para. 12 and para. 13.',
    'CRP/43 §2 aside, resolution 68/4 matters (para. 9).',
    // Another text's, named by whose it is; the word `ibíd.` named, not written (audits 35 and 38).
    "CRP/43 §2. My delegation notes that the Director General's report, at paragraph 14, also refers to it.",
    "CRP/43 §2. The Director General's report to the 103rd Session, paragraph 31, gives the state of play.",
    "CRP/43 §2. Don't cite the Compact's para 17 as if it were the paper's.",
    // … or by whose it is after `of`, a text of the paper's (`the text of the paper, para. 9`) left read.
    'Le document CRP/43, par. 2. Nous renvoyons au rapport de cette présidence, paragraphes 3 à 6, pour le détail.',
    'CRP/43 §2. See the report of the Secretary-General, para. 12, and the statement of the Global Migration Group, para. 4.',
    'CRP/43, párr. 2. Véase el informe del Relator Especial, párr. 12.',
    // … with more words of whose it is, an aside before the comma, or the reference in brackets after a possessed text (audit 46).
    'CRP/43, par. 2. Dans le rapport du Conseil sur sa session précédente, par. 12, les États membres avaient déjà soulevé la question.',
    "CRP/43 §2. The Secretary-General's report (see above), para 12, can be quoted on the eight points.",
    "CRP/43 §2. The IOM Council's report on its previous session (para. 12) recorded the first exchange.",
    'CRP/43 §2. The IOM Council’s report on its previous session (para. 12) recorded the first exchange.',
    // Right after a text's noun, plural too (audit 46).
    'CRP/43 §2. The Council’s report will record it; in recent reports para 12 has covered the statement.',
    'CRP/43 §2. As the Declaration para 8 puts it, rights come first.',
    // Another text as the subject that says it in its paragraph (audit 50).
    'Second, on crisis, CRP/43 (paras 13–14) reports a State-led process, while the Declaration is silent beyond para. 12.',
    'CRP/43 §2. The Declaration states in paragraph 12 that rights matter.',
    'CRP/43, par. 2. La résolution prévoit au paragraphe 3 un dialogue.',
    'CRP/43, párr. 2. El informe señala en el párrafo 12 que los datos faltan.',
    // A possessed text with a word before its noun; a text's version as an aside before the comma (audit 54).
    'CRP/43, para 14. The meeting’s outcome note (para 3) asks States to nominate focal points.',
    // … or two (audit 70).
    "CRP/43, para 14. The SCPF's own session report, paras. 40–52, for the discussion that led to the working group.",
    // A possessive after a sentence whose subject is another text, which it stands for (audit 74).
    'The Declaration was adopted unanimously (CRP/43, para. 4). Its paragraph 32 forms the principal basis for the follow-up.',
    // A work named by its title in emphasis (audit 72).
    'CRP/43, par. 2. Ils font l’objet d’une note distincte (voir *Relations OIM-ONU*, par. 3 à 6).',
    'CRP/43, para 14. Note that the IDF guidelines, version 4.1, para 6, limit regional projects.',
    // A place does not hide the text named before it (audit 52's places).
    'CRP/43 §2. The Declaration was adopted in New York in October. Its paragraph 8 is on rights.',
    // A name between the article and the noun, what the text does or is for after it (audit 43).
    'CRP/43 §2. The SCPF report establishing the working group, paragraph 41.',
    'CRP/43 §2. See the annual report to the Council, para. 12, for the figures.',
    'CRP/43, par. 2. Voir le rapport annuel sur les migrations, par. 12.',
    // A text with its number (on the next line of a hard-wrapped text) or its year, and whose it is (audits 51 and 52).
    "CRP/43, par. 2. Cette lecture rejoint celle de la résolution\n68/4 de l'Assemblée générale, par. 8, que le Sénégal a soutenue.",
    'CRP/43, par. 2. Il rappelle la Déclaration de 2013, paragraphe 2, ainsi que la loi.',
    '- See CRP/43 § 3.\n- Not to be confused with resolution\n  68/4, paragraph 3.',
    // A symbol with an addendum (audit 47).
    'CRP/43 §2. These are reported in the addendum (S/14/4/Add.1, paras. 4–9) rather than here.',
    'CRP/43 §2. The intro says "see para 2" but means our para 2. Le texte dit « voir par. 9 ».',
    // A resolution by its abbreviation, in a note or a table's header (audits 31 and 34).
    'CRP/43 ¶ 2.[^4]\n\n[^4]: G.A. Res. 68/4, ¶ 8 (Oct. 3, 2013).',
    // A clause that names another text after its verb, or a text that the paragraph is of.
    'Sobre el CRP/43, párr. 2. En su párrafo 8 señala la Declaración que todo va bien.',
    'CRP/43 ¶ 2. The report (A/68/190) sets out in paragraph 12 an agenda that IOM cites.',
    // Another text's paragraph, or the draft's own.
    'CRP/43 §2 aside, paragraph 5 of the resolution matters.',
    'CRP/43, par. 2 ; voir le par. 29 de la résolution.',
    'CRP/43, párr. 2; véase el párrafo 3 del informe.',
    'CRP/43 §2; see paragraph 12 above and par. 7 ci-dessus and párrafo 7 supra.',
    // A year or a count, the English verb, a participle of citing.
    'CRP/43 §2 is for para 2014 and § 2015.',
    'CRP/43, párr. 2: para 12 países y para 50 personas.',
    'CRP/43, párr. 2:\n\n- Para 12 países, nada.',
    'CRP/43, párr. 2: se necesitan fondos para 12 países de la región.',
    // `in`, `en`, `dans` before a text: that text's paragraph.
    'CRP/43 §2 aside, see para 15 in the Declaration and para. 16 in its report.',
    'CRP/43, párr. 2; véase el párr. 18 en el informe. Et le par. 20 dans le rapport.',
    // A sub-paragraph of another text's paragraph, or in another sentence.
    'CRP/43 §2 says so; paragraph 5 of the resolution, subparagraph (b), differs.',
    'CRP/43 §2 says so. Subparagraph (b) differs, and subparagraph (c) of the resolution too.',
    'CRP/43 §2 and subparagraph (b) of the resolution.',
    'CRP/43 §2 says so. It was adopted. Our draft follows subparagraph (b).',
    'CRP/43 §2. The report (A/68/190) is key (para. 40).',
    'CRP/43 §2 says so:\n\n- paragraph 4 of the resolution, subparagraph (b);\n\nCRP/43 §2 says so.\n\n- our draft, in subparagraph (b).',
    // Labels of the draft's own paragraphs: review comments that cite the paper under them (audit 9).
    'Documento de referencia: CRP/43.\n\n- [ ] **Párr. 3:** la remisión a CRP/43, párr. 2 debería ser otra.\n- [x] **Párr. 5:** correcto (CRP/43, párr. 2).\n- [ ] **Párr. 19:** la resolución 68/4 se cita con su párrafo.',
    'Reference: CRP/43 §2.\n\nPara. 3: the cross-reference to CRP/43, para. 2 is right.',
    // Labels in bold with a full stop, the comment speaking to the draft's writer (audit 16).
    'Reference: CRP/43 §2.\n\n**Para. 3.** You describe the structure at length.\n\n**Para. 4.** Cite CRP/43, para. 2 instead of your wording.',
    // Labels of the draft's own notes, each citing the paper or repeating it (audit 12).
    'Revisión de las referencias al documento CRP/43.\n\n- Nota 1: «Documento de sesión CRP/43, párr. 2.»\n- Nota 7: «Ibíd., párr. 7.»',
    'Vérification des renvois au document CRP/43.\n\n- Note 1 : « CRP/43, par. 2. »\n- Note 7 : « Ibid., par. 7. »',
    // A dated text named in words.
    'CRP/43 §2; cf. notre note du 7 octobre, par. 4, and our letter of 5 December 2013, para. 5.',
    // A number and a letter of another text, an enumeration, a notation quoted.
    'On CRP/43 §2: Article 24(a), table 5(b), option 2 a), page 3(a), Class 1(A) and 5(b) of the resolution.\n\n1 a) first point',
    'Sur le CRP/43, par. 2 : les alinéas sont numérotés à la française (« 6 a) » et non « 6(a) »).',
    'On CRP/43 §2: the advice in 5(b) of CRP/44 differs.',
    // Another series, or another paper of it.
    'CRP/43 §2; see para. 4 of the CRPD and para. 5 of CRP/44.',
    'CRP/43 §2. We note 3 areas.',
    'CRP/43 cited in paragraph 9, and CRP/43 is quoted in para. 10.',
    // A section's number, a division's paragraph, a footnote of the draft, what was named in words.
    'CRP/43 §2 aside, the Guidelines (2013), paragraph 4.3, say so.',
    'CRP/43 §2 aside, see Annex 2, paragraph 3, and Section 3.2, para. 4.',
    'CRP/43, párr. 2; véase la nota 2 *supra*.',
    'CRP/43 ¶ 2; see supra note 3 and Betts, op. cit., para. 4.',
    'CRP/43 ¶ 2; see Betts, *Survival Migration*, op. cit., para. 4.',
    // An author's work in a list of works, the paper named in the entry after it.
    'CRP/43 §2.\n\n- IOM, *World Migration Report 2013*, 2013.\n- UN DESA, *International Migration Report*, citing CRP/43.\n\nIOM, op. cit., para. 4.',
    'CRP/43 ¶ 2; see Betts, loc. cit., para. 4, and Martin Ruhs, loc. cit.',
    // The paper's words (`du document`) before another paper's symbol: that paper's (audit 28).
    'Voir CRP/43, par. 2, et les paragraphes 3 à 6 du\ndocument CRP/44, puis le paragraphe 2 du document CRP/44.',
    'CRP/43 ¶ 2; see paragraph 4 of the document A/68/190 and el párrafo 5 del documento MC/2355.',
    // Another paper's: after a sentence with its symbol as the subject, a pronoun's
    // reference, or a possessive after a reference of it (audit 28).
    'See CRP/43, para. 24.\n\nCRP/44 is more assertive. It states (¶ 7) that the arrangement "requires review".',
    'Cooperation (CRP/43, paras. 4 and 7) lacks an anchor. CRP/44 addresses it in paragraphs 3 to 6. Its paragraph 9 suggests a plan.',
    'Cooperation (CRP/43,\nparas. 4 and 7) lacks an anchor, a gap that CRP/44\naddresses in paragraphs 3 to 6. The same paper, in its paragraph 9, suggests a plan.',
    'CRP/43 §25 aside: see CRP/44, para. 4. The same paper\'s para. 9 proposes a timeline.',
    'CRP/43 §25.\n\nCRP/44 is more assertive. It states that the arrangement "requires review" and proposes in ¶ 8 a timetable running to June 2015. Even so, nothing in that paper is binding, and its paragraph 10 defers to the Council.',
    'Véase CRP/43, párr. 5 a); véase también el informe principal, párr. 32.',
    // The draft's own note after `supra,`; a lettered annex's paragraph; a constitution's
    // sub-paragraph, its mark refused, not read without it (audit 28).
    'Voir CRP/43, par. 19. Voir\nsupra, note 1. Véase infra, nota 2.',
    'Voir CRP/43, par. 19, et l’annexe B, par. 3, et Appendix A, paragraph 2, y el anexo C, párr. 4.',
    'Sobre el CRP/43, párr. 2.\n\nEl artículo 1, párrafo 1 b), de la Constitución dice. Art. 2, párr. 3 c), de la Carta. Selon l’article 1, paragraphe 1 c), de la Constitution.',
    'Voir CRP/43, par. 2. Selon l’article 1er, paragraphe 1 c), de la Constitution (audit 29).',
    'On CRP/43 §2: the guide has no workplan. Footnote 3 on\n   page 2 of the team’s working papers lists the interviews; note 4 à la page 5, nota 1 en la página 3 (audit 30).',
    'CRP/43 ¶ 2 aside, operative paragraphs 1 to 6 and preambular paragraph 3 stand.',
    'CRP/43, par. 2 : vérifier le renvoi « par. 9 » et le renvoi "para. 10" du projet.',
    'CRP/43 ¶ 2. See MICIC Initiative, concept note (draft, 2014), para. 4.',
    // A table column that does not name the paper, a year in one that does.
    'CRP/43 ¶ 2.\n\n| Item | Ref. |\n| - | - |\n| Forum | 11 |\n\n| Year | CRP/43 |\n| - | - |\n| Forum | 2013 |',
    'CRP/43, párr. 2. Y también la Declaración, en su párrafo 10.',
    'CRP/43, párr. 2. El documento MC/2355; su párrafo 4 es claro.',
    'CRP/43, párr. 2. Y también la Declaración. Su párrafo 10 es claro.',
    'CRP/43 §2 aside, resolution 68/4 was adopted. Its paragraph 3 welcomes the Dialogue.',
    // The writer's or the reader's own draft, a division of a policy, a text just named (audit 16).
    'CRP/43 §2 aside: see your paras. 3 and 9, our para. 4 and votre par. 5.',
    'CRP/43 §2.\n\n| Axe 2, par. 5 | Eje 3, párr. 4 |',
    'Voir CRP/43, par. 2 ; voir son rapport, par. 3, et la résolution, par. 4.',
    'Voir CRP/43, par. 2. Le paragraphe 4 de la résolution le dit, et son paragraphe 5 aussi.',
    // A possessive further in a sentence that names a text before it (audit 14), or of the
    // text right after its phrase; another text's paragraph named on the next line (audit 15).
    'Voir CRP/43, par. 2. Dans son paragraphe 10, la Déclaration dit autre chose.',
    'Voir CRP/43, par. 2 : il reprend l’idée du paragraphe 10\n   de la Déclaration.',
    'Voir CRP/43, par. 2. Le rapport rappelle en son paragraphe 4 que tout va bien.',
    'See CRP/43, para. 2. The Declaration was adopted; as its paragraph 10 says, all is well.',
    'Véase CRP/43, párr. 2. Como recuerda el informe en su nota 3, todo va bien.',
    // Between them, another text's name, though an actor is named too (audit 16's rule).
    'See CRP/43, para. 2. The Global Compact, endorsed by the General Assembly, in its paragraph 12 goes further.',
    'CRP/43, párr. 2. La Declaración del Diálogo, en su párrafo 10, es clara.',
    // A possessive after a sentence whose subject is a pinpoint of the paper and which
    // names another text: whose is unclear (`CRP/43, para. 2, recalls that …`).
    'CRP/43, para. 2, recalls that resolution 68/4 was adopted. Its paragraph 3 welcomes the Dialogue.',
    // The same paragraph, when another's was named since, or of another text.
    'CRP/43 §2 aside, see paragraph 5 of the resolution. That same paragraph is clear.',
    'CRP/43 §2 aside, that paragraph of the resolution is clear.',
    // Of another text's pinpoint; the words named (audit 18).
    'CRP/43 §2 aside, the decision is recorded elsewhere (S/13/12, ¶ 47); that paragraph is not the paper’s.',
    'CRP/43 §2; that paragraph number is right.',
    'CRP/43 §2 aside, the report (A/68/190) is key (para. 40). That paragraph says so.',
    // A constitution's article and its paragraph; a short form named, not written (audit 17).
    'CRP/43 §2 aside, l’article 1, paragraphe 1, de la Constitution de l’OIM, et el artículo 3, párrafo 2.',
    // A column headed by a mark alone, when the paper's column holds the numbers: the draft's own (audit 22's rule).
    'CRP/43 §2.\n\n\\| Para. \\| CRP/43 \\| Comment \\|\n\\| - \\| - \\| - \\|\n\\| 4 \\| 2 \\| ok \\|',
    // A sub-paragraph named alone that is the draft's own (audit 20).
    'CRP/43, par. 2 : le suivi, comme je l’ai dit à l’alinéa b) ci-dessus.',
    // Of a text named with an indefinite article, without a possessive.
    'See CRP/43, para. 2; see also para 3 of an earlier note.',
    // Code.
    'CRP/43 §2 and `para. 9` and\n\n```\n§ 9\n```\n',
  ])('%s: no reference without a symbol', (text) => {
    const bare = draftOf(text).citations().filter((c) => c.bare);
    expect(bare.map((c) => text.slice(c.start, c.end))).toEqual([]);
    expect(checkDraft(draftOf(text), corpus).filter((f) => f.start > text.indexOf('§2') + 2)).toEqual([]);
  });

  it('an author, a short title and `op. cit.`: the paper the author was cited for, in a note hard-wrapped over lines (audit 44)', () => {
    const text = [
      'Texte.[^1]',
      '',
      '[^1]: OIM, *Overview of the United Nations Second High-level Dialogue*,',
      '    document de séance CRP/43, 22 novembre 2013.',
      '[^2]: Voir le rapport (A/68/190), par. 12.',
      '[^3]: Ibid., par. 14.',
      '[^4]: OIM, *Overview…*, op. cit., par. 27.',
      '[^5]: Ibid.',
    ].join('\n');
    const draft = draftOf(text);
    const ofThePaper = draft.citations().filter((c) => c.symbol === 'CRP/43');
    expect(ofThePaper.map((c) => text.slice(c.start, c.end))).toEqual(['par. 27', 'Ibid.']);
    for (const offset of [text.indexOf('27'), text.lastIndexOf('Ibid') + 1]) expect(titles(at(text, offset).hover!.markdown)).toEqual(['Paragraph 27']);
  });

  it('a short form after an article is the word named, not a citation (audit 38)', () => {
    const text = 'Véase CRP/43, párr. 2.\n\n- Nota 3 del borrador: el ibíd. debe remitir al párr. 13 del CRP/43. Use the ibid. form.';
    expect(draftOf(text).citations().map((c) => text.slice(c.start, c.end))).toEqual(['CRP/43, párr. 2', 'párr. 13 del CRP/43']);
  });

  it('a table column headed by the draft’s own location holds the draft’s paragraphs, not the paper’s (audit 60)', () => {
    const text = 'Corrections to the citations of CRP/43.\n\n| Draft location | Citation as drafted | Correct citation |\n|---|---|---|\n| Para 6, line 14 | CRP/43 para 12 | CRP/43 para 13 |\n| n. 6 | ¶ 23 | ¶ 22 |';
    const read = draftOf(text).citations().map((c) => text.slice(c.start, c.end));
    expect(read).toEqual(['CRP/43 para 12', 'CRP/43 para 13', '¶ 23', '¶ 22']);
  });

  it('a note word glued to a number is a name, not a note, but the abbreviation fn (audit 68)', () => {
    const text = 'About CRP/43.\n\nSee notes2.md, note2 and nota3; only via fn2.';
    expect(draftOf(text).citations().map((c) => text.slice(c.start, c.end))).toEqual(['fn2']);
  });

  it('HTML comments are not read, but in a Marp deck, whose front matter says so, where they are the presenter’s notes (audit 64)', () => {
    const deck = '---\nmarp: true\n---\n\n# CRP/43\n\n<!--\nParagraph 3 is the point.\n-->\n\nSee <!-- CRP/43 §9 --> the paper.';
    expect(draftOf(deck).citations().map((c) => deck.slice(c.start, c.end))).toEqual(['Paragraph 3', 'CRP/43 §9']);
    for (const notADeck of [deck.replace('marp: true', 'marp: false'), deck.replace('---\nmarp: true\n---\n', ''), `# Notes\n\n${deck}`]) {
      expect(draftOf(notADeck).citations().map((c) => notADeck.slice(c.start, c.end))).toEqual([]);
    }
  });

  it('a paragraph column in a table that reviews a text, or in a draft that names no paper, is not read as the paper’s (audit 63)', () => {
    const review = 'Comments on the draft statement, which cites CRP/43.\n\n| Para. | Comment | Proposed text |\n|---|---|---|\n| 3 | Too long | Shorten |\n| 41 | Cite the paper | See CRP/43 §12 |';
    expect(draftOf(review).citations().map((c) => review.slice(c.start, c.end))).toEqual(['CRP/43 §12']);
    const unnamed = 'Follow-up matrix.\n\n| § | Action | Status |\n|---|---|---|\n| 9 | Workshops | Ongoing |';
    expect(draftOf(unnamed).citations().filter((c) => c.symbol !== '')).toEqual([]);
    expect(checkDraft(draftOf(unnamed), corpus)).toEqual([]);
  });

  it('a heading that labels a paragraph, in a section on the draft under review, is the draft’s own; in one on the paper, the paper’s (audit 76)', () => {
    const review = 'Revisión; referencia: CRP/43.\n\n## 2. Comentarios por párrafo del borrador\n\n### Párrafo 1\n\n- Cita correcta (CRP/43, párr. 1).\n\n### Párrafo 5\n\n- Cita el apartado d) del párrafo 6, que no existe.';
    const read = (text: string) => draftOf(text).citations().filter((c) => c.symbol === 'CRP/43').map((c) => text.slice(c.start, c.end));
    expect(read(review)).toEqual(['CRP/43, párr. 1', 'apartado d) del párrafo 6']);
    const walkthrough = review.replace('Comentarios por párrafo del borrador', 'Lectura del documento, párrafo por párrafo');
    expect(read(walkthrough)).toEqual(['Párrafo 1', 'CRP/43, párr. 1', 'Párrafo 5', 'apartado d) del párrafo 6']);
  });

  it('a column of the citations a draft makes is the paper’s, beside one of the draft’s places (audit 76)', () => {
    const text = 'Referencias cotejadas con el CRP/43.\n\n| Párr. del borrador | Cita en el borrador | Observación |\n|:--:|---|---|\n| 1 | CRP/43, párr. 1 | Correcto. |\n| 2 | párr. 3 | Cita inexacta. |\n| 6 | párrs. 11 a 13 | Se solapa con el párr. 3 del borrador. |';
    const read = draftOf(text).citations().filter((c) => c.symbol === 'CRP/43').map((c) => text.slice(c.start, c.end));
    expect(read).toEqual(['CRP/43, párr. 1', 'párr. 3', 'párrs. 11 a 13']);
  });

  it('review comments labelled with the draft’s own paragraphs, a range too, that name the paper in words under them (audit 60)', () => {
    const text = 'Comments on your draft, which cites CRP/43.\n\n**Para 10.** Para 15 of the paper says that the campaign is planned.\n\n**Paras 16–18.** Please re-read paragraphs 23 to 25 of CRP/43.';
    const read = draftOf(text).citations().map((c) => text.slice(c.start, c.end));
    expect(read).toEqual(['Para 15', 'paragraphs 23 to 25 of CRP/43']);
  });

  it('a column under a resolution named by its abbreviation is not the paper’s (audit 34)', () => {
    const text = 'CRP/43, par. 2.\n\n| Thème | CRP/43 | Rés. 67/219 |\n| --- | --- | --- |\n| Droits | par. 6 a) | par. 7 |';
    expect(draftOf(text).citations().map((c) => text.slice(c.start, c.end))).toEqual(['CRP/43, par. 2', 'par. 6 a)']);
  });
});
