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
import { DidChangeSettingsNotification } from '../../protocol';
import { readSetting, resolveLanguage, SETTINGS, type SettingProblem } from '../../settings';
import type { ServerContext } from '../context';

export interface SettingsValue {
  language?: unknown;
  diagnostics?: unknown;
  citationStyle?: unknown;
  maxDocumentSize?: unknown;
}

export function warnInvalidSetting(ctx: ServerContext, problem: SettingProblem): void {
  ctx.warn(ctx.t('server.invalidSetting', { ...problem }));
}

/**
 * Applies the settings `value` carries (see settings.ts for what is valid); one not set
 * keeps its current value, an invalid one falls back to its default with a warning.
 * `auto` as the language is the editor's locale.
 */
export function applySettings(ctx: ServerContext, value: SettingsValue): void {
  const problems: SettingProblem[] = [];
  // `auto`, the default, is the editor's locale: the warning names the language it gives.
  const language = readSetting(SETTINGS.language, value.language, problems, ctx.defaultLanguage);
  // The language first, so the warnings about the others are in it.
  if (language !== undefined) ctx.setLanguage(resolveLanguage(language, ctx.defaultLanguage));
  const diagnostics = readSetting(SETTINGS.diagnostics, value.diagnostics, problems);
  if (diagnostics !== undefined) ctx.setDiagnosticsEnabled(diagnostics);
  const citationStyle = readSetting(SETTINGS.citationStyle, value.citationStyle, problems);
  if (citationStyle !== undefined) ctx.setCitationStyle(citationStyle);
  const maxDocumentSize = readSetting(SETTINGS.maxDocumentSize, value.maxDocumentSize, problems);
  if (maxDocumentSize !== undefined) ctx.setMaxDocumentSize(maxDocumentSize);
  for (const problem of problems) warnInvalidSetting(ctx, problem);
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
