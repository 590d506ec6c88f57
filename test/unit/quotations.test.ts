/**
 * Quotations checked against the paragraph they cite (server/src/core/features/quotations.ts),
 * on drafts a writer could have written: exact words in every typography, ellipses and
 * insertions, a wrong paragraph, a changed word, a dropped clause, translations, block quotes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { checkDraft, DraftChecker, messageOf } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { languageOf, quotationsOf, tallyQuotations } from '../../server/src/core/features/quotations';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { translator } from '../../server/src/i18n';
import type { Language } from '../../server/src/settings';

const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
const paper = corpus.paper('CRP/43')!;
const symbols = ['CRP/43'];
const en = translator('en');
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'quotations', name), 'utf8');
const findings = (text: string) => checkDraft(new DraftIndex(text, symbols), corpus).map((f) => [f.code, text.slice(f.start, f.end), messageOf(f, en)]);
const hoverAt = (text: string, needle: string, t = en) => hover(new DraftIndex(text, symbols), corpus, text.indexOf(needle) + 2, t)?.markdown;

describe('the fixture drafts', () => {
  it('English: exact, typographic variants, ellipsis, insertion and a block quote pass; a wrong paragraph and a dropped clause are reported on the quoted words', () => {
    expect(findings(fixture('statement-en.md'))).toEqual([
      ['crp-cite.quote-elsewhere', 'plans to launch in the near future a major initiative on ethical recruitment', 'The quoted words are in paragraph 16 of CRP/43, not 9.'],
      [
        'crp-cite.quote-mismatch',
        'seeks to mobilize support offered in the form of a public-private\nalliance on ethical recruitment',
        'These words are not in paragraph 16 of CRP/43: it reads “on fair and ethical”, not “on ethical”.',
      ],
    ]);
  });

  it.each(['note-fr.md', 'nota-es.md'])('%s: translations are not misquotations; the English words quoted are checked and right', (name) => {
    const text = fixture(name);
    expect(findings(text)).toEqual([]);
    const draft = new DraftIndex(text, symbols);
    expect(quotationsOf(draft, draft.citations()).length).toBeGreaterThanOrEqual(3);
  });
});

describe('hover on a quotation', () => {
  const text = fixture('statement-en.md');
  it('says what it was checked against', () => {
    expect(hoverAt(text, 'the Administration will continue')).toBe('Quotation checked: these words are in paragraph 9 of CRP/43.');
    expect(hoverAt(text, 'work starts now to establish')).toBe('Quotation checked: these words are in paragraph 27 of CRP/43.');
  });

  it('shows where words quoted from another paragraph are', () => {
    expect(hoverAt(text, 'plans to launch')).toMatch(/^The quoted words are in paragraph 16 of CRP\/43:\n\n---\n\n\*\*CRP\/43 · Paragraph 16\*\*/);
  });

  it('shows the closest passage and the words the quotation changes', () => {
    const shown = hoverAt(text, 'seeks to mobilize')!;
    expect(shown).toContain('CRP/43 does not say it in these words. The closest passage, in paragraph 16:');
    expect(shown).toContain('> seeks to mobilize support offered in the form of a public–private alliance on fair and ethical recruitment');
    expect(shown).toContain('alliance on **fair and** ethical recruitment');
  });

  it('says a translation is not checked, in the writer’s language', () => {
    expect(hoverAt(fixture('note-fr.md'), 'le véritable travail', translator('fr'))).toBe(
      'Citation en français : le document CRP/43 est ici en anglais, une traduction n’est donc pas vérifiée.',
    );
  });
});

describe('quick fixes', () => {
  const apply = (text: string, needle: string, title: RegExp) => {
    const at = text.indexOf(needle);
    const fix = quickFixes(new DraftIndex(text, symbols), corpus, at, at, en).find((a) => title.test(a.title))!;
    expect(fix, needle).toBeDefined();
    let out = text;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };

  it('cites the paragraph the words are in, keeping the citation’s style', () => {
    const text = 'IOM “plans to launch in the near future a major initiative on ethical recruitment” (CRP/43, para. 9).';
    const fixed = apply(text, 'plans', /^Cite §16 instead$/);
    expect(fixed).toBe('IOM “plans to launch in the near future a major initiative on ethical recruitment” (CRP/43, para. 16).');
    expect(findings(fixed)).toEqual([]);
  });

  it('replaces a misquotation with the paper’s words when the passage meant is clear', () => {
    const text = 'The Administration “seeks to mobilize support offered in the form of a public-private alliance on ethical recruitment” (CRP/43 §16).';
    const fixed = apply(text, 'seeks', /^Replace with the paper’s words$/);
    expect(fixed).toBe('The Administration “seeks to mobilize support offered in the form of a public–private alliance on fair and ethical recruitment” (CRP/43 §16).');
    expect(findings(fixed)).toEqual([]);
  });
});

