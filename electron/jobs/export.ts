import { customerQueries } from '../db/customers';
import { exportQueries } from '../db/exports';
import { writeCsv } from '../export/csv';
import { viewSheet } from '../export/view';
import { writeWorkbook } from '../export/workbook';
import type { ExportFormat, ExportWhat, ViewSpec } from '../../shared/export/view';
import type { JobRun } from './context';

/** Export job: builds the view's rows and streams them to .xlsx or .csv in this worker thread. */
export interface ExportJobParams {
  what: ExportWhat;
  format: ExportFormat;
  view: ViewSpec;
  language: 'zh-CN' | 'en';
  path: string;
}

export const run: JobRun<ExportJobParams, { path: string; rows: number }> = async ({ db, params }) => {
  const records: Iterable<Record<string, unknown>> =
    params.what === 'customers' ? customerQueries(db).list(() => '') : exportQueries(db).orders();
  const sheet = viewSheet(params.what, records, params.view, params.language);
  const { rows } = params.format === 'csv' ? await writeCsv(params.path, sheet) : await writeWorkbook(params.path, [sheet]);
  return { result: { path: params.path, rows }, tables: [] };
};
