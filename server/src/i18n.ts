/**
 * The server's words, from locales/{en,fr,es}.json through i18next. The catalogs are
 * bundled into dist/ by esbuild, so the server needs no files but the paper data.
 */
import i18next, { type i18n } from 'i18next';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';

import type { Language } from './settings';

/** A translation function: `t('hover.paragraph', { number: 6 })`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const instances = new Map<Language, i18n>();

/**
 * A reference as UN French and Spanish write its sub-paragraphs, `6 b)` and `6 a) à c)` /
 * `6 a) a c)`, not `6(b)` and `6(a)–(c)`: the French and Spanish catalogs ask for it with
 * `{{reference, unLetters}}`.
 */
export function unLetters(reference: string, language: 'fr' | 'es'): string {
  return reference
    .replace(/(\d)\(([a-z])\)/g, '$1 $2)')
    .replace(/\(([a-z])\)/g, '$1)')
    .replace(/([a-z]\))–([a-z]\))/g, `$1 ${language === 'es' ? 'a' : 'à'} $2`);
}

function instanceOf(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instance.services.formatter?.add('unLetters', (value, lng) => unLetters(String(value), lng === 'es' ? 'es' : 'fr'));
    instances.set(language, instance);
  }
  return instance;
}

/**
 * A translator for one language; instances are created once and shared, on the first
 * message actually translated: the server answers `initialize` before it needs one.
 */
export function translator(language: Language): Translate {
  let t: i18n['t'] | undefined;
  return (key, options) => {
    if (!t) {
      const instance = instanceOf(language);
      t = instance.t.bind(instance);
    }
    return String(t(key, options as never));
  };
}
