import { ORDER_CHANNELS } from '../../../resources/demo/words';
import { CLOCK } from './calendar';
import { CATEGORY_ITEMS, CATEGORY_NAMES, COMPANY_CATEGORIES, PERSON_CATEGORIES } from './catalog';
import type { DemoContext, Profile } from './context';

const MAX_COMPANY_QUANTITY = 5000;

/**
 * Draws customer `i`'s order days into `ctx.orderDays`, sorted, and returns
 * how many there are. Days are uniform over the customer's span thinned by
 * the seasonal intensity (rejection sampling), so every customer shares the
 * same calendar shape whatever its span.
 */
export function sampleOrderDays(ctx: DemoContext, i: number): number {
  const { rng, plan, cal } = ctx;
  const n = plan.orders[i] ?? 0;
  if (n === 0) return 0;
  const days = ctx.orderDays;
  const first = plan.first[i] ?? 0;
  const span = (plan.last[i] ?? first) - first + 1;
  const intensity = plan.isCompany[i] === 1 ? cal.companyIntensity : cal.personIntensity;
  let j = 0;
  // A customer won inside the window starts with the deal that won them.
  if ((plan.acquired[i] ?? 0) >= 0) days[j++] = first;
  while (j < n) {
    const day = first + Math.floor(rng.float() * span);
    if (rng.float() < (intensity[day] ?? 0)) days[j++] = day;
  }
  days.subarray(0, n).sort();
  return n;
}

/** Writes the `n` orders whose days `sampleOrderDays` left in `ctx.orderDays`. Hot loop: no allocation besides the order number. */
export function writeOrders(ctx: DemoContext, profile: Profile, n: number): void {
  const { rng, orders } = ctx;
  const iso = ctx.cal.iso;
  const days = ctx.orderDays;
  const values = orders.values;
  // Imported bindings can compile to getter calls; read them once, not per row.
  const clock = CLOCK;
  const channels = ORDER_CHANNELS;
  const names = CATEGORY_NAMES;
  const itemLists = CATEGORY_ITEMS;
  const categories = profile.company ? COMPANY_CATEGORIES : PERSON_CATEGORIES;
  for (let j = 0; j < n; j++) {
    const date = iso[days[j] ?? 0] ?? '';
    const category = rng.chance(0.7) ? profile.category : (categories[rng.int(0, categories.length - 1)] ?? 0);
    const yuan = rng.logNormal(profile.amountMu, profile.amountSigma);
    const items = itemLists[category] ?? [];
    const at = orders.at;
    values[at] = profile.id;
    values[at + 1] = 'SO' + String(++ctx.orderSeq).padStart(8, '0');
    values[at + 2] = date;
    // Companies are invoiced in whole yuan; shop prices end in 角.
    values[at + 3] = profile.company ? Math.max(100, Math.round(yuan) * 100) : Math.max(990, Math.round(yuan * 10) * 10);
    values[at + 4] = profile.company ? Math.min(MAX_COMPANY_QUANTITY, 1 + Math.floor(rng.logNormal(2.3, 1))) : 1 + rng.poisson(0.5);
    values[at + 5] = items[Math.floor(rng.float() * items.length)] ?? null;
    values[at + 6] = names[category] ?? null;
    values[at + 7] = channels[rng.chance(0.75) ? profile.orderChannel : rng.int(0, channels.length - 1)] ?? null;
    values[at + 8] = date + (clock[rng.int(0, clock.length - 1)] ?? '');
    orders.commit();
  }
  ctx.counts.orders += n;
}
