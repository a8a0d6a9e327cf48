import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { cellText, isBlank, type RawCell } from '../../shared/import/values';
import { parseCsv } from './csv';
import { decodeText, detectEncoding, encodingFromName, type Encoding } from './decode';
import { closeWorkbook, readWorkbook, sheetGrid, sheetNames } from './xlsx';

/** A file read into a header and data rows, whatever its format. */
export interface SourceTable {
  file: string;
  format: 'csv' | 'xlsx';
  /** Encoding used (CSV) and the one detected, so the wizard can show both. */
  encoding: Encoding | null;
  detectedEncoding: Encoding | null;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  rows: RawCell[][];
  /** Row number in the file (CSV line / sheet row) of each data row. */
  rowNumbers: number[];
}

export interface ReadOptions {
  encoding?: string | undefined;
  sheet?: string | undefined;
}

const isBlankRow = (row: RawCell[]) => row.every(isBlank);

/**
 * The header row is the first of the top rows that is mostly filled with text
 * (titles and notes above a table are skipped).
 */
function headerIndex(rows: RawCell[][]): number {
  const top = rows.slice(0, 15);
  // Distinct values, not filled cells: a title merged across the table repeats one text in every column.
  const widths = top.map((r) => new Set(r.filter((c) => !isBlank(c)).map((c) => cellText(c))).size);
  const widest = Math.max(0, ...widths);
  const idx = top.findIndex((r, i) => {
    const filled = widths[i] ?? 0;
    const texts = new Set(r.filter((c) => typeof c === 'string' && c.trim() !== '' && !/^-?[\d.,]+$/.test(c.trim()))).size;
    return filled >= Math.max(1, Math.ceil(widest * 0.6)) && texts >= Math.ceil(filled * 0.8);
  });
  return Math.max(0, idx);
}

/** Names every column; empty or repeated headers get "Column N" / "name (2)" so each maps uniquely. */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export async function readSource(file: string, opts: ReadOptions = {}): Promise<SourceTable> {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    const wb = readWorkbook(file);
    let grid: Awaited<ReturnType<typeof sheetGrid>>;
    try {
      grid = await sheetGrid(wb, opts.sheet, name);
    } finally {
      closeWorkbook(wb);
    }
    const h = headerIndex(grid.rows);
    const headerRow = grid.rows[h] ?? [];
    let headers = headerRow.map(cellText);
    let dataFrom = h + 1;
    // Two-row headers: a merged group title above its sub-headers ("联系人" over "姓名 | 职务").
    const below = grid.rows[h + 1];
    const hasMerge = headerRow.some((_, c) => grid.mergedTail.has(`${h}:${c}`));
    if (hasMerge && below && below.every((c) => c === null || (typeof c === 'string' && c.trim() !== ''))) {
      headers = headers.map((top, c) => {
        const sub = cellText(below[c] ?? null);
        return sub === '' || sub === top ? top : `${top}${sub}`;
      });
      dataFrom = h + 2;
    }
    const width = headers.length;
    const rows: RawCell[][] = [];
    const rowNumbers: number[] = [];
    for (let r = dataFrom; r < grid.rows.length; r++) {
      const row = grid.rows[r] ?? [];
      if (isBlankRow(row)) continue;
      rows.push(row.length > width ? row.slice(0, width) : row);
      rowNumbers.push(grid.rowNumbers[r] ?? r + 1);
    }
    return { file, format: 'xlsx', encoding: null, detectedEncoding: null, sheet: grid.name, sheets: sheetNames(wb), headers: uniqueHeaders(headers), rows, rowNumbers };
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new Error(`${name}: unsupported file type "${ext}" (use .csv or .xlsx)`);
  const buf = readFileSync(file);
  const detected = detectEncoding(buf);
  const encoding = opts.encoding ? encodingFromName(opts.encoding) : detected;
  const text = decodeText(buf, encoding, name);
  const csv = parseCsv(text, name);
  let first = 0;
  while (first < csv.records.length && isBlankRow(csv.records[first] ?? [])) first++;
  if (first >= csv.records.length) throw new Error(`${name}: the file is empty (no header row)`);
  const headers = uniqueHeaders((csv.records[first] ?? []).map((h) => h.trim()));
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  for (let r = first + 1; r < csv.records.length; r++) {
    const rec = csv.records[r] ?? [];
    if (rec.length === 1 && rec[0] === '') continue;
    rows.push(rec);
    rowNumbers.push(csv.lines[r] ?? r + 1);
  }
  return { file, format: 'csv', encoding, detectedEncoding: detected, sheet: null, sheets: [], headers, rows, rowNumbers };
}
