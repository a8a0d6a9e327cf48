import { z } from 'zod';
import { complaintSeverities, interactionChannels } from './enums';
import { emailSchema, isoDateSchema, optionalTextSchema as text, phoneSchema, requiredTextSchema, textLimits } from './valueRules';

/** What staff type to add or change a contact; the customer is given beside it. */
export const contactInputSchema = z
  .object({
    name: requiredTextSchema(textLimits.short),
    title: text(textLimits.short),
    phone: phoneSchema.nullable(),
    email: emailSchema.nullable(),
    wechat: text(textLimits.short),
    birthday: isoDateSchema.nullable(),
    isPrimary: z.boolean(),
    notes: text(textLimits.text),
  })
  .strict();
export type ContactInput = z.infer<typeof contactInputSchema>;

export const interactionInputSchema = z
  .object({
    channel: z.enum(interactionChannels),
    /** ISO timestamp; the service uses "now" when it is missing. */
    occurredAt: z.iso.datetime().optional(),
    summary: text(textLimits.text),
    nextFollowUp: isoDateSchema.nullable(),
  })
  .strict();
export type InteractionInput = z.infer<typeof interactionInputSchema>;

export const interactionSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  channel: z.enum(interactionChannels),
  summary: z.string().nullable(),
  staffName: z.string().nullable(),
  nextFollowUp: z.string().nullable(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const orderSummarySchema = z.object({
  id: z.number().int(),
  orderNo: z.string().nullable(),
  orderDate: z.string(),
  amountCents: z.number().int(),
  quantity: z.number().int(),
  items: z.string().nullable(),
  category: z.string().nullable(),
  channel: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

const complaintSummarySchema = z.object({
  id: z.number().int(),
  openedAt: z.string(),
  category: z.string().nullable(),
  severity: z.enum(complaintSeverities),
  description: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;

const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  batchId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Everything the profile page shows beside the customer itself; lists are newest first and capped. */
export const profileActivitySchema = z.object({
  orders: z.array(orderSummarySchema),
  interactions: z.array(interactionSchema),
  complaints: z.array(complaintSummarySchema),
  audit: z.array(auditEntrySchema),
});
export type ProfileActivity = z.infer<typeof profileActivitySchema>;

export const staffOptionSchema = z.object({ id: z.number().int(), name: z.string() });
export type StaffOption = z.infer<typeof staffOptionSchema>;
