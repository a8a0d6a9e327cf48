import type { GridApi } from 'ag-grid-community';
import type { CustomerRow } from '../../../shared/domain/customer';

/** With the formatter the grid gives text; without one, numbers. */
const display = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Tabs and line breaks inside a value would split it into extra cells when pasted. */
const clean = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

/**
 * The selected rows (visible columns, in display order, in sort order), or the focused
 * cell alone, as tab-separated text, formatted the way the grid shows it. Null when nothing is focused.
 */
export function selectionAsTsv(api: GridApi<CustomerRow>): string | null {
  const columns = api.getAllDisplayedColumns().filter((c) => c.getColId() !== 'open' && c.getColId() !== 'ag-Grid-SelectionColumn');
  const selected: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.isSelected()) selected.push(columns.map((c) => clean(display(api.getCellValue({ rowNode: node, colKey: c, useFormatter: true })))).join('\t'));
  });
  if (selected.length > 0) return selected.join('\n');
  const focused = api.getFocusedCell();
  if (!focused) return null;
  const node = api.getDisplayedRowAtIndex(focused.rowIndex);
  if (!node) return null;
  return clean(display(api.getCellValue({ rowNode: node, colKey: focused.column, useFormatter: true })));
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
