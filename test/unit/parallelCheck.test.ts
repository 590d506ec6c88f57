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
    env: { ...process.env, CRP_CITE_WORKERS: workers ? '' : '0' },
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
    writeFileSync(join(dir, `draft-${i}.md`), `# Draft ${i}\n\n${lines.join('\n\n')}\n`);
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
    expect(two).toEqual(one);
    expect(check(folder, true, '--format', 'json')).toEqual(check(folder, false, '--format', 'json'));
  });

  it('reports an unreadable file in either half as one thread does', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const folder = folderOf(100);
    const file = join(folder, 'team-6', 'draft-97.md');
    chmodSync(file, 0o000);
    const two = check(folder, true);
    expect(two.code).toBe(2);
    expect(two).toEqual(check(folder, false));
  });
});
