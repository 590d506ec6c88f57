/**
 * What every part of the extension shares: the settings in effect, the translator for
 * the writer's language, the output channel and the language client. Parts subscribe to
 * `onDidChangeSettings` to follow a language switch without a reload.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageclient/node';
import { translator, type Translate } from '../../server/src/i18n';
import { resolveSettings, type Settings } from './settings';

export const SECTION = 'crpCite';

/** Reads `crpCite.*`; invalid values come back as defaults plus the problems found. */
function readSettings(): ReturnType<typeof resolveSettings> {
  const config = vscode.workspace.getConfiguration(SECTION);
  return resolveSettings(
    {
      language: config.get('language'),
      diagnosticsEnable: config.get('diagnostics.enable'),
      citationStyle: config.get('citationStyle'),
      maxDocumentSize: config.get('maxDocumentSize'),
    },
    vscode.env.language,
  );
}

export class ExtensionState implements vscode.Disposable {
  private current: Settings;
  private translate: Translate;
  private readonly settingsChanged = new vscode.EventEmitter<Settings>();
  /** Fires after `crpCite.*` settings changed (the language included). */
  readonly onDidChangeSettings = this.settingsChanged.event;
  /** Set once the language client is created; requests wait for it to be running. */
  client: LanguageClient | undefined;

  constructor(readonly output: vscode.LogOutputChannel) {
    const { settings, problems } = readSettings();
    this.current = settings;
    this.translate = translator(settings.language);
    this.warn(problems);
  }

  get settings(): Settings {
    return this.current;
  }

  get t(): Translate {
    return this.translate;
  }

  /** Re-reads the settings; called on every `crpCite.*` configuration change. */
  reload(): void {
    const { settings, problems } = readSettings();
    this.current = settings;
    this.translate = translator(settings.language);
    this.warn(problems);
    this.settingsChanged.fire(settings);
  }

  private warn(problems: ReturnType<typeof resolveSettings>['problems']): void {
    for (const p of problems) {
      const message = this.translate('client.invalidSetting', { ...p });
      this.output.warn(message);
      void vscode.window.showWarningMessage(message);
    }
  }

  /**
   * Sends a crp-cite request once the server runs; undefined when it is not running (the
   * caller shows its own empty state) or the request fails (logged).
   */
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    const client = this.client;
    if (!client || !client.isRunning()) return undefined;
    try {
      // By method name: the typed overload cannot resolve a still-generic `P`; this wrapper is typed instead.
      return await client.sendRequest<R>(type.method, params);
    } catch (error) {
      this.output.error(`${type.method}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    this.settingsChanged.dispose();
  }
}
