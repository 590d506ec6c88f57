/**
 * What the two worker threads (`crp-cite check`'s, cli/parallel.ts; the server's index
 * worker, lsp/indexWorker.ts) share: a worker runs the bundle its thread runs, started
 * with a role, and gets the papers as data to build its own corpus from.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { Corpus, Paper, type PaperData } from './core/corpus';

/**
 * How a worker knows its role: a flag on its command line (`process.argv`), which the
 * main thread can look for without loading `node:worker_threads` (required when used:
 * the server answers `initialize` before it needs a worker).
 */
const ROLE_FLAG = '--crp-cite-worker=';
const threads = () => require('node:worker_threads') as typeof import('node:worker_threads');

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

/** A worker running `file` for `role`, given `input`. */
export function startWorker<T extends { role: string }>(file: string, input: T, options: Omit<WorkerOptions, 'argv' | 'workerData'> = {}): Worker {
  return new (threads().Worker)(file, { ...options, argv: [`${ROLE_FLAG}${input.role}`], workerData: input });
}

/** This thread's input, when it is a worker started for `role`. */
export function workerInputFor<T extends { role: string }>(role: T['role']): T | undefined {
  if (!process.argv.includes(`${ROLE_FLAG}${role}`)) return undefined;
  const input = threads().workerData as T | undefined;
  return input?.role === role ? input : undefined;
}

/** In a worker: sends `message` to the thread that started it. */
export function answerParent(message: unknown, transfer: ArrayBuffer[] = []): void {
  threads().parentPort?.postMessage(message, transfer);
}

/** What a worker answers: its results, or why it has none (the thread that started it then does its share). */
export type WorkerAnswer<R> = { results: R } | { error: string };

/** `work`'s results as a worker's answer, or its error. */
export function workerAnswer<R>(work: () => R): WorkerAnswer<R> {
  try {
    return { results: work() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
