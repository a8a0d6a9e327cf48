import type { Database, Statement } from 'better-sqlite3';
import { BatchInsert } from '../../db/bulkLoad';
import { DEMO_INTERACTION_COLUMNS, DEMO_ORDER_COLUMNS, demoWrites } from '../../db/demo';
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

interface Counts {
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
  const writes = demoWrites(db);
  return {
    rng,
    cal,
    plan,
    insertCustomer: writes.customer,
    insertContact: writes.contact,
    insertCustomerTag: writes.customerTag,
    insertComplaint: writes.complaint,
    orders: new BatchInsert(db, 'orders', DEMO_ORDER_COLUMNS, BATCH_ROWS),
    interactions: new BatchInsert(db, 'interactions', DEMO_INTERACTION_COLUMNS, BATCH_ROWS),
    orderDays: new Int32Array(Math.max(1, plan.maxOrders)),
    touchDays: new Int32Array(64),
    salesStaff,
    serviceStaff,
    orderSeq: 0,
    counts: { contacts: 0, orders: 0, interactions: 0, complaints: 0 },
  };
}
