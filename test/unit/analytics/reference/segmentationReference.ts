/** The object-per-customer segmentation before the typed-array rewrite, kept as the oracle of test/unit/analytics/segmentColumns.test.ts. */
import type { CustomerKind } from '../../../../shared/domain/enums';
import { fitBgNbd, type BgNbdParams, type FitOutcome } from '../../../../shared/analytics/clv/bgnbd';
import { fitGammaGamma } from '../../../../shared/analytics/clv/gammaGamma';
import { predictClv } from '../../../../shared/analytics/clv/predict';
import { DAYS_PER_WEEK, type CustomerSummary } from '../../../../shared/analytics/clv/summary';
import { lifecycleStage, lifecycleStages, monthsBetween, type LifecycleStage } from '../../../../shared/analytics/lifecycle';
import { quadrantOf, quadrants, quadrantThresholds, type Quadrant } from '../../../../shared/analytics/quadrant';
import { scoreRfm } from './rfmReference';
import type { ClvStatus, Prediction, SegmentInput, SegmentOutput, SegmentSummary } from '../../../../shared/analytics/segmentation';
import type { SegmentSettings } from '../../../../shared/analytics/settings';

// Types are the app's own (shared/analytics/segmentation.ts); only the code is the old one.

// Dates repeat across customers (a few thousand distinct days), so parsing is memoised.
const dayCache = new Map<string, number>();
function dayNumber(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}

/**
 * BG/NBD summary from the rollups: x = purchase days after the first, tx and T
 * in weeks from the first order to the last and to `asOf`. The mean spend per
 * purchase day stands in for the mean repeat spend (the rollups do not keep
 * the first day's amount apart).
 */
function summaryFromRollups(inputs: readonly SegmentInput[], asOf: string): { index: number[]; summary: CustomerSummary } {
  const end = dayNumber(asOf);
  const index: number[] = [];
  inputs.forEach((c, i) => {
    if (c.order_days > 0 && c.first_order_date !== null && c.first_order_date <= asOf) index.push(i);
  });
  const n = index.length;
  const summary: CustomerSummary = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), meanSpend: new Float64Array(n) };
  index.forEach((i, k) => {
    const c = inputs[i] as SegmentInput;
    const first = dayNumber(c.first_order_date ?? asOf);
    const last = dayNumber(c.last_order_date ?? asOf);
    summary.x[k] = c.order_days - 1;
    summary.tx[k] = (last - first) / DAYS_PER_WEEK;
    summary.T[k] = (end - first) / DAYS_PER_WEEK;
    summary.meanSpend[k] = c.total_cents / c.order_days / 100;
  });
  return { index, summary };
}

/** Fits both models on one population and predicts each of its customers who ever bought; says why when it cannot. */
function fitPopulation(inputs: readonly SegmentInput[], asOf: string, clv: SegmentSettings['clv'], predictions: Map<number, Prediction>): ClvStatus {
  const { index, summary } = summaryFromRollups(inputs, asOf);
  const bg: FitOutcome<BgNbdParams> = fitBgNbd(summary);
  if (!bg.ok) return { ok: false, reason: bg.reason, model: 'bgnbd', detail: bg.detail };
  const gg = fitGammaGamma(summary);
  if (!gg.ok) return { ok: false, reason: gg.reason, model: 'gammaGamma', detail: gg.detail };
  const p = predictClv(bg.params, gg.params, summary, clv.horizonMonths, clv.annualDiscountRate);
  index.forEach((i, k) => {
    predictions.set((inputs[i] as SegmentInput).id, {
      predicted_cents: Math.round((p.clv[k] ?? 0) * 100),
      p_alive: p.probabilityAlive[k] ?? 0,
      expected_purchases: p.expectedPurchases[k] ?? 0,
    });
  });
  return { ok: true, bgnbd: bg.params, gammaGamma: gg.params, logLikelihood: bg.logLikelihood, customers: bg.customers };
}

/**
 * CLV per customer kind: companies and people buy at different rates and
 * amounts (ToB orders are larger by two orders of magnitude in practice), and
 * one Gamma-Gamma fit over both mixes two populations and fails to settle.
 */
export function fitAndPredict(inputs: readonly SegmentInput[], asOf: string, clv: SegmentSettings['clv']): { status: Record<CustomerKind, ClvStatus>; predictions: Map<number, Prediction> } {
  const predictions = new Map<number, Prediction>();
  const status = {
    person: fitPopulation(
      inputs.filter((c) => c.kind === 'person'),
      asOf,
      clv,
      predictions,
    ),
    company: fitPopulation(
      inputs.filter((c) => c.kind === 'company'),
      asOf,
      clv,
      predictions,
    ),
  };
  return { status, predictions };
}

