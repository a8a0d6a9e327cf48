import type { Database } from 'better-sqlite3';
import { startForYears } from '../../shared/domain/cellInput';
import type { ColumnMapping, ImportError, ImportOptions, ImportTarget } from '../../shared/import/targets';
import { cellText, normaliseName, normalisePhone } from '../../shared/import/values';
import { importLookups, type ExistingCustomer } from '../db/importWrites';
import { bindFields, fieldParser, type FieldValue } from './fields';
import type { SourceTable } from './source';

/**
 * Planning: every row of the file becomes new / update / skip / error, with the
 * reason for each error. Nothing is written here; the preview shows the plan
 * and the commit applies it.
 */
type RowAction = 'new' | 'update' | 'skip' | 'error';

export interface PlannedRow {
  /** Index of the row among the file's data rows (for progress). */
  index: number;
  row: number;
  action: Exclude<RowAction, 'error'>;
  /** The matched record (update/skip). */
  id: number | null;
  /** Parsed values by field id. */
  values: Map<string, FieldValue>;
  /** Customer the record belongs to (contacts, orders, interactions, complaints). */
  customerId: number | null;
}

export interface Plan {
  target: ImportTarget;
  fileName: string;
  rows: PlannedRow[];
  errors: ImportError[];
  errorRows: number;
  counts: { new: number; updated: number; skipped: number };
  ambiguousDates: string[];
  sample: { row: number; action: RowAction; values: Record<string, string> }[];
}

const SAMPLE_ROWS = 50;

/** Customer columns a customers import writes, by field id. */
export const CUSTOMER_COLUMNS: Record<string, string> = {
  code: 'code',
  kind: 'kind',
  name: 'name',
  industry: 'industry',
  region: 'region',
  source: 'source',
  cooperationStart: 'cooperation_start',
  status: 'status',
  tier: 'tier_override',
  phone: 'phone',
  email: 'email',
  address: 'address',
  notes: 'notes',
};

function displayValue(v: FieldValue): string {
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'object') return v.title ? `${v.name} ${v.title}` : v.name;
  return String(v);
}

/** Index of existing customers by each possible key; a key shared by several customers maps to -1. */
function indexCustomers(all: ExistingCustomer[], key: (c: ExistingCustomer) => string | null): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of all) {
    const k = key(c);
    if (k === null || k === '') continue;
    map.set(k, map.has(k) ? -1 : c.id);
  }
  return map;
}

const phoneKey = (p: string | null) => {
  if (!p) return null;
  const n = normalisePhone(p);
  return n.ok ? n.value : p;
};
const emailKey = (e: string | null) => (e ? e.trim().toLowerCase() : null);

function matchKeyOf(matchBy: ImportOptions['matchBy'], values: Map<string, FieldValue>): string | null {
  const v = values.get(matchBy);
  if (v === undefined) return null;
  if (matchBy === 'name') return normaliseName(displayValue(v));
  return displayValue(v);
}

function customerIndex(all: ExistingCustomer[], matchBy: ImportOptions['matchBy']): Map<string, number> {
  switch (matchBy) {
    case 'code':
      return indexCustomers(all, (c) => c.code);
    case 'phone':
      return indexCustomers(all, (c) => phoneKey(c.phone));
    case 'email':
      return indexCustomers(all, (c) => emailKey(c.email));
    case 'name':
      return indexCustomers(all, (c) => normaliseName(c.name));
  }
}

/** Whether applying the row's values would change the stored customer. */
function customerChanges(db: ReturnType<typeof importLookups>, id: number, values: Map<string, FieldValue>): boolean {
  const row = db.customerRow(id);
  if (!row) return true;
  for (const [field, col] of Object.entries(CUSTOMER_COLUMNS)) {
    const v = values.get(field);
    if (v !== undefined && row[col] !== v) return true;
  }
  const tags = values.get('tags');
  if (Array.isArray(tags)) {
    const have = new Set(db.customerTags(id).map((t) => t.toLowerCase()));
    if (tags.some((t) => !have.has(t.toLowerCase()))) return true;
  }
  return values.has('owner') || values.has('contact') || values.has('historyTotal') || values.has('lastCooperation') || values.has('cooperationYears');
}

