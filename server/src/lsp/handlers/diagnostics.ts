/**
 * Diagnostics for open drafts: pushed after a pause in typing (`diagnosticsDebounceMs`,
 * default 150 ms), or pulled when the client asks (`textDocument/diagnostic`, and
 * `workspace/diagnostic` for the workspace's files that are not open).
 *
 * A push always describes the document as it is when computed (computing is synchronous)
 * and carries that version, so a client never receives findings for text it no longer has.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Diagnostic,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { DraftChecker, checkCitations, lineIndex, messageOf, Suppressions, type Finding } from '../../core/features/diagnostics';
import type { ServerContext } from '../context';
import type { OpenDocument } from '../documents';
import type { DocumentListener } from './documents';

export const DEFAULT_DEBOUNCE_MS = 150;

/** A valid `diagnosticsDebounceMs`: from 0 to a minute. */
export function isDebounce(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 60_000;
}

/**
 * Messages by language, key and parameters. A keystroke re-checks a line, but the push
 * carries every finding of the draft: translating a thousand of them again each time
 * would cost more than the checking.
 */
const messages = new Map<string, string>();

/** The same, by the finding's parameters object: a checker keeps it across edits (even when it moves the finding). */
const messagesByParams = new WeakMap<object, { language: string; messageKey: string; message: string }>();

function messageFor(finding: Finding, ctx: ServerContext): string {
  const known = messagesByParams.get(finding.params);
  if (known && known.language === ctx.language && known.messageKey === finding.messageKey) return known.message;
  const key = `${ctx.language}\u0000${finding.messageKey}\u0000${JSON.stringify(finding.params)}`;
  let message = messages.get(key);
  if (message === undefined) {
    if (messages.size >= 10_000) messages.clear();
    message = messageOf(finding, ctx.t);
    messages.set(key, message);
  }
  messagesByParams.set(finding.params, { language: ctx.language, messageKey: finding.messageKey, message });
  return message;
}

function toDiagnostic(finding: Finding, range: Diagnostic['range'], ctx: ServerContext): Diagnostic {
  return {
    range,
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.code,
    source: 'crp-cite',
    message: messageFor(finding, ctx),
  };
}

/**
 * The one diagnostic of a document over `crpCite.maxDocumentSize`: says why its citations
 * are not checked, rather than leaving the writer to wonder.
 */
function oversizedNotice(doc: OpenDocument, ctx: ServerContext): Diagnostic {
  const number = new Intl.NumberFormat(ctx.language);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'document-too-large',
    source: 'crp-cite',
    message: ctx.t('server.documentTooLarge', { size: number.format(doc.text.getText().length), limit: number.format(ctx.documents.maxSize) }),
  };
}

export interface DiagnosticsFeature {
  documents: DocumentListener;
  initialize(capabilities: ClientCapabilities, debounceMs: unknown): Partial<ServerCapabilities>;
}

export function registerDiagnostics(ctx: ServerContext): DiagnosticsFeature {
  const { connection } = ctx;
  const checkers = new Map<string, DraftChecker>();
  const timers = new Map<string, NodeJS.Timeout>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let pull = false;
  let refreshSupport = false;

  const checkerOf = (doc: OpenDocument): DraftChecker => {
    let checker = checkers.get(doc.uri);
    if (!checker) {
      checker = new DraftChecker(ctx.corpus);
      checkers.set(doc.uri, checker);
    }
    return checker;
  };

  const diagnosticsOf = (doc: OpenDocument): Diagnostic[] => {
    if (!ctx.diagnosticsEnabled) return [];
    if (doc.oversized) return [oversizedNotice(doc, ctx)];
    const findings = checkerOf(doc).findings(doc.draft, (offset) => doc.positionAt(offset).line);
    return findings.map((f) => toDiagnostic(f, doc.rangeOf(f.start, f.end), ctx));
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const doc = ctx.documents.get(uri);
    if (!doc) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(doc) });
  };

  const schedule = (uri: string, delay: number): void => {
    if (pull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => publish(uri), delay));
  };

  const republishAll = (): void => {
    if (pull) {
      // Only clients that say they support it may be asked to refresh (the protocol fuzz
      // test's client did not, and the unanswered request was logged as an error).
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of ctx.documents.all()) schedule(doc.uri, 0);
  };
  ctx.onLanguageChange(republishAll);
  ctx.onDiagnosticsEnabledChange(republishAll);

  connection.languages.diagnostics.on(({ textDocument }) => {
    const doc = ctx.documents.get(textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: doc ? diagnosticsOf(doc) : [] };
  });

  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    await ctx.workspaceIndex.ready;
    // Indexing a large workspace takes a while: a client that gave up meanwhile is told so.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!ctx.diagnosticsEnabled) return { items: [] };
    const items = ctx.workspaceIndex.closedFiles().map(({ uri, text, citations }) => {
      const source = text.getText();
      const lineOf = lineIndex(source);
      const suppressions = new Suppressions(source, lineOf);
      const findings = checkCitations(ctx.corpus, citations).filter((f) => !suppressions.silences(f.code, lineOf(f.start)));
      return {
        kind: DocumentDiagnosticReportKind.Full as typeof DocumentDiagnosticReportKind.Full,
        uri,
        version: null,
        items: findings.map((f) => toDiagnostic(f, { start: text.positionAt(f.start), end: text.positionAt(f.end) }, ctx)),
      };
    });
    return { items };
  });

  return {
    initialize(capabilities, requested) {
      if (isDebounce(requested)) debounceMs = requested;
      pull = capabilities.textDocument?.diagnostic !== undefined;
      refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
      return pull ? { diagnosticProvider: { identifier: 'crp-cite', interFileDependencies: false, workspaceDiagnostics: true } } : {};
    },
    documents: {
      opened(doc) {
        checkers.delete(doc.uri);
        // After the requests that came with the document (a hover, the outline) are
        // answered: checking a large draft whole takes a while, and they need only the
        // part they look at. vscode-jsonrpc handles one message per turn of the event
        // loop and writes its answer on the next, hence two turns.
        setImmediate(() => setImmediate(() => schedule(doc.uri, 0)));
      },
      changed(doc) {
        if (doc.oversized) {
          checkers.delete(doc.uri);
          schedule(doc.uri, debounceMs);
          return;
        }
        const checker = checkerOf(doc);
        const edits = doc.lastEdits;
        if (edits?.length === 1) checker.edited(edits[0]!, doc.text.getText(), doc.draft.lastReparsed);
        else checker.reset();
        schedule(doc.uri, debounceMs);
      },
      closed(uri) {
        clearTimeout(timers.get(uri));
        timers.delete(uri);
        checkers.delete(uri);
        if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      },
    },
  };
}
