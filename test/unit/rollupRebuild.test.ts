import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { rebuildRollups, rollupQueries } from '../../electron/db/rollups';
import { generateDemo } from '../../electron/services/demo/generate';
import { tempDbPath } from './helpers/temp';

/** The rebuild in plain SQL (one GROUP BY per table and source), kept as the oracle of the scanning rebuild (rollupScan.ts). */
const REFERENCE_REBUILD = `
DELETE FROM customer_rollups;
DELETE FROM customer_monthly;
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(order_date, 1, 7), count(*), sum(amount_cents), 0 FROM orders GROUP BY 1, 2;
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(occurred_at, 1, 7), 0, 0, count(*) FROM interactions WHERE true GROUP BY 1, 2
ON CONFLICT (customer_id, month) DO UPDATE SET interaction_count = excluded.interaction_count;
INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
SELECT customer_id, count(*), count(DISTINCT order_date), sum(amount_cents), min(order_date), max(order_date) FROM orders GROUP BY customer_id;
INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at)
SELECT customer_id, count(*), max(occurred_at) FROM interactions WHERE true GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET interaction_count = excluded.interaction_count, last_interaction_at = excluded.last_interaction_at;`;

describe('rollup rebuild from one ordered scan per table', () => {
  it('gives the same rows as the per-table GROUP BY rebuild and leaves the schema as it was', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 120, orders: 3000, asOf: '2026-11-23' });
    // Edge cases: interactions only, an interaction in a month without orders,
    // several orders on one day, a negative amount, a customer with nothing.
    const add = db.prepare("INSERT INTO customers (code, kind, name) VALUES (?, 'person', ?)");
    const lonely = Number(add.run('E-1', '只有联系').lastInsertRowid);
    const busy = Number(add.run('E-2', '同日多单').lastInsertRowid);
    add.run('E-3', '什么都没有');
    const order = db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)');
    const touch = db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, ?, 'phone')");
    touch.run(lonely, '2026-02-01T08:00:00Z');
    touch.run(lonely, '2026-02-28T23:59:59Z');
    order.run(busy, '2026-03-05', 100);
    order.run(busy, '2026-03-05', -40);
    order.run(busy, '2026-03-31', 7);
    touch.run(busy, '2026-04-01T00:00:00Z');
    touch.run(busy, '2026-03-05T10:00:00Z');
    const schema = () => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name IN ('customer_rollups', 'customer_monthly') ORDER BY name").all();
    const before = schema();
    const snapshot = () => ({ rollups: rollupQueries(db).all(), monthly: rollupQueries(db).monthly() });
    db.exec(REFERENCE_REBUILD);
    const expected = snapshot();
    expect(expected.rollups.find((r) => r.customer_id === lonely)).toMatchObject({ order_count: 0, order_days: 0, interaction_count: 2, first_order_date: null });
    expect(expected.rollups.find((r) => r.customer_id === busy)).toMatchObject({ order_count: 3, order_days: 2, total_cents: 67, interaction_count: 2 });
    rebuildRollups(db);
    expect(snapshot()).toEqual(expected);
    expect(schema()).toEqual(before);
    // Inside a caller's transaction too (the bulk-load path), and the triggers still work afterwards.
    db.transaction(() => rebuildRollups(db))();
    expect(snapshot()).toEqual(expected);
    order.run(busy, '2026-04-02', 1);
    expect(rollupQueries(db).get(busy)).toMatchObject({ order_count: 4, order_days: 3, last_order_date: '2026-04-02' });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('gives empty tables on a database without orders or interactions', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('E-1', 'person', '新客户')").run();
    db.exec("INSERT INTO customer_monthly (customer_id, month, order_count) VALUES (1, '2026-01', 3)");
    rebuildRollups(db);
    expect(rollupQueries(db).all()).toEqual([]);
    expect(rollupQueries(db).monthly()).toEqual([]);
    db.close();
  });
});
