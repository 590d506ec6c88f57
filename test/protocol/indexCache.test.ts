/**
 * The workspace index kept between sessions (server/src/lsp/indexCache.ts), through the
 * real server: what a second session finds after files changed, were added or deleted
 * between the two; that an unchanged file is really taken from the cache; and that a
 * cache that cannot be used costs nothing but the time to read the files.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReferencesRequest, type Location } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './client';

const PROBE = 'untitled:probe.md';

describe('the workspace index kept between sessions', () => {
  let folder: string;
  let cache: string;
  let server: TestServer | undefined;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
  /** A date well before any session: a file stamped so is not "just modified" when a cache is written. */
  const past = new Date(Date.now() - 3_600_000);
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    utimesSync(join(folder, name), past, past);
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'crp-cite-cache-ws-'));
    cache = mkdtempSync(join(tmpdir(), 'crp-cite-cache-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  /** A session: the files citing paragraph `n` (the probe, which cites it, left out). */
  async function session(n: number, cacheFolder: string | false = cache): Promise<string[]> {
    server = await startServer({ workspaceFolders: [folder], initializationOptions: { cacheFolder } });
    server.open(PROBE, `CRP/43 §${n}\n`);
    const found = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: PROBE },
      position: { line: 0, character: 8 },
      context: { includeDeclaration: false },
    })) as Location[];
    await server.stop();
    server = undefined;
    return [...new Set(found.map((l) => l.uri).filter((uri) => uri !== PROBE))].sort();
  }

  it('a second session sees what changed, was added or deleted in between', async () => {
    write('a.md', 'See CRP/43 §12.\n');
    write('b.md', 'See CRP/43 §12 and CRP/43 §16.\n');
    expect(await session(12)).toEqual([uriOf('a.md'), uriOf('b.md')]);
    expect(readdirSync(cache).filter((f) => f.endsWith('.index'))).toHaveLength(1);

    write('b.md', 'Now CRP/43 §13 only, and a longer sentence.\n');
    write('c.md', 'Added: CRP/43 §12.\n');
    unlinkSync(join(folder, 'a.md'));
    expect(await session(12)).toEqual([uriOf('c.md')]);
    expect(await session(13)).toEqual([uriOf('b.md')]);
  });

  it('takes a file whose size and time did not change from the cache, without reading it', async () => {
    write('a.md', 'See CRP/43 §12.\n');
    expect(await session(12)).toEqual([uriOf('a.md')]);
    // Same length, same time: only the cache can still say §12.
    write('a.md', 'See CRP/43 §13.\n');
    expect(await session(12)).toEqual([uriOf('a.md')]);
    expect(await session(13, false)).toEqual([uriOf('a.md')]);
  });

  it('reads a file modified just before the cache was written again, whatever its stamp', async () => {
    // Stamped about now (a whole second, which utimes sets exactly): a later edit within
    // the clock's resolution could keep this stamp.
    const now = new Date(Math.ceil(Date.now() / 1000) * 1000);
    writeFileSync(join(folder, 'a.md'), 'See CRP/43 §12.\n');
    utimesSync(join(folder, 'a.md'), now, now);
    expect(await session(12)).toEqual([uriOf('a.md')]);
    writeFileSync(join(folder, 'a.md'), 'See CRP/43 §13.\n');
    utimesSync(join(folder, 'a.md'), now, now);
    expect(statSync(join(folder, 'a.md')).mtimeMs).toBe(now.getTime());
    expect(await session(13)).toEqual([uriOf('a.md')]);
  });

  it('ignores a cache file it cannot read', async () => {
    write('a.md', 'See CRP/43 §12.\n');
    expect(await session(12)).toEqual([uriOf('a.md')]);
    const [file] = readdirSync(cache).filter((f) => f.endsWith('.index'));
    writeFileSync(join(cache, file!), 'not an index');
    write('a.md', 'See CRP/43 §13.\n');
    expect(await session(13)).toEqual([uriOf('a.md')]);
    // And writes a good one in its place: the next session takes the file from it.
    write('a.md', 'See CRP/43 §14.\n');
    expect(await session(13)).toEqual([uriOf('a.md')]);
  });

  it('works without a cache where none can be written, and says so in the writer’s language', async () => {
    write('a.md', 'See CRP/43 §12.\n');
    // A file where the folder should be.
    expect(await session(12, join(folder, 'a.md'))).toEqual([uriOf('a.md')]);
    server = await startServer({ workspaceFolders: [folder], initializationOptions: { cacheFolder: join(folder, 'a.md'), language: 'fr' } });
    await expect.poll(() => server!.logs.map((l) => l.message).join('\n')).toMatch(/L’index de l’espace de travail n’a pas pu être conservé pour la prochaine session dans .*a\.md/);
  });
});
