import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/db/connection';
import { writeDemoLoyalty } from '../../../electron/services/demo/loyalty';
import { LOYALTY_SETTINGS_KEY, LOYALTY_SYNC_STATE_KEY, runLoyaltySync } from '../../../electron/services/loyaltySync';
import { addDays } from '../../../shared/domain/dates';
import { defaultLoyaltySettings } from '../../../shared/domain/loyalty';
import { result, rssMb, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

/** Empties the loyalty tables, as on a database that never synced. */
function resetLoyalty(db: Database): void {
  db.exec(`DELETE FROM points_ledger; DELETE FROM loyalty_accounts; DELETE FROM loyalty_level_history; DELETE FROM referrals;
           DELETE FROM audit_log WHERE entity = 'points_entry';
           DELETE FROM settings WHERE key IN ('${LOYALTY_SETTINGS_KEY}', '${LOYALTY_SYNC_STATE_KEY}');`);
}

/** The yardstick of a sync: the same number of rows copied from orders into a bare table (no indexes, no audit). */
function bareCopy(db: Database, where: string): number {
  db.exec('DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (customer_id INTEGER, on_date TEXT, points INTEGER, ref_id INTEGER)');
  const t = performance.now();
  db.transaction(() => db.exec(`INSERT INTO bench_copy SELECT customer_id, order_date, amount_cents / 100, id FROM orders WHERE ${where}`))();
  const ms = performance.now() - t;
  db.exec('DROP TABLE bench_copy');
  return ms;
}

/**
 * The first points sync over all order history (every order earns once, with
 * bonuses, audit rows and levels), an incremental sync after an import of new
 * orders, and what the demo generator adds for loyalty.
 */
export function loyaltySuite(env: BenchEnv): BenchResult[] {
  const results: BenchResult[] = [];
  const file = join(env.work, 'loyalty.sqlite');
  copyFileSync(env.file, file);
  const { db } = openDatabase(file);
  const asOf = env.summary.asOf;
  const orders = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  try {
    resetLoyalty(db);
    const settings = { ...defaultLoyaltySettings, programStart: null };
    env.log(`loyalty: first sync over ${orders} orders…`);
    let t = performance.now();
    const first = runLoyaltySync(db, { asOf, actor: 'bench', settings });
    const firstMs = performance.now() - t;
    const copyMs = bareCopy(db, 'amount_cents > 0');
    results.push(
      result('loyalty.first-sync', orders, firstMs, copyMs, rssMb(), `all history earns: ${first.earned} earn + ${first.bonuses} bonus entries, as many audit rows, ${first.levelChanges} level changes; baseline = copying the orders into a bare table`),
    );

    env.log('loyalty: incremental sync after 10,000 new orders…');
    const insert = db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)');
    const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(1 + ((i * 7919) % customers), asOf, 10_000 + i);
    })();
    t = performance.now();
    const next = runLoyaltySync(db, { asOf, actor: 'bench', settings });
    const nextMs = performance.now() - t;
    t = performance.now();
    runLoyaltySync(db, { asOf, actor: 'bench', settings });
    const idleMs = performance.now() - t;
    results.push(result('loyalty.incremental-sync', next.earned, nextMs, idleMs, rssMb(), 'reads only orders after the last synced id; baseline = a sync with nothing new (level recompute of every customer)'));

    env.log('loyalty: demo data…');
    resetLoyalty(db);
    t = performance.now();
    db.transaction(() => writeDemoLoyalty(db, asOf))();
    const demoMs = performance.now() - t;
    const demoEntries = db.prepare('SELECT count(*) FROM points_ledger').pluck().get() as number;
    const demoCopyMs = bareCopy(db, `order_date >= '${addDays(asOf, -6)}'`);
    results.push(result('loyalty.demo', demoEntries, demoMs, demoCopyMs, rssMb(), 'what `patron demo` adds: a week of earning, referrals, levels; baseline = copying that week of orders into a bare table'));
  } finally {
    db.close();
  }
  return results;
}
