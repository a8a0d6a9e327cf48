import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { rebuildRollups } from '../../../electron/db/rollups';
import { tempDbPath } from '../helpers/temp';

/** The version this migration has (the lead renumbers migrations at merge: change only this line). */
const VERSION = 5;

/** Before/after test of 0005: the month-first index of customer_monthly goes; rollups and their triggers stay as they were. */
describe('migration 0005_rollup_speed', () => {
  it('drops customer_monthly_month and keeps the monthly buckets and their upkeep', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    const indexes = () => db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_monthly' AND sql IS NOT NULL").pluck().all();
    expect(indexes()).toEqual(['customer_monthly_month']);
    const a = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES ('A', 'person', '张伟')").run().lastInsertRowid);
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-01-05', 10000)").run(a);
    const before = db.prepare('SELECT * FROM customer_monthly').all();
    expect(before).toHaveLength(1);

    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(indexes()).toEqual([]);
    expect(db.prepare('SELECT * FROM customer_monthly').all()).toEqual(before);
    // The triggers still keep the buckets current, and a rebuild gives the same rows.
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-01-20', 500)").run(a);
    const after = db.prepare('SELECT * FROM customer_monthly').all();
    expect(after).toEqual([{ customer_id: a, month: '2026-01', order_count: 2, amount_cents: 10_500, interaction_count: 0 }]);
    rebuildRollups(db);
    expect(db.prepare('SELECT * FROM customer_monthly').all()).toEqual(after);
    expect(indexes()).toEqual([]);
    db.close();
  });
});
