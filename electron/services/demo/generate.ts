/**
 * Deterministic demo data: a small Chinese business's three years of
 * customers, contacts, orders, interactions and complaints, shaped so that
 * RFM/CLV segmentation and churn warnings have something real to find.
 * Everything is drawn from a seeded generator, so the same options always
 * give the same rows; the same code fills 2,000 customers for a demo and
 * 100,000 customers / 10 million orders for benchmarks.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { NEED_TAGS, STAFF } from '../../../resources/demo/words';
import { openDatabase } from '../../db/connection';
import { deferIndexes } from '../../db/bulkLoad';
import { demoWrites, finishFastFill, isEmptyForDemo, startFastFill } from '../../db/demo';
import { suspendRollupTriggers } from '../../db/rollups';
import { writeComplaints, writeInteractions } from './activity';
import { buildCalendar, isoDay, type Calendar } from './calendar';
import { createContext, type DemoContext } from './context';
import { deriveStatus, writeCustomer } from './customers';
import { sampleOrderDays, writeOrders } from './orders';
import { mobile } from './people';
import { writeDemoSurveys } from './surveys';
import { planCustomers } from './plan';
import { Random } from './random';
import { storeSearchKeys } from '../searchKeys';
import { writeDemoLoyalty } from './loyalty';

export interface DemoOptions {
  customers: number;
  orders: number;
  /** Default 20260101. */
  seed?: number;
  /** YYYY-MM-DD, the last day of data. */
  asOf: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  customers: number;
  contacts: number;
  orders: number;
  interactions: number;
  complaints: number;
  staff: number;
  tags: number;
  asOf: string;
  seed: number;
}

export const DEFAULT_DEMO = { customers: 2000, orders: 30000 } as const;

const DEFAULT_SEED = 20260101;
const PROGRESS_EVERY = 50_000;
// Independent random streams, so adding draws to one part leaves the others unchanged.
const STREAM_STAFF = 0;
const STREAM_PLAN = 1;
const STREAM_ROWS = 2;
/** Tables whose out-of-order indexes are rebuilt after the bulk load rather than maintained during it. */
const BULK_TABLES = ['customers', 'contacts', 'customer_tags', 'orders', 'interactions', 'complaints'] as const;

/** Fills an empty, migrated database (better-sqlite3 Database). One transaction. Same options => byte-identical rows. */
export function generateDemo(db: Database, opts: DemoOptions): DemoSummary {
  validateOptions(opts);
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const cal = buildCalendar(opts.asOf);
  assertEmpty(db);
  return db.transaction((): DemoSummary => {
    const staff = writeStaff(db, cal, new Random(seed, STREAM_STAFF));
    writeTags(db);
    const plan = planCustomers(new Random(seed, STREAM_PLAN), cal, opts.customers, opts.orders);
    const restoreIndexes = deferIndexes(db, BULK_TABLES, 'customer_id');
    // Per-row rollup triggers would cost an upsert per order; one rebuild at the end is far cheaper.
    const restoreRollups = suspendRollupTriggers(db);
    const ctx = createContext(db, new Random(seed, STREAM_ROWS), cal, plan, staff.sales, staff.service);
    const progress = new Progress(opts.onProgress, opts.customers + plan.totalOrders);
    for (let i = 0; i < opts.customers; i++) progress.add(writeCustomerWithActivity(ctx, i));
    ctx.orders.flush();
    ctx.interactions.flush();
    restoreIndexes();
    restoreRollups();
    storeSearchKeys(db);
    // Demo data that other domains derive from the rows above.
    // Stream 40: its own sequence, so survey rows never shift the customers' draws.
    writeDemoSurveys(db, new Random(seed, 40), opts.asOf, opts.customers, [...staff.sales, staff.service]);
    writeDemoLoyalty(db, opts.asOf);
    progress.finish();
    return {
      customers: opts.customers,
      ...ctx.counts,
      staff: STAFF.length,
      tags: NEED_TAGS.length,
      asOf: opts.asOf,
      seed,
    };
  })();
}

