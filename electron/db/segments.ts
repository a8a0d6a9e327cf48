import type { Database } from 'better-sqlite3';
import { tiers, type Tier } from '../../shared/domain/enums';
import { lifecycleStages } from '../../shared/analytics/lifecycle';
import { quadrants } from '../../shared/analytics/quadrant';
import { recreateEmpty } from './recreate';
import type { LifecycleStage } from '../../shared/analytics/lifecycle';
import type { Quadrant } from '../../shared/analytics/quadrant';
import type { SegmentOutput, SegmentResultColumns } from '../../shared/analytics/segmentation';
import { emptySegmentColumns, sortSegmentColumnsById, truncateSegmentColumns, type SegmentColumns } from '../../shared/analytics/segmentColumns';

/** A row of segment_results: exactly what the segmentation computes per customer. */
export type SegmentResultRow = SegmentOutput;

export interface SegmentRunRecord {
  id: number;
  started_at: string;
  finished_at: string;
  as_of: string;
  trigger: 'manual' | 'daily' | 'import' | 'cli';
  settings: string;
  clv: string;
  summary: string;
  customers: number;
}

/** What the customer grid shows per customer (for the lead's grid columns). */
export interface CustomerSegmentColumns {
  customer_id: number;
  tier: Tier;
  tier_override: Tier | null;
  effective_tier: Tier;
  quadrant: Quadrant;
  lifecycle: LifecycleStage;
  predicted_cents: number | null;
}

/** How many of the newest runs keep their per-customer tiers (older runs are pruned). */
const RUNS_KEPT = 30;

const UNIX_EPOCH_JULIAN_DAY = 2440587.5;
/** Rows per INSERT of segment results: fewer statement calls, well under SQLite's 32,766 parameters. */
const RESULT_BATCH = 100;
const RESULT_COLUMNS = 'customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents, predicted_cents, p_alive, expected_purchases';

/** Index of `id` in the ascending `ids`, or -1. */
function positionOf(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Position lookup for the ascending `ids`: a direct table by id when ids are
 * dense enough (the usual case: a few deleted or merged customers), else a
 * binary search. Called once per monthly row of the lifecycle windows.
 */
function positionsById(ids: Float64Array): (id: number) => number {
  const n = ids.length;
  const maxId = n === 0 ? 0 : (ids[n - 1] as number);
  if (maxId > 4 * n + 1024) return (id) => positionOf(ids, id);
  const table = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < n; i++) table[ids[i] as number] = i;
  return (id) => (id >= 0 && id <= maxId ? (table[id] as number) : -1);
}

/** Object rows (tests, small callers) as result columns. */
function columnsOfRows(rows: readonly SegmentResultRow[]): SegmentResultColumns {
  const n = rows.length;
  const f = (pick: (r: SegmentResultRow) => number | null) => Float64Array.from(rows, (r) => pick(r) ?? Number.NaN);
  const u = (pick: (r: SegmentResultRow) => number) => Uint8Array.from(rows, pick);
  return {
    n,
    customerId: f((r) => r.customer_id),
    score1: u((r) => r.score_1),
    score2: u((r) => r.score_2),
    score3: u((r) => r.score_3),
    composite: f((r) => r.composite),
    tier: u((r) => tiers.indexOf(r.tier)),
    quadrant: u((r) => quadrants.indexOf(r.quadrant)),
    lifecycle: u((r) => lifecycleStages.indexOf(r.lifecycle)),
    valueCents: f((r) => r.value_cents),
    predictedCents: f((r) => r.predicted_cents),
    pAlive: f((r) => r.p_alive),
    expectedPurchases: f((r) => r.expected_purchases),
  };
}

type InputRow = (id: number, company: number, orders: number | null, days: number | null, total: number | null, first: number | null, last: number | null, coop: number | null) => void;

/** Where the SQL functions of the input read deliver their rows on one connection (set only while a read runs). */
interface InputSinks {
  customer: InputRow | null;
  window: ((id: number, recent: number, activity: number) => void) | null;
  needTags: ((id: number, count: number) => void) | null;
}

const sinksByConnection = new WeakMap<Database, InputSinks>();

