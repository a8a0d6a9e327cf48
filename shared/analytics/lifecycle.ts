import type { SegmentSettings } from './settings';

/** 获客期 / 成长期 / 成熟期 / 衰退期 */
export const lifecycleStages = ['acquisition', 'growth', 'maturity', 'decline'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export interface LifecycleInput {
  /** Whole months from the first order to the as-of date; null when there is no order. */
  monthsSinceFirstOrder: number | null;
  /** Orders + interactions in the last `declineWindowMonths` months … */
  recentActivity: number;
  /** … and in the same number of months before that. */
  previousActivity: number;
}

/**
 * Rules (all configurable): no order yet or fewer than `growthFromMonths`
 * months since the first → acquisition; up to `maturityFromMonths` → growth;
 * after that → maturity. A customer past acquisition whose orders and
 * interactions in the last window fell by at least `declineDropPercent` against
 * the window before is in decline instead.
 */
export function lifecycleStage(c: LifecycleInput, rules: SegmentSettings['lifecycle']): LifecycleStage {
  return lifecycleStages[lifecycleCode(c.monthsSinceFirstOrder ?? Number.NaN, c.recentActivity, c.previousActivity, rules)] as LifecycleStage;
}

/** The same rule on plain numbers (NaN months = no order), as an index into `lifecycleStages`: no object per customer. */
export function lifecycleCode(months: number, recentActivity: number, previousActivity: number, rules: SegmentSettings['lifecycle']): number {
  if (Number.isNaN(months) || months < rules.growthFromMonths) return 0;
  if (previousActivity > 0 && recentActivity <= previousActivity * (1 - rules.declineDropPercent / 100)) return 3;
  return months < rules.maturityFromMonths ? 1 : 2;
}

/** Whole calendar months between two ISO dates (the day of month decides a partial month). */
export function monthsBetween(from: string, to: string): number {
  // Fixed positions of YYYY-MM-DD: called for every customer, so no split().
  const part = (s: string, a: number, b: number) => Number(s.slice(a, b));
  let months = (part(to, 0, 4) - part(from, 0, 4)) * 12 + (part(to, 5, 7) - part(from, 5, 7));
  if (part(to, 8, 10) < part(from, 8, 10)) months -= 1;
  return Math.max(0, months);
}

/** monthsBetween on dates given as year·10000 + month·100 + day. */
export function monthsBetweenYmd(from: number, to: number): number {
  // Plain arithmetic, no helper closures: called once per customer.
  let months = (Math.floor(to / 10_000) - Math.floor(from / 10_000)) * 12 + ((Math.floor(to / 100) % 100) - (Math.floor(from / 100) % 100));
  if (to % 100 < from % 100) months -= 1;
  return Math.max(0, months);
}

/** `YYYY-MM` of the month `back` months before the month of `isoDate`. */
export function monthKey(isoDate: string, back = 0): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1 - back;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
