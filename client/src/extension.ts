/**
 * The extension's entry points. Activation wires the parts together; the parts live in
 * client.ts (language client), panel/ (side panel) and commands/ (one file per command).
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { registerCommands } from './commands';
import { PANEL_VIEW_ID, PanelProvider } from './panel/provider';
import { citationLinks } from './preview/citationLinks';
import { PreviewData } from './preview/preview';
import { ExtensionState, SECTION } from './state';

let client: LanguageClient | undefined;

/** What VS Code's Markdown extension asks of an extension contributing `markdown.markdownItPlugins`. */
export interface MarkdownItExtension {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<MarkdownItExtension> {
  // One channel for the client's and the server's logs (and traces, with crpCite.trace.server).
  const output = vscode.window.createOutputChannel('CRP/43', { log: true });
  const state = new ExtensionState(output);
  const panel = new PanelProvider(context.extensionUri, state);
  const preview = new PreviewData(state);
  context.subscriptions.push(
    output,
    state,
    panel,
    preview,
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
      if (newState === State.Running) {
        void panel.refresh();
        // A (re)started server has read the data again: so does the preview.
        preview.reload();
      }
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
  // Returned even when the server failed to start: the preview reads the data itself.
  return { extendMarkdownIt: (md) => citationLinks(md, () => preview.context()) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
