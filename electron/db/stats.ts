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
