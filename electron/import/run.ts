import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { autoMatch, type ColumnMapping, type ImportOptions, type ImportReport, type ImportTarget } from '../../shared/import/targets';
import { cellText } from '../../shared/import/values';
import { createBatchWriter } from './apply';
import { planImport, type Plan } from './plan';
import { readSource } from './source';

/** What the wizard needs to show after picking a file: format, encoding, sheets, headers, a few rows, a suggested mapping. */
export interface InspectResult {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  detectedEncoding: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: number;
  sampleRows: string[][];
  suggested: ColumnMapping;
}

export async function inspectFile(file: string, target: ImportTarget, opts: { encoding?: string | undefined; sheet?: string | undefined }): Promise<InspectResult> {
  const source = await readSource(file, opts);
  return {
    file,
    format: source.format,
    encoding: source.encoding,
    detectedEncoding: source.detectedEncoding,
    sheets: source.sheets,
    sheet: source.sheet,
    headers: source.headers,
    rows: source.rows.length,
    sampleRows: source.rows.slice(0, 5).map((r) => source.headers.map((_, i) => cellText(r[i] ?? null))),
    suggested: autoMatch(source.headers, target),
  };
}

export interface RunImportInput {
  file: string;
  target: ImportTarget;
  /** Absent: the auto-matched mapping. */
  mapping?: ColumnMapping | undefined;
  options: ImportOptions;
  commit: boolean;
  actor: string;
  at: string;
  asOf: string;
  backupPath: string | null;
}

/** Thrown inside the import transaction to roll it back when the file may not be written. */
class NotWritten extends Error {}

export interface RunHooks {
  progress: (done: number, total: number) => void;
  checkCancelled: () => void;
}

/**
 * Reads, plans and (when asked and allowed) writes one import. With errors and
 * onErrors 'abort', or with undecided ambiguous dates, nothing is written.
 */
export async function runImport(db: Database, input: RunImportInput, hooks: RunHooks): Promise<ImportReport> {
  const source = await readSource(input.file, { encoding: input.options.encoding, sheet: input.options.sheet });
  hooks.checkCancelled();
  const mapping = input.mapping ?? autoMatch(source.headers, input.target);
  const abortOnErrors = input.options.onErrors === 'abort';
  const isBlocked = (p: { errorRows: number; ambiguous: boolean }) => p.ambiguous || (abortOnErrors && p.errorRows > 0);
  const fileName = basename(input.file);
  const total = source.rows.length;
  let plan: Plan | null = null;
  let batchId: number | null = null;
  if (!input.commit) {
    plan = planImport(db, source, input.target, mapping, input.options, input.asOf);
  } else {
    // Plan and write in one pass inside ONE transaction; if the file turns out to be
    // blocked (bad rows with "import nothing", undecided dates) the transaction rolls back.
    try {
      db.transaction(() => {
        const writer = createBatchWriter(db, input.target, fileName, { actor: input.actor, at: input.at, asOf: input.asOf, backupPath: input.backupPath });
        let seen = 0;
        plan = planImport(db, source, input.target, mapping, input.options, input.asOf, (row, sofar) => {
          if ((++seen & 1023) === 0) {
            hooks.checkCancelled();
            hooks.progress(row.index, total);
          }
          if (!isBlocked(sofar)) writer.write(row);
        });
        if (isBlocked({ errorRows: plan.errorRows, ambiguous: plan.ambiguousDates.length > 0 })) throw new NotWritten();
        writer.finish(plan);
        batchId = writer.batchId;
      }).immediate();
    } catch (err) {
      if (!(err instanceof NotWritten)) throw err;
      batchId = null;
    }
    hooks.progress(total, total);
  }
  if (!plan) throw new Error('import plan missing');
  return {
    target: input.target,
    file: fileName,
    encoding: source.encoding,
    sheet: source.sheet,
    rows: source.rows.length,
    new: plan.counts.new,
    updated: plan.counts.updated,
    skipped: plan.counts.skipped,
    errorRows: plan.errorRows,
    errors: plan.errors,
    ambiguousDates: plan.ambiguousDates,
    batchId,
    committed: batchId !== null,
    backupPath: batchId !== null ? input.backupPath : null,
    sample: plan.sample,
  };
}
