import type { Database } from 'better-sqlite3';

/**
 * Empties derived tables by dropping and recreating them from their own
 * schema text, for bulk replacement inside one transaction. A DELETE of every
 * row goes row by row whenever the table has a foreign key (SQLite's truncate
 * shortcut is then off), which costs more than writing the rows again. Only
 * for tables that no foreign key points at and no trigger is defined on.
 * Returns a function that makes the tables' indexes again, to be called after
 * the rows are in (building an index once is cheaper than keeping it up to
 * date row by row).
 */
export function recreateEmpty(db: Database, tables: readonly string[]): () => void {
  const placeholders = tables.map(() => '?').join(', ');
  const schema = db
    .prepare<string[], { type: string; sql: string }>(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name IN (${placeholders}) AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index', name`,
    )
    .all(...tables);
  for (const t of tables) db.exec(`DROP TABLE "${t}"`);
  for (const o of schema) if (o.type === 'table') db.exec(o.sql);
  return () => {
    for (const o of schema) if (o.type === 'index') db.exec(o.sql);
  };
}
