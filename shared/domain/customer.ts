import { z } from 'zod';
import { lifecycleStages } from '../analytics/lifecycle';
import { quadrants } from '../analytics/quadrant';
import { customerKinds, customerStatuses, tiers } from './enums';
import { loyaltyLevels } from './loyalty';
import { emailSchema, isoDateSchema, maxTags, optionalTextSchema, phoneSchema, requiredTextSchema, textLimits } from './valueRules';

const tagNameSchema = requiredTextSchema(textLimits.tag);
export const tagListSchema = z.array(tagNameSchema).max(maxTags);

/** One row of the customer grid: the profile plus the few order figures staff scan for. */
export const customerRowSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(customerKinds),
  name: z.string(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  cooperationStart: z.string().nullable(),
  status: z.enum(customerStatuses),
  tierOverride: z.enum(tiers).nullable(),
  contactName: z.string().nullable(),
  contactTitle: z.string().nullable(),
  contactPhone: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  tags: z.array(z.string()),
  orderCount: z.number().int(),
  totalCents: z.number().int(),
  lastOrderDate: z.string().nullable(),
  /** From the latest segmentation run (null before the first run or for customers added since). */
  segmentTier: z.enum(tiers).nullable(),
  /** The manual override when set, else the computed tier. */
  effectiveTier: z.enum(tiers).nullable(),
  quadrant: z.enum(quadrants).nullable(),
  lifecycle: z.enum(lifecycleStages).nullable(),
  /** Predicted value over the next 12 months, in cents; null when the CLV models could not be fitted. */
  predictedCents: z.number().int().nullable(),
  /** BG/NBD probability that the customer is still active. */
  pAlive: z.number().nullable(),
  /** Pinyin of the name and main contact (full and initials), computed once per row for the quick search. */
  pinyin: z.string(),
  /** Open or in-progress alerts, and the earliest follow-up due among them (ISO UTC). */
  openWarnings: z.number().int(),
  warningDue: z.string().nullable(),
  /** Member level (basic when the customer has never had one). */
  loyaltyLevel: z.enum(loyaltyLevels),
  pointsBalance: z.number().int(),
  /** Customers this one referred. */
  referralCount: z.number().int(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  birthday: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerDetailSchema = customerRowSchema.extend({
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  contacts: z.array(contactSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

/** The fields staff may edit on a profile. Every key is optional; unknown keys are refused. */
export const customerPatchSchema = z
  .object({
    name: requiredTextSchema(textLimits.name),
    kind: z.enum(customerKinds),
    industry: optionalTextSchema(textLimits.short),
    region: optionalTextSchema(textLimits.short),
    source: optionalTextSchema(textLimits.short),
    ownerId: z.number().int().positive().nullable(),
    cooperationStart: isoDateSchema.nullable(),
    status: z.enum(customerStatuses),
    tierOverride: z.enum(tiers).nullable(),
    phone: phoneSchema.nullable(),
    email: emailSchema.nullable(),
    address: optionalTextSchema(textLimits.address),
    notes: optionalTextSchema(textLimits.notes),
    /** The full list of need tags; the order does not matter. */
    tags: tagListSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });
export type CustomerPatch = z.infer<typeof customerPatchSchema>;
