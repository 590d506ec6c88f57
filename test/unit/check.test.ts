/** `crp-cite check` on a folder of drafts: findings, summary and exit codes, in three languages. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli';

const root = resolve(__dirname, '..', '..');
const drafts = join('test', 'fixtures', 'check', 'drafts');
const clean = join('test', 'fixtures', 'check', 'clean');
const data = join(root, 'data', 'documents');

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main([...argv, '--data', data], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out.join('\n').split('\n') };
}

const EXPECTED_EN = [
  `${drafts}/briefing-en.md:4:36: error crp-cite.unknown-paragraph CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.`,
  `${drafts}/briefing-en.md:6:22: error crp-cite.reversed-range This range runs backwards: 21 comes after 19.`,
  `${drafts}/briefing-en.md:6:53: error crp-cite.unknown-sub-paragraph Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).`,
  `${drafts}/nota-es.md:3:48: warning crp-cite.repeated-reference 11 is already cited earlier in this citation.`,
  `${drafts}/nota-es.md:3:71: warning crp-cite.leading-zeros Paragraph numbers take no leading zeros: write 6, not 06.`,
  `${drafts}/note-fr.md:3:74: error crp-cite.unknown-sub-paragraph Paragraph 9 of CRP/43 has no sub-paragraphs, so (a) does not exist.`,
  '4 errors and 2 warnings in 3 files.',
];

describe('crp-cite check', () => {
  it('reports each broken citation where it is, skipping code, comments, silenced lines and ignored files; exit 1', () => {
    const r = run('check', drafts, '--locale', 'en');
    expect(r.lines).toEqual(EXPECTED_EN);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
  });

  it('speaks French', () => {
    const r = run('check', drafts, '--locale', 'fr');
    expect(r.lines[0]).toBe(`${drafts}/briefing-en.md:4:36: error crp-cite.unknown-paragraph Le document CRP/43 n’a pas de paragraphe 28 : ses paragraphes vont de 1 à 27.`);
    expect(r.lines[5]).toBe(`${drafts}/note-fr.md:3:74: error crp-cite.unknown-sub-paragraph Le paragraphe 9 du document CRP/43 n’a pas d’alinéas : l’alinéa a) n’existe pas.`);
    expect(r.lines[6]).toBe('4 erreurs et 2 avertissements dans 3 fichiers.');
    expect(r.code).toBe(1);
  });

  it('speaks Spanish', () => {
    const r = run('check', drafts, '--locale', 'es');
    expect(r.lines[3]).toBe(`${drafts}/nota-es.md:3:48: warning crp-cite.repeated-reference 11 ya figura antes en esta cita.`);
    expect(r.lines[4]).toBe(`${drafts}/nota-es.md:3:71: warning crp-cite.leading-zeros Los números de párrafo se escriben sin ceros a la izquierda: 6, no 06.`);
    expect(r.lines[6]).toBe('4 errores y 2 advertencias en 3 archivos.');
    expect(r.code).toBe(1);
  });

  it('exits 0 on a clean folder, with a one-line summary in each language', () => {
    expect(run('check', clean, '--locale', 'en')).toMatchObject({ code: 0, out: 'No problems in 1 file.' });
    expect(run('check', clean, '--locale', 'fr')).toMatchObject({ code: 0, out: 'Aucun problème dans 1 fichier.' });
    expect(run('check', clean, '--locale', 'es')).toMatchObject({ code: 0, out: 'Ningún problema en 1 archivo.' });
  });

  it('exits 0 when only warnings are found', () => {
    const r = run('check', join(drafts, 'nota-es.md'), '--locale', 'es');
    expect(r.lines.at(-1)).toBe('0 errores y 2 advertencias en 1 archivo.');
    expect(r.code).toBe(0);
  });

  it('--no-fail reports the same problems and exits 0', () => {
    const r = run('check', drafts, '--locale', 'en', '--no-fail');
    expect(r.lines).toEqual(EXPECTED_EN);
    expect(r.code).toBe(0);
  });

  it('--format json gives positions, codes and localized messages', () => {
    const r = run('check', drafts, '--format', 'json', '--locale', 'fr');
    const report = JSON.parse(r.out) as { files: number; errors: number; warnings: number; problems: Array<Record<string, unknown>> };
    expect(report).toMatchObject({ files: 3, errors: 4, warnings: 2 });
    expect(report.problems[1]).toEqual({
      path: `${drafts}/briefing-en.md`,
      line: 6,
      column: 22,
      endLine: 6,
      endColumn: 27,
      severity: 'error',
      code: 'crp-cite.reversed-range',
      message: 'Cette plage est inversée : 21 vient après 19.',
    });
    expect(r.code).toBe(1);
  });

  it('exits 2 on a path that cannot be read, saying so in the writer’s language', () => {
    const r = run('check', 'test/fixtures/check/missing', '--locale', 'es');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^No se puede leer test\/fixtures\/check\/missing: /);
  });

  it('exits 2 on a bad option', () => {
    const r = run('check', drafts, '--format', 'xml', '--locale', 'fr');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Option inconnue ou incomplète «\u00a0--format xml\u00a0»/);
  });

  it('counts citations it could not check, read or not, in the summary, and does not fail on them (audit 11)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crp-cite-check-'));
    writeFileSync(join(folder, 'note.md'), 'See CRP/43, p. 3, and A/68/190, para. 12; ibid., para. 14.\n');
    try {
      const summary = (locale: string) => run('check', folder, '--locale', locale).lines.at(-1);
      expect(summary('en')).toBe('0 errors, 0 warnings and 2 citations not checked in 1 file.');
      expect(summary('fr')).toBe('0 erreur, 0 avertissement et 2 citations non vérifiées dans 1 fichier.');
      expect(summary('es')).toBe('0 errores, 0 advertencias y 2 citas no verificadas en 1 archivo.');
      expect(run('check', folder).code).toBe(0);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('finds exactly the three mistakes of the draft under review among the examples', () => {
    const r = run('check', 'examples', '--locale', 'en');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'examples/statement-draft-en.md:9:10: error crp-cite.unknown-sub-paragraph Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).',
      'examples/statement-draft-en.md:11:80: error crp-cite.unknown-paragraph CRP/43 has no paragraph 61: its paragraphs run from 1 to 27.',
      'examples/statement-draft-en.md:12:51: error crp-cite.reversed-range This range runs backwards: 21 comes after 19.',
      '3 errors and 0 warnings in 7 files.',
    ]);
  });
});
