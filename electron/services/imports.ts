import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localToday } from '../../shared/domain/dates';
import { PatronError } from '../../shared/ipc/errors';
import { columnMappingSchema, importOptionsSchema, type ColumnMapping, type ImportOptionsInput, type ImportReport, type ImportTarget } from '../../shared/import/targets';
import { importBatchQueries } from '../db/importBatches';
import type { ImportJobParams } from '../jobs/import';
import type { JobOutcome } from '../jobs/runner';
import type { InspectResult } from '../import/run';
import { revertBatch } from '../import/revert';
import { nowIso, type ServiceContext } from './context';
import { pruneUploads } from './importUploads';
import { backupBeforeBulk } from './safety';

export interface ImportRequest {
  file: string;
  target: ImportTarget;
  mapping?: ColumnMapping | undefined;
  options?: ImportOptionsInput | undefined;
}

export interface ImportBatchInfo {
  id: number;
  target: ImportTarget;
  fileName: string;
  actor: string;
  importedAt: string;
  backupPath: string | null;
  newRows: number;
  updatedRows: number;
  skippedRows: number;
  errorRows: number;
  revertedAt: string | null;
}

function outcomeValue(o: JobOutcome): unknown {
  if (o.status === 'done') return o.result;
  if (o.status === 'cancelled') throw new PatronError('conflict', 'the import was cancelled; nothing was written');
  throw new PatronError('invalid_request', o.message);
}

export interface ImportHooks {
  /** Runs after an import or a revert has changed the data (segmentation re-runs on the new orders). */
  afterDataChanged?: () => void;
}

/** Import use cases: inspect, preview, commit (as a job with progress and cancel), history, revert, saved mappings. */
export function importService(ctx: ServiceContext, hooks: ImportHooks = {}) {
  const batches = importBatchQueries(ctx.db);
  const running = new Map<string, Promise<JobOutcome>>();

  const runParams = (req: ImportRequest, commit: boolean, backupPath: string | null): ImportJobParams => ({
    mode: 'run',
    file: req.file,
    target: req.target,
    mapping: req.mapping,
    options: importOptionsSchema.parse(req.options ?? {}),
    commit,
    actor: ctx.actor,
    at: nowIso(ctx),
    asOf: localToday(ctx.now()),
    backupPath,
  });

  return {
    async inspect(req: { file: string; target: ImportTarget; encoding?: string | undefined; sheet?: string | undefined }): Promise<InspectResult> {
      return outcomeValue(await ctx.jobs.start('import', { mode: 'inspect', ...req } satisfies ImportJobParams).outcome) as InspectResult;
    },

    /** Plans the import without writing: counts of new/updated/skipped rows and every error. */
    async preview(req: ImportRequest): Promise<ImportReport> {
      return outcomeValue(await ctx.jobs.start('import', runParams(req, false, null)).outcome) as ImportReport;
    },

    /**
     * Takes the backup, then starts the import job; `wait` gives its report. An
     * import that writes nothing (refused, blocked, cancelled) removes its backup:
     * only a committed batch keeps one, and names it.
     */
    start(req: ImportRequest): { jobId: string } {
      const backupPath = backupBeforeBulk(ctx, 'import');
      const job = ctx.jobs.start('import', runParams(req, true, backupPath));
      const outcome = job.outcome.then((o) => {
        if (o.status === 'done' && (o.result as ImportReport).committed) hooks.afterDataChanged?.();
        else rmSync(backupPath, { force: true });
        return o;
      });
      running.set(job.id, outcome);
      return { jobId: job.id };
    },

    async wait(jobId: string): Promise<ImportReport> {
      const outcome = running.get(jobId);
      if (!outcome) throw new PatronError('not_found', `no import job ${jobId}`);
      try {
        return outcomeValue(await outcome) as ImportReport;
      } finally {
        running.delete(jobId);
      }
    },

    /** start + wait, for the CLI and tests. */
    async run(req: ImportRequest): Promise<ImportReport> {
      const { jobId } = this.start(req);
      return this.wait(jobId);
    },

    /**
     * The wizard in a browser has no file path: it sends the bytes, which are
     * kept in an imports folder beside the database so the job can read them.
     * Only the newest uploads are kept (importUploads.ts).
     */
    upload(req: { name: string; base64: string }): { file: string } {
      // One folder per upload keeps the file's own name, which error messages quote.
      const root = join(dirname(ctx.dbPath), 'imports');
      const name = `${nowIso(ctx).replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
      const folder = join(root, name);
      mkdirSync(folder, { recursive: true });
      const safe = basename(req.name).replace(/[^\p{L}\p{N}._() -]/gu, '_') || 'upload.csv';
      const file = join(folder, safe);
      writeFileSync(file, Buffer.from(req.base64, 'base64'));
      pruneUploads(root, name);
      return { file };
    },

    async pickFile(): Promise<{ file: string | null }> {
      if (!ctx.dialogs) return { file: null };
      return { file: await ctx.dialogs.openFile([{ name: 'CSV / Excel', extensions: ['csv', 'txt', 'xlsx'] }]) };
    },

    history(): ImportBatchInfo[] {
      return batches.list().map((b) => ({
        id: b.id,
        target: b.target,
        fileName: b.file_name,
        actor: b.actor,
        importedAt: b.imported_at,
        backupPath: b.backup_path,
        newRows: b.new_rows,
        updatedRows: b.updated_rows,
        skippedRows: b.skipped_rows,
        errorRows: b.error_rows,
        revertedAt: b.reverted_at,
      }));
    },

    revert(id: number): { restored: number; deleted: number; backupPath: string } {
      const batch = batches.get(id);
      if (!batch) throw new PatronError('not_found', `import batch ${id} does not exist`);
      if (batch.reverted_at) throw new PatronError('conflict', `import batch ${id} was already reverted`);
      const backupPath = backupBeforeBulk(ctx, 'import-revert');
      let result;
      try {
        result = revertBatch(ctx.db, id, nowIso(ctx));
      } catch (err) {
        throw new PatronError('conflict', err instanceof Error ? err.message : String(err));
      }
      ctx.emit('db:changed', { tables: ['import_batches', 'customers', 'customer_tags', 'tags', 'contacts', 'orders', 'interactions', 'complaints', 'staff'] });
      hooks.afterDataChanged?.();
      return { ...result, backupPath };
    },

    mappings(target: ImportTarget): { id: number; name: string; mapping: ColumnMapping }[] {
      return batches.mappings(target).map((m) => ({ id: m.id, name: m.name, mapping: columnMappingSchema.parse(JSON.parse(m.mapping)) }));
    },

    saveMapping(req: { target: ImportTarget; name: string; mapping: ColumnMapping }): { saved: true } {
      batches.saveMapping({ target: req.target, name: req.name.trim(), mapping: JSON.stringify(req.mapping), at: nowIso(ctx) });
      ctx.emit('db:changed', { tables: ['import_mappings'] });
      return { saved: true };
    },

    deleteMapping(id: number): { deleted: boolean } {
      const deleted = batches.deleteMapping(id);
      if (deleted) ctx.emit('db:changed', { tables: ['import_mappings'] });
      return { deleted };
    },
  };
}
