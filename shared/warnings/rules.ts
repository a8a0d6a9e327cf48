import { addDays, daysBetween } from '../domain/dates';
import type { CustomerStatus, Tier } from '../domain/enums';
import type { WarningRule, WarningSettings } from './settings';

/** What the rules need per customer, read from the rollups in one pass (electron/db/warnings.ts). */
export interface WarningInput {
  id: number;
  status: CustomerStatus;
  /** Effective tier: the manual override, else the latest run's tier. */
  tier: Tier | null;
  lastOrderDate: string | null;
  /** Date part (YYYY-MM-DD) of the newest interaction. */
  lastInteractionDate: string | null;
  pAlive: number | null;
  /** Order amounts (cents) of the last three complete calendar months, oldest first. */
  months: readonly [number, number, number];
  openComplaints: number;
  oldestOpenComplaint: string | null;
  /** Lowest satisfaction score (1–5) given within the feedback window, and when. */
  lowScore: number | null;
  lowScoreDate: string | null;
  /** When the lowest score came from a survey response: its form, lowest 5-point score and NPS (lowScore is 0 for an NPS detractor). */
  lowScoreSurvey?: SurveyScore | null;
}

export interface SurveyScore {
  formNo: string;
  minScore: number | null;
  nps: number | null;
}

export type Evidence =
  | { rule: 'inactive'; lastOrderDate: string | null; lastInteractionDate: string | null; days: number }
  | { rule: 'complaint'; open: number; oldestOpenedAt: string }
  | { rule: 'negative_feedback'; score: number; on: string | null; survey?: SurveyScore }
  | { rule: 'order_drop'; months: [string, string, string]; amountsCents: [number, number, number]; dropPercents: [number, number] }
  | { rule: 'predicted_churn'; pAlive: number; threshold: number };

export interface WarningHit {
  customerId: number;
  rule: WarningRule;
  evidence: Evidence;
  /** 0 = high value … 3 = not yet tiered; lower is flagged first. */
  priority: number;
}

const tierRank: Record<Tier, number> = { high: 0, regular: 1, potential: 2 };
export const priorityOf = (tier: Tier | null): number => (tier === null ? 3 : tierRank[tier]);

/** The three complete calendar months before `asOf`'s month (YYYY-MM), oldest first. */
export function lastCompleteMonths(asOf: string): [string, string, string] {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const month = (back: number) => {
    const total = y * 12 + (m - 1) - back;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  };
  return [month(3), month(2), month(1)];
}

/** Whole percent fall from `before` to `after` (0 when it rose). */
export const dropPercent = (before: number, after: number) => (before <= 0 || after >= before ? 0 : Math.floor(((before - after) * 100) / before));

/**
 * Evaluates every enabled rule for one customer. Pure: the same inputs, settings
 * and date always give the same hits. Lost customers get only the complaint and
 * feedback rules (they are no longer a churn risk; a complaint still needs an answer).
 */
export function evaluateCustomer(
  c: WarningInput,
  asOf: string,
  months: [string, string, string],
  s: WarningSettings['rules'],
  inactiveSince = addDays(asOf, -s.inactive.days),
  hits: WarningHit[] = [],
): WarningHit[] {
  const priority = priorityOf(c.tier);
  const hit = (evidence: Evidence) => hits.push({ customerId: c.id, rule: evidence.rule, evidence, priority });
  const churnRules = c.status !== 'lost';

  if (churnRules && s.inactive.enabled) {
    const last = c.lastOrderDate === null ? c.lastInteractionDate : c.lastInteractionDate === null || c.lastOrderDate > c.lastInteractionDate ? c.lastOrderDate : c.lastInteractionDate;
    // ISO dates compare as text, so only the hits pay for a date calculation.
    if (last !== null && last <= inactiveSince) hit({ rule: 'inactive', lastOrderDate: c.lastOrderDate, lastInteractionDate: c.lastInteractionDate, days: daysBetween(last, asOf) });
  }
  if (s.complaint.enabled && c.openComplaints > 0) {
    hit({ rule: 'complaint', open: c.openComplaints, oldestOpenedAt: c.oldestOpenComplaint ?? '' });
  }
  if (s.negative_feedback.enabled && c.lowScore !== null && c.lowScore < s.negative_feedback.belowScore) {
    hit({ rule: 'negative_feedback', score: c.lowScore, on: c.lowScoreDate, ...(c.lowScoreSurvey ? { survey: c.lowScoreSurvey } : {}) });
  }
  if (churnRules && s.order_drop.enabled) {
    const [a, b, d] = c.months;
    // Integer comparison so a 30% drop at a 30% threshold counts exactly: after ≤ before × (100 − p) / 100.
    const keep = 100 - s.order_drop.dropPercent;
    if (a > 0 && b > 0 && b * 100 <= a * keep && d * 100 <= b * keep) {
      hit({ rule: 'order_drop', months, amountsCents: [a, b, d], dropPercents: [dropPercent(a, b), dropPercent(b, d)] });
    }
  }
  if (churnRules && s.predicted_churn.enabled && c.pAlive !== null && c.pAlive < s.predicted_churn.pAliveBelow) {
    hit({ rule: 'predicted_churn', pAlive: c.pAlive, threshold: s.predicted_churn.pAliveBelow });
  }
  return hits;
}

/** All rules over all customers; high-value customers first, then by customer id. */
export function evaluateAll(inputs: readonly WarningInput[], asOf: string, s: WarningSettings['rules']): WarningHit[] {
  const months = lastCompleteMonths(asOf);
  const inactiveSince = addDays(asOf, -s.inactive.days);
  const hits: WarningHit[] = [];
  // One output array for all customers: no allocation per customer at 100,000 rows.
  for (const c of inputs) evaluateCustomer(c, asOf, months, s, inactiveSince, hits);
  return hits.sort((x, y) => x.priority - y.priority || x.customerId - y.customerId);
}

/** The first day of the feedback window (scores given on or after it count). */
export const feedbackSince = (asOf: string, withinDays: number) => addDays(asOf, -withinDays);
