import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/**
 * Before/after test of one migration: build the database at the previous
 * version, put rows in, migrate, check the rows. 0001 starts from an empty
 * file (version 0), so "before" has no rows; it checks that the new tables
 * take rows that obey the schema's rules and refuse rows that do not.
 */
const migrations = loadMigrations();

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

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
