import { targetFields, headerUnit, type ColumnMapping, type FieldDef, type ImportTarget } from '../../shared/import/targets';
import {
  cellText,
  detectDayOrder,
  isBlank,
  normaliseEmail,
  normalisePhone,
  parseAmount,
  parseDate,
  parseInteger,
  parseTagList,
  parseText,
  splitContact,
  type DayOrder,
  type Parsed,
  type RawCell,
} from '../../shared/import/values';
import { textLimits } from '../../shared/domain/valueRules';
import type { SourceTable } from './source';

/** A mapped field bound to its column: where to read, how to parse. */
export interface BoundField {
  def: FieldDef;
  header: string;
  col: number;
  dayOrder: DayOrder | null;
  unit: number;
}

export type FieldValue = string | number | boolean | string[] | { name: string; title: string | null };

/** Binds a mapping to the file's columns; a mapped header that is missing or a required field left out stops the import. */
export function bindFields(source: SourceTable, target: ImportTarget, mapping: ColumnMapping, dayOrder: DayOrder | undefined): { fields: BoundField[]; ambiguous: string[] } {
  const name = source.file.split(/[\\/]/).pop() ?? source.file;
  const fields: BoundField[] = [];
  const ambiguous: string[] = [];
  for (const def of targetFields[target]) {
    const header = mapping[def.id];
    if (header === undefined || header === '') {
      if (def.required) throw new Error(`${name}: no column is mapped to the required field "${def.id}"`);
      continue;
    }
    const col = source.headers.indexOf(header);
    if (col < 0) throw new Error(`${name}: the mapping names column "${header}" for "${def.id}", but the file has no such column`);
    let order: DayOrder | null = null;
    if (def.kind === 'date') {
      if (dayOrder) order = dayOrder;
      else {
        const texts = function* () {
          for (const r of source.rows) {
            const c = r[col];
            if (typeof c === 'string') yield c;
          }
        };
        const detected = detectDayOrder(texts());
        if (detected === null) ambiguous.push(def.id);
        else if (detected !== 'none') order = detected;
      }
    }
    fields.push({ def, header, col, dayOrder: order, unit: def.kind === 'amount' ? headerUnit(header) : 1 });
  }
  for (const def of targetFields[target]) {
    if (def.id === 'name' && target === 'customers' && !fields.some((f) => f.def.id === 'name')) throw new Error(`${name}: no column is mapped to the customer name`);
  }
  return { fields, ambiguous };
}

function enumValue(def: FieldDef, cell: RawCell): Parsed<string> {
  const text = cellText(cell).toLowerCase();
  for (const [value, spellings] of Object.entries(def.values ?? {})) {
    if (spellings.some((s) => s.toLowerCase() === text)) return { ok: true, value };
  }
  return { ok: false, reason: `"${cellText(cell)}" is not one of ${Object.keys(def.values ?? {}).join(', ')}`, code: 'notChoice', params: { value: cellText(cell) } };
}

/** Parses one cell for its field; blank cells give null (no value, no error). */
function parseField(f: BoundField, cell: RawCell): Parsed<FieldValue> | null {
  if (isBlank(cell)) return null;
  switch (f.def.kind) {
    case 'text':
      return parseText(cell, f.def.max ?? textLimits.short);
    case 'date':
      return parseDate(cell, f.dayOrder);
    case 'amount':
      return parseAmount(cell, f.unit);
    case 'int':
      return parseInteger(cell);
    case 'tags':
      return parseTagList(cell);
    case 'phone':
      return normalisePhone(cell);
    case 'email':
      return normaliseEmail(cell);
    case 'enum':
      return enumValue(f.def, cell);
    case 'contact': {
      const c = splitContact(cell);
      if (!c) return null;
      const long = parseText(c.name.length > textLimits.short ? c.name : (c.title ?? ''), textLimits.short);
      return long.ok ? { ok: true, value: c } : long;
    }
    case 'years': {
      const m = /^(\d+(?:\.\d+)?)\s*(?:年|years?|yrs?)?$/i.exec(cellText(cell));
      return m ? { ok: true, value: Math.floor(Number(m[1])) } : { ok: false, reason: `"${cellText(cell)}" is not a number of years`, code: 'notYears', params: { value: cellText(cell) } };
    }
    case 'bool': {
      const t = cellText(cell).toLowerCase();
      if (['1', 'true', 'yes', 'y', '是', '√', '✓'].includes(t)) return { ok: true, value: true };
      if (['0', 'false', 'no', 'n', '否', ''].includes(t)) return { ok: true, value: false };
      return { ok: false, reason: `"${cellText(cell)}" is not yes/no`, code: 'notYesNo', params: { value: cellText(cell) } };
    }
  }
}

const MEMO_LIMIT = 50_000;

/**
 * A parser for one bound field. Dates and choices repeat a lot in real files
 * (a million orders fall on a thousand days), so their results are memoised.
 */
export function fieldParser(f: BoundField): (cell: RawCell) => Parsed<FieldValue> | null {
  if (f.def.kind === 'text') {
    const max = f.def.max ?? textLimits.short;
    return (cell) => (isBlank(cell) ? null : parseText(cell, max));
  }
  if (f.def.kind !== 'date' && f.def.kind !== 'enum') return (cell) => parseField(f, cell);
  const memo = new Map<string, Parsed<FieldValue> | null>();
  return (cell) => {
    if (typeof cell !== 'string') return parseField(f, cell);
    let hit = memo.get(cell);
    if (hit === undefined) {
      hit = parseField(f, cell);
      if (memo.size < MEMO_LIMIT) memo.set(cell, hit);
    }
    return hit;
  };
}
