/**
 * The KPI formulas of DESIGN.md ("KPIs and their formulas") as pure functions.
 * The dashboard, the manager report and `patron report` all call these, on the
 * counts the data layer (electron/db/kpi.ts) reads. A rate whose denominator is
 * zero is null ("no data"), never 0 or NaN.
 */

/** numerator / denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Retention = (customers active at the start − lost) / customers active at the start. */
export function retentionRate(activeAtStart: number, lost: number): number | null {
  return ratio(activeAtStart - lost, activeAtStart);
}

/** Monthly churn = lost / customers active at the start of the month (so retention + churn = 1). */
export function churnRate(activeAtStart: number, lost: number): number | null {
  return ratio(lost, activeAtStart);
}

/** Repurchase = customers who ordered in the month / active customers. */
export function repurchaseRate(ordering: number, active: number): number | null {
  return ratio(ordering, active);
}

/** Complaint rate = complaints opened in the month / active customers. */
export function complaintRate(complaints: number, active: number): number | null {
  return ratio(complaints, active);
}

/** SLA attainment = complaints resolved on time / complaints whose resolution was due. */
export function slaAttainment(onTime: number, due: number): number | null {
  return ratio(onTime, due);
}

/** Interactions per active customer in the month. */
export function interactionsPerCustomer(interactions: number, active: number): number | null {
  return ratio(interactions, active);
}

/** Mean of a list of integer-cent amounts, rounded to whole cents. */
export function meanCents(totalCents: number, count: number): number | null {
  return count > 0 ? Math.round(totalCents / count) : null;
}

/**
 * Profile completeness = filled required fields / required fields, averaged over all
 * profiles. Each profile's score is filled/required, so the mean equals the filled
 * required cells over (profiles × required fields): counting filled cells per field is enough.
 */
export function completenessRate(filledPerRequiredField: readonly number[], profiles: number): number | null {
  if (filledPerRequiredField.length === 0) return null;
  const filled = filledPerRequiredField.reduce((a, b) => a + b, 0);
  return ratio(filled, profiles * filledPerRequiredField.length);
}

/**
 * Activity per month from one bit mask per customer (bit i = ordered in window month i,
 * oldest month = bit 0) and how many customers share each mask. A customer is active at
 * the end of month m when it ordered in one of the `window` months ending with m; it is
 * lost in m when it was active at the end of m − 1 and is not at the end of m. Returns,
 * for every month from index `window` on (the earlier ones only fill the first window):
 * active at start, active at end, lost, ordering.
 */
export function activityByMonth(masks: ReadonlyArray<readonly [mask: number, customers: number]>, months: number, window: number) {
  const out: { activeAtStart: number; active: number; lost: number; ordering: number }[] = [];
  const span = (1 << window) - 1;
  for (let m = window; m < months; m++) {
    let activeAtStart = 0;
    let active = 0;
    let lost = 0;
    let ordering = 0;
    const endMask = span << (m - window + 1);
    const startMask = span << (m - window);
    for (const [mask, n] of masks) {
      const atStart = (mask & startMask) !== 0;
      const atEnd = (mask & endMask) !== 0;
      if (atStart) activeAtStart += n;
      if (atEnd) active += n;
      if (atStart && !atEnd) lost += n;
      if (mask & (1 << m)) ordering += n;
    }
    out.push({ activeAtStart, active, lost, ordering });
  }
  return out;
}
