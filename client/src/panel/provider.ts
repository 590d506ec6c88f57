/**
 * The CRP/43 side panel (a webview view). It asks the language server for everything it
 * shows, follows the active draft's cursor and edits, and carries out the panel's actions.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import {
  CitationAtRequest,
  CitationCountsRequest,
  FormatCitationRequest,
  OutlineRequest,
  type CitationCounts,
  type Outline,
} from '../../../server/src/protocol';
import type { ExtensionState } from '../state';
import { makeNonce, panelHtml } from './html';
import { parseWebviewMessage, type ExtensionMessage, type PanelStatus, type Target } from './messages';
import { lineOf } from '../commands/passages';
import { countsView, panelStrings } from './viewModel';

export const PANEL_VIEW_ID = 'crpCite.panel';

/** Waits before asking again after a keystroke or a cursor move; the writer keeps typing. */
const COUNTS_DELAY_MS = 300;
const CURSOR_DELAY_MS = 150;

function isMarkdown(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && editor.document.languageId === 'markdown' && ['file', 'untitled'].includes(editor.document.uri.scheme);
}

export class PanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private outline: Outline | null = null;
  private status: PanelStatus = 'loading';
  private lastCounts: CitationCounts | null = null;
  /** The draft the panel speaks about: the active Markdown editor, or the last one. */
  private draftEditor: vscode.TextEditor | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The draft position Find references anchored its peek at (`uri#line:character`). VS Code
   * moves the cursor there; following it would select the citation's first paragraph (6 for
   * `§§6–8`) instead of the one the writer asked about. Cleared when the cursor moves on.
   */
  private heldCursor: string | undefined;
  /** A reveal asked for before the view existed (its first showing): sent once the page is ready. */
  private pendingReveal: Target | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly state: ExtensionState,
  ) {
    this.draftEditor = this.isDraft(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : undefined;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.isDraft(editor)) this.draftEditor = editor;
        this.scheduleCounts(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.draftEditor?.document) this.scheduleCounts(COUNTS_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.draftEditor?.document) {
          this.draftEditor = undefined;
          this.scheduleCounts(0);
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isDraft(e.textEditor)) this.scheduleFollow(e.textEditor);
      }),
      state.onDidChangeSettings(() => void this.refresh()),
    );
  }

  /**
   * A writer's Markdown draft: not the paper's own rendering (also Markdown), which "Open in
   * the paper" and Go to Definition show beside the draft. Citations are not inserted there,
   * and the panel keeps counting the draft while the writer reads the paper.
   */
  private isDraft(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
    if (!isMarkdown(editor)) return false;
    const rendering = this.outline?.renderingUri;
    return !rendering || vscode.Uri.parse(rendering).fsPath !== editor.document.uri.fsPath;
  }

  /** The Markdown editor citations go into: the active one, else the last active one. */
  get targetEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (this.isDraft(active)) return active;
    const last = this.draftEditor;
    return last && vscode.window.visibleTextEditors.includes(last) ? last : undefined;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    view.webview.html = panelHtml({
      cspSource: view.webview.cspSource,
      nonce: makeNonce((n) => new Uint8Array(randomBytes(n))),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      codiconsUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'codicons', 'codicon.css')).toString(),
      language: this.state.settings.language,
      title: 'CRP/43',
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => void this.onMessage(data)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.scheduleCounts(0);
      }),
    );
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
  }

  /** Asks the server again for the outline (after start, restart or a language change). */
  async refresh(): Promise<void> {
    const client = this.state.client;
    if (!client?.isRunning()) {
      this.status = client?.state === State.Starting ? 'loading' : 'unavailable';
    } else {
      this.outline = (await this.state.request(OutlineRequest, {})) ?? null;
      this.status = this.outline ? 'ready' : 'unavailable';
      // Known only now: the paper's rendering may have been taken for a draft.
      if (this.draftEditor && !this.isDraft(this.draftEditor)) this.draftEditor = undefined;
    }
    this.postState();
    this.scheduleCounts(0);
  }

  /** Marks the server as gone (stopped or restarting) until `refresh` is called. */
  serverStopped(): void {
    this.status = 'unavailable';
    this.postState();
  }

  get paper(): Outline | null {
    return this.outline;
  }

  /** Shows the panel and selects a passage in it. */
  async reveal(target: Target): Promise<void> {
    await vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`, { preserveFocus: true });
    // The first time the view is shown, `focus` resolves before VS Code has handed the view
    // to `resolveWebviewView`: a message posted now would go nowhere.
    if (this.view) this.post({ type: 'reveal', target });
    else this.pendingReveal = target;
  }

  private postState(): void {
    const symbol = this.outline?.symbol ?? 'CRP/43';
    this.post({
      type: 'state',
      language: this.state.settings.language,
      status: this.status,
      strings: panelStrings(this.state.t, symbol),
      outline: this.outline,
    });
    this.postCounts();
  }

  private postCounts(): void {
    const draft = this.draftEditor?.document;
    const name = draft ? draft.uri.path.split('/').pop() ?? draft.uri.toString() : null;
    const paragraphs = this.outline?.paragraphs.map((p) => p.number) ?? [];
    this.post({ type: 'counts', counts: countsView(draft ? this.lastCounts : null, name, this.state.t, paragraphs) });
  }

  private post(message: ExtensionMessage): void {
    void this.view?.webview.postMessage(message);
  }

  private scheduleCounts(delay: number): void {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => void this.updateCounts(), delay);
  }

  private async updateCounts(): Promise<void> {
    if (!this.view?.visible) return;
    const draft = this.draftEditor?.document;
    this.lastCounts = draft ? ((await this.state.request(CitationCountsRequest, { uri: draft.uri.toString() })) ?? null) : null;
    this.postCounts();
  }

  private scheduleFollow(editor: vscode.TextEditor): void {
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => void this.follow(editor), CURSOR_DELAY_MS);
  }

  /** Follow the cursor: when it rests on a citation, select that paragraph in the panel. */
  private async follow(editor: vscode.TextEditor): Promise<void> {
    if (!this.view?.visible) return;
    const position = editor.selection.active;
    const key = `${editor.document.uri.toString()}#${position.line}:${position.character}`;
    if (key === this.heldCursor) return;
    this.heldCursor = undefined;
    const cited = await this.state.request(CitationAtRequest, {
      uri: editor.document.uri.toString(),
      position: { line: position.line, character: position.character },
    });
    if (cited) this.post({ type: 'reveal', target: { paragraph: cited.paragraph, ...(cited.subParagraph ? { subParagraph: cited.subParagraph } : {}) } });
  }

  private async onMessage(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      // Logged for whoever debugs the panel; the writer sees nothing, and nothing happens.
      this.state.output.warn(`Ignored a malformed message from the panel: ${parsed.reason}`);
      return;
    }
    const { message } = parsed;
    switch (message.type) {
      case 'ready':
        await this.refresh();
        if (this.pendingReveal) {
          this.post({ type: 'reveal', target: this.pendingReveal });
          this.pendingReveal = undefined;
        }
        return;
      case 'select': {
        const citation = await this.citationFor(message.target);
        if (citation) this.post({ type: 'selection', target: message.target, citation });
        return;
      }
      case 'insert':
        await vscode.commands.executeCommand('crpCite.insertCitation', message.target);
        return;
      case 'copy':
        await this.copy(message.target);
        return;
      case 'open':
        await vscode.commands.executeCommand('crpCite.openPaper', message.target);
        return;
      case 'references':
        await this.findReferences(message.target);
        return;
    }
  }

  /** The citation text for a passage in the writer's style, from the server. */
  async citationFor(target: Target): Promise<string | undefined> {
    const symbol = this.outline?.symbol;
    if (!symbol) return undefined;
    const result = await this.state.request(FormatCitationRequest, {
      symbol,
      paragraph: target.paragraph,
      ...(target.subParagraph ? { subParagraph: target.subParagraph } : {}),
      style: this.state.settings.citationStyle,
    });
    return result?.text;
  }

  private async copy(target: Target): Promise<void> {
    const citation = await this.citationFor(target);
    if (!citation) return;
    await vscode.env.clipboard.writeText(citation);
    vscode.window.setStatusBarMessage(this.state.t('commands.copied', { citation }), 4000);
  }

  /**
   * References of a paragraph, shown where the writer works: a peek at the draft's first
   * citation of it, listing every citation of it (the draft's, and the workspace's when
   * indexed). They are asked for at the paragraph's line in the paper's rendering, not at
   * that citation: inside a range (`§§6–8` for 7) the citation's position names the range's
   * first paragraph, and references there would be 6's. The panel does not follow the cursor
   * onto the peek's anchor (on `§§6–8` it would select 6): see `heldCursor`.
   */
  private async findReferences(target: Target): Promise<void> {
    const editor = this.targetEditor ?? this.draftEditor;
    const counts = editor ? await this.state.request(CitationCountsRequest, { uri: editor.document.uri.toString() }) : undefined;
    // The counts' keys: `6` for a paragraph (whichever of its letters), `n2` for a footnote.
    const at = counts?.firstCitation[target.footnote !== undefined ? `n${target.footnote}` : String(target.paragraph)];
    const outline = this.outline;
    if (!editor || !at || !outline) {
      const message = target.footnote !== undefined ? this.state.t('commands.noteNotCitedInDraft', { number: target.footnote }) : this.state.t('commands.notCitedInDraft', { number: target.paragraph });
      void vscode.window.showInformationMessage(message);
      return;
    }
    const passage = { paragraph: target.paragraph, ...(target.subParagraph ? { subParagraph: target.subParagraph } : {}), ...(target.footnote !== undefined ? { footnote: target.footnote } : {}) };
    const line = lineOf(outline, passage) ?? 0;
    const locations =
      (await vscode.commands.executeCommand<vscode.Location[] | undefined>(
        'vscode.executeReferenceProvider',
        vscode.Uri.parse(outline.renderingUri),
        new vscode.Position(line, 0),
      )) ?? [];
    const position = new vscode.Position(at.line, at.character);
    this.heldCursor = `${editor.document.uri.toString()}#${at.line}:${at.character}`;
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, locations);
  }

  dispose(): void {
    clearTimeout(this.countsTimer);
    clearTimeout(this.cursorTimer);
    for (const d of this.disposables) d.dispose();
  }
}
