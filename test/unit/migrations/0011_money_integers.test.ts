import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PATRON_APPLICATION_ID } from '../../../electron/db/connection';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** The version this migration brings the schema to. */
const VERSION = 11;

function schemaObjects(db: Database.Database): string[] {
  const rows = db.prepare("SELECT type || ' ' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { o: string }[];
  return rows.map((r) => r.o);
}

function atPrevious(): Database.Database {
  const db = new Database(tempDbPath());
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(), VERSION - 1);
  db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '杭州恒信'), (2, 'C2', 'person', '王芳')").run();
  db.prepare("INSERT INTO orders (id, customer_id, order_no, order_date, amount_cents) VALUES (1, 1, 'A-1', '2026-01-05', 12345), (2, 1, 'A-2', '2026-02-05', 100), (3, 2, NULL, '2026-02-07', 99)").run();
  db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (2, '2026-03-01T09:00:00Z', 'phone')").run();
  return db;
}

/** Before/after test of 0011_money_integers: money columns refuse anything but integers, rows, rollups, indexes and triggers stay. */
describe('migration 0011_money_integers', () => {
  it('keeps every order, rollup, index and trigger, and marks the file as Patron’s', () => {
    const db = atPrevious();
    const objectsBefore = schemaObjects(db);
    const ordersBefore = db.prepare('SELECT * FROM orders ORDER BY id').all();
    const rollupsBefore = db.prepare('SELECT * FROM customer_rollups ORDER BY customer_id').all();
    const monthlyBefore = db.prepare('SELECT * FROM customer_monthly ORDER BY customer_id, month').all();
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    // Before: a fractional or huge amount is stored as REAL.
    db.prepare("INSERT INTO orders (id, customer_id, order_date, amount_cents) VALUES (9, 2, '2026-04-01', 1.5)").run();
    expect(db.prepare('SELECT typeof(amount_cents) AS t FROM orders WHERE id = 9').get()).toEqual({ t: 'real' });
    db.prepare('DELETE FROM orders WHERE id = 9').run();

    migrate(db, loadMigrations(), VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(PATRON_APPLICATION_ID);
    expect(schemaObjects(db)).toEqual(objectsBefore);
    expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(ordersBefore);
    expect(db.prepare('SELECT * FROM customer_rollups ORDER BY customer_id').all()).toEqual(rollupsBefore);
    expect(db.prepare('SELECT * FROM customer_monthly ORDER BY customer_id, month').all()).toEqual(monthlyBefore);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // After: REAL amounts are refused, the triggers still keep the rollups.
    for (const amount of [1.5, 1e22]) {
      expect(() => db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (2, '2026-04-01', ?)").run(amount)).toThrow(/CHECK constraint failed/);
    }
    expect(() => db.prepare('UPDATE customer_rollups SET total_cents = 0.5 WHERE customer_id = 1').run()).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (2, '2026-04-01', 500)").run();
    expect(db.prepare('SELECT order_count, total_cents FROM customer_rollups WHERE customer_id = 2').get()).toEqual({ order_count: 2, total_cents: 599 });
    expect(() => db.prepare('DELETE FROM customers WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('stops, leaving the file at the previous version, when an amount is not a whole number of cents', () => {
    const db = atPrevious();
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (2, '2026-04-01', 1e22)").run();
    expect(() => migrate(db, loadMigrations(), VERSION)).toThrow(/CHECK constraint failed/);
    expect(schemaVersion(db)).toBe(VERSION - 1);
    expect(db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 4 });
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    db.close();
  });
});
