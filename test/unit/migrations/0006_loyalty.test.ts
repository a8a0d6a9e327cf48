import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

const VERSION = 6;

/** Before/after test of the loyalty migration: ledger, accounts, level history and referrals appear; existing rows stay. */
describe('migration 0006_loyalty', () => {
  it('adds the loyalty tables beside existing data and enforces their rules', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '杭州恒信'), (2, 'C2', 'person', '王芳')").run();
    db.prepare("INSERT INTO orders (id, customer_id, order_date, amount_cents) VALUES (7, 1, '2026-01-02', 12345)").run();
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT code FROM customers ORDER BY id').pluck().all()).toEqual(['C1', 'C2']);
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(1);

    const at = '2026-01-03T00:00:00.000Z';
    const entry = db.prepare('INSERT INTO points_ledger (customer_id, on_date, kind, points, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    entry.run(1, '2026-01-02', 'earn', 123, 7, at);
    // One earn entry per order.
    expect(() => entry.run(1, '2026-01-02', 'earn', 123, 7, at)).toThrow(/UNIQUE/);
    // Earn needs its order id, a redemption is negative, no zero entries, dates are dates.
    expect(() => entry.run(1, '2026-01-02', 'earn', 5, null, at)).toThrow(/CHECK/);
    expect(() => entry.run(1, '2026-01-02', 'redeem', 5, null, at)).toThrow(/CHECK/);
    expect(() => entry.run(1, '2026-01-02', 'adjust', 0, null, at)).toThrow(/CHECK/);
    expect(() => entry.run(1, '2026-13-02', 'adjust', 5, null, at)).toThrow(/CHECK/);
    entry.run(1, '2026-01-02', 'redeem', -100, null, at);

    db.prepare("INSERT INTO loyalty_accounts (customer_id, balance, updated_at) VALUES (1, 23, ?)").run(at);
    expect(() => db.prepare("UPDATE loyalty_accounts SET balance = -1 WHERE customer_id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE loyalty_accounts SET level = 'platinum' WHERE customer_id = 1").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO loyalty_level_history (customer_id, on_date, from_level, to_level, reason, actor, created_at) VALUES (1, '2026-01-03', 'basic', 'silver', 'recompute', 'me', ?)").run(at);

    db.prepare('INSERT INTO referrals (customer_id, referrer_id, created_at) VALUES (2, 1, ?)').run(at);
    expect(() => db.prepare('INSERT INTO referrals (customer_id, referrer_id, created_at) VALUES (1, 1, ?)').run(at)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO referrals (customer_id, referrer_id, created_at) VALUES (2, 1, ?)').run(at)).toThrow(/UNIQUE|PRIMARY/);

    db.prepare('DELETE FROM orders').run();
    db.prepare('DELETE FROM customers WHERE id = 1').run();
    for (const t of ['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'referrals']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
