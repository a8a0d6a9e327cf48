import { z } from 'zod';

/** What the repair rebuild of the rollups found and did (electron/services/rollupRepair.ts). */
export const rollupRepairResultSchema = z.object({
  /** Customers with any order or interaction: the rows customer_rollups should hold. */
  customers: z.number().int().nonnegative(),
  /** Customer-months with any order or interaction: the rows customer_monthly should hold. */
  months: z.number().int().nonnegative(),
  /** Rows written or removed because they were missing, wrong or left over. */
  fixed: z.object({ rollups: z.number().int().nonnegative(), monthly: z.number().int().nonnegative() }),
  /** True when so much was wrong that both tables were rebuilt from empty instead. */
  rebuilt: z.boolean(),
  /** How many threads shared the reading. */
  threads: z.number().int().positive(),
  ms: z.number().nonnegative(),
});
export type RollupRepairResult = z.infer<typeof rollupRepairResultSchema>;
