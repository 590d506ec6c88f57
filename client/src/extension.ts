/**
 * The extension's entry points. Activation wires the parts together; the parts live in
 * client.ts (language client), panel/ (side panel) and commands/ (one file per command).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { registerCommands } from './commands';
import { PANEL_VIEW_ID, PanelProvider } from './panel/provider';
import { ExtensionState, SECTION } from './state';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One channel for the client's and the server's logs (and traces, with crpCite.trace.server).
  const output = vscode.window.createOutputChannel('CRP/43', { log: true });
  const state = new ExtensionState(output);
  const panel = new PanelProvider(context.extensionUri, state);
  context.subscriptions.push(
    output,
    state,
    panel,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, panel),
    ...registerCommands(state, panel),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) state.reload();
    }),
  );

  client = createLanguageClient(context, state);
  state.client = client;
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) void panel.refresh();
      else if (newState === State.Stopped) panel.serverStopped();
    }),
  );
  try {
    await client.start();
  } catch (error) {
    // Shown, not swallowed: without the server nothing of the extension works.
    const message = state.t('client.startFailed', { detail: error instanceof Error ? error.message : String(error) });
    output.error(message);
    void vscode.window.showErrorMessage(message);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
