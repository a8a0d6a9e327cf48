import type { Database } from 'better-sqlite3';
import type { MonthlyRow } from './rollups';

/**
 * The read half of the rollup rebuild: one pass over orders and one over
 * interactions, each in the order of its covering index (customer, then date),
 * folded into per-customer and per-customer-month columns in memory.
 *
 * Why in JavaScript: SQLite can only group by calendar month after sorting
 * every row (the index is ordered by date, not by month; docs/segmentation.md,
 * Bulk-load rebuild), and count(DISTINCT order_date) builds a temporary index per
 * customer. Rows that arrive already ordered need no sort at all: a month or a
 * day ends where the next row's differs. Each row is handed to an SQL function
 * inside one count() (no row object is made per order), the same pattern as
 * the segmentation input read (segments.ts).
 */

export interface OrderScan {
  /** Per customer with orders, ascending ids. */
  customers: { id: Int32Array; orders: Int32Array; days: Int32Array; total: Float64Array; first: string[]; last: string[]; n: number };
  /** Per customer and month with orders, ascending (customer, month); the month as a code (monthCode). */
  months: { customer: Int32Array; month: Int32Array; orders: Int32Array; amount: Float64Array; n: number };
}

export interface InteractionScan {
  customers: { id: Int32Array; count: Int32Array; last: string[]; n: number };
  months: { customer: Int32Array; month: string[]; count: Int32Array; n: number };
}

/** Customer ids from `from` up to, not including, `to`: the share of one scanning thread. */
export interface CustomerRange {
  from: number;
  to: number;
}

/** Every customer id. */
export const ALL_CUSTOMERS: CustomerRange = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

type OrderRow = (customer: number, date: string, amount: number) => void;
type InteractionRow = (customer: number, at: string) => void;

interface ScanSinks {
  order: OrderRow | null;
  interaction: InteractionRow | null;
}

const sinksByConnection = new WeakMap<Database, ScanSinks>();

/** Registered once per connection: redefining a function expires the connection's prepared statements. */
function scanSinks(db: Database): ScanSinks {
  const known = sinksByConnection.get(db);
  if (known) return known;
  const sinks: ScanSinks = { order: null, interaction: null };
  const options = { deterministic: false, directOnly: true };
  db.function('patron_rollup_order', options, (customer: number, date: string, amount: number) => {
    sinks.order?.(customer, date, amount);
    return null;
  });
  db.function('patron_rollup_interaction', options, (customer: number, at: string) => {
    sinks.interaction?.(customer, at);
    return null;
  });
  sinksByConnection.set(db, sinks);
  return sinks;
}

/** Grows a typed column to hold at least `need` entries. */
function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * The scans read a covering index from start to end (INDEXED BY: the
 * statement fails if the index is gone), so rows come in index order; a
 * customer id going down would mean otherwise, and the fold would be wrong.
 */
function outOfOrder(table: string, customer: number): Error {
  return new Error(`rollup rebuild: ${table} did not arrive in customer order (customer ${String(customer)} after a higher id)`);
}

/**
 * An order date's month as one number, YYYY·100 + MM: no string is made per
 * month (1.86M of them at 10M orders, each kept until the scan ends). Order
 * dates are always YYYY-MM-DD (the table's CHECK: date(order_date) IS order_date).
 */
function monthCode(date: string): number {
  // Digits by char code (48 is "0"); no helper closure: it would be made anew on every call.
  return (date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 48 * 1111) * 100 + date.charCodeAt(5) * 10 + date.charCodeAt(6) - 48 * 11;
}

const monthTexts = new Map<number, string>();

/** A month code (monthCode) as the YYYY-MM text substr(order_date, 1, 7) gives, one string per month kept. */
function monthText(code: number): string {
  let text = monthTexts.get(code);
  if (text === undefined) {
    text = `${String(Math.floor(code / 100)).padStart(4, '0')}-${String(code % 100).padStart(2, '0')}`;
    monthTexts.set(code, text);
  }
  return text;
}

