/** Calendar months as `YYYY-MM` keys: the period unit of the dashboard and the manager report. */
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

/** The month `n` months after `month` (negative goes back). */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  return `${String(year).padStart(4, '0')}-${String(total - year * 12 + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

/** The first day of the following month: periods are half-open [first day, next first day). */
export function nextFirstDay(month: string): string {
  return `${addMonths(month, 1)}-01`;
}
