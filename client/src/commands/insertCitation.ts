/**
 * Insert citation…: a quick pick over every paragraph and sub-paragraph (filtering on the
 * number and on the text), then the citation in the writer's style at each cursor. With a
 * target argument (from the panel), inserts it directly.
 */
import * as vscode from 'vscode';
import { parseTargetArgument } from '../panel/messages';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';
import { passagePicks } from './passages';

export async function insertCitation(state: ExtensionState, panel: PanelProvider, arg?: unknown): Promise<void> {
  const { t } = state;
  const editor = panel.targetEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(t('commands.insertCitation.noEditor'));
    return;
  }
  let target = parseTargetArgument(arg);
  if (!target) {
    const outline = panel.paper ?? (await panel.refresh(), panel.paper);
    if (!outline) {
      void vscode.window.showWarningMessage(t('commands.serverNotReady'));
      return;
    }
    const pick = await vscode.window.showQuickPick(passagePicks(outline), {
      title: t('commands.insertCitation.title', { symbol: outline.symbol }),
      placeHolder: t('commands.insertCitation.placeholder'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick) return;
    target = pick.target;
  }
  const citation = await panel.citationFor(target);
  if (!citation) {
    void vscode.window.showWarningMessage(t('commands.serverNotReady'));
    return;
  }
  await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, citation);
  });
  // Back to the draft: the writer goes on typing after the citation.
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}
