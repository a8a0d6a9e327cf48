import { canonicalView } from '../../shared/domain/viewFilters';
import { savedViewSchema, viewStateSchema, type SavedView, type ViewState } from '../../shared/domain/views';
import { keyedError } from '../../shared/i18n/errors';
import { viewQueries } from '../db/views';
import { nowIso, type ServiceContext } from './context';

/** Saved grid views, per user (the audit actor). Built-in views live in the renderer. */
export function viewService(ctx: ServiceContext) {
  const q = viewQueries(ctx.db);
  const list = (): SavedView[] =>
    q.list(ctx.actor).flatMap((r) => {
      // A view saved by a newer Patron with a state we do not understand is skipped, not fatal;
      // one saved before views kept codes holds translated labels, read here as codes.
      const state = viewStateSchema.safeParse(JSON.parse(r.state));
      return state.success ? [savedViewSchema.parse({ id: r.id, name: r.name, state: canonicalView(state.data), updatedAt: r.updated_at })] : [];
    });
  return {
    list,
    /** Whose views these are; "my customers" matches it against owner names. */
    user: () => ctx.actor,
    save(name: string, state: ViewState): SavedView[] {
      q.save(ctx.actor, name, JSON.stringify(canonicalView(state)), nowIso(ctx));
      ctx.emit('db:changed', { tables: ['saved_views'] });
      return list();
    },
    remove(id: number): SavedView[] {
      if (q.remove(id, ctx.actor) === 0) throw keyedError('not_found', 'viewMissing', { id });
      ctx.emit('db:changed', { tables: ['saved_views'] });
      return list();
    },
  };
}
