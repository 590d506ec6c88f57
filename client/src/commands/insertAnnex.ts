/**
 * Insert Table of Cited Passages: the annex of the active draft (`crp-cite annex`), at
 * the cursor of a Markdown draft, or in a new untitled Markdown document when the cursor
 * is in no Markdown editor.
 */
import * as vscode from 'vscode';
import { AnnexRequest } from '../../../server/src/protocol';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';

export async function insertAnnex(state: ExtensionState, panel: PanelProvider): Promise<void> {
  const { t } = state;
  const editor = panel.targetEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(t('commands.insertCitation.noEditor'));
    return;
  }
  const annex = await state.request(AnnexRequest, { uri: editor.document.uri.toString() });
  if (!annex) {
    void vscode.window.showWarningMessage(t('commands.serverNotReady'));
    return;
  }
  if (editor.document.languageId === 'markdown') {
    await editor.edit((edit) => edit.replace(editor.selection, `${annex.markdown}\n`));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: annex.markdown });
  await vscode.window.showTextDocument(doc);
}
