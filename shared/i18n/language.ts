export const languages = ['zh-CN', 'en'] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Maps an OS or browser locale ("zh-Hans-CN", "zh_TW", "en-GB", "fr") to a UI language Patron ships. */
export function languageForLocale(locale: string | null | undefined): Language {
  if (!locale) return 'en';
  return /^zh\b|^zh[-_]/i.test(locale.trim()) ? 'zh-CN' : 'en';
}
