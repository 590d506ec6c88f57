/**
 * Builds dist/ once before the suites run, so the protocol tests start the server the
 * way editors do (`node dist/server.js --stdio`) from the current sources.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: resolve(__dirname, '..', '..'), stdio: 'inherit' });
}
