/**
 * Diagnostics for open drafts: pushed after a pause in typing (`diagnosticsDebounceMs`,
 * default 150 ms), or pulled when the client asks (`textDocument/diagnostic`, and
 * `workspace/diagnostic` for the workspace's files that are not open).
 *
 * A push always describes the document as it is when computed and carries that version,
 * so a client never receives findings for text it no longer has.
 *
 * Checking a whole draft (one just opened, or after an edit that changed what is prose)
 * goes in slices of a few milliseconds (`checkSliced`): a hover or a keystroke that comes
 * meanwhile is answered between two slices, not after the whole 5 MB. A pull the client
 * cancels meanwhile stops there. A pull whose diagnostics are the ones the client has
 * (the same result id, the same diagnostics) is answered `unchanged`: VS Code pulls after
 * every keystroke, and most change nothing.
 */
import {
  type CancellationToken,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Diagnostic,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { DraftChecker, checkCitations, lineIndex, messageOf, Suppressions, type CheckedFinding, type Finding } from '../../core/features/diagnostics';
import { insertedEnd, lengthChange, touchedAfter, type DraftEdit } from '../../core/edits';
import { DraftIndex } from '../../core/draft/draftIndex';
import type { ServerContext } from '../context';
import { immutable } from '../encoding';
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

function messageFor(finding: Finding, ctx: ServerContext): string {
  const key = `${ctx.language}\u0000${finding.messageKey}\u0000${JSON.stringify(finding.params)}`;
  let message = messages.get(key);
  if (message === undefined) {
    if (messages.size >= 10_000) messages.clear();
    message = messageOf(finding, ctx.t);
    messages.set(key, message);
  }
  return message;
}

/**
 * The diagnostic last published for a finding (by its id: an edit that moves a finding
 * makes a new one with the same id), with the offsets and the language it was made for:
 * a keystroke changes the range of the findings on its line, or the lines of those after
 * it when it adds or removes a line, and nothing else. The same frozen object is
 * published again, and its JSON is encoded once (lsp/encoding.ts).
 */
interface Published {
  readonly diagnostic: Diagnostic;
  readonly start: number;
  readonly end: number;
  readonly language: string;
}

/**
 * How the text moved since a document's diagnostics were last computed, from its edits:
 * nothing; one run of edits within `[from, to)` (in current offsets) whose length change
 * is `delta` and which added, removed or joined line breaks (`lines`) or not; or unknown.
 */
type Moves = 'none' | 'unknown' | { from: number; to: number; delta: number; lines: boolean };

interface DocumentState {
  /** What the last `diagnosticsOf` published, by finding id: the findings it had then, nothing older. */
  published: ReadonlyMap<number, Published>;
  /** The last pull's answer: its result id and diagnostics. */
  pulled?: { resultId: string; items: readonly Diagnostic[] };
  /** The document version `moves` brings the last computed diagnostics to. */
  version: number;
  moves: Moves;
}

const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** `moves` after one more edit (`edit` in the offsets before it, `text` after it). */
function moved(moves: Moves, edit: DraftEdit, text: string): Moves {
  if (moves === 'unknown') return moves;
  // A line break typed or deleted, or one next to the edit (`\r` and `\n` joined into one).
  const lines = /[\r\n]/.test(edit.removed) || /[\r\n]/.test(edit.inserted) || isLineBreak(text[edit.start - 1]) || isLineBreak(text[insertedEnd(edit)]);
  const before = moves === 'none' ? undefined : moves;
  const touched = touchedAfter(before && { start: before.from, end: before.to }, edit);
  return { from: touched.start, to: touched.end, delta: (before?.delta ?? 0) + lengthChange(edit), lines: (before?.lines ?? false) || lines };
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

/**
 * The finding's diagnostic, the one published last time when nothing about it changed.
 * Its range is known unchanged without looking up positions when the finding ends before
 * the edits (`text[0, end]` is the same), or, when no line break moved, starts on a line
 * after them with the same offsets shifted by the edits' length change.
 */
function publishedDiagnostic(
  finding: CheckedFinding,
  doc: OpenDocument,
  ctx: ServerContext,
  moves: Moves,
  lineAfterEdits: number,
  before: ReadonlyMap<number, Published>,
  now: Map<number, Published>,
): Diagnostic {
  const known = before.get(finding.id);
  let unmoved = false;
  if (known) {
    if (moves === 'none') unmoved = finding.start === known.start && finding.end === known.end;
    else if (moves !== 'unknown') {
      unmoved =
        (finding.end < moves.from && finding.start === known.start && finding.end === known.end) ||
        (!moves.lines && finding.start > lineAfterEdits && finding.start === known.start + moves.delta && finding.end === known.end + moves.delta);
    }
  }
  let range: Diagnostic['range'] | undefined;
  if (!unmoved) {
    range = { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) };
    unmoved = known !== undefined && samePosition(known.diagnostic.range.start, range.start) && samePosition(known.diagnostic.range.end, range.end);
  }
  // A finding never changes but for its place: with the same id, language and range, the same diagnostic.
  if (known && unmoved && known.language === ctx.language) {
    now.set(finding.id, known.start === finding.start ? known : { diagnostic: known.diagnostic, start: finding.start, end: finding.end, language: known.language });
    return known.diagnostic;
  }
  range ??= { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) };
  const diagnostic = immutable(toDiagnostic(finding, range, ctx));
  now.set(finding.id, { diagnostic, start: finding.start, end: finding.end, language: ctx.language });
  return diagnostic;
}

