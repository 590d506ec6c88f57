/**
 * `crp-cite annex`: the passages the example drafts cite, in the paper's order, with how
 * often and where, and those cited nowhere; in three languages; every link to a citation
 * resolves to a line that cites the passage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli';
import { loadCorpus } from '../../server/src/core/load';
import { citationsOfText } from '../../server/src/core/draft/draftIndex';
import { coveredByCitation, referenceLabel } from '../../server/src/core/resolve';

const root = resolve(__dirname, '..', '..');
const data = join(root, 'data', 'documents');
const paper = loadCorpus(data).paper('CRP/43')!;

function annex(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['annex', 'examples', '--data', data, ...argv], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The table rows of one section of the Markdown: `[passage, count, links]`. */
function rows(markdown: string, section: 'cited' | 'never'): string[][] {
  const parts = markdown.split(/\n## /);
  const table = section === 'cited' ? parts[0]! : parts[1]!;
  return table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !/^\| (Passage|Pasaje) /.test(l))
    .map((l) => l.slice(2, -2).split(' | '));
}

const ORDER = paper.data.paragraphs.flatMap((p) => [`§${p.number}`, ...p.subParagraphs.map((s) => `§${p.number}(${s.letter})`), ...paper.footnotesOf(p.number).map((f) => `n. ${f.number}`)]);

describe('crp-cite annex on the examples', () => {
  it.each([
    ['en', '# Passages of CRP/43 cited in 7 drafts', '## Passages never cited'],
    ['fr', '# Passages du document CRP/43 cités dans 7 projets', '## Passages jamais cités'],
    ['es', '# Pasajes del documento CRP/43 citados en 7 borradores', '## Pasajes nunca citados'],
  ])('has its headings in %s', (locale, title, never) => {
    const r = annex('--locale', locale);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(title);
    expect(r.out).toContain(`\n${never}\n`);
  });

  it('lists what is cited in the paper’s order, then what is not, every passage once', () => {
    const { out } = annex('--locale', 'en');
    const cited = rows(out, 'cited').map((r) => r[0]!);
    const never = rows(out, 'never').map((r) => r[0]!);
    expect(cited.map((p) => ORDER.indexOf(p))).toEqual([...cited.map((p) => ORDER.indexOf(p))].sort((a, b) => a - b));
    expect([...cited, ...never].sort()).toEqual([...ORDER].sort());
    // Checked by hand in the drafts.
    expect(never).toEqual(expect.arrayContaining(['§10', '§26', '§12(a)', 'n. 1', 'n. 5']));
    expect(cited).toEqual(expect.arrayContaining(['§9', '§5(b)', 'n. 2', '§24(a)']));
  });

  it('counts each citation once, and each link leads to a line that cites the passage', () => {
    const { out } = annex('--locale', 'en');
    const counts = Object.fromEntries(rows(out, 'cited').map((r) => [r[0], Number(r[3])]));
    expect(counts['§5(b)']).toBe(5);
    expect(counts['n. 2']).toBe(3);
    expect(counts['§1']).toBe(4);
    for (const [passage, , , count, where] of rows(out, 'cited')) {
      const links = [...where!.matchAll(/\]\(([^)#]+)#L(\d+)\)/g)];
      expect(links, passage).toHaveLength(Number(count));
      for (const [, path, line] of links) {
        expect(existsSync(join(root, path!)), path).toBe(true);
        const text = readFileSync(join(root, path!), 'utf8');
        const lineStart = text.split('\n').slice(0, Number(line) - 1).join('\n').length + (Number(line) > 1 ? 1 : 0);
        const citing = citationsOfText(text, ['CRP/43']).filter((c) => c.start >= lineStart && c.start < lineStart + text.split('\n')[Number(line) - 1]!.length);
        const named = citing.flatMap((c) => coveredByCitation(paper, c).map((x) => (x.footnote ? referenceLabel(x) : `§${referenceLabel(x)}`)));
        expect(named, `${path}:${line}`).toContain(passage);
      }
    }
  });

  it('--full gives whole passages; --format json the same data', () => {
    const full = annex('--locale', 'en', '--full').out;
    expect(full).toContain('stakeholders and the actual implementation of the recommendations.');
    const json = JSON.parse(annex('--format', 'json').out) as { symbol: string; drafts: number; cited: Array<{ reference: string; where: unknown[] }>; neverCited: unknown[] };
    expect(json).toMatchObject({ symbol: 'CRP/43', drafts: 7 });
    expect(json.cited.find((e) => e.reference === '§5(b)')!.where).toHaveLength(5);
  });
});
