/**
 * `crp-cite` the way a user gets it: the package packed with `npm pack`, installed into a
 * fresh project, and run as `node_modules/.bin/crp-cite` and `npx crp-cite`, which the
 * shell starts (so the script must say it is Node), with nothing but the package.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../protocol/client';

const { version } = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT, encoding: 'utf8' })) as { version: string };

describe('the packed and installed crp-cite', () => {
  let project: string;
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: '' } });

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'crp-cite-installed-'));
    execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-writers-repo', private: true }));
    // No network and no dependencies: everything the command needs is in the package.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    writeFileSync(join(project, 'good.md'), '# Note\n\nAs CRP/43 §9 says, and paragraph 16 of CRP/43.\n');
    writeFileSync(join(project, 'broken.md'), '# Note\n\nSee CRP/43 §28.\n');
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('runs from node_modules/.bin and says its version', () => {
    const r = run(join(project, 'node_modules', '.bin', 'crp-cite'), ['--version']);
    expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, version, '']);
    expect(run('npx', ['crp-cite', '-v']).stdout.trim()).toBe(version);
  });

  it('checks drafts with npx, with the exit codes CI relies on', () => {
    const good = run('npx', ['crp-cite', 'check', 'good.md']);
    expect([good.status, good.stdout.trim()]).toEqual([0, 'No problems in 1 file.']);
    const broken = run('npx', ['crp-cite', 'check', '.']);
    expect(broken.status).toBe(1);
    expect(broken.stdout.split('\n')[0]).toBe('broken.md:3:13: error crp-cite.unknown-paragraph CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.');
  });

  it('ships the server and the paper, not the sources or the tests', () => {
    const installed = join(project, 'node_modules', 'crp-cite');
    expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'data', 'dist', 'package.json']);
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['cli.js', 'lsp.js', 'server.js']);
    // The installed command finds the paper installed beside it, not the one in this checkout.
    const shown = run('npx', ['crp-cite', 'show', 'CRP/43 §9', '--data', join(installed, 'data', 'documents')]);
    expect([shown.status, shown.stdout.split('\n')[0]]).toEqual([0, 'CRP/43 §9']);
    expect(run('npx', ['crp-cite', 'show', 'CRP/43 §9']).stdout).toBe(shown.stdout);
  });
});
