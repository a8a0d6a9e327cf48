import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** 0002 is a stand-in on this branch (the real one comes from another branch): it must change nothing. */
describe('migration 0002_reserved', () => {
  it('moves the version to 2 and leaves the rows of version 1 as they were', () => {
    const db = new Database(tempDbPath());
    const migrations = loadMigrations();
    migrate(db, migrations, 1);
    db.exec("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信科技有限公司')");
    const before = db.prepare('SELECT * FROM customers').all();
    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM customers').all()).toEqual(before);
    db.close();
  });
});
