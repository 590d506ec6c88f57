/** The checks behind diagnostics and `crp-cite check`: each problem, exactly where it is, and nothing else. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../server/src/core/load';
import { DraftIndex } from '../../server/src/core/draft/draftIndex';
import { checkDraft, DraftChecker, messageOf } from '../../server/src/core/features/diagnostics';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { translator } from '../../server/src/i18n';
import { coveredByCitation, referenceLabel } from '../../server/src/core/resolve';
import { parseFixture } from '../fixtures/cursor';

const corpus = loadCorpus(resolve(__dirname, '..', '..', 'data', 'documents'));
const symbols = corpus.papers.map((p) => p.symbol);

/** Findings of a fixture, with `[[...]]` marking where each one must be. */
function check(source: string) {
  const { text, ranges } = parseFixture(source);
  const findings = checkDraft(new DraftIndex(text, symbols), corpus);
  return { text, ranges, findings, spans: findings.map((f) => ({ start: f.start, end: f.end })), codes: findings.map((f) => f.code) };
}

describe('each check covers exactly the faulty reference', () => {
  it.each([
    ['unknown paragraph past the end', 'See CRP/43 §[[28]].', 'crp-cite.unknown-paragraph'],
    ['paragraph zero', 'See CRP/43, para. [[0]].', 'crp-cite.unknown-paragraph'],
    ['unknown paragraph at the end of a range', 'See CRP/43 §§25–[[30]].', 'crp-cite.unknown-paragraph'],
    ['sub-paragraph beyond the last', 'See CRP/43 §[[6(d)]].', 'crp-cite.unknown-sub-paragraph'],
    ['sub-paragraph of a paragraph without any', 'Voir CRP/43, par. [[9(a)]].', 'crp-cite.unknown-sub-paragraph'],
    ['sub-paragraph range ending too far', 'See CRP/43 §6(a)–[[(d)]].', 'crp-cite.unknown-sub-paragraph'],
    ['reversed range', 'See CRP/43 §§[[21–19]].', 'crp-cite.reversed-range'],
    ['reversed sub-paragraph range', 'See CRP/43 §[[6(c)–(a)]].', 'crp-cite.reversed-range'],
    ['a list repeating a number', 'See CRP/43 §§6, [[6]].', 'crp-cite.repeated-reference'],
    ['a number already inside a range', 'Véase CRP/43, párrs. 11–14 y [[12]].', 'crp-cite.repeated-reference'],
    ['a range of one paragraph', 'See CRP/43 §§[[6–6]].', 'crp-cite.repeated-reference'],
    ['overlapping ranges', 'See CRP/43 §§11–13, [[12–14]].', 'crp-cite.overlapping-range'],
    ['leading zeros', 'See CRP/43 §[[06]].', 'crp-cite.leading-zeros'],
    ['an absurd number', 'See CRP/43 §[[99999999999999999999]].', 'crp-cite.absurd-number'],
    ['a letter alone in a list, unknown', 'See CRP/43 §6(a) and [[(d)]].', 'crp-cite.unknown-sub-paragraph'],
    ['a letter alone in a Spanish list, unknown', 'Véase CRP/43, párr. 6 (a) y [[(d)]].', 'crp-cite.unknown-sub-paragraph'],
    ['a letter alone repeating one before', 'See CRP/43 §6(a) and [[(a)]].', 'crp-cite.repeated-reference'],
    ['a letter alone inside an earlier range', 'See CRP/43 §6(a)–(c) and [[(b)]].', 'crp-cite.repeated-reference'],
    ['a letter alone repeating through a number', 'See CRP/43 §§6(a), 7 and 6(b), (c) and [[(b)]].', 'crp-cite.repeated-reference'],
    ['a reversed range of letters alone', 'See CRP/43 §6(a), [[(c)–(b)]].', 'crp-cite.reversed-range'],
    ['a letter range of one', 'See CRP/43 §6(a), [[(c)–(c)]].', 'crp-cite.repeated-reference'],
    ['an unknown paragraph on the line after the mark', 'See CRP/43, párrs.\n[[28]] y 7.', 'crp-cite.unknown-paragraph'],
    ['an unknown paragraph on the line after a separator', 'See CRP/43 §§6,\n7 and [[28]].', 'crp-cite.unknown-paragraph'],
  ])('%s', (_name, source, code) => {
    const r = check(source);
    expect(r.codes).toEqual([code]);
    expect(r.spans).toEqual(r.ranges);
  });

  it('a letter alone takes its paragraph from the reference before it, and is reported there', () => {
    // 9 has no sub-paragraphs: both letters are wrong, each at its place; 28 is reported once, on the 28.
    let r = check('Voir CRP/43, par. [[9(a)]] et [[(b)]], CRP/43 §[[28]](a) and (b).');
    expect(r.codes).toEqual(['crp-cite.unknown-sub-paragraph', 'crp-cite.unknown-sub-paragraph', 'crp-cite.unknown-paragraph']);
    expect(r.spans).toEqual(r.ranges);
    r = check('See CRP/43 §§5(a), 6(a) and [[(d)]].');
    expect(messageOf(r.findings[0]!, translator('en'))).toBe('Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).');
    r = check('See CRP/43 §6(a) and [[(a)]].');
    expect(messageOf(r.findings[0]!, translator('en'))).toBe('6(a) is already cited earlier in this citation.');
    r = check('See CRP/43 §6(a), [[(c)–(b)]].');
    expect(messageOf(r.findings[0]!, translator('en'))).toBe('This range runs backwards: 6(c) comes after 6(b).');
  });

  it('reports every broken citation on a line, each at its place', () => {
    const r = check('CRP/43 §[[28]] and CRP/43 §[[6(d)]] but CRP/43 §6(c) and CRP/43 §§[[21–19]].');
    expect(r.spans).toEqual(r.ranges);
  });

  it('gives errors for what cannot be found and warnings for what is only untidy', () => {
    const r = check('CRP/43 §28, CRP/43 §06, CRP/43 §§6, 6');
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning']);
  });
});

