/**
 * test/vscode/suite.ts, the @vscode/test-electron suite, run where it is meant to run: in
 * a real VS Code extension host, with the extension loaded from this folder
 * (`extensionDevelopmentPath`) and the suite as `extensionTestsPath`. @vscode/test-electron
 * would download VS Code desktop, which these machines cannot; code-server's workbench
 * takes the same two paths in its URL's `payload`, as VS Code's own browser integration
 * tests pass them, and runs the suite in its (Node) extension host.
 */
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, repoRoot, startWorkbench, waitFor, type Workbench } from './harness';

describe('the extension-host suite (test/vscode/suite.ts)', { timeout: 240_000 }, () => {
  let wb: Workbench | undefined;
  after(async () => wb?.stop());

  it('passes every check in a real extension host', async () => {
    const root = repoRoot();
    const out = path.join(root, 'out', 'test', 'vscode');
    buildSync({ entryPoints: [path.join(root, 'test', 'vscode', 'suite.ts')], bundle: true, platform: 'node', format: 'cjs', outdir: out, external: ['vscode'], logLevel: 'warning' });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crp-cite-suite-'));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(root, 'test', 'vscode', 'fixtures', 'workspace'), workspace, { recursive: true });
    const results = path.join(tmp, 'results.json');
    // The two paths are URIs on the server side of the workbench: `vscode-remote://host:port/path`.
    const port = await freePort();
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    wb = await startWorkbench({
      workspaceDir: workspace,
      port,
      payload: [
        ['extensionDevelopmentPath', remote(root)],
        ['extensionTestsPath', remote(path.join(out, 'suite.js'))],
      ],
      env: { CRP_CITE_SUITE_RESULTS: results },
    });
    await waitFor('the suite to finish in the extension host', () => fs.existsSync(results), { timeout: Number(process.env.CRP_CITE_SUITE_TIMEOUT ?? 180_000), interval: 250 }).catch((e: Error) => {
      throw new Error(`${e.message}\n--- extension host log ---\n${wb!.extensionHostLog().slice(-6000)}`);
    });
    const { checks, failures } = JSON.parse(fs.readFileSync(results, 'utf8')) as { checks: string[]; failures: string[] };
    assert.ok(checks.length >= 8, `ran ${checks.length} checks`);
    assert.deepEqual(failures, [], `failed: ${failures.join('; ')}\n${wb.extensionHostLog().slice(-4000)}`);
  });
});
