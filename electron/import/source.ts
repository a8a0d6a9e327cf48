import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { cellText, isBlank, type RawCell } from '../../shared/import/values';
import { parseCsv } from './csv';
import { decodeText, detectEncoding, encodingFromName, type Encoding } from './decode';
import { IMPORT_LIMITS, ImportFileError } from './limits';
import { closeWorkbook, columnName, readWorkbook, sheetGrid, sheetNames } from './xlsx';

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

/**
 * Names every column; empty headers get "Column N". Two columns with the same
 * header are refused: the mapping could pick only one of them and the other's
 * values would be lost without a word.
 */
function uniqueHeaders(raw: string[], where: string, columnOf: (i: number) => string): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    if (h === '') return `Column ${i + 1}`;
    const first = seen.get(h);
    if (first !== undefined) throw new ImportFileError(`${where}: columns ${columnOf(first)} and ${columnOf(i)} have the same header "${h}"; rename one of them`);
    seen.set(h, i);
    return h;
  });
}

function noDataRows(name: string): never {
  throw new ImportFileError(`${name}: no data rows (the file has a header but nothing under it); nothing was imported`);
}

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * A file whose first lines are UTF-8 text (non-ASCII, valid) and a later line
 * is not was put together from two sources; read as GB18030 its UTF-8 part
 * would turn into other characters, so it is refused with the line.
 */
function mixedEncodings(buf: Buffer, name: string): void {
  const loose = new TextDecoder('utf-8').decode(buf);
  const bad = loose.indexOf('\uFFFD');
  const lineStart = loose.lastIndexOf('\n', bad) + 1;
  // eslint-disable-next-line no-control-regex
  if (bad < 0 || !/[^\u0000-\u007f]/.test(loose.slice(0, lineStart))) return;
  throw new ImportFileError(`${name}, line ${lineOf(loose, bad)}: mixed encodings: the lines before are UTF-8 text, this one is not (GBK?); save the whole file in one encoding, or choose the encoding if it is all GBK (--encoding gbk)`);
}

/** Decodes the CSV; a forced encoding that does not fit the bytes is refused with the one the bytes look like. */
function decodeCsv(buf: Buffer, forced: string | undefined, name: string): { text: string; encoding: Encoding; detected: Encoding } {
  const detected = detectEncoding(buf);
  const encoding = forced ? encodingFromName(forced) : detected;
  if (!forced && detected === 'gb18030') mixedEncodings(buf, name);
  let text: string;
  try {
    text = decodeText(buf, encoding, name);
  } catch (err) {
    if (encoding === detected) throw err;
    const loose = new TextDecoder(encoding).decode(buf);
    throw new ImportFileError(
      `${name}: read as ${encoding}, line ${lineOf(loose, loose.indexOf('\uFFFD'))} has bytes that are not ${encoding} text; the file looks like ${detected}: choose that encoding (--encoding ${detected})`,
      { cause: err },
    );
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new ImportFileError(`${name}, line ${lineOf(text, nul)}: the text holds a NUL character; this is not a text file in ${encoding}${encoding === detected ? '' : ` (it looks like ${detected})`}`);
  return { text, encoding, detected };
}

export async function readSource(file: string, opts: ReadOptions = {}): Promise<SourceTable> {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    const wb = readWorkbook(file, name);
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
    if (rows.length === 0) noDataRows(name);
    const sheetRow = grid.rowNumbers[h] ?? h + 1;
    return {
      file,
      format: 'xlsx',
      encoding: null,
      detectedEncoding: null,
      sheet: grid.name,
      sheets: sheetNames(wb),
      headers: uniqueHeaders(headers, `${name}, row ${sheetRow}`, columnName),
      rows,
      rowNumbers,
    };
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new Error(`${name}: unsupported file type "${ext}" (use .csv or .xlsx)`);
  const size = statSync(file).size;
  if (size > IMPORT_LIMITS.csvBytes) throw new ImportFileError(`${name}: ${Math.round(size / 1048576)} MB is more than the ${IMPORT_LIMITS.csvBytes / 1048576} MB a CSV import reads; split the file`);
  const { text, encoding, detected } = decodeCsv(readFileSync(file), opts.encoding, name);
  const csv = parseCsv(text, name);
  let first = 0;
  while (first < csv.records.length && isBlankRow(csv.records[first] ?? [])) first++;
  if (first >= csv.records.length) throw new ImportFileError(`${name}: the file is empty (no header row)`);
  const headerFields = csv.records[first] ?? [];
  if (headerFields.length > IMPORT_LIMITS.columns) throw new ImportFileError(`${name}, line ${csv.lines[first] ?? first + 1}: ${headerFields.length.toLocaleString('en')} columns, more than the ${IMPORT_LIMITS.columns.toLocaleString('en')} an import reads`);
  const headers = uniqueHeaders(
    headerFields.map((h) => h.trim()),
    `${name}, line ${csv.lines[first] ?? first + 1}`,
    (i) => String(i + 1),
  );
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  for (let r = first + 1; r < csv.records.length; r++) {
    const rec = csv.records[r] ?? [];
    if (rec.length === 1 && rec[0] === '') continue;
    const line = csv.lines[r] ?? r + 1;
    // Values beyond the header would be dropped unseen; empty trailing fields (a trailing separator) are harmless.
    for (let c = headers.length; c < rec.length; c++) {
      if ((rec[c] ?? '').trim() !== '') throw new ImportFileError(`${name}, line ${line}: the row has a value in field ${c + 1}, but the header has only ${headers.length} columns`);
    }
    for (let c = 0; c < rec.length && c < headers.length; c++) {
      if ((rec[c] ?? '').length > IMPORT_LIMITS.cellChars) throw new ImportFileError(`${name}, line ${line}, ${headers[c]}: the field holds more than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters`);
    }
    rows.push(rec);
    rowNumbers.push(line);
  }
  if (rows.length === 0) noDataRows(name);
  return { file, format: 'csv', encoding, detectedEncoding: detected, sheet: null, sheets: [], headers, rows, rowNumbers };
}