/** Whether two dates or timestamps share their first 7 characters (the month, as substr(x, 1, 7) takes it), without making a string. */
function sameMonth(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return a.slice(0, 7) === b.slice(0, 7);
  for (let i = 0; i < 7; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

export function scanOrders(db: Database, range: CustomerRange = ALL_CUSTOMERS): OrderScan {
  const sinks = scanSinks(db);
  const guess = 1 << 16;
  const c = { id: new Int32Array(1024), orders: new Int32Array(1024), days: new Int32Array(1024), total: new Float64Array(1024), first: [] as string[], last: [] as string[], n: 0 };
  const m = { customer: new Int32Array(guess), month: new Int32Array(guess), orders: new Int32Array(guess), amount: new Float64Array(guess), n: 0 };
  // The customer and month being folded live in locals; they go into the
  // columns when the next row starts another month or customer.
  let customer = -1;
  let lastDate = '';
  let firstDate = '';
  let monthStart = '';
  let orders = 0;
  let days = 0;
  let total = 0;
  let monthOrders = 0;
  let monthAmount = 0;
  const endMonth = (): void => {
    const j = m.n++;
    if (j >= m.customer.length) {
      m.customer = grow(m.customer, j + 1);
      m.month = grow(m.month, j + 1);
      m.orders = grow(m.orders, j + 1);
      m.amount = grow(m.amount, j + 1);
    }
    m.customer[j] = customer;
    m.month[j] = monthCode(monthStart);
    m.orders[j] = monthOrders;
    m.amount[j] = monthAmount;
  };
  const endCustomer = (): void => {
    endMonth();
    const i = c.n++;
    if (i >= c.id.length) {
      c.id = grow(c.id, i + 1);
      c.orders = grow(c.orders, i + 1);
      c.days = grow(c.days, i + 1);
      c.total = grow(c.total, i + 1);
    }
    c.id[i] = customer;
    c.orders[i] = orders;
    c.days[i] = days;
    c.total[i] = total;
    c.first.push(firstDate);
    c.last.push(lastDate);
  };
  sinks.order = (id, date, amount) => {
    if (id !== customer) {
      if (id < customer) throw outOfOrder('orders', id);
      if (customer !== -1) endCustomer();
      customer = id;
      firstDate = monthStart = lastDate = date;
      orders = total = monthOrders = monthAmount = 0;
      days = 1;
    } else if (date !== lastDate) {
      if (!sameMonth(date, lastDate)) {
        endMonth();
        monthStart = date;
        monthOrders = monthAmount = 0;
      }
      days++;
      lastDate = date;
    }
    orders++;
    total += amount;
    monthOrders++;
    monthAmount += amount;
  };
  try {
    db.prepare('SELECT count(patron_rollup_order(customer_id, order_date, amount_cents)) FROM orders INDEXED BY orders_customer_date WHERE customer_id >= ? AND customer_id < ?')
      .pluck()
      .get(range.from, range.to);
    if (customer !== -1) endCustomer();
  } finally {
    sinks.order = null;
  }
  return { customers: c, months: m };
}

export function scanInteractions(db: Database, range: CustomerRange = ALL_CUSTOMERS): InteractionScan {
  const sinks = scanSinks(db);
  const c = { id: new Int32Array(1024), count: new Int32Array(1024), last: [] as string[], n: 0 };
  const m = { customer: new Int32Array(1024), month: [] as string[], count: new Int32Array(1024), n: 0 };
  // As in scanOrders: the customer and month being folded live in locals and
  // go into the columns when the next row starts another month or customer.
  let customer = -1;
  let count = 0;
  let lastAt = '';
  let monthAt = '';
  let monthCount = 0;
  const endMonth = (): void => {
    const j = m.n++;
    if (j >= m.customer.length) {
      m.customer = grow(m.customer, j + 1);
      m.count = grow(m.count, j + 1);
    }
    m.customer[j] = customer;
    m.month.push(monthAt.slice(0, 7));
    m.count[j] = monthCount;
  };
  const endCustomer = (): void => {
    endMonth();
    const i = c.n++;
    if (i >= c.id.length) {
      c.id = grow(c.id, i + 1);
      c.count = grow(c.count, i + 1);
    }
    c.id[i] = customer;
    c.count[i] = count;
    c.last.push(lastAt);
  };
  sinks.interaction = (id, at) => {
    if (id !== customer) {
      if (id < customer) throw outOfOrder('interactions', id);
      if (customer !== -1) endCustomer();
      customer = id;
      count = monthCount = 0;
      monthAt = at;
    } else if (!sameMonth(at, lastAt)) {
      endMonth();
      monthAt = at;
      monthCount = 0;
    }
    count++;
    monthCount++;
    lastAt = at;
  };
  try {
    db.prepare('SELECT count(patron_rollup_interaction(customer_id, occurred_at)) FROM interactions INDEXED BY interactions_customer_time WHERE customer_id >= ? AND customer_id < ?')
      .pluck()
      .get(range.from, range.to);
    if (customer !== -1) endCustomer();
  } finally {
    sinks.interaction = null;
  }
  return { customers: c, months: m };
}

/**
 * The rollup rows the two scans make, in customer order: `o` and `i` index the
 * order and interaction scans' customers (-1: none of that kind). One merge for
 * every consumer (the rebuild writes the rows, the repair check compares them).
 */
export function eachRollup(orders: OrderScan, interactions: InteractionScan, visit: (customer: number, o: number, i: number) => void): void {
  const oc = orders.customers;
  const ic = interactions.customers;
  for (let i = 0, j = 0; i < oc.n || j < ic.n; ) {
    const a = i < oc.n ? (oc.id[i] as number) : Infinity;
    const b = j < ic.n ? (ic.id[j] as number) : Infinity;
    if (a < b) visit(a, i++, -1);
    else if (a === b) visit(a, i++, j++);
    else visit(b, -1, j++);
  }
}

/**
 * Walks the monthly rows the two scans make, in (customer, month) order: after
 * each `next()` that returns true, `o` and `i` index the scans' months (-1:
 * none of that kind). The one merge of both scans' months: the rebuild writes
 * the rows (eachMonth), the repair check compares them with the table's.
 */
export class MonthCursor {
  customer = 0;
  month = '';
  o = -1;
  i = -1;
  private nextOrder = 0;
  private nextTouch = 0;

  constructor(
    private readonly orders: OrderScan['months'],
    private readonly touches: InteractionScan['months'],
  ) {}

  next(): boolean {
    const om = this.orders;
    const im = this.touches;
    const i = this.nextOrder;
    const j = this.nextTouch;
    if (i >= om.n && j >= im.n) return false;
    const a = i < om.n ? (om.customer[i] as number) : Infinity;
    const b = j < im.n ? (im.customer[j] as number) : Infinity;
    const am = i < om.n ? monthText(om.month[i] as number) : '';
    const bm = j < im.n ? (im.month[j] as string) : '';
    const fromOrders = a < b || (a === b && am <= bm);
    const fromTouches = b < a || (a === b && bm <= am);
    this.customer = fromOrders ? a : b;
    this.month = fromOrders ? am : bm;
    this.o = fromOrders ? this.nextOrder++ : -1;
    this.i = fromTouches ? this.nextTouch++ : -1;
    return true;
  }

  /** The row the cursor is on, as customer_monthly should hold it. */
  row(): MonthlyRow {
    const o = this.o;
    const i = this.i;
    return {
      customer_id: this.customer,
      month: this.month,
      order_count: o < 0 ? 0 : (this.orders.orders[o] as number),
      amount_cents: o < 0 ? 0 : (this.orders.amount[o] as number),
      interaction_count: i < 0 ? 0 : (this.touches.count[i] as number),
    };
  }
}

/** The monthly rows the two scans make, in (customer, month) order: `o` and `i` index the scans' months (-1: none of that kind). */
export function eachMonth(orders: OrderScan, interactions: InteractionScan, visit: (customer: number, month: string, o: number, i: number) => void): void {
  const cursor = new MonthCursor(orders.months, interactions.months);
  while (cursor.next()) visit(cursor.customer, cursor.month, cursor.o, cursor.i);
}
