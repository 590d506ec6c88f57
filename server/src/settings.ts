/**
 * The settings crp-cite reads and the languages it speaks: one schema for the extension
 * (client/src/settings.ts reads it from VS Code's configuration) and for the server
 * (lsp/handlers/settings.ts, from any editor's `workspace/didChangeConfiguration`), so
 * that a value valid in one is valid in the other, with the same default.
 */

/** The languages crp-cite speaks (catalogs in locales/). */
const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A locale as editors and systems write it → the language crp-cite speaks: `fr-CA`, `FR_ca` → `fr`; anything else → English. */
export function toLanguage(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_.]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** `crpCite.language`: a language, or `auto`, the editor's display language. */
const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** The language in effect: the setting, or for `auto` the editor's locale. */
export function resolveLanguage(setting: LanguageSetting, locale: string | undefined | null): Language {
  return setting === 'auto' ? toLanguage(locale) : setting;
}

/** How an inserted citation names paragraphs: `§6`, `para. 6`, or the UI language's word. */
const CITATION_STYLES = ['section', 'para', 'local'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** `crpCite.maxDocumentSize` by default: 10 Mi characters, twice the benchmark's largest draft. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 10 * 1024 * 1024;

/** One setting: its name in settings files, which values are valid, and its default. */
export interface Setting<T> {
  readonly key: string;
  readonly valid: (value: unknown) => value is T;
  readonly fallback: T;
}

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value);

export const SETTINGS: {
  readonly language: Setting<LanguageSetting>;
  readonly diagnostics: Setting<boolean>;
  readonly citationStyle: Setting<CitationStyle>;
  readonly maxDocumentSize: Setting<number>;
} = {
  language: { key: 'crpCite.language', valid: oneOf(LANGUAGE_SETTINGS), fallback: 'auto' },
  diagnostics: { key: 'crpCite.diagnostics.enable', valid: (v): v is boolean => typeof v === 'boolean', fallback: true },
  citationStyle: { key: 'crpCite.citationStyle', valid: oneOf(CITATION_STYLES), fallback: 'section' },
  // A positive whole number of characters.
  maxDocumentSize: { key: 'crpCite.maxDocumentSize', valid: (v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0, fallback: DEFAULT_MAX_DOCUMENT_SIZE },
};

/** A setting whose value was not valid: said to the writer, in their language, with the default used instead. */
export interface SettingProblem {
  setting: string;
  /** The value as written, cut short. */
  value: string;
  fallback: string;
}

/**
 * A setting's value: undefined when it is not set (editors send `null` for that), the
 * value when valid, otherwise the default, with the problem noted: a typo in a settings
 * file must neither keep an old value silently nor break anything.
 */
export function readSetting<T>(setting: Setting<T>, value: unknown, problems: SettingProblem[], fallback: T = setting.fallback): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (setting.valid(value)) return value;
  problems.push({ setting: setting.key, value: shown(value), fallback: String(fallback) });
  return fallback;
}

/** A value as the writer wrote it, cut short for a message. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