const SEVERITIES: Record<Finding['severity'], DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };
const severityOf = (finding: Finding) => SEVERITIES[finding.severity];

function toDiagnostic(finding: Finding, range: Diagnostic['range'], ctx: ServerContext): Diagnostic {
  return {
    range,
    severity: severityOf(finding),
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
    code: 'crp-cite.document-too-large',
    source: 'crp-cite',
    message: ctx.t('server.documentTooLarge', { size: number.format(doc.text.getText().length), limit: number.format(ctx.documents.maxSize) }),
  };
}

export interface DiagnosticsFeature {
  documents: DocumentListener;
  initialize(capabilities: ClientCapabilities, debounceMs: unknown): Partial<ServerCapabilities>;
}

/** How long a slice of checking may run before the server looks at its messages again. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether two diagnostics say the same (a finding re-checked after an edit nearby gives a new, equal one). */
const sameDiagnostic = (a: Diagnostic, b: Diagnostic) =>
  a === b || (a.code === b.code && a.message === b.message && a.severity === b.severity && samePosition(a.range.start, b.range.start) && samePosition(a.range.end, b.range.end));

const sameItems = (a: readonly Diagnostic[], b: readonly Diagnostic[]) => a.length === b.length && a.every((d, k) => sameDiagnostic(d, b[k]!));

let resultIds = 0;

