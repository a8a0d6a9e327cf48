import type { CustomerRow } from '../../../shared/domain/customer';

/**
 * A refresh of some rows, as the grid applies it (a transaction) instead of comparing all
 * 100,000 rows of a new list: `from` is the list it applies to, `to` the list after it.
 */
export interface RowPatch {
  from: readonly CustomerRow[];
  to: CustomerRow[];
  update: CustomerRow[];
  add: CustomerRow[];
  remove: CustomerRow[];
}

/** `rows` with the fresh rows of `ids` in place; asked-for ids that did not come back were deleted; new ones go last. */
export function mergeRows(rows: readonly CustomerRow[], ids: readonly number[], fresh: readonly CustomerRow[]): RowPatch {
  const asked = new Set(ids);
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const next: CustomerRow[] = [];
  const update: CustomerRow[] = [];
  const remove: CustomerRow[] = [];
  for (const row of rows) {
    if (!asked.has(row.id)) next.push(row);
    else {
      const f = byId.get(row.id);
      if (f) {
        next.push(f);
        update.push(f);
        byId.delete(row.id);
      } else remove.push(row);
    }
  }
  const add = [...byId.values()];
  next.push(...add);
  return { from: rows, to: next, update, add, remove };
}
