/**
 * The real server under a random session: documents opened, edited (in and out of range,
 * with stale versions), closed and reopened, and every request it serves sent at random
 * positions, on open, closed and unknown documents, some cancelled at once. Whatever
 * happens, the process stays up, every request is answered with a result or a proper
 * JSON-RPC error (never an internal error), nothing is logged as an error, and at the end
 * the server still answers right.
 *
 * Deterministic: a fixed seed (`CRP_FUZZ_SEED`) and step count (`CRP_FUZZ_STEPS`, 600 per
 * session by default; `npm run fuzz` runs 5,000). A failure prints the seed and step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LSPErrorCodes,
  ResponseError,
  type Hover,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { hoverText, startServer, type TestServer } from './client';

const SEED = Number(process.env.CRP_FUZZ_SEED ?? 20240607);
const STEPS = Number(process.env.CRP_FUZZ_STEPS ?? 600);

/** mulberry32: small, fast, and the same sequence on every platform. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

/** Citations, half-citations and the Markdown that hides or breaks them. */
const FRAGMENTS = [
  'CRP/43 §6(a)', 'CRP/43, par. 13', 'CRP/43 §§11–12', 'CRP/43 §', 'CRP/43 §§6, ', 'CRP/43 §24(', 'CRP/', 'CRP/43 §99999999999999999999',
  'CRP/43 §6(a)–(', 'CRP/43 §0', 'CRP/43, paras. 3 and 5', 'CRP/43 párr. 7', '§§', '§ 6 (', ' text ', 'word ', '\n', '\n\n', '\r\n', '\r',
  '\t', '`', '``', '```\n', '~~~\n', '<!--', '-->', '](', '[x]: ', '<div>', '</div>\n', '> ', '- ', '1. ', '    ', '# ', '\u200b', '\u0301',
  '😀', '𝒜', '\ud800', '\udc00', ']((((', '<a <a ', '\\', '*', '_',
];

function draftText(r: Random, parts = r.int(40)): string {
  let text = '';
  for (let i = 0; i < parts; i++) text += r.pick(FRAGMENTS);
  return text;
}

/** A position in the document, often on a citation, sometimes far outside it. */
function positionIn(r: Random, doc: TextDocument | undefined): Position {
  const roll = r.next();
  if (!doc || roll < 0.1) return r.pick([{ line: 10_000, character: 3 }, { line: 0, character: 1_000_000 }, { line: -1, character: -5 }, { line: 2 ** 31, character: 0 }]);
  const text = doc.getText();
  if (roll < 0.6) {
    const at = text.indexOf('§', r.int(text.length + 1));
    if (at >= 0) return doc.positionAt(at + r.int(6));
  }
  return doc.positionAt(r.int(text.length + 2));
}

const URIS = ['file:///fuzz/a.md', 'file:///fuzz/b.md', 'file:///fuzz/sub/c.md', 'untitled:Untitled-1', 'file:///fuzz/%E2%82%AC.md'];
/** Never opened: requests on them must be answered all the same. */
const UNKNOWN_URIS = ['file:///fuzz/never.md', 'file:///%', 'not a uri', '', 'file:///fuzz/a.md#frag'];

interface Session {
  /** Settles when every request is answered; rejects on a wrong answer. */
  answers: Array<Promise<void>>;
  failures: string[];
}

function expectAnswer(session: Session, label: string, request: Promise<unknown>, cancelled: boolean): void {
  session.answers.push(
    request.then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof ResponseError)) session.failures.push(`${label}: not a JSON-RPC error: ${String(error)}`);
        else if (cancelled && error.code === LSPErrorCodes.RequestCancelled) return;
        // An internal error is a handler that threw: a bug, even if the server survived it.
        else session.failures.push(`${label}: error ${error.code} ${error.message}`);
      },
    ),
  );
}

