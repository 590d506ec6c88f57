/**
 * The workspace's first reading, off the server's thread: a worker thread, running the
 * server's own bundle, reads and indexes the closed drafts that changed, while the
 * server's thread answers requests at full speed. It sends what it read in batches (the
 * citations' typed arrays moved, not copied) and exits: the heap its reading grew goes
 * with it. Whatever it did not send (it failed, it was stopped) the server reads itself.
 *
 * Measured on the benchmark's 2,000 drafts (2 cores), before the grammar was made
 * faster: indexing in the server's thread, 9.4 s and a peak of 263 MB; one worker,
 * 7.8 s and 225 MB; one worker and the server's thread sharing the drafts, 5.3 s and
 * 283 MB; two workers, 5.6 s and 312 MB. After: one worker, 5.7–6.5 s and 218–226 MB;
 * sharing, 4.7 s and 286–302 MB (the server's heap grows with its share, past the
 * 250 MB the benchmark allows). Batches of 64 rather than one answer at the end: a peak
 * 5–15 MB lower.
 */
import type { Worker } from 'node:worker_threads';
import type { Corpus } from '../core/corpus';
import { answerParent, bundleFile, corpusOf, papersData, startWorker, workerAnswer, workerInputFor, type PapersData, type WorkerAnswer } from '../threads';
import { readDiskFile, type DiskRead } from './diskFile';

const ROLE = 'crp-cite-index';
/** Below this many drafts to read, a worker's start-up (some 40 ms and a heap) costs more than reading them here. */
const MIN_FILES_FOR_WORKER = 64;

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

/** The server's side of the worker reading `paths`. */
export class IndexWorker {
  /** What the worker read, by index into `paths`: all it took, or what it sent before it failed. */
  readonly answered: Promise<Map<number, DiskRead>>;

  private constructor(
    private readonly worker: Worker,
    private readonly paths: readonly string[],
    /** [0]: how many drafts the worker has taken. */
    private readonly next: Int32Array,
  ) {
    this.answered = new Promise((resolve) => {
      const read = new Map<number, DiskRead>();
      worker.on('message', (message: IndexMessage) => {
        if ('results' in message) for (const [k, result] of message.results) read.set(k, result);
        if (!('results' in message) || message.last) resolve(read);
      });
      // What it sent before it failed is kept; the caller reads the rest.
      worker.once('error', () => resolve(read));
      worker.once('exit', () => resolve(read));
    });
  }

  /**
   * A worker reading `paths`, or none: too few drafts, not running from the bundle (the
   * tests of the sources), or it could not start. Without one, the caller reads them.
   * `file`: the bundle the worker runs (the running one; tests name dist/server.js).
   */
  static start(paths: readonly string[], corpus: Corpus, maxSize: number, file = bundleFile()): IndexWorker | undefined {
    if (!file || paths.length < MIN_FILES_FOR_WORKER) return undefined;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const input: WorkerInput = { role: ROLE, paths, papers: papersData(corpus), maxSize, next };
    try {
      // Its own stdout: the server's carries the protocol.
      return new IndexWorker(startWorker(file, input, { stdout: true, stderr: true }), paths, next);
    } catch {
      return undefined;
    }
  }

  /** How many drafts the worker has taken so far. */
  get taken(): number {
    return Math.min(this.paths.length, Atomics.load(this.next, 0));
  }



  /** Stops the worker (a newer pass overtook this one). */
  stop(): void {
    void this.worker.terminate();
  }
}
