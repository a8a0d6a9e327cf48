import { z } from 'zod';
import { complaintSeverities, interactionChannels, tiers } from '../domain/enums';
import type { Evidence } from './rules';
import { clockStates } from './sla';
import { alertStatuses, warningRules } from './settings';

const date = z.string();
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const evidenceSchema: z.ZodType<Evidence> = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('inactive'), lastOrderDate: date.nullable(), lastInteractionDate: date.nullable(), days: z.number().int() }),
  z.object({ rule: z.literal('complaint'), open: z.number().int(), oldestOpenedAt: date }),
  z.object({
    rule: z.literal('negative_feedback'),
    score: z.number(),
    on: date.nullable(),
    survey: z.object({ formNo: z.string(), minScore: z.number().int().nullable(), nps: z.number().int().nullable() }).optional(),
  }),
  z.object({
    rule: z.literal('order_drop'),
    months: z.tuple([date, date, date]),
    amountsCents: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
    dropPercents: z.tuple([z.number().int(), z.number().int()]),
  }),
  z.object({ rule: z.literal('predicted_churn'), pAlive: z.number(), threshold: z.number() }),
]);

export const alertSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  customerCode: z.string(),
  tier: z.enum(tiers).nullable(),
  rule: z.enum(warningRules),
  evidence: evidenceSchema,
  raisedAt: z.string(),
  dueAt: z.string(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(alertStatuses),
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type AlertDto = z.infer<typeof alertSchema>;

export const complaintSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  tier: z.enum(tiers).nullable(),
  openedAt: z.string(),
  channel: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.enum(complaintSeverities),
  description: z.string().nullable(),
  staffName: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  resolutionHours: z.number().int(),
  responseDueAt: z.string(),
  resolutionDueAt: z.string(),
  responseState: z.enum(clockStates),
  resolutionState: z.enum(clockStates),
  escalatedAt: z.string().nullable(),
  escalatedToName: z.string().nullable(),
});
export type ComplaintDto = z.infer<typeof complaintSchema>;

const text = (max: number) => z.string().trim().max(max).nullable();

export const complaintInputSchema = z
  .object({
    customerId: z.number().int().positive(),
    channel: text(50),
    category: text(100),
    severity: z.enum(complaintSeverities),
    description: z.string().trim().min(1, 'must not be empty').max(5000),
    /** Resolution clock in hours; default from the settings for the severity (48, or 72 when chosen). */
    resolutionHours: z.number().int().min(1).max(720).nullable(),
  })
  .strict();
export type ComplaintInput = z.infer<typeof complaintInputSchema>;

export const complaintResolveSchema = z
  .object({ id: z.number().int().positive(), resolution: z.string().trim().min(1, 'must not be empty').max(5000), satisfaction: z.number().int().min(1).max(5).nullable() })
  .strict();

const careKinds = ['birthday', 'anniversary', 'holiday'] as const;
export type CareKind = (typeof careKinds)[number];

const careItemSchema = z.object({
  kind: z.enum(careKinds),
  /** contacts.id for birthdays, customers.id otherwise. */
  refId: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  tier: z.enum(tiers).nullable(),
  /** The contact's name for a birthday, the holiday's name, or the years of cooperation. */
  label: z.string(),
  years: z.number().int().nullable(),
  occasion: ymd,
  done: z.boolean(),
});
export type CareItem = z.infer<typeof careItemSchema>;

const inboxItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alert'), dueAt: z.string(), alert: alertSchema }),
  z.object({ kind: z.literal('complaint'), dueAt: z.string(), clock: z.enum(['response', 'resolution']), complaint: complaintSchema }),
  z.object({ kind: z.literal('care'), dueAt: z.string(), care: careItemSchema }),
]);
export type InboxItem = z.infer<typeof inboxItemSchema>;

const warningRunSchema = z.object({ id: z.number().int(), finishedAt: z.string(), asOf: z.string(), trigger: z.string(), raised: z.number().int(), closed: z.number().int(), open: z.number().int(), evalMs: z.number().int() });

const bucket = z.object({ total: z.number().int(), items: z.array(inboxItemSchema) });

export const todaySchema = z.object({
  asOf: z.string(),
  overdue: bucket,
  today: bucket,
  upcoming: bucket,
  /** Greetings within the care window (not urgent; listed apart). */
  care: z.array(careItemSchema),
  careDaysAhead: z.number().int(),
  lastRun: warningRunSchema.nullable(),
  running: z.boolean(),
});
export type TodayDto = z.infer<typeof todaySchema>;

export const inboxCountsSchema = z.object({ due: z.number().int(), complaintsOpen: z.number().int(), complaintsOverdue: z.number().int() });
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const alertActionSchema = z.discriminatedUnion('status', [
  z.object({ id: z.number().int().positive(), status: z.literal('in_progress'), note: text(1000).optional() }).strict(),
  z.object({ id: z.number().int().positive(), status: z.literal('resolved'), note: text(1000).optional() }).strict(),
  z.object({ id: z.number().int().positive(), status: z.literal('dismissed'), note: z.string().trim().min(1, 'a reason is required').max(1000) }).strict(),
  z.object({ id: z.number().int().positive(), status: z.literal('open'), note: text(1000).optional() }).strict(),
]);
export type AlertAction = z.infer<typeof alertActionSchema>;

export const alertInteractionSchema = z
  .object({ id: z.number().int().positive(), channel: z.enum(interactionChannels), summary: z.string().trim().max(2000).nullable() })
  .strict();

export const careDoneSchema = z.object({ kind: z.enum(careKinds), refId: z.number().int().positive(), occasion: ymd, done: z.boolean() }).strict();
