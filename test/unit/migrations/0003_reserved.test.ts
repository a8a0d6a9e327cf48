import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** 0003 is a placeholder on the issue-4 branch (another branch owns the number); it must change nothing. */
describe('migration 0003_reserved', () => {
  it('only advances the version and leaves existing rows alone', () => {
    const db = new Database(tempDbPath());
    const migrations = loadMigrations();
    migrate(db, migrations, 3 - 1);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信')").run();
    const tables = db.prepare("SELECT name FROM sqlite_master ORDER BY name").pluck().all();
    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare("SELECT name FROM sqlite_master ORDER BY name").pluck().all()).toEqual(tables);
    expect(db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['杭州恒信']);
    db.close();
  });
});
