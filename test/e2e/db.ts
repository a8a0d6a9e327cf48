import Database from 'better-sqlite3';

/** Opens the test database directly, beside the running bridge (WAL lets both work), for one check or setup step. */
export function withDb<T>(dbPath: string, fn: (db: Database.Database) => T): T {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
