import type { LoyaltySyncResult } from '../../../shared/domain/loyalty';
import { LOYALTY_TABLES, runLoyaltySync, type LoyaltySyncParams } from '../../services/loyaltySync';
import type { JobRun } from '../context';

/** The points sync as a job kind: a worker thread with its own connection; cancel rolls the whole sync back. */
export const run: JobRun<LoyaltySyncParams, LoyaltySyncResult> = (ctx) => {
  const result = runLoyaltySync(ctx.db, ctx.params, { progress: (done, total) => ctx.progress(done, total), checkCancelled: () => ctx.checkCancelled() });
  return { result, tables: LOYALTY_TABLES };
};
