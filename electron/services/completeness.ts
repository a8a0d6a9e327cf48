import { completenessRulesSchema, defaultCompletenessRules, type CompletenessRules } from '../../shared/domain/completeness';
import { settingsQueries } from '../db/settings';
import { nowIso, type ServiceContext } from './context';

/** Kept in the settings table under its own key; the app settings schema stays as it is. */
const RULES_KEY = 'profile.completeness';

export function completenessService(ctx: ServiceContext) {
  const q = settingsQueries(ctx.db);
  const get = (): CompletenessRules => {
    const parsed = completenessRulesSchema.safeParse(q.get(RULES_KEY));
    return parsed.success ? parsed.data : defaultCompletenessRules;
  };
  return {
    get,
    set(rules: CompletenessRules): CompletenessRules {
      q.set(RULES_KEY, rules, nowIso(ctx));
      ctx.emit('db:changed', { tables: ['settings'] });
      return get();
    },
  };
}
