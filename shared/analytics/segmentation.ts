import { tiers, type CustomerKind, type Tier } from '../domain/enums';
import { fitBgNbd, type BgNbdParams, type FitOutcome } from './clv/bgnbd';
import { fitGammaGamma, type GammaGammaParams } from './clv/gammaGamma';
import { predictClv } from './clv/predict';
import { DAYS_PER_WEEK, type CustomerSummary } from './clv/summary';
import { lifecycleCode, lifecycleStages, monthKey, monthsBetweenYmd, type LifecycleStage } from './lifecycle';
import { quadrantCode, quadrants, quadrantThresholds, type Quadrant, type QuadrantThresholds } from './quadrant';
import { emptyRfmColumns, kindWeights, scoreKind } from './rfm';
import { civilFromDays, isoDayNumber, type SegmentColumns, type SegmentInputObject } from './segmentColumns';
import type { SegmentSettings } from './settings';

/**
 * One full segmentation: CLV fit and scoring, RFM tiers, quadrant and
 * lifecycle for every customer, from the per-customer rollups alone. Pure, so
 * the job, the CLI, the settings preview and the benchmark run the same code.
 * Inputs and results are typed columns (see segmentColumns.ts); `resultRows`
 * turns results into objects for the few callers that want them.
 */
export type SegmentInput = SegmentInputObject;

export interface SegmentOutput {
  customer_id: number;
  score_1: number;
  score_2: number;
  score_3: number;
  composite: number;
  tier: Tier;
  quadrant: Quadrant;
  lifecycle: LifecycleStage;
  value_cents: number;
  predicted_cents: number | null;
  p_alive: number | null;
  expected_purchases: number | null;
}

export type ClvStatus =
  | { ok: true; bgnbd: BgNbdParams; gammaGamma: GammaGammaParams; logLikelihood: number; customers: number }
  | { ok: false; reason: 'too_little_data' | 'not_converged'; model: 'bgnbd' | 'gammaGamma'; detail: string };

export interface Prediction {
  predicted_cents: number;
  p_alive: number;
  expected_purchases: number;
}

export interface SegmentSummary {
  customers: number;
  tiers: Record<Tier, number>;
  quadrants: Record<Quadrant, number>;
  lifecycle: Record<LifecycleStage, number>;
  thresholds: QuadrantThresholds;
}

/** The two activity windows of the lifecycle rule, as month keys for the monthly buckets. */
export function activityWindows(asOf: string, rules: SegmentSettings['lifecycle']) {
  return { asOfMonth: monthKey(asOf), recentFrom: monthKey(asOf, rules.declineWindowMonths - 1), previousFrom: monthKey(asOf, 2 * rules.declineWindowMonths - 1) };
}

/** CLV predictions aligned with the input positions; NaN where a customer has none (never bought, or the fit failed). */
export interface PredictionColumns {
  predictedCents: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
}

function emptyPredictions(n: number): PredictionColumns {
  return { predictedCents: new Float64Array(n).fill(Number.NaN), pAlive: new Float64Array(n).fill(Number.NaN), expectedPurchases: new Float64Array(n).fill(Number.NaN) };
}

/** Predictions stored per customer id (a previous run's), aligned with `inputs`. */
export function predictionsFor(inputs: SegmentColumns, byId: ReadonlyMap<number, Prediction>): PredictionColumns {
  const p = emptyPredictions(inputs.n);
  for (let i = 0; i < inputs.n; i++) {
    const x = byId.get(inputs.id[i] as number);
    if (!x) continue;
    p.predictedCents[i] = x.predicted_cents;
    p.pAlive[i] = x.p_alive;
    p.expectedPurchases[i] = x.expected_purchases;
  }
  return p;
}

/** Per-customer results as typed columns (codes index `tiers`, `quadrants`, `lifecycleStages`; NaN = null). */
export interface SegmentResultColumns {
  n: number;
  customerId: Float64Array;
  score1: Uint8Array;
  score2: Uint8Array;
  score3: Uint8Array;
  composite: Float64Array;
  tier: Uint8Array;
  quadrant: Uint8Array;
  lifecycle: Uint8Array;
  valueCents: Float64Array;
  predictedCents: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
}

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/** Result `i` as the object a segment_results row holds. */
function resultRow(r: SegmentResultColumns, i: number): SegmentOutput {
  return {
    customer_id: r.customerId[i] ?? 0,
    score_1: r.score1[i] ?? 1,
    score_2: r.score2[i] ?? 1,
    score_3: r.score3[i] ?? 1,
    composite: r.composite[i] ?? 1,
    tier: tiers[r.tier[i] ?? 1] as Tier,
    quadrant: quadrants[r.quadrant[i] ?? 3] as Quadrant,
    lifecycle: lifecycleStages[r.lifecycle[i] ?? 0] as LifecycleStage,
    value_cents: r.valueCents[i] ?? 0,
    predicted_cents: orNull(r.predictedCents[i]),
    p_alive: orNull(r.pAlive[i]),
    expected_purchases: orNull(r.expectedPurchases[i]),
  };
}

