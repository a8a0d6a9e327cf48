import type { Calendar } from './calendar';
import type { Random } from './random';

/**
 * The first pass: who each customer is in outline (kind, life span in the
 * window, how often they buy) and how many orders they get. Kept in typed
 * arrays so even a million customers cost a few megabytes; the second pass
 * turns each outline into rows.
 */
export interface Plan {
  count: number;
  isCompany: Uint8Array;
  isEnglish: Uint8Array;
  isChurner: Uint8Array;
  /** Day the customer was won (cooperation_start); negative for customers from before the window. */
  acquired: Int32Array;
  /** First and last day (inclusive) on which the customer buys or is contacted. */
  first: Int32Array;
  last: Int32Array;
  orders: Int32Array;
  /** Average span length in days, so interaction counts can be scaled per customer. */
  meanSpan: number;
  maxOrders: number;
  totalOrders: number;
}

const SHARE_COMPANY = 0.6;
const SHARE_ENGLISH = 0.15;
const SHARE_PROSPECT = 0.04;
const SHARE_VETERAN = 0.35;
const SHARE_CHURNER = 0.3;
/** A churner buys for at least this many days before going quiet. */
const MIN_LIFETIME = 30;

export function planCustomers(rng: Random, cal: Calendar, customers: number, orders: number): Plan {
  const plan: Plan = {
    count: customers,
    isCompany: new Uint8Array(customers),
    isEnglish: new Uint8Array(customers),
    isChurner: new Uint8Array(customers),
    acquired: new Int32Array(customers),
    first: new Int32Array(customers),
    last: new Int32Array(customers),
    orders: new Int32Array(customers),
    meanSpan: 1,
    maxOrders: 0,
    totalOrders: 0,
  };
  const weight = new Float64Array(customers);
  let spanSum = 0;
  for (let i = 0; i < customers; i++) {
    weight[i] = outlineCustomer(rng, cal, plan, i);
    spanSum += (plan.last[i] ?? 0) - (plan.first[i] ?? 0) + 1;
  }
  plan.meanSpan = Math.max(1, spanSum / Math.max(1, customers));
  allocateOrders(rng, plan, weight, orders);
  return plan;
}

/** Fills customer `i`'s outline and returns its purchase weight (0 for a prospect). */
function outlineCustomer(rng: Random, cal: Calendar, plan: Plan, i: number): number {
  const company = rng.chance(SHARE_COMPANY);
  plan.isCompany[i] = company ? 1 : 0;
  plan.isEnglish[i] = rng.chance(SHARE_ENGLISH) ? 1 : 0;
  const lastDay = cal.days - 1;
  if (rng.chance(SHARE_PROSPECT)) {
    // Prospects are recent leads still being courted.
    const acquired = Math.max(0, lastDay - rng.int(0, 240));
    plan.acquired[i] = acquired;
    plan.first[i] = acquired;
    plan.last[i] = lastDay;
    return 0;
  }
  const veteran = rng.chance(SHARE_VETERAN);
  const acquired = veteran ? -rng.int(30, 365 * 8) : rng.int(0, lastDay);
  const first = Math.max(0, acquired);
  let last = lastDay;
  if (rng.chance(SHARE_CHURNER) && first + MIN_LIFETIME < lastDay) {
    last = rng.int(first + MIN_LIFETIME, lastDay);
    plan.isChurner[i] = 1;
  }
  plan.acquired[i] = acquired;
  plan.first[i] = first;
  plan.last[i] = last;
  // Gamma-distributed buying rates: a few heavy buyers, a long tail of occasional ones.
  const rate = company ? rng.gamma(1.5, 1 / 1.5) * 1.4 : rng.gamma(1.1, 1 / 1.1) * 0.8;
  return rate * (last - first + 1);
}

/**
 * Every buyer gets one order (the deal that made them a customer); the rest
 * is shared in proportion to the weights by systematic sampling, which hits
 * the requested total exactly while keeping each share an integer.
 */
function allocateOrders(rng: Random, plan: Plan, weight: Float64Array, total: number): void {
  let buyers = 0;
  let weightSum = 0;
  for (let i = 0; i < plan.count; i++) {
    const w = weight[i] ?? 0;
    if (w > 0) buyers++;
    weightSum += w;
  }
  const base = total >= buyers ? 1 : 0;
  const rest = total - base * buyers;
  const offset = rng.float();
  let cumulative = 0;
  for (let i = 0; i < plan.count; i++) {
    const w = weight[i] ?? 0;
    if (w <= 0) continue;
    const before = Math.floor(cumulative + offset);
    cumulative += weightSum > 0 ? (rest * w) / weightSum : 0;
    const n = base + Math.floor(cumulative + offset) - before;
    plan.orders[i] = n;
    plan.totalOrders += n;
    plan.maxOrders = Math.max(plan.maxOrders, n);
  }
}
