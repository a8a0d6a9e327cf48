import type { Database } from 'better-sqlite3';
import type { MonthlyRow, RollupRow } from './rollups';
import { ALL_CUSTOMERS, eachRollup, MonthCursor, scanInteractions, scanOrders, type CustomerRange } from './rollupScan';

/**
 * The repair check of the rollups: recompute both tables for a range of
 * customers from orders and interactions (the rebuild's scans), read what the
 * tables hold for the same range, and list only the rows that differ. Applying
 * the difference leaves the tables exactly as a full rebuild would, but writes
 * nothing where they are already right, so a repair of a healthy database
 * costs its reads alone and can run in several threads (rollupRepair.ts).
 */
export interface RollupDiff {
  /** Rows missing from customer_rollups or holding other values, as they should be. */
  rollups: RollupRow[];
  /** Customers with a customer_rollups row but no order or interaction. */
  staleRollups: number[];
  /** Rows missing from customer_monthly or holding other values, as they should be. */
  monthly: MonthlyRow[];
  /** customer_monthly rows of a month without orders or interactions. */
  staleMonths: { customer_id: number; month: string }[];
  /** How many rows the range should hold in each table. */
  expected: { rollups: number; monthly: number };
}

/** An empty difference, to merge parts into. */
function noDiff(): RollupDiff {
  return { rollups: [], staleRollups: [], monthly: [], staleMonths: [], expected: { rollups: 0, monthly: 0 } };
}

/** Adds `part` to `into` (parts of disjoint customer ranges). */
export function mergeDiff(into: RollupDiff, part: RollupDiff): RollupDiff {
  for (const r of part.rollups) into.rollups.push(r);
  for (const c of part.staleRollups) into.staleRollups.push(c);
  for (const m of part.monthly) into.monthly.push(m);
  for (const m of part.staleMonths) into.staleMonths.push(m);
  into.expected.rollups += part.expected.rollups;
  into.expected.monthly += part.expected.monthly;
  return into;
}

/**
 * Takes ranges from a shared list until none is left and diffs each, all in
 * one read transaction (one snapshot). `next` is one Int32 cell shared by every
 * thread taking part: whoever is free takes the next range, so a thread that
 * started late or runs on a busy core simply takes fewer.
 */
export function diffSharedRanges(db: Database, ranges: readonly CustomerRange[], next: Int32Array): RollupDiff {
  return db.transaction(() => {
    const diff = noDiff();
    for (;;) {
      const i = Atomics.add(next, 0, 1);
      const range = ranges[i];
      if (range === undefined) return diff;
      mergeDiff(diff, diffRollups(db, range));
    }
  }).deferred();
}

export function diffSize(diff: RollupDiff): number {
  return diff.rollups.length + diff.staleRollups.length + diff.monthly.length + diff.staleMonths.length;
}

type RollupSink = (customer: number, orders: number, days: number, total: number, first: string | null, last: string | null, interactions: number, lastAt: string | null) => void;
type MonthSink = (customer: number, month: string, orders: number, amount: number, interactions: number) => void;

interface TableSinks {
  rollup: RollupSink | null;
  month: MonthSink | null;
}

const sinksByConnection = new WeakMap<Database, TableSinks>();

/** Registered once per connection (redefining a function expires its prepared statements), as in rollupScan.ts. */
function tableSinks(db: Database): TableSinks {
  const known = sinksByConnection.get(db);
  if (known) return known;
  const sinks: TableSinks = { rollup: null, month: null };
  const options = { deterministic: false, directOnly: true };
  db.function('patron_check_rollup', options, (customer: number, orders: number, days: number, total: number, first: string | null, last: string | null, interactions: number, lastAt: string | null) => {
    sinks.rollup?.(customer, orders, days, total, first, last, interactions, lastAt);
    return null;
  });
  db.function('patron_check_month', options, (customer: number, month: string, orders: number, amount: number, interactions: number) => {
    sinks.month?.(customer, month, orders, amount, interactions);
    return null;
  });
  sinksByConnection.set(db, sinks);
  return sinks;
}

function outOfOrder(table: string, key: string): Error {
  return new Error(`rollup check: ${table} did not arrive in key order (at ${key})`);
}

/** What customer_rollups should hold for the range, in customer order. */
function expectedRollups(db: Database, range: CustomerRange): { rows: RollupRow[]; orders: ReturnType<typeof scanOrders>; interactions: ReturnType<typeof scanInteractions> } {
  const orders = scanOrders(db, range);
  const interactions = scanInteractions(db, range);
  const oc = orders.customers;
  const ic = interactions.customers;
  const rows: RollupRow[] = [];
  eachRollup(orders, interactions, (customer, o, i) => {
    rows.push({
      customer_id: customer,
      order_count: o < 0 ? 0 : (oc.orders[o] as number),
      order_days: o < 0 ? 0 : (oc.days[o] as number),
      total_cents: o < 0 ? 0 : (oc.total[o] as number),
      first_order_date: o < 0 ? null : (oc.first[o] as string),
      last_order_date: o < 0 ? null : (oc.last[o] as string),
      interaction_count: i < 0 ? 0 : (ic.count[i] as number),
      last_interaction_at: i < 0 ? null : (ic.last[i] as string),
    });
  });
  return { rows, orders, interactions };
}

