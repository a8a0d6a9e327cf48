import type { Database } from 'better-sqlite3';
import { MAX_DATA_ROWS, writeWorkbook, type CellInput, type SheetSpec } from './workbook';

/** Excel's hard limit is 1,048,576 rows per sheet; one goes to the header. */
const ROWS_PER_SHEET = MAX_DATA_ROWS;

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

function cell(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  // SQLite hands back only null, numbers, bigints, text and blobs.
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * Writes the whole database to one .xlsx workbook, one sheet per table (header
 * row = column names, values as stored: money in cents, dates as ISO text), for
 * people who leave Patron or want an archive. Rows stream from SQLite into the
 * project's own .xlsx writer (workbook.ts), so memory stays flat for millions of
 * orders; a table longer than a sheet continues in "name (2)", "name (3)" … The
 * target is checked and written through a temporary file (safeWrite.ts), so a
 * half-written file never carries the final name. Reads in one transaction: a consistent snapshot.
 */
export async function writeArchive(db: Database, target: string, opts: ArchiveOptions = {}): Promise<ArchiveSummary> {
  // A read transaction keeps every sheet from the same moment even if the app writes meanwhile (WAL).
  db.prepare('BEGIN').run();
  try {
    const tables = tablesOf(db);
    const counts = tables.map((t) => db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number);
    const total = counts.reduce((a, b) => a + b, 0);
    const sheets: SheetSpec[] = tables.map((table) => {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      const select = db.prepare(`SELECT * FROM "${table}"`).raw();
      return {
        name: table,
        columns: columns.map((header) => ({ header, type: 'general' as const })),
        rows: (function* rows() {
          for (const row of select.iterate() as IterableIterator<unknown[]>) yield row.map(cell);
        })(),
      };
    });
    const written = await writeWorkbook(target, sheets, {
      rowsPerSheet: opts.rowsPerSheet ?? ROWS_PER_SHEET,
      database: db.name,
      checkCancelled: opts.checkCancelled,
      progress: (done) => opts.progress?.(done, total),
    });
    return { file: target, tables: tables.map((table, i) => ({ table, rows: counts[i] ?? 0, sheets: written.sheetNames[i] ?? [] })) };
  } finally {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
  }
}
