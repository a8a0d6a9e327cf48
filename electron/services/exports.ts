import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportRequestSchema, type ExportRequest, type ExportResult } from '../../shared/export/view';
import { PatronError } from '../../shared/ipc/errors';
import type { ExportJobParams } from '../jobs/kinds/export';
import { nowIso, type ServiceContext } from './context';

/** Exports of a grid view to .xlsx/.csv, written by a job in a worker thread. */
export function exportService(ctx: ServiceContext) {
  return {
    async run(input: ExportRequest): Promise<ExportResult> {
      const req = exportRequestSchema.parse(input);
      let path = req.path ?? null;
      const defaultName = `${req.what}-${nowIso(ctx).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.${req.format}`;
      if (path === null && ctx.dialogs) {
        path = await ctx.dialogs.saveFile(defaultName, [req.format === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }]);
        if (path === null) return { path: '', rows: 0, cancelled: true };
      }
      if (path === null) {
        const folder = join(dirname(ctx.dbPath), 'exports');
        mkdirSync(folder, { recursive: true });
        path = join(folder, defaultName);
      }
      const params: ExportJobParams = { what: req.what, format: req.format, view: req.view, language: req.language, path };
      const outcome = await ctx.jobs.start('export', params).outcome;
      if (outcome.status !== 'done') throw new PatronError('invalid_request', outcome.status === 'failed' ? outcome.message : 'the export was cancelled');
      const result = outcome.result;
      return { ...result, cancelled: false };
    },
  };
}
