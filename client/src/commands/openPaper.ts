/**
 * Open CRP/43: the paper's Markdown rendering, beside the draft; with a target argument
 * (from the panel), at that paragraph's, sub-paragraph's or footnote's line.
 */
import * as vscode from 'vscode';
import { parseTargetArgument } from '../panel/messages';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';
import { lineOf } from './passages';

export async function openPaper(state: ExtensionState, panel: PanelProvider, arg?: unknown): Promise<void> {
  const outline = panel.paper ?? (await panel.refresh(), panel.paper);
  if (!outline) {
    void vscode.window.showWarningMessage(state.t('commands.paperUnavailable', { symbol: 'CRP/43' }));
    return;
  }
  const target = parseTargetArgument(arg);
  const line = target ? (lineOf(outline, target) ?? 0) : 0;
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(outline.renderingUri), {
    viewColumn: panel.targetEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    preview: true,
    selection: new vscode.Range(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}
