import type { Column, GridApi, IRowNode } from 'ag-grid-community';

/** getQuickFilterText of columns the quick search skips (figures, dates, vocabularies). */
export const noSearch = (): string => '';

/**
 * The quick search's terms: like AG Grid's quick filter, case-insensitive, split on
 * spaces, and a row matches when its text contains every term. null = no search.
 */
export function searchTerms(text: string): string[] | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed.toUpperCase().split(/\s+/);
}

export function matchesTerms(rowText: string, terms: readonly string[]): boolean {
  return terms.every((term) => rowText.includes(term));
}

/**
 * What the quick search looks at in a row: every visible column except those whose
 * getQuickFilterText is `noSearch`, as AG Grid's quick filter would see it (the
 * column's getQuickFilterText of its value, else the value), upper-cased.
 * AG Grid's own quick filter computes the value of every visible column first, even
 * those that ignore it (years of cooperation, completeness: a date parse and a score
 * per row), which made the first search at 100,000 rows take seconds.
 */
export function searchColumns<T>(api: GridApi<T>): Column[] {
  return (api.getColumns() ?? []).filter((c) => c.isVisible() && c.getColDef().getQuickFilterText !== noSearch);
}

export function rowSearchText<T>(api: GridApi<T>, node: IRowNode<T>, columns: readonly Column[]): string {
  const parts: string[] = [];
  for (const column of columns) {
    const def = column.getColDef();
    const field = def.valueGetter ? undefined : def.field;
    let value: unknown = field && !field.includes('.') ? (node.data as Record<string, unknown> | undefined)?.[field] : api.getCellValue({ rowNode: node, colKey: column, from: 'data' });
    if (def.getQuickFilterText && node.data !== undefined) {
      value = def.getQuickFilterText({ value, node, data: node.data, column, colDef: def, api, context: undefined as unknown });
    }
    if (typeof value === 'string' || typeof value === 'number') {
      if (value !== '') parts.push(String(value).toUpperCase());
    }
  }
  return parts.join('\n');
}
