import type { Database } from 'better-sqlite3';
import type { ExportFormat, ExportWhat, ViewSpec } from '../../shared/export/view';
import { customerQueries } from '../db/customers';
import { exportQueries } from '../db/exports';
import { writeCsv } from './csv';
import { viewColumns, viewSheet } from './view';
import { writeWorkbook, type SheetSpec, type WriteOptions } from './workbook';

export interface ExportViewParams {
  what: ExportWhat;
  format: ExportFormat;
  view: ViewSpec;
  language: 'zh-CN' | 'en';
  path: string;
}

/** The customer fields a view reads: its columns, filters and sort keys (and id, for a selection). */
function fieldsOf(view: ViewSpec): string[] {
  const fields = new Set(['id', ...viewColumns('customers', view).map((c) => c.id)]);
  for (const col of Object.keys(view.filter ?? {})) fields.add(col);
  for (const c of view.conditions ?? []) fields.add(c.column);
  for (const s of view.sort ?? []) fields.add(s.column);
  return [...fields];
}

/**
 * Writes one grid view to .xlsx or .csv. Records stream from SQLite straight
 * into the writer; only a sorted view holds its (filtered) rows, to sort them.
 */
export async function exportView(db: Database, params: ExportViewParams, opts: WriteOptions = {}): Promise<{ path: string; rows: number }> {
  let sheet: SheetSpec;
  if (params.what === 'customers') {
    // Arrays of the fields' values: each field is found by its place in the list.
    const fields = fieldsOf(params.view);
    const place = new Map(fields.map((f, i) => [f, i]));
    const keyOf = (field: string): number => {
      const i = place.get(field);
      if (i === undefined) throw new Error(`customers column "${field}" was not read`);
      return i;
    };
    sheet = viewSheet('customers', customerQueries(db).iterateValues(fields), params.view, params.language, keyOf);
  } else sheet = viewSheet(params.what, exportQueries(db).orders(), params.view, params.language);
  // The connection's own file is the database the target must never be.
  const database = db.name;
  const { rows } = params.format === 'csv' ? await writeCsv(params.path, sheet, database) : await writeWorkbook(params.path, [sheet], { ...opts, database });
  return { path: params.path, rows };
}
