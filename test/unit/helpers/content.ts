import type { Database } from 'better-sqlite3';

/** Every row of every table a user can see, to prove an operation left the content as it was. */
export function contentOf(db: Database): string {
  const tables = ['staff', 'customers', 'contacts', 'tags', 'customer_tags', 'orders', 'interactions', 'complaints'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}
