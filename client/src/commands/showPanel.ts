/** Show panel: opens the CRP/43 view in the Activity Bar (VS Code's own `<view>.focus`). */
import * as vscode from 'vscode';
import { PANEL_VIEW_ID } from '../panel/provider';

export async function showPanel(): Promise<void> {
  await vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
}
