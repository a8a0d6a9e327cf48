import { isLanguage } from '../../shared/i18n/language';
import type { Settings } from '../../shared/ipc/contract/app';
import { settingsQueries } from '../db/settings';
import { nowIso, type ServiceContext } from './context';

export const LANGUAGE_KEY = 'ui.language';

export function settingsService(ctx: ServiceContext) {
  const q = settingsQueries(ctx.db);
  const read = (): Settings => {
    const lang = q.get(LANGUAGE_KEY);
    return { language: isLanguage(lang) ? lang : null };
  };
  return {
    get: read,
    set(patch: Partial<Settings>): Settings {
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        if (patch.language !== undefined) q.set(LANGUAGE_KEY, patch.language, at);
      }).immediate();
      ctx.emit('db:changed', { tables: ['settings'] });
      return read();
    },
  };
}
