/**
 * `crp-cite check` on a large folder uses a second core: a worker thread, running the
 * same bundle, checks files alongside the main thread. Each thread takes the next file
 * not yet taken (a shared counter), so the one that starts later or meets the larger
 * files simply takes fewer: a fixed half each left one waiting for the other. Results
 * are put back in file order, so the report is the one a single thread writes
 * (`CRP_CITE_WORKERS=0` forces that, for comparison).
 *
 * The command stays synchronous: the main thread waits for the worker with
 * `Atomics.wait` and takes its answer with `receiveMessageOnPort`. A worker that does
 * not answer in time is stopped and the files it took are checked here.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Corpus } from '../core/corpus';
import { decodeDraft } from '../core/decode';
import { checkDraft, CODES, SEVERITY, type Finding } from '../core/features/diagnostics';
import { lineStarts, positionAt } from '../core/lines';
import { DraftIndex } from '../core/draft/draftIndex';
import { bundleFile, corpusOf, papersData, startWorker, workerAnswer, workerInputFor, type PapersData, type WorkerAnswer } from '../threads';

export interface Problem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: Finding['code'];
  messageKey: string;
  params: Finding['params'];
}

export type FileResult = { path: string; problems: Problem[] } | { path: string; unreadable: string };

/** Below this many files a worker's start-up (some 40 ms) costs more than it saves. */
const MIN_FILES_FOR_WORKER = 64;
const ROLE = 'crp-cite-check';

/** The findings of one file, with 1-based lines and columns (UTF-16 code units, as editors count). */
function checkFile(path: string, corpus: Corpus, symbols: readonly string[]): FileResult {
  let bytes: ArrayBufferView & ArrayLike<number>;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    return { path, unreadable: e instanceof Error ? e.message : String(e) };
  }
  const decoded = decodeDraft(bytes);
  if ('notUtf8' in decoded) {
    // Said, and counted as a warning: a file that is not read is no file without problems.
    const { line } = decoded.notUtf8;
    return { path, problems: [{ line, column: 1, endLine: line, endColumn: 1, severity: SEVERITY[CODES.notUtf8], code: CODES.notUtf8, messageKey: 'notUtf8', params: { line } }] };
  }
  const text = decoded.text;
  // Citations not kept packed in the blocks, as for the workspace index: only a block
  // quote's lines ask for theirs again (none did on the benchmark's 400 drafts, which
  // packed 14,598 blocks for nothing).
  const findings = checkDraft(new DraftIndex(text, symbols, { keepCitations: false }), corpus);
  if (findings.length === 0) return { path, problems: [] };
  const starts = lineStarts(text);
  // One-based, in UTF-16 code units as editors count, lines as LSP counts them (core/lines.ts).
  const at = (offset: number) => {
    const { line, character } = positionAt(starts, offset);
    return { line: line + 1, column: character + 1 };
  };
  return {
    path,
    problems: findings.map((f) => {
      const start = at(f.start);
      const end = at(f.end);
      return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, code: f.code, messageKey: f.messageKey, params: f.params };
    }),
  };
}

function checkAll(paths: readonly string[], corpus: Corpus): FileResult[] {
  const symbols = corpus.papers.map((p) => p.symbol);
  return paths.map((path) => checkFile(path, corpus, symbols));
}

/** Checks the files whose index it takes from `next` (shared with the other thread) until none is left. */
function checkTaken(paths: readonly string[], corpus: Corpus, next: Int32Array): Array<[number, FileResult]> {
  const symbols = corpus.papers.map((p) => p.symbol);
  const results: Array<[number, FileResult]> = [];
  for (let i = Atomics.add(next, 0, 1); i < paths.length; i = Atomics.add(next, 0, 1)) results.push([i, checkFile(paths[i]!, corpus, symbols)]);
  return results;
}

interface WorkerInput {
  role: typeof ROLE;
  paths: readonly string[];
  papers: PapersData;
  port: MessagePort;
  /** [0]: the next file to take; shared by both threads. */
  next: Int32Array;
  done: Int32Array;
}

type CheckAnswer = WorkerAnswer<Array<[number, FileResult]>>;

/** Whether this thread is a check worker; if so, does its share and answers. */
export function runCheckWorker(): boolean {
  const input = workerInputFor<WorkerInput>(ROLE);
  if (!input) return false;
  const answer: CheckAnswer = workerAnswer(() => checkTaken(input.paths, corpusOf(input.papers), input.next));
  input.port.postMessage(answer);
  Atomics.store(input.done, 0, 1);
  Atomics.notify(input.done, 0);
  return true;
}

export function checkFiles(paths: readonly string[], corpus: Corpus): FileResult[] {
  const bundle = bundleFile();
  const wanted = process.env.CRP_CITE_WORKERS !== '0';
  if (!bundle || !wanted || paths.length < MIN_FILES_FOR_WORKER || availableParallelism() < 2) return checkAll(paths, corpus);

  const { port1, port2 } = new MessageChannel();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const done = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = {
    role: ROLE,
    paths,
    papers: papersData(corpus),
    port: port2,
    next,
    done,
  };
  let worker: Worker | undefined;
  try {
    worker = startWorker(bundle, input, { transferList: [port2], stdout: true, stderr: true });
  } catch {
    return checkAll(paths, corpus);
  }
  const results: Array<FileResult | undefined> = new Array(paths.length);
  for (const [i, result] of checkTaken(paths, corpus, next)) results[i] = result;
  // Generous: a worker checks some 20 MB a second; past this it is stuck, not slow.
  const patience = 30_000 + paths.length * 25;
  const answered = Atomics.wait(done, 0, 0, patience) !== 'timed-out' || Atomics.load(done, 0) === 1;
  const message = answered ? (receiveMessageOnPort(port1)?.message as CheckAnswer | undefined) : undefined;
  void worker.terminate();
  port1.close();
  if (message && 'results' in message) for (const [i, result] of message.results) results[i] = result;
  // How the files were shared, for the test that the worker really checks its share.
  if (process.env.CRP_CITE_WORKER_STATS) process.stderr.write(`crp-cite check: worker ${message && 'results' in message ? message.results.length : 0} of ${paths.length} files\n`);
  // Whatever the worker took and did not deliver (it failed or timed out) is checked here.
  const symbols = corpus.papers.map((p) => p.symbol);
  return results.map((result, i) => result ?? checkFile(paths[i]!, corpus, symbols));
}
