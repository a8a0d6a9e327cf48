import { z } from 'zod';

/**
 * The knobs of a segmentation run, stored under one key of the settings table
 * (`segmentation`) and copied into every run so runs stay comparable.
 */
const weight = z.number().min(0).max(10);

export const segmentSettingsSchema = z
  .object({
    weights: z.object({
      toc: z.object({ recency: weight, frequency: weight, monetary: weight }).strict(),
      tob: z.object({ tenure: weight, amount: weight, complexity: weight }).strict(),
    }),
    /** Target shares of the top and bottom tiers; regular gets the rest. */
    shares: z.object({ high: z.number().min(0.05).max(0.3), potential: z.number().min(0.05).max(0.4) }).strict(),
    /** null = the median over customers with orders. */
    quadrant: z.object({ valueThresholdCents: z.number().int().nonnegative().nullable(), potentialThresholdCents: z.number().int().nonnegative().nullable() }).strict(),
    lifecycle: z
      .object({
        growthFromMonths: z.number().int().min(1).max(24),
        maturityFromMonths: z.number().int().min(2).max(60),
        declineWindowMonths: z.number().int().min(1).max(12),
        declineDropPercent: z.number().int().min(1).max(100),
      })
      .strict()
      .refine((l) => l.maturityFromMonths > l.growthFromMonths, { message: 'maturity must start after growth', path: ['maturityFromMonths'] }),
    clv: z.object({ horizonMonths: z.number().int().min(1).max(60), annualDiscountRate: z.number().min(0).max(1) }).strict(),
  })
  .strict()
  .refine((s) => Object.values(s.weights.toc).some((w) => w > 0) && Object.values(s.weights.tob).some((w) => w > 0), { message: 'at least one weight per customer kind must be above 0', path: ['weights'] });

export type SegmentSettings = z.infer<typeof segmentSettingsSchema>;

/** Defaults from the process documents: high 10–15 %, regular 60–70 %, potential/at-risk 15–25 %. */
export const defaultSegmentSettings: SegmentSettings = {
  weights: { toc: { recency: 1, frequency: 1, monetary: 1 }, tob: { tenure: 1, amount: 1, complexity: 1 } },
  shares: { high: 0.12, potential: 0.2 },
  quadrant: { valueThresholdCents: null, potentialThresholdCents: null },
  lifecycle: { growthFromMonths: 3, maturityFromMonths: 6, declineWindowMonths: 3, declineDropPercent: 30 },
  clv: { horizonMonths: 12, annualDiscountRate: 0.1 },
};
