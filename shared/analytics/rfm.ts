import { tiers, type CustomerKind, type Tier } from '../domain/enums';
import { valuesAtRanks } from './orderStats';
import type { SegmentSettings } from './settings';

/**
 * RFM scoring and tiering. ToC customers (people) are scored on recency,
 * frequency and monetary value; ToB customers (companies) on tenure, amount and
 * need complexity. Each dimension gets a quantile score 1–5 within its kind;
 * the tier cut is also made within each kind, so both get the target shares.
 * The work is done on typed arrays (one sort per measure, no object per
 * customer); the object functions below are thin wrappers for small callers.
 */
export interface RfmInput {
  kind: CustomerKind;
  /** Days since the last order; null when there is none (scores lowest). */
  recencyDays: number | null;
  orderCount: number;
  totalCents: number;
  /** Years of cooperation (fractional). */
  tenureYears: number;
  needTags: number;
}

export interface RfmScore {
  /** The three dimension scores 1–5, in the kind's order (R, F, M or tenure, amount, complexity). */
  scores: [number, number, number];
  composite: number;
  tier: Tier;
}

export const SCORE_LEVELS = 5;

/** Tier codes of the typed results: index into `tiers` (0 high, 1 regular, 2 potential). */
const TIER_HIGH = 0;
const TIER_REGULAR = 1;
const TIER_POTENTIAL = 2;

/**
 * Quantile score 1–5 of each value among all values (higher value, higher
 * score), written into `out`. Ties share a score: a value's score comes from
 * how many values are strictly below it, so equal values can never land in
 * different quintiles.
 *
 * "At least c_k values below v" (c_k = ⌈k·n/5⌉, the count that lifts a value
 * past quintile k) holds exactly when the c_k-th smallest value is below v.
 * So the four cut values are selected once (orderStats.ts, no full sort) and
 * each score is four comparisons, with no search per value.
 */
function quantileScoresInto(values: Float64Array, out: Uint8Array): Uint8Array {
  const n = values.length;
  if (n === 0) return out;
  const ranks: number[] = [];
  for (let k = 1; k < SCORE_LEVELS; k++) ranks.push(Math.ceil((k * n) / SCORE_LEVELS) - 1);
  const [c1, c2, c3, c4] = valuesAtRanks(values, ranks) as [number, number, number, number];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    out[i] = 1 + (v > c1 ? 1 : 0) + (v > c2 ? 1 : 0) + (v > c3 ? 1 : 0) + (v > c4 ? 1 : 0);
  }
  return out;
}

export function quantileScores(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  return Array.from(quantileScoresInto(Float64Array.from(values), new Uint8Array(values.length)));
}

/**
 * Cuts tiers by composite score: the best `shares.high` are high-value, the
 * worst `shares.potential` potential/at-risk, the rest regular. A group of
 * equal scores is never split: it goes to the tier its middle position falls
 * in, so a share can miss its target by at most half of one tie group.
 * Writes tier codes (TIER_*) into `out`.
 */
function assignTierCodes(composites: Float64Array, shares: SegmentSettings['shares'], out: Uint8Array): Uint8Array {
  const n = composites.length;
  const sorted = composites.slice().sort();
  const tierOf = tierOfGroups(sorted, () => 1, shares, n);
  for (let i = 0; i < n; i++) out[i] = tierOf.get(composites[i] as number) ?? TIER_REGULAR;
  return out;
}

/**
 * The tier of each distinct composite value. `sorted` holds the distinct
 * values (or all values) ascending and `countAt(j)` how many customers have
 * sorted[j]; `n` is the total. Walks the tie groups from the best score down,
 * positions counting from the best.
 */
function tierOfGroups(sorted: Float64Array, countAt: (j: number) => number, shares: SegmentSettings['shares'], n: number): Map<number, number> {
  const highEnd = n * shares.high;
  const potentialStart = n - n * shares.potential;
  const tierOf = new Map<number, number>();
  let start = 0;
  let j = sorted.length - 1;
  while (j >= 0) {
    const v = sorted[j] as number;
    let size = countAt(j--);
    while (j >= 0 && sorted[j] === v) size += countAt(j--);
    if (size === 0) continue;
    const end = start + size;
    const middle = (start + end) / 2;
    tierOf.set(v, middle <= highEnd ? TIER_HIGH : middle > potentialStart ? TIER_POTENTIAL : TIER_REGULAR);
    start = end;
  }
  return tierOf;
}

export function assignTiers(composites: readonly number[], shares: SegmentSettings['shares']): Tier[] {
  const codes = assignTierCodes(Float64Array.from(composites), shares, new Uint8Array(composites.length));
  return Array.from(codes, (c) => tiers[c] as Tier);
}

/** Per-kind typed scores: three dimension scores, the weighted composite and the tier code. */
export interface RfmColumns {
  score1: Uint8Array;
  score2: Uint8Array;
  score3: Uint8Array;
  composite: Float64Array;
  tier: Uint8Array;
}