function sameRollup(r: RollupRow, orders: number, days: number, total: number, first: string | null, last: string | null, interactions: number, lastAt: string | null): boolean {
  return r.order_count === orders && r.order_days === days && r.total_cents === total && r.first_order_date === first && r.last_order_date === last && r.interaction_count === interactions && r.last_interaction_at === lastAt;
}

/**
 * Compares both tables with a recomputation for `range`. Run it inside one
 * read transaction (or the writer's) so the scans and the table reads see the
 * same state.
 */
export function diffRollups(db: Database, range: CustomerRange = ALL_CUSTOMERS): RollupDiff {
  const sinks = tableSinks(db);
  const { rows: want, orders, interactions } = expectedRollups(db, range);
  const diff = noDiff();
  diff.expected.rollups = want.length;

  // customer_rollups against the expected rows: a merge of two ascending lists.
  let p = 0;
  let previous = Number.NEGATIVE_INFINITY;
  sinks.rollup = (customer, count, days, total, first, last, touches, lastAt) => {
    if (customer <= previous) throw outOfOrder('customer_rollups', String(customer));
    previous = customer;
    while (p < want.length && (want[p] as RollupRow).customer_id < customer) diff.rollups.push(want[p++] as RollupRow);
    const w = want[p];
    if (w?.customer_id === customer) {
      if (!sameRollup(w, count, days, total, first, last, touches, lastAt)) diff.rollups.push(w);
      p++;
    } else {
      diff.staleRollups.push(customer);
    }
  };
  try {
    db.prepare(
      'SELECT count(patron_check_rollup(customer_id, order_count, order_days, total_cents, first_order_date, last_order_date, interaction_count, last_interaction_at)) FROM customer_rollups WHERE customer_id >= ? AND customer_id < ?',
    )
      .pluck()
      .get(range.from, range.to);
  } finally {
    sinks.rollup = null;
  }
  while (p < want.length) diff.rollups.push(want[p++] as RollupRow);

  // customer_monthly: the expected rows come from a cursor over both scans'
  // months, moved in key order beside the stored rows.
  const om = orders.months;
  const im = interactions.months;
  const wanted = new MonthCursor(om, im);
  let more = wanted.next();
  let expectedMonths = 0;
  let lastCustomer = Number.NEGATIVE_INFINITY;
  let lastMonth = '';
  sinks.month = (customer, month, count, amount, touches) => {
    if (customer < lastCustomer || (customer === lastCustomer && month <= lastMonth)) throw outOfOrder('customer_monthly', `${String(customer)} ${month}`);
    lastCustomer = customer;
    lastMonth = month;
    while (more && (wanted.customer < customer || (wanted.customer === customer && wanted.month < month))) {
      diff.monthly.push(wanted.row());
      expectedMonths++;
      more = wanted.next();
    }
    if (more && wanted.customer === customer && wanted.month === month) {
      const o = wanted.o;
      const i = wanted.i;
      const same = (o < 0 ? count === 0 && amount === 0 : om.orders[o] === count && om.amount[o] === amount) && (i < 0 ? touches === 0 : im.count[i] === touches);
      if (!same) diff.monthly.push(wanted.row());
      expectedMonths++;
      more = wanted.next();
    } else {
      diff.staleMonths.push({ customer_id: customer, month });
    }
  };
  try {
    db.prepare('SELECT count(patron_check_month(customer_id, month, order_count, amount_cents, interaction_count)) FROM customer_monthly WHERE customer_id >= ? AND customer_id < ?')
      .pluck()
      .get(range.from, range.to);
  } finally {
    sinks.month = null;
  }
  for (; more; more = wanted.next()) {
    diff.monthly.push(wanted.row());
    expectedMonths++;
  }
  diff.expected.monthly = expectedMonths;
  return diff;
}

/** Writes a difference into the tables: inside the caller's write transaction, with the state the difference was taken from. */
export function applyRollupDiff(db: Database, diff: RollupDiff): void {
  const putRollup = db.prepare<RollupRow>(
    `INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date, interaction_count, last_interaction_at)
     VALUES (@customer_id, @order_count, @order_days, @total_cents, @first_order_date, @last_order_date, @interaction_count, @last_interaction_at)
     ON CONFLICT (customer_id) DO UPDATE SET order_count = excluded.order_count, order_days = excluded.order_days, total_cents = excluded.total_cents,
       first_order_date = excluded.first_order_date, last_order_date = excluded.last_order_date, interaction_count = excluded.interaction_count,
       last_interaction_at = excluded.last_interaction_at`,
  );
  const dropRollup = db.prepare<[number]>('DELETE FROM customer_rollups WHERE customer_id = ?');
  const putMonth = db.prepare<MonthlyRow>(
    `INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
     VALUES (@customer_id, @month, @order_count, @amount_cents, @interaction_count)
     ON CONFLICT (customer_id, month) DO UPDATE SET order_count = excluded.order_count, amount_cents = excluded.amount_cents, interaction_count = excluded.interaction_count`,
  );
  const dropMonth = db.prepare<[number, string]>('DELETE FROM customer_monthly WHERE customer_id = ? AND month = ?');
  for (const r of diff.rollups) putRollup.run(r);
  for (const c of diff.staleRollups) dropRollup.run(c);
  for (const m of diff.monthly) putMonth.run(m);
  for (const m of diff.staleMonths) dropMonth.run(m.customer_id, m.month);
}
