import i18n from 'i18next';
import { PatronError } from '../../../shared/ipc/errors';

/**
 * The message to show for anything a promise rejected with. An error that came
 * with a message key (shared/i18n/errors.ts) is shown in the UI language.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof PatronError && error.text) {
    const key = `errors.${error.text.key}`;
    if (i18n.exists(key) || i18n.exists(`${key}_other`)) return i18n.t(key, error.text.params ?? {});
  }
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return String(error);
}
