import type { Database } from 'better-sqlite3';
import type { CustomerKind, Tier } from '../../shared/domain/enums';
import type { LifecycleStage } from '../../shared/analytics/lifecycle';
import type { Quadrant } from '../../shared/analytics/quadrant';
import type { SegmentOutput } from '../../shared/analytics/segmentation';

/** What segmentation needs per customer, read from the rollups (never from orders). */
export interface SegmentInputRow {
  id: number;
  kind: CustomerKind;
  cooperation_start: string | null;
  tier_override: Tier | null;
  order_count: number;
  order_days: number;
  total_cents: number;
  first_order_date: string | null;
  last_order_date: string | null;
  need_tags: number;
  recent_activity: number;
  previous_activity: number;
}

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
export const RUNS_KEPT = 30;

export function segmentQueries(db: Database) {
  // Three plain scans merged in JS: one join with two grouped subqueries made
  // SQLite scan every monthly bucket; the month index reads only the two windows.
  const base = db
    .prepare<[], [number, CustomerKind, string | null, Tier | null, number | null, number | null, number | null, string | null, string | null]>(
      `SELECT c.id, c.kind, c.cooperation_start, c.tier_override, r.order_count, r.order_days, r.total_cents, r.first_order_date, r.last_order_date
         FROM customers c LEFT JOIN customer_rollups r ON r.customer_id = c.id ORDER BY c.id`,
    )
    .raw();
  const needTags = db
    .prepare<[], [number, number]>("SELECT ct.customer_id, count(*) FROM customer_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.kind = 'need' GROUP BY ct.customer_id")
    .raw();
  const windowActivity = db
    .prepare<[string, string], [number, string, number]>(
      'SELECT customer_id, month, order_count + interaction_count FROM customer_monthly INDEXED BY customer_monthly_month WHERE month >= ? AND month <= ?',
    )
    .raw();
  const inputs = (p: { recentFrom: string; previousFrom: string; asOfMonth: string }): SegmentInputRow[] => {
    const rows: SegmentInputRow[] = base.all().map(([id, kind, coop, override, orders, days, total, first, last]) => ({
      id,
      kind,
      cooperation_start: coop,
      tier_override: override,
      order_count: orders ?? 0,
      order_days: days ?? 0,
      total_cents: total ?? 0,
      first_order_date: first,
      last_order_date: last,
      need_tags: 0,
      recent_activity: 0,
      previous_activity: 0,
    }));
    const byId = new Map<number, SegmentInputRow>();
    for (const r of rows) byId.set(r.id, r);
    for (const [id, n] of needTags.all()) {
      const r = byId.get(id);
      if (r) r.need_tags = n;
    }
    for (const [id, month, n] of windowActivity.all(p.previousFrom, p.asOfMonth)) {
      const r = byId.get(id);
      if (!r) continue;
      if (month >= p.recentFrom) r.recent_activity += n;
      else r.previous_activity += n;
    }
    return rows;
  };
  const insertRun = db.prepare<[string, string, string, string, string, string, string, number]>(
    'INSERT INTO segment_runs (started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const clearResults = db.prepare('DELETE FROM segment_results');
  const customerIds = db.prepare<[], number>('SELECT id FROM customers').pluck();
  const insertResult = db.prepare<[number, number, number, number, number, number, string, string, string, number, number | null, number | null, number | null]>(
    `INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents, predicted_cents, p_alive, expected_purchases)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTier = db.prepare<[number, number, string]>('INSERT INTO segment_run_tiers (run_id, customer_id, tier) VALUES (?, ?, ?)');
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
    /** Stores a run: its record, the results (replacing the previous run's) and its tiers; prunes old runs. One transaction. */
    saveRun(run: Omit<SegmentRunRecord, 'id'>, rows: readonly SegmentResultRow[], checkCancelled: () => void = () => undefined): number {
      return db.transaction(() => {
        const runId = Number(insertRun.run(run.started_at, run.finished_at, run.as_of, run.trigger, run.settings, run.clv, run.summary, run.customers).lastInsertRowid);
        clearResults.run();
        // The run read its inputs before this transaction; a customer deleted since
        // (an import reverted, a merge) has no result to keep.
        const existing = new Set(customerIds.all());
        rows.forEach((r, i) => {
          if (i % 10_000 === 0) checkCancelled();
          if (!existing.has(r.customer_id)) return;
          insertResult.run(r.customer_id, runId, r.score_1, r.score_2, r.score_3, r.composite, r.tier, r.quadrant, r.lifecycle, r.value_cents, r.predicted_cents, r.p_alive, r.expected_purchases);
          insertTier.run(runId, r.customer_id, r.tier);
        });
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
