import type { Database, Statement } from 'better-sqlite3';
import { BatchInsert } from './batch';
import type { Calendar } from './calendar';
import type { Plan } from './plan';
import type { Random } from './random';

/** What the orders, interactions and complaints of one customer are drawn from. */
export interface Profile {
  id: number;
  company: boolean;
  churner: boolean;
  ownerId: number;
  /** Index into PRODUCT_CATEGORIES the customer mostly buys. */
  category: number;
  /** Index into ORDER_CHANNELS the customer mostly orders through. */
  orderChannel: number;
  /** log-normal parameters of the customer's order amounts in yuan. */
  amountMu: number;
  amountSigma: number;
}

export interface Counts {
  contacts: number;
  orders: number;
  interactions: number;
  complaints: number;
}

export interface DemoContext {
  rng: Random;
  cal: Calendar;
  plan: Plan;
  insertCustomer: Statement;
  insertContact: Statement;
  insertCustomerTag: Statement;
  insertComplaint: Statement;
  orders: BatchInsert;
  interactions: BatchInsert;
  /** Scratch buffers reused for every customer: order days and interaction days. */
  orderDays: Int32Array;
  touchDays: Int32Array;
  salesStaff: number[];
  serviceStaff: number;
  orderSeq: number;
  counts: Counts;
}

const BATCH_ROWS = 100;

export function createContext(db: Database, rng: Random, cal: Calendar, plan: Plan, salesStaff: number[], serviceStaff: number): DemoContext {
  return {
    rng,
    cal,
    plan,
    insertCustomer: db.prepare(
      `INSERT INTO customers (id, code, kind, name, industry, region, source, owner_id, cooperation_start, status, phone, email, address, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertContact: db.prepare(
      `INSERT INTO contacts (customer_id, name, title, phone, email, wechat, birthday, is_primary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertCustomerTag: db.prepare('INSERT INTO customer_tags (customer_id, tag_id) VALUES (?, ?)'),
    insertComplaint: db.prepare(
      `INSERT INTO complaints (customer_id, opened_at, channel, category, severity, description, staff_id, first_response_at, resolved_at, resolution, satisfaction, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    orders: new BatchInsert(db, 'orders', ['customer_id', 'order_no', 'order_date', 'amount_cents', 'quantity', 'items', 'category', 'channel', 'created_at'], BATCH_ROWS),
    interactions: new BatchInsert(db, 'interactions', ['customer_id', 'occurred_at', 'channel', 'summary', 'staff_id', 'next_follow_up', 'created_at'], BATCH_ROWS),
    orderDays: new Int32Array(Math.max(1, plan.maxOrders)),
    touchDays: new Int32Array(64),
    salesStaff,
    serviceStaff,
    orderSeq: 0,
    counts: { contacts: 0, orders: 0, interactions: 0, complaints: 0 },
  };
}
