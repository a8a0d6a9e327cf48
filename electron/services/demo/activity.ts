import { complaintSeverities, interactionChannels } from '../../../shared/domain/enums';
import { COMPLAINT_CATEGORIES, COMPLAINT_DESCRIPTIONS, COMPLAINT_RESOLUTIONS, INTERACTION_TEMPLATES } from '../../../resources/demo/words';
import { CLOCK, CLOCK_FIRST_MINUTE, CLOCK_MINUTES, DAY_MS } from './calendar';
import { CATEGORY_NAMES, COMPANY_CATEGORIES, PERSON_CATEGORIES } from './catalog';
import type { DemoContext, Profile } from './context';

const HOUR_MS = 3_600_000;
const INTERACTIONS_PER_CUSTOMER = 6;
const INTERACTIONS_PER_ORDER = 0.1;
const FOLLOW_UP_SHARE = 0.25;

// Order follows interactionChannels: phone, email, visit, wechat, store, other.
const COMPANY_CHANNEL_WEIGHTS = [4, 2, 2, 3, 0.2, 0.5];
const PERSON_CHANNEL_WEIGHTS = [2, 0.4, 0.1, 5, 3, 0.3];

/** Every summary text, [channel][template][category], built once so the loop only indexes. */
const SUMMARIES: readonly (readonly (readonly string[])[])[] = interactionChannels.map((channel) =>
  INTERACTION_TEMPLATES[channel].map((template) => CATEGORY_NAMES.map((category) => template.replace('{c}', category))),
);

// Order follows complaintSeverities: low, medium, high, critical.
const SEVERITY_WEIGHTS = [0.35, 0.4, 0.2, 0.05];
const COMPLAINT_CHANNELS = ['phone', 'wechat', 'email', 'store'] as const;

function touchBuffer(ctx: DemoContext, n: number): Int32Array {
  if (ctx.touchDays.length < n) ctx.touchDays = new Int32Array(Math.max(n, ctx.touchDays.length * 2));
  return ctx.touchDays;
}

/**
 * Roughly six contacts per customer over an average span plus one per ten
 * orders, the latter clustered around order days. Nothing falls outside the
 * customer's span, so churners go silent when they stop buying.
 */
export function writeInteractions(ctx: DemoContext, i: number, profile: Profile, orderCount: number): void {
  const { rng, plan } = ctx;
  const first = plan.first[i] ?? 0;
  const last = plan.last[i] ?? first;
  const span = last - first + 1;
  const fromOrders = INTERACTIONS_PER_ORDER * orderCount;
  const lambda = (INTERACTIONS_PER_CUSTOMER * span) / plan.meanSpan + fromOrders;
  const n = rng.poisson(lambda);
  const days = touchBuffer(ctx, n);
  for (let k = 0; k < n; k++) {
    if (orderCount > 0 && rng.float() * lambda < fromOrders) {
      const near = (ctx.orderDays[rng.int(0, orderCount - 1)] ?? first) + rng.int(-3, 2);
      days[k] = Math.min(last, Math.max(first, near));
    } else {
      days[k] = first + Math.floor(rng.float() * span);
    }
  }
  days.subarray(0, n).sort();
  const weights = profile.company ? COMPANY_CHANNEL_WEIGHTS : PERSON_CHANNEL_WEIGHTS;
  const { iso } = ctx.cal;
  const values = ctx.interactions.values;
  // Imported bindings can compile to getter calls; read them once, not per row.
  const clock = CLOCK;
  const channelNames = interactionChannels;
  const categories = profile.company ? COMPANY_CATEGORIES : PERSON_CATEGORIES;
  for (let k = 0; k < n; k++) {
    const day = days[k] ?? first;
    const channel = rng.weighted(weights);
    const templates = SUMMARIES[channel] ?? [];
    const category = rng.chance(0.7) ? profile.category : (categories[rng.int(0, categories.length - 1)] ?? 0);
    const occurredAt = (iso[day] ?? '') + (clock[rng.int(0, clock.length - 1)] ?? '');
    const at = ctx.interactions.at;
    values[at] = profile.id;
    values[at + 1] = occurredAt;
    values[at + 2] = channelNames[channel] ?? 'other';
    values[at + 3] = templates[rng.int(0, templates.length - 1)]?.[category] ?? null;
    values[at + 4] = profile.ownerId;
    values[at + 5] = rng.chance(FOLLOW_UP_SHARE) ? (iso[day + rng.int(3, 30)] ?? null) : null;
    values[at + 6] = occurredAt;
    ctx.interactions.commit();
  }
  ctx.counts.interactions += n;
}

