import { createInstance, type i18n as I18n, type InitOptions, type TFunction } from 'i18next';
import { en } from './en';
import { languages, type Language } from './language';
import { zhCN, type Messages } from './zh-CN';

/**
 * Every top-level section of the catalogue (app, customers, warnings, export, errors, …)
 * is an i18next namespace of its own. The namespace separator is the key separator, so
 * `t('customers.status.dormant')` reads key `status.dormant` of namespace `customers`:
 * callers name a string the same way in the renderer, the main process and the CLI.
 */
export const resources: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export const namespaces = Object.keys(zhCN) as (keyof Messages)[];

/** The options every i18next instance of Patron starts with (renderer, main process, CLI). */
export function i18nOptions(language: Language): InitOptions {
  return {
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    load: 'currentOnly',
    ns: namespaces,
    defaultNS: 'app',
    nsSeparator: '.',
    keySeparator: '.',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

const instances = new Map<Language, I18n>();

/**
 * A `t` fixed to one language, for text written outside the renderer: workbooks,
 * printed sheets, CLI output, error messages. Instances are made once per language.
 */
export function translator(language: Language): TFunction {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    void instance.init(i18nOptions(language));
    instances.set(language, instance);
  }
  return instance.t;
}

/**
 * Translates a key composed at run time, such as `customers.status.${status}`.
 * Keys passed here are not checked at compile time: keep their parts typed
 * (enums) so a wrong one cannot be made; test/unit/i18nKeys.test.ts checks the
 * groups exist in both languages.
 */
export function tDynamic(t: TFunction, key: string, options?: Record<string, unknown>): string {
  return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}
