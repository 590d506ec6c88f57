// Bundles the three entry points (extension client, language server, CLI) into dist/.
// Everything ships bundled so the .vsix and the CLI need no node_modules at run time.
import * as esbuild from 'esbuild';
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(await readFile('package.json', 'utf8'));
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

/**
 * The server and the CLI say nothing of the panel, the commands or the client: those
 * sections of the catalogs stay out of their bundle (7 KB of dist/server.js).
 */
const CLIENT_SECTIONS = ['panel', 'commands', 'client', 'preview'];
const serverCatalogs = {
  name: 'server-catalogs',
  setup(build) {
    build.onLoad({ filter: /[\\/]locales[\\/](en|fr|es)\.json$/ }, async (args) => {
      const catalog = JSON.parse(await readFile(args.path, 'utf8'));
      for (const section of CLIENT_SECTIONS) delete catalog[section];
      return { contents: JSON.stringify(catalog), loader: 'json' };
    });
  },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    // The language server's bundle, which dist/server.js loads through V8's code cache
    // (server/src/boot.ts), and which its worker threads run.
    entryPoints: { lsp: 'server/src/main.ts' },
    plugins: [serverCatalogs],
    define: { CRP_CITE_VERSION: JSON.stringify(version) },
  },
  {
    entryPoints: { server: 'server/src/boot.ts', cli: 'server/src/cli.ts' },
    plugins: [serverCatalogs],
    // `crp-cite` as installed (`node_modules/.bin/crp-cite`, `npx crp-cite`) is run by the
    // shell, which needs to be told it is Node; `node dist/server.js` reads the line as a comment.
    banner: { js: '#!/usr/bin/env node' },
    define: { CRP_CITE_VERSION: JSON.stringify(version) },
  },
  {
    // The side panel's script runs in the webview (a browser), not in Node. It and its CSS
    // go to dist/media/, the only folder the webview may load files from.
    // The Markdown preview's card script and its CSS (`markdown.previewScripts`/`previewStyles`) too.
    entryPoints: { 'media/panel': 'client/src/panel/media/panel.ts', 'media/preview': 'client/src/preview/media/preview.ts' },
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

// The codicon font and its stylesheet, for the panel's icons (the .vsix has no node_modules).
await mkdir('dist/media/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  await copyFile(`node_modules/@vscode/codicons/dist/${file}`, `dist/media/codicons/${file}`);
}
