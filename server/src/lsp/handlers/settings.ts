/**
 * Settings that change while the server runs: the writer's language, whether diagnostics
 * are shown, the citation style and the size limit. The VS Code client sends
 * `crpCite/didChangeSettings` (with `auto` already resolved); other editors may send the
 * standard `workspace/didChangeConfiguration` with
 * `{ crpCite: { language, diagnostics: { enable }, citationStyle, maxDocumentSize } }`.
 *
 * A value of the wrong type or out of range falls back to the setting's default, with a
 * warning in the writer's language: a typo in a settings file must not silently keep an
 * old value, nor break the server.
 */
import { CITATION_STYLES, DidChangeSettingsNotification, SERVER_LANGUAGES } from '../../protocol';
import type { ServerContext } from '../context';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../documents';

export interface SettingsValue {
  language?: unknown;
  diagnostics?: unknown;
  citationStyle?: unknown;
  maxDocumentSize?: unknown;
}

/** Set to nothing: the default, without a warning (editors send `null` for unset values). */
function unset(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Shown in a warning: the value as the writer wrote it, cut short. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function warnInvalidSetting(ctx: ServerContext, setting: string, value: unknown, fallback: string): void {
  ctx.warn(ctx.t('server.invalidSetting', { setting, value: shown(value), fallback }));
}

/** A size limit: a positive whole number of characters. */
export function isDocumentSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Applies the settings `value` carries; an invalid one falls back to its default with a warning. */
export function applySettings(ctx: ServerContext, value: SettingsValue): void {
  const { language, diagnostics, citationStyle, maxDocumentSize } = value;
  // The language first, so the warnings about the others are in it.
  if (typeof language === 'string' && (SERVER_LANGUAGES as readonly string[]).includes(language)) ctx.setLanguage(language);
  else if (!unset(language)) {
    ctx.setLanguage(ctx.defaultLanguage);
    warnInvalidSetting(ctx, 'crpCite.language', language, ctx.defaultLanguage);
  }
  if (typeof diagnostics === 'boolean') ctx.setDiagnosticsEnabled(diagnostics);
  else if (!unset(diagnostics)) {
    ctx.setDiagnosticsEnabled(true);
    warnInvalidSetting(ctx, 'crpCite.diagnostics.enable', diagnostics, 'true');
  }
  if (typeof citationStyle === 'string' && (CITATION_STYLES as readonly string[]).includes(citationStyle)) ctx.setCitationStyle(citationStyle);
  else if (!unset(citationStyle)) {
    ctx.setCitationStyle(CITATION_STYLES[0]);
    warnInvalidSetting(ctx, 'crpCite.citationStyle', citationStyle, CITATION_STYLES[0]);
  }
  if (isDocumentSize(maxDocumentSize)) ctx.setMaxDocumentSize(maxDocumentSize);
  else if (!unset(maxDocumentSize)) {
    ctx.setMaxDocumentSize(DEFAULT_MAX_DOCUMENT_SIZE);
    warnInvalidSetting(ctx, 'crpCite.maxDocumentSize', maxDocumentSize, String(DEFAULT_MAX_DOCUMENT_SIZE));
  }
}

export function registerSettings(ctx: ServerContext): void {
  ctx.connection.onNotification(DidChangeSettingsNotification, (settings: unknown) => {
    if (settings && typeof settings === 'object') applySettings(ctx, settings);
  });

  ctx.connection.onDidChangeConfiguration((params) => {
    const section: unknown = (params?.settings as { crpCite?: unknown } | null | undefined)?.crpCite;
    if (!section || typeof section !== 'object') return;
    const { language, diagnostics, citationStyle, maxDocumentSize } = section as SettingsValue;
    // `diagnostics` is a section `{ enable }`; anything else there is an invalid `enable`.
    const enable = diagnostics && typeof diagnostics === 'object' ? (diagnostics as { enable?: unknown }).enable : diagnostics;
    applySettings(ctx, { language, diagnostics: enable, citationStyle, maxDocumentSize });
  });
}