describe('what counts as a quotation of a citation', () => {
  it.each([
    ['a changed word', 'CRP/43 §27 says “the real work begins now to establish follow-up mechanisms”.'],
    ['after the citation, in « » with no-break spaces', 'CRP/43 §27 says «\u00a0the real task starts now to establish follow-up mechanisms\u00a0».'],
    ['a block quote with the citation on the line before', 'As CRP/43 §27 says:\n> the real work starts today to establish follow-up mechanisms\n'],
    ['a block quote with the citation on its last line', '> the real work starts today to establish\n> follow-up mechanisms (CRP/43 §27)\n'],
    ['a block quote after a blank line, announced by a colon', 'As CRP/43, para. 27, puts it:\n\n> the real work starts today to establish follow-up mechanisms\n'],
    ['a block quote cited in parentheses with a remark', '> the real work starts today to establish follow-up mechanisms (CRP/43, para. 27, emphasis added).\n'],
    ['a quotation announced by a colon, past a semicolon', '- [ ] la Administración es neutral (CRP/43, párr. 25); citar literalmente: "the Administration is neutral on this issue out of full respect".\n'],
    ['a block quote with an attribution and a remark', '> the real work starts today to establish follow-up mechanisms. — CRP/43 §27, emphasis added\n'],
  ])('%s is checked', (_name, text) => {
    expect(findings(text).map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
  });

  it.each([
    ['a block quote after a blank line, without a colon', 'CRP/43 §27 is clear.\n\n> the real work starts today to establish follow-up mechanisms\n'],
    ['a short fragment', 'CRP/43 §27 speaks of “a call for action”.'],
    ['a quotation in another sentence', 'CRP/43 §9 is clear. Elsewhere, “the real work starts now to establish follow-up mechanisms” was said.'],
    ['a quotation with no citation', 'They said “the real work begins now to establish follow-up mechanisms”.'],
    ['a quotation in code', 'CRP/43 §27 says `“the real work begins now to establish mechanisms”`.'],
    ['an apostrophe, not a quotation mark', 'IOM’s role in CRP/43 §27 and the Dialogue’s outcome matter.'],
    ['a citation quoted', 'CRP/43 §2 aside, the reference "CRP/43, paragraphs 11-13 and 27" is too wide.'],
    // An e-mail quoted in a reply cites the paper in its own words: audit 14's false warning.
    [
      'a block quote that cites the paper mid-line (an e-mail quoted in a reply)',
      '> On 2 December, Ana wrote:\n> I suggest we tighten the section on recruitment:\n> - the reference to CRP/43, par. 24(a)-(c), and the wording we used last year.\n\nAgreed.\n',
    ],
    ['a block quote whose words cite the paper already', '> The IOM–UN relationship is discussed in CRP/43 paras. 23-25 and CRP/43 §24(c).\n'],
  ])('%s is left alone', (_name, text) => {
    expect(findings(text)).toEqual([]);
  });

  it('a quotation of a citation of several paragraphs is checked against all of them, and their footnotes', () => {
    expect(findings('CRP/43 §§9 and 27 say “the real work starts now to establish follow-up mechanisms”.')).toEqual([]);
    expect(findings('CRP/43 §5(a) refers to “the 5-year Action Plan for Collaboration”.')).toEqual([]);
  });

  it('between two citations of one sentence, a quotation is the one whose passage holds its words', () => {
    const text = 'The paper, at CRP/43 §16, says IOM “seeks to mobilize support offered in the form of a public–private alliance on fair and ethical recruitment”, while CRP/43 §17 deals with the Mediterranean.';
    expect(findings(text)).toEqual([]);
    // In neither: reported against the nearer, as before.
    const wrong = text.replace('fair and ethical', 'fast and cheap');
    expect(findings(wrong).map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
    // The other citing nothing that exists (`§6(d)`) does not take the quotation.
    const nothing = 'See CRP/43 §6(d), then “the Administration plans a major initiative on ethical recruitment” (CRP/43 §16).';
    expect(findings(nothing).map((f) => f[0])).toEqual(['crp-cite.unknown-sub-paragraph', 'crp-cite.quote-mismatch']);
  });

  it('a quotation with a note call right after it is that note’s, not the next note’s in the same sentence (audit 15)', () => {
    const text = '- the campaign, to be launched "in several stages, in 50\n  target countries";[^11]\n- ethical recruitment (IRIS);[^12]\n\n[^11]: CRP/43 para 15.\n[^12]: CRP/43, para. 16.\n';
    expect(findings(text)).toEqual([]);
    expect(findings(text.replace('para 15', 'para 14')).map((f) => f[2])).toEqual(['The quoted words are in paragraph 15 of CRP/43, not 14.']);
  });

  it('a citation in parentheses right after the quotation is its own: the sentence’s other citation does not take it (audit 13)', () => {
    const words = 'seeks to mobilize support offered in the form of a public–private alliance on fair and ethical recruitment';
    expect(findings(`Unlike CRP/43 §16, the paper says that IOM “${words}” (CRP/43, para. 17).`).map((f) => f[2])).toEqual([
      'The quoted words are in paragraph 16 of CRP/43, not 17.',
    ]);
    expect(findings(`Alors que CRP/43, par. 16, parle d’autre chose, le document dit que l’OIM « ${words} », CRP/43, par. 17.`).map((f) => f[0])).toEqual([
      'crp-cite.quote-elsewhere',
    ]);
  });

  it('footnote calls are no words: quoted without them, with the superscript, or as a PDF copies them', () => {
    for (const call of ['', '²', '2']) {
      const text = `The paper lists “the Secretary-General’s eight-point agenda,${call} IOM’s six key recommendations” (CRP/43, para. 5(a)).`;
      expect(findings(text), call).toEqual([]);
    }
    expect(findings('The paper lists “the Secretary-General’s eight-point agenda, IOM’s seven key recommendations” (CRP/43, para. 5(a)).').map((f) => f[0])).toEqual([
      'crp-cite.quote-mismatch',
    ]);
  });

  it('ellipses in their usual forms, insertions and [sic]', () => {
    for (const gap of ['…', '...', '[…]', '[...]', '(…)']) {
      expect(findings(`CRP/43 §27: “the real work starts now ${gap} and the actual implementation of the recommendations”.`), gap).toEqual([]);
    }
    expect(findings('CRP/43 §16: “[IOM] seeks to mobilize support offered in the form of a public–private alliance”.')).toEqual([]);
    expect(findings('CRP/43 §16: “The Administration [sic] plans to launch in the near future a major initiative”.')).toEqual([]);
  });

  it('a block quote’s attribution line (`> — CRP/43, [para. 11](…)`) is no words of the quote', () => {
    const quote = (words: string) => `The reference text is CRP/43.\n\n> ${words}\n>\n> — CRP/43, [para. 11](crp43.md#11)\n`;
    expect(findings(quote('IOM believes that human mobility is one of the transformative issues for development'))).toEqual([]);
    expect(findings(quote('IOM believes that human mobility is one of the least important issues for development')).map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
  });

  it('a letter changed in brackets inside a word is the paper’s word (`[m]ore`), not an insertion', () => {
    expect(findings('As CRP/43 §6(b) notes, “[m]ore than 50 delegations referred explicitly to the need to consider migration”.')).toEqual([]);
    expect(findings('As CRP/43 §6(b) notes, “[m]ore than 60 delegations referred explicitly to the need to consider migration”.').map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
  });
});

describe('languages', () => {
  it('a quotation most of whose words are the passage’s is in its language, whatever its few common words (`non-UN`: French `un`)', () => {
    expect(findings('As CRP/43 §23 says, “IOM’s status zzq a non-UN agency”.').map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
    expect(findings('Selon CRP/43, par. 23, « le statut de l’OIM en tant qu’organisation non onusienne » pose problème.')).toEqual([]);
  });

  it('tells English from French and Spanish by their common words', () => {
    expect(languageOf('the real work starts now to establish')).toBe('en');
    expect(languageOf('le véritable travail commence maintenant pour les États')).toBe('fr');
    expect(languageOf('el verdadero trabajo comienza ahora para los Estados')).toBe('es');
  });

  it("a French writer's insertion in an English quotation does not make it a translation", () => {
    // Judged by the quoted words: the insertion's French words would outnumber them.
    expect(findings('Selon CRP/43, par. 16, « [selon l\'Organisation et pour les États de la région] seeks to mobilize support offered in the form of a public–private alliance ».')).toEqual([]);
    expect(findings('Selon CRP/43, par. 16, « [selon l\'Organisation et pour les États de la région] seeks to mobilize support offered in the form of a private alliance ».').map((f) => f[0])).toEqual(['crp-cite.quote-mismatch']);
  });
});

describe('what a quotation finding says', () => {
  it('after `Ibid.` alone, the paragraph it repeats (was an empty number)', () => {
    const text = 'CRP/43 (para. 25). IOM "will seek to become a specialized agency" (ibid.).';
    const [finding] = checkDraft(new DraftIndex(text, ['CRP/43']), corpus);
    expect(messageOf(finding!, translator('en'))).toBe('These words are not in paragraph 25 of CRP/43: check the quotation against the paper.');
  });
});

describe('a quotation one place away from the paper', () => {
  const said = (quotation: string, locale: Language = 'en', cite = 'CRP/43 §27') =>
    checkDraft(new DraftIndex(`As ${cite} puts it, “${quotation}”.`, symbols), corpus).map((f) => messageOf(f, translator(locale)));
  // Paragraph 27: “… but the real work starts now to establish follow-up mechanisms …”
  it('names the word changed, added or left out, with a word either side', () => {
    expect(said('the real work begins now to establish follow-up mechanisms')).toEqual(['These words are not in paragraph 27 of CRP/43: it reads “work starts now”, not “work begins now”.']);
    expect(said('the real hard work starts now to establish follow-up mechanisms')).toEqual(['These words are not in paragraph 27 of CRP/43: it reads “real work”, not “real hard work”.']);
    expect(said('the real work now to establish follow-up mechanisms')).toEqual(['These words are not in paragraph 27 of CRP/43: it reads “work starts now”, not “work now”.']);
  });

  it('at either end, shows the word the paper has there, and a hyphenated word whole', () => {
    expect(said('a real work starts now to establish follow-up mechanisms')).toEqual(['These words are not in paragraph 27 of CRP/43: it reads “the real”, not “a real”.']);
    expect(said('the real work starts now to establish follow-up mechanism')).toEqual(['These words are not in paragraph 27 of CRP/43: it reads “follow-up mechanisms”, not “follow-up mechanism”.']);
  });

  it('says it in the writer’s language, with its quotation marks', () => {
    expect(said('the real work begins now to establish follow-up mechanisms', 'fr', 'CRP/43, par. 27,')).toEqual([
      'Ces mots ne figurent pas au paragraphe 27 du document CRP/43\u00a0: on y lit «\u00a0work starts now\u00a0», et non «\u00a0work begins now\u00a0».',
    ]);
    expect(said('the real work begins now to establish follow-up mechanisms', 'es', 'CRP/43, párr. 27,')).toEqual([
      'Estas palabras no están en el párrafo 27 del documento CRP/43: el texto dice «work starts now», no «work begins now».',
    ]);
  });

  it('changed in two places, or cut by an ellipsis, it asks to check the quotation', () => {
    expect(said('the real work begins now to establish follow-up procedures')).toEqual(['These words are not in paragraph 27 of CRP/43: check the quotation against the paper.']);
    expect(said('the real work begins now … to establish follow-up mechanisms')).toEqual(['These words are not in paragraph 27 of CRP/43: check the quotation against the paper.']);
  });
});

describe('as the writer types', () => {
  it('a quotation on another line than its citation is checked again when edited', () => {
    const text = `${'Filler.\n\n'.repeat(10)}As CRP/43 §27 puts it,\n“the real work starts now to establish follow-up mechanisms”.\n`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    const at = text.indexOf('starts');
    const before = draft.getText();
    draft.applyEdit(at, at + 6, 'begins');
    checker.edited({ start: at, end: at + 6, removed: before.slice(at, at + 6), inserted: 'begins' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.quote-mismatch']);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
  });
});

describe('quotations cited in a Markdown footnote', () => {
  const text = fixture('report-footnotes-en.md');

  it('are checked against the citation in the note’s definition, wherever it is', () => {
    expect(findings(text)).toEqual([
      ['crp-cite.quote-elsewhere', 'plans to launch in the near future a major\ninitiative on ethical recruitment', 'The quoted words are in paragraph 16 of CRP/43, not 9.'],
      [
        'crp-cite.quote-mismatch',
        'seeks to mobilize support offered in the form of a public-private alliance on\nethical recruitment',
        'These words are not in paragraph 16 of CRP/43: it reads “on fair and ethical”, not “on ethical”.',
      ],
      ['crp-cite.quote-mismatch', 'was held on 5 and 6 October 2013 in New York', 'These words are not in paragraph 1 of CRP/43: check the quotation against the paper.'],
    ]);
  });

  it('hover says what the words were checked against, for a quotation in marks and a block quote', () => {
    expect(hoverAt(text, 'it was only the second time')).toBe('Quotation checked: these words are in paragraph 1 of CRP/43.');
    expect(hoverAt(text, 'work starts now to establish')).toBe('Quotation checked: these words are in paragraph 27 of CRP/43.');
  });

  it('the quick fix cites the right paragraph in the note, far below', () => {
    const at = text.indexOf('plans to launch');
    const fix = quickFixes(new DraftIndex(text, symbols), corpus, at, at, en).find((a) => /^Cite §16 instead$/.test(a.title))!;
    expect(fix).toBeDefined();
    let fixed = text;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    expect(fixed).toContain('[^2]: Ibid., para. 16.');
    expect(findings(fixed).map((f) => f[1])).not.toContain('plans to launch in the near future a major\ninitiative on ethical recruitment');
  });

  it.each([
    ['a call right after the quotation wins over the sentence’s citation', 'As CRP/43 §27 says, “the real work starts now to establish follow-up mechanisms”.[^1]\n\n[^1]: CRP/43, para. 1.', ['crp-cite.quote-elsewhere']],
    ['a reference before `de que` and the quoted words: they are checked against it (audit 66)', 'Véase el documento CRP/43.\n\nCompartimos la preocupación expresada en el\npárrafo 23 de que "misconceptions about IOM persist", y observamos que, según\nel párrafo 24, "the United Nations will invariably seek to address migration".', []],
    ['a note that remarks on what the paper cites gives the words no source: not checked against it (audit 71)', 'We pointed them to IRIS, which the Administration presents as "a public–private alliance on ethical recruitment".[^2]\n\n[^2]: The IOM position paper cited in CRP/43, footnote 3, already lists ethical recruitment.', []],
    ['… but a source line with what it adds after a comma is the source', 'It promises “a public–private alliance on ethical recruitment”.[^1]\n\n[^1]: CRP/43, para. 16, emphasis added.', ['crp-cite.quote-mismatch']],
    ['a note that goes on about the paragraph it cites is no source line: the sentence’s citation may hold the words (audit 63)', 'Le document constate au paragraphe 23 de CRP/43 que « misconceptions about IOM persist ».[^1]\n\n[^1]: Le § 9 faisait pourtant état de la reconnaissance de l’expertise de l’OIM.', []],
    ['… though not words found in neither', 'Le document constate au paragraphe 23 de CRP/43 que « misconceptions about IOM remain ».[^1]\n\n[^1]: Le § 9 faisait pourtant état de la reconnaissance de l’expertise de l’OIM.', ['crp-cite.quote-mismatch']],
    ['a note that opens with “See” points further: the sentence’s citation may hold the words', 'As CRP/43 §27 says, “the real work starts now to establish follow-up mechanisms”.[^1]\n\n[^1]: See CRP/43, para. 1.', []],
    ['… though not words found in neither', 'As CRP/43 §27 says, “the real work starts tomorrow to establish follow-up mechanisms”.[^1]\n\n[^1]: Voir aussi CRP/43, par. 1.', ['crp-cite.quote-mismatch']],
    ['the paper’s title in quotation marks is no quotation of its paragraphs', 'See the paper.[^1]\n\n[^1]: IOM, "Overview of the United Nations second High-level Dialogue on International Migration and Development: outcomes for global migration governance", conference room paper CRP/43, paras. 1–2.', []],
    ['a pronoun for the paragraph just cited says the words: checked against it', 'Paragraph 24(c) of CRP/43 is sometimes read as an undertaking. It speaks of "the renewed impetus that the Administration has gained from the High-level Dialogue to pursue a partnership approach to enhance synergies with relevant and diverse partners".', ['crp-cite.quote-mismatch']],
    ['… in French too, and words that are there pass', 'Voir CRP/43, par. 24 c). Il évoque « the renewed impetus that the Administration has gained from the High-level Dialogue ».', []],
    ['a citation that is the whole next sentence is the source of the words', 'The Administration promises “a public–private alliance on ethical recruitment”. CRP/43 ¶16.', ['crp-cite.quote-mismatch']],
    ['… in brackets after “See”, or on the next line after a dash', 'It promises “a public–private alliance on ethical recruitment”. (See CRP/43, para. 16.)\n\nIt promises “a public–private alliance on ethical recruitment”.\n— CRP/43, para. 16', ['crp-cite.quote-mismatch', 'crp-cite.quote-mismatch']],
    ['… and the right words pass', 'The Administration promises “a public–private alliance on fair and ethical recruitment”. CRP/43 ¶16.', []],
    ['a next sentence that goes on past its citation is no source line: not checked', 'It promises “a public–private alliance on ethical recruitment”. CRP/43 ¶16 says more about it.', []],
    ['a sentence after the citation that does not say the words are its: not checked', 'See CRP/43, para. 9. It is said that "the moon is made of green cheese today".', []],
    ['in a table, a quotation is its row’s: not the next row’s citation, past an abbreviation’s full stop', 'Voir CRP/43.\n\n| Thème | CRP/43 | Résolution | Extrait |\n|---|---|---|---|\n| Droits | par. 6 a) | résolution 68/4, par. 10 | « Respect for rights must take centre stage » |\n| Post-2015 | par. 11 | — | « one of the transformative issues for development » |', ['crp-cite.quote-mismatch']],
    ['… and the row’s other citation may hold the words', 'Voir CRP/43.\n\n| Partie | Paragraphes | Extrait |\n|---|---|---|\n| Préparatifs | § 5 a) à c) ; notes 1 à 5 | « all demonstrated a convergence of views on key migration issues » |\n| Suivi | §§ 7-8 | « did not establish any formal follow-up mechanisms » |', []],
    ['the sentence’s citation wins over a call further on', '“The real work starts now to establish follow-up mechanisms” (CRP/43 §27), as noted.[^1]\n\n[^1]: CRP/43, para. 1.', []],
    ['a note that cites another text: not checked', '“The real work starts tomorrow for the follow-up mechanisms”.[^1]\n\n[^1]: A/68/190, para. 3.', []],
    ['a note never defined: nothing to check', '“The real work starts tomorrow for the follow-up mechanisms”.[^1]', []],
    ['a quotation in an earlier sentence is not the note’s', '“The real work starts tomorrow for the follow-up mechanisms”. The Council agreed.[^1]\n\n[^1]: CRP/43, para. 27.', []],
    ['a definition in code is none', '“The real work starts tomorrow for the follow-up mechanisms”.[^1]\n\n```\n[^1]: CRP/43, para. 27.\n```', []],
    ['a translation is not checked', 'La Administración afirmó que «el verdadero trabajo comienza ahora».[^1]\n\n[^1]: CRP/43, párr. 27.', []],
  ])('%s', (_name, draft, codes) => {
    expect(findings(draft).map((f) => f[0])).toEqual(codes);
  });

  it('the panel counts them with the paragraphs they quote', () => {
    const draft = new DraftIndex(text, symbols);
    const tallies = tallyQuotations(draft, corpus, draft.citations());
    expect(tallies.map((t) => [t.keys.join(), t.ok])).toEqual(
      expect.arrayContaining([
        ['1', true],
        ['9', false],
        ['16', false],
        ['27', true],
        ['1', false],
      ]),
    );
    expect(tallies).toHaveLength(5);
  });

  describe('as the writer edits the draft', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} of the report cites CRP/43 §${(i % 27) + 1}.`).join('\n\n');
    const start = `The Dialogue “was held on 3 and 4 October 2013 in New York”.[^1]\n\n${filler}\n\n[^1]: CRP/43, para. 1.\n`;
    const edit = (draft: DraftIndex, checker: DraftChecker, from: number, to: number, inserted: string) => {
      const before = draft.getText();
      draft.applyEdit(from, to, inserted);
      checker.edited({ start: from, end: to, removed: before.slice(from, to), inserted }, draft.getText(), draft.lastReparsed);
      const now = checker.findings(draft).map(({ id: _, ...f }) => f);
      expect(now).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
      return now.map((f) => f.code);
    };

    it('an edit to the note’s citation, pages below, checks the quotation again, and only it', () => {
      const draft = new DraftIndex(start, symbols);
      const checker = new DraftChecker(corpus);
      expect(checker.findings(draft)).toEqual([]);
      const at = start.indexOf('para. 1.') + 'para. 1'.length;
      expect(edit(draft, checker, at, at, '6')).toEqual(['crp-cite.quote-elsewhere']);
      expect(checker.lastChecked).toBeLessThanOrEqual(4);
      expect(edit(draft, checker, at, at + 1, '')).toEqual([]);
    });

    it('the note’s definition deleted or relabelled, then written back', () => {
      const draft = new DraftIndex(start.replace('para. 1.', 'para. 2.'), symbols);
      const elsewhere = ['crp-cite.quote-elsewhere'];
      const checker = new DraftChecker(corpus);
      expect(checker.findings(draft).map((f) => f.code)).toEqual(elsewhere);
      const label = draft.getText().lastIndexOf('[^1]:') + 2;
      expect(edit(draft, checker, label, label + 1, '2')).toEqual([]);
      expect(edit(draft, checker, label, label + 1, '1')).toEqual(elsewhere);
      const line = draft.getText().lastIndexOf('[^1]:');
      const definition = draft.getText().slice(line);
      expect(edit(draft, checker, line, draft.getText().length, '')).toEqual([]);
      expect(edit(draft, checker, line, line, definition)).toEqual(elsewhere);
    });

    it('an edit between the quotation and its note keeps the finding, checking only near the keystroke', () => {
      const draft = new DraftIndex(start.replace('3 and 4', '5 and 6'), symbols);
      const checker = new DraftChecker(corpus);
      expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.quote-mismatch']);
      const at = draft.getText().indexOf('Paragraph 150');
      expect(edit(draft, checker, at, at, 'x')).toEqual(['crp-cite.quote-mismatch']);
      expect(checker.lastChecked).toBeLessThanOrEqual(4);
      // The quoted words fixed, and the call's label changed to a note never defined.
      const words = draft.getText().indexOf('5 and 6');
      expect(edit(draft, checker, words, words + 7, '3 and 4')).toEqual([]);
      expect(edit(draft, checker, words, words + 7, '5 and 6')).toEqual(['crp-cite.quote-mismatch']);
      const call = draft.getText().indexOf('[^1]') + 2;
      expect(edit(draft, checker, call, call + 1, '7')).toEqual([]);
    });
  });
});

describe('property: any exact passage of a paragraph, quoted and cited right, is never flagged', () => {
  const paragraphs = paper.data.paragraphs.filter((p) => p.text.split(' ').length >= 8);
  const QUOTES: Array<[string, string]> = [['“', '”'], ['"', '"'], ['« ', ' »'], ['«\u00a0', '\u00a0»'], ['„', '“'], ['‘', '’'], ["'", "'"]];
  const typography = (s: string, variant: number) =>
    [s, s.replace(/–/g, '-'), s.replace(/'/g, '’'), s.replace(/ /g, '\n'), s.charAt(0).toUpperCase() + s.slice(1), s.replace(/-/g, '‑')][variant]!;

  it('whatever its typography, marks, case or line wraps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paragraphs),
        fc.nat(),
        fc.integer({ min: 4, max: 20 }),
        fc.constantFrom(...QUOTES),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (p, from, length, [open, close], variant, after) => {
          const all = p.text.split(' ');
          const start = from % Math.max(1, all.length - length);
          const passage = all.slice(start, start + length).join(' ').replace(/\*/g, '');
          const quote = `${open}${typography(passage, variant)}${close}`;
          const text = after ? `The paper says ${quote} (CRP/43 §${p.number}).` : `As CRP/43 §${p.number} says, ${quote}`;
          expect(findings(text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('British single quotation marks, straight', () => {
  it('checks the words between them, apostrophes inside a word or after a plural left in the quotation (audit 55)', () => {
    expect(findings("4. **Rights first.** 'Respect for rights must take centre stage' [CRP/43, para\n6(a)], and so on.")).toEqual([
      ['crp-cite.quote-mismatch', 'Respect for rights must take centre stage', 'These words are not in paragraph 6(a) of CRP/43: it reads “rights needs to take”, not “rights must take”.'],
    ]);
    expect(findings("The CRP is candid: 'As Chair of the GMG, IOM led the Group's preparations for the High-level Dialogue' (CRP/43, para 5(c)).")).toEqual([]);
    // A plural's apostrophe inside (`States'`), or closing when no other may.
    expect(findings("The CRP is 'neutral on this question out of full respect for Member States' sovereign right to determine' it (CRP/43, para 25).")).toEqual([]);
    expect(findings("The CRP is 'neutral on this question out of full respect for Member States' (CRP/43, para 25); 'risks of duplicating and diminishing IOM's mandate-based work' (para 23).")).toEqual([]);
    expect(findings("The CRP is 'neutral on this question out of full respect for all States' (CRP/43, para 25).").map((f) => f[1])).toEqual(['neutral on this question out of full respect for all States']);
  });

  it('an apostrophe alone opens nothing: a plural possessive, a contraction, a quoted word', () => {
    for (const text of ["Member States' views differ on CRP/43 §25, and IOM's role isn't settled by its 'neutral' wording, as States' delegates said."]) {
      const draft = new DraftIndex(text, symbols);
      expect(quotationsOf(draft, draft.citations()), text).toEqual([]);
    }
  });
});

describe('property: a passage quoted with one word changed is reported, and the message names the word', () => {
  const paragraphs = paper.data.paragraphs.filter((p) => p.text.split(' ').length >= 8 && !/[“”"«»‘’*]/.test(p.text));

  it('wherever the word is, at either end or in between', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paragraphs), fc.nat(), fc.integer({ min: 5, max: 20 }), fc.nat(), (p, from, length, which) => {
        const all = p.text.split(' ');
        const start = from % Math.max(1, all.length - length);
        const words = all.slice(start, start + length);
        // A word of letters alone: `High-level` is two words, `IOM's` two, `(a)` a letter.
        fc.pre(/^[A-Za-z]+$/.test(words[which % words.length]!));
        words[which % words.length] = 'zzq';
        const [finding, ...more] = findings(`As CRP/43 §${p.number} says, “${words.join(' ')}”.`);
        expect(more).toEqual([]);
        expect(finding?.[0]).toBe('crp-cite.quote-mismatch');
        expect(finding?.[2]).toMatch(/: it reads “[^”]+”, not “[^”]*zzq[^”]*”\.$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a quotation attributed to the paper with no paragraph', () => {
  const said = (text: string, t = en) => checkDraft(new DraftIndex(text, symbols), corpus).map((f) => [f.code, text.slice(f.start, f.end), messageOf(f, t)]);

  it.each([
    // Audit 27: the paper as the subject, `que`, the quotation on its line.
    ['fr', 'Voir CRP/43.\n\nSur le premier point, le document affirme que « Respect for rights must take centre stage » — et c’est bien notre conviction.'],
    // Audit 29: a block quote after the line that attributes it.
    ['fr', 'Voir CRP/43.\n\nLe document précise :\n\n> Lastly, the Administration will continue to study the linkages between\n> environmental change and migration, for instance in the framework of the project funded by the European Union entitled'],
    ['en', 'CRP/43 states that “respect for rights must take centre stage” in the debate.'],
    ['es', 'Sobre CRP/43.\n\nEl documento señala que «respect for rights must take centre stage».'],
  ])('%s: checked against the whole paper, and a changed word said', (_lang, text) => {
    const [finding, ...more] = said(text);
    expect(more).toEqual([]);
    expect(finding![0]).toBe('crp-cite.quote-mismatch');
    expect(finding![2]).toMatch(/^These words are not in CRP\/43: it reads “.*”, not “.*”\.$/);
  });

  it('the words found anywhere in the paper are right, whatever paragraph they are in', () => {
    expect(said('CRP/43 states that “respect for rights needs to take centre stage” in the debate.')).toEqual([]);
    expect(said('Voir CRP/43.\n\nLe document précise :\n\n> Lastly, the Administration will continue to study the linkages between\n> environmental change and migration')).toEqual([]);
  });

  it('is said in the writer’s language', () => {
    const text = 'Le document affirme que « Respect for rights must take centre stage » ici.';
    expect(said(`Voir CRP/43.\n\n${text}`, translator('fr'))[0]![2]).toBe('Ces mots ne figurent pas dans le document CRP/43\u00a0: on y lit «\u00a0rights needs to take\u00a0», et non «\u00a0rights must take\u00a0».');
  });

  it('not when the sentence cites a paragraph (the quotation is that citation’s), nor in code, nor when no paper is named', () => {
    // Checked against paragraph 6(a), once.
    expect(said('CRP/43 states that “respect for rights must take centre stage” (para. 6(a)).').map((f) => f[2])).toEqual(['These words are not in paragraph 6(a) of CRP/43: it reads “rights needs to take”, not “rights must take”.']);
    expect(said('`CRP/43 states that “respect for rights must take centre stage”`')).toEqual([]);
    expect(said('The paper states that “respect for rights must take centre stage” in the debate.')).toEqual([]);
  });

  it('stays right edit by edit: a word typed into the quotation is said, typed back it is not', () => {
    const text = `${'Filler.\n\n'.repeat(20)}Voir CRP/43.\n\nLe document précise :\n\n> Lastly, the Administration will continue to study the linkages between\n> environmental change and migration\n\n${'Filler.\n\n'.repeat(20)}`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    const type = (start: number, end: number, inserted: string) => {
      const before = draft.getText();
      draft.applyEdit(start, end, inserted);
      checker.edited({ start, end, removed: before.slice(start, end), inserted }, draft.getText(), draft.lastReparsed);
      const now = checker.findings(draft).map(({ id: _, ...f }) => f);
      expect(now).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
      return now.map((f) => f.code);
    };
    expect(checker.findings(draft)).toEqual([]);
    const at = text.indexOf('continue');
    expect(type(at, at + 'continue'.length, 'stop')).toEqual(['crp-cite.quote-mismatch']);
    expect(type(at, at + 'stop'.length, 'continue')).toEqual([]);
    // The attribution unwritten: nothing attributes the words to the paper.
    const says = draft.getText().indexOf('précise');
    expect(type(says, says + 'précise'.length, 'pense')).toEqual([]);
    expect(type(at, at + 'continue'.length, 'stop')).toEqual([]);
  });
});
