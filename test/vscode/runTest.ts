/**
 * Runs test/vscode/suite.ts inside a real VS Code with the extension under development.
 * `@vscode/test-electron` downloads VS Code first: this needs internet access (it cannot
 * run on the project's offline machines; `npm test` type-checks it, and the end-to-end
 * suite in test/e2e covers a real workbench offline through code-server).
 *
 * Runs on the oldest supported VS Code (engines.vscode) and on stable, as rust-analyzer
 * does; CRP_VSCODE_VERSIONS="1.99.3" picks others.
 */
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const versions = (process.env.CRP_VSCODE_VERSIONS ?? '1.91.0,stable').split(',').map((v) => v.trim());
  for (const version of versions) {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'suite.js'),
      launchArgs: [join(root, 'test', 'vscode', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
