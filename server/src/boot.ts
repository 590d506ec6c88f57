/**
 * `dist/server.js`, the command editors run (`node dist/server.js --stdio`, or
 * `--node-ipc` from VS Code): loads the language server's bundle, `dist/lsp.js`, through
 * V8's code cache, as Node 22 does with `module.enableCompileCache()` (which Node 20, the
 * runtime crp-cite supports, lacks).
 *
 * Why: the bundle is some 590 KB, and V8 parses all of it before running a line. That
 * parse alone was most of the start-up that the do-nothing server does not pay (a 190 KB
 * bundle): with the cache, start-up to `initialize` answered fell from about 1.3× that
 * server's to about 1× (README, Performance). The first start of a build compiles as
 * before and writes the cache; the next ones read it.
 *
 * The cache is a file in the cache folder (`defaultCacheFolder`), named by the bundle's
 * size and modification time and the runtime's version and architecture, so a new build
 * or a new Node never reads an old one (V8 checks only the source's length). It is written whole under another name and renamed; it starts with
 * a hash of what follows, checked before V8 is given it. V8 itself refuses a cache made
 * for other code, flags or versions (`cachedDataRejected`), and the bundle is then
 * compiled as without one and the cache written again. Anything that fails here (no
 * cache folder, a read-only one, a bad file) only costs the time the cache would save:
 * the server starts the same. `CRP_CITE_CODE_CACHE=0` turns it off.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheFolder } from './cacheFolder';

const BUNDLE = join(__dirname, 'lsp.js');
const PREFIX = 'lsp-';
const SUFFIX = '.v8cache';
/** Characters of the hash (hexadecimal) that heads a cache file. */
const CHECK = 64;

/** (A `Buffer` as the `Uint8Array` it is: this TypeScript's lib and @types/node disagree on `Buffer`'s buffer type.) */
const bytesOf = (buffer: Buffer) => buffer as unknown as Uint8Array;
const sha256 = (data: Buffer) => createHash('sha256').update(bytesOf(data)).digest('hex');

/** The cache file for this bundle and this runtime, or none when there is nowhere to keep it. */
function cacheFileFor(bundle: string): string | undefined {
  if (process.env.CRP_CITE_CODE_CACHE === '0') return undefined;
  const folder = defaultCacheFolder();
  if (!folder) return undefined;
  try {
    const { size, mtimeMs } = statSync(bundle);
    return join(folder, 'code', `${PREFIX}${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}${SUFFIX}`);
  } catch {
    return undefined;
  }
}

/** The cached code in `file`, if it is whole. */
function readCache(file: string): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(CHECK);
    return bytes.length > CHECK && bytes.toString('latin1', 0, CHECK) === sha256(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** How many other builds' caches are kept (an extension and a command-line install of two versions, each started in turn, keep theirs). */
const OTHER_CACHES_KEPT = 2;

/** Writes `data` as the cache `file`, and removes the oldest of other builds' caches. */
function writeCache(file: string, data: Buffer): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    const fd = openSync(partial, 'w');
    try {
      writeSync(fd, sha256(data));
      writeSync(fd, bytesOf(data));
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    const others = readdirSync(folder)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(folder, name) !== file)
      .map((name) => ({ path: join(folder, name), time: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of others.slice(OTHER_CACHES_KEPT)) rmSync(old.path, { force: true });
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}

function load(): void {
  const source = readFileSync(BUNDLE, 'utf8');
  const file = cacheFileFor(BUNDLE);
  const cachedData = file ? readCache(file) : undefined;
  const script = new Script(wrap(source), { filename: BUNDLE, cachedData: cachedData && bytesOf(cachedData) });
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  // After the bundle's top level ran (the connection listening), and before the first
  // message is read: the functions compiled so far go in the cache too.
  if (file && (!cachedData || script.cachedDataRejected)) process.nextTick(() => writeCache(file, script.createCachedData()));
  run.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
}

load();
