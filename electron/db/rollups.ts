import type { Database } from 'better-sqlite3';
import { recreateEmpty } from './recreate';
import { eachMonth, eachRollup, scanInteractions, scanOrders, type CustomerRange } from './rollupScan';

/**
 * Per-customer rollups (customer_rollups, customer_monthly). Triggers from
 * migration 0002 keep them current on every order or interaction write; this
 * module holds the full rebuild for repair and for bulk loads that suspend the
 * triggers, and the comparison the repair check uses.
 */
export interface RollupRow {
  customer_id: number;
  order_count: number;
  order_days: number;
  total_cents: number;
  first_order_date: string | null;
  last_order_date: string | null;
  interaction_count: number;
  last_interaction_at: string | null;
}

export interface MonthlyRow {
  customer_id: number;
  month: string;
  order_count: number;
  amount_cents: number;
  interaction_count: number;
}

export const ROLLUP_TABLES = ['customer_monthly', 'customer_rollups'] as const;

const BATCH_ROWS = 128;

/**
 * An INSERT of many rows per statement: with one run() per row most of the
 * time goes to the call itself, so a statement carries BATCH_ROWS rows
 * (docs/segmentation.md, Bulk-load rebuild).
 */
function batchedInsert(db: Database, into: string, width: number) {
  const row = `(${Array(width).fill('?').join(', ')})`;
  const many = db.prepare(`INSERT INTO ${into} VALUES ${Array(BATCH_ROWS).fill(row).join(', ')}`);
  const one = db.prepare(`INSERT INTO ${into} VALUES ${row}`);
  const args: (number | string | null)[] = new Array<number | string | null>(BATCH_ROWS * width);
  let filled = 0;
  return {
    add(...values: (number | string | null)[]): void {
      for (const v of values) args[filled++] = v;
      if (filled === args.length) {
        many.run(args);
        filled = 0;
      }
    },
    flush(): void {
      for (let i = 0; i < filled; i += width) one.run(args.slice(i, i + width));
      filled = 0;
    },
  };
}

/**
 * Writes the scanned columns (rollupScan.ts) into both tables, emptied first
 * by dropping and recreating them (recreate.ts: a DELETE of a million monthly
 * rows went row by row). Rows go in primary-key order, so every insert appends
 * to the last page; the month index is built once after the rows are in.
 */
function rebuild(db: Database): void {
  const orders = scanOrders(db);
  const interactions = scanInteractions(db);
  const makeIndexes = recreateEmpty(db, ROLLUP_TABLES);
  const rollup = batchedInsert(db, 'customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date, interaction_count, last_interaction_at)', 8);
  const oc = orders.customers;
  const ic = interactions.customers;
  eachRollup(orders, interactions, (customer, o, i) => {
    if (o < 0) rollup.add(customer, 0, 0, 0, null, null, ic.count[i] as number, ic.last[i] as string);
    else rollup.add(customer, oc.orders[o] as number, oc.days[o] as number, oc.total[o] as number, oc.first[o] as string, oc.last[o] as string, i < 0 ? 0 : (ic.count[i] as number), i < 0 ? null : (ic.last[i] as string));
  });
  rollup.flush();
  const monthly = batchedInsert(db, 'customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)', 5);
  const om = orders.months;
  const im = interactions.months;
  eachMonth(orders, interactions, (customer, month, o, i) => {
    monthly.add(customer, month, o < 0 ? 0 : (om.orders[o] as number), o < 0 ? 0 : (om.amount[o] as number), i < 0 ? 0 : (im.count[i] as number));
  });
  monthly.flush();
  makeIndexes();
}

/**
 * Recomputes both tables from orders and interactions. Runs inside the
 * caller's transaction if there is one. Otherwise it owns the connection for
 * its one transaction and switches foreign key checks off around it (the
 * pragma cannot change inside a transaction): every row it writes comes from
 * an order or interaction whose customer_id the same constraint already
 * holds to an existing customer, so the check would prove nothing, yet it
 * costs one seek into customers per written row (a million monthly rows at
 * 1M orders, about a third of writing them).
 */
export function rebuildRollups(db: Database): void {
  if (db.inTransaction) {
    rebuild(db);
    return;
  }
  const checked = db.pragma('foreign_keys', { simple: true }) === 1;
  if (checked) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => rebuild(db)).immediate();
  } finally {
    if (checked) db.pragma('foreign_keys = ON');
  }
}

/** Customer ids read per range for the split's weights: enough for even shares, few enough to cost a few ms. */
const SAMPLES_PER_RANGE = 256;

/**
 * Splits every customer id into `parts` consecutive ranges holding about the
 * same number of orders and interactions, by the rollups as they stand of a
 * sample of the ids (every k-th, about 256 per range: 4k rows of 100k, a few
 * ms). A stale count or the sample only makes the shares less even, and the
 * repair's threads take ranges as they come, so that costs little. The first
 * range starts at the lowest id there could be and the last ends past the
 * highest, so together they cover customers the rollups do not know yet.
 */
export function rollupSplit(db: Database, parts: number): CustomerRange[] {
  const span = db.prepare<[], [number | null, number | null]>('SELECT min(customer_id), max(customer_id) FROM customer_rollups').raw().get();
  const every = Math.max(1, Math.floor(((span?.[1] ?? 0) - (span?.[0] ?? 0) + 1) / (parts * SAMPLES_PER_RANGE)));
  const rows = db
    .prepare<[number], [number, number]>('SELECT customer_id, order_count + interaction_count + 1 FROM customer_rollups WHERE customer_id % ? = 0 ORDER BY customer_id')
    .raw()
    .all(every);
  let total = 0;
  for (const r of rows) total += r[1];
  const ranges: CustomerRange[] = [];
  let from = Number.MIN_SAFE_INTEGER;
  let seen = 0;
  for (const [customer, weight] of rows) {
    if (ranges.length === parts - 1) break;
    if (seen >= (total * (ranges.length + 1)) / parts && customer > from) {
      ranges.push({ from, to: customer });
      from = customer;
    }
    seen += weight;
  }
  ranges.push({ from, to: Number.MAX_SAFE_INTEGER });
  return ranges;
}

export function rollupQueries(db: Database) {
  const all = db.prepare<[], RollupRow>('SELECT * FROM customer_rollups ORDER BY customer_id');
  const monthly = db.prepare<[], MonthlyRow>('SELECT * FROM customer_monthly ORDER BY customer_id, month');
  const one = db.prepare<[number], RollupRow>('SELECT * FROM customer_rollups WHERE customer_id = ?');
  return {
    all: () => all.all(),
    monthly: () => monthly.all(),
    get: (customerId: number) => one.get(customerId) ?? null,
  };
}

/**
 * For bulk loads (the demo generator, a large import): drops the rollup
 * triggers and returns a function that rebuilds the rollups in one pass and
 * puts the triggers back exactly as the schema defines them. Call both inside
 * the same transaction, so no other writer ever sees the triggers missing.
 */
export function suspendRollupTriggers(db: Database): () => void {
  const triggers = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('orders', 'interactions') AND name LIKE '%rollup%' ORDER BY name")
    .all();
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    rebuildRollups(db);
    for (const t of triggers) db.exec(t.sql);
  };
}
