import { isIsoDate } from '../../../shared/domain/dates';

/**
 * The generator's time axis: day 0 is the first day of the three-year window,
 * day `days - 1` is `asOf`. Negative days (customers won before the window)
 * and days after `asOf` (planned follow-ups) are allowed where noted.
 */
export interface Calendar {
  asOf: string;
  days: number;
  /** 00:00Z of day 0, in epoch ms. */
  startMs: number;
  /** ISO dates of day 0 … days - 1 + FUTURE_DAYS, precomputed so the row loops never format dates. */
  iso: readonly string[];
  /** Order intensity per day, scaled to a maximum of 1 so it can serve as a rejection-sampling acceptance probability. */
  companyIntensity: Float64Array;
  personIntensity: Float64Array;
  /** The last moment of `asOf` in China (UTC+8): nothing may happen after it. */
  endMs: number;
}

export const DAY_MS = 86_400_000;
const FUTURE_DAYS = 60;
const WINDOW_YEARS = 3;

/** Business hours in China, 08:30–20:59 UTC+8, expressed as minutes after 00:00Z. */
export const CLOCK_FIRST_MINUTE = 30;
export const CLOCK_MINUTES = 750;
/** `THH:MM:00.000Z` for every business minute; a timestamp is a precomputed date plus one of these. */
export const CLOCK: readonly string[] = Array.from({ length: CLOCK_MINUTES }, (_, i) => {
  const minute = CLOCK_FIRST_MINUTE + i;
  return `T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
});

// Shopping calendar: Spring Festival empties February, 618 and Double 11/12
// drive consumers, and companies spend the rest of their budgets in Q4.
const COMPANY_MONTH = [1.0, 0.55, 0.95, 1.0, 1.0, 1.1, 0.95, 0.9, 1.05, 0.85, 1.2, 1.3];
const PERSON_MONTH = [0.95, 0.6, 0.85, 0.9, 1.0, 1.35, 0.9, 0.9, 0.95, 1.05, 1.6, 1.3];

/** Spring Festival (正月初一) dates; its week off is quiet for everyone. */
const SPRING_FESTIVAL = [
  '2018-02-16', '2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29',
  '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03', '2031-01-23', '2032-02-11', '2033-01-31',
].map((d) => Date.parse(`${d}T00:00:00Z`));

function shoppingFestivalBoost(month: number, day: number): number {
  if (month === 5 && day === 18) return 2.5;
  if (month === 10 && day === 11) return 3;
  if (month === 11 && day === 12) return 1.8;
  if ((month === 5 && day < 18) || (month === 10 && day < 11)) return 1.3;
  return 1;
}

function inSpringFestivalWeek(ms: number): boolean {
  return SPRING_FESTIVAL.some((sf) => ms >= sf - DAY_MS && ms <= sf + 6 * DAY_MS);
}

function normalise(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) / max;
  return values;
}

export function buildCalendar(asOf: string): Calendar {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD), got ${asOf}`);
  const end = new Date(`${asOf}T00:00:00Z`);
  const startMs = Date.UTC(end.getUTCFullYear() - WINDOW_YEARS, end.getUTCMonth(), end.getUTCDate() + 1);
  const days = Math.round((end.getTime() - startMs) / DAY_MS) + 1;
  const iso: string[] = [];
  const company = new Float64Array(days);
  const person = new Float64Array(days);
  for (let i = 0; i < days + FUTURE_DAYS; i++) {
    const date = new Date(startMs + i * DAY_MS);
    iso.push(date.toISOString().slice(0, 10));
    if (i >= days) continue;
    const month = date.getUTCMonth();
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const holiday = inSpringFestivalWeek(date.getTime()) ? 0.25 : 1;
    const growth = 0.8 + (0.25 * i) / days; // the business grows a little every year
    company[i] = (COMPANY_MONTH[month] ?? 1) * (weekend ? 0.35 : 1) * holiday * growth * Math.sqrt(shoppingFestivalBoost(month, date.getUTCDate()));
    person[i] = (PERSON_MONTH[month] ?? 1) * (weekend ? 1.15 : 1) * holiday * growth * shoppingFestivalBoost(month, date.getUTCDate());
  }
  return {
    asOf,
    days,
    startMs,
    iso,
    companyIntensity: normalise(company),
    personIntensity: normalise(person),
    endMs: end.getTime() + 16 * 3_600_000 - 1,
  };
}

/** ISO date of any day index, including ones before the window (long-standing customers). */
export function isoDay(cal: Calendar, day: number): string {
  if (day >= 0 && day < cal.iso.length) return cal.iso[day] ?? '';
  return new Date(cal.startMs + day * DAY_MS).toISOString().slice(0, 10);
}
