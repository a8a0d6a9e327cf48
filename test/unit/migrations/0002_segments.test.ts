import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/**
 * Before/after test of 0002: a version-1 database with orders and
 * interactions gets its rollups and monthly buckets filled from those rows,
 * and the new run tables take rows that obey their rules.
 */
const migrations = loadMigrations();

describe('migration 0002_segments', () => {
  it('fills rollups and monthly buckets from the existing rows and keeps them current afterwards', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 1);
    const a = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES ('A', 'person', '张伟')").run().lastInsertRowid);
    const b = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES ('B', 'company', '恒信科技')").run().lastInsertRowid);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C', 'person', '无订单')").run();
    const order = db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)');
    order.run(a, '2026-01-05', 10_000);
    order.run(a, '2026-01-05', 2_500); // same day: one transaction day
    order.run(a, '2026-03-20', 7_000);
    order.run(b, '2025-12-31', 99_900);
    db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, '2026-03-21T02:00:00Z', 'phone')").run(b);

    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM customer_rollups ORDER BY customer_id').all()).toEqual([
      { customer_id: a, order_count: 3, order_days: 2, total_cents: 19_500, first_order_date: '2026-01-05', last_order_date: '2026-03-20', interaction_count: 0, last_interaction_at: null },
      { customer_id: b, order_count: 1, order_days: 1, total_cents: 99_900, first_order_date: '2025-12-31', last_order_date: '2025-12-31', interaction_count: 1, last_interaction_at: '2026-03-21T02:00:00Z' },
    ]);
    expect(db.prepare('SELECT customer_id, month, order_count, amount_cents, interaction_count FROM customer_monthly ORDER BY customer_id, month').all()).toEqual([
      { customer_id: a, month: '2026-01', order_count: 2, amount_cents: 12_500, interaction_count: 0 },
      { customer_id: a, month: '2026-03', order_count: 1, amount_cents: 7_000, interaction_count: 0 },
      { customer_id: b, month: '2025-12', order_count: 1, amount_cents: 99_900, interaction_count: 0 },
      { customer_id: b, month: '2026-03', order_count: 0, amount_cents: 0, interaction_count: 1 },
    ]);

    // After: the triggers keep them current.
    order.run(b, '2026-04-01', 100);
    expect(db.prepare('SELECT order_count, order_days, total_cents, last_order_date FROM customer_rollups WHERE customer_id = ?').get(b)).toEqual({
      order_count: 2,
      order_days: 2,
      total_cents: 100_000,
      last_order_date: '2026-04-01',
    });

    // The run tables and their rules.
    const run = db
      .prepare("INSERT INTO segment_runs (started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES ('t', 't', '2026-11-23', 'manual', '{}', '{}', '{}', 3)")
      .run().lastInsertRowid;
    db.prepare("INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents) VALUES (?, ?, 5, 5, 5, 5, 'high', 'high-high', 'maturity', 19500)").run(a, run);
    db.prepare("INSERT INTO segment_run_tiers (run_id, customer_id, tier) VALUES (?, ?, 'high')").run(run, a);
    expect(() => db.prepare("INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents) VALUES (?, ?, 6, 5, 5, 5, 'high', 'high-high', 'maturity', 0)").run(b, run)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO segment_run_tiers (run_id, customer_id, tier) VALUES (?, ?, 'vip')").run(run, b)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO segment_runs (started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES ('t', 't', '2026-11-23', 'cron', '{}', '{}', '{}', 0)").run()).toThrow(/CHECK/);
    // Deleting a run takes its tiers and results with it.
    db.prepare('DELETE FROM segment_runs WHERE id = ?').run(run);
    expect(db.prepare('SELECT count(*) FROM segment_run_tiers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM segment_results').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
