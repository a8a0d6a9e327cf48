import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { diffRollups, diffSize } from '../../electron/db/rollupCheck';
import { rebuildRollups, rollupQueries, suspendRollupTriggers } from '../../electron/db/rollups';
import { generateDemo } from '../../electron/services/demo/generate';
import { Random } from '../../electron/services/demo/random';
import { tempDbPath } from './helpers/temp';

/** Snapshot of both rollup tables. */
function snapshot(db: ReturnType<typeof openDatabase>['db']) {
  const q = rollupQueries(db);
  return { rollups: q.all(), monthly: q.monthly() };
}

/** What a full rebuild gives on the same rows (computed in a transaction that is rolled back). */
function rebuilt(db: ReturnType<typeof openDatabase>['db']) {
  let result: ReturnType<typeof snapshot> | undefined;
  try {
    db.transaction(() => {
      rebuildRollups(db);
      result = snapshot(db);
      throw new Error('rollback');
    })();
  } catch {
    // the rollback is the point: the incremental tables stay as the triggers left them
  }
  if (!result) throw new Error('rebuild did not run');
  return result;
}

describe('rollups', () => {
  it('incremental (trigger) rollups equal a full rebuild after random inserts, updates and deletes', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 40, orders: 400, asOf: '2026-11-23' });
    // The demo generator rebuilt the rollups in bulk; they already match.
    expect(snapshot(db)).toEqual(rebuilt(db));
    const ids = db.prepare('SELECT id FROM customers').pluck().all() as number[];
    for (let seed = 1; seed <= 5; seed++) {
      const rng = new Random(seed, 9);
      const pick = <T>(xs: T[]): T => xs[rng.int(0, xs.length - 1)] as T;
      const day = () => `2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      for (let step = 0; step < 300; step++) {
        const orders = db.prepare('SELECT id FROM orders').pluck().all() as number[];
        const interactions = db.prepare('SELECT id FROM interactions').pluck().all() as number[];
        switch (rng.int(0, 7)) {
          case 0:
          case 1:
            // Several orders on few days, so same-day (order_days) cases come up often.
            db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)').run(pick(ids.slice(0, 8)), day().slice(0, 8) + '0' + String(rng.int(1, 3)), rng.int(-500, 90_000));
            break;
          case 2:
            if (orders.length) db.prepare('DELETE FROM orders WHERE id = ?').run(pick(orders));
            break;
          case 3:
            if (orders.length) db.prepare('UPDATE orders SET customer_id = ?, order_date = ? WHERE id = ?').run(pick(ids), day(), pick(orders));
            break;
          case 4:
            if (orders.length) db.prepare('UPDATE orders SET amount_cents = ? WHERE id = ?').run(rng.int(0, 5000), pick(orders));
            break;
          case 5:
            db.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (?, ?, 'phone')").run(pick(ids), `${day()}T0${rng.int(0, 9)}:00:00Z`);
            break;
          case 6:
            if (interactions.length) db.prepare('DELETE FROM interactions WHERE id = ?').run(pick(interactions));
            break;
          case 7:
            if (interactions.length) db.prepare('UPDATE interactions SET customer_id = ?, occurred_at = ? WHERE id = ?').run(pick(ids), `${day()}T12:00:00Z`, pick(interactions));
            break;
        }
      }
      expect(snapshot(db)).toEqual(rebuilt(db));
      // The repair check (rollupCheck.ts) agrees: nothing to fix.
      expect(diffSize(diffRollups(db))).toBe(0);
    }
    // A customer removed with everything: cascades clear the rollups too.
    const victim = ids[0] ?? 0;
    db.prepare('DELETE FROM orders WHERE customer_id = ?').run(victim);
    db.prepare('DELETE FROM customers WHERE id = ?').run(victim);
    expect(rollupQueries(db).get(victim)).toBeNull();
    expect(snapshot(db)).toEqual(rebuilt(db));
    db.close();
  });

  it('suspending the triggers for a bulk load rebuilds at the end and restores the triggers', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 10, orders: 50, asOf: '2026-11-23' });
    const triggerSql = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const before = triggerSql();
    expect(before).toHaveLength(6);
    db.transaction(() => {
      const restore = suspendRollupTriggers(db);
      expect(triggerSql()).toHaveLength(0);
      db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-11-01', 123)").run();
      restore();
    })();
    expect(triggerSql()).toEqual(before);
    expect(rollupQueries(db).get(1)?.last_order_date).toBe('2026-11-01');
    expect(snapshot(db)).toEqual(rebuilt(db));
    db.close();
  });
});