/**
 * About 6% of buying customers complain, churners several times as often as
 * the rest (a bad experience is a classic reason to leave) and shortly before
 * they go quiet. Recent complaints are often still open.
 */
export function writeComplaints(ctx: DemoContext, i: number, profile: Profile, orderCount: number): void {
  const { rng, plan, cal } = ctx;
  if (orderCount === 0 || !rng.chance(profile.churner ? 0.13 : 0.035)) return;
  const firstOrder = ctx.orderDays[0] ?? 0;
  const last = plan.last[i] ?? cal.days - 1;
  const opened: number[] = [];
  const count = rng.chance(0.25) ? 2 : 1;
  for (let k = 0; k < count; k++) {
    let from = firstOrder;
    if (profile.churner) from = Math.max(firstOrder, last - 90);
    else if (rng.chance(0.3)) from = Math.max(firstOrder, last - 60);
    const day = rng.int(from, last);
    opened.push(cal.startMs + day * DAY_MS + (CLOCK_FIRST_MINUTE + rng.int(0, CLOCK_MINUTES - 1)) * 60_000);
  }
  for (const openedMs of opened.sort((a, b) => a - b)) writeComplaint(ctx, profile, openedMs);
}

function writeComplaint(ctx: DemoContext, profile: Profile, openedMs: number): void {
  const { rng, cal } = ctx;
  const severity = rng.weighted(SEVERITY_WEIGHTS);
  const category = rng.pick(COMPLAINT_CATEGORIES);
  // Urgent cases get answered faster, but 2–40 h still lets some miss the 24 h SLA.
  const responseHours = Math.min(40, 2 + rng.gamma(2, severity >= 2 ? 4 : 7));
  const resolveHours = Math.max(responseHours + 1, Math.min(120, 10 + rng.gamma(2, 20)));
  const ageDays = (cal.endMs - openedMs) / DAY_MS;
  const stillOpen = rng.chance(ageDays <= 14 ? 0.8 : ageDays <= 60 ? 0.3 : 0.01);
  const respondedMs = roundToSecond(openedMs + responseHours * HOUR_MS);
  const resolvedMs = roundToSecond(openedMs + resolveHours * HOUR_MS);
  const responded = respondedMs <= cal.endMs ? new Date(respondedMs).toISOString() : null;
  const resolved = !stillOpen && resolvedMs <= cal.endMs ? new Date(resolvedMs).toISOString() : null;
  const openedAt = new Date(openedMs).toISOString();
  ctx.insertComplaint.run(
    profile.id,
    openedAt,
    rng.pick(COMPLAINT_CHANNELS),
    category,
    complaintSeverities[severity] ?? 'medium',
    rng.pick(COMPLAINT_DESCRIPTIONS[category]),
    rng.chance(0.7) ? ctx.serviceStaff : profile.ownerId,
    responded,
    resolved,
    resolved ? rng.pick(COMPLAINT_RESOLUTIONS) : null,
    resolved ? satisfaction(ctx, resolveHours, severity, profile.churner) : null,
    openedAt,
    resolved ?? responded ?? openedAt,
  );
  ctx.counts.complaints++;
}

/** Slow fixes, serious problems and customers on their way out all pull the score down. */
function satisfaction(ctx: DemoContext, resolveHours: number, severity: number, churner: boolean): number {
  const score = 5.1 - resolveHours / 60 - (severity >= 2 ? 0.7 : 0) - (churner ? 1 : 0) + 0.8 * ctx.rng.normal();
  return Math.min(5, Math.max(1, Math.round(score)));
}

function roundToSecond(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}
