import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportRequestSchema, type ExportRequest, type ExportResult } from '../../shared/export/view';
import { PatronError } from '../../shared/ipc/errors';
import { checkWriteTarget } from '../export/safeWrite';
import type { ExportJobParams } from '../jobs/kinds/export';
import { nowIso, type ServiceContext } from './context';

/** Exports of a grid view to .xlsx/.csv, written by a job in a worker thread. */
export function exportService(ctx: ServiceContext) {
  return {
    /**
     * Asks where to save with the main process's dialog (the app), or writes into the
     * exports folder beside the database. `path` is for callers inside the process (CLI,
     * tests); the IPC request has no such field.
     */
    async run(input: ExportRequest & { path?: string }): Promise<ExportResult> {
      const { path: given, ...request } = input;
      const req = exportRequestSchema.parse(request);
      let path = given ?? null;
      const defaultName = `${req.what}-${nowIso(ctx).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.${req.format}`;
      if (path === null && ctx.dialogs?.saveFile) {
        path = await ctx.dialogs.saveFile(defaultName, [req.format === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }]);
        if (path === null) return { path: '', rows: 0, cancelled: true };
      }
      if (path === null) {
        const folder = join(dirname(ctx.dbPath), 'exports');
        mkdirSync(folder, { recursive: true });
        path = join(folder, defaultName);
      }
      // Refused here, before a job starts; the job checks again against its own connection where it writes.
      const params: ExportJobParams = { what: req.what, format: req.format, view: req.view, language: req.language, path: checkWriteTarget(path, ctx.dbPath) };
      const outcome = await ctx.jobs.start('export', params).outcome;
      if (outcome.status !== 'done') throw new PatronError('invalid_request', outcome.status === 'failed' ? outcome.message : 'the export was cancelled');
      const result = outcome.result;
      return { ...result, cancelled: false };
    },
  };
}
