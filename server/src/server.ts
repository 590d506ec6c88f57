/**
 * Wires the LSP connection to the handlers: capabilities, language, corpus loading.
 * No citation logic lives here; see core/ for that and lsp/handlers/ for the glue.
 */
import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TRIGGER_CHARACTERS } from './core/features/completion';
import { defaultDataFolder, loadCorpus } from './core/load';
import { warmUp } from './core/draft/draftIndex';
import { ServerContext, type InitializationOptions } from './lsp/context';
import { defaultCacheFolder } from './cacheFolder';
import { indexFingerprint } from './lsp/indexCache';
import { registerDocuments } from './lsp/handlers/documents';
import { registerNavigation } from './lsp/handlers/navigation';
import { reportCorpusProblems } from './lsp/handlers/corpusProblems';
import { registerPanel } from './lsp/handlers/panel';
import { applySettings, registerSettings, warnInvalidSetting } from './lsp/handlers/settings';
import { DEFAULT_DEBOUNCE_MS, isDebounce, registerDiagnostics } from './lsp/handlers/diagnostics';
import { toLanguage } from './settings';
import { bundleFile } from './threads';
import { CODE_ACTION_KINDS, registerCodeActions } from './lsp/handlers/codeActions';
import { registerReferences } from './lsp/handlers/references';
import { registerSymbols } from './lsp/handlers/symbols';
import { registerWorkspace } from './lsp/handlers/workspace';

export function startServer(connection: Connection): ServerContext {
  let dataFolder = defaultDataFolder();
  // Loaded on first use: validating the data is the largest part of start-up otherwise.
  const ctx = new ServerContext(connection, () => loadCorpus(dataFolder));
  const diagnostics = registerDiagnostics(ctx);
  const references = registerReferences(ctx);
  const workspace = registerWorkspace(ctx);
  const navigation = registerNavigation(ctx);

  connection.onInitialize((params): InitializeResult => {
    // Options come from settings files any editor lets the writer type: any shape at all.
    const options: unknown = params.initializationOptions;
    const init = (options && typeof options === 'object' ? options : {}) as InitializationOptions;
    ctx.defaultLanguage = toLanguage(typeof params.locale === 'string' ? params.locale : undefined);
    ctx.setLanguage(ctx.defaultLanguage);
    applySettings(ctx, { language: init.language, maxDocumentSize: init.maxDocumentSize });
    if (init.settings && typeof init.settings === 'object') applySettings(ctx, init.settings);
    if (typeof init.dataPath === 'string' && init.dataPath !== '') {
      dataFolder = init.dataPath;
      ctx.corpus = loadCorpus(dataFolder);
    }
    const cacheFolder = typeof init.cacheFolder === 'string' && init.cacheFolder !== '' ? init.cacheFolder : init.cacheFolder === false ? undefined : defaultCacheFolder();
    if (cacheFolder) {
      ctx.workspaceIndex.useCache(
        cacheFolder,
        // The running server's bundle (a new build is new code), the papers' data, the size limit.
        () => indexFingerprint(bundleFile() ?? process.argv[1], ctx.corpus.papers.map((p) => p.data), ctx.documents.maxSize),
        (path, error) => connection.console.warn(`crp-cite: ${ctx.t('server.indexCacheNotWritten', { path, error })}`),
      );
    }
    const debounce: unknown = init.diagnosticsDebounceMs;
    if (debounce !== undefined && debounce !== null && !isDebounce(debounce)) {
      warnInvalidSetting(ctx, { setting: 'diagnosticsDebounceMs', value: JSON.stringify(debounce) ?? String(debounce), fallback: String(DEFAULT_DEBOUNCE_MS) });
    }
    const diagnosticCapabilities = diagnostics.initialize(params.capabilities ?? {}, debounce);
    references.initialize(params.capabilities ?? {});
    navigation.initialize(params.capabilities ?? {});
    workspace.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
        ...diagnosticCapabilities,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'crp-cite', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    ctx.flushWarnings();
    reportCorpusProblems(ctx, dataFolder);
    workspace.initialized();
    // While the editor opens its first draft: not on that draft's first hover.
    setImmediate(() => warmUp(ctx.corpus.papers.map((p) => p.symbol)));
  });

  registerDocuments(ctx, [diagnostics.documents, workspace.documents]);
  registerCodeActions(ctx);
  registerSymbols(ctx);
  registerPanel(ctx);
  registerSettings(ctx);
  // Files read again since the last full pass: the next session need not read them.
  connection.onShutdown(() => ctx.workspaceIndex.saveCache());
  connection.listen();
  return ctx;
}