async function runSession(server: TestServer, seed: number, steps: number, pull: boolean): Promise<{ session: Session; requests: number; cancelled: number }> {
  const r = random(seed);
  const session: Session = { answers: [], failures: [] };
  const errors: string[] = [];
  // window/logMessage of type Error: an exception the server caught and logged (a timer, a notification handler).
  server.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
  });
  const docs = new Map<string, TextDocument>();
  let requests = 0;
  let cancelled = 0;
  const send = (method: string, params: unknown, label: string) => {
    requests++;
    const cancel = r.chance(0.15);
    const source = new CancellationTokenSource();
    expectAnswer(session, `${label} (step ${requests})`, server.connection.sendRequest(method, params, source.token), cancel);
    if (cancel) {
      cancelled++;
      source.cancel();
    }
  };

  for (let step = 0; step < steps; step++) {
    const uri = r.chance(0.9) ? r.pick(URIS) : r.pick(UNKNOWN_URIS);
    const doc = docs.get(uri);
    const action = r.int(12);
    if (action === 0 || (!doc && action < 3)) {
      const text = draftText(r);
      docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
      void server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    } else if (action === 1) {
      docs.delete(uri);
      void server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    } else if (action <= 4) {
      const stale = doc && r.chance(0.15);
      const version = doc ? (stale ? doc.version - r.int(2) : doc.version + 1 + r.int(3)) : 1 + r.int(5);
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = 1 + r.int(3); k > 0; k--) {
        if (r.chance(0.1)) changes.push({ text: draftText(r) });
        else changes.push({ range: { start: positionIn(r, doc), end: positionIn(r, doc) }, text: r.chance(0.3) ? '' : draftText(r, 1 + r.int(3)) });
      }
      // Mirror what the server should do: ranges are clamped, reversed ones ordered, stale versions ignored.
      if (doc && !stale) docs.set(uri, TextDocument.update(doc, changes, version));
      void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    } else if (action === 5 && r.chance(0.2)) {
      const value = r.pick<unknown>([42, 'fr', 'es', 'en', null, 'weird', { x: 1 }]);
      void server.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { crpCite: { language: value, citationStyle: r.pick(['para', 'local', 'weird', 7]), diagnostics: { enable: r.pick([true, false, 'no']) } } },
      });
    } else {
      const textDocument = { uri };
      const position = positionIn(r, doc);
      const range = { start: position, end: positionIn(r, doc) };
      const kind = r.int(pull ? 12 : 11);
      if (kind === 0) send('textDocument/hover', { textDocument, position }, 'hover');
      else if (kind === 1) send('textDocument/definition', { textDocument, position }, 'definition');
      else if (kind === 2) send('textDocument/completion', { textDocument, position }, 'completion');
      else if (kind === 3) send('textDocument/references', { textDocument, position, context: { includeDeclaration: r.chance(0.5) } }, 'references');
      else if (kind === 4) send('textDocument/codeAction', { textDocument, range, context: { diagnostics: [], ...(r.chance(0.3) ? { only: [r.pick(['quickfix', 'source', 'source.fixAll'])] } : {}) } }, 'codeAction');
      else if (kind === 5) send('textDocument/documentSymbol', { textDocument }, 'documentSymbol');
      else if (kind === 6) send('textDocument/codeLens', { textDocument }, 'codeLens');
      else if (kind === 7) send('workspace/symbol', { query: r.pick(['', '6', 'migra', '§§', '\ud800']) }, 'workspaceSymbol');
      else if (kind === 8) send('crpCite/citationAt', r.pick([{ uri, position }, { uri, position: 'x' }, { uri: 5 }, null]), 'citationAt');
      else if (kind === 9) send('crpCite/citationCounts', r.pick([{ uri }, { symbol: 'CRP/43', uri }, { symbol: 7 }, null]), 'citationCounts');
      else if (kind === 10) send('crpCite/formatCitation', r.pick([{ symbol: 'CRP/43', paragraph: 6, subParagraph: 'a' }, { paragraph: 1e300 }, { paragraph: 'x', style: 9 }, null]), 'formatCitation');
      else send('textDocument/diagnostic', { textDocument }, 'diagnostic');
    }
    // Let a few requests pile up, then wait: some run while edits are queued behind them.
    if (step % 25 === 24) await Promise.all(session.answers);
  }
  await Promise.all(session.answers);
  session.failures.push(...errors.map((e) => `logged error: ${e}`));
  return { session, requests, cancelled };
}

describe.each([
  { mode: 'push diagnostics', pull: false },
  { mode: 'pull diagnostics', pull: true },
])('a random session ($mode)', ({ pull }) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it(`keeps serving and answers every request (seed ${SEED}, ${STEPS} steps)`, { timeout: 60_000 }, async () => {
    server = await startServer({
      capabilities: pull
        ? {
            textDocument: {
              hover: { contentFormat: ['markdown'] },
              definition: { linkSupport: true },
              diagnostic: { dynamicRegistration: false },
            },
          }
        : {},
    });
    const seed = SEED + (pull ? 1 : 0);
    const { session, requests, cancelled } = await runSession(server, seed, STEPS, pull);
    expect(session.failures, `seed ${seed}`).toEqual([]);
    expect(requests).toBeGreaterThan(STEPS / 3);
    expect(cancelled).toBeGreaterThan(0);
    expect(server.process.exitCode, server.stderr()).toBeNull();

    // Still right after all that: a fresh document answers as it should.
    void server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { crpCite: { language: 'en' } } });
    server.open('file:///fuzz/final.md', 'See CRP/43 §6(a).');
    const hover = await server.hover('file:///fuzz/final.md', { line: 0, character: 12 });
    expect(hoverText(hover)).toContain('Paragraph 6');
    expect(server.process.exitCode).toBeNull();
  });
});

describe('$/cancelRequest', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('answers requests cancelled behind a slow one with RequestCancelled, and never leaves one unanswered', { timeout: 60_000 }, async () => {
    server = await startServer();
    // One 5 MB line: the first hover indexes it whole, long enough for the rest to queue.
    const line = 'word CRP/43 §6 '.repeat(350_000);
    server.open('file:///cancel.md', line);
    const position = { line: 0, character: line.length / 2 + 12 };
    const slow = server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///cancel.md' }, position });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => {
        const source = new CancellationTokenSource();
        const answer = server!.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///cancel.md' }, position }, source.token);
        source.cancel();
        return answer.then(
          () => 'result',
          (e: unknown) => (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `unexpected ${String(e)}`),
        );
      }),
    );
    expect(hoverText((await slow) as Hover | null)).toContain('Paragraph 6');
    expect(outcomes.filter((o) => o !== 'result' && o !== 'cancelled')).toEqual([]);
    expect(outcomes).toContain('cancelled');
    expect(server.process.exitCode).toBeNull();
  });
});