describe('what is not a problem', () => {
  it('accepts every valid form the grammar reads', () => {
    const r = check(
      'CRP/43 §1, CRP/43 §6(a)–(c), CRP/43 § 24 (a), CRP/43 §§11–12, CRP/43 §§13 to 14, CRP/43, para. 16, ' +
        'CRP/43 §§18, 19 and 21, CRP/43 paras. 23-25, CRP/43, par. 13, CRP/43, párr. 22, CRP/43 §§6–8, CRP/43 §27.',
    );
    expect(r.findings).toEqual([]);
    const lists = check(
      'CRP/43 §6(a) and (b), CRP/43 §6(a), (b) and (c), CRP/43, párr. 6 (a) y (c), CRP/43 §§6(a), (c) and 7, ' +
        'CRP/43 §§5(c), 6(a) and (b), CRP/43 §12(a) and (b)–(c), CRP/43, párrs.\n19 a 20, CRP/43 §§6,\n7 and 12.',
    );
    expect(lists.findings).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('ignores code spans, code blocks, HTML comments, link destinations and other papers', () => {
    const r = check(
      [
        'Template: `CRP/43 §28` is not a citation.',
        '',
        '```',
        'CRP/43 §28',
        '```',
        '',
        '    CRP/43 §0 in an indented code block',
        '',
        '<!-- CRP/43 §28 -->',
        '',
        'See [the paper](https://example.org/CRP/43 §28) and CRP/44 §30.',
      ].join('\n'),
    );
    expect(r.findings).toEqual([]);
  });

  it('accepts the example drafts shipped with the project', () => {
    for (const name of ['briefing-note-en.md', 'note-d-information-fr.md', 'nota-informativa-es.md']) {
      const text = require('node:fs').readFileSync(resolve(__dirname, '..', '..', 'examples', name), 'utf8') as string;
      expect(checkDraft(new DraftIndex(text, symbols), corpus), name).toEqual([]);
    }
  });
});

describe('silencing comments', () => {
  it('disable-next-line silences the next line only', () => {
    const r = check('<!-- crp-cite-disable-next-line -->\nCRP/43 §28\nCRP/43 §[[29]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('disable-next-line may end the previous line of a hard-wrapped paragraph', () => {
    const r = check('As the paper says <!-- crp-cite-disable-next-line -->\n(CRP/43 §28) and later CRP/43 §§6, 6.\nCRP/43 §[[0]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('disable-line with a code silences that code only', () => {
    const r = check('CRP/43 §28 and CRP/43 §[[06]] <!-- crp-cite-disable-line unknown-paragraph -->');
    expect(r.codes).toEqual(['crp-cite.leading-zeros']);
    expect(r.spans).toEqual(r.ranges);
  });

  it('disable silences the rest of the file, until enable', () => {
    const r = check('CRP/43 §[[28]]\n<!-- crp-cite-disable -->\nCRP/43 §28\nCRP/43 §0\n<!-- crp-cite-enable -->\nCRP/43 §[[29]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('the directive’s words outside a comment silence nothing', () => {
    const r = check('crp-cite-disable-next-line\nCRP/43 §[[28]]');
    expect(r.spans).toEqual(r.ranges);
  });

  // A guide for writers shows how to silence a finding: the comment it quotes is text.
  it('a directive quoted in a fenced code block silences nothing', () => {
    const r = check('How to silence a line:\n\n```markdown\n<!-- crp-cite-disable -->\n```\n\nCRP/43 §[[28]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('a directive quoted in a code span silences nothing', () => {
    const r = check('Write `<!-- crp-cite-disable-line -->` after CRP/43 §[[28]] to keep it.');
    expect(r.spans).toEqual(r.ranges);
  });

  it('a directive quoted in an indented code block silences nothing', () => {
    const r = check('Write this:\n\n    <!-- crp-cite-disable-next-line -->\nCRP/43 §[[28]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('a real comment beside a code span still silences', () => {
    const r = check('The `§` sign: CRP/43 §28 <!-- crp-cite-disable-line -->\nCRP/43 §[[29]]');
    expect(r.spans).toEqual(r.ranges);
  });

  it('a backtick inside a real comment opens no code span', () => {
    // Read as a code span, `b --> … c` would quote the directive.
    const r = check('A <!-- note `b --> CRP/43 §28 <!-- crp-cite-disable-line --> c` d\nCRP/43 §[[29]]');
    expect(r.spans).toEqual(r.ranges);
  });
});

describe('messages', () => {
  it('name the paper, the reference and what exists instead, in en, fr and es', () => {
    const [f] = check('CRP/43 §6(d)').findings;
    expect(messageOf(f!, translator('en'))).toBe('Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).');
    expect(messageOf(f!, translator('fr'))).toBe('Le paragraphe 6 du document CRP/43 n’a pas d’alinéa d) : ses alinéas sont a) à c).');
    expect(messageOf(f!, translator('es'))).toBe('El párrafo 6 del documento CRP/43 no tiene apartado d): sus apartados son a) a c).');
    const [g] = check('CRP/43 §28').findings;
    expect(messageOf(g!, translator('es'))).toBe('El documento CRP/43 no tiene párrafo 28: sus párrafos van del 1 al 27.');
  });

  it('exist in every language for every code', () => {
    const r = check('CRP/43 §28 CRP/43 §6(d) CRP/43 §9(a) CRP/43 §§21–19 CRP/43 §§6, 6 CRP/43 §§6–6 CRP/43 §§11–13, 12–14 CRP/43 §06 CRP/43 §123456');
    expect(new Set(r.findings.map((f) => f.messageKey)).size).toBe(9);
    for (const lang of ['en', 'fr', 'es'] as const) {
      for (const f of r.findings) expect(messageOf(f, translator(lang))).not.toMatch(/diagnostics\.|\{\{/);
    }
  });
});

describe('DraftChecker, edit by edit', () => {
  const apply = (draft: DraftIndex, checker: DraftChecker, start: number, end: number, inserted: string) => {
    const before = draft.getText();
    draft.applyEdit(start, end, inserted);
    checker.edited({ start, end, removed: before.slice(start, end), inserted }, draft.getText());
  };
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i}: see CRP/43 §${(i % 27) + 1} and CRP/43 §§${(i % 20) + 1}–${(i % 20) + 3}.\n`).join('\n');

  it('agrees with a full check while a hard-wrapped citation is typed over three lines', () => {
    const text = `${lines(20)}\nNew: \n\n${lines(20)}`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    checker.findings(draft);
    let at = text.indexOf('New: ') + 5;
    for (const ch of 'CRP/43\n§§\n6(a), (d) and\n28') {
      apply(draft, checker, at, at, ch);
      at++;
      expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    }
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-sub-paragraph', 'crp-cite.unknown-paragraph']);
    // Removing the mark's line break in one edit: the citation ends, its findings go.
    const mark = draft.getText().indexOf('§§\n');
    apply(draft, checker, mark + 2, mark + 3, '\n\n');
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    expect(checker.findings(draft)).toEqual([]);
  });

  it('agrees with a full check after every keystroke of typing a broken citation and fixing it', () => {
    const text = `${lines(50)}\nNew: \n\n${lines(50)}`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    checker.findings(draft);
    let at = text.indexOf('New: ') + 5;
    for (const ch of 'CRP/43 §§21–19, 28') {
      apply(draft, checker, at, at, ch);
      at++;
      expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    }
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.reversed-range', 'crp-cite.unknown-paragraph']);
    // Deleting `28`, then the reversed range fixed by hand.
    apply(draft, checker, at - 4, at, '');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.reversed-range']);
    const range = draft.getText().indexOf('21–19');
    apply(draft, checker, range, range + 5, '19–21');
    expect(checker.findings(draft)).toEqual([]);
  });

  it('re-checks only the citations near a keystroke, however long the draft', () => {
    const text = lines(2000);
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    checker.findings(draft);
    expect(checker.lastChecked).toBe(4000);
    const at = text.indexOf('CRP/43 §5 ') + 'CRP/43 §5'.length;
    apply(draft, checker, at, at, '0');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-paragraph']);
    expect(checker.lastChecked).toBeLessThanOrEqual(4);
  });

  it('in a note that names its paper once and cites bare paragraphs, re-checks only near a keystroke, and all after the name when it changes', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `Point ${i}: see para. ${(i % 27) + 1}, also par. ${((i + 5) % 20) + 1}.`).join('\n\n');
    const text = `# Comments on CRP/43\n\n${body}\n`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    expect(checker.lastChecked).toBe(4000);
    const at = text.indexOf('para. 5,') + 'para. 5'.length;
    apply(draft, checker, at, at, '0');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-paragraph']);
    expect(checker.lastChecked).toBeLessThanOrEqual(4);
    // The name unwritten: every reference after it cites nothing now; written back, all are checked again.
    const name = draft.getText().indexOf('CRP/43');
    apply(draft, checker, name, name + 1, '');
    expect(checker.findings(draft)).toEqual([]);
    apply(draft, checker, name, name, 'C');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-paragraph']);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
  });

  it('a directive put into code, or taken out of it, by an edit elsewhere', () => {
    const text = 'Intro\n\n<!-- crp-cite-disable -->\n\nCRP/43 §28\n\nAfter';
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    // Typing a fence opening above the directive makes it quoted text, down to the end.
    for (const ch of '```\n') apply(draft, checker, 0, 0, ch);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    // The citation is inside the unclosed fence too: close it after the directive.
    const after = draft.getText().indexOf('-->') + 3;
    apply(draft, checker, after, after, '\n```');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-paragraph']);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    // Deleting the opening fence: the directive silences again.
    apply(draft, checker, 0, 4, '');
    expect(draft.getText().startsWith('Intro')).toBe(true);
    const fresh = checkDraft(new DraftIndex(draft.getText(), symbols), corpus);
    expect(checker.findings(draft)).toEqual(fresh);
  });

  it('a directive quoted by a backtick typed two lines below it', () => {
    // As the server calls it: with what the index re-parsed, so only that is checked again.
    const type = (draft: DraftIndex, checker: DraftChecker, start: number, end: number, inserted: string) => {
      const before = draft.getText();
      draft.applyEdit(start, end, inserted);
      checker.edited({ start, end, removed: before.slice(start, end), inserted }, draft.getText(), draft.lastReparsed);
    };
    const text = 'Say `x\nand <!-- crp-cite-disable --> y\nz\n\nCRP/43 §28\n';
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    const z = text.indexOf('z') + 1;
    type(draft, checker, z, z, '`');
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unknown-paragraph']);
    type(draft, checker, z, z + 1, '');
    expect(checker.findings(draft)).toEqual([]);
  });

  it('a list’s sub-paragraphs named alone follow an edit to the citation before its colon', () => {
    const type = (draft: DraftIndex, checker: DraftChecker, start: number, end: number, inserted: string) => {
      const before = draft.getText();
      draft.applyEdit(start, end, inserted);
      checker.edited({ start, end, removed: before.slice(start, end), inserted }, draft.getText(), draft.lastReparsed);
      const now = checker.findings(draft).map(({ id: _, ...f }) => f);
      expect(now).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
      return now.map((f) => f.code);
    };
    const text = `${lines(20)}\nThe messages (CRP/43, para. 6):\n\n- rights (subparagraph (a));\n- crises (subparagraph (c)).\n\n${lines(20)}`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    const at = text.indexOf('para. 6)') + 'para. '.length;
    expect(type(draft, checker, at, at + 1, '9')).toEqual(['crp-cite.unknown-sub-paragraph', 'crp-cite.unknown-sub-paragraph']);
    expect(type(draft, checker, at, at + 1, '6')).toEqual([]);
    // The colon gone, words after the citation: the list's words name no paragraph.
    const colon = draft.getText().indexOf('6):') + 2;
    expect(type(draft, checker, colon, colon + 1, ' and more.')).toEqual([]);
    expect(draft.citations().filter((c) => c.bare)).toEqual([]);
    // The paragraph ending on the citation: its paragraph's, as after a colon.
    const more = draft.getText().indexOf(' and more.');
    expect(type(draft, checker, more, more + ' and more'.length, '')).toEqual([]);
    expect(draft.citations().filter((c) => c.bare)).toHaveLength(2);
  });

  it('re-checks everything when an edit may turn prose into code', () => {
    const text = 'Before\n\nCRP/43 §28\n\nAfter';
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toHaveLength(1);
    apply(draft, checker, text.indexOf('Before'), text.indexOf('Before'), '```\n');
    expect(checker.findings(draft)).toEqual([]);
  });
});

describe('short forms (ibid.)', () => {
  const covers = (text: string) => new DraftIndex(text, symbols).citations().map((c) => [text.slice(c.start, c.end), c.symbol, coveredByCitation(corpus.paper('CRP/43')!, c).map(referenceLabel).join(' ')]);
  const codes = (text: string, locale: 'en' | 'fr' | 'es' = 'en') => checkDraft(new DraftIndex(text, symbols), corpus).map((f) => [f.code, text.slice(f.start, f.end), messageOf(f, translator(locale))]);

  it.each([
    ['See CRP/43 §6. Later: Ibid., para. 7.', 'Ibid., para. 7', '7'],
    ['See CRP/43 §6. Later: ibid., §7.', 'ibid., §7', '7'],
    ['See CRP/43 §6. Later: id., ¶ 7.', 'id., ¶ 7', '7'],
    ['Voir CRP/43, par. 6.\n\n[^1]: Ibid., par. 7.', 'Ibid., par. 7', '7'],
    ['Véase CRP/43, párr. 6.\n\n[^1]: Ibíd., párr. 7.', 'Ibíd., párr. 7', '7'],
    ['See CRP/43 §§6–7.\n\n[^1]: Ibid.', 'Ibid.', '6 7'],
    ['See CRP/43 §6. Then Ibid., para. 9. Then Ibid.', 'Ibid.', '9'],
    // A lead word after the short form, as after a symbol; the Spanish accented forms.
    ['See CRP/43 §6. Later: Id. at ¶ 24.', 'Id. at ¶ 24', '24'],
    ['See CRP/43 §6. Later: Ibid. at para. 24.', 'Ibid. at para. 24', '24'],
    ['Véase CRP/43, párr. 6. Luego: Íd., párr. 7.', 'Íd., párr. 7', '7'],
    ['Véase CRP/43, párr. 6. Luego: Ibídem, párr. 7.', 'Ibídem, párr. 7', '7'],
    ['Véase CRP/43, párr. 6. Luego: Ídem, párr. 14.', 'Ídem, párr. 14', '14'],
    // Legal style: `Id.` alone, capitalized, a sentence or a parenthesis of its own.
    ['The Administration is neutral. CRP/43 ¶ 25. Its role is technical. Id.', 'Id.', '25'],
    ['See CRP/43 ¶ 24 and its follow-up (Id.)', 'Id.', '24'],
    // Hard-wrapped between its words (audit 58).
    ['El párrafo 6 c) del CRP/43 recoge la preocupación. Citó: “the widespread hazards” (loc.\ncit.).', 'loc.\ncit.', '6(c)'],
    // After the paper named in words, past another text's reference (audit 46).
    ['Le par. 23 du CRP/43 le relève.\n\n- Dans le rapport du Conseil sur sa session précédente, par. 12, les États\n  membres l’avaient dit ; le document de séance (op.\n  cit., par. 25) confirme la position.', 'op.\n  cit., par. 25', '25'],
    // Spanish `Ídem.` alone, as `Ibid.`, and a footnote's definition holding only `Id.` (audit 45).
    ['Véase CRP/43, párr. 9. El texto lo repite. Ídem.', 'Ídem', '9'],
    ['El documento CRP/43, párr. 9, lo dice.[^1]\n\n[^1]: Ídem.', 'Ídem', '9'],
    ['See CRP/43 ¶ 24.[^1]\n\n[^1]: Id.', 'Id.', '24'],
  ])('%s', (text, written, covered) => {
    const found = covers(text);
    expect(found[found.length - 1]).toEqual([written, 'CRP/43', covered]);
    expect(codes(text)).toEqual([]);
  });

  it('`id.` alone is a short form only capitalized and standing alone (`the id. field`, `Id. est` are not)', () => {
    expect(covers('See CRP/43 ¶ 24, the id. field, and Id. est aside.').map((c) => c[0])).toEqual(['CRP/43 ¶ 24']);
    expect(covers('Véase CRP/43, párr. 9. Ídem de lo mismo, y la tabla ídem.').map((c) => c[0])).toEqual(['CRP/43, párr. 9']);
  });

  it('skips code: a citation in code is no antecedent, a short form in code is none', () => {
    expect(covers('`CRP/43 §6` and Ibid., para. 7')).toEqual([['Ibid., para. 7', '', '7']]);
    expect(covers('CRP/43 §6\n\n```\nIbid., para. 9\n```\n')).toHaveLength(1);
  });

  it('warns when there is no citation before, or when the one before is of a paper crp-cite does not have', () => {
    expect(codes('Ibid., para. 7 says so.')).toEqual([['crp-cite.ibid-without-citation', 'Ibid.', '“Ibid.” repeats the citation before it, but this draft has none before it.']]);
    const text = 'See CRP/43 §6, then A/68/190, para. 12. Ibid., para. 3.';
    expect(codes(text)).toEqual([['crp-cite.ibid-of-other-source', 'Ibid.', '“Ibid.” follows a citation of “A/68/190”, which crp-cite does not have: it is not checked.']]);
    // A chain of short forms after it is of that paper too, and said so.
    const chain = 'See CRP/43 §6. See A/68/190, para. 4. Ibid., para. 5. Ibid., para. 6.';
    expect(codes(chain).map((c) => c[2])).toEqual(Array(2).fill('“Ibid.” follows a citation of “A/68/190”, which crp-cite does not have: it is not checked.'));
    // A resolution cited by its number, as UN texts do, is such a text too.
    const resolution = 'See CRP/43 §7. The Declaration (General Assembly resolution 68/4, annex) sees mobility as key (ibid., para. 8).';
    // Of no paper (the helper reads its numbers against CRP/43 regardless).
    expect(covers(resolution).pop()!.slice(0, 2)).toEqual(['ibid., para. 8', '']);
    expect(codes(resolution)).toEqual([['crp-cite.ibid-of-other-source', 'ibid.', '“ibid.” follows a citation of “resolution 68/4”, which crp-cite does not have: it is not checked.']]);
    expect(covers('Voir CRP/43, par. 7. La Déclaration (résolution 68/4) (ibid., par. 8).').pop()!.slice(0, 2)).toEqual(['ibid., par. 8', '']);
    expect(covers('Véase CRP/43, párr. 7. La Declaración (resolución 68/4) (ibíd., párr. 8).').pop()!.slice(0, 2)).toEqual(['ibíd., párr. 8', '']);
    // The message names the short form the writer wrote (audit 13: “Ibid.” for an `id.`).
    expect(codes('Id., para. 4.')).toEqual([['crp-cite.ibid-without-citation', 'Id.', '“Id.” repeats the citation before it, but this draft has none before it.']]);
    expect(codes('Véase A/68/190, párr. 12. Íd., párr. 7.', 'es').map((c) => c[2])).toEqual(['«Íd.» sigue a una cita de «A/68/190», que crp-cite no conoce: no se verifica.']);
    // A reference between them that cites no paper crp-cite has (another text's, the draft's
    // own) is what a short form after it repeats, and it is said so (audits 43 and 46).
    const its = 'See CRP/43 §5(a). The report is worth reading in full. New York flags its para 12 and,\nibid., paras 9 and 10 as the most useful, and ibid., para. 11.';
    expect(covers(its).map((c) => c.slice(0, 2))).toEqual([['CRP/43 §5(a)', 'CRP/43'], ['ibid., paras 9 and 10', ''], ['ibid., para. 11', '']]);
    expect(codes(its).map((c) => c[2])).toEqual(Array(2).fill('“ibid.” repeats “para 12”, which does not cite a paper crp-cite has: it is not checked.'));
    expect(codes('Voir CRP/43, par. 7. Voir le par. 4 du présent rapport et ibid., par. 8.', 'fr').map((c) => c[2])).toEqual(['« ibid. » reprend « par. 4 », qui ne renvoie à aucun document que crp-cite connaît : le renvoi n’est pas vérifié.']);
    expect(codes('Véase CRP/43, párr. 7, y el párrafo 4 de la resolución; ibíd., párr. 8.', 'es').map((c) => c[2])).toEqual(['«ibíd.» repite «párrafo 4», que no remite a ningún documento que crp-cite conozca: no se verifica.']);
    // Not French `par` for "by", nor a reference in code.
    expect(covers('CRP/43 §6 was adopted par 20 voix. Ibid., para. 7.').pop()).toEqual(['Ibid., para. 7', 'CRP/43', '7']);
    expect(covers('CRP/43 §6; write `para 12` so. Ibid., para. 7.').pop()).toEqual(['Ibid., para. 7', 'CRP/43', '7']);
    // The paper named last, even without a reference, is the one a short form is of.
    expect(covers('CRP/43 §28 aside, A/68/190 says; CRP/43 was adopted. Ibid., para. 3.').pop()).toEqual(['Ibid., para. 3', 'CRP/43', '3']);
  });

  it('the paper named again right before a short form alone: its last citation is repeated, past another text’s (audit 56)', () => {
    const text = '[^4]: CRP/43, op. cit., § 24, al. b). Voir aussi le rapport\n    A/68/190, op. cit., § 110 ; ibid., § 112.\n\n[^5]: CRP/43, loc. cit. L’énumération y est plus longue.';
    expect(covers(text).pop()).toEqual(['loc. cit.', 'CRP/43', '24(b)']);
    expect(codes(text).map((c) => [c[0], c[1]])).toEqual([['crp-cite.ibid-of-other-source', 'op. cit.'], ['crp-cite.ibid-of-other-source', 'ibid.']]);
    // Edited, the citation it repeats: a fresh check and one edit by edit agree.
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    checker.findings(draft);
    const at = text.indexOf('24');
    const before = draft.getText();
    draft.applyEdit(at, at + 2, '29');
    checker.edited({ start: at, end: at + 2, removed: before.slice(at, at + 2), inserted: '29' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    expect(covers(draft.getText()).pop()).toEqual(['loc. cit.', 'CRP/43', '']);
  });

  it('checks a short form’s references against its paper', () => {
    expect(codes('CRP/43 §6. Ibid., para. 28.').map((c) => c[0])).toEqual(['crp-cite.unknown-paragraph']);
  });

  it('a publication, its title in italics and its imprint, is a source too', () => {
    const text = 'See CRP/43, para. 17. IOM, *World Migration Report 2013* (Geneva, 2013), p. 21. Ibid., para. 3.';
    expect(covers(text).pop()!.slice(0, 2)).toEqual(['Ibid., para. 3', '']);
    expect(codes(text).map((c) => c[2])).toEqual(['“Ibid.” follows a citation of “World Migration Report 2013”, which crp-cite does not have: it is not checked.']);
    // Emphasis without an imprint is no publication.
    expect(covers('See CRP/43, para. 17. The *real work* starts now. Ibid., para. 3.').pop()).toEqual(['Ibid., para. 3', 'CRP/43', '3']);
    // The title and the imprint hard-wrapped in a note; the message gives the title on one line (audit 50).
    const wrapped = '[^8]: CRP/43, para. 23.\n\n[^9]: See IOM, *World Migration Report 2013: Migrant\n    Well-being and Development* (Geneva: IOM,\n    2013), 24.\n\n[^10]: Ibid., 170–71.\n\n[^11]: Ibid., para. 4.';
    expect(covers(wrapped).pop()!.slice(0, 2)).toEqual(['Ibid., para. 4', '']);
    expect(codes(wrapped).map((c) => c[2])).toEqual(Array(2).fill('“Ibid.” follows a citation of “World Migration Report 2013: Migrant Well-being and Development”, which crp-cite does not have: it is not checked.'));
  });

  it('`Ibid., p. 30` cites a page (of a book, or of a paper), not the citation before again', () => {
    expect(covers('See CRP/43 §7. IOM, World Migration Report 2013 (Geneva, 2013), p. 25. Ibid., p. 30.')).toEqual([['CRP/43 §7', 'CRP/43', '7']]);
    expect(covers('See CRP/43 §7. Ibid., chap. III.')).toEqual([['CRP/43 §7', 'CRP/43', '7']]);
    expect(covers('See CRP/43 §7. Ibid. Page after page, it says so.').pop()).toEqual(['Ibid.', 'CRP/43', '7']);
  });

  it('`id.` alone is not read, nor ibid inside a word', () => {
    expect(covers('CRP/43 §6. The id. card and ibidem-like words, Fibid.')).toHaveLength(1);
  });

  it('stays right edit by edit: deleting the citation before a short form warns, typing it back clears', () => {
    const text = `${'Filler paragraph.\n\n'.repeat(30)}See CRP/43 §6.\n\n${'More filler.\n\n'.repeat(30)}[^1]: Ibid., para. 7.\n`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft)).toEqual([]);
    const at = text.indexOf('CRP/43 §6');
    const before = draft.getText();
    draft.applyEdit(at, at + 9, 'nothing');
    checker.edited({ start: at, end: at + 9, removed: before.slice(at, at + 9), inserted: 'nothing' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.ibid-without-citation']);
    expect(checker.findings(draft).map(({ id: _, ...f }) => f)).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
    const again = draft.getText();
    draft.applyEdit(at, at + 7, 'CRP/43 §6');
    checker.edited({ start: at, end: at + 7, removed: again.slice(at, at + 7), inserted: 'CRP/43 §6' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft)).toEqual([]);
  });
});

describe('what looks like a citation but is not read', () => {
  const found = (text: string, t = translator('en')) => checkDraft(new DraftIndex(text, symbols), corpus).map((f) => [f.code, f.severity, text.slice(f.start, f.end), messageOf(f, t)]);

  it.each([
    ['See CRP/43, p. 3.', 'p. 3'],
    ['See CRP/43, pp. 3', 'pp. 3'],
    ['Voir CRP/43, page 4.', 'page 4'],
    ['Véase CRP/43, pág. 4.', 'pág. 4'],
    ['See CRP/43, section II.', 'section II'],
    ['Voir CRP/43, chapitre III.', 'chapitre III'],
    ['Véase CRP/43, secc. II.', 'secc. II'],
    ['See CRP/43, sect. 2.', 'sect. 2'],
    ['Véase CRP/43, cap. III.', 'cap. III'],
    ['See CRP/43 §six.', '§six'],
    ['See CRP/43, para. IV.', 'para. IV'],
    ['Voir CRP/43, paragraphe douze.', 'paragraphe douze'],
    ['Véase CRP/43 (párrafo nueve).', 'párrafo nueve'],
    // French legal style's ordinal for the first (audit 75).
    ['Voir CRP/43, paragraphe premier.', 'paragraphe premier'],
    // A paper's only annex needs no number.
    ['Véase CRP/43, anexo.', 'anexo'],
    ['See CRP/43, annex)', 'annex'],
  ])('%s', (text, written) => {
    const [finding] = found(text);
    expect(finding!.slice(0, 3)).toEqual(['crp-cite.unread-citation', 'info', written]);
    expect(finding![3]).toContain(`“${written}” is not read as a citation`);
  });

  it('an item within a sub-paragraph: the citation is read without it, and that is said (audit 11)', () => {
    const en = found('The first key message (CRP/43, para. 6(a)(i)).');
    expect(en).toEqual([
      ['crp-cite.unread-citation', 'info', '(i)', '“(i)” is not read: crp-cite reads a paper’s paragraphs and sub-paragraphs, not the items within a sub-paragraph. The citation is read without it.'],
    ]);
    expect(found('Le premier message (CRP/43, par. 6 a) ii)).', translator('fr'))[0]!.slice(2)).toEqual([
      'ii)',
      '« ii) » n’est pas lu : crp-cite lit les paragraphes et les alinéas d’un document, pas les subdivisions d’un alinéa. La citation est lue sans cette partie.',
    ]);
    expect(found('CRP/43, párrs. 6 a) y 24 b) iv)', translator('es')).map((f) => f[2])).toEqual(['iv)']);
    // Spaced as some writers space it (audit 30's probe: the `(ii)` went unsaid).
    expect(found('See CRP/43, paragraph 24 (c) (ii).').map((f) => f[2])).toEqual(['(ii)']);
    // Mark first, the item before the connector: the citation was not read at all.
    expect(found('See paragraph 24(c)(ii) of CRP/43.').map((f) => f[2])).toEqual(['(ii)']);
    expect(found('Voir le paragraphe 6 a) ii) du document CRP/43.', translator('fr')).map((f) => f[2])).toEqual(['ii)']);
    const cited = new DraftIndex('See paragraph 24 (c) (ii) of CRP/43.', symbols).citations();
    expect(cited.map((c) => coveredByCitation(corpus.paper('CRP/43')!, c).map(referenceLabel))).toEqual([['24(c)']]);
    // Not an abbreviation or a word after the letter.
    for (const text of ['CRP/43 §6(a) (i.e. rights)', 'CRP/43 §6(a) (in full)', 'CRP/43 §6(a) ix']) expect(found(text), text).toEqual([]);
  });

  it('"and the following" after a paragraph: the paragraph is read, the words are said not to be (audits 50 and 52)', () => {
    expect(found('See CRP/43, paras 9 ff. and §23 et seq. of CRP/43.')).toEqual([
      ['crp-cite.unread-citation', 'info', 'ff.', '“ff.” is not read: only the paragraph before it is checked, not those that follow it. Name the last one (CRP/43 §§6–8).'],
      ['crp-cite.unread-citation', 'info', 'et seq.', '“et seq.” is not read: only the paragraph before it is checked, not those that follow it. Name the last one (CRP/43 §§6–8).'],
    ]);
    expect(found('Voir le CRP/43, par. 9 et suivants.', translator('fr'))).toEqual([
      ['crp-cite.unread-citation', 'info', 'et suivants', '« et suivants » n’est pas lu : seul le paragraphe qui précède est vérifié, pas ceux qui le suivent. Indiquez le dernier (CRP/43, par. 6 à 8).'],
    ]);
    // After a reference without the symbol, as that reference is of the paper.
    expect(found('Sobre el documento CRP/43.\n\nLos párrafos 19 y siguientes anuncian proyectos.', translator('es'))).toEqual([
      ['crp-cite.unread-citation', 'info', 'y siguientes', '«y siguientes» no se lee: solo se verifica el párrafo que lo precede, no los siguientes. Indique el último (CRP/43, párrs. 6 a 8).'],
    ]);
    // Not after a range, another text's reference, or a word that only starts so.
    for (const text of ['CRP/43 §§9–11 ff.', 'CRP/43 §2. The resolution 68/4, paras 3 ff., is another text.', 'CRP/43 §9 ffs', 'CRP/43, párr. 9 y siguientesx']) expect(found(text), text).toEqual([]);
  });

  it('a sub-paragraph that no paragraph is named for: said, not listed as cited in silence (audit 64)', () => {
    expect(found('See CRP/43, n. 3. Ibid., sub-para. (c).')).toEqual([
      ['crp-cite.unread-citation', 'info', 'sub-para. (c)', '“(c)” is not read: no paragraph is named for this sub-paragraph. Name it (CRP/43 §5(c)).'],
    ]);
    expect(found('Voir CRP/43, note 3. Ibid., al. c).', translator('fr'))[0]!.slice(2)).toEqual(['al. c)', '« c) » n’est pas lu : aucun paragraphe n’est indiqué pour cet alinéa. Indiquez-le (CRP/43, par. 5 c)).']);
    // With a paragraph named before the note, the letter is that paragraph's.
    expect(found('See CRP/43 §5(a) and n. 3. Ibid., sub-para. (c).')).toEqual([]);
  });

  it('references without a symbol before the draft names a paper: said, not passed over (audit 12)', () => {
    const text = '**Subject:** refs to the HLD paper\n\n- Para. 23 and para. 24 matter.\n- See 5(b), and paragraph 3 above.\n\n> All refs are to CRP/43.\n\nPara. 9 is read.';
    expect(found(text).map((f) => [f[2], f[3]])).toEqual([
      ['Para. 23 and para. 24', '“Para. 23 and para. 24” is not read as a citation: no paper is named before it (CRP/43 is named only further down). Name the paper here or above.'],
      ['5(b)', '“5(b)” is not read as a citation: no paper is named before it (CRP/43 is named only further down). Name the paper here or above.'],
    ]);
    expect(found(text, translator('es'))[0]![3]).toBe('«Para. 23 and para. 24» no se lee como una cita: no se nombra ningún documento antes (CRP/43 solo se nombra más abajo). Nombre el documento aquí o más arriba.');
    // No paper named anywhere, or another text named before: nothing said.
    expect(found('- Para. 23 and para. 24 matter.')).toEqual([]);
    expect(found('See A/68/190, para. 12, and para. 13.\n\nCRP/43 §2.')).toEqual([]);
  });

  /** An editor on `text`: each edit returns the codes of the findings after it, asserted to be those of a fresh check. */
  const editorOf = (text: string) => {
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    const edit = (start: number, end: number, inserted: string) => {
      const before = draft.getText();
      draft.applyEdit(start, end, inserted);
      checker.edited({ start, end, removed: before.slice(start, end), inserted }, draft.getText(), draft.lastReparsed);
      const now = checker.findings(draft).map(({ id: _, ...f }) => f);
      expect(now).toEqual(checkDraft(new DraftIndex(draft.getText(), symbols), corpus));
      return now.map((f) => f.code);
    };
    return { draft, edit, codes: () => checker.findings(draft).map((f) => f.code) };
  };

  it('references without a symbol before the first mention, as the mention is written and unwritten', () => {
    const text = `- Para. 23 and para. 24 matter.\n\n${'Filler.\n\n'.repeat(30)}The paper: CRP/43.\n`;
    const { edit, codes } = editorOf(text);
    expect(codes()).toHaveLength(1);
    const at = text.indexOf('CRP/43');
    expect(edit(at, at + 1, '')).toHaveLength(0);
    expect(edit(at, at, 'C')).toHaveLength(1);
    // Named at the top: read, nothing said.
    expect(edit(0, 0, 'On CRP/43:\n\n')).toHaveLength(0);
  });

  it('"and the following" after a reference without the symbol, as the paper named far above is unwritten and written back', () => {
    const text = `Sobre el documento CRP/43.\n\n${'Relleno.\n\n'.repeat(30)}Los párrafos 19 y siguientes anuncian proyectos.\n`;
    const { edit, codes } = editorOf(text);
    expect(codes()).toEqual(['crp-cite.unread-citation']);
    const at = text.indexOf('CRP/43');
    expect(edit(at, at + 6, 'informe')).toEqual([]);
    expect(edit(at, at + 7, 'CRP/43')).toEqual(['crp-cite.unread-citation']);
  });

  // (The references far from the note's definition: an edit there re-checks only its surroundings.)
  it.each([
    // After the call (audit 18); typed back, the call names the paper again.
    ['references after a footnote call whose note names the paper', `Its source is the conference room paper.[^1]\n\n${'Filler.\n\n'.repeat(30)}See § 31 and § 24 (a).\n\n`, '[^1]', ['crp-cite.unknown-paragraph']],
    // Before the call, in its sentence; a sentence between them, the call names nothing for it.
    ['a reference before a footnote call in its own sentence whose note names the paper', `${'Filler.\n\n'.repeat(30)}Partnerships matter, as § 31 stresses.[^1]\n\n`, ' They agree.[^1]', ['crp-cite.unread-citation']],
  ])('%s, as the note’s symbol and the call change', (_name, head, retyped, afterRetyped) => {
    const text = `${head}${'Filler.\n\n'.repeat(30)}[^1]: IOM, conference room paper CRP/43, paras. 1–2.\n`;
    const { draft, edit, codes } = editorOf(text);
    expect(codes()).toEqual(['crp-cite.unknown-paragraph']);
    // The note's symbol unwritten, far below: the references above cite nothing now.
    const at = text.lastIndexOf('CRP/43');
    expect(edit(at, at + 1, '')).toEqual([]);
    expect(edit(at, at, 'C')).toEqual(['crp-cite.unknown-paragraph']);
    // The call removed: named only further down.
    const call = draft.getText().indexOf('[^1]');
    expect(edit(call, call + 4, '')).toEqual(['crp-cite.unread-citation']);
    expect(edit(call, call, retyped)).toEqual(afterRetyped);
  });

  it('a sub-paragraph named alone after a paragraph that ends on a citation follows that citation edit by edit (audit 27)', () => {
    const text = 'Sobre CRP/43.\n\nEl documento subraya los derechos (párr. 6 a)).\n\nTambién destacamos el inciso d).\n';
    const { edit, codes } = editorOf(text);
    // Paragraph 6 has no (d): said where it is written.
    expect(codes()).toEqual(['crp-cite.unknown-sub-paragraph']);
    // The citation before it changed to paragraph 24, whose (d) does not exist either; then to 5, which has no (d).
    const six = text.indexOf('6 a)');
    expect(edit(six, six + 1, '24')).toEqual(['crp-cite.unknown-sub-paragraph']);
    // Words after the citation: no citation ends the paragraph, the letter is read alone no more.
    // (Offsets after `6` moved by one: `24`.)
    const stop = text.indexOf(')).') + 2;
    expect(edit(stop + 1, stop + 2, ' hoy.')).toEqual([]);
    expect(edit(stop + 1, stop + 5, '')).toEqual(['crp-cite.unknown-sub-paragraph']);
    // Nor does it need the full stop: `(párr. 24 a))` ⏎⏎ `También … inciso d).`
    expect(edit(stop + 1, stop + 2, '')).toEqual(['crp-cite.unknown-sub-paragraph']);
  });

  it('another paper named as the subject before a pronoun or `that paper`, as it is written and unwritten (audit 28)', () => {
    const text = `See CRP/43 §2.\n\n${'Filler.\n\n'.repeat(3)}CRP/44 is more assertive. It states (§ 31) that the arrangement needs review. Even so, nothing in that paper binds, and its paragraph 32 defers.\n`;
    const { edit, codes } = editorOf(text);
    expect(codes()).toEqual([]);
    // CRP/44 made CRP/43: the references are the paper's now, and point nowhere.
    const at = text.indexOf('CRP/44') + 'CRP/4'.length;
    expect(edit(at, at + 1, '3')).toEqual(['crp-cite.unknown-paragraph', 'crp-cite.unknown-paragraph']);
    expect(edit(at, at + 1, '4')).toEqual([]);
  });

  it('is said in the writer’s language, with the form that would be read', () => {
    expect(found('Voir CRP/43, par. six.', translator('fr'))[0]![3]).toBe('« par. six » n’est pas lu comme une citation : écrivez le numéro en chiffres, « par. 6 ».');
    expect(found('Véase CRP/43, párr. seis.', translator('es'))[0]![3]).toBe('«párr. seis» no se lee como una cita: escriba el número en cifras, «párr. 6».');
  });

  it('is not said of prose, of a citation that is read, or in code', () => {
    for (const text of ['CRP/43 was adopted in 2013.', 'CRP/43, page by page, says', 'CRP/43 §6 and p. 3', '`CRP/43, p. 3`', 'CRP/43, note that', 'CRP/43 para una', 'CRP/43, part of it']) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('offers the fix when the intent is clear, and the fix is read', () => {
    const text = 'See CRP/43 §six here.';
    const draft = new DraftIndex(text, symbols);
    const [fix] = quickFixes(draft, corpus, text.indexOf('six'), text.indexOf('six'), translator('en'));
    expect(fix!.title).toBe('Change to §6');
    const fixed = text.slice(0, fix!.edits[0]!.start) + fix!.edits[0]!.newText + text.slice(fix!.edits[0]!.end);
    expect(fixed).toBe('See CRP/43 §6 here.');
    expect(new DraftIndex(fixed, symbols).citations()).toHaveLength(1);
  });

  it('mark first, a number in words or a Spanish ordinal before the symbol: said, fixed, and read once fixed (audit 53)', () => {
    expect(found('See paragraph six of CRP/43.').map((f) => f.slice(2))).toEqual([['paragraph six', '“paragraph six” is not read as a citation: write the number in figures, “paragraph 6”.']]);
    expect(found('Voir le paragraphe douze du document CRP/43.', translator('fr')).map((f) => f[2])).toEqual(['paragraphe douze']);
    // Hard-wrapped between its two words; said on one line.
    const text = 'Véase el párrafo vigésimo\nsegundo del documento CRP/43.';
    expect(found(text, translator('es')).map((f) => f.slice(2))).toEqual([['párrafo vigésimo\nsegundo', '«párrafo vigésimo segundo» no se lee como una cita: escriba el número en cifras, «párrafo 22».']]);
    const [fix] = quickFixes(new DraftIndex(text, symbols), corpus, text.indexOf('vig'), text.indexOf('vig'), translator('es'));
    const fixed = text.slice(0, fix!.edits[0]!.start) + fix!.edits[0]!.newText + text.slice(fix!.edits[0]!.end);
    expect(fixed).toBe('Véase el párrafo 22 del documento CRP/43.');
    expect(new DraftIndex(fixed, symbols).citations().map((c) => c.items.map((i) => i.from.number?.value))).toEqual([[22]]);
    // After the symbol too; not a count of votes, nor the paper's title words.
    expect(found('CRP/43, párrafo décimo tercero.', translator('es')).map((f) => f[2])).toEqual(['párrafo décimo tercero']);
    for (const other of ['Adopted by six votes of CRP/43.', 'The paragraph of CRP/43.', 'Le paragraphe suivant du document CRP/43.']) expect(found(other), other).toEqual([]);
  });

  it('stays right edit by edit', () => {
    const text = `${'Filler.\n\n'.repeat(20)}See CRP/43, p. 3 here.\n`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unread-citation']);
    const at = text.indexOf('p. 3');
    const before = draft.getText();
    draft.applyEdit(at, at + 4, '§3');
    checker.edited({ start: at, end: at + 4, removed: before.slice(at, at + 4), inserted: '§3' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft)).toEqual([]);
  });

  it('a symbol written without its slash, before or after a reference, is said, with the fix', () => {
    const text = 'See CRP 43, para. 9, paragraph 10 of CRP-43, CRP43 §11 and CRP / 43 (par. 12). CRP 43 was adopted; CRP 430 §2 is another.';
    expect(found(text).map((f) => f.slice(0, 3))).toEqual([
      ['crp-cite.unread-citation', 'info', 'CRP 43'],
      ['crp-cite.unread-citation', 'info', 'CRP-43'],
      ['crp-cite.unread-citation', 'info', 'CRP43'],
      ['crp-cite.unread-citation', 'info', 'CRP / 43'],
    ]);
    expect(found(text)[0]![3]).toBe('“CRP 43” is not read as the symbol of a paper: write “CRP/43”.');
    expect(found('Voir CRP 43, par. 9.', translator('fr'))[0]![3]).toBe('«\u00a0CRP 43\u00a0» n’est pas lu comme la cote d’un document\u00a0: écrivez «\u00a0CRP/43\u00a0».');
    expect(found('Véase CRP 43, párr. 9.', translator('es'))[0]![3]).toBe('«CRP 43» no se lee como la signatura de un documento: escriba «CRP/43».');
    const draft = new DraftIndex('See CRP 43, para. 9.', symbols);
    const [fix] = quickFixes(draft, corpus, 5, 5, translator('en'));
    expect(fix!.edits).toEqual([{ start: 4, end: 10, newText: 'CRP/43' }]);
  });

  it('a symbol in another case (`crp/43`, `Crp/43`) is said once, with the fix, not as a reference that names no paper (audit 14)', () => {
    const text = 'Voir crp/43 par 20 et (Crp/43, par. 9).\n\nSee CRP/43 §9; crp/43 was adopted.';
    expect(found(text, translator('fr')).map((f) => [f[2], f[3]])).toEqual([
      ['crp/43', '«\u00a0crp/43\u00a0» n’est pas lu comme la cote d’un document\u00a0: écrivez «\u00a0CRP/43\u00a0».'],
      ['Crp/43', '«\u00a0Crp/43\u00a0» n’est pas lu comme la cote d’un document\u00a0: écrivez «\u00a0CRP/43\u00a0».'],
    ]);
    const [fix] = quickFixes(new DraftIndex(text, symbols), corpus, 6, 6, translator('fr'));
    expect(fix!.edits).toEqual([{ start: 5, end: 11, newText: 'CRP/43' }]);
    // What follows it is not read as a reference of the paper named before, until fixed.
    const after = 'See CRP/43 §2.\n\nLater: crp/43, par. 20.';
    expect(new DraftIndex(after, symbols).citations().map((c) => after.slice(c.start, c.end))).toEqual(['CRP/43 §2']);
    const fixed = after.replace('crp/43', 'CRP/43');
    expect(new DraftIndex(fixed, symbols).citations().map((c) => fixed.slice(c.start, c.end))).toEqual(['CRP/43 §2', 'CRP/43, par. 20']);
  });

  it('a mark misspelt before a number, in a block that names the paper, is said, with the nearest spelling (audit 10)', () => {
    const text = 'See CRP/43 (paragrah 1), Paragraps 13-14, párafo 9 and footnoet 2; not paragraph 9, programme 9 or photograph 3.';
    expect(found(text).map((f) => [f[2], f[3]])).toEqual([
      ['paragrah 1', '“paragrah 1” is not read as a citation: did you mean “paragraph 1”?'],
      ['Paragraps 13', '“Paragraps 13” is not read as a citation: did you mean “Paragraphs 13”?'],
      ['párafo 9', '“párafo 9” is not read as a citation: did you mean “párrafo 9”?'],
      ['footnoet 2', '“footnoet 2” is not read as a citation: did you mean “footnote 2”?'],
    ]);
    expect(found('Voir CRP/43, paragrahe 9.', translator('fr'))[0]![3]).toBe('«\u00a0paragrahe 9\u00a0» n’est pas lu comme une citation\u00a0: vouliez-vous écrire «\u00a0paragraphe 9\u00a0»\u202f?');
    expect(found('Véase CRP/43, párafo 9.', translator('es'))[0]![3]).toBe('«párafo 9» no se lee como una cita: ¿quiso escribir «párrafo 9»?');
    // Not in a block that names no paper.
    expect(found('On CRP/43.\n\nSee paragrah 1.')).toEqual([]);
  });

  it('`Ibid., p. 30` after the paper is said, as `CRP/43, p. 30` is; after a book or another paper it is not', () => {
    expect(found('See CRP/43 §7. Ibid., p. 30.').map((f) => f.slice(0, 3))).toEqual([['crp-cite.unread-citation', 'info', 'p. 30']]);
    expect(found('See CRP/43 §7. Ibid., p. 30.')[0]![3]).toBe('“p. 30” is not read as a citation: page numbers differ between language versions of a paper. Cite its paragraphs (CRP/43 §6).');
    expect(found('Voir CRP/43, par. 7. Ibid., chap. III.', translator('fr'))[0]![3]).toContain('« chap. III » n’est pas lu comme une citation : le document CRP/43');
    expect(found('See CRP/43 §7. IOM, *World Migration Report 2013* (Geneva, 2013), p. 25. Ibid., p. 30.')).toEqual([]);
    expect(found('See CRP/43 §7, then A/68/190, para. 3. Ibid., p. 30.')).toEqual([]);
    // An author before `op. cit.` names a source too (`Betts, op. cit.`).
    expect(found('See CRP/43 §7. Betts, op. cit., p. 14. Ibid., pp. 306–308.')).toEqual([]);
    // Without one, `op. cit.` is the work cited last: another text's here (audit 26: read as CRP/43 §120).
    expect(found('See CRP/43 §7. The proposals (A/68/190 ¶¶ 118 et seq.) were not taken up; see\nop. cit. ¶ 120.').map((f) => f.slice(0, 3))).toEqual([['crp-cite.ibid-of-other-source', 'info', 'op. cit.']]);
    expect(found('Ibid., p. 30, with nothing cited before.')).toEqual([]);
  });

  it('`Ibid., p. 30` follows the citation before it edit by edit', () => {
    const text = `See CRP/43 §7.\n\n${'Filler.\n\n'.repeat(20)}Ibid., p. 30.\n`;
    const draft = new DraftIndex(text, symbols);
    const checker = new DraftChecker(corpus);
    expect(checker.findings(draft).map((f) => f.code)).toEqual(['crp-cite.unread-citation']);
    const at = text.indexOf('CRP/43');
    const before = draft.getText();
    draft.applyEdit(at, at + 6, 'A/68/190');
    checker.edited({ start: at, end: at + 6, removed: before.slice(at, at + 6), inserted: 'A/68/190' }, draft.getText(), draft.lastReparsed);
    expect(checker.findings(draft)).toEqual([]);
  });
});
