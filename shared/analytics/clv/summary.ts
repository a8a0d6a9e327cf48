/**
 * The per-customer summary both CLV models are fitted on (Fader, Hardie & Lee):
 * x = repeat transactions (purchase days after the first), tx = time of the last
 * purchase and T = time of the end of the calibration period, both measured
 * from the first purchase, and the mean spend of the repeat transactions.
 * Columns are typed arrays so 100,000 customers fit and score quickly.
 */
export interface CustomerSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value per repeat transaction (0 when x = 0). */
  meanSpend: Float64Array;
}

export interface Transaction {
  customer: string;
  /** Days since some fixed epoch (any, as long as it is the same for all). */
  day: number;
  amount: number;
}

export const DAYS_PER_WEEK = 7;

/**
 * Collapses transactions to one per customer-day (their amounts summed, as the
 * published CDNOW fits do) and summarises each customer's calibration period,
 * which ends at `endDay` (inclusive). Time is in weeks. Customers whose first
 * purchase is after `endDay` are left out.
 */
export function summarise(transactions: readonly Transaction[], endDay: number): { ids: string[]; summary: CustomerSummary } {
  const perCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    if (t.day > endDay) continue;
    let days = perCustomer.get(t.customer);
    if (!days) perCustomer.set(t.customer, (days = new Map<number, number>()));
    days.set(t.day, (days.get(t.day) ?? 0) + t.amount);
  }
  const ids = [...perCustomer.keys()];
  const n = ids.length;
  const summary: CustomerSummary = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), meanSpend: new Float64Array(n) };
  ids.forEach((id, i) => {
    const days = [...(perCustomer.get(id)?.entries() ?? [])].sort((a, b) => a[0] - b[0]);
    const first = days[0]?.[0] ?? 0;
    const last = days[days.length - 1]?.[0] ?? first;
    const repeats = days.slice(1);
    summary.x[i] = repeats.length;
    summary.tx[i] = (last - first) / DAYS_PER_WEEK;
    summary.T[i] = (endDay - first) / DAYS_PER_WEEK;
    summary.meanSpend[i] = repeats.length > 0 ? repeats.reduce((s, [, amount]) => s + amount, 0) / repeats.length : 0;
  });
  return { ids, summary };
}

/** Counts each customer's purchase days in (fromDay, toDay]: the actual repeat purchases of a hold-out period. */
export function countPurchaseDays(transactions: readonly Transaction[], fromDay: number, toDay: number): Map<string, number> {
  const seen = new Map<string, Set<number>>();
  for (const t of transactions) {
    if (t.day <= fromDay || t.day > toDay) continue;
    let days = seen.get(t.customer);
    if (!days) seen.set(t.customer, (days = new Set<number>()));
    days.add(t.day);
  }
  return new Map([...seen].map(([id, days]) => [id, days.size]));
}
