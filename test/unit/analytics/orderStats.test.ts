import { describe, expect, it } from 'vitest';
import { Random } from '../../../electron/services/demo/random';
import { selectInPlace, valuesAtRanks } from '../../../shared/analytics/orderStats';
import { medianOfPositive } from '../../../shared/analytics/quadrant';
import { quantileScores, scoreRfm, type RfmInput } from '../../../shared/analytics/rfm';
import { defaultSegmentSettings } from '../../../shared/analytics/settings';
import * as refRfm from './reference/rfmReference';
import { sortSegmentColumnsById, segmentColumnsFrom } from '../../../shared/analytics/segmentColumns';

/** Values full of ties, signed zeros and infinities, as the score measures have them (recency −∞, spend 0, tag counts). */
function randomValues(rng: Random, n: number): Float64Array {
  const special = [0, -0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1, 1, 2];
  return Float64Array.from({ length: n }, () => (rng.chance(0.4) ? rng.pick(special) : rng.chance(0.5) ? rng.int(-3, 3) : (rng.float() - 0.5) * 1e6));
}

/** The old way: sort everything, take the middle of the positives. */
function sortedMedianOfPositive(values: Float64Array): number {
  const positive = values.filter((v) => v > 0).sort();
  if (positive.length === 0) return 0;
  const mid = positive.length >> 1;
  return positive.length % 2 === 1 ? (positive[mid] as number) : ((positive[mid - 1] as number) + (positive[mid] as number)) / 2;
}

describe('order statistics by selection', () => {
  it('selects exactly the value a numeric sort puts at each rank, without changing the input', () => {
    const rng = new Random(31, 1);
    for (let round = 0; round < 300; round++) {
      const values = randomValues(rng, rng.int(1, 700));
      const before = values.slice();
      const sorted = values.slice().sort();
      const ranks = Array.from({ length: rng.int(1, 6) }, () => rng.int(0, values.length - 1)).sort((a, b) => a - b);
      const got = valuesAtRanks(values, ranks);
      // Numeric equality: a selection may return +0 where the sort has -0 at that rank; both score the same.
      got.forEach((v, i) => expect(v === sorted[ranks[i] as number]).toBe(true));
      expect(values).toEqual(before);
      const k = rng.int(0, values.length - 1);
      const a = values.slice();
      const v = selectInPlace(a, k);
      expect(v === sorted[k]).toBe(true);
      // Partitioned around k: nothing before is larger, nothing after smaller.
      expect(a.subarray(0, k).every((x) => x <= v)).toBe(true);
      expect(a.subarray(k + 1).every((x) => x >= v)).toBe(true);
    }
  });

  it('stays exact on sorted, reversed and constant inputs', () => {
    const up = Float64Array.from({ length: 5001 }, (_, i) => i);
    expect(valuesAtRanks(up, [0, 1000, 2500, 5000])).toEqual([0, 1000, 2500, 5000]);
    expect(valuesAtRanks(up.slice().reverse(), [0, 1000, 2500, 5000])).toEqual([0, 1000, 2500, 5000]);
    expect(valuesAtRanks(new Float64Array(4000).fill(7), [0, 1999, 3999])).toEqual([7, 7, 7]);
  });

  it('the median of positive values equals the median of the sorted positives', () => {
    const rng = new Random(32, 1);
    for (let round = 0; round < 300; round++) {
      const values = randomValues(rng, rng.int(0, 500));
      expect(medianOfPositive(values)).toBe(sortedMedianOfPositive(values));
    }
    expect(medianOfPositive([0, -5, 0])).toBe(0);
    expect(medianOfPositive([4, 0, 2])).toBe(3);
    expect(medianOfPositive([9, 1, 5])).toBe(5);
  });
});

describe('scores by selected cut values equal the sort-and-search scores', () => {
  it('on large inputs dominated by ties (counts, tags, zero spend, no order at all)', () => {
    const rng = new Random(33, 1);
    for (let round = 0; round < 12; round++) {
      const values = Array.from(randomValues(rng, rng.int(1000, 6000)));
      expect(quantileScores(values)).toEqual(refRfm.quantileScores(values));
      const n = rng.int(1000, 4000);
      const inputs: RfmInput[] = Array.from({ length: n }, () => ({
        kind: rng.chance(0.5) ? 'company' : 'person',
        recencyDays: rng.chance(0.3) ? null : rng.int(0, 9),
        orderCount: rng.int(0, 3),
        totalCents: rng.pick([0, 0, 100, rng.int(1, 1_000_000)]),
        tenureYears: rng.int(0, 3),
        needTags: rng.int(0, 1),
      }));
      const settings = { ...defaultSegmentSettings, shares: { high: rng.pick([0.05, 0.12, 0.5]), potential: rng.pick([0.05, 0.2, 0.5]) } };
      expect(scoreRfm(inputs, settings)).toEqual(refRfm.scoreRfm(inputs, settings));
    }
  });
});

describe('segment columns in id order', () => {
  it('reorders every column by customer id', () => {
    const row = (id: number, total: number) => ({
      id,
      kind: id % 2 === 0 ? ('company' as const) : ('person' as const),
      cooperation_start: id === 4 ? '2020-01-01' : null,
      order_count: total / 100,
      order_days: 1,
      total_cents: total,
      first_order_date: '2026-01-0' + String(id),
      last_order_date: null,
      need_tags: id,
      recent_activity: id * 2,
      previous_activity: id * 3,
    });
    const shuffled = segmentColumnsFrom([row(3, 300), row(1, 100), row(4, 400), row(2, 200)]);
    const ordered = segmentColumnsFrom([row(1, 100), row(2, 200), row(3, 300), row(4, 400)]);
    expect(sortSegmentColumnsById(shuffled)).toEqual(ordered);
  });
});
