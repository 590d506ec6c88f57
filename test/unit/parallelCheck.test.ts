/**
 * `crp-cite check` on a large folder checks half the files on a worker thread
 * (server/src/cli/parallel.ts). Only the bundle can start one, so this runs the built
 * `dist/cli.js` (built by the global setup), with and without the worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const cli = resolve(__dirname, '..', '..', 'dist', 'cli.js');

function check(folder: string, workers: boolean, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'check', folder, '--locale', 'en', ...args], {
    encoding: 'utf8',
    cwd: folder,
    env: { ...process.env, CRP_CITE_WORKERS: workers ? '' : '0', CRP_CITE_WORKER_STATS: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function folderOf(files: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'crp-cite-parallel-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  for (let i = 0; i < files; i++) {
    const dir = join(folder, `team-${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const broken = i % 3 === 0 ? ` and CRP/43 §${20 + (i % 15)}` : '';
    const lines = Array.from({ length: 1 + (i % 5) }, (_, k) => `Line ${k}: see CRP/43 §${1 + ((i + k) % 27)}${k === 0 ? broken : ''}, and CRP/43 §§${(k % 9) + 3}–${(k % 7) + 2}.`);
    // Drafts of some 10 KB: long enough that the main thread cannot check them all before the worker has started.
    const filler = Array.from({ length: 60 }, (_, k) => `Background ${k}: as CRP/43 §${1 + ((i * 7 + k) % 27)} and paragraph ${1 + (k % 27)} of CRP/43 recall, the work goes on.`);
    writeFileSync(join(dir, `draft-${i}.md`), `# Draft ${i}\n\n${lines.join('\n\n')}\n\n${filler.join('\n')}\n`);
  }
  return folder;
}

describe('crp-cite check on two cores', () => {
  it('reports exactly what one thread reports, in the same order', () => {
    const folder = folderOf(150);
    const one = check(folder, false);
    const two = check(folder, true);
    expect(one.code).toBe(1);
    expect(one.out.split('\n').length).toBeGreaterThan(100);
    expect(one.err).toBe('');
    // The worker checked a share of its own (a worker that does nothing would leave all to the main thread).
    const shared = /^crp-cite check: worker (\d+) of 150 files\n$/.exec(two.err);
    expect(Number(shared?.[1])).toBeGreaterThan(0);
    expect({ ...two, err: '' }).toEqual(one);
    const json = (workers: boolean) => ({ ...check(folder, workers, '--format', 'json'), err: '' });
    expect(json(true)).toEqual(json(false));
  });

  // Root reads a file whatever its mode, so the file cannot be made unreadable: declared, not silently passed.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file in either half as one thread does (skipped as root: root reads any file)', () => {
    const folder = folderOf(100);
    const file = join(folder, 'team-6', 'draft-97.md');
    chmodSync(file, 0o000);
    const two = check(folder, true);
    expect(two.code).toBe(2);
    expect({ ...two, err: two.err.replace(/^crp-cite check: worker .*\n/m, '') }).toEqual(check(folder, false));
  });
});
