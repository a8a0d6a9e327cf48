/**
 * Most customers a change may name in `db:changed {customerIds}` (and ask for in
 * `customers:rows`): above this a full reload of the grid's list is cheaper than
 * refreshing row by row, so the change names none and the list is reloaded.
 */
export const maxRefreshIds = 5000;

/** The ids to put on a change event, or undefined when there are too many (listeners reload everything). */
export function refreshIds(ids: readonly number[]): number[] | undefined {
  return ids.length <= maxRefreshIds ? [...ids] : undefined;
}
