import type { GridApi } from 'ag-grid-community';
import type { CustomerRow } from '../../../shared/domain/customer';
import { customerExportColumns, type ViewSpec } from '../../../shared/export/view';

/** Grid columns whose export columns have other ids; grid-only columns (open, years, completeness) have none.
 * Same-named ones (quadrant, lifecycle, openWarnings, loyaltyLevel, pointsBalance, referralCount) map to themselves. */
const exportIdsOfGridColumn: Record<string, string[]> = {
  owner: ['ownerName'],
  contact: ['contactName', 'contactTitle', 'contactPhone'],
  total: ['totalCents'],
  tier: ['effectiveTier'],
  predicted: ['predictedCents'],
};
const exportIds = new Set(customerExportColumns.map((c) => c.id));

export function exportColumnsOf(colId: string): string[] {
  return exportIdsOfGridColumn[colId] ?? (exportIds.has(colId) ? [colId] : []);
}

/**
 * What the export writes for the grid as the user sees it: the visible columns in
 * their order, the grid's sort, and — when any filter is on — exactly the rows the
 * grid shows (so pinyin search, column filters and id filters all carry over).
 * Without the grid yet, the page's own quick filter and id filter are used.
 */
export function exportViewOf(api: GridApi<CustomerRow> | null, fallback: ViewSpec): ViewSpec {
  if (!api || api.isDestroyed()) return fallback;
  const columns = api.getAllDisplayedColumns().flatMap((c) => exportColumnsOf(c.getColId()));
  const sort = api
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .flatMap((c) => {
      const id = exportColumnsOf(c.colId)[0];
      return id && c.sort ? [{ column: id, dir: c.sort }] : [];
    });
  const filtering = api.isAnyFilterPresent() || Boolean(fallback.quickFilter?.trim()) || (fallback.ids ?? null) !== null;
  let ids: number[] | null = null;
  if (filtering) {
    ids = [];
    api.forEachNodeAfterFilterAndSort((node) => {
      if (node.data) ids?.push(node.data.id);
    });
  }
  return { columns, sort, ids };
}
