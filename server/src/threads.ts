/**
 * What the two worker threads (`crp-cite check`'s, cli/parallel.ts; the server's index
 * worker, lsp/indexWorker.ts) share: a worker runs the bundle its thread runs, started
 * with a role, and gets the papers as data to build its own corpus from.
 */
import { workerData } from 'node:worker_threads';
import { Corpus, Paper, type PaperData } from './core/corpus';

/** The bundle this code runs from, when it is one (tests run the sources, which a worker cannot load). */
export function bundleFile(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

/** The papers as a worker receives them (a structured clone of their data). */
export type PapersData = Array<{ data: PaperData; renderingPath: string }>;

export function papersData(corpus: Corpus): PapersData {
  return corpus.papers.map((p) => ({ data: p.data, renderingPath: p.renderingPath }));
}

export function corpusOf(papers: PapersData): Corpus {
  return new Corpus(papers.map((p) => new Paper(p.data, p.renderingPath)));
}

/** This thread's input, when it is a worker started for `role`. */
export function workerInputFor<T extends { role: string }>(role: T['role']): T | undefined {
  const input = workerData as T | undefined;
  return input?.role === role ? input : undefined;
}
