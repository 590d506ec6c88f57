/**
 * Every string a writer reads exists in English, French and Spanish: the manifest's
 * (package.nls*.json) and the runtime catalogs (locales/*.json), with the same keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const json = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** `a.b.c` for every leaf of a nested catalog. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const sorted = (keys: string[]) => [...keys].sort();

/**
 * i18next plural forms follow each language's rules (French and Spanish also have
 * `_many`), so parity is checked on the base key, and each plural key has `_one` and `_other`.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: string[]) => sorted([...new Set(keys.map((k) => k.replace(PLURAL, '')))]);

describe('manifest strings (package.nls*.json)', () => {
  const en = json('package.nls.json') as Record<string, string>;
  const fr = json('package.nls.fr.json') as Record<string, string>;
  const es = json('package.nls.es.json') as Record<string, string>;

  it('the three files carry the same keys', () => {
    expect(sorted(Object.keys(fr))).toEqual(sorted(Object.keys(en)));
    expect(sorted(Object.keys(es))).toEqual(sorted(Object.keys(en)));
  });

  it('no value is empty', () => {
    for (const file of [en, fr, es]) for (const [k, v] of Object.entries(file)) expect(v.trim(), k).not.toBe('');
  });

  it('the manifest names no missing key, and every key is used', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(en, `package.json uses %${key}%`).toHaveProperty([key]);
    for (const key of Object.keys(en)) expect(used.has(key), `${key} is unused`).toBe(true);
  });

  it('command titles, view names and setting descriptions are localized, not literal', () => {
    const manifest = json('package.json') as {
      contributes: {
        commands: Array<{ title: string }>;
        views: Record<string, Array<{ name: string }>>;
        viewsContainers: { activitybar: Array<{ title: string }> };
        configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
      };
    };
    const { contributes } = manifest;
    for (const c of contributes.commands) expect(c.title).toMatch(/^%.+%$/);
    for (const v of Object.values(contributes.views).flat()) expect(v.name).toMatch(/^%.+%$/);
    for (const c of contributes.viewsContainers.activitybar) expect(c.title).toMatch(/^%.+%$/);
    for (const [name, p] of Object.entries(contributes.configuration.properties)) {
      expect(p.markdownDescription ?? p.description, name).toMatch(/^%.+%$/);
    }
  });
});

describe('runtime catalogs (locales/*.json)', () => {
  const en = leafKeys(json('locales/en.json'));
  it.each(['fr', 'es'])('%s has exactly the English keys, in every namespace', (lang) => {
    expect(baseKeys(leafKeys(json(`locales/${lang}.json`)))).toEqual(baseKeys(en));
  });

  it.each(['en', 'fr', 'es'])('%s has the `_one` and `_other` forms of every plural', (lang) => {
    const keys = new Set(leafKeys(json(`locales/${lang}.json`)));
    for (const key of keys) {
      if (!PLURAL.test(key)) continue;
      const base = key.replace(PLURAL, '');
      expect(keys.has(`${base}_one`) && keys.has(`${base}_other`), `${lang}:${base}`).toBe(true);
    }
  });

  it.each(['en', 'fr', 'es'])('%s keeps the same placeholders as English', (lang) => {
    const catalog = json(`locales/${lang}.json`);
    const english = json('locales/en.json');
    const at = (c: unknown, key: string) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], c) as string;
    const own = new Set(leafKeys(catalog));
    for (const key of en) {
      if (!own.has(key)) continue;
      // (`{{reference, unLetters}}`: the same placeholder, formatted.)
      const placeholders = (s: string) => sorted([...s.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]!).filter((p) => p !== 'count'));
      expect(placeholders(at(catalog, key)), `${lang}:${key}`).toEqual(placeholders(at(english, key)));
    }
  });

  it('has the panel, commands and client namespaces', () => {
    for (const ns of ['panel', 'commands', 'client']) expect(en.some((k) => k.startsWith(`${ns}.`)), ns).toBe(true);
  });
});