export function resultRows(r: SegmentResultColumns): SegmentOutput[] {
  return Array.from({ length: r.n }, (_, i) => resultRow(r, i));
}

/** Positions of the customers of one kind, in input order. */
function positionsOf(inputs: SegmentColumns, company: number): Int32Array {
  let m = 0;
  for (let i = 0; i < inputs.n; i++) if (inputs.company[i] === company) m++;
  const idx = new Int32Array(m);
  m = 0;
  for (let i = 0; i < inputs.n; i++) if (inputs.company[i] === company) idx[m++] = i;
  return idx;
}

/**
 * BG/NBD summary from the rollups: x = purchase days after the first, tx and T
 * in weeks from the first order to the last and to `asOf`. The mean spend per
 * purchase day stands in for the mean repeat spend (the rollups do not keep
 * the first day's amount apart). `positions` picks the customers (default all);
 * `index` gives the input position of each summary row.
 */
function summaryFromRollups(inputs: SegmentColumns, asOf: string, positions?: Int32Array): { index: Int32Array; summary: CustomerSummary } {
  const end = isoDayNumber(asOf);
  const from = positions ?? Int32Array.from({ length: inputs.n }, (_, i) => i);
  const keep: number[] = [];
  for (const i of from) if ((inputs.orderDays[i] as number) > 0 && (inputs.firstOrderDay[i] as number) <= end) keep.push(i);
  const index = Int32Array.from(keep);
  const n = index.length;
  const summary: CustomerSummary = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), meanSpend: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const i = index[k] as number;
    const first = inputs.firstOrderDay[i] as number;
    const lastDay = inputs.lastOrderDay[i] as number;
    const last = Number.isNaN(lastDay) ? end : lastDay;
    const days = inputs.orderDays[i] as number;
    summary.x[k] = days - 1;
    summary.tx[k] = (last - first) / DAYS_PER_WEEK;
    summary.T[k] = (end - first) / DAYS_PER_WEEK;
    summary.meanSpend[k] = (inputs.totalCents[i] as number) / days / 100;
  }
  return { index, summary };
}

/** Fits both models on one population and predicts each of its customers who ever bought; says why when it cannot. */
function fitPopulation(inputs: SegmentColumns, positions: Int32Array, asOf: string, clv: SegmentSettings['clv'], predictions: PredictionColumns): ClvStatus {
  const { index, summary } = summaryFromRollups(inputs, asOf, positions);
  const bg: FitOutcome<BgNbdParams> = fitBgNbd(summary);
  if (!bg.ok) return { ok: false, reason: bg.reason, model: 'bgnbd', detail: bg.detail };
  const gg = fitGammaGamma(summary);
  if (!gg.ok) return { ok: false, reason: gg.reason, model: 'gammaGamma', detail: gg.detail };
  const p = predictClv(bg.params, gg.params, summary, clv.horizonMonths, clv.annualDiscountRate);
  for (let k = 0; k < index.length; k++) {
    const i = index[k] as number;
    predictions.predictedCents[i] = Math.round((p.clv[k] ?? 0) * 100);
    predictions.pAlive[i] = p.probabilityAlive[k] ?? 0;
    predictions.expectedPurchases[i] = p.expectedPurchases[k] ?? 0;
  }
  return { ok: true, bgnbd: bg.params, gammaGamma: gg.params, logLikelihood: bg.logLikelihood, customers: bg.customers };
}

/**
 * CLV per customer kind: companies and people buy at different rates and
 * amounts (ToB orders are larger by two orders of magnitude in practice), and
 * one Gamma-Gamma fit over both mixes two populations and fails to settle.
 */
