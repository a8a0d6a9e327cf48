import { exportView, type ExportViewParams } from '../../export/exportView';
import type { JobRun } from '../context';

/** Export job: streams the view's rows to .xlsx or .csv in this worker thread. */
export type ExportJobParams = ExportViewParams;

export const run: JobRun<ExportJobParams, { path: string; rows: number }> = async (job) => {
  const result = await exportView(job.db, job.params, { checkCancelled: () => job.checkCancelled() });
  return { result, tables: [] };
};
