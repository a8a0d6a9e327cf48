/**
 * The object-per-customer segmentation as it was before the typed-array
 * rewrite (issue 6 speed goals), kept verbatim as the oracle the new code is
 * checked against on random inputs and demo data. Not used by the app.
 */
import type { Tier } from '../../../../shared/domain/enums';
import { SCORE_LEVELS, type RfmInput, type RfmScore } from '../../../../shared/analytics/rfm';
import type { SegmentSettings } from '../../../../shared/analytics/settings';

// Types and the score scale are the app's own (shared/analytics/rfm.ts); only the code is the old one.

/**
 * Quantile score 1–5 of each value among all values (higher value, higher
 * score). Ties share a score: a value's score comes from how many values are
 * strictly below it, so equal values can never land in different quintiles.
 */
export function quantileScores(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  // A typed array sorts numerically without a comparator call per pair.
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + Math.min(SCORE_LEVELS - 1, Math.floor((SCORE_LEVELS * lo) / n));
  });
}

/**
 * Cuts tiers by composite score: the best `shares.high` are high-value, the
 * worst `shares.potential` potential/at-risk, the rest regular. A group of
 * equal scores is never split: it goes to the tier its middle position falls
 * in, so a share can miss its target by at most half of one tie group.
 */
export function assignTiers(composites: readonly number[], shares: SegmentSettings['shares']): Tier[] {
  const n = composites.length;
  const order = composites.map((c, i) => ({ c, i })).sort((p, q) => q.c - p.c);
  const highEnd = n * shares.high;
  const potentialStart = n - n * shares.potential;
  const tiers = new Array<Tier>(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && order[end]?.c === order[start]?.c) end++;
    const middle = (start + end) / 2;
    const tier: Tier = middle <= highEnd ? 'high' : middle > potentialStart ? 'potential' : 'regular';
    for (let k = start; k < end; k++) tiers[order[k]?.i ?? 0] = tier;
    start = end;
  }
  return tiers;
}

function weighted(scores: [number, number, number], w: [number, number, number]): number {
  const total = w[0] + w[1] + w[2];
  return (scores[0] * w[0] + scores[1] * w[1] + scores[2] * w[2]) / total;
}

export function scoreRfm(inputs: readonly RfmInput[], settings: SegmentSettings): RfmScore[] {
  const out = new Array<RfmScore>(inputs.length);
  for (const kind of ['person', 'company'] as const) {
    const idx: number[] = [];
    inputs.forEach((c, i) => {
      if (c.kind === kind) idx.push(i);
    });
    const pick = (f: (c: RfmInput) => number) => quantileScores(idx.map((i) => f(inputs[i] as RfmInput)));
    // Recency: fewer days is better, no order at all is worst.
    const dims =
      kind === 'person'
        ? [pick((c) => (c.recencyDays === null ? Number.NEGATIVE_INFINITY : -c.recencyDays)), pick((c) => c.orderCount), pick((c) => c.totalCents)]
        : [pick((c) => c.tenureYears), pick((c) => c.totalCents), pick((c) => c.needTags)];
    const { toc, tob } = settings.weights;
    const weights: [number, number, number] = kind === 'person' ? [toc.recency, toc.frequency, toc.monetary] : [tob.tenure, tob.amount, tob.complexity];
    const scored = idx.map((_, k): [number, number, number] => [dims[0]?.[k] ?? 1, dims[1]?.[k] ?? 1, dims[2]?.[k] ?? 1]);
    const composites = scored.map((s) => weighted(s, weights));
    const tiers = assignTiers(composites, settings.shares);
    idx.forEach((i, k) => {
      out[i] = { scores: scored[k] ?? [1, 1, 1], composite: composites[k] ?? 1, tier: tiers[k] ?? 'regular' };
    });
  }
  return out;
}
