import { describe, expect, it } from 'vitest';
import { csat, nps, npsFromCounts, responseRate, scoreSummary } from '../../../shared/surveys/metrics';

describe('CSAT and NPS formulas (hand-computed)', () => {
  it('csat: mean of the 1–5 scores and the share of scores ≥ 4', () => {
    // 5 + 4 + 3 + 2 + 4 = 18 over 5 → 3.6; three of five are ≥ 4 → 0.6
    expect(csat([5, 4, 3, 2, 4])).toEqual({ n: 5, mean: 3.6, goodShare: 0.6 });
    expect(csat([4])).toEqual({ n: 1, mean: 4, goodShare: 1 });
    expect(csat([3, 3])).toEqual({ n: 2, mean: 3, goodShare: 0 });
    expect(csat([])).toEqual({ n: 0, mean: null, goodShare: null });
    expect(() => csat([6])).toThrow(/1–5/);
    expect(() => csat([0])).toThrow(/1–5/);
  });

  it('nps: % promoters (9–10) minus % detractors (0–6); 7 and 8 are passive', () => {
    // promoters 10, 9, 9 = 3; passives 8, 7 = 2; detractors 6, 0 = 2 → (3 − 2) / 7 × 100 = 14.2857…
    const r = nps([10, 9, 9, 8, 7, 6, 0]);
    expect(r).toMatchObject({ n: 7, promoters: 3, passives: 2, detractors: 2 });
    expect(r.score).toBeCloseTo(100 / 7, 10);
    expect(nps([10, 10]).score).toBe(100);
    expect(nps([6, 0, 5]).score).toBe(-100);
    expect(nps([7, 8]).score).toBe(0);
    expect(nps([]).score).toBeNull();
    expect(() => nps([11])).toThrow(/0–10/);
    expect(npsFromCounts(4, 1, 2)).toEqual({ n: 4, promoters: 1, passives: 1, detractors: 2, score: -25 });
  });

  it('response rate and the per-response summary', () => {
    expect(responseRate(3, 4)).toBe(0.75);
    expect(responseRate(0, 0)).toBeNull();
    expect(scoreSummary([4, 2, 5])).toEqual({ mean: 11 / 3, min: 2 });
    expect(scoreSummary([])).toEqual({ mean: null, min: null });
  });
});
