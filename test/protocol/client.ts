/**
 * A JSON-RPC client for the real language server: starts `node dist/server.js --stdio`
 * as a child process (as editors do) and speaks LSP to it with
 * vscode-languageserver-protocol. Shared by the protocol suites: navigation here, and
 * diagnostics/references elsewhere — extend it compatibly.
 *
 *   const server = await startServer({ locale: 'fr' });
 *   server.open('file:///draft.md', 'CRP/43, par. 6');
 *   const hover = await server.hover('file:///draft.md', { line: 0, character: 13 });
 *   await server.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Location,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER = resolve(ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** The client's UI locale, sent as `initialize` params `locale`. */
  locale?: string;
  /** Sent as `initializationOptions` (e.g. `{ language: 'es' }`, `{ dataPath }`). */
  initializationOptions?: Record<string, unknown>;
  /** Extra client capabilities merged into a minimal set. */
  capabilities?: Record<string, unknown>;
  /** Absolute paths of workspace folders (sent as `workspaceFolders`); none by default. */
  workspaceFolders?: string[];
  /** Variables added to the server's environment. */
  env?: Record<string, string>;
}

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Everything the server wrote to stderr (for failure messages). */
  stderr(): string;
  /** Messages shown to the writer so far with `window/showMessage`. */
  messages: Array<{ type: number; message: string }>;
  /** Messages written to the client's log (`window/logMessage`: VS Code's output channel). */
  logs: Array<{ type: number; message: string }>;
  /** Every `textDocument/publishDiagnostics` received so far, in order (with versions). */
  published: PublishDiagnosticsParams[];
  /** `$/progress` notifications received so far (work-done progress: begin, report, end). */
  progress: Array<{ token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }>;
  open(uri: string, text: string, languageId?: string): void;
  /** Sends changes (ranged or full) and bumps the version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  hover(uri: string, position: Position): Promise<Hover | null>;
  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null>;
  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null>;
  /** The next diagnostics published for `uri` (or the latest, if already received and `latest` is set). */
  diagnostics(uri: string, options?: { latest?: boolean }): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const messages: Array<{ type: number; message: string }> = [];
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push(p);
  });
  const logs: Array<{ type: number; message: string }> = [];
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    logs.push(p);
  });
  // The server has no question to ask the writer: a request for an answer would be a mistake.
  connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    messages.push({ type: p.type, message: `(asked as a request, not shown) ${p.message}` });
    return null;
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const progress: Array<{ token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }> = [];
  connection.onNotification('$/progress', (p: (typeof progress)[number]) => {
    progress.push(p);
  });

  const latest = new Map<string, Diagnostic[]>();
  const waiting = new Map<string, Array<(d: Diagnostic[]) => void>>();
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    published.push(p);
    latest.set(p.uri, p.diagnostics);
    const resolvers = waiting.get(p.uri) ?? [];
    waiting.delete(p.uri);
    for (const r of resolvers) r(p.diagnostics);
  });
  connection.listen();

  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders?.map((path) => ({ uri: pathToFileURL(path).toString(), name: basename(path) })) ?? null,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        definition: { linkSupport: true },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
        publishDiagnostics: { relatedInformation: true },
        synchronization: { didSave: false },
      },
      general: { positionEncodings: ['utf-16'] },
      ...options.capabilities,
    },
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const versions = new Map<string, number>();
  const doc = (uri: string) => ({ textDocument: { uri } });
  return {
    connection,
    process: child,
    initializeResult,
    stderr: () => stderr,
    messages,
    logs,
    progress,
    published,
    open(uri, text, languageId = 'markdown') {
      versions.set(uri, 1);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, changes) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, doc(uri));
    },
    hover: (uri, position) => connection.sendRequest(HoverRequest.type, { ...doc(uri), position }),
    definition: (uri, position) => connection.sendRequest(DefinitionRequest.type, { ...doc(uri), position }),
    completion: (uri, position) => connection.sendRequest(CompletionRequest.type, { ...doc(uri), position }),
    diagnostics(uri, opts = {}) {
      const known = latest.get(uri);
      if (opts.latest && known) return Promise.resolve(known);
      return new Promise((done) => waiting.set(uri, [...(waiting.get(uri) ?? []), done]));
    },
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
        await exited;
      }
      connection.dispose();
    },
  };
}

/** The Markdown value of a hover, whatever shape the server sent. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

/** The items of a completion answer, list or array. */
export function completionItems(answer: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