/** RFM + quadrant + lifecycle for every customer, given the CLV predictions (empty when CLV failed: potential 0). */
export function segment(inputs: readonly SegmentInput[], asOf: string, settings: SegmentSettings, predictions: ReadonlyMap<number, Prediction>): { rows: SegmentOutput[]; summary: SegmentSummary } {
  const asOfDay = dayNumber(asOf);
  const rfm = scoreRfm(
    inputs.map((c) => {
      const since = c.cooperation_start ?? c.first_order_date;
      return {
        kind: c.kind,
        recencyDays: c.last_order_date === null ? null : asOfDay - dayNumber(c.last_order_date),
        orderCount: c.order_count,
        totalCents: c.total_cents,
        tenureYears: since === null ? 0 : Math.max(0, (asOfDay - dayNumber(since)) / 365.25),
        needTags: c.need_tags,
      };
    }),
    settings,
  );
  const potential = inputs.map((c) => predictions.get(c.id)?.predicted_cents ?? 0);
  const thresholds = quadrantThresholds(
    inputs.map((c) => c.total_cents),
    potential,
    settings.quadrant,
  );
  const summary: SegmentSummary = {
    customers: inputs.length,
    tiers: { high: 0, regular: 0, potential: 0 },
    quadrants: Object.fromEntries(quadrants.map((q) => [q, 0])) as Record<Quadrant, number>,
    lifecycle: Object.fromEntries(lifecycleStages.map((s) => [s, 0])) as Record<LifecycleStage, number>,
    thresholds,
  };
  const rows = inputs.map((c, i): SegmentOutput => {
    const score = rfm[i] ?? { scores: [1, 1, 1], composite: 1, tier: 'potential' as const };
    const pred = predictions.get(c.id);
    const quadrant = quadrantOf(c.total_cents, potential[i] ?? 0, thresholds);
    const stage = lifecycleStage(
      { monthsSinceFirstOrder: c.first_order_date === null ? null : monthsBetween(c.first_order_date, asOf), recentActivity: c.recent_activity, previousActivity: c.previous_activity },
      settings.lifecycle,
    );
    summary.tiers[score.tier]++;
    summary.quadrants[quadrant]++;
    summary.lifecycle[stage]++;
    return {
      customer_id: c.id,
      score_1: score.scores[0],
      score_2: score.scores[1],
      score_3: score.scores[2],
      composite: score.composite,
      tier: score.tier,
      quadrant,
      lifecycle: stage,
      value_cents: c.total_cents,
      predicted_cents: pred ? pred.predicted_cents : null,
      p_alive: pred ? pred.p_alive : null,
      expected_purchases: pred ? pred.expected_purchases : null,
    };
  });
  return { rows, summary };
}

/** The inputs as the object-per-customer data layer read them (three scans merged in JS). */
export function referenceInputs(db: import('better-sqlite3').Database, p: { recentFrom: string; previousFrom: string; asOfMonth: string }): SegmentInput[] {
  const base = db
    .prepare<[], [number, CustomerKind, string | null, number | null, number | null, number | null, string | null, string | null]>(
      `SELECT c.id, c.kind, c.cooperation_start, r.order_count, r.order_days, r.total_cents, r.first_order_date, r.last_order_date
         FROM customers c LEFT JOIN customer_rollups r ON r.customer_id = c.id ORDER BY c.id`,
    )
    .raw();
  const needTags = db.prepare<[], [number, number]>("SELECT ct.customer_id, count(*) FROM customer_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.kind = 'need' GROUP BY ct.customer_id").raw();
  const windowActivity = db.prepare<[string, string], [number, string, number]>('SELECT customer_id, month, order_count + interaction_count FROM customer_monthly WHERE month >= ? AND month <= ?').raw();
  const rows: SegmentInput[] = base.all().map(([id, kind, coop, orders, days, total, first, last]) => ({
    id,
    kind,
    cooperation_start: coop,
    order_count: orders ?? 0,
    order_days: days ?? 0,
    total_cents: total ?? 0,
    first_order_date: first,
    last_order_date: last,
    need_tags: 0,
    recent_activity: 0,
    previous_activity: 0,
  }));
  const byId = new Map<number, SegmentInput>();
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
}
