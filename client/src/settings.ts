/**
 * The extension's settings, checked and resolved by the schema the server uses too
 * (server/src/settings.ts): `auto` means VS Code's display language, anything invalid
 * falls back to its default with a warning. Pure (no `vscode` import), so the rules are
 * unit-tested without an editor.
 */
import { readSetting, resolveLanguage, SETTINGS, type CitationStyle, type Language, type LanguageSetting, type SettingProblem } from '../../server/src/settings';

export interface Settings {
  /** What the writer chose: `auto`, `en`, `fr` or `es`. */
  languageSetting: LanguageSetting;
  /** The language in effect, `auto` resolved. */
  language: Language;
  diagnostics: boolean;
  citationStyle: CitationStyle;
  /** Drafts longer than this (in characters) are indexed only around the cursor. */
  maxDocumentSize: number;
}

/** The settings as read from the configuration, unchecked. */
export interface RawSettings {
  language?: unknown;
  diagnosticsEnable?: unknown;
  citationStyle?: unknown;
  maxDocumentSize?: unknown;
}

export function resolveSettings(raw: RawSettings, displayLanguage: string | undefined): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const languageSetting = readSetting(SETTINGS.language, raw.language, problems) ?? SETTINGS.language.fallback;
  return {
    settings: {
      languageSetting,
      language: resolveLanguage(languageSetting, displayLanguage),
      diagnostics: readSetting(SETTINGS.diagnostics, raw.diagnosticsEnable, problems) ?? SETTINGS.diagnostics.fallback,
      citationStyle: readSetting(SETTINGS.citationStyle, raw.citationStyle, problems) ?? SETTINGS.citationStyle.fallback,
      maxDocumentSize: readSetting(SETTINGS.maxDocumentSize, raw.maxDocumentSize, problems) ?? SETTINGS.maxDocumentSize.fallback,
    },
    problems,
  };
}