export function fitAndPredict(inputs: SegmentColumns, asOf: string, clv: SegmentSettings['clv']): { status: Record<CustomerKind, ClvStatus>; predictions: PredictionColumns } {
  const predictions = emptyPredictions(inputs.n);
  const status = {
    person: fitPopulation(inputs, positionsOf(inputs, 0), asOf, clv, predictions),
    company: fitPopulation(inputs, positionsOf(inputs, 1), asOf, clv, predictions),
  };
  return { status, predictions };
}

const DAYS_PER_YEAR = 365.25;

/**
 * RFM + quadrant + lifecycle for every customer, given the CLV predictions
 * (all NaN when CLV failed: potential 0). Typed arrays throughout: one sort
 * per measure and kind, no object per customer.
 */
export function segment(inputs: SegmentColumns, asOf: string, settings: SegmentSettings, predictions: PredictionColumns): { results: SegmentResultColumns; summary: SegmentSummary } {
  const n = inputs.n;
  const asOfDay = isoDayNumber(asOf);
  const asOfYmd = civilFromDays(asOfDay);
  const rfm = emptyRfmColumns(n);
  for (const company of [0, 1]) {
    const idx = positionsOf(inputs, company);
    const m = idx.length;
    const d1 = new Float64Array(m);
    const d2 = new Float64Array(m);
    const d3 = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const i = idx[k] as number;
      if (company === 0) {
        // Recency: fewer days is better, no order at all is worst.
        const last = inputs.lastOrderDay[i] as number;
        d1[k] = Number.isNaN(last) ? Number.NEGATIVE_INFINITY : -(asOfDay - last);
        d2[k] = inputs.orderCount[i] as number;
        d3[k] = inputs.totalCents[i] as number;
      } else {
        const coop = inputs.cooperationStartDay[i] as number;
        const since = Number.isNaN(coop) ? (inputs.firstOrderDay[i] as number) : coop;
        d1[k] = Number.isNaN(since) ? 0 : Math.max(0, (asOfDay - since) / DAYS_PER_YEAR);
        d2[k] = inputs.totalCents[i] as number;
        d3[k] = inputs.needTags[i] as number;
      }
    }
    scoreKind(idx, [d1, d2, d3], kindWeights(company === 1 ? 'company' : 'person', settings), settings.shares, rfm);
  }
  const potential = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = predictions.predictedCents[i] as number;
    potential[i] = Number.isNaN(p) ? 0 : p;
  }
  const thresholds = quadrantThresholds(inputs.totalCents, potential, settings.quadrant);
  const quadrant = new Uint8Array(n);
  const lifecycle = new Uint8Array(n);
  const tierCounts = [0, 0, 0];
  const quadrantCounts = [0, 0, 0, 0];
  const stageCounts = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const q = quadrantCode(inputs.totalCents[i] as number, potential[i] as number, thresholds);
    const first = inputs.firstOrderDay[i] as number;
    const months = Number.isNaN(first) ? Number.NaN : monthsBetweenYmd(civilFromDays(first), asOfYmd);
    const stage = lifecycleCode(months, inputs.recentActivity[i] as number, inputs.previousActivity[i] as number, settings.lifecycle);
    quadrant[i] = q;
    lifecycle[i] = stage;
    const t = rfm.tier[i] as number;
    tierCounts[t] = (tierCounts[t] ?? 0) + 1;
    quadrantCounts[q] = (quadrantCounts[q] ?? 0) + 1;
    stageCounts[stage] = (stageCounts[stage] ?? 0) + 1;
  }
  const summary: SegmentSummary = {
    customers: n,
    tiers: Object.fromEntries(tiers.map((t, k) => [t, tierCounts[k] ?? 0])) as Record<Tier, number>,
    quadrants: Object.fromEntries(quadrants.map((q, k) => [q, quadrantCounts[k] ?? 0])) as Record<Quadrant, number>,
    lifecycle: Object.fromEntries(lifecycleStages.map((s, k) => [s, stageCounts[k] ?? 0])) as Record<LifecycleStage, number>,
    thresholds,
  };
  const results: SegmentResultColumns = {
    n,
    customerId: inputs.id,
    score1: rfm.score1,
    score2: rfm.score2,
    score3: rfm.score3,
    composite: rfm.composite,
    tier: rfm.tier,
    quadrant,
    lifecycle,
    valueCents: inputs.totalCents,
    predictedCents: predictions.predictedCents,
    pAlive: predictions.pAlive,
    expectedPurchases: predictions.expectedPurchases,
  };
  return { results, summary };
}
