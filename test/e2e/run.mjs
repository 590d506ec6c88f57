#!/usr/bin/env node
// End-to-end runner: provisions code-server (scripts/e2e/provision.sh), then runs
// test/e2e/*.e2e.ts (or the files given as arguments) one after another with
// node's test runner + tsx. Afterwards it kills any code-server process group a
// crashed scenario left behind (harness registers them in $CRP_CITE_E2E_RUN_DIR).
//
//   node test/e2e/run.mjs                       # all scenarios
//   node test/e2e/run.mjs test/e2e/panel.e2e.ts # some (also test/e2e/harness.smoke.ts,
//                                               # the harness self-test, not in the default run)
//
// Env: CRP_CITE_E2E_TIMEOUT (s, whole run after provisioning, default 600), CRP_CITE_E2E_CACHE,
//      CRP_CITE_E2E_VERBOSE=1 (echo code-server output), CRP_CITE_VSIX.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

// 1. provision (fast when already done)
const prov = spawnSync('bash', ['scripts/e2e/provision.sh'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (prov.status !== 0) {
  console.error(`e2e: provisioning failed (exit ${prov.status ?? prov.signal})`);
  process.exit(1);
}
console.error(`e2e: code-server ready after ${secs()} s`);

// 2. scenarios
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs
      .readdirSync('test/e2e')
      .filter((f) => f.endsWith('.e2e.ts'))
      .sort()
      .map((f) => path.join('test/e2e', f));
if (!files.length) {
  console.error('e2e: no test/e2e/*.e2e.ts files');
  process.exit(1);
}
fs.rmSync(path.join(root, 'test-results', 'e2e'), { recursive: true, force: true });

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crp-cite-e2e-run-'));
const timeoutS = Number(process.env.CRP_CITE_E2E_TIMEOUT ?? 600);
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=1',
    `--test-timeout=${timeoutS * 1000}`,
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, CRP_CITE_E2E_RUN_DIR: runDir } },
);

let killTimer;
const terminate = (why) => {
  console.error(`e2e: ${why}; stopping scenarios`);
  child.kill('SIGTERM');
  killTimer ??= setTimeout(() => child.kill('SIGKILL'), 15_000);
};
const overall = setTimeout(() => terminate(`overall timeout of ${timeoutS} s`), timeoutS * 1000);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => terminate(sig));

child.on('exit', (code, signal) => {
  clearTimeout(overall);
  if (killTimer) clearTimeout(killTimer);
  // 3. leftovers of crashed scenarios: <pgid>.pgid files hold "pgid\ntempdir"
  for (const f of fs.readdirSync(runDir)) {
    const [pgid, tmp] = fs.readFileSync(path.join(runDir, f), 'utf8').split('\n');
    try {
      process.kill(-Number(pgid), 'SIGKILL');
      console.error(`e2e: killed leftover code-server process group ${pgid}`);
    } catch {
      /* already gone */
    }
    if (tmp && path.basename(tmp).startsWith('crp-cite-e2e-')) fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  console.error(`e2e: finished in ${secs()} s (exit ${code ?? signal})`);
  process.exit(code ?? 1);
});
