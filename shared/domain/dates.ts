/** Dates are ISO `YYYY-MM-DD` text everywhere; these helpers never touch local time zones. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseIsoDate(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

export function addDays(isoDate: string, days: number): string {
  const d = parseIsoDate(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

/** Whole years of cooperation from a start date to `asOf` (合作年限), never negative. */
export function yearsBetween(start: string | null, asOf: string): number | null {
  if (!start) return null;
  const s = parseIsoDate(start);
  const a = parseIsoDate(asOf);
  let years = a.getUTCFullYear() - s.getUTCFullYear();
  if (a.getUTCMonth() < s.getUTCMonth() || (a.getUTCMonth() === s.getUTCMonth() && a.getUTCDate() < s.getUTCDate())) years -= 1;
  return Math.max(0, years);
}

/** Today's date in the machine's local calendar, as staff see it on the wall. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
