/** Reveal citation in panel: selects, in the panel, the paragraph cited under the cursor. */
import * as vscode from 'vscode';
import { CitationAtRequest } from '../../../server/src/protocol';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';

export async function revealInPanel(state: ExtensionState, panel: PanelProvider): Promise<void> {
  const editor = panel.targetEditor;
  const position = editor?.selection.active;
  const cited =
    editor && position
      ? await state.request(CitationAtRequest, { uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } })
      : undefined;
  if (!cited) {
    void vscode.window.showInformationMessage(state.t('commands.noCitationAtCursor'));
    return;
  }
  await panel.reveal({ paragraph: cited.paragraph, ...(cited.subParagraph ? { subParagraph: cited.subParagraph } : {}) });
}
