import type { CustomerKind } from '../domain/enums';

/**
 * What segmentation reads per customer, one typed array per field (position i
 * is the i-th customer in id order). 100,000 customers as objects cost more in
 * allocation and garbage collection than all the scoring; as columns they are
 * read straight from SQLite's raw rows and scored without a single object per
 * customer. Dates are day numbers (days since 1970-01-01, UTC midnight), NaN
 * when absent.
 */
export interface SegmentColumns {
  n: number;
  id: Float64Array;
  /** 1 = company (ToB), 0 = person (ToC). */
  company: Uint8Array;
  orderCount: Float64Array;
  /** Distinct order dates: the "transactions" of BG/NBD. */
  orderDays: Float64Array;
  totalCents: Float64Array;
  firstOrderDay: Float64Array;
  lastOrderDay: Float64Array;
  cooperationStartDay: Float64Array;
  needTags: Float64Array;
  /** Orders + interactions in the last lifecycle window … */
  recentActivity: Float64Array;
  /** … and in the window before it. */
  previousActivity: Float64Array;
}

export function emptySegmentColumns(n: number): SegmentColumns {
  return {
    n,
    id: new Float64Array(n),
    company: new Uint8Array(n),
    orderCount: new Float64Array(n),
    orderDays: new Float64Array(n),
    totalCents: new Float64Array(n),
    firstOrderDay: new Float64Array(n).fill(Number.NaN),
    lastOrderDay: new Float64Array(n).fill(Number.NaN),
    cooperationStartDay: new Float64Array(n).fill(Number.NaN),
    needTags: new Float64Array(n),
    recentActivity: new Float64Array(n),
    previousActivity: new Float64Array(n),
  };
}

/** Columns cut down to their first `n` positions (when fewer rows came back than were allotted). */
export function truncateSegmentColumns(c: SegmentColumns, n: number): SegmentColumns {
  if (n === c.n) return c;
  return {
    n,
    id: c.id.subarray(0, n),
    company: c.company.subarray(0, n),
    orderCount: c.orderCount.subarray(0, n),
    orderDays: c.orderDays.subarray(0, n),
    totalCents: c.totalCents.subarray(0, n),
    firstOrderDay: c.firstOrderDay.subarray(0, n),
    lastOrderDay: c.lastOrderDay.subarray(0, n),
    cooperationStartDay: c.cooperationStartDay.subarray(0, n),
    needTags: c.needTags.subarray(0, n),
    recentActivity: c.recentActivity.subarray(0, n),
    previousActivity: c.previousActivity.subarray(0, n),
  };
}

/** The same customers in ascending id order (for a reader that may deliver them in another order). */
export function sortSegmentColumnsById(c: SegmentColumns): SegmentColumns {
  const order = Int32Array.from({ length: c.n }, (_, i) => i).sort((a, b) => (c.id[a] as number) - (c.id[b] as number));
  const f = (x: Float64Array) => Float64Array.from(order, (i) => x[i] as number);
  return {
    n: c.n,
    id: f(c.id),
    company: Uint8Array.from(order, (i) => c.company[i] as number),
    orderCount: f(c.orderCount),
    orderDays: f(c.orderDays),
    totalCents: f(c.totalCents),
    firstOrderDay: f(c.firstOrderDay),
    lastOrderDay: f(c.lastOrderDay),
    cooperationStartDay: f(c.cooperationStartDay),
    needTags: f(c.needTags),
    recentActivity: f(c.recentActivity),
    previousActivity: f(c.previousActivity),
  };
}

/** Day number of an ISO date (YYYY-MM-DD), the same value as Date.parse at UTC midnight / 86,400,000. */
export function isoDayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/**
 * Calendar date of a day number as year·10000 + month·100 + day (proleptic
 * Gregorian; Hinnant's civil-from-days), without allocating a Date.
 */
export function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

/** A customer as the object API of the CLI and tests sees it (same fields as the rollup row). */
export interface SegmentInputObject {
  id: number;
  kind: CustomerKind;
  cooperation_start: string | null;
  order_count: number;
  order_days: number;
  total_cents: number;
  first_order_date: string | null;
  last_order_date: string | null;
  need_tags: number;
  recent_activity: number;
  previous_activity: number;
}

/** Columns from customer objects (tests, small callers); the app reads columns straight from SQLite. */
export function segmentColumnsFrom(inputs: readonly SegmentInputObject[]): SegmentColumns {
  const c = emptySegmentColumns(inputs.length);
  inputs.forEach((x, i) => {
    c.id[i] = x.id;
    c.company[i] = x.kind === 'company' ? 1 : 0;
    c.orderCount[i] = x.order_count;
    c.orderDays[i] = x.order_days;
    c.totalCents[i] = x.total_cents;
    c.firstOrderDay[i] = x.first_order_date === null ? Number.NaN : isoDayNumber(x.first_order_date);
    c.lastOrderDay[i] = x.last_order_date === null ? Number.NaN : isoDayNumber(x.last_order_date);
    c.cooperationStartDay[i] = x.cooperation_start === null ? Number.NaN : isoDayNumber(x.cooperation_start);
    c.needTags[i] = x.need_tags;
    c.recentActivity[i] = x.recent_activity;
    c.previousActivity[i] = x.previous_activity;
  });
  return c;
}
