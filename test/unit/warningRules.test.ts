import { describe, expect, it } from 'vitest';
import { nextOccurrence, holidayWithin } from '../../shared/warnings/care';
import { formatEvidence } from '../../shared/warnings/evidence';
import { evaluateAll, evaluateCustomer, lastCompleteMonths, type WarningInput } from '../../shared/warnings/rules';
import { defaultWarningSettings } from '../../shared/warnings/settings';
import { clockState, slaDeadline } from '../../shared/warnings/sla';

const rules = defaultWarningSettings.rules;
const customer = (over: Partial<WarningInput> = {}): WarningInput => ({
  id: 1,
  status: 'active',
  tier: 'regular',
  lastOrderDate: null,
  lastInteractionDate: null,
  pAlive: null,
  months: [0, 0, 0],
  openComplaints: 0,
  oldestOpenComplaint: null,
  lowScore: null,
  lowScoreDate: null,
  ...over,
});
const ruleNames = (c: WarningInput, asOf = '2026-11-23') => evaluateCustomer(c, asOf, lastCompleteMonths(asOf), rules).map((h) => h.rule);

describe('warning rules (pure)', () => {
  it('no purchase and no contact: day 89 is quiet, days 90 and 91 raise; the newer of order and contact counts', () => {
    const c = customer({ lastOrderDate: '2026-01-01' });
    expect(ruleNames(c, '2026-03-31')).toEqual([]); // 89 days
    expect(ruleNames(c, '2026-04-01')).toEqual(['inactive']); // 90 days
    const hit = evaluateCustomer(c, '2026-04-02', lastCompleteMonths('2026-04-02'), rules)[0];
    expect(hit?.evidence).toEqual({ rule: 'inactive', lastOrderDate: '2026-01-01', lastInteractionDate: null, days: 91 });
    expect(ruleNames(customer({ lastOrderDate: '2026-01-01', lastInteractionDate: '2026-02-01' }), '2026-04-02')).toEqual([]);
    // Never active at all: nothing to lose yet. A lost customer is not a churn warning any more.
    expect(ruleNames(customer(), '2026-04-02')).toEqual([]);
    expect(ruleNames(customer({ lastOrderDate: '2026-01-01', status: 'lost' }), '2026-04-02')).toEqual([]);
  });

  it('orders down two months in a row: a 29% drop is quiet, 30% raises; one month down is not enough', () => {
    expect(lastCompleteMonths('2026-01-15')).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(ruleNames(customer({ months: [10000, 7000, 4900] }))).toEqual(['order_drop']);
    expect(ruleNames(customer({ months: [10000, 7100, 4970] }))).toEqual([]);
    expect(ruleNames(customer({ months: [10000, 7000, 4970] }))).toEqual([]);
    expect(ruleNames(customer({ months: [10000, 10000, 1000] }))).toEqual([]);
    // From nothing, or down to nothing and staying there, is not "down two months running".
    expect(ruleNames(customer({ months: [0, 7000, 4900] }))).toEqual([]);
    expect(ruleNames(customer({ months: [10000, 0, 0] }))).toEqual([]);
    const hit = evaluateCustomer(customer({ months: [10000, 7000, 4900] }), '2026-11-23', lastCompleteMonths('2026-11-23'), rules)[0];
    expect(hit?.evidence).toEqual({ rule: 'order_drop', months: ['2026-08', '2026-09', '2026-10'], amountsCents: [10000, 7000, 4900], dropPercents: [30, 30] });
    expect(formatEvidence(hit!.evidence)).toBe('orders 2026-08 CN¥100.00 → 2026-09 CN¥70.00 (−30%) → 2026-10 CN¥49.00 (−30%)');
  });

  it('complaints, low scores and predicted churn; switched-off rules raise nothing; high value first', () => {
    expect(ruleNames(customer({ openComplaints: 2, oldestOpenComplaint: '2026-11-20T08:00:00Z' }))).toEqual(['complaint']);
    expect(ruleNames(customer({ lowScore: 2, lowScoreDate: '2026-11-01' }))).toEqual(['negative_feedback']);
    expect(ruleNames(customer({ lowScore: 3 }))).toEqual([]);
    expect(ruleNames(customer({ pAlive: 0.29 }))).toEqual(['predicted_churn']);
    expect(ruleNames(customer({ pAlive: 0.3 }))).toEqual([]);
    const off = { ...rules, complaint: { enabled: false } };
    expect(evaluateCustomer(customer({ openComplaints: 1 }), '2026-11-23', lastCompleteMonths('2026-11-23'), off)).toEqual([]);
    const hits = evaluateAll([customer({ id: 1, tier: 'potential', pAlive: 0.1 }), customer({ id: 2, tier: null, pAlive: 0.1 }), customer({ id: 3, tier: 'high', pAlive: 0.1 })], '2026-11-23', rules);
    expect(hits.map((h) => h.customerId)).toEqual([3, 1, 2]);
    expect(formatEvidence({ rule: 'inactive', lastOrderDate: '2026-07-02', lastInteractionDate: null, days: 143 }, 'zh-CN')).toBe('最近订单 2026-07-02，最近联系 无，已 143 天');
  });
});

