/**
 * Every citation in the workspace's Markdown files, open or not: what references, the
 * rendering's code lenses and the side panel's workspace counts are computed from.
 *
 * Files on disk are read once at start-up, in the background (by a worker thread when
 * there are many) so that requests are answered meanwhile, then re-read when the client
 * reports them changed; what a previous session read is kept in a cache and not read
 * again while a file's size and time are unchanged (lsp/indexCache.ts). An open
 * document replaces its file on disk until it is closed: its unsaved text is what the
 * writer sees. The same `.gitignore` rules as `crp-cite check` decide which files count.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Citation } from '../core/grammar';
import { citationsOfText, DraftIndex } from '../core/draft/draftIndex';
import { quotationCounts, tallyQuotations } from '../core/features/quotations';
import { citingSpansIn, countCitationsIn, coverageMemo, positionIn } from '../core/compactCitations';
import { countCitations } from '../core/features/outline';
import { citingSpans, type PassageRef } from '../core/features/references';
import { isListedMarkdown, markdownFiles } from '../files/markdownFiles';
import { readDiskFile, type DiskFile, type DiskRead } from './diskFile';
import { IndexCache, sameStamp, stampOf, type FileStamp } from './indexCache';
import { IndexWorker } from './indexWorker';
import type { DocumentStore } from './documents';

/** Reports indexing progress; the LSP glue maps it onto `$/progress`. */
export interface IndexProgress {
  report(done: number, total: number): void;
  done(): void;
}

/**
 * Time spent reading and indexing files between two yields to the event loop: requests
 * wait at most this long. Files are read synchronously within a slice: 2,000 small
 * asynchronous reads (stat, open, read, close through the thread pool) cost more than
 * the indexing itself.
 */
const SLICE_MS = 8;
/** How often progress is reported while a worker reads. */
const PROGRESS_MS = 100;

/**
 * URIs and paths converted once: requests convert the same few (the draft asked about, the
 * paper's rendering) again and again, each time through Node's URL parser. Bounded, so
 * that a client sending ever new URIs grows nothing.
 */
const pathsOfUris = new Map<string, string | undefined>();
const urisOfPaths = new Map<string, string>();
const MEMO_LIMIT = 1000;

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

export function uriToPath(uri: string): string | undefined {
  if (pathsOfUris.has(uri)) return pathsOfUris.get(uri);
  let path: string | undefined;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    path = undefined;
  }
  return remember(pathsOfUris, uri, path);
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return urisOfPaths.get(path) ?? remember(urisOfPaths, path, pathToFileURL(path).toString());
}

export class WorkspaceIndex {
  private readonly disk = new Map<string, DiskFile>();
  private roots: string[] = [];
  private readonly listeners: Array<() => void> = [];
  /** Bumped by each full re-index, so a slower earlier one does not overwrite it. */
  private generation = 0;
  private indexing: Promise<void> = Promise.resolve();
  /** Where the index is kept between sessions, if anywhere (lsp/indexCache.ts). */
  private cacheOptions: { folder: string; fingerprint: () => string; notWritten: (path: string, error: string) => void } | undefined;
  private cache: IndexCache<DiskFile> | undefined;
  /** Files read again since the cache was last written. */
  private unsaved = false;

  constructor(
    private readonly corpus: () => Corpus,
    private readonly documents: DocumentStore,
  ) {}

  /** Folders (absolute paths) whose Markdown files are indexed. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  /**
   * Keeps the index in `folder` between sessions; `fingerprint` says what else it depends
   * on (asked at each full pass); `notWritten` is told when the cache cannot be written.
   */
  useCache(folder: string, fingerprint: () => string, notWritten: (path: string, error: string) => void): void {
    this.cacheOptions = { folder, fingerprint, notWritten };
  }

  /** Writes the cache if files were read since it last was (after a full pass, at shutdown), after any write under way. Never rejects. */
  saveCache(): Promise<void> {
    this.saving = this.saving.then(() => this.writeCache());
    return this.saving;
  }

  private saving: Promise<void> = Promise.resolve();

  private async writeCache(): Promise<void> {
    const cache = this.cache;
    if (!cache || !this.unsaved) return;
    this.unsaved = false;
    const entries = [...this.disk].flatMap(([uri, file]) => {
      const path = uriToPath(uri);
      return path ? [[path, file] as [string, DiskFile]] : [];
    });
    try {
      await cache.save(entries);
    } catch (e) {
      this.unsaved = true;
      this.cacheOptions?.notWritten(cache.path, e instanceof Error ? e.message : String(e));
    }
  }

  get folders(): readonly string[] {
    return this.roots;
  }

  /** Files being re-read after a change on disk. */
  private readonly rereading = new Set<Promise<void>>();

