import { describe, expect, it } from 'vitest';
import { alertsAtMonthEnds } from '../../../shared/kpi/dashboard';
import { activityByMonth, churnRate, complaintRate, completenessRate, interactionsPerCustomer, meanCents, repurchaseRate, retentionRate, slaAttainment } from '../../../shared/kpi/formulas';
import { csatFromHistogram, npsFromHistogram } from '../../../shared/surveys/metrics';
import { addMonths, monthsBetween, monthsEnding, nextFirstDay } from '../../../shared/kpi/months';
import { kpiState } from '../../../shared/kpi/targets';

describe('KPI formulas (DESIGN.md), on hand-computed fixtures', () => {
  it('retention and churn: 40 active at the start, 6 lost', () => {
    expect(retentionRate(40, 6)).toBeCloseTo(34 / 40, 12);
    expect(churnRate(40, 6)).toBeCloseTo(0.15, 12);
    expect(retentionRate(0, 0)).toBeNull();
    expect(churnRate(0, 0)).toBeNull();
  });

  it('repurchase, complaint rate, SLA attainment, interactions per customer', () => {
    expect(repurchaseRate(12, 48)).toBe(0.25);
    expect(complaintRate(3, 60)).toBe(0.05);
    expect(slaAttainment(19, 20)).toBe(0.95);
    expect(slaAttainment(0, 0)).toBeNull();
    expect(interactionsPerCustomer(90, 40)).toBe(2.25);
    expect(meanCents(1000, 3)).toBe(333);
    expect(meanCents(5, 0)).toBeNull();
  });

  it('CSAT: mean of 5-point scores and the share of 4 and 5', () => {
    // scores 1,2,3,3,4,4,4,5,5,5 → sum 36, n 10, six ≥ 4
    const counts = [0, 1, 1, 2, 3, 3];
    expect(csatFromHistogram(counts)).toEqual({ mean: 3.6, goodShare: 0.6, n: 10 });
    expect(csatFromHistogram([0, 0, 0, 0, 0, 0])).toEqual({ mean: null, goodShare: null, n: 0 });
  });

  it('NPS: % promoters (9–10) − % detractors (0–6)', () => {
    // 0..10 once each plus three 10s: 14 answers, promoters 9,10,10,10,10 = 5, detractors 0–6 = 7, passives 2
    const counts = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4];
    const r = npsFromHistogram(counts);
    expect(r).toMatchObject({ promoters: 5, passives: 2, detractors: 7, n: 14 });
    expect(r.score).toBeCloseTo((100 * (5 - 7)) / 14, 12);
    expect(npsFromHistogram([0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1]).score).toBe(100);
    expect(npsFromHistogram([]).score).toBeNull();
  });

  it('completeness: filled required cells over profiles × required fields (= the mean of per-profile scores)', () => {
    // 4 profiles, 3 required fields filled 4, 2, 0 times: per-profile scores would average 6/12.
    expect(completenessRate([4, 2, 0], 4)).toBe(0.5);
    expect(completenessRate([], 4)).toBeNull();
    expect(completenessRate([0], 0)).toBeNull();
  });

  it('activity by month from masks: active, lost and ordering with a 2-month window', () => {
    // Months 0..4; bit i = ordered in month i.
    //  A: months 0 and 3 → 0b01001; B: month 1 → 0b00010; C: months 2, 3, 4 → 0b11100
    const masks: [number, number][] = [
      [0b01001, 1],
      [0b00010, 2],
      [0b11100, 1],
    ];
    const r = activityByMonth(masks, 5, 2);
    // month 2: start window {0,1}: A, B×2 = 3; end {1,2}: B×2, C = 3; lost A = 1; ordering C = 1
    expect(r[0]).toEqual({ activeAtStart: 3, active: 3, lost: 1, ordering: 1 });
    // month 3: start {1,2}: B×2, C = 3; end {2,3}: A, C = 2; lost B×2 = 2; ordering A, C = 2
    expect(r[1]).toEqual({ activeAtStart: 3, active: 2, lost: 2, ordering: 2 });
    // month 4: start {2,3}: A, C = 2; end {3,4}: A, C = 2; lost 0; ordering C
    expect(r[2]).toEqual({ activeAtStart: 2, active: 2, lost: 0, ordering: 1 });
  });

  it('open and overdue warnings at each month end (or now for the running month)', () => {
    const alerts = [
      ['2026-09-10T00:00:00Z', '2026-09-11T00:00:00Z', null],
      ['2026-09-20T00:00:00Z', '2026-10-20T00:00:00Z', '2026-10-05T00:00:00Z'],
      ['2026-10-20T00:00:00Z', '2026-12-01T00:00:00Z', null],
    ] as const;
    const r = alertsAtMonthEnds(alerts, ['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'], '2026-11-15T00:00:00.000Z');
    expect(r.open).toEqual([2, 2, 2]);
    expect(r.overdue).toEqual([1, 1, 1]);
  });

  it('red / amber / green against targets, amber within the margin', () => {
    expect(kpiState(0.05, 0.05, 'atMost', 0.1)).toBe('green');
    expect(kpiState(0.054, 0.05, 'atMost', 0.1)).toBe('amber');
    expect(kpiState(0.056, 0.05, 'atMost', 0.1)).toBe('red');
    expect(kpiState(4.0, 4, 'atLeast', 0.1)).toBe('green');
    expect(kpiState(3.7, 4, 'atLeast', 0.1)).toBe('amber');
    expect(kpiState(3.5, 4, 'atLeast', 0.1)).toBe('red');
    expect(kpiState(0.05, 0.05, 'below', 0.1)).toBe('amber');
    expect(kpiState(0.049, 0.05, 'below', 0.1)).toBe('green');
    expect(kpiState(36, 40, 'atLeast', 0.1)).toBe('amber');
    expect(kpiState(1, 0, 'atMost', 0.1)).toBe('red');
    expect(kpiState(null, 4, 'atLeast', 0.1)).toBe('none');
    expect(kpiState(3, null, null, 0.1)).toBe('none');
  });

  it('month arithmetic', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(nextFirstDay('2026-12')).toBe('2027-01-01');
  });
});