export function registerDiagnostics(ctx: ServerContext): DiagnosticsFeature {
  const { connection } = ctx;
  const checkers = new Map<string, DraftChecker>();
  const timers = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let pull = false;
  let refreshSupport = false;

  const states = new Map<string, DocumentState>();
  const stateOf = (doc: OpenDocument): DocumentState => {
    let state = states.get(doc.uri);
    if (!state) states.set(doc.uri, (state = { published: new Map(), version: doc.version, moves: 'unknown' }));
    return state;
  };

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
    const state = stateOf(doc);
    const moves = state.version === doc.version ? state.moves : 'unknown';
    const text = doc.text.getText();
    const lineAfter = typeof moves === 'object' ? text.indexOf('\n', moves.to) : -1;
    const lineAfterEdits = lineAfter < 0 ? Number.POSITIVE_INFINITY : lineAfter;
    const published = new Map<number, Published>();
    const diagnostics = findings.map((f) => publishedDiagnostic(f, doc, ctx, moves, lineAfterEdits, state.published, published));
    state.published = published;
    state.version = doc.version;
    state.moves = 'none';
    return diagnostics;
  };

  /**
   * The document as it is once its checker has checked it whole, slice by slice, letting
   * other messages through between slices; undefined when it was closed meanwhile or
   * `token` was cancelled.
   */
  const checkSliced = async (uri: string, token?: CancellationToken): Promise<OpenDocument | undefined> => {
    for (;;) {
      const doc = ctx.documents.get(uri);
      if (!doc || token?.isCancellationRequested) return undefined;
      if (!ctx.diagnosticsEnabled || doc.oversized) return doc;
      const checker = checkerOf(doc);
      if (checker.checkSome(doc.draft, performance.now() + SLICE_MS, (offset) => doc.positionAt(offset).line)) return doc;
      await nextTurn();
    }
  };

  const publish = async (uri: string): Promise<void> => {
    timers.delete(uri);
    const doc = await checkSliced(uri);
    // A newer push is on its way (an edit came while this one was checking).
    if (!doc || timers.has(uri)) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(doc) });
  };

  /** `immediate`: with no pause wanted, on the next turn of the event loop, not a timer's (at least 1 ms). */
  const schedule = (uri: string, delay: number, immediate = delay === 0): void => {
    if (pull) return;
    cancel(uri);
    timers.set(uri, immediate ? setImmediate(() => void publish(uri)) : setTimeout(() => void publish(uri), delay));
  };

  const cancel = (uri: string): void => {
    const timer = timers.get(uri);
    if (timer === undefined) return;
    if ('refresh' in timer) clearTimeout(timer);
    else clearImmediate(timer);
    timers.delete(uri);
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

  connection.languages.diagnostics.on(async ({ textDocument, previousResultId }, token) => {
    const doc = await checkSliced(textDocument.uri, token);
    if (token.isCancellationRequested) {
      // VS Code pulls again when the document changes; asked again for this version otherwise.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    }
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = diagnosticsOf(doc);
    const state = stateOf(doc);
    if (state.pulled && state.pulled.resultId === previousResultId && sameItems(state.pulled.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: state.pulled.resultId };
    }
    state.pulled = { resultId: String(++resultIds), items };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: state.pulled.resultId, items };
  });

  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    await ctx.workspaceIndex.ready;
    // Indexing a large workspace takes a while: a client that gave up meanwhile is told so.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!ctx.diagnosticsEnabled) return { items: [] };
    const items = ctx.workspaceIndex.closedFiles().map(({ uri, text, citations }) => {
      const source = text.getText();
      const lineOf = lineIndex(source);
      // The index keeps closed drafts' citations, not their structure: parsed only for a draft with a silencing comment.
      let draft: DraftIndex | undefined;
      const inCode = (offset: number) => (draft ??= new DraftIndex(source, ctx.corpus.papers.map((p) => p.symbol))).inCode(offset);
      const suppressions = new Suppressions(source, lineOf, inCode);
      const findings = checkCitations(ctx.corpus, citations, source).filter((f) => !suppressions.silences(f.code, lineOf(f.start)));
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
        states.delete(doc.uri);
        // After the requests that came with the document (a hover, the outline) are
        // answered: checking a large draft whole takes a while, and they need only the
        // part they look at. vscode-jsonrpc handles one message per turn of the event
        // loop and writes its answer on the next, hence two turns.
        setImmediate(() => setImmediate(() => schedule(doc.uri, 0, false)));
      },
      changed(doc) {
        const state = states.get(doc.uri);
        if (state) {
          const edits = doc.lastEdits;
          state.moves = edits?.length === 1 && !doc.oversized ? moved(state.moves, edits[0]!, doc.text.getText()) : 'unknown';
          state.version = doc.version;
        }
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
        cancel(uri);
        checkers.delete(uri);
        states.delete(uri);
        if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      },
    },
  };
}
