// Bundles the three entry points (extension client, language server, CLI) into dist/.
// Everything ships bundled so the .vsix and the CLI need no node_modules at run time.
import * as esbuild from 'esbuild';
import { chmod } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts' } },
  {
    // The side panel's script runs in the webview (a browser), not in Node.
    entryPoints: { 'panel': 'client/src/panel/media/panel.ts' },
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

const contexts = await Promise.all(
  builds.map((b) => esbuild.context({ ...common, outdir: 'dist', ...b })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  await chmod('dist/cli.js', 0o755);
}
