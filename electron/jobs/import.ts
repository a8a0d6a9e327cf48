import { tablesWritten } from '../import/apply';
import { inspectFile, runImport, type InspectResult, type RunImportInput } from '../import/run';
import type { ImportReport, ImportTarget } from '../../shared/import/targets';
import type { JobRun } from './context';

/**
 * Import job: reading, planning and writing a file happen in this worker thread
 * so the app stays responsive; the write is one transaction (see import/apply.ts).
 */
export type ImportJobParams =
  | { mode: 'inspect'; file: string; target: ImportTarget; encoding?: string | undefined; sheet?: string | undefined }
  | ({ mode: 'run' } & RunImportInput);

export const run: JobRun<ImportJobParams, InspectResult | ImportReport> = async (ctx) => {
  const { db, params } = ctx;
  if (params.mode === 'inspect') {
    return { result: await inspectFile(params.file, params.target, params), tables: [] };
  }
  const report = await runImport(db, params, { progress: (done, total) => ctx.progress(done, total), checkCancelled: () => ctx.checkCancelled() });
  return { result: report, tables: report.committed ? tablesWritten(params.target) : [] };
};
