/**
 * Opening and closing 10,000 drafts leaves the server's memory where it started: nothing
 * about a closed document stays in the document store, the workspace index, the
 * diagnostics checkers and timers or the lazily filled citation caches.
 *
 * The server runs in this process (over in-memory streams, the same `startServer` as
 * `dist/server.js`) so the heap can be measured after a full garbage collection.
 */
import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/server';
import type { ServerContext } from '../../server/src/lsp/context';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** A realistic draft, different for each `i` so nothing is shared between documents. */
function draft(i: number): string {
  const lines = [`# Statement ${i}`, ''];
  for (let k = 0; k < 12; k++) {
    lines.push(`Draft ${i}, point ${k}: as CRP/43 §${(k % 27) + 1}(a) and CRP/43, par. ${(i + k) % 30} recall, migration is a matter for all ${i * 31 + k}.`, '');
  }
  return lines.join('\n');
}

describe('10,000 drafts opened and closed', () => {
  let client: ProtocolConnection;
  let ctx: ServerContext;
  let published = 0;

  beforeAll(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    ctx = startServer(connection);
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('textDocument/publishDiagnostics', () => {
      published++;
    });
    client.onNotification('window/logMessage', () => undefined);
    client.onNotification('window/showMessage', () => undefined);
    client.listen();
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {},
      initializationOptions: { diagnosticsDebounceMs: 0 },
    });
    await client.sendNotification(InitializedNotification.type, {});
  });

  afterAll(() => {
    client.dispose();
    ctx.connection.dispose();
  });

  /** Opens, edits, hovers (filling the citation caches) and closes `count` drafts. */
  async function cycle(from: number, count: number): Promise<void> {
    for (let i = from; i < from + count; i++) {
      const uri = `file:///memory/draft-${i}.md`;
      const text = draft(i);
      void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      void client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, text: 'Note' }],
      });
      const hover = client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 30 } });
      void client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      if (i % 100 === 99) await hover;
    }
    // Requests are answered in order: once this one is, every notification before it was handled.
    await client.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///memory/none.md' }, position: { line: 0, character: 0 } });
    // Diagnostics are computed on a zero-delay timer after each open; let the last ones run.
    await new Promise((resolve) => setImmediate(resolve));
  }

  it('leaves the heap where it started', { timeout: 120_000 }, async () => {
    await cycle(0, 1000);
    const before = heapMb();
    await cycle(1000, 10_000);
    const after = heapMb();
    expect(ctx.documents.all()).toHaveLength(0);
    expect(published).toBeGreaterThan(0);
    // Each draft is 2 KB of text plus its index: kept, 10,000 of them would add well over 40 MB.
    expect(after - before, `heap ${before.toFixed(1)} MB → ${after.toFixed(1)} MB`).toBeLessThan(12);
  });
});
