import type { Database } from 'better-sqlite3';

/** Tables whose row counts `patron info` and the Settings page report. */
export const countedTables = ['customers', 'contacts', 'tags', 'orders', 'interactions', 'complaints', 'staff', 'audit_log'] as const;
export type CountedTable = (typeof countedTables)[number];

export function rowCounts(db: Database): Record<CountedTable, number> {
  const counts = {} as Record<CountedTable, number>;
  for (const t of countedTables) {
    // Table names come from the fixed list above, never from input.
    counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return counts;
}

/** Every table of the database (SQLite's own left out), by name. */
export function tableNames(db: Database): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
}

/**
 * Reads what tells whether the file changed: the writes of this connection
 * (total_changes) and the commits of every other one (data_version).
 */
export function changeMarks(db: Database): () => { own: number; data: number } {
  const own = db.prepare<[], number>('SELECT total_changes()').pluck();
  const data = db.prepare<[], number>('PRAGMA data_version').pluck();
  return () => ({ own: own.get() ?? 0, data: data.get() ?? 0 });
}