/**
 * Registers the row-delivering SQL functions once per connection (redefining
 * a function expires every prepared statement of the connection and fails
 * while one is running). Each call hands one row's values straight to the read
 * in progress: better-sqlite3 makes an array or object per returned row, which
 * for 100,000 customers cost more than SQLite's whole join, while a function
 * call per row inside one aggregate costs a fraction of that.
 */
function inputSinks(db: Database): InputSinks {
  const known = sinksByConnection.get(db);
  if (known) return known;
  const sinks: InputSinks = { customer: null, window: null, needTags: null };
  const options = { deterministic: false, directOnly: true };
  db.function('patron_segment_input', options, (id: number, company: number, orders: number | null, days: number | null, total: number | null, first: number | null, last: number | null, coop: number | null) => {
    sinks.customer?.(id, company, orders, days, total, first, last, coop);
    return null;
  });
  db.function('patron_segment_window', options, (id: number, recent: number, activity: number) => {
    sinks.window?.(id, recent, activity);
    return null;
  });
  db.function('patron_segment_need_tags', options, (id: number, count: number) => {
    sinks.needTags?.(id, count);
    return null;
  });
  sinksByConnection.set(db, sinks);
  return sinks;
}

export function segmentQueries(db: Database) {
  const sinks = inputSinks(db);
  // One pass over customers (covering index) joined to their rollups by key,
  // passing only numbers: dates go as day numbers (julianday − the Unix
  // epoch's, exact for dates), so no string is made per customer. Every row
  // goes to patron_segment_input inside count(): no row object is made, and
  // the one result row is the number of customers delivered.
  const base = db
    .prepare<[], number>(
      `SELECT count(patron_segment_input(c.id, c.kind = 'company', r.order_count, r.order_days, r.total_cents,
              julianday(r.first_order_date) - ${UNIX_EPOCH_JULIAN_DAY}, julianday(r.last_order_date) - ${UNIX_EPOCH_JULIAN_DAY}, julianday(c.cooperation_start) - ${UNIX_EPOCH_JULIAN_DAY}))
         FROM customers c LEFT JOIN customer_rollups r ON r.customer_id = c.id`,
    )
    .pluck();
  // The lifecycle windows: the months from the earlier window's first to the
  // as-of month, straight off the month-first covering index (a few rows per
  // active customer), each added to its customer's recent or previous sum. A
  // seek per customer into the primary key cost twice as much.
  const windows = db
    .prepare<{ previousFrom: string; recentFrom: string; asOfMonth: string }, number>(
      `SELECT count(patron_segment_window(customer_id, month >= @recentFrom, order_count + interaction_count))
         FROM customer_monthly WHERE month >= @previousFrom AND month <= @asOfMonth`,
    )
    .pluck();
  const customerCount = db.prepare<[], number>('SELECT count(*) FROM customers').pluck();
  // customer_tags in key order (grouped without a sort), need tags picked by a small list.
  const needTags = db
    .prepare<[], number>(
      "SELECT count(patron_segment_need_tags(customer_id, n)) FROM (SELECT customer_id, count(*) AS n FROM customer_tags WHERE +tag_id IN (SELECT id FROM tags WHERE kind = 'need') GROUP BY customer_id)",
    )
    .pluck();
  /** Every customer's segmentation inputs as typed columns, in id order, from one consistent snapshot. */
  const inputs = db.transaction((p: { recentFrom: string; previousFrom: string; asOfMonth: string }): SegmentColumns => {
    const c = emptySegmentColumns(customerCount.get() ?? 0);
    let n = 0;
    let ascending = true;
    sinks.customer = (id, company, orders, days, total, first, last, coop) => {
      if (n === c.n) return;
      if (n > 0 && id < (c.id[n - 1] as number)) ascending = false;
      c.id[n] = id;
      c.company[n] = company;
      c.orderCount[n] = orders ?? 0;
      c.orderDays[n] = days ?? 0;
      c.totalCents[n] = total ?? 0;
      c.firstOrderDay[n] = first ?? Number.NaN;
      c.lastOrderDay[n] = last ?? Number.NaN;
      c.cooperationStartDay[n] = coop ?? Number.NaN;
      n++;
    };
    try {
      base.get();
    } finally {
      sinks.customer = null;
    }
    // SQLite walks customers in id order (the covering index, or the table by
    // rowid); were a future plan to walk them otherwise, they are put in order.
    const cols = ascending ? truncateSegmentColumns(c, n) : sortSegmentColumnsById(truncateSegmentColumns(c, n));
    const position = positionsById(cols.id);
    sinks.window = (id, recent, activity) => {
      const i = position(id);
      if (i < 0) return;
      if (recent) cols.recentActivity[i] = (cols.recentActivity[i] as number) + activity;
      else cols.previousActivity[i] = (cols.previousActivity[i] as number) + activity;
    };
    sinks.needTags = (id, count) => {
      const i = position(id);
      if (i >= 0) cols.needTags[i] = count;
    };
    try {
      windows.get(p);
      needTags.get();
    } finally {
      sinks.window = null;
      sinks.needTags = null;
    }
    return cols;
  });
  const insertRun = db.prepare<[string, string, string, string, string, string, string, number]>(
    'INSERT INTO segment_runs (started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const customerIds = db.prepare<[], number>('SELECT id FROM customers').pluck();
  const insertOne = db.prepare(`INSERT INTO segment_results (${RESULT_COLUMNS}) VALUES (${Array(13).fill('?').join(', ')})`);
  const insertBatch = db.prepare(`INSERT INTO segment_results (${RESULT_COLUMNS}) VALUES ${Array(RESULT_BATCH).fill(`(${Array(13).fill('?').join(', ')})`).join(', ')}`);
  // The run's tiers are copied from the results just written, inside SQLite.
  const copyTiers = db.prepare<[number]>('INSERT INTO segment_run_tiers (run_id, customer_id, tier) SELECT ?, customer_id, tier FROM segment_results');
  const pruneRuns = db.prepare<[number]>('DELETE FROM segment_runs WHERE id NOT IN (SELECT id FROM segment_runs ORDER BY id DESC LIMIT ?)');
  const latestRuns = db.prepare<[number], SegmentRunRecord>('SELECT * FROM segment_runs ORDER BY id DESC LIMIT ?');
  const results = db.prepare<[], SegmentResultRow>(
    'SELECT customer_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents, predicted_cents, p_alive, expected_purchases FROM segment_results ORDER BY customer_id',
  );
  const effectiveTiers = db.prepare<[], { tier: Tier; customers: number; value_cents: number; overridden: number }>(`
    SELECT coalesce(c.tier_override, r.tier) AS tier, count(*) AS customers, sum(r.value_cents) AS value_cents,
           sum(c.tier_override IS NOT NULL AND c.tier_override <> r.tier) AS overridden
      FROM segment_results r JOIN customers c ON c.id = r.customer_id GROUP BY 1`);
  const quadrantCells = db.prepare<[], { quadrant: Quadrant; customers: number; value_cents: number; predicted_cents: number | null }>(
    'SELECT quadrant, count(*) AS customers, sum(value_cents) AS value_cents, sum(predicted_cents) AS predicted_cents FROM segment_results GROUP BY quadrant',
  );
  const lifecycleCells = db.prepare<[], { lifecycle: LifecycleStage; customers: number; value_cents: number }>(
    'SELECT lifecycle, count(*) AS customers, sum(value_cents) AS value_cents FROM segment_results GROUP BY lifecycle',
  );
  // Customers present in the newer run, with their tier in the older one (NULL = not segmented then).
  const migration = db.prepare<[number, number], { from_tier: Tier | null; to_tier: Tier; customers: number }>(`
    SELECT p.tier AS from_tier, n.tier AS to_tier, count(*) AS customers
      FROM segment_run_tiers n LEFT JOIN segment_run_tiers p ON p.run_id = ? AND p.customer_id = n.customer_id
     WHERE n.run_id = ? GROUP BY 1, 2`);
  const migrationIds = db.prepare<[number, number, string | null, string | null, string], number>(`
    SELECT n.customer_id FROM segment_run_tiers n LEFT JOIN segment_run_tiers p ON p.run_id = ? AND p.customer_id = n.customer_id
     WHERE n.run_id = ? AND ((p.tier IS NULL AND ? IS NULL) OR p.tier = ?) AND n.tier = ? ORDER BY n.customer_id`).pluck();
  const tierIds = db.prepare<[string], number>('SELECT r.customer_id FROM segment_results r JOIN customers c ON c.id = r.customer_id WHERE coalesce(c.tier_override, r.tier) = ? ORDER BY 1').pluck();
  const quadrantIds = db.prepare<[string], number>('SELECT customer_id FROM segment_results WHERE quadrant = ? ORDER BY 1').pluck();
  const lifecycleIds = db.prepare<[string], number>('SELECT customer_id FROM segment_results WHERE lifecycle = ? ORDER BY 1').pluck();
  const overriddenIds = db.prepare<[], number>('SELECT r.customer_id FROM segment_results r JOIN customers c ON c.id = r.customer_id WHERE c.tier_override IS NOT NULL AND c.tier_override <> r.tier ORDER BY 1').pluck();
  const columns = db.prepare<[], CustomerSegmentColumns>(`
    SELECT r.customer_id, r.tier, c.tier_override, coalesce(c.tier_override, r.tier) AS effective_tier, r.quadrant, r.lifecycle, r.predicted_cents
      FROM segment_results r JOIN customers c ON c.id = r.customer_id ORDER BY r.customer_id`);

  return {
    inputs,
    /**
     * Stores a run: its record, the results (replacing the previous run's) and
     * its tiers; prunes old runs. One transaction. Results come as typed
     * columns (the run) or objects (tests); they are written 100 rows per
     * statement, and the run's tiers copied from them by one INSERT … SELECT.
     */
    saveRun(run: Omit<SegmentRunRecord, 'id'>, results: SegmentResultColumns | readonly SegmentResultRow[], checkCancelled: () => void = () => undefined): number {
      const r = Array.isArray(results) ? columnsOfRows(results as readonly SegmentResultRow[]) : (results as SegmentResultColumns);
      return db.transaction(() => {
        const runId = Number(insertRun.run(run.started_at, run.finished_at, run.as_of, run.trigger, run.settings, run.clv, run.summary, run.customers).lastInsertRowid);
        // Replaced whole: dropped and recreated rather than deleted row by row.
        const makeIndexes = recreateEmpty(db, ['segment_results']);
        // The run read its inputs before this transaction; a customer deleted since
        // (an import reverted, a merge) has no result to keep.
        const existing = new Set(customerIds.all());
        const nul = (v: number) => (Number.isNaN(v) ? null : v);
        const batch: (number | string | null)[] = [];
        for (let i = 0; i < r.n; i++) {
          if (i % 10_000 === 0) checkCancelled();
          const id = r.customerId[i] as number;
          if (!existing.has(id)) continue;
          batch.push(
            id,
            runId,
            r.score1[i] as number,
            r.score2[i] as number,
            r.score3[i] as number,
            r.composite[i] as number,
            tiers[r.tier[i] as number] as string,
            quadrants[r.quadrant[i] as number] as string,
            lifecycleStages[r.lifecycle[i] as number] as string,
            r.valueCents[i] as number,
            nul(r.predictedCents[i] as number),
            nul(r.pAlive[i] as number),
            nul(r.expectedPurchases[i] as number),
          );
          if (batch.length === RESULT_BATCH * 13) {
            insertBatch.run(batch);
            batch.length = 0;
          }
        }
        for (let k = 0; k < batch.length; k += 13) insertOne.run(batch.slice(k, k + 13));
        makeIndexes();
        copyTiers.run(runId);
        checkCancelled();
        pruneRuns.run(RUNS_KEPT);
        return runId;
      })();
    },
    latestRuns: (n: number) => latestRuns.all(n),
    results: () => results.all(),
    effectiveTiers: () => effectiveTiers.all(),
    quadrantCells: () => quadrantCells.all(),
    lifecycleCells: () => lifecycleCells.all(),
    migration: (previousRun: number, latestRun: number) => migration.all(previousRun, latestRun),
    migrationIds: (previousRun: number, latestRun: number, from: Tier | null, to: Tier) => migrationIds.all(previousRun, latestRun, from, from, to),
    tierIds: (tier: Tier) => tierIds.all(tier),
    quadrantIds: (q: Quadrant) => quadrantIds.all(q),
    lifecycleIds: (s: LifecycleStage) => lifecycleIds.all(s),
    overriddenIds: () => overriddenIds.all(),
    /** Tier (computed, override, effective), quadrant, lifecycle and predicted value per customer of the latest run. */
    customerColumns: () => columns.all(),
  };
}