export function emptyRfmColumns(n: number): RfmColumns {
  return { score1: new Uint8Array(n), score2: new Uint8Array(n), score3: new Uint8Array(n), composite: new Float64Array(n), tier: new Uint8Array(n) };
}

/** Score triples (s1, s2, s3 each 1–5) as one code 0–124, so composites and tiers are looked up per triple. */
const TRIPLES = SCORE_LEVELS * SCORE_LEVELS * SCORE_LEVELS;

/**
 * Scores one kind's customers. `dims` holds the three measures, each gathered
 * for the kind's positions `idx` (so index k is customer idx[k]); results go to
 * position idx[k] of `out`. A composite depends only on the customer's three
 * scores, so it and the tier are worked out once per score triple (125 at
 * most, counted per triple) rather than by sorting every customer's composite.
 */
export function scoreKind(idx: Int32Array, dims: [Float64Array, Float64Array, Float64Array], weights: [number, number, number], shares: SegmentSettings['shares'], out: RfmColumns): void {
  const m = idx.length;
  if (m === 0) return;
  const s1 = quantileScoresInto(dims[0], new Uint8Array(m));
  const s2 = quantileScoresInto(dims[1], new Uint8Array(m));
  const s3 = quantileScoresInto(dims[2], new Uint8Array(m));
  const [w0, w1, w2] = weights;
  const total = w0 + w1 + w2;
  const code = new Uint8Array(m);
  const count = new Float64Array(TRIPLES);
  for (let k = 0; k < m; k++) {
    const c = ((s1[k] as number) - 1) * 25 + ((s2[k] as number) - 1) * 5 + ((s3[k] as number) - 1);
    code[k] = c;
    count[c] = (count[c] as number) + 1;
  }
  // The composite of each triple, by the same formula as per customer, so equal scores give bit-equal composites.
  const compositeOf = new Float64Array(TRIPLES);
  for (let c = 0; c < TRIPLES; c++) compositeOf[c] = ((Math.floor(c / 25) + 1) * w0 + ((Math.floor(c / 5) % 5) + 1) * w1 + ((c % 5) + 1) * w2) / total;
  // Triples in ascending composite order, so tie groups (different triples, equal composite) are adjacent.
  const order = Array.from({ length: TRIPLES }, (_, c) => c).sort((a, b) => (compositeOf[a] as number) - (compositeOf[b] as number));
  const sorted = Float64Array.from(order, (c) => compositeOf[c] as number);
  const tierOf = tierOfGroups(sorted, (j) => count[order[j] as number] as number, shares, m);
  const tierOfTriple = Uint8Array.from(compositeOf, (v) => tierOf.get(v) ?? TIER_REGULAR);
  for (let k = 0; k < m; k++) {
    const i = idx[k] as number;
    const c = code[k] as number;
    out.score1[i] = s1[k] as number;
    out.score2[i] = s2[k] as number;
    out.score3[i] = s3[k] as number;
    out.composite[i] = compositeOf[c] as number;
    out.tier[i] = tierOfTriple[c] as number;
  }
}

export function kindWeights(kind: CustomerKind, settings: SegmentSettings): [number, number, number] {
  const { toc, tob } = settings.weights;
  return kind === 'person' ? [toc.recency, toc.frequency, toc.monetary] : [tob.tenure, tob.amount, tob.complexity];
}

/** Recency as a score measure: fewer days is better, no order at all is worst. */
function recencyMeasure(recencyDays: number | null): number {
  return recencyDays === null ? Number.NEGATIVE_INFINITY : -recencyDays;
}

export function scoreRfm(inputs: readonly RfmInput[], settings: SegmentSettings): RfmScore[] {
  const out = emptyRfmColumns(inputs.length);
  for (const kind of ['person', 'company'] as const) {
    const positions: number[] = [];
    inputs.forEach((c, i) => {
      if (c.kind === kind) positions.push(i);
    });
    const idx = Int32Array.from(positions);
    const pick = (f: (c: RfmInput) => number) => Float64Array.from(positions, (i) => f(inputs[i] as RfmInput));
    const dims: [Float64Array, Float64Array, Float64Array] =
      kind === 'person' ? [pick((c) => recencyMeasure(c.recencyDays)), pick((c) => c.orderCount), pick((c) => c.totalCents)] : [pick((c) => c.tenureYears), pick((c) => c.totalCents), pick((c) => c.needTags)];
    scoreKind(idx, dims, kindWeights(kind, settings), settings.shares, out);
  }
  return inputs.map((_, i) => ({
    scores: [out.score1[i] ?? 1, out.score2[i] ?? 1, out.score3[i] ?? 1],
    composite: out.composite[i] ?? 1,
    tier: tiers[out.tier[i] ?? TIER_REGULAR] as Tier,
  }));
}
