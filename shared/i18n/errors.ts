import { PatronError, type ErrorCode, type ErrorDetail } from '../ipc/errors';
import { tDynamic, translator } from './index';
import type { Messages } from './zh-CN';

/** Keys of the catalogue's `errors` section, plural forms named by their base. */
export type ErrorKey = keyof Messages['errors'] extends infer K ? (K extends `${infer B}_other` ? B : K) : never;

/**
 * An error that crosses IPC as a code, a message key and parameters. Its `message`
 * is the English text of the same key (logs, the CLI); the renderer shows the key
 * in the UI language (renderer/src/stores/errorMessage.ts).
 */
export function keyedError(code: ErrorCode, key: ErrorKey, params: Record<string, string | number> = {}, details?: ErrorDetail[]): PatronError {
  return new PatronError(code, tDynamic(translator('en'), `errors.${key}`, params), details, { key, params });
}
