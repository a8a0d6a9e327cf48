import ExcelJS from 'exceljs';

/**
 * A general multi-sheet workbook writer on exceljs's streaming writer: rows go
 * to disk as they are added, so 100,000 rows do not sit in memory as cell
 * objects. Cells are typed (numbers, dates, money), the header is styled and
 * frozen, autofilter is on and columns get widths from their content.
 * Reports of later issues reuse it with their own sheets.
 */
export type ColumnType = 'text' | 'int' | 'number' | 'money' | 'date' | 'percent';

export interface SheetColumn {
  header: string;
  type: ColumnType;
  /** Width in characters; measured from the header and the first rows when absent. */
  width?: number;
}

/** Money is integer cents, dates ISO text: the writer converts them to yuan and Excel dates. */
export type CellInput = string | number | null;

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Iterable<CellInput[]>;
}

const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: '#,##0.00',
  money: '"¥"#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

/** East Asian characters take two columns of width. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Excel forbids []:*?/\ in sheet names and limits them to 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

function cellValue(type: ColumnType, v: CellInput): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  switch (type) {
    case 'money':
      return typeof v === 'number' ? v / 100 : Number(v) / 100;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : v;
    case 'int':
    case 'number':
    case 'percent':
      return typeof v === 'number' ? v : Number(v);
    case 'text':
      return String(v);
  }
}

const SAMPLE_FOR_WIDTH = 200;
const YIELD_EVERY = 2000;

export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Patron';
  let total = 0;
  for (const sheet of sheets) {
    const n = sheet.columns.length;
    const ws = wb.addWorksheet(safeSheetName(sheet.name), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, n) } };
    // Widths need a look at the data before the first row is written: buffer a few rows.
    const iter = sheet.rows[Symbol.iterator]();
    const head: CellInput[][] = [];
    for (let r = iter.next(); !r.done; r = head.length < SAMPLE_FOR_WIDTH ? iter.next() : { done: true, value: undefined }) {
      head.push(r.value);
      if (head.length >= SAMPLE_FOR_WIDTH) break;
    }
    ws.columns = sheet.columns.map((c, i) => {
      const measured = Math.max(textWidth(c.header) + 4, ...head.map((row) => (c.type === 'money' ? 14 : c.type === 'date' ? 12 : textWidth(String(row[i] ?? '')) + 2)));
      const fmt = FORMATS[c.type];
      return { key: String(i), width: c.width ?? Math.min(60, Math.max(8, measured)), ...(fmt ? { style: { numFmt: fmt } } : {}) };
    });
    const header = ws.getRow(1);
    header.values = sheet.columns.map((c) => c.header);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } };
    header.alignment = { vertical: 'middle' };
    header.commit();
    const types = sheet.columns.map((c) => c.type);
    const add = (row: CellInput[]) => {
      ws.addRow(types.map((t, i) => cellValue(t, row[i] ?? null))).commit();
      total++;
    };
    for (const row of head) add(row);
    for (let r = iter.next(); !r.done; r = iter.next()) {
      add(r.value);
      // Let the zip stream drain now and then, or the whole sheet would wait in memory.
      if (total % YIELD_EVERY === 0) await new Promise((ok) => setImmediate(ok));
    }
    ws.commit();
  }
  await wb.commit();
  return { rows: total };
}