/**
 * Plans every row. With `onRow`, valid rows are handed over one by one (the
 * commit writes them as they come) instead of being kept, so a million-row file
 * never sits in memory as planned objects. A row handed to `onRow` (and its
 * values) is only valid during that call.
 */
export function planImport(
  db: Database,
  source: SourceTable,
  target: ImportTarget,
  mapping: ColumnMapping,
  options: ImportOptions,
  asOf: string,
  onRow?: (row: PlannedRow, sofar: { errorRows: number; ambiguous: boolean }) => void,
): Plan {
  const fileName = source.file.split(/[\\/]/).pop() ?? source.file;
  const { fields, ambiguous } = bindFields(source, target, mapping, options.dayOrder);
  const parsers = fields.map(fieldParser);
  const headers = new Map(fields.map((f) => [f.def.id, f.header]));
  const headerOf = (id: string) => headers.get(id) ?? id;
  const customerCol = fields.find((f) => f.def.id === 'customer')?.col ?? -1;
  const refCache = new Map<string, number | undefined>();
  const amountFields = new Set(fields.filter((f) => f.def.kind === 'amount').map((f) => f.def.id));
  const lookups = importLookups(db);
  const existing = lookups.customers();
  const byKey = target === 'customers' ? customerIndex(existing, options.matchBy) : new Map<string, number>();
  const byCode = indexCustomers(existing, (c) => c.code);
  // Names are looked up only when a reference is not a customer code; most files use codes, so the index is built on first need.
  let byName: Map<string, number> | null = null;
  const nameIndex = () => (byName ??= indexCustomers(existing, (c) => normaliseName(c.name)));
  const seenKeys = new Map<string, number>();
  // No stored order numbers yet (a first import): nothing to look up per row; duplicates within the file are still caught.
  const orderNumbersStored = target === 'orders' && lookups.anyOrderNumbers();
  const seenCodes = new Map<string, number>();
  const errors: ImportError[] = [];
  const rows: PlannedRow[] = [];
  const sample: Plan['sample'] = [];
  const counts = { new: 0, updated: 0, skipped: 0 };
  let errorRows = 0;
  // One error list and one fail() for all rows: no per-row allocations on the hot path of a million-row file.
  const rowErrors: ImportError[] = [];
  let rowNo = 0;
  // With onRow each row is consumed before the next one is planned, so one Map serves every row.
  const reused = new Map<string, FieldValue>();
  const fail = (column: string, reason: string, code: string, params: Record<string, string | number> = {}) => rowErrors.push({ file: fileName, row: rowNo, column, reason, code, params });

  for (let r = 0; r < source.rows.length; r++) {
    const cells = source.rows[r] ?? [];
    rowNo = source.rowNumbers[r] ?? r + 2;
    rowErrors.length = 0;
    const values = onRow ? reused : new Map<string, FieldValue>();
    values.clear();
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const parse = parsers[k];
      if (!f || !parse) continue;
      const parsed = parse(cells[f.col] ?? null);
      if (parsed === null) {
        if (f.def.required) fail(f.header, 'required value is empty', 'required');
        continue;
      }
      if (parsed.ok) values.set(f.def.id, parsed.value);
      else fail(f.header, parsed.reason, parsed.code, parsed.params);
    }

    let action: PlannedRow['action'] = 'new';
    let id: number | null = null;
    let customerId: number | null = null;
    if (rowErrors.length === 0) {
      if (target === 'customers') {
        const key = matchKeyOf(options.matchBy, values);
        if (key !== null) {
          const first = seenKeys.get(key);
          if (first !== undefined) fail(headerOf(options.matchBy), `duplicate key "${displayValue(values.get(options.matchBy) ?? key)}": already on row ${first}`, 'duplicateKey', { value: displayValue(values.get(options.matchBy) ?? key), row: first });
          else seenKeys.set(key, rowNo);
          const hit = byKey.get(key);
          if (hit === -1) fail(headerOf(options.matchBy), `"${displayValue(values.get(options.matchBy) ?? key)}" matches more than one existing customer`, 'ambiguousMatch', { value: displayValue(values.get(options.matchBy) ?? key) });
          else if (hit !== undefined) id = hit;
        }
        const code = values.get('code');
        if (typeof code === 'string') {
          const owner = byCode.get(code);
          if (owner !== undefined && owner !== id) fail(headerOf('code'), `customer code "${code}" already belongs to another customer`, 'codeTaken', { value: code });
          const firstCode = seenCodes.get(code);
          if (firstCode !== undefined && options.matchBy !== 'code') fail(headerOf('code'), `duplicate customer code "${code}": already on row ${firstCode}`, 'duplicateKey', { value: code, row: firstCode });
          seenCodes.set(code, rowNo);
        }
        if (id !== null && rowErrors.length === 0) action = options.onExisting === 'skip' || !customerChanges(lookups, id, values) ? 'skip' : 'update';
      } else {
        const ref = cellText(cells[customerCol] ?? null);
        let found = refCache.get(ref);
        if (found === undefined && !refCache.has(ref)) {
          found = byCode.get(ref) ?? nameIndex().get(normaliseName(ref));
          refCache.set(ref, found);
        }
        if (found === undefined) fail(headerOf('customer'), `no customer with code or name "${ref}"`, 'noCustomer', { value: ref });
        else if (found === -1) fail(headerOf('customer'), `"${ref}" matches more than one customer; use the customer code`, 'ambiguousCustomer', { value: ref });
        else customerId = found;
        if (customerId !== null) {
          if (target === 'orders') {
            const no = values.get('orderNo');
            if (typeof no === 'string') {
              const first = seenKeys.get(no);
              if (first !== undefined) fail(headerOf('orderNo'), `duplicate order number "${no}": already on row ${first}`, 'duplicateKey', { value: no, row: first });
              seenKeys.set(no, rowNo);
              id = orderNumbersStored ? lookups.orderIdByNo(no) : null;
            }
          } else if (target === 'contacts') {
            const name = values.get('name');
            if (typeof name === 'string') {
              const k = `${customerId}\u0000${normaliseName(name)}`;
              const first = seenKeys.get(k);
              if (first !== undefined) fail(headerOf('name'), `duplicate contact "${name}" for this customer: already on row ${first}`, 'duplicateKey', { value: name, row: first });
              seenKeys.set(k, rowNo);
              id = lookups.contactIdByName(customerId, name);
            }
          }
          if (id !== null) action = options.onExisting === 'skip' ? 'skip' : 'update';
        }
      }
      if (target === 'complaints') {
        const s = values.get('satisfaction');
        if (typeof s === 'number' && (s < 1 || s > 5)) fail(headerOf('satisfaction'), `${s} is outside 1–5`, 'outOfRange', { value: s });
      }
      if (target === 'orders') {
        const q = values.get('quantity');
        if (typeof q === 'number' && q < 0) fail(headerOf('quantity'), 'quantity cannot be negative', 'negative', { value: String(q) });
      }
    }

    if (rowErrors.length > 0) {
      errorRows++;
      for (const e of rowErrors) errors.push(e);
      if (sample.length < SAMPLE_ROWS) sample.push({ row: rowNo, action: 'error', values: Object.fromEntries(fields.map((f) => [f.def.id, cellText(cells[f.col] ?? null)])) });
      continue;
    }
    if (action === 'new') counts.new++;
    else if (action === 'update') counts.updated++;
    else counts.skipped++;
    if (sample.length < SAMPLE_ROWS) sample.push({ row: rowNo, action, values: Object.fromEntries([...values].map(([k, v]) => [k, amountFields.has(k) && typeof v === 'number' ? (v / 100).toFixed(2) : displayValue(v)])) });
    const years = values.get('cooperationYears');
    if (typeof years === 'number' && !values.has('cooperationStart')) values.set('cooperationStart', startForYears(years, asOf));
    const planned: PlannedRow = { index: r, row: rowNo, action, id, values, customerId };
    if (onRow) onRow(planned, { errorRows, ambiguous: ambiguous.length > 0 });
    else rows.push(planned);
  }
  return { target, fileName, rows, errors, errorRows, counts, ambiguousDates: ambiguous, sample };
}

