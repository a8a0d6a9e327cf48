import { describe, expect, it } from 'vitest';
import { lifecycleStage, monthKey, monthsBetween } from '../../../shared/analytics/lifecycle';
import { quadrantOf, quadrantThresholds } from '../../../shared/analytics/quadrant';
import { assignTiers, quantileScores, scoreRfm, type RfmInput } from '../../../shared/analytics/rfm';
import { defaultSegmentSettings, segmentSettingsSchema } from '../../../shared/analytics/settings';

const settings = defaultSegmentSettings;

describe('quantile scores', () => {
  it('gives 1–5 by the share of values strictly below (hand-computed for ten values)', () => {
    // Sorted 10..100: k values below → score 1 + floor(5k/10).
    expect(quantileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('ties share the score of their lowest position', () => {
    // Five zeros have nothing below → 1; 5 has five below → 1+floor(25/8)=4; both 9s have six below → 1+floor(30/8)=4.
    expect(quantileScores([0, 0, 9, 0, 5, 0, 9, 0])).toEqual([1, 1, 4, 1, 4, 1, 4, 1]);
    // Equal values never straddle a quintile boundary: ten equal values all score 1.
    expect(new Set(quantileScores(new Array<number>(10).fill(7)))).toEqual(new Set([1]));
  });
});

describe('tier cut', () => {
  it('cuts 12 % / rest / 20 % without ties', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i); // 99 best
    const tiers = assignTiers(scores, settings.shares);
    expect(tiers.filter((t) => t === 'high')).toHaveLength(12);
    expect(tiers.filter((t) => t === 'potential')).toHaveLength(20);
    expect(tiers[99]).toBe('high');
    expect(tiers[88]).toBe('high');
    expect(tiers[87]).toBe('regular');
    expect(tiers[20]).toBe('regular');
    expect(tiers[19]).toBe('potential');
  });
  it('never splits a tie group: it goes where its middle position falls', () => {
    // 10 customers, high target 1.2 positions. Top group of 3 (positions 0–3, middle 1.5) → regular;
    const a = assignTiers([5, 5, 5, 4, 3, 3, 2, 1, 1, 1], settings.shares);
    expect(a.slice(0, 3)).toEqual(['regular', 'regular', 'regular']);
    // … bottom group of 3 (positions 7–10, middle 8.5 > 10 − 2 = 8) → potential.
    expect(a.slice(7)).toEqual(['potential', 'potential', 'potential']);
    // A top pair (positions 0–2, middle 1 ≤ 1.2) → high.
    const b = assignTiers([5, 5, 4, 4, 4, 3, 3, 3, 2, 1], settings.shares);
    expect(b.slice(0, 2)).toEqual(['high', 'high']);
    expect(b[9]).toBe('potential');
    expect(b[8]).toBe('potential'); // positions 8–9 (middle 8.5 > 8)
  });
});

describe('RFM scoring', () => {
  const person = (recencyDays: number | null, orderCount: number, totalCents: number): RfmInput => ({ kind: 'person', recencyDays, orderCount, totalCents, tenureYears: 0, needTags: 0 });
  it('scores ToC on recency (fewer days better), frequency and money, weighted', () => {
    const inputs = [person(5, 10, 100_000), person(400, 1, 1_000), person(null, 0, 0), person(30, 4, 20_000), person(90, 2, 5_000)];
    const s = scoreRfm(inputs, settings);
    // Five customers: k values below → 1 + k.
    expect(s[0]?.scores).toEqual([5, 5, 5]);
    expect(s[1]?.scores).toEqual([2, 2, 2]);
    expect(s[2]?.scores).toEqual([1, 1, 1]);
    expect(s[3]?.scores).toEqual([4, 4, 4]);
    expect(s[0]?.tier).toBe('high');
    expect(s[2]?.tier).toBe('potential');
    // Only money counts → composite equals the M score.
    const moneyOnly = scoreRfm(inputs, { ...settings, weights: { ...settings.weights, toc: { recency: 0, frequency: 0, monetary: 1 } } });
    expect(moneyOnly.map((x) => x.composite)).toEqual([5, 2, 1, 4, 3]);
    // Weights 2:1:1 on R with scores (4,1,1) → (8+1+1)/4 = 2.5.
    const mixed = scoreRfm([person(1, 0, 0), person(2, 0, 0), person(3, 0, 0), person(4, 0, 0), person(5, 0, 0)], {
      ...settings,
      weights: { ...settings.weights, toc: { recency: 2, frequency: 1, monetary: 1 } },
    });
    expect(mixed[1]?.composite).toBe(2.5);
  });
  it('scores ToB on tenure, amount and need complexity, cut separately from ToC', () => {
    const company = (tenureYears: number, totalCents: number, needTags: number): RfmInput => ({ kind: 'company', recencyDays: 1, orderCount: 1, totalCents, tenureYears, needTags });
    const s = scoreRfm([company(8, 900_000, 4), company(1, 10_000, 1), person(1, 1, 1)], settings);
    expect(s[0]?.scores).toEqual([3, 3, 3]); // one of two below → 1 + floor(5·1/2)
    expect(s[1]?.scores).toEqual([1, 1, 1]);
    expect(s[2]?.scores).toEqual([1, 1, 1]); // alone among people
  });
});

describe('value–potential quadrant', () => {
  it('uses medians of the customers who bought unless thresholds are set', () => {
    const t = quadrantThresholds([0, 100, 200, 300, 400], [0, 10, 20, 30, 50], settings.quadrant);
    expect(t).toEqual({ valueCents: 250, potentialCents: 25 });
    expect(quadrantOf(300, 30, t)).toBe('high-high');
    expect(quadrantOf(300, 20, t)).toBe('high-low');
    expect(quadrantOf(100, 50, t)).toBe('low-high');
    expect(quadrantOf(0, 0, { valueCents: 0, potentialCents: 0 })).toBe('low-low');
    const fixed = quadrantThresholds([1, 2], [1, 2], { valueThresholdCents: 5_000, potentialThresholdCents: 1_000 });
    expect(fixed).toEqual({ valueCents: 5_000, potentialCents: 1_000 });
  });
});

describe('lifecycle stage', () => {
  const rules = settings.lifecycle;
  it('follows months since the first order', () => {
    expect(lifecycleStage({ monthsSinceFirstOrder: null, recentActivity: 0, previousActivity: 0 }, rules)).toBe('acquisition');
    expect(lifecycleStage({ monthsSinceFirstOrder: 2, recentActivity: 0, previousActivity: 5 }, rules)).toBe('acquisition');
    expect(lifecycleStage({ monthsSinceFirstOrder: 3, recentActivity: 4, previousActivity: 4 }, rules)).toBe('growth');
    expect(lifecycleStage({ monthsSinceFirstOrder: 5, recentActivity: 4, previousActivity: 4 }, rules)).toBe('growth');
    expect(lifecycleStage({ monthsSinceFirstOrder: 6, recentActivity: 4, previousActivity: 4 }, rules)).toBe('maturity');
  });
  it('declines when activity fell by the configured share', () => {
    // 10 → 7 is exactly a 30 % drop → decline; 10 → 8 is not.
    expect(lifecycleStage({ monthsSinceFirstOrder: 20, recentActivity: 7, previousActivity: 10 }, rules)).toBe('decline');
    expect(lifecycleStage({ monthsSinceFirstOrder: 20, recentActivity: 8, previousActivity: 10 }, rules)).toBe('maturity');
    expect(lifecycleStage({ monthsSinceFirstOrder: 20, recentActivity: 0, previousActivity: 0 }, rules)).toBe('maturity');
    expect(lifecycleStage({ monthsSinceFirstOrder: 20, recentActivity: 8, previousActivity: 10 }, { ...rules, declineDropPercent: 20 })).toBe('decline');
  });
  it('counts months and month keys on the calendar', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-04-15')).toBe(3);
    expect(monthsBetween('2025-11-20', '2026-05-19')).toBe(5);
    expect(monthKey('2026-02-10', 3)).toBe('2025-11');
    expect(monthKey('2026-12-01', 0)).toBe('2026-12');
  });
});

describe('settings', () => {
  it('accepts the defaults and names a bad field', () => {
    expect(segmentSettingsSchema.parse(defaultSegmentSettings)).toEqual(defaultSegmentSettings);
    const bad = segmentSettingsSchema.safeParse({ ...defaultSegmentSettings, shares: { high: 0.5, potential: 0.2 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['shares', 'high']);
    const order = segmentSettingsSchema.safeParse({ ...defaultSegmentSettings, lifecycle: { ...defaultSegmentSettings.lifecycle, maturityFromMonths: 2 } });
    expect(order.error?.issues[0]?.message).toBe('maturity must start after growth');
  });
});
