import { WARNING_TABLES, runWarnings, type WarningRunParams, type WarningRunResult } from '../../services/warningRun';
import type { JobRun } from '../context';

/** The warning rules as a job kind: a worker thread on its own connection; cancel rolls back. */
export const run: JobRun<WarningRunParams, WarningRunResult> = (ctx) => {
  const result = runWarnings(ctx.db, ctx.params, { progress: (done, total) => ctx.progress(done, total), checkCancelled: () => ctx.checkCancelled() });
  return { result, tables: WARNING_TABLES };
};
