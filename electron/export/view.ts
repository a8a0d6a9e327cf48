import type { CustomerRow } from '../../shared/domain/customer';
import { exportColumns, exportSheetNames, exportValueLabels, type ExportColumnDef, type ExportWhat, type ViewSpec } from '../../shared/export/view';
import { conditionTest } from './conditions';
import type { CellInput, ColumnType, SheetSpec } from './workbook';

type Record_ = Record<string, unknown>;

const KIND_TO_TYPE: Record<ExportColumnDef['kind'], ColumnType> = { text: 'text', int: 'int', money: 'money', date: 'date' };

function cell(v: unknown): CellInput {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return typeof v === 'boolean' ? (v ? 1 : 0) : null;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Columns of a view: the requested ids in their order (unknown ids are refused), or every stored (not computed) column. */
export function viewColumns(what: ExportWhat, view: ViewSpec): ExportColumnDef[] {
  const all = exportColumns[what];
  if (!view.columns || view.columns.length === 0) return all.filter((c) => !c.derived);
  return view.columns.map((id) => {
    const c = all.find((x) => x.id === id);
    if (!c) throw new Error(`unknown ${what} column "${id}" (known: ${all.map((x) => x.id).join(', ')})`);
    return c;
  });
}

/**
 * Applies a view (ids, filters, quick filter, sort) to records and yields rows
 * of cells in column order. Sorting needs every row; the rest streams.
 */
export function* viewRows(records: Iterable<Record_>, columns: ExportColumnDef[], view: ViewSpec, what: ExportWhat, language: 'zh-CN' | 'en' = 'zh-CN'): Generator<CellInput[]> {
  const idKey = what === 'customers' ? 'id' : 'id';
  const ids = view.ids ? new Set(view.ids) : null;
  const words = (view.quickFilter ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const filters = Object.entries(view.filter ?? {}).map(([col, text]) => {
    if (!exportColumns[what].some((c) => c.id === col)) throw new Error(`unknown ${what} column "${col}" in filter`);
    return [col, text.toLowerCase()] as const;
  });
  const conditions = (view.conditions ?? []).map((c) => conditionTest(what, c));
  const keep = (r: Record_): boolean => {
    if (ids && !ids.has(r[idKey] as number)) return false;
    for (const [col, text] of filters) if (!String(cell(r[col]) ?? '').toLowerCase().includes(text)) return false;
    for (const test of conditions) if (!test(r)) return false;
    if (words.length > 0) {
      const hay = columns.map((c) => String(cell(r[c.id]) ?? '')).join('\u0001').toLowerCase();
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
  const labels = columns.map((c) => exportValueLabels[c.id]);
  const toRow = (r: Record_) =>
    columns.map((c, i) => {
      const v = r[c.id];
      const label = typeof v === 'string' ? labels[i]?.[v] : undefined;
      return label ? (language === 'en' ? label.en : label.zh) : cell(v);
    });
  const sort = view.sort ?? [];
  // Coded columns sort in their vocabulary's order, as the grid sorts them (high before regular), not by code.
  const ranks = new Map(sort.map((s) => [s.column, new Map(Object.keys(exportValueLabels[s.column] ?? {}).map((code, i) => [code, i]))]));
  if (sort.length === 0) {
    for (const r of records) if (keep(r)) yield toRow(r);
    return;
  }
  const kept: Record_[] = [];
  for (const r of records) if (keep(r)) kept.push(r);
  kept.sort((a, b) => {
    for (const s of sort) {
      const x = a[s.column] ?? null;
      const y = b[s.column] ?? null;
      let d: number;
      if (x === null || y === null) d = x === y ? 0 : x === null ? -1 : 1;
      else if (typeof x === 'number' && typeof y === 'number') d = x - y;
      else if (typeof x === 'string' && typeof y === 'string' && ranks.get(s.column)?.has(x) && ranks.get(s.column)?.has(y)) d = (ranks.get(s.column)?.get(x) ?? 0) - (ranks.get(s.column)?.get(y) ?? 0);
      else d = collator.compare(String(cell(x)), String(cell(y)));
      if (d !== 0) return s.dir === 'asc' ? d : -d;
    }
    return 0;
  });
  for (const r of kept) yield toRow(r);
}

export function viewSheet(what: ExportWhat, records: Iterable<Record_>, view: ViewSpec, language: 'zh-CN' | 'en'): SheetSpec {
  const columns = viewColumns(what, view);
  return {
    name: language === 'en' ? exportSheetNames[what].en : exportSheetNames[what].zh,
    columns: columns.map((c) => ({ header: language === 'en' ? c.en : c.zh, type: KIND_TO_TYPE[c.kind] })),
    rows: viewRows(records, columns, view, what, language),
  };
}

export type { CustomerRow };
