import { addDays, daysBetween, parseIsoDate } from '../domain/dates';

/** Saturday or Sunday (dates are calendar dates, no time zone). */
export function isWeekend(isoDate: string): boolean {
  const day = parseIsoDate(isoDate).getUTCDay();
  return day === 0 || day === 6;
}

/** The nearest weekday inside [from, to]: forward first, then backward; the date itself when the window has none. */
export function nearestWeekday(date: string, from: string, to: string): string {
  for (let d = date; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) return d;
  for (let d = addDays(date, -1); d >= from; d = addDays(d, -1)) if (!isWeekend(d)) return d;
  return date;
}

/**
 * Dates for `count` visits that share one visit frequency, spread evenly over the
 * first frequency window of the period (a monthly customer is seen within the first
 * 30 days, a half-yearly one within the period or 180 days), so the workload is even
 * instead of everyone landing on the first day. Weekends move to the nearest weekday
 * inside the window when `skipWeekends`.
 */
export function spreadDates(count: number, from: string, to: string, frequencyDays: number, skipWeekends: boolean): string[] {
  const windowEnd = [to, addDays(from, Math.max(1, frequencyDays) - 1)].sort()[0] ?? to;
  const span = daysBetween(from, windowEnd) + 1;
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(from, Math.floor((i * span) / Math.max(1, count)));
    dates.push(skipWeekends ? nearestWeekday(date, from, windowEnd) : date);
  }
  return dates;
}
