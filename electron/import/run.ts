import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { autoMatch, type ColumnMapping, type ImportOptions, type ImportReport, type ImportTarget } from '../../shared/import/targets';
import { cellText } from '../../shared/import/values';
import { applyPlan } from './apply';
import { planImport } from './plan';
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
  const plan = planImport(db, source, input.target, mapping, input.options, input.asOf);
  const blocked = (plan.errorRows > 0 && input.options.onErrors === 'abort') || plan.ambiguousDates.length > 0;
  let batchId: number | null = null;
  if (input.commit && !blocked) {
    batchId = applyPlan(db, plan, { actor: input.actor, at: input.at, asOf: input.asOf, backupPath: input.backupPath, ...hooks });
  }
  return {
    target: input.target,
    file: basename(input.file),
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
