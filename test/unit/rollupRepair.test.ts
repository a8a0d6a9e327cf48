import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/connection';
import { rollupQueries, rollupSplit } from '../../electron/db/rollups';
import { generateDemo } from '../../electron/services/demo/generate';
import { repairRollups } from '../../electron/services/rollupRepair';
import { servicesOnTempDb } from './helpers/services';
import { tempDbPath } from './helpers/temp';

/** A demo database whose rollups are right (the generator rebuilds them), with a customer that has interactions only. */
function demo() {
  const file = tempDbPath();
  const { db } = openDatabase(file, { create: true });
  generateDemo(db, { customers: 150, orders: 4000, asOf: '2026-11-23' });
  const lonely = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES ('E-1', 'person', '只有联系')").run().lastInsertRowid);
  db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, '2026-02-01T08:00:00Z', 'phone')").run(lonely);
  const snapshot = () => ({ rollups: rollupQueries(db).all(), monthly: rollupQueries(db).monthly() });
  return { file, db, lonely, snapshot };
}

/** Six kinds of damage, one row each: wrong, missing and left-over rows in both tables. */
function damage(db: Database.Database, lonely: number): void {
  const [a, b] = db.prepare<[], number>('SELECT customer_id FROM customer_rollups WHERE order_count > 3 ORDER BY customer_id LIMIT 2').pluck().all() as [number, number];
  const nobody = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES ('E-2-' || (SELECT count(*) FROM customers), 'person', '什么都没有')").run().lastInsertRowid);
  db.prepare('UPDATE customer_rollups SET order_count = order_count + 1 WHERE customer_id = ?').run(a);
  db.prepare('DELETE FROM customer_rollups WHERE customer_id = ?').run(lonely);
  db.prepare('INSERT INTO customer_rollups (customer_id, order_count) VALUES (?, 9)').run(nobody);
  db.prepare('UPDATE customer_monthly SET amount_cents = amount_cents + 1 WHERE customer_id = ? AND month = (SELECT max(month) FROM customer_monthly WHERE customer_id = ?)').run(b, b);
  db.prepare('DELETE FROM customer_monthly WHERE customer_id = ? AND month = (SELECT min(month) FROM customer_monthly WHERE customer_id = ?)').run(b, b);
  db.prepare("INSERT INTO customer_monthly (customer_id, month, order_count) VALUES (?, '1999-01', 2)").run(a);
}

