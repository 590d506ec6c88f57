/**
 * The workspace's first reading, off the server's thread: worker threads, running the
 * server's own bundle, read and index the closed drafts that changed, each taking the
 * next draft not yet taken, while the server's thread answers requests. They send what
 * they read in batches (the citations' typed arrays moved, not copied) and exit: the
 * heaps their reading grew go with them. Whatever they did not send (one failed, they
 * were stopped) the server reads itself.
 *
 * Measured on the benchmark's 2,000 drafts (2 cores): in the server's thread, 9.4 s and
 * a peak of 263 MB (before the grammar was made faster). Now: one worker, 5.7–6.5 s and
 * 218–226 MB; one worker and the server's thread sharing the drafts, 4.7 s and
 * 286–302 MB (the server's heap grows with its share); two workers, 5.1 s and 310 MB.
 * How V8 sizes a worker's heap by default was most of that: with a 16 MB young generation
 * and a bound on the old one (below), alternating runs gave two workers 5.8–6.0 s and a
 * peak of 228–230 MB, one worker 6.5–7.5 s and 180–185 MB (an 8 MB young generation
 * costs more in collections than it saves). Two, then: the first start is the one slow
 * one. Requests meanwhile, hover on a small draft: median 1.6 → 2.1 ms, 90th percentile
 * 4 → 8 ms with two workers rather than one. Batches of 64 rather than one answer at the
 * end: a peak 5–15 MB lower.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Corpus } from '../core/corpus';
import { answerParent, bundleFile, corpusOf, papersData, startWorker, workerAnswer, workerInputFor, type PapersData, type WorkerAnswer } from '../threads';
import { readDiskFile, type DiskRead } from './diskFile';

const ROLE = 'crp-cite-index';
/** Below this many drafts to read (per worker), a worker's start-up (some 40 ms and a heap) costs more than reading them here. */
const MIN_FILES_FOR_WORKER = 64;
/** More would share the cores with the server's thread and each other for little, each with its heap. */
const MAX_WORKERS = 2;
/** Each worker's young generation (MB): see above. */
const YOUNG_GENERATION_MB = 16;
/**
 * Each worker's old generation (MB): room for the largest draft the server indexes (a
 * worker that runs out stops, and the server reads the rest). Given at all, V8 grows the
 * heap more sparingly than with the default, which it sizes by the machine's memory:
 * two workers peaked at 283 MB without it, 228–236 MB with it.
 */
const OLD_GENERATION_MB = 1024;

interface WorkerInput {
  role: typeof ROLE;
  paths: readonly string[];
  papers: PapersData;
  maxSize: number;
  /** [0]: how many drafts the worker has taken (read by the server for its progress). */
  next: Int32Array;
}

/** How many drafts' results the worker sends at a time: kept until the end, they and their copy for sending made its heap the server's peak. */
const BATCH = 64;

/** A batch of what the worker read (`last`: it has no more), or why it stopped. */
type IndexMessage = { results: Array<[number, DiskRead]>; last: boolean } | { error: string };

/** Whether this thread is an index worker; if so, reads drafts until none is left, sending what it read in batches. */
export function runIndexWorker(): boolean {
  const input = workerInputFor<WorkerInput>(ROLE);
  if (!input) return false;
  let batch: Array<[number, DiskRead]> = [];
  let transfer: ArrayBuffer[] = [];
  const send = (last: boolean) => {
    answerParent({ results: batch, last } satisfies IndexMessage, transfer);
    batch = [];
    transfer = [];
  };
  const answer: WorkerAnswer<void> = workerAnswer(() => {
    const corpus = corpusOf(input.papers);
    for (let i = Atomics.add(input.next, 0, 1); i < input.paths.length; i = Atomics.add(input.next, 0, 1)) {
      const read = readDiskFile(input.paths[i]!, corpus, input.maxSize);
      if (read && 'file' in read) transfer.push(read.file.items.buffer as ArrayBuffer, read.file.lines.buffer as ArrayBuffer);
      batch.push([i, read]);
      if (batch.length === BATCH) send(false);
    }
  });
  if ('error' in answer) answerParent(answer satisfies IndexMessage);
  else send(true);
  return true;
}

/** The server's side of the workers reading `paths`. */
export class IndexWorker {
  /** What the workers read, by index into `paths`: all they took, or what they sent before one failed. */
  readonly answered: Promise<Map<number, DiskRead>>;

  private constructor(
    private readonly workers: readonly Worker[],
    private readonly paths: readonly string[],
    /** [0]: how many drafts the workers have taken. */
    private readonly next: Int32Array,
  ) {
    const read = new Map<number, DiskRead>();
    const finished = (worker: Worker) =>
      new Promise<void>((resolve) => {
        worker.on('message', (message: IndexMessage) => {
          if ('results' in message) for (const [k, result] of message.results) read.set(k, result);
          if (!('results' in message) || message.last) resolve();
        });
        // What it sent before it failed is kept; the caller reads the rest.
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      });
    this.answered = Promise.all(workers.map(finished)).then(() => read);
  }

  /**
   * Workers reading `paths` (one per `MIN_FILES_FOR_WORKER` drafts, at most `MAX_WORKERS`
   * and the machine's cores), or none: too few drafts, not running from the bundle (the
   * tests of the sources), or none could start. Without them, the caller reads the drafts.
   * `file`: the bundle the workers run (the running one; tests name dist/lsp.js).
   */
  static start(paths: readonly string[], corpus: Corpus, maxSize: number, file = bundleFile()): IndexWorker | undefined {
    const count = Math.min(MAX_WORKERS, availableParallelism(), Math.floor(paths.length / MIN_FILES_FOR_WORKER));
    if (!file || count < 1) return undefined;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const input: WorkerInput = { role: ROLE, paths, papers: papersData(corpus), maxSize, next };
    const workers: Worker[] = [];
    for (let k = 0; k < count; k++) {
      try {
        // Its own stdout: the server's carries the protocol.
        workers.push(startWorker(file, input, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } }));
      } catch {
        // Those that started share the drafts.
      }
    }
    return workers.length > 0 ? new IndexWorker(workers, paths, next) : undefined;
  }

  /** How many drafts the workers have taken so far. */
  get taken(): number {
    return Math.min(this.paths.length, Atomics.load(this.next, 0));
  }

  /** How many workers are reading. */
  get count(): number {
    return this.workers.length;
  }

  /** Stops the workers (a newer pass overtook this one). */
  stop(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}
