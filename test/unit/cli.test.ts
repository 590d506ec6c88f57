/** `crp-cite show` and `crp-cite list`, through main() with captured output, in three languages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli';

const root = resolve(__dirname, '..', '..');
const drafts = join(root, 'test', 'fixtures', 'drafts');
// The default data folder is found relative to dist/cli.js; from the sources, name it.
const data = join(root, 'data', 'documents');

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main([...argv, '--data', data], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('crp-cite show', () => {
  it('prints a sub-paragraph with its lead-in and footnotes, italics unmarked', () => {
    const r = run('show', 'CRP/43 §5(a)', '--locale', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('CRP/43 §5(a)');
    expect(lines[1]).toMatch(/^5\. The High-level Dialogue proved that/);
    expect(lines[2]).toMatch(/^ {2}\(a\) The United Nations System Chief Executives Board.*on key migration issues\.$/);
    expect(lines).toHaveLength(8);
    expect(lines[3]).toBe(
      '  ¹ This publication, entitled International Migration and Development: Contributions and Recommendations of the International System, was coordinated by the United Nations Population Fund (UNFPA) and IOM and published 2013. Available free of charge in PDF format from IOM online library: http://publications.iom.int/bookstore/index.php?main_page=product_info&cPath=1&products_id=1023.',
    );
  });

  it('prints every paragraph of a range, in any language’s spelling', () => {
    for (const [citation, locale] of [['CRP/43 §§18–20', 'en'], ['CRP/43, par. 18 à 20', 'fr'], ['CRP/43, párrs. 18 a 20', 'es']] as const) {
      const r = run('show', citation, '--locale', locale);
      expect(r.code, citation).toBe(0);
      expect(r.out.split('\n\n').map((b) => b.split('\n')[0])).toEqual(['CRP/43 §18', 'CRP/43 §19', 'CRP/43 §20']);
    }
  });

  it('says, in the writer’s language, when the text is not a citation or the paragraph does not exist', () => {
    expect(run('show', 'CRP/44 §3', '--locale', 'en')).toMatchObject({ code: 2, out: '', err: '“CRP/44 §3” is not a citation of a known paper (for example: CRP/43 §6).' });
    expect(run('show', 'CRP/44 §3', '--locale', 'fr').err).toBe('« CRP/44 §3 » n’est pas une citation d’un document connu (par exemple : CRP/43, par. 6).');
    expect(run('show', 'CRP/44 §3', '--locale', 'es').err).toBe('«CRP/44 §3» no es una cita de un documento conocido (por ejemplo: CRP/43, párr. 6).');
    expect(run('show', 'CRP/43 §42', '--locale', 'fr')).toMatchObject({ code: 1, err: 'Le document CRP/43 n’a pas de paragraphe 42 : ses paragraphes vont de 1 à 27.' });
  });
});

describe('crp-cite list', () => {
  // Columns checked by hand against the drafts (UTF-16 code units, 1-based).
  const expected = [
    'briefing-en.md:3:31: CRP/43 §1 → CRP/43 §1',
    'briefing-en.md:4:1: CRP/43 §6(a)–(c) → CRP/43 §6(a), CRP/43 §6(b), CRP/43 §6(c)',
    'briefing-en.md:4:51: CRP/43 § 5 (a) → CRP/43 §5(a)',
    'briefing-en.md:6:13: CRP/43 §§11–12 → CRP/43 §11, CRP/43 §12',
    'briefing-en.md:6:29: CRP/43 §§13 to 14 → CRP/43 §13, CRP/43 §14',
    'briefing-en.md:6:52: CRP/43, para. 16 → CRP/43 §16',
    'briefing-en.md:7:31: CRP/43 §§18, 19 and 21 → CRP/43 §18, CRP/43 §19, CRP/43 §21',
    'briefing-en.md:7:82: CRP/43 §22 → CRP/43 §22',
    'briefing-en.md:10:43: CRP/43 paras. 23-25 → CRP/43 §23, CRP/43 §24, CRP/43 §25',
    'briefing-en.md:10:67: CRP/43 §24(c) → CRP/43 §24(c)',
  ];

  it.each([
    ['en', '23 citations in 3 files.'],
    ['fr', '23 citations dans 3 fichiers.'],
    ['es', '23 citas en 3 archivos.'],
  ])('lists every citation of the drafts with what it resolves to (%s)', (locale, summary) => {
    const r = run('list', drafts, '--locale', locale);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n').map((l) => l.replace(/^.*[\\/]drafts[\\/]/, ''));
    expect(lines.slice(0, expected.length)).toEqual(expected);
    expect(lines).toContain('note-fr.md:6:72: CRP/43, par. 18 à 20 → CRP/43 §18, CRP/43 §19, CRP/43 §20');
    expect(lines).toContain('nota-es.md:7:1: CRP/43, párr. 24 (b) → CRP/43 §24(b)');
    expect(lines.at(-1)).toBe(summary);
  });

  it('prints JSON rows with --format json', () => {
    const r = run('list', join(drafts, 'nota-es.md'), '--format', 'json');
    const rows = JSON.parse(r.out) as Array<{ line: number; column: number; citation: string; resolves: string[] }>;
    expect(rows.map((row) => row.citation)).toEqual([
      'CRP/43, párr. 1',
      'CRP/43, párrs. 19 a 21',
      'CRP/43, párrafos 15 y 16',
      'CRP/43, párrafo 25',
      'CRP/43, §§ 15 y 16',
      'CRP/43, párr. 24 (b)',
    ]);
    expect(rows[1]).toMatchObject({ line: 4, column: 1, resolves: ['CRP/43 §19', 'CRP/43 §20', 'CRP/43 §21'] });
  });

  it('lists no short form of a text crp-cite does not have, and one after no citation as not found (audit 11)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crp-cite-list-'));
    const path = join(folder, 'note.md');
    writeFileSync(path, 'Ibid., para. 3.\n\nThe agenda is in A/68/190, para. 12.[^1]\n\n[^1]: A/68/190, para. 12.\n[^2]: Ibid., para. 14.\n[^3]: CRP/43, para. 9.\n');
    try {
      const r = run('list', path, '--locale', 'en');
      expect(r.out.split('\n').map((l) => l.replace(path, ''))).toEqual([':1:1: Ibid., para. 3 → not found', ':7:7: CRP/43, para. 9 → CRP/43 §9', '2 citations in 1 file.']);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('reports an unreadable path with exit code 2', () => {
    const r = run('list', join(drafts, 'no-such-draft.md'), '--locale', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Cannot read .*no-such-draft\.md: /);
  });
});

describe('the command line at its edges', () => {
  const data = join(__dirname, '..', '..', 'data', 'documents');
  const cli = (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main([...argv, '--data', data], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('--locale takes a language, in any region form, and never swallows a path', () => {
    expect(cli('show', 'CRP/43 §9', '--locale', 'fr-CA').code).toBe(0);
    const r = cli('check', '--locale', 'test/fixtures/check/clean');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^“test\/fixtures\/check\/clean” is not a language crp-cite speaks: use --locale en, fr or es\.$|n’est pas une langue|no es un idioma/);
  });

  it('show takes one citation and says what is wrong with it', () => {
    expect(cli('show', 'CRP/43 §6 and more', '--locale', 'en')).toMatchObject({ code: 2, err: 'Only a citation, please: “and more” is not part of “CRP/43 §6”.' });
    expect(cli('show', 'CRP/43 §6(d)', '--locale', 'en')).toMatchObject({ code: 1, err: 'Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).' });
    expect(cli('show', 'CRP/43 §§21–19', '--locale', 'es')).toMatchObject({ code: 1, err: 'Este intervalo está invertido: 21 va después de 19.' });
  });

  it('-v and --version print the version', () => {
    expect(cli('-v').out).toMatch(/^\d+\.\d+\.\d+/);
    expect(cli('--version')).toEqual(cli('-v'));
  });
});

describe('a draft on standard input', () => {
  it('`crp-cite check -` reads it, and names it `-`', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'check', '-', '--locale', 'en'], { input: '# Note\n\nSee CRP/43 §28.\n', encoding: 'utf8' });
    expect(r.stdout.split('\n')[0]).toBe('-:3:13: error crp-cite.unknown-paragraph CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.');
    expect(r.status).toBe(1);
  });
});
