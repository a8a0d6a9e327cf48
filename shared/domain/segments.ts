import { z } from 'zod';
import { lifecycleStages } from '../analytics/lifecycle';
import { quadrants } from '../analytics/quadrant';
import { segmentSettingsSchema } from '../analytics/settings';
import { tiers } from './enums';

/** IPC schemas of the Segments page (contract entries in shared/ipc/contract/segments.ts). */
const tier = z.enum(tiers);
const quadrant = z.enum(quadrants);
const stage = z.enum(lifecycleStages);
const count = z.number().int().nonnegative();

const clvFitSchema = z.union([
  z.object({
    ok: z.literal(true),
    bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }),
    gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number() }),
    logLikelihood: z.number(),
    customers: count,
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['too_little_data', 'not_converged']), model: z.enum(['bgnbd', 'gammaGamma']), detail: z.string() }),
]);
/** CLV is fitted per customer kind (ToC people, ToB companies). */
export const clvStatusSchema = z.object({ person: clvFitSchema, company: clvFitSchema });

export const segmentSummarySchema = z.object({
  customers: count,
  tiers: z.record(tier, count),
  quadrants: z.record(quadrant, count),
  lifecycle: z.record(stage, count),
  thresholds: z.object({ valueCents: z.number(), potentialCents: z.number() }),
});

const segmentRunSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  asOf: z.string(),
  trigger: z.enum(['manual', 'daily', 'import', 'cli']),
  customers: count,
  settings: segmentSettingsSchema,
  clv: clvStatusSchema,
  summary: segmentSummarySchema,
});
export type SegmentRunDto = z.infer<typeof segmentRunSchema>;

export const segmentOverviewSchema = z.object({
  run: segmentRunSchema.nullable(),
  previousRun: z.object({ id: z.number().int(), asOf: z.string(), finishedAt: z.string() }).nullable(),
  tiers: z.array(z.object({ tier, customers: count, valueCents: z.number().int(), overridden: count })),
  quadrants: z.array(z.object({ quadrant, customers: count, valueCents: z.number().int(), predictedCents: z.number().int().nullable() })),
  lifecycle: z.array(z.object({ stage, customers: count, valueCents: z.number().int() })),
  /** From the previous run's tier (null = not segmented then) to the latest run's. */
  migration: z.array(z.object({ from: tier.nullable(), to: tier, customers: count })),
  /** True while a segmentation job is running. */
  running: z.boolean(),
});
export type SegmentOverview = z.infer<typeof segmentOverviewSchema>;

/** Which customers a number on the Segments page stands for. */
export const segmentSelectorSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('tier'), tier }).strict(),
  z.object({ by: z.literal('quadrant'), quadrant }).strict(),
  z.object({ by: z.literal('lifecycle'), stage }).strict(),
  z.object({ by: z.literal('migration'), from: tier.nullable(), to: tier }).strict(),
  z.object({ by: z.literal('overridden') }).strict(),
]);
export type SegmentSelector = z.infer<typeof segmentSelectorSchema>;

export const segmentPreviewSchema = z.object({
  current: segmentSummarySchema.nullable(),
  proposed: segmentSummarySchema,
  /** The preview reuses the latest run's CLV predictions (a full fit runs only in the job). */
  usesStoredPredictions: z.boolean(),
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;