describe('SLA clocks', () => {
  const calendar = { countWeekends: true, tzOffsetMinutes: 480 };
  const workdays = { countWeekends: false, tzOffsetMinutes: 480 };
  it('run across midnight in calendar hours', () => {
    // Tuesday 23:00 in Beijing (15:00 UTC) + 24 h = Wednesday 23:00.
    expect(slaDeadline('2026-11-24T15:00:00.000Z', 24, calendar)).toBe('2026-11-25T15:00:00.000Z');
    expect(slaDeadline('2026-11-24T15:00:00.000Z', 2, workdays)).toBe('2026-11-24T17:00:00.000Z');
  });
  it('skip Saturday and Sunday (local time) when weekends do not count', () => {
    // Friday 20:00 Beijing (12:00 UTC) + 24 h: 4 h on Friday, the weekend skipped, 20 h on Monday → Monday 20:00.
    expect(slaDeadline('2026-11-27T12:00:00.000Z', 24, workdays)).toBe('2026-11-30T12:00:00.000Z');
    expect(slaDeadline('2026-11-27T12:00:00.000Z', 24, calendar)).toBe('2026-11-28T12:00:00.000Z');
    // Opened on Saturday 10:00 Beijing: the clock starts Monday 00:00 → 48 h later is Wednesday 00:00.
    expect(slaDeadline('2026-11-28T02:00:00.000Z', 48, workdays)).toBe('2026-12-01T16:00:00.000Z');
    // Friday 23:00 UTC is Saturday 07:00 in Beijing, but still Friday in UTC: the offset decides.
    expect(slaDeadline('2026-11-27T23:00:00.000Z', 1, { countWeekends: false, tzOffsetMinutes: 0 })).toBe('2026-11-28T00:00:00.000Z');
    expect(slaDeadline('2026-11-27T23:00:00.000Z', 1, workdays)).toBe('2026-11-29T17:00:00.000Z');
  });
  it('state: met, breached, overdue, soon due, running', () => {
    const due = '2026-11-25T12:00:00.000Z';
    expect(clockState(due, '2026-11-25T11:59:00.000Z', '2026-11-26T00:00:00.000Z', 4)).toBe('met');
    expect(clockState(due, '2026-11-25T12:01:00.000Z', '2026-11-26T00:00:00.000Z', 4)).toBe('breached');
    expect(clockState(due, null, '2026-11-25T12:00:01.000Z', 4)).toBe('overdue');
    expect(clockState(due, null, '2026-11-25T08:00:00.000Z', 4)).toBe('soon');
    expect(clockState(due, null, '2026-11-25T07:59:59.000Z', 4)).toBe('running');
  });
});

describe('care dates', () => {
  it('find the next birthday or anniversary within the window, Feb 29 on Feb 28 in other years, across the new year', () => {
    expect(nextOccurrence('11-25', '2026-11-23', 7)).toBe('2026-11-25');
    expect(nextOccurrence('12-01', '2026-11-23', 7)).toBe(null);
    expect(nextOccurrence('11-23', '2026-11-23', 0)).toBe('2026-11-23');
    expect(nextOccurrence('01-02', '2026-12-28', 7)).toBe('2027-01-02');
    expect(nextOccurrence('02-29', '2027-02-25', 7)).toBe('2027-02-28');
    expect(holidayWithin('10-01', '2026-09-28', 7)).toBe('2026-10-01');
    expect(holidayWithin('2027-02-06', '2027-02-01', 7)).toBe('2027-02-06');
    expect(holidayWithin('2026-02-17', '2027-02-15', 7)).toBe(null);
  });
});
