/**
 * The extension's settings, checked and resolved. Pure (no `vscode` import) so the rules
 * — `auto` means VS Code's display language, anything invalid falls back to its default
 * with a warning — are unit-tested without an editor.
 */
import { CITATION_STYLES, DEFAULT_MAX_DOCUMENT_SIZE, SERVER_LANGUAGES, type CitationStyle, type ServerLanguage } from '../../server/src/protocol';

export const LANGUAGE_SETTINGS = ['auto', ...SERVER_LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export interface Settings {
  /** What the writer chose: `auto`, `en`, `fr` or `es`. */
  languageSetting: LanguageSetting;
  /** The language in effect, `auto` resolved. */
  language: ServerLanguage;
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

/** A setting whose value was not valid; reported to the writer in their language. */
export interface SettingProblem {
  setting: string;
  value: string;
  fallback: string;
}

/** `fr-CA` → `fr`; `pt-br` or anything unsupported → `en`. */
export function displayLanguageToServerLanguage(displayLanguage: string | undefined): ServerLanguage {
  const base = (displayLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (SERVER_LANGUAGES as readonly string[]).includes(base) ? (base as ServerLanguage) : 'en';
}

/** The language in effect: the setting, or for `auto` VS Code's display language. */
export function chooseLanguage(setting: LanguageSetting, displayLanguage: string | undefined): ServerLanguage {
  return setting === 'auto' ? displayLanguageToServerLanguage(displayLanguage) : setting;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

export function resolveSettings(raw: RawSettings, displayLanguage: string | undefined): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const check = <T>(setting: string, value: unknown, valid: (v: unknown) => v is T, fallback: T): T => {
    if (value === undefined || valid(value)) return value === undefined ? fallback : (value as T);
    problems.push({ setting, value: JSON.stringify(value) ?? String(value), fallback: String(fallback) });
    return fallback;
  };
  const languageSetting = check('crpCite.language', raw.language, (v): v is LanguageSetting => oneOf(v, LANGUAGE_SETTINGS), 'auto' as LanguageSetting);
  const diagnostics = check('crpCite.diagnostics.enable', raw.diagnosticsEnable, (v): v is boolean => typeof v === 'boolean', true);
  const citationStyle = check('crpCite.citationStyle', raw.citationStyle, (v): v is CitationStyle => oneOf(v, CITATION_STYLES), 'section' as CitationStyle);
  const maxDocumentSize = check('crpCite.maxDocumentSize', raw.maxDocumentSize, (v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0, DEFAULT_MAX_DOCUMENT_SIZE);
  return {
    settings: { languageSetting, language: chooseLanguage(languageSetting, displayLanguage), diagnostics, citationStyle, maxDocumentSize },
    problems,
  };
}
