import { addDays, daysBetween } from '../domain/dates';
import { dropPercent, lastCompleteMonths, priorityOf, type Evidence, type SurveyScore, type WarningHit, type WarningInput } from './rules';
import type { WarningSettings } from './settings';

/**
 * Every customer's rule inputs, one array per field (slot i is the i-th customer
 * in ascending id order). At 100,000 customers an object per customer, plus the
 * maps that joined the side queries onto them, cost more than all the rules; as
 * columns the raw SQLite rows are copied straight in and only the hits allocate.
 * Absent numbers are NaN; absent dates and texts are null.
 */
export interface WarningColumns {
  n: number;
  id: Float64Array;
  /** 1 = status `lost` (only the complaint and feedback rules apply). */
  lost: Uint8Array;
  /** priorityOf(effective tier): 0 = high value … 3 = not yet tiered. */
  priority: Uint8Array;
  lastOrderDate: (string | null)[];
  /** Date part (YYYY-MM-DD) of the newest interaction. */
  lastInteractionDate: (string | null)[];
  pAlive: Float64Array;
  /** Order amounts (cents) of the last three complete months, slot i at 3i, 3i+1, 3i+2, oldest first. */
  months: Float64Array;
  openComplaints: Float64Array;
  oldestOpenComplaint: (string | null)[];
  /** Lowest satisfaction score (1–5) within the feedback window (NaN = none), and when. */
  lowScore: Float64Array;
  lowScoreDate: (string | null)[];
  /** When the lowest score came from a survey response: its form, lowest 5-point score and NPS. */
  lowScoreSurvey: (SurveyScore | null)[];
}

export function emptyWarningColumns(n: number): WarningColumns {
  const nulls = () => new Array<string | null>(n).fill(null);
  return {
    n,
    id: new Float64Array(n),
    lost: new Uint8Array(n),
    priority: new Uint8Array(n),
    lastOrderDate: nulls(),
    lastInteractionDate: nulls(),
    pAlive: new Float64Array(n).fill(NaN),
    months: new Float64Array(n * 3),
    openComplaints: new Float64Array(n),
    oldestOpenComplaint: nulls(),
    lowScore: new Float64Array(n).fill(NaN),
    lowScoreDate: nulls(),
    lowScoreSurvey: new Array<SurveyScore | null>(n).fill(null),
  };
}

/** The slot of customer `id` (binary search over the ascending ids), -1 when absent. */
export function slotOf(cols: WarningColumns, id: number): number {
  let lo = 0;
  let hi = cols.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = cols.id[mid] ?? 0;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Object inputs as columns (tests and small callers); `inputs` must be in ascending id order. */
export function columnsFromInputs(inputs: readonly WarningInput[]): WarningColumns {
  const cols = emptyWarningColumns(inputs.length);
  inputs.forEach((c, i) => {
    cols.id[i] = c.id;
    cols.lost[i] = c.status === 'lost' ? 1 : 0;
    cols.priority[i] = priorityOf(c.tier);
    cols.lastOrderDate[i] = c.lastOrderDate;
    cols.lastInteractionDate[i] = c.lastInteractionDate;
    cols.pAlive[i] = c.pAlive ?? NaN;
    cols.months.set(c.months, i * 3);
    cols.openComplaints[i] = c.openComplaints;
    cols.oldestOpenComplaint[i] = c.oldestOpenComplaint;
    cols.lowScore[i] = c.lowScore ?? NaN;
    cols.lowScoreDate[i] = c.lowScoreDate;
    cols.lowScoreSurvey[i] = c.lowScoreSurvey ?? null;
  });
  return cols;
}

/**
 * All enabled rules over all customers, exactly as evaluateAll in ./rules does
 * over objects (the same hits, evidence and order: high-value customers first,
 * then by customer id, rules in their fixed order) — but one pass over the
 * columns. Hits go to one list per priority, which is the sorted order
 * because the slots are in id order.
 */
export function evaluateColumns(cols: WarningColumns, asOf: string, s: WarningSettings['rules']): WarningHit[] {
  const months = lastCompleteMonths(asOf);
  const inactiveSince = addDays(asOf, -s.inactive.days);
  const keep = 100 - s.order_drop.dropPercent;
  const belowScore = s.negative_feedback.belowScore;
  const pAliveBelow = s.predicted_churn.pAliveBelow;
  const byPriority: WarningHit[][] = [[], [], [], []];
  const { id, lost, priority, lastOrderDate, lastInteractionDate, pAlive, openComplaints, lowScore } = cols;
  const amounts = cols.months;

  // No closure or object per customer: the loop allocates only for hits.
  for (let i = 0; i < cols.n; i++) {
    const customerId = id[i] ?? 0;
    const rank = priority[i] ?? 3;
    const bucket = byPriority[rank] ?? [];
    const churnRules = lost[i] === 0;

    if (churnRules && s.inactive.enabled) {
      const lo = lastOrderDate[i] ?? null;
      const li = lastInteractionDate[i] ?? null;
      const last = lo === null ? li : li === null || lo > li ? lo : li;
      // ISO dates compare as text, so only the hits pay for a date calculation.
      if (last !== null && last <= inactiveSince) addHit(bucket, customerId, rank, { rule: 'inactive', lastOrderDate: lo, lastInteractionDate: li, days: daysBetween(last, asOf) });
    }
    const complaints = openComplaints[i] ?? 0;
    if (s.complaint.enabled && complaints > 0) {
      addHit(bucket, customerId, rank, { rule: 'complaint', open: complaints, oldestOpenedAt: cols.oldestOpenComplaint[i] ?? '' });
    }
    const score = lowScore[i] ?? NaN;
    if (s.negative_feedback.enabled && score < belowScore) {
      const survey = cols.lowScoreSurvey[i] ?? null;
      addHit(bucket, customerId, rank, { rule: 'negative_feedback', score, on: cols.lowScoreDate[i] ?? null, ...(survey ? { survey } : {}) });
    }
    if (churnRules && s.order_drop.enabled) {
      const a = amounts[i * 3] ?? 0;
      const b = amounts[i * 3 + 1] ?? 0;
      const d = amounts[i * 3 + 2] ?? 0;
      // Integer comparison so a 30% drop at a 30% threshold counts exactly: after ≤ before × (100 − p) / 100.
      if (a > 0 && b > 0 && b * 100 <= a * keep && d * 100 <= b * keep) {
        addHit(bucket, customerId, rank, { rule: 'order_drop', months, amountsCents: [a, b, d], dropPercents: [dropPercent(a, b), dropPercent(b, d)] });
      }
    }
    const p = pAlive[i] ?? NaN;
    if (churnRules && s.predicted_churn.enabled && p < pAliveBelow) {
      addHit(bucket, customerId, rank, { rule: 'predicted_churn', pAlive: p, threshold: pAliveBelow });
    }
  }
  return byPriority.flat();
}

function addHit(list: WarningHit[], customerId: number, priority: number, evidence: Evidence): void {
  list.push({ customerId, rule: evidence.rule, evidence, priority });
}
