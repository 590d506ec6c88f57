/**
 * The workspace index kept on disk between sessions, as language servers with large
 * indexes keep theirs: reading 2,000 drafts again at each start took seconds, and the
 * drafts a writer did not touch since yesterday index the same today.
 *
 * One file per set of workspace folders, in the cache folder (`cacheFolder` of the
 * initialization options; VS Code's extension gives its global storage). Written with
 * `node:v8` (typed arrays and plain objects, as indexed), atomically (a temporary file
 * renamed), after a full pass and at shutdown (files read again since).
 *
 * What makes an entry stale:
 * - the file's size or modification time changed;
 * - it was modified less than `RACY_MS` before the cache was written: a later edit within
 *   the file system's clock resolution could leave both unchanged (git's "racy" case);
 * - anything else the index depends on changed: the server's code, the papers' data, the
 *   size limit. These make the `fingerprint`; a cache of another fingerprint is not read.
 *
 * A cache that cannot be read (another version's, cut short, not ours) is ignored: the
 * index is built from the files, as without one. Nothing here ever fails a request.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// node:crypto and node:v8 are required when first used, not imported: the bundle would
// load them before answering `initialize` (some 6 ms), and the index needs them later.
const sha256 = (text: string) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
const v8 = () => require('node:v8') as typeof import('node:v8');

/** What identifies a file's content without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Modified this close to the cache's writing, a file is read again whatever its stamp says. */
const RACY_MS = 2_000;
/** Bumped when what is stored changes shape. */
const FORMAT = 1;

interface Stored<T> {
  format: number;
  fingerprint: string;
  writtenAt: number;
  entries: Map<string, T>;
}

/** Values stored for files, each with the stamp of the file it was made from. */
export class IndexCache<T extends { stamp: FileStamp }> {
  private readonly file: string;

  /**
   * @param folder where cache files go (created when first written)
   * @param roots the workspace folders: each set has its own cache file
   * @param fingerprint everything else the stored values depend on
   */
  constructor(folder: string, roots: readonly string[], private readonly fingerprint: string) {
    const name = sha256(JSON.stringify([...roots].sort())).slice(0, 16);
    this.file = join(folder, `workspace-${name}.index`);
  }

  get path(): string {
    return this.file;
  }

  /** The entries stored for this fingerprint, by file path; none when there is no usable cache. */
  load(): Map<string, T> {
    try {
      // (Buffer and the TypeScript library disagree on ArrayBuffer types, not on the bytes.)
      const stored = v8().deserialize(readFileSync(this.file) as unknown as Uint8Array) as Partial<Stored<T>>;
      if (stored.format !== FORMAT || stored.fingerprint !== this.fingerprint || !(stored.entries instanceof Map) || typeof stored.writtenAt !== 'number') return new Map();
      const fresh = new Map<string, T>();
      for (const [path, entry] of stored.entries) {
        if (entry.stamp.mtimeMs < stored.writtenAt - RACY_MS) fresh.set(path, entry);
      }
      return fresh;
    } catch {
      return new Map();
    }
  }

  /**
   * Replaces the cache with `entries`. Serialized at once (the entries may change after);
   * written in the background: 2,000 drafts make some 26 MB, 150 ms written synchronously.
   * Rejects with what the file system throws (the caller logs it).
   */
  async save(entries: Iterable<[string, T]>): Promise<void> {
    const stored: Stored<T> = { format: FORMAT, fingerprint: this.fingerprint, writtenAt: Date.now(), entries: new Map(entries) };
    const bytes = v8().serialize(stored) as unknown as Uint8Array;
    const temporary = `${this.file}.${process.pid}.${++this.saves}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, this.file);
    } catch (e) {
      await unlink(temporary).catch(() => undefined);
      throw e;
    }
  }

  private saves = 0;
}

/** The stamp of a file as it is now. */
export function stampOf(stat: { size: number; mtimeMs: number }): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * What the stored values depend on besides the files: the running code (its file's size
 * and time: a new build is new code) and the papers' data.
 */
export function indexFingerprint(codeFile: string | undefined, data: unknown, maxSize: number): string {
  let code = 'unknown';
  try {
    if (codeFile) code = JSON.stringify(stampOf(statSync(codeFile)));
  } catch {
    // Without a known code file, the data alone (tests run the sources).
  }
  return sha256(JSON.stringify({ code, data, maxSize }));
}

