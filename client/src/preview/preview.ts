/**
 * Citations in VS Code's Markdown preview: the data the markdown-it plugin reads, and
 * keeping the preview current. The preview renders in the extension host, with no
 * request to the language server: the paper is loaded here from the same folder the
 * server loads it from (`defaultDataFolder`, the bundled `data/documents`).
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Corpus } from '../../../server/src/core/corpus';
import { defaultDataFolder, loadCorpus } from '../../../server/src/core/load';
import type { ExtensionState } from '../state';
import type { PreviewContext } from './citationLinks';

export class PreviewData implements vscode.Disposable {
  private corpus: Corpus | undefined;
  private readonly renderings = new Map<string, string | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly state: ExtensionState,
    private readonly folder: string = defaultDataFolder(),
  ) {
    // The data changing on disk (a paper added or corrected, `npm run data`) is the data
    // reloaded: the server reads it again when it restarts, the preview at once.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*.{json,md}'));
    const reload = () => this.reload();
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload), state.onDidChangeSettings(() => this.scheduleRefresh()));
  }

  /** What the plugin reads at each render; loaded on the first one. */
  context(): PreviewContext {
    this.corpus ??= loadCorpus(this.folder);
    return { corpus: this.corpus, t: this.state.t, renderingText: (path) => this.rendering(path) };
  }

  private rendering(path: string): string | undefined {
    if (!this.renderings.has(path)) {
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        // No rendering on disk: its paragraphs get no ids, the links still open the file's line.
        text = undefined;
      }
      this.renderings.set(path, text);
    }
    return this.renderings.get(path);
  }

  /** Forgets the loaded data and renders the preview again with what is on disk now. */
  reload(): void {
    this.corpus = undefined;
    this.renderings.clear();
    this.scheduleRefresh();
  }

  /**
   * `markdown.preview.refresh` also empties the Markdown engine's token cache, which keeps
   * a draft's tokens (and so its links' titles, in the language of that moment) until the
   * draft changes. Debounced: a data import writes several files at once.
   */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh'), 200);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
