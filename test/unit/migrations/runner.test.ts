import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../electron/db/errors';
import { latestVersion, loadMigrations, migrate, schemaVersion, type Migration } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

const migrations = loadMigrations();

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration runner', () => {
  it('finds the numbered migration files in order without gaps', () => {
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).toBe('core');
  });

  it('brings an empty database to the latest version and is a no-op the second time', () => {
    const db = new Database(tempDbPath());
    const first = migrate(db, migrations);
    expect(first).toMatchObject({ from: 0, to: latestVersion(migrations) });
    expect(first.applied).toHaveLength(migrations.length);
    expect(migrate(db, migrations)).toEqual({ from: latestVersion(migrations), to: latestVersion(migrations), applied: [] });
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = new Database(tempDbPath());
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'adds_table', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);' },
      { version: migrations.length + 2, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN x;' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version without writing to it', () => {
    const db = new Database(tempDbPath());
    db.pragma(`user_version = ${latestVersion(migrations) + 5}`);
    expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
    expect(schemaVersion(db)).toBe(latestVersion(migrations) + 5);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('has a before/after test file for every migration (test/unit/migrations/NNNN_name.test.ts)', () => {
    const missing = migrations
      .map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.test.ts`)
      .filter((f) => !existsSync(join(import.meta.dirname, f)));
    expect(missing).toEqual([]);
  });

  it('rejects badly named or gapped migration folders', () => {
    const dir = join(dirname(tempDbPath()), 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(join(dir, 'second.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/0001_name\.sql/);
  });
});

