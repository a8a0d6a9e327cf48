import { describe, expect, it } from 'vitest';
import { isWeekend, nearestWeekday, spreadDates } from '../../../shared/visits/schedule';

describe('visit dates', () => {
  it('knows weekends and moves to the nearest weekday inside the window', () => {
    expect(isWeekend('2026-11-28')).toBe(true); // Saturday
    expect(isWeekend('2026-11-30')).toBe(false); // Monday
    expect(nearestWeekday('2026-11-28', '2026-11-23', '2026-12-31')).toBe('2026-11-30');
    // No weekday after it inside the window: back to Friday.
    expect(nearestWeekday('2026-11-29', '2026-11-23', '2026-11-29')).toBe('2026-11-27');
  });

  it('spreads one frequency group evenly over its first window, avoiding weekends', () => {
    const dates = spreadDates(10, '2026-12-01', '2027-02-28', 30, true);
    expect(dates).toHaveLength(10);
    expect(dates[0]).toBe('2026-12-01');
    expect(dates.every((d) => d >= '2026-12-01' && d <= '2026-12-30')).toBe(true);
    expect(dates.some(isWeekend)).toBe(false);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBeGreaterThan(5);
  });

  it('keeps weekends when asked, and never leaves the period', () => {
    const dates = spreadDates(7, '2026-11-23', '2026-11-29', 180, false);
    expect(dates).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(spreadDates(3, '2026-11-28', '2026-11-29', 30, true)).toEqual(['2026-11-28', '2026-11-28', '2026-11-29']);
  });
});
