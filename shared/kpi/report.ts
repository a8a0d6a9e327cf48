import { z } from 'zod';
import { tiers } from '../domain/enums';
import { dashboardSchema } from './dashboard';
import { kpiIds } from './targets';

/** The monthly manager report: the dashboard of the month plus the lists behind it. */
export const reportSchema = dashboardSchema.extend({
  generatedAt: z.string(),
  /** Tier migration between the last two segmentation runs (from null = not segmented before). */
  migration: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    cells: z.array(z.object({ fromTier: z.enum(tiers).nullable(), toTier: z.enum(tiers), customers: z.number().int() })),
  }),
  complaints: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      openedAt: z.string(),
      severity: z.string(),
      category: z.string().nullable(),
      dueAt: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      /** on-time / late / open / open-overdue / no deadline. */
      sla: z.enum(['onTime', 'late', 'open', 'overdue', 'none']),
    }),
  ),
  actions: z.array(
    z.object({ id: z.number().int(), plan: z.string(), measure: z.string(), owner: z.string().nullable(), dueDate: z.string().nullable(), status: z.string(), doneOn: z.string().nullable() }),
  ),
});
export type ReportData = z.infer<typeof reportSchema>;

/** What a KPI figure clicks through to: the customers behind it. */
export const customersBehindRequestSchema = z
  .object({
    what: z.union([z.enum(kpiIds), z.enum(['atRisk', 'tier'])]),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    tier: z.enum(tiers).nullable().default(null),
  })
  .strict();
export type CustomersBehindRequest = z.output<typeof customersBehindRequestSchema>;

export const reportExportRequestSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    language: z.enum(['zh-CN', 'en']),
  })
  .strict();
