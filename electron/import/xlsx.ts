import ExcelJS from 'exceljs';
import type { RawCell } from '../../shared/import/values';

/** One worksheet as rows of plain values: formulas as their results, rich text as text, dates as Date. */
export interface SheetGrid {
  name: string;
  rows: RawCell[][];
  /** Spreadsheet row number of each row. */
  rowNumbers: number[];
  /** For each row: which cells are the non-first cells of a horizontal merge. */
  mergedTail: Set<string>;
}

function plain(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value && 'text' in value) return plain((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return null;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new Error(`${file}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  return wb;
}

export function sheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => ws.name);
}

export function sheetGrid(wb: ExcelJS.Workbook, name: string | undefined, file: string): SheetGrid {
  const ws = name === undefined ? wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0] : wb.getWorksheet(name);
  if (!ws) throw new Error(name === undefined ? `${file}: the workbook has no sheets` : `${file}: there is no sheet named "${name}"`);
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const mergedTail = new Set<string>();
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: RawCell[] = new Array<RawCell>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) {
        // A merged header spans columns: the tail cells repeat the master's text so each column keeps a header.
        if (cell.master.row === cell.row) mergedTail.add(`${rows.length}:${c - 1}`);
        cells[c - 1] = plain(cell.master.value);
        return;
      }
      cells[c - 1] = plain(cell.value);
    });
    rows.push(cells);
    rowNumbers.push(r);
  });
  return { name: ws.name, rows, rowNumbers, mergedTail };
}
