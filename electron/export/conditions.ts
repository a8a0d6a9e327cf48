import { exportColumns, type ExportWhat, type FilterCondition } from '../../shared/export/view';
import { vocabularyCode, vocabularyOfColumn } from '../../shared/i18n/vocabularies';

/** A record: an object keyed by field, or an array of values (then the test is given the field's place). */
type Record_ = Readonly<Record<string, unknown>> | readonly unknown[];
const get = (r: Record_, key: string | number): unknown => (r as Readonly<Record<string | number, unknown>>)[key];

const collator = new Intl.Collator('zh-CN', { numeric: true });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** -1/0/1 of a stored value against the condition's value, or null when they cannot be compared. */
type Compare = (stored: unknown) => number | null;

/** A stored value as text: tag lists joined as the sheet writes them, nothing for null. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(textOf).join('、');
  return '';
}

function describe(c: FilterCondition): string {
  return `filter ${c.column}${c.op}${c.value}`;
}

/**
 * Turns one column condition into a row test, the way the grid's column
 * filters compare: numbers as numbers (money typed in yuan against stored
 * cents), dates as YYYY-MM-DD, text ignoring case. A coded column (status,
 * kind, tier) matches its stored code or either label, so 合作中, Active and
 * active all select the same rows. Bad values are refused with a clear message.
 */
export function conditionTest(what: ExportWhat, c: FilterCondition, key: string | number = c.column): (r: Record_) => boolean {
  const def = exportColumns[what].find((x) => x.id === c.column);
  if (!def) throw new Error(`unknown ${what} column "${c.column}" in filter (known: ${exportColumns[what].map((x) => x.id).join(', ')})`);
  const value = c.value.trim();
  if (c.op === '~') {
    const needle = value.toLowerCase();
    return (r) => textOf(get(r, key)).toLowerCase().includes(needle);
  }
  let compare: Compare;
  if (def.kind === 'int' || def.kind === 'money') {
    const n = Number(value.replace(/[,，¥￥\s]/g, ''));
    if (value === '' || !Number.isFinite(n)) throw new Error(`${describe(c)}: "${value}" is not a number`);
    const target = def.kind === 'money' ? Math.round(n * 100) : n;
    compare = (v) => (typeof v === 'number' ? Math.sign(v - target) : null);
  } else if (def.kind === 'date') {
    if (!ISO_DATE.test(value)) throw new Error(`${describe(c)}: "${value}" is not a date like 2026-01-31`);
    compare = (v) => (typeof v === 'string' && v !== '' ? Math.sign(collator.compare(v.slice(0, 10), value)) : null);
  } else {
    // A label (合作中 / Active) stands for its code; anything else compares as text.
    const vocabulary = vocabularyOfColumn[c.column];
    const code = vocabulary ? vocabularyCode(vocabulary, value) : null;
    const target = (code ?? value).toLowerCase();
    compare = (v) => {
      if (v === null || v === undefined) return null;
      const text = textOf(v).toLowerCase();
      return text === target ? 0 : Math.sign(collator.compare(text, target));
    };
  }
  switch (c.op) {
    case '=':
      return (r) => compare(get(r, key)) === 0;
    case '!=':
      return (r) => compare(get(r, key)) !== 0;
    case '>=':
      return (r) => (compare(get(r, key)) ?? -1) >= 0;
    case '<=':
      return (r) => (compare(get(r, key)) ?? 1) <= 0;
    case '>':
      return (r) => (compare(get(r, key)) ?? -1) > 0;
    case '<':
      return (r) => (compare(get(r, key)) ?? 1) < 0;
  }
}

/** Parses `col<op>value` as the CLI takes it; the longest operator wins (>= before >). */
export function parseCondition(text: string): FilterCondition | null {
  const m = /^([A-Za-z][A-Za-z0-9]*)\s*(!=|>=|<=|=|>|<|~)(.*)$/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  return { column: m[1], op: m[2] as FilterCondition['op'], value: m[3] ?? '' };
}
