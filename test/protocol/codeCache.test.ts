/**
 * dist/server.js loads the server's bundle through V8's code cache (server/src/boot.ts):
 * the first start writes it in the cache folder, the next ones read it; a cache file that
 * is damaged, or made for other code, costs nothing but the compile it would have saved.
 * Each test gives the server a cache folder of its own (`XDG_CACHE_HOME`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './client';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function cacheHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'crp-cite-code-cache-'));
  folders.push(home);
  return home;
}

const codeFolder = (home: string) => join(home, 'crp-cite', 'code');
const hash = (latin1: string) => createHash('sha256').update(latin1, 'latin1').digest('hex');

/** The cache files written, and whether each is whole (its head is the hash of the rest). */
function caches(home: string): Array<{ name: string; whole: boolean }> {
  let names: string[];
  try {
    names = readdirSync(codeFolder(home));
  } catch {
    return [];
  }
  return names.map((name) => {
    // Bytes as latin1 characters, one for one.
    const bytes = readFileSync(join(codeFolder(home), name), 'latin1');
    return { name, whole: bytes.slice(0, 64) === hash(bytes.slice(64)) };
  });
}

/** Starts the server, asks a hover of a citation, stops it: what a writer's session needs at least. */
async function session(env: Record<string, string>): Promise<string> {
  const server = await startServer({ env });
  try {
    server.open('file:///draft.md', 'See CRP/43 §6.');
    const hover = await server.hover('file:///draft.md', { line: 0, character: 12 });
    return JSON.stringify(hover?.contents ?? null);
  } finally {
    await server.stop();
  }
}

describe('the code cache', () => {
  it('is written by the first start and read by the next, which answers the same', async () => {
    const home = cacheHome();
    const first = await session({ XDG_CACHE_HOME: home });
    expect(first).toContain('Paragraph 6');
    const written = caches(home);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ whole: true });
    expect(written[0]!.name).toMatch(new RegExp(`^lsp-\\d+-\\d+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
    const file = join(codeFolder(home), written[0]!.name);
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await session({ XDG_CACHE_HOME: home })).toBe(first);
    // Read (V8 took it), not written again.
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('a damaged or foreign cache file is not used: the server starts the same and writes it again', async () => {
    const home = cacheHome();
    const clean = await session({ XDG_CACHE_HOME: home });
    const { name } = caches(home)[0]!;
    const file = join(codeFolder(home), name);
    const good = readFileSync(file, 'latin1');
    for (const damaged of [
      'not a cache at all',
      // Cut short: the head no longer matches.
      good.slice(0, good.length >> 1),
      // Whole, but of other code: V8 refuses it.
      hash('x'.repeat(200)) + 'x'.repeat(200),
    ]) {
      writeFileSync(file, damaged, 'latin1');
      expect(await session({ XDG_CACHE_HOME: home })).toBe(clean);
      expect(caches(home)).toEqual([{ name, whole: true }]);
    }
  });

  it('keeps the two newest caches of other builds (an extension and a command line of other versions), removes older ones', async () => {
    const home = cacheHome();
    mkdirSync(codeFolder(home), { recursive: true });
    const others = ['lsp-1-1-v0-x.v8cache', 'lsp-2-2-v0-x.v8cache', 'lsp-3-3-v0-x.v8cache', 'lsp-4-4-v0-x.v8cache'];
    others.forEach((name, k) => {
      const file = join(codeFolder(home), name);
      writeFileSync(file, 'other');
      utimesSync(file, 1_000 + k, 1_000 + k);
    });
    await session({ XDG_CACHE_HOME: home });
    const kept = caches(home).map((c) => c.name);
    expect(kept).toHaveLength(3);
    expect(kept).toEqual(expect.arrayContaining(['lsp-3-3-v0-x.v8cache', 'lsp-4-4-v0-x.v8cache']));
  });

  it('is not written with CRP_CITE_CODE_CACHE=0', async () => {
    const home = cacheHome();
    expect(await session({ XDG_CACHE_HOME: home, CRP_CITE_CODE_CACHE: '0' })).toContain('Paragraph 6');
    expect(caches(home)).toEqual([]);
  });
});
