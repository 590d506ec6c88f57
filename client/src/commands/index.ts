/** The extension's commands, in one table: id → handler. The manifest lists the same ids. */
import * as vscode from 'vscode';
import type { PanelProvider } from '../panel/provider';
import type { ExtensionState } from '../state';
import { insertAnnex } from './insertAnnex';
import { insertCitation } from './insertCitation';
import { openPaper } from './openPaper';
import { revealInPanel } from './revealInPanel';
import { showPanel } from './showPanel';

const COMMAND_IDS = ['crpCite.insertCitation', 'crpCite.insertAnnex', 'crpCite.openPaper', 'crpCite.revealInPanel', 'crpCite.showPanel'] as const;

export function registerCommands(state: ExtensionState, panel: PanelProvider): vscode.Disposable[] {
  const handlers: Record<(typeof COMMAND_IDS)[number], (arg?: unknown) => Promise<void>> = {
    'crpCite.insertCitation': (arg) => insertCitation(state, panel, arg),
    'crpCite.insertAnnex': () => insertAnnex(state, panel),
    'crpCite.openPaper': (arg) => openPaper(state, panel, arg),
    'crpCite.revealInPanel': () => revealInPanel(state, panel),
    'crpCite.showPanel': () => showPanel(),
  };
  return COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, handlers[id]));
}
