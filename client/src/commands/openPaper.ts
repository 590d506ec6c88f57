/**
 * Open CRP/43: the paper's Markdown rendering, beside the draft; with a target argument
 * (from the panel), at that paragraph's, sub-paragraph's or footnote's line.
 */
import * as vscode from 'vscode';
import type { Outline } from '../../../server/src/protocol';
import { parseTargetArgument, type Target } from '../panel/messages';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';

/** The rendering's line for a target, or undefined when the paper has no such passage. */
export function lineOf(outline: Outline, target: Target): number | undefined {
  const p = outline.paragraphs.find((q) => q.number === target.paragraph);
  if (!p) return undefined;
  if (target.footnote !== undefined) {
    const note = [...p.footnotes, ...p.subParagraphs.flatMap((s) => s.footnotes)].find((f) => f.number === target.footnote);
    if (note) return note.line;
  }
  if (target.subParagraph) return p.subParagraphs.find((s) => s.letter === target.subParagraph)?.line ?? p.line;
  return p.line;
}

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
