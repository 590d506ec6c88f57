/**
 * What every LSP handler shares: the connection, the corpus, the open documents and the
 * writer's language. Handlers only look things up here and call the pure core.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { translator, type Translate } from '../i18n';
import type { CitationStyle, Language } from '../settings';
import { DocumentStore } from './documents';
import { WorkspaceIndex } from './workspaceIndex';

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** `en`, `fr` or `es`; overrides the client's `locale`. */
  language?: string;
  /** Folder of paper data; default: the bundled `data/documents`. */
  dataPath?: string;
  /** Delay before diagnostics are computed after an edit, in ms (default 150). */
  diagnosticsDebounceMs?: number;
  /**
   * Documents longer than this many characters are not indexed or checked
   * (`crpCite.maxDocumentSize`, default 10 MiB); see lsp/documents.ts.
   */
  maxDocumentSize?: number;
  /**
   * Folder where the workspace index is kept between sessions (lsp/indexCache.ts);
   * `false` keeps none. Default: the platform's cache folder (`$XDG_CACHE_HOME/crp-cite`,
   * `~/.cache/crp-cite`, `~/Library/Caches/crp-cite`, `%LOCALAPPDATA%\crp-cite\Cache`).
   */
  cacheFolder?: string | false;
  /** The VS Code client's settings (see protocol.ts `ClientSettings`). */
  settings?: { language?: string; diagnostics?: boolean; citationStyle?: string; maxDocumentSize?: number };
}

export class ServerContext {
  readonly documents: DocumentStore;
  /** Citations in every Markdown file of the workspace folders, open or not. */
  readonly workspaceIndex: WorkspaceIndex;
  private currentLanguage: Language = 'en';
  private translate: Translate = translator('en');
  private readonly languageListeners: Array<() => void> = [];

  private loadedCorpus: Corpus | undefined;

  constructor(
    readonly connection: Connection,
    /** The corpus, or how to load it: then on first use, after `initialize` is answered. */
    corpus: Corpus | (() => Corpus),
  ) {
    if (typeof corpus === 'function') this.loadCorpus = corpus;
    else this.loadedCorpus = corpus;
    this.documents = new DocumentStore(() => this.corpus.papers.map((p) => p.symbol));
    this.workspaceIndex = new WorkspaceIndex(() => this.corpus, this.documents);
    this.workspaceIndex.onNotText((path, line) => this.warn(this.t('server.notUtf8', { path, line })));
  }

  private loadCorpus: (() => Corpus) | undefined;

  get corpus(): Corpus {
    if (!this.loadedCorpus) {
      this.loadedCorpus = this.loadCorpus!();
      this.loadCorpus = undefined;
    }
    return this.loadedCorpus;
  }

  set corpus(corpus: Corpus) {
    this.loadedCorpus = corpus;
    this.loadCorpus = undefined;
  }

  get language(): Language {
    return this.currentLanguage;
  }

  get t(): Translate {
    return this.translate;
  }

  setLanguage(language: Language): void {
    if (language === this.currentLanguage) return;
    this.currentLanguage = language;
    this.translate = translator(language);
    for (const listener of this.languageListeners) listener();
  }

  /** Called after the language changes, e.g. to republish diagnostics in it. */
  onLanguageChange(listener: () => void): void {
    this.languageListeners.push(listener);
  }

  private enabledDiagnostics = true;
  private readonly diagnosticsListeners: Array<() => void> = [];

  /** Whether diagnostics are published (`crpCite.diagnostics.enable`). */
  get diagnosticsEnabled(): boolean {
    return this.enabledDiagnostics;
  }

  setDiagnosticsEnabled(enabled: boolean): void {
    if (enabled === this.enabledDiagnostics) return;
    this.enabledDiagnostics = enabled;
    for (const listener of this.diagnosticsListeners) listener();
  }

  /** Called after diagnostics are switched on or off, to publish or clear them. */
  onDiagnosticsEnabledChange(listener: () => void): void {
    this.diagnosticsListeners.push(listener);
  }

  private style: CitationStyle = 'section';

  /** How the style fixer writes citations (`crpCite.citationStyle`). */
  get citationStyle(): CitationStyle {
    return this.style;
  }

  setCitationStyle(style: CitationStyle): void {
    this.style = style;
  }

  /** `crpCite.maxDocumentSize`: documents crossing the new limit are re-indexed or dropped, and their diagnostics redone. */
  setMaxDocumentSize(size: number): void {
    if (size === this.documents.maxSize) return;
    if (this.documents.setMaxSize(size).length > 0) for (const listener of this.diagnosticsListeners) listener();
  }

  /** The language `crpCite.language` falls back to: the client's, from `initialize`. */
  defaultLanguage: Language = 'en';

  private pendingWarnings: string[] | undefined = [];

  /**
   * Shows a warning (an invalid setting, say). Before `initialized` the client may not be
   * ready to show it: it is kept until `flushWarnings`.
   */
  warn(message: string): void {
    this.connection.console.warn(message);
    if (this.pendingWarnings) this.pendingWarnings.push(message);
    else this.show(message);
  }

  flushWarnings(): void {
    const pending = this.pendingWarnings ?? [];
    this.pendingWarnings = undefined;
    for (const message of pending) this.show(message);
  }

  /**
   * `window/showMessage`, a notification: `connection.window.showWarningMessage` sends a
   * `showMessageRequest`, which asks the client for an answer the warning has no use for.
   */
  private show(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}