  /** Resolves when the current indexing pass and every pending re-read are done. */
  get ready(): Promise<void> {
    return Promise.all([this.indexing, ...this.rereading]).then(() => undefined);
  }

  /** Called whenever the citations of some file changed (code lenses, the panel). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /**
   * (Re)reads every Markdown file of the workspace folders: first which ones changed
   * since they were last read (their stamps, against this session's index or the cache),
   * then those: by a worker thread when there are many (lsp/indexWorker.ts), else here.
   * This thread's part goes in slices, so that requests are answered meanwhile.
   */
  indexAll(progress?: IndexProgress): Promise<void> {
    const generation = ++this.generation;
    this.indexing = (async () => {
      let paths: string[] = [];
      for (const root of this.roots) {
        try {
          paths = paths.concat(markdownFiles([root]));
        } catch {
          // A folder that vanished or cannot be read has no drafts to index.
        }
      }
      const fresh = new Map<string, DiskFile>();
      // What a previous session indexed, on the first pass (later passes have `this.disk`).
      this.cache = this.cacheOptions && this.roots.length > 0 ? new IndexCache<DiskFile>(this.cacheOptions.folder, this.roots, this.cacheOptions.fingerprint()) : undefined;
      const stored = this.cache && this.disk.size === 0 ? this.cache.load() : undefined;
      // A pass overtaken by a newer one (folders added, a .gitignore changed) stops, and
      // ends its progress report: the newer pass reports its own.
      const overtaken = () => {
        if (generation === this.generation) return false;
        progress?.done();
        return true;
      };
      const slices = async (count: number, step: (i: number) => void, done: () => number): Promise<boolean> => {
        for (let i = 0; i < count; ) {
          if (overtaken()) return false;
          const sliceEnd = performance.now() + SLICE_MS;
          do step(i++);
          while (i < count && performance.now() < sliceEnd);
          progress?.report(done(), paths.length);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        return !overtaken();
      };

      // Which drafts changed: a stat each.
      const toRead: Array<{ path: string; uri: string }> = [];
      const unchanged = await slices(
        paths.length,
        (i) => {
          const path = paths[i]!;
          const uri = pathToFileURL(path).toString();
          const known = this.disk.get(uri) ?? stored?.get(path);
          const stamp = known && this.stampNow(path);
          if (known && stamp && sameStamp(known.stamp, stamp)) fresh.set(uri, known);
          else toRead.push({ path, uri });
        },
        () => 0,
      );
      if (!unchanged) return;

      // Those: by a worker when there are many, else here, in slices.
      const corpus = this.corpus();
      const maxSize = this.documents.maxSize;
      const worker = IndexWorker.start(
        toRead.map((f) => f.path),
        corpus,
        maxSize,
      );
      const read = new Map<number, DiskRead>();
      if (worker) {
        const answered = worker.answered.then((results) => ({ results }));
        for (;;) {
          const answer = await Promise.race([answered, new Promise<undefined>((resolve) => setTimeout(resolve, PROGRESS_MS))]);
          if (overtaken()) {
            worker.stop();
            return;
          }
          if (answer) {
            for (const [k, result] of answer.results) read.set(k, result);
            break;
          }
          progress?.report(fresh.size + worker.taken, paths.length);
        }
      }
      // What no worker read (none was started, or it failed), here.
      const left = toRead.flatMap((_, k) => (read.has(k) ? [] : [k]));
      if (!(await slices(left.length, (j) => void read.set(left[j]!, readDiskFile(toRead[left[j]!]!.path, corpus, maxSize)), () => fresh.size + read.size))) return;
      toRead.forEach(({ path, uri }, k) => {
        const file = this.accepted(path, read.get(k));
        if (file) fresh.set(uri, file);
      });

      const removed = [...this.disk.keys()].some((uri) => !fresh.has(uri)) || (stored !== undefined && stored.size !== fresh.size);
      this.disk.clear();
      for (const [uri, file] of fresh) this.disk.set(uri, file);
      progress?.done();
      this.changed();
      if (toRead.length > 0 || removed) {
        this.unsaved = true;
        // Not awaited: requests wait for `ready`, not for the cache.
        void this.saveCache();
      }
    })();
    return this.indexing;
  }

  /** A file's stamp now; none when it cannot be read. */
  private stampNow(path: string): FileStamp | undefined {
    try {
      return stampOf(statSync(path));
    } catch {
      return undefined;
    }
  }

  private readonly notTextListeners: Array<(path: string, line: number) => void> = [];

  /** Called with each draft that is not UTF-8 (nor UTF-16 with a byte-order mark): it is not indexed, and the writer is told. */
  onNotText(listener: (path: string, line: number) => void): void {
    this.notTextListeners.push(listener);
  }

  /** What the index keeps of a draft just read; one that is not text is said, and not kept. */
  private accepted(path: string, read: DiskRead): DiskFile | undefined {
    if (read && 'notText' in read) for (const l of this.notTextListeners) l(path, read.notText);
    return read && 'file' in read ? read.file : undefined;
  }

  private rootOf(path: string): string | undefined {
    return this.roots.find((root) => isListedMarkdown(root, path));
  }

  /** A file was created or changed on disk: re-read it if the workspace counts it. */
  fileChanged(uri: string): Promise<void> {
    const work = this.reread(uri).finally(() => this.rereading.delete(work));
    this.rereading.add(work);
    return work;
  }

  private async reread(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (!path) return;
    if (!this.rootOf(path)) {
      if (this.disk.delete(uri)) this.changed();
      return;
    }
    // One draft, read here: a few milliseconds, as one keystroke's work.
    const file = this.accepted(path, readDiskFile(path, this.corpus(), this.documents.maxSize));
    if (file) this.disk.set(uri, file);
    else this.disk.delete(uri);
    this.unsaved = true;
    this.changed();
  }

  fileDeleted(uri: string): void {
    // A deleted folder arrives as one event for the folder.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    let any = this.disk.delete(uri);
    for (const key of [...this.disk.keys()]) if (key.startsWith(prefix)) any = this.disk.delete(key) || any;
    if (!any) return;
    this.unsaved = true;
    this.changed();
  }

  /** Every indexed file: open documents as edited, the rest as on disk. */
  private *files(): Generator<{ uri: string; open: { citations: Citation[]; text: TextDocument; draft: DraftIndex } } | { uri: string; disk: DiskFile }> {
    const open = new Set<string>();
    for (const doc of this.documents.all()) {
      const path = uriToPath(doc.uri);
      const onDisk = this.disk.has(doc.uri);
      // An open draft counts when it is part of the workspace (or not yet saved into it).
      if (!onDisk && path && this.roots.length > 0 && !this.rootOf(path)) continue;
      open.add(doc.uri);
      yield { uri: doc.uri, open: { citations: doc.draft.citations(), text: doc.text, draft: doc.draft } };
    }
    for (const [uri, file] of this.disk) {
      if (!open.has(uri)) yield { uri, disk: file };
    }
  }

  /** Paragraph number (`6`) or footnote (`n2`) → how many citations in the workspace cover it (a range counts once per paragraph). */
  citationCounts(symbol: string): Map<string, number> {
    const paper = this.corpus().paper(symbol);
    const total = new Map<string, number>();
    if (!paper) return total;
    const memo = coverageMemo();
    for (const file of this.files()) {
      const counts = 'open' in file ? countCitations(paper, file.open.citations) : countCitationsIn(file.disk, paper, memo);
      for (const [n, count] of counts) total.set(n, (total.get(n) ?? 0) + count);
    }
    return total;
  }

  /** Paragraph (`6`) or footnote (`n2`) → how many quotations in the workspace cite it, and how many do not match the paper. */
  quotationCounts(symbol: string): Map<string, { quoted: number; mismatched: number }> {
    const corpus = this.corpus();
    const tallies = [...this.files()].map((file) => ('open' in file ? tallyQuotations(file.open.draft, corpus, file.open.citations) : file.disk.quotations));
    return quotationCounts(tallies, symbol);
  }

  /** Every citation of the passage in the workspace, one location per range or list item. */
  references(passage: PassageRef): Location[] {
    const locations: Location[] = [];
    const memo = coverageMemo();
    for (const file of this.files()) {
      if ('open' in file) {
        const { text, citations } = file.open;
        for (const s of citingSpans(passage, citations)) locations.push({ uri: file.uri, range: { start: text.positionAt(s.start), end: text.positionAt(s.end) } });
      } else {
        for (const s of citingSpansIn(file.disk, passage, memo)) locations.push({ uri: file.uri, range: { start: positionIn(file.disk, s.start), end: positionIn(file.disk, s.end) } });
      }
    }
    return locations.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  }

  /** The indexed files that are not open, read again from disk (files that vanished meanwhile are left out). */
  closedFiles(): Array<{ uri: string; text: TextDocument; citations: Citation[] }> {
    const symbols = this.corpus().papers.map((p) => p.symbol);
    const files: Array<{ uri: string; text: TextDocument; citations: Citation[] }> = [];
    for (const uri of this.disk.keys()) {
      const path = uriToPath(uri);
      if (this.documents.get(uri) || !path) continue;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      if (text.length > this.documents.maxSize) continue;
      files.push({ uri, text: TextDocument.create(uri, 'markdown', 0, text), citations: citationsOfText(text, symbols) });
    }
    return files;
  }

}
