import type { Language } from '../../../../shared/i18n/language';

/** Short local date and time of an ISO timestamp. */
export function formatWhen(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}
