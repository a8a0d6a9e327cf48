import { z } from 'zod';
import { lifecycleStages } from '../analytics/lifecycle';
import { quadrants } from '../analytics/quadrant';
import { isIsoDate } from './dates';
import { complaintSeverities, staffRoles, tiers } from './enums';
import { segmentSelectorSchema } from './segments';

/** IPC schemas of visit plans and visit sheets (contract entries in shared/ipc/contract/visits.ts). */
const tier = z.enum(tiers);
const quadrant = z.enum(quadrants);
const id = z.number().int().positive();
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max);

/** planned = not yet recorded; yes / partial / no = done, partly done, not done. */
export const visitStatuses = ['planned', 'yes', 'partial', 'no'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
const visitLanguages = ['zh-CN', 'en'] as const;
export type VisitLanguage = (typeof visitLanguages)[number];

const visitTemplateFieldsSchema = z
  .object({
    quadrant: quadrant.nullable(),
    tier: tier.nullable(),
    nameZh: text(100).min(1),
    nameEn: text(100).min(1),
    goalZh: text(2000),
    goalEn: text(2000),
    measuresZh: text(2000),
    measuresEn: text(2000),
    resourcesZh: text(2000),
    resourcesEn: text(2000),
    frequencyDays: z.number().int().min(1).max(366),
    ownerRole: z.enum(staffRoles),
  })
  .strict();
export type VisitTemplateFields = z.infer<typeof visitTemplateFieldsSchema>;

export const visitTemplateSchema = visitTemplateFieldsSchema.extend({
  id,
  key: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type VisitTemplate = z.infer<typeof visitTemplateSchema>;

/** Saving with a key makes that template's next version; without one adds a new template. */
export const saveTemplateRequestSchema = z.object({ key: z.string().min(1).max(100).nullable(), fields: visitTemplateFieldsSchema }).strict();
export type SaveTemplateRequest = z.infer<typeof saveTemplateRequestSchema>;

const visitTargetSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('segment'), selector: segmentSelectorSchema }).strict(),
  z.object({ by: z.literal('ids'), ids: z.array(id).min(1).max(100_000) }).strict(),
]);

export const generateRequestSchema = z
  .object({
    target: visitTargetSchema,
    from: isoDate,
    to: isoDate,
    skipWeekends: z.boolean().default(true),
    /** One template for everyone; null picks each customer's by quadrant and tier. */
    templateKey: z.string().min(1).max(100).nullable().default(null),
    /** The language the plan texts are copied in. */
    language: z.enum(visitLanguages),
    /** Owner of customers who have none (null: the template's role, in turn). */
    defaultOwnerId: id.nullable().default(null),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'the period ends before it starts', path: ['to'] });
export type GenerateRequest = z.input<typeof generateRequestSchema>;
export type ParsedGenerateRequest = z.output<typeof generateRequestSchema>;

const planDraftSchema = z.object({
  customerId: id,
  customerName: z.string(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  tier: tier.nullable(),
  quadrant: quadrant.nullable(),
  templateId: id,
  templateName: z.string(),
  templateVersion: z.number().int(),
  plannedDate: z.string(),
  goal: z.string(),
  measures: z.string(),
  resources: z.string(),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

const skipReasons = ['not_segmented', 'no_template', 'not_found'] as const;
export const generatePreviewSchema = z.object({
  drafts: z.array(planDraftSchema),
  skipped: z.array(z.object({ customerId: z.number().int(), customerName: z.string().nullable(), reason: z.enum(skipReasons) })),
});
export type GeneratePreview = z.infer<typeof generatePreviewSchema>;

export const generateResultSchema = z.object({ created: z.number().int(), batchId: z.string(), skipped: z.number().int() });

/** A stored plan: its draft plus identity and how the visit went. */
export const visitPlanSchema = planDraftSchema.extend({
  id,
  customerCode: z.string(),
  status: z.enum(visitStatuses),
  doneDate: z.string().nullable(),
  outcome: z.string().nullable(),
  nextStep: z.string().nullable(),
  interactionId: z.number().int().nullable(),
});
export type VisitPlan = z.infer<typeof visitPlanSchema>;

export const listRequestSchema = z
  .object({
    ownerId: id.nullable().default(null),
    status: z.enum(visitStatuses).nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    /** Planned visits whose date has passed. */
    overdue: z.boolean().default(false),
    customerId: id.nullable().default(null),
    language: z.enum(visitLanguages).default('zh-CN'),
  })
  .strict();
export type ListRequest = z.input<typeof listRequestSchema>;

const ownerCountSchema = z.object({ ownerId: z.number().int().nullable(), ownerName: z.string().nullable(), planned: z.number().int(), done: z.number().int(), overdue: z.number().int() });
/** At most this many plans come back from one list call (the count says how many matched). */
export const VISIT_LIST_LIMIT = 2000;
export const listResponseSchema = z.object({ plans: z.array(visitPlanSchema), total: z.number().int(), owners: z.array(ownerCountSchema), today: z.string() });
export type VisitList = z.infer<typeof listResponseSchema>;

export const recordRequestSchema = z
  .object({
    id,
    status: z.enum(['yes', 'partial', 'no']),
    doneDate: isoDate,
    outcome: text(4000).nullable(),
    nextStep: text(2000).nullable(),
    language: z.enum(visitLanguages).default('zh-CN'),
  })
  .strict();
export type RecordRequest = z.input<typeof recordRequestSchema>;

/** Everything one printed visit sheet shows. */
const visitSheetSchema = z.object({
  plan: visitPlanSchema,
  customer: z.object({
    name: z.string(),
    code: z.string(),
    kind: z.enum(['company', 'person']),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    tier: tier.nullable(),
    quadrant: quadrant.nullable(),
    lifecycle: z.enum(lifecycleStages).nullable(),
    ownerName: z.string().nullable(),
  }),
  contacts: z.array(z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable(), isPrimary: z.boolean() })),
  orders: z.array(z.object({ orderDate: z.string(), amountCents: z.number().int(), items: z.string().nullable() })),
  totals: z.object({ orderCount: z.number().int(), totalCents: z.number().int(), lastOrderDate: z.string().nullable() }),
  complaints: z.array(z.object({ openedAt: z.string(), category: z.string().nullable(), severity: z.enum(complaintSeverities), description: z.string().nullable() })),
  /** Open churn warnings (filled once the warnings area is merged). */
  warnings: z.array(z.object({ rule: z.string(), evidence: z.string() })),
});
export type VisitSheet = z.infer<typeof visitSheetSchema>;

export const sheetsResponseSchema = z.object({ businessName: z.string(), printedOn: z.string(), sheets: z.array(visitSheetSchema) });
export type VisitSheets = z.infer<typeof sheetsResponseSchema>;

export const printSettingsSchema = z.object({ businessName: text(200) }).strict();
export type PrintSettings = z.infer<typeof printSettingsSchema>;

export const sheetsRequestSchema = z.object({ ids: z.array(id).min(1).max(5000), language: z.enum(visitLanguages).default('zh-CN') }).strict();
