import { exportColumns, exportHeader, exportSheetName, type ExportColumnDef, type ExportWhat, type ViewSpec } from '../../shared/export/view';
import { vocabularyCode, vocabularyCodes, vocabularyLabel, vocabularyOfColumn } from '../../shared/i18n/vocabularies';
import { conditionTest } from './conditions';
import type { CellInput, ColumnType, SheetSpec } from './workbook';

/** A record: an object keyed by field id, or an array of values whose places `keyOf` gives. */
export type Record_ = Readonly<Record<string, unknown>> | readonly unknown[];
/** Where a field sits in a record: its id in an object, its index in an array. */
export type KeyOf = (field: string) => string | number;
const byName: KeyOf = (field) => field;
const get = (r: Record_, key: string | number): unknown => (r as Readonly<Record<string | number, unknown>>)[key];

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
function* viewRows(
  records: Iterable<Record_>,
  columns: ExportColumnDef[],
  view: ViewSpec,
  what: ExportWhat,
  language: 'zh-CN' | 'en' = 'zh-CN',
  keyOf: KeyOf = byName,
): Generator<CellInput[]> {
  const idKey = keyOf('id');
  const ids = view.ids ? new Set(view.ids) : null;
  const words = (view.quickFilter ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const filters = Object.entries(view.filter ?? {}).map(([col, text]) => {
    if (!exportColumns[what].some((c) => c.id === col)) throw new Error(`unknown ${what} column "${col}" in filter`);
    // On a coded column a label of either language stands for its code, which the record holds.
    const vocabulary = vocabularyOfColumn[col];
    const code = vocabulary ? vocabularyCode(vocabulary, text) : null;
    return [keyOf(col), (code ?? text).toLowerCase()] as const;
  });
  const conditions = (view.conditions ?? []).map((c) => conditionTest(what, c, keyOf(c.column)));
  const keys = columns.map((c) => keyOf(c.id));
  const keep = (r: Record_): boolean => {
    if (ids && !ids.has(get(r, idKey) as number)) return false;
    for (const [key, text] of filters) if (!String(cell(get(r, key)) ?? '').toLowerCase().includes(text)) return false;
    for (const test of conditions) if (!test(r)) return false;
    if (words.length > 0) {
      const hay = keys.map((k) => String(cell(get(r, k)) ?? '')).join('\u0001').toLowerCase();
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
  const all = ids === null && filters.length === 0 && conditions.length === 0 && words.length === 0;
  // Each column's labels in the export language (coded values), or null.
  const labels = columns.map((c) => {
    const vocabulary = vocabularyOfColumn[c.id];
    return vocabulary ? new Map(vocabularyCodes(vocabulary).map((code) => [code, vocabularyLabel(vocabulary, code, language)])) : null;
  });
  const n = columns.length;
  const toRow = (r: Record_): CellInput[] => {
    const out = new Array<CellInput>(n);
    for (let i = 0; i < n; i++) {
      const v = get(r, keys[i] as string | number);
      const label = typeof v === 'string' ? labels[i]?.get(v) : undefined;
      out[i] = label ?? cell(v);
    }
    return out;
  };
  const sort = view.sort ?? [];
  // Coded columns sort in their vocabulary's order, as the grid sorts them (high before regular), not by code.
  const ranks = new Map(sort.map((s) => [s.column, new Map((vocabularyOfColumn[s.column] ? vocabularyCodes(vocabularyOfColumn[s.column] ?? 'kind') : []).map((code, i) => [code, i]))]));
  if (sort.length === 0) {
    for (const r of records) if (all || keep(r)) yield toRow(r);
    return;
  }
  const kept: Record_[] = [];
  for (const r of records) if (all || keep(r)) kept.push(r);
  const sortKeys = sort.map((s) => keyOf(s.column));
  kept.sort((a, b) => {
    for (let k = 0; k < sort.length; k++) {
      const s = sort[k];
      const key = sortKeys[k];
      if (!s || key === undefined) continue;
      const x = get(a, key) ?? null;
      const y = get(b, key) ?? null;
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

export function viewSheet(what: ExportWhat, records: Iterable<Record_>, view: ViewSpec, language: 'zh-CN' | 'en', keyOf: KeyOf = byName): SheetSpec {
  const columns = viewColumns(what, view);
  return {
    name: exportSheetName(what, language),
    columns: columns.map((c) => ({ header: exportHeader(what, c.id, language), type: KIND_TO_TYPE[c.kind] })),
    rows: viewRows(records, columns, view, what, language, keyOf),
  };
}
