/**
 * `crp-cite`: the command line, on the same core as the language server.
 *   crp-cite show "CRP/43 §6(a)"     the cited text
 *   crp-cite list [paths...]         every citation in Markdown files and what it resolves to
 * Exit codes: 0 success, 1 problems found (check), 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { loadCorpus, defaultDataFolder, problemMessage } from './core/load';
import { translator } from './i18n';
import { toLanguage } from './settings';
import { COMMANDS, type CliContext } from './cli/commands';
import { runCheckWorker } from './cli/parallel';

/** The package's version, written in at build time (esbuild.config.mjs); from the sources, the manifest's. */
declare const CRP_CITE_VERSION: string | undefined;
const VERSION: string = typeof CRP_CITE_VERSION === 'string' ? CRP_CITE_VERSION : (require('../../package.json') as { version: string }).version;

function environmentLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}

export function main(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        data: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'no-fail': { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    const t = translator(toLanguage(environmentLocale()));
    const option = e instanceof Error ? (/'([^']+)'/.exec(e.message)?.[1] ?? e.message) : String(e);
    io.err(`${t('cli.badOption', { option })}\n\n${t('cli.usage')}`);
    return 2;
  }
  const { values, positionals } = parsed;
  // `--locale` takes a language crp-cite speaks (`fr`, `fr-CA`), never a path: `check --locale docs/` is a mistake to say.
  if (values.locale !== undefined && !/^(?:en|fr|es)(?:[-_][A-Za-z0-9]+)*$/i.test(values.locale)) {
    const t = translator(toLanguage(environmentLocale()));
    io.err(`${t('cli.badLocale', { locale: values.locale })}\n\n${t('cli.usage')}`);
    return 2;
  }
  const t = translator(toLanguage(values.locale ?? environmentLocale()));
  const [name, ...args] = positionals;
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  if (values.help || !name) {
    (values.help ? io.out : io.err)(t('cli.usage'));
    return values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  // `md` is the annex's text format; `text` stands for it there.
  if (!command || !['text', 'json', ...(name === 'annex' ? ['md'] : [])].includes(values.format ?? 'text')) {
    io.err(`${command ? t('cli.badOption', { option: `--format ${values.format}` }) : t('cli.unknownCommand', { command: name })}\n\n${t('cli.usage')}`);
    return 2;
  }
  const dataFolder = values.data ?? defaultDataFolder();
  const corpus = loadCorpus(dataFolder);
  for (const problem of corpus.problems) io.err(problemMessage(problem, t));
  if (corpus.papers.length === 0) {
    io.err(t('server.noPapers', { folder: dataFolder }));
    return 2;
  }
  const ctx: CliContext = { corpus, t, io, format: values.format === 'json' ? 'json' : 'text', noFail: values['no-fail'] ?? false, full: values.full ?? false };
  return command(args, ctx);
}

if (runCheckWorker()) {
  // A worker thread of `crp-cite check` on a large folder (cli/parallel.ts): done.
} else if (require.main === module) {
  // `crp-cite list | head`: a reader that stops early closes the pipe; that ends the
  // listing, it is not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
}
