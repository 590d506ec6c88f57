import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/editors/**/*.test.ts', 'test/package/**/*.test.ts'],
    // The e2e (code-server + Chromium) and @vscode/test-electron suites have their own runners.
    exclude: ['test/e2e/**', 'test/vscode/**', 'node_modules/**', 'dist/**'],
    // Builds dist/ once before any protocol test starts the real server.
    globalSetup: ['test/protocol/global-setup.ts'],
    // Protocol tests start `node dist/server.js` and talk to it over stdio.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores on CI: forks isolate the child processes; two workers at most.
    pool: 'forks',
    // Servers the tests start keep their workspace index caches here, not in the user's cache folder.
    env: { XDG_CACHE_HOME: join(tmpdir(), 'crp-cite-test-cache') },
    maxWorkers: 2,
  },
});
