import { addDays, isIsoDate } from '../domain/dates';

/**
 * The next date (on or after `asOf`, at most `daysAhead` later) a yearly
 * occasion falls on, given its month and day ('MM-DD'); Feb 29 falls on Feb 28
 * in other years. Null when it is not within the window.
 */
export function nextOccurrence(monthDay: string, asOf: string, daysAhead: number): string | null {
  const last = addDays(asOf, daysAhead);
  for (let year = Number(asOf.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    let date = `${year}-${monthDay}`;
    if (!isIsoDate(date) && monthDay === '02-29') date = `${year}-02-28`;
    if (isIsoDate(date) && date >= asOf && date <= last) return date;
  }
  return null;
}

/** A holiday's date within the window: 'MM-DD' repeats yearly, 'YYYY-MM-DD' is one day. */
export function holidayWithin(date: string, asOf: string, daysAhead: number): string | null {
  if (date.length === 10) return isIsoDate(date) && date >= asOf && date <= addDays(asOf, daysAhead) ? date : null;
  return nextOccurrence(date, asOf, daysAhead);
}

/** Whole years between a first date and an anniversary date. */
export const yearsSince = (first: string, on: string) => Number(on.slice(0, 4)) - Number(first.slice(0, 4));
