/**
 * The workspace's first reading by a worker thread (server/src/lsp/indexWorker.ts): the
 * worker itself, run from the built bundle as the server runs it, and the server reading
 * a workspace large enough to start one. What a worker does not answer the server reads
 * itself, so a broken worker would still give the right references: the worker's own
 * answer is checked first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReferencesRequest, type Location } from 'vscode-languageserver-protocol';
import { defaultDataFolder, loadCorpus } from '../../server/src/core/load';
import { IndexWorker } from '../../server/src/lsp/indexWorker';
import { startServer, type TestServer } from './client';

const BUNDLE = resolve(__dirname, '..', '..', 'dist', 'lsp.js');
/** Enough for two workers (64 drafts each at least) on a machine with two cores. */
const DRAFTS = 140;

describe('the index worker', () => {
  let folder: string;
  let server: TestServer | undefined;
  const paths: string[] = [];

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'crp-cite-worker-'));
    for (let i = 0; i < DRAFTS; i++) {
      const path = join(folder, `draft-${String(i).padStart(3, '0')}.md`);
      writeFileSync(path, `# Draft ${i}\n\nAs CRP/43 §${(i % 27) + 1} says, and paragraph ${((i + 1) % 27) + 1} of CRP/43.\n`);
      paths.push(path);
    }
    // Latin-1: not text to index, and said.
    const latin1 = join(folder, 'latin1.md');
    writeFileSync(latin1, new Uint8Array(Buffer.from('Premi\xe8re note : CRP/43 \xa76.\n', 'latin1')));
    paths.push(latin1);
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads every draft it is given, two workers sharing them, and says which one is not text', async () => {
    const corpus = loadCorpus(defaultDataFolder());
    const worker = IndexWorker.start(paths, corpus, 10 * 1024 * 1024, BUNDLE);
    expect(worker).toBeDefined();
    expect(worker!.count).toBe(Math.min(2, availableParallelism()));
    const answered = await worker!.answered;
    expect(answered.size).toBe(paths.length);
    const first = answered.get(0);
    expect(first && 'file' in first && first.file.citations).toBe(2);
    expect(answered.get(DRAFTS)).toEqual({ notText: 1 });
    expect(worker!.taken).toBe(paths.length);
  });

  it('gives the server every draft’s citations, and the writer the one it could not read', async () => {
    server = await startServer({ workspaceFolders: [folder], initializationOptions: { cacheFolder: false } });
    const probe = 'untitled:probe.md';
    server.open(probe, 'CRP/43 §5\n');
    const found = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: probe },
      position: { line: 0, character: 8 },
      context: { includeDeclaration: false },
    })) as Location[];
    // §5 is cited by draft i when i % 27 = 4 (symbol first) or (i + 1) % 27 = 4 (mark first).
    const citing = paths.slice(0, DRAFTS).filter((_, i) => i % 27 === 4 || (i + 1) % 27 === 4);
    expect([...new Set(found.map((l) => l.uri).filter((uri) => uri !== probe))].sort()).toEqual(citing.map((p) => pathToFileURL(p).toString()).sort());
    await expect.poll(() => server!.messages.map((m) => m.message)).toContainEqual(expect.stringMatching(/latin1\.md is not UTF-8 \(the first byte that is not is on line 1\)/));
  });
});
