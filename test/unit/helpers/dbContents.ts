import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createDemoDatabase } from '../../../electron/services/demo/generate';
import { tempDbPath } from './temp';

/** The tables a user sees as their data (not logs, batches, runs or settings). */
export const userTables = ['staff', 'customers', 'contacts', 'tags', 'customer_tags', 'orders', 'interactions', 'complaints'];

/**
 * Every table's rows (or just `only`) with the schema version: equal for two
 * databases with identical contents.
 */
export function contentsOf(db: Database, only?: readonly string[]): Record<string, string> {
  const tables = only ?? (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  const out: Record<string, string> = { user_version: String(db.pragma('user_version', { simple: true })) };
  for (const t of tables) {
    // Sorted rows rather than rowid order: some tables are WITHOUT ROWID.
    const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all().map((r) => JSON.stringify(r)).sort();
    const h = createHash('sha256');
    for (const r of rows) h.update(r);
    out[t] = `${rows.length}:${h.digest('hex')}`;
  }
  return out;
}

/** A small but complete demo database (every table filled). */
export function smallDemoDb(name = 'patron.sqlite'): string {
  const file = tempDbPath(name);
  createDemoDatabase(file, { customers: 150, orders: 1500, asOf: '2026-11-20' });
  return file;
}
