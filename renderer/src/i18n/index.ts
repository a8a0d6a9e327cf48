import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from '../../../shared/i18n';
import { languageForLocale, type Language } from '../../../shared/i18n/language';

// `t` takes plain string keys. Typing it with the whole catalogue (CustomTypeOptions
// resources) made the compiler give up ("type instantiation is excessively deep")
// once the catalogue passed ~700 keys; test/unit/i18nKeys.test.ts checks instead
// that every key the renderer names exists in both languages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
  }
}

/**
 * The renderer's instance runs on the shared resources and options (shared/i18n).
 * Until the stored setting is read, the UI speaks the browser's language; the
 * settings store switches to the stored (or first-start) language right after.
 */
void i18n.use(initReactI18next).init(i18nOptions(languageForLocale(navigator.language)));
document.documentElement.lang = i18n.language;

/** Switches the UI language and the document's `lang`, which screen readers and CJK font fallback rely on. */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export { i18n };
