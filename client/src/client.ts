/**
 * The language client: starts `dist/server.js` over Node IPC for Markdown files and
 * untitled Markdown buffers, passes the writer's settings, forwards setting changes, and
 * restarts a crashed server, telling the writer once, in their language.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DidChangeSettingsNotification, type ClientSettings } from '../../server/src/protocol';
import type { Settings } from './settings';
import type { ExtensionState } from './state';

/** The client id: vscode-languageclient reads `crpCite.trace.server` for its tracing. */
const CLIENT_ID = 'crpCite';

/** More crashes than this within the window below and the server is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

function clientSettings(settings: Settings): ClientSettings {
  return { language: settings.language, diagnostics: settings.diagnostics, citationStyle: settings.citationStyle, maxDocumentSize: settings.maxDocumentSize };
}

/**
 * Restart on crash, up to a limit. The library's own messages are English; ours go
 * through the catalogs, and the "restarted" notice is shown only the first time.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly state: ExtensionState,
    private readonly now: () => number = Date.now,
  ) {}

  error(): { action: ErrorAction; handled: boolean } {
    // A broken message: keep going; the connection closing is handled in `closed`.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > RESTART_WINDOW_MS) this.crashes.shift();
    const { t, output } = this.state;
    if (this.crashes.length > MAX_RESTARTS) {
      const message = t('client.serverGaveUp', { channel: output.name });
      output.error(message);
      void vscode.window.showErrorMessage(message);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const message = t('client.serverRestarted');
    output.warn(message);
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(message);
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, state: ExtensionState): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // A function, so a restarted server starts with the settings of that moment.
    initializationOptions: () => ({
      language: state.settings.language,
      settings: clientSettings(state.settings),
      // The workspace index is kept between sessions in the extension's own storage.
      ...(context.globalStorageUri.scheme === 'file' ? { cacheFolder: context.globalStorageUri.fsPath } : {}),
    }),
    outputChannel: state.output,
    errorHandler: new RestartingErrorHandler(state),
    // The server's hover Markdown is the paper's text; it must never run commands.
    markdown: { isTrusted: false, supportHtml: false },
  };
  const client = new LanguageClient(CLIENT_ID, state.t('client.outputChannel'), serverOptions, clientOptions);
  context.subscriptions.push(
    state.onDidChangeSettings((settings) => {
      if (client.isRunning()) void client.sendNotification(DidChangeSettingsNotification, clientSettings(settings));
    }),
  );
  return client;
}
