import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../electron/db/errors';
import { latestVersion, loadMigrations, migrate, schemaVersion, type Migration } from '../../electron/db/migrate';
import { tempDbPath } from './helpers/temp';

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

  it('rejects badly named or gapped migration folders', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const dir = join(dirname(tempDbPath()), 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(join(dir, 'second.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/0001_name\.sql/);
  });
});

describe('migration 0001_core', () => {
  it('creates the core domain tables from version 0 and they take rows that obey the rules', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    // Before: version 0, nothing there.
    expect(schemaVersion(db)).toBe(0);
    migrate(db, migrations, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['audit_log', 'complaints', 'contacts', 'customer_tags', 'customers', 'interactions', 'orders', 'settings', 'staff', 'tags']),
    );
    const staff = db.prepare("INSERT INTO staff (name, role) VALUES ('李娜', 'sales')").run().lastInsertRowid;
    const customer = db
      .prepare("INSERT INTO customers (code, kind, name, owner_id, cooperation_start) VALUES ('C1', 'company', '杭州恒信科技有限公司', ?, '2023-10-15')")
      .run(staff).lastInsertRowid;
    db.prepare("INSERT INTO contacts (customer_id, name, title, is_primary, birthday) VALUES (?, '王芳', '采购经理', 1, '1985-04-02')").run(customer);
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-01-05', 120050)").run(customer);
    db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, '2026-01-06T02:00:00Z', 'wechat')").run(customer);
    db.prepare("INSERT INTO complaints (customer_id, opened_at, severity) VALUES (?, '2026-01-07T02:00:00Z', 'high')").run(customer);
    expect(db.prepare('SELECT amount_cents FROM orders').pluck().get()).toBe(120050);

    // The rules the schema enforces.
    expect(() => db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C2', 'robot', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'person', 'dup code')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026/01/05', 1)").run(customer)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (999, '2026-01-05', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO contacts (customer_id, name, is_primary) VALUES (?, '第二主联系人', 1)").run(customer)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, '2026-01-06', 'fax')").run(customer)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'not json')").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
