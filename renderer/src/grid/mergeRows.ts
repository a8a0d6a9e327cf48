import type { CustomerRow } from '../../../shared/domain/customer';

/** `rows` with the fresh rows of `ids` in place; asked-for ids that did not come back were deleted; new ones go last. */
export function mergeRows(rows: readonly CustomerRow[], ids: readonly number[], fresh: readonly CustomerRow[]): CustomerRow[] {
  const asked = new Set(ids);
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const next: CustomerRow[] = [];
  for (const row of rows) {
    if (!asked.has(row.id)) next.push(row);
    else {
      const f = byId.get(row.id);
      if (f) {
        next.push(f);
        byId.delete(row.id);
      }
    }
  }
  next.push(...byId.values());
  return next;
}
