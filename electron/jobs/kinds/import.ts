import { tablesWritten } from '../../import/apply';
import { runImport, type RunImportInput } from '../../import/run';
import type { ImportReport } from '../../../shared/import/targets';
import type { JobRun } from '../context';

/**
 * Import job: reading, planning and writing a file happen in this worker thread
 * so the app stays responsive; the write is one transaction (see import/apply.ts).
 */
export const run: JobRun<RunImportInput, ImportReport> = async (ctx) => {
  const { db, params } = ctx;
  const report = await runImport(db, params, { progress: (done, total) => ctx.progress(done, total), checkCancelled: () => ctx.checkCancelled() });
  return { result: report, tables: report.committed ? tablesWritten(params.target) : [] };
};