describe('rollup repair (recompute, compare, write the difference)', () => {
  it('puts back exactly what a rebuild gives, in threads, and finds nothing on a second run', async () => {
    const { file, db, lonely, snapshot } = demo();
    const right = snapshot();
    damage(db, lonely);
    expect(snapshot()).not.toEqual(right);
    const first = await repairRollups(db, { database: { dbPath: file }, threads: 2 });
    expect(first).toMatchObject({ customers: right.rollups.length, months: right.monthly.length, fixed: { rollups: 3, monthly: 3 }, rebuilt: false, threads: 2 });
    expect(snapshot()).toEqual(right);
    const again = await repairRollups(db, { database: { dbPath: file }, threads: 3 });
    expect(again.fixed).toEqual({ rollups: 0, monthly: 0 });
    // On the one connection alone, the same.
    damage(db, lonely);
    const alone = await repairRollups(db, { threads: 1 });
    expect(alone).toMatchObject({ fixed: { rollups: 3, monthly: 3 }, threads: 1 });
    expect(snapshot()).toEqual(right);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('rebuilds from empty when most rows are wrong', async () => {
    const { file, db, snapshot } = demo();
    const right = snapshot();
    db.exec('DELETE FROM customer_monthly');
    const r = await repairRollups(db, { database: { dbPath: file }, threads: 2 });
    expect(r).toMatchObject({ rebuilt: true, fixed: { rollups: 0, monthly: right.monthly.length } });
    expect(snapshot()).toEqual(right);
    db.close();
  });

  it('asks the threads again when something was committed after they read', async () => {
    const { file, db, lonely, snapshot } = demo();
    damage(db, lonely);
    const other = new Database(file);
    const customer = db.prepare<[], number>('SELECT min(id) FROM customers').pluck().get() as number;
    let writes = 0;
    const r = await repairRollups(db, {
      database: { dbPath: file },
      threads: 2,
      beforeApply: () => {
        // First another connection commits an order, then this one: both answers are stale, and the repair runs on this connection alone.
        const writer = writes === 0 ? other : db;
        writer.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-11-20', 500)").run(customer);
        writes++;
      },
    });
    other.close();
    expect(writes).toBe(2);
    expect(r).toMatchObject({ fixed: { rollups: 3, monthly: 3 }, threads: 1 });
    // The triggers counted the new order; the repair kept it and fixed the damage.
    const after = snapshot();
    const recomputed = db.prepare<[number], { n: number; total: number }>('SELECT count(*) AS n, sum(amount_cents) AS total FROM orders WHERE customer_id = ?').get(customer);
    expect(after.rollups.find((x) => x.customer_id === customer)).toMatchObject({ order_count: recomputed?.n, total_cents: recomputed?.total, last_order_date: '2026-11-20' });
    const again = await repairRollups(db, { database: { dbPath: file }, threads: 2 });
    expect(again.fixed).toEqual({ rollups: 0, monthly: 0 });
    db.close();
  });

  it('says why a thread failed and writes nothing', async () => {
    const { db, lonely, snapshot } = demo();
    damage(db, lonely);
    const damaged = snapshot();
    await expect(repairRollups(db, { database: { dbPath: '/nonexistent/patron.sqlite' }, threads: 2 })).rejects.toThrow(/\/nonexistent\/patron.sqlite does not exist/);
    expect(snapshot()).toEqual(damaged);
    db.close();
  });

  it('splits customers into consecutive ranges with about the same number of orders', () => {
    const { db } = demo();
    const ranges = rollupSplit(db, 3);
    expect(ranges).toHaveLength(3);
    expect(ranges[0]?.from).toBe(Number.MIN_SAFE_INTEGER);
    expect(ranges[2]?.to).toBe(Number.MAX_SAFE_INTEGER);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe(ranges[i - 1]?.to);
    const weight = db.prepare<[number, number], number>('SELECT coalesce(sum(order_count + interaction_count + 1), 0) FROM customer_rollups WHERE customer_id >= ? AND customer_id < ?').pluck();
    const shares = ranges.map((r) => weight.get(r.from, r.to) as number);
    const total = shares.reduce((x, y) => x + y, 0);
    for (const s of shares) expect(Math.abs(s / total - 1 / 3)).toBeLessThan(0.05);
    db.close();
  });

  it('patron rollups repairs a damaged file and says what it fixed', async () => {
    const { file, db, lonely, snapshot } = demo();
    const right = snapshot();
    damage(db, lonely);
    db.close();
    let stdout = '';
    let stderr = '';
    const streams = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    expect(await main(['rollups', '--db', file, '--threads', '2', '--json'], streams)).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file, fixed: { rollups: 3, monthly: 3 }, rebuilt: false, threads: 2 });
    stdout = '';
    expect(await main(['rollups', '--db', file], streams)).toBe(0);
    expect(stdout).toMatch(/fixed customer_monthly rows\s+0/);
    expect(await main(['rollups', '--db', file, '--threads', '0'], streams)).toBe(2);
    expect(stderr).toContain('--threads must be a positive whole number');
    const reopened = openDatabase(file).db;
    expect({ rollups: rollupQueries(reopened).all(), monthly: rollupQueries(reopened).monthly() }).toEqual(right);
    reopened.close();
  });

  it('runs as a job from the app: the answer, and db:changed for both tables only when it wrote', async () => {
    const { db, services, events } = servicesOnTempDb();
    generateDemo(db, { customers: 120, orders: 3000, asOf: '2026-11-23' });
    const snapshot = () => ({ rollups: rollupQueries(db).all(), monthly: rollupQueries(db).monthly() });
    const right = snapshot();
    db.prepare('UPDATE customer_rollups SET order_days = order_days + 1 WHERE customer_id = (SELECT min(customer_id) FROM customer_rollups)').run();
    // Two requests at once share one job.
    const [a, b] = await Promise.all([services.segments.repairRollups(), services.segments.repairRollups()]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ fixed: { rollups: 1, monthly: 0 }, rebuilt: false });
    expect(snapshot()).toEqual(right);
    const changed = events.filter((e) => e.event === 'db:changed').map((e) => e.payload);
    expect(changed).toEqual([{ tables: ['customer_monthly', 'customer_rollups'] }]);
    const again = await services.segments.repairRollups();
    expect(again.fixed).toEqual({ rollups: 0, monthly: 0 });
    expect(events.filter((e) => e.event === 'db:changed')).toHaveLength(1);
    db.close();
  });
});