/** Writes customer `i` and everything that hangs off it; returns the progress units done (1 + orders). */
function writeCustomerWithActivity(ctx: DemoContext, i: number): number {
  const orderCount = sampleOrderDays(ctx, i);
  const lastOrderDay = orderCount > 0 ? (ctx.orderDays[orderCount - 1] ?? -1) : -1;
  const status = deriveStatus(lastOrderDay, ctx.plan.isChurner[i] === 1, ctx.cal.days - 1);
  const profile = writeCustomer(ctx, i, status);
  writeOrders(ctx, profile, orderCount);
  writeInteractions(ctx, i, profile, orderCount);
  writeComplaints(ctx, i, profile, orderCount);
  return 1 + orderCount;
}

/**
 * Creates a new database file at `file` with the demo data. It is built at
 * `${file}.partial` with journalling off and renamed into place only when
 * complete, so a killed run never leaves a half-made database at `file`.
 * Refuses to touch an existing `file`.
 */
export function createDemoDatabase(file: string, opts: DemoOptions & { nativeBinding?: string }): DemoSummary {
  if (existsSync(file)) throw new Error(`Cannot create the demo database: ${file} already exists. Choose another file or remove it first.`);
  validateOptions(opts);
  const partial = `${file}.partial`;
  removeDatabaseFiles(partial); // left over from a run that was killed
  const { db } = openDatabase(partial, { create: true, nativeBinding: opts.nativeBinding });
  let summary: DemoSummary;
  try {
    // If anything fails the partial file is thrown away anyway; checking generated rows
    // one by one would cost a parent lookup and a date() parse per order.
    startFastFill(db);
    summary = generateDemo(db, opts);
    finishFastFill(db);
    db.close();
  } catch (err) {
    if (db.open) db.close();
    removeDatabaseFiles(partial);
    throw err;
  }
  if (existsSync(file)) {
    removeDatabaseFiles(partial);
    throw new Error(`Cannot create the demo database: ${file} appeared while it was being built.`);
  }
  renameSync(partial, file);
  return summary;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function validateOptions(opts: DemoOptions): void {
  if (!Number.isInteger(opts.customers) || opts.customers < 1) throw new RangeError(`customers must be a positive integer, got ${opts.customers}`);
  if (!Number.isInteger(opts.orders) || opts.orders < 0) throw new RangeError(`orders must be a non-negative integer, got ${opts.orders}`);
  if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw new RangeError(`seed must be an integer, got ${opts.seed}`);
}

function assertEmpty(db: Database): void {
  if (!isEmptyForDemo(db)) throw new Error(`demo data can only be generated into an empty database; ${db.name} already has staff, customers, tags or orders`);
}

/** Staff ids follow STAFF order: the sales representatives first, then the manager and the service agent. */
function writeStaff(db: Database, cal: Calendar, rng: Random): { sales: number[]; service: number } {
  const insert = demoWrites(db).staff;
  const createdAt = `${isoDay(cal, -730)}T01:00:00.000Z`; // the team predates the data window
  const sales: number[] = [];
  let service = 0;
  STAFF.forEach(([name, pinyin, role], k) => {
    const id = k + 1;
    insert.run(id, name, `${pinyin}@patron-demo.cn`, mobile(rng), role, createdAt);
    if (role === 'sales') sales.push(id);
    if (role === 'service') service = id;
  });
  return { sales, service };
}

function writeTags(db: Database): void {
  const insert = demoWrites(db).tag;
  NEED_TAGS.forEach((name, k) => insert.run(k + 1, name));
}

class Progress {
  private done = 0;
  private next = PROGRESS_EVERY;

  constructor(
    private readonly onProgress: DemoOptions['onProgress'],
    private readonly total: number,
  ) {}

  add(units: number): void {
    this.done += units;
    if (this.onProgress && this.done >= this.next) {
      this.onProgress(this.done, this.total);
      this.next = this.done + PROGRESS_EVERY;
    }
  }

  finish(): void {
    this.onProgress?.(this.total, this.total);
  }
}
