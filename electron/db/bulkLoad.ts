import type { Database, Statement } from 'better-sqlite3';

/**
 * Multi-row INSERT: one statement call writes `batchRows` rows, which roughly
 * halves the per-row cost of the native call compared with one row per call.
 * Callers write a row's values straight into `values` at `at` and then call
 * `commit()`, so the hot loops allocate nothing per row.
 */
export class BatchInsert {
  readonly values: unknown[];
  private rows = 0;
  private readonly width: number;
  private readonly full: Statement;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly batchRows: number,
  ) {
    this.width = columns.length;
    this.values = new Array<unknown>(this.width * batchRows).fill(null);
    this.full = db.prepare(this.sql(batchRows));
  }

  /** Index in `values` of the first column of the row being written. */
  get at(): number {
    return this.rows * this.width;
  }

  commit(): void {
    this.rows++;
    if (this.rows === this.batchRows) {
      this.full.run(...this.values);
      this.rows = 0;
    }
  }

  /** Writes the rows of an incomplete last batch. */
  flush(): void {
    if (this.rows === 0) return;
    this.db.prepare(this.sql(this.rows)).run(...this.values.slice(0, this.rows * this.width));
    this.rows = 0;
  }

  private sql(rows: number): string {
    const tuple = `(${this.columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${new Array<string>(rows).fill(tuple).join(', ')}`;
  }
}

/**
 * Drops the secondary indexes of `tables` that rows do not arrive in key
 * order for, and returns a function that re-creates them from their original
 * SQL. Rows are written customer by customer, so an index led by
 * `customer_id` only ever appends and is cheap to keep; any other index (the
 * order date, say) would take random inserts for every row, and building it
 * once from sorted data afterwards is several times faster.
 */
export function deferIndexes(db: Database, tables: readonly string[], keepLeadingColumn: string): () => void {
  const placeholders = tables.map(() => '?').join(', ');
  const indexes = (
    db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY rowid`)
      .all(...tables) as { name: string; sql: string }[]
  ).filter((index) => {
    const first = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno LIMIT 1').get(index.name) as { name: string | null } | undefined;
    return first?.name !== keepLeadingColumn;
  });
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}
