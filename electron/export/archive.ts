import { renameSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';

/** Excel's hard limit is 1,048,576 rows per sheet; one goes to the header. */
export const ROWS_PER_SHEET = 1_048_575;

export interface ArchiveSummary {
  file: string;
  tables: { table: string; rows: number; sheets: string[] }[];
}

export interface ArchiveOptions {
  progress?: (done: number, total: number) => void;
  checkCancelled?: () => void;
  rowsPerSheet?: number;
}

/** Every ordinary table, in name order (internal sqlite_* tables excluded). */
function tablesOf(db: Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function cell(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value as ExcelJS.CellValue;
}

/** Sheet names are at most 31 characters; a table too big for one sheet continues in "name (2)", "name (3)" … */
function sheetName(table: string, part: number): string {
  const suffix = part === 1 ? '' : ` (${part})`;
  return table.slice(0, 31 - suffix.length) + suffix;
}

/**
 * Writes the whole database to one .xlsx workbook, one sheet per table (header
 * row = column names, values as stored: money in cents, dates as ISO text), for
 * people who leave Patron or want an archive. Streams rows straight to disk with
 * exceljs's WorkbookWriter, so memory stays flat for millions of orders. Written
 * to `<target>.partial` first and renamed at the end, so a half-written file never
 * carries the final name. Reads in one transaction: a consistent snapshot.
 */
export async function writeArchive(db: Database, target: string, opts: ArchiveOptions = {}): Promise<ArchiveSummary> {
  const perSheet = opts.rowsPerSheet ?? ROWS_PER_SHEET;
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Patron';
  const summary: ArchiveSummary = { file: target, tables: [] };
  // A read transaction keeps every sheet from the same moment even if the app writes meanwhile (WAL).
  db.prepare('BEGIN').run();
  try {
    const tables = tablesOf(db);
    const counts = tables.map((t) => db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number);
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const table of tables) {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      const entry = { table, rows: 0, sheets: [] as string[] };
      let part = 0;
      let sheet: ExcelJS.Worksheet | null = null;
      let inSheet = perSheet;
      const open = () => {
        sheet?.commit();
        part++;
        const name = sheetName(table, part);
        entry.sheets.push(name);
        sheet = workbook.addWorksheet(name);
        sheet.addRow(columns).commit();
        inSheet = 0;
        return sheet;
      };
      let current = open();
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
        if (inSheet >= perSheet) current = open();
        current.addRow(row.map(cell)).commit();
        inSheet++;
        entry.rows++;
        done++;
        if (done % 5000 === 0) {
          opts.checkCancelled?.();
          opts.progress?.(done, total);
          // Committed rows sit in memory until the zip stream gets a turn of the event loop to write them out.
          await new Promise((resolveTurn) => setImmediate(resolveTurn));
        }
      }
      current.commit();
      summary.tables.push(entry);
    }
    await workbook.commit();
    opts.progress?.(total, total);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
  }
  renameSync(partial, target);
  return summary;
}
