/**
 * `crp-cite check` on a large folder uses a second core: a worker thread, running the
 * same bundle, checks the second half of the files while the main thread checks the
 * first. Results come back in file order, so the report is the one a single thread
 * writes (`CRP_CITE_WORKERS=0` forces that, for comparison).
 *
 * The command stays synchronous: the main thread waits for the worker with
 * `Atomics.wait` and takes its answer with `receiveMessageOnPort`. A worker that does
 * not answer in time is stopped and its half checked here.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { Corpus, Paper, type PaperData } from '../core/corpus';
import { checkDraft, lineIndex, type Finding } from '../core/features/diagnostics';
import { DraftIndex } from '../core/markdown';

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
export function checkFile(path: string, corpus: Corpus, symbols: readonly string[]): FileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { path, unreadable: e instanceof Error ? e.message : String(e) };
  }
  const findings = checkDraft(new DraftIndex(text, symbols, { keepCitations: false }), corpus);
  if (findings.length === 0) return { path, problems: [] };
  const lineOf = lineIndex(text);
  const at = (offset: number) => ({ line: lineOf(offset) + 1, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 });
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

interface WorkerInput {
  role: typeof ROLE;
  paths: string[];
  papers: Array<{ data: PaperData; renderingPath: string }>;
  port: MessagePort;
  done: Int32Array;
}

/** Whether this thread is a check worker; if so, does its share and answers. */
export function runCheckWorker(): boolean {
  const input = workerData as WorkerInput | undefined;
  if (input?.role !== ROLE) return false;
  let answer: { results: FileResult[] } | { error: string };
  try {
    const corpus = new Corpus(input.papers.map((p) => new Paper(p.data, p.renderingPath)));
    answer = { results: checkAll(input.paths, corpus) };
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e) };
  }
  input.port.postMessage(answer);
  Atomics.store(input.done, 0, 1);
  Atomics.notify(input.done, 0);
  return true;
}

/** The bundle this code runs from, when it is one (tests run the sources, which a worker cannot load). */
function bundleFile(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

export function checkFiles(paths: readonly string[], corpus: Corpus): FileResult[] {
  const bundle = bundleFile();
  const wanted = process.env.CRP_CITE_WORKERS !== '0';
  if (!bundle || !wanted || paths.length < MIN_FILES_FOR_WORKER || availableParallelism() < 2) return checkAll(paths, corpus);

  // The worker starts later than this thread: give it a little less than half.
  const split = Math.ceil(paths.length * 0.52);
  const mine = paths.slice(0, split);
  const theirs = paths.slice(split);
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = {
    role: ROLE,
    paths: theirs,
    papers: corpus.papers.map((p) => ({ data: p.data, renderingPath: p.renderingPath })),
    port: port2,
    done,
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(bundle, { workerData: input, transferList: [port2], stdout: true, stderr: true });
  } catch {
    return checkAll(paths, corpus);
  }
  const first = checkAll(mine, corpus);
  // Generous: a worker checks some 20 MB a second; past this it is stuck, not slow.
  const patience = 30_000 + theirs.length * 50;
  const answered = Atomics.wait(done, 0, 0, patience) !== 'timed-out' || Atomics.load(done, 0) === 1;
  const message = answered ? (receiveMessageOnPort(port1)?.message as { results: FileResult[] } | { error: string } | undefined) : undefined;
  void worker.terminate();
  port1.close();
  const second = message && 'results' in message ? message.results : checkAll(theirs, corpus);
  return [...first, ...second];
}
