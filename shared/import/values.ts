import { amountProblem, isEmail, isPhoneNumber, maxAmountCents, maxTags, textLimits } from '../domain/valueRules';

/**
 * Parsing of the values people type into spreadsheets: dates in the many ways
 * Chinese and English offices write them, amounts with currency signs and 万,
 * tag lists, phone numbers and e-mail addresses. Pure functions, used by the
 * import on the main side and by the wizard's preview.
 */

/** A cell as the readers deliver it: text from CSV, typed values from XLSX. */
export type RawCell = string | number | boolean | Date | null;

/**
 * Why a value was refused: `reason` is English text (CLI, JSON report), `code`
 * and `params` let the UI say it in the user's language.
 */
type ReasonCode =
  | 'empty'
  | 'notDate'
  | 'notCalendarDate'
  | 'ambiguousDate'
  | 'notAmount'
  | 'notInteger'
  | 'notPhone'
  | 'notEmail'
  | 'notChoice'
  | 'notYears'
  | 'notYesNo'
  | 'tooLong'
  | 'tooManyTags'
  | 'notWholeCents'
  | 'negativeAmount'
  | 'amountTooLarge';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; code: ReasonCode; params: Record<string, string> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string, code: ReasonCode = 'notDate', value = ''): Parsed<T> => ({ ok: false, reason, code, params: { value } });

/** How a date column writes day and month when the year comes last (15/10/2023 vs 10/15/2023). */
export type DayOrder = 'dmy' | 'mdy';

export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function isBlank(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

// Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial day number (45214 → 2023-10-15); the fraction is the time of day. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * The two readings of a year-last date, or null when the text is not one.
 * Used to detect a column's day order before parsing it.
 */
function yearLastParts(text: string): { a: number; b: number } | null {
  const m = YEAR_LAST.exec(text.trim());
  return m ? { a: Number(m[1]), b: Number(m[2]) } : null;
}

/**
 * Parses one date cell to ISO YYYY-MM-DD. `order` says how to read 05/06/2023;
 * without it such a date is refused as ambiguous unless one part is above 12.
 */
export function parseDate(cell: RawCell, order: DayOrder | null = null): Parsed<string> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? bad('not a valid date', 'notDate') : ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso) : bad(`${cell} is not a date`, 'notDate', String(cell));
  }
  const text = cellText(cell);
  if (text === '') return bad('empty', 'empty');
  let m = YMD.exec(text);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`"${text}" is not a calendar date`, 'notCalendarDate', text);
  }
  m = COMPACT.exec(text);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`"${text}" is not a calendar date`, 'notCalendarDate', text);
  }
  m = YEAR_LAST.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    let use: DayOrder | null = order;
    if (!use) {
      if (a > 12 && b <= 12) use = 'dmy';
      else if (b > 12 && a <= 12) use = 'mdy';
      else if (a === b) use = 'dmy';
      else return bad(`"${text}" is ambiguous: choose day/month/year or month/day/year`, 'ambiguousDate', text);
    }
    const iso = use === 'dmy' ? isoOf(y, b, a) : isoOf(y, a, b);
    return iso ? ok(iso) : bad(`"${text}" is not a calendar date (read as ${use === 'dmy' ? 'day/month/year' : 'month/day/year'})`, 'notCalendarDate', text);
  }
  // Excel serials that arrived as text (CSV saved from a sheet with unformatted dates).
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const iso = excelSerialToIso(Number(text));
    if (iso) return ok(iso);
  }
  return bad(`"${text}" is not a date`, 'notDate', text);
}

/**
 * The day order of a column of year-last dates: 'dmy' or 'mdy' when some value
 * settles it, null when every value reads both ways (the user must choose),
 * 'none' when the column has no year-last dates at all.
 */
export function detectDayOrder(texts: Iterable<string>): DayOrder | null | 'none' {
  let sawYearLast = false;
  let ambiguous = false;
  for (const t of texts) {
    const p = yearLastParts(t);
    if (!p) continue;
    sawYearLast = true;
    if (p.a > 12 && p.b <= 12) return 'dmy';
    if (p.b > 12 && p.a <= 12) return 'mdy';
    if (p.a !== p.b) ambiguous = true;
  }
  if (!sawYearLast) return 'none';
  return ambiguous ? null : 'dmy';
}

const PLAIN_NUMBER = /^\d{1,15}(?:\.\d{1,6})?$/;
const CURRENCY = /^(?:[¥￥$]|RMB|CNY|人民币)\s*|\s*(?:元|RMB|CNY)$/gi;

const maxYuan = (maxAmountCents / 100).toLocaleString('en');

/**
 * Parses an amount to integer cents within the one amount range of valueRules
 * (0 to ¥10 billion, whole cents). `unit` is what one written unit is worth in
 * yuan (10000 for a column headed 万元). "1.2万" is always 12,000 yuan.
 */
export function parseAmount(cell: RawCell, unit = 1): Parsed<number> {
  const read = readAmount(cell, unit);
  if (!read.ok) return read;
  const text = cellText(cell);
  switch (amountProblem(read.value)) {
    case null:
      return read;
    case 'negative':
      return bad(`"${text}" is negative: an amount is 0 or more (refunds are not imported as amounts)`, 'negativeAmount', text);
    case 'tooLarge':
      return bad(`"${text}" is larger than the largest amount Patron accepts (¥${maxYuan})`, 'amountTooLarge', text);
    case 'notWholeCents':
      return bad(`"${text}" is not a whole number of cents`, 'notWholeCents', text);
  }
}

function readAmount(cell: RawCell, unit: number): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? ok(Math.round(cell * unit * 100)) : bad('not a number', 'notAmount');
  }
  if (cell instanceof Date || typeof cell === 'boolean') return bad('not an amount', 'notAmount');
  // Fast path for plain numbers, which is what most files hold.
  if (typeof cell === 'string' && PLAIN_NUMBER.test(cell)) return ok(Math.round(Number(cell) * unit * 100));
  let text = cellText(cell).replace(/\s+/g, '');
  if (text === '') return bad('empty', 'empty');
  let negative = false;
  if (/^\(.*\)$/.test(text) || /^（.*）$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(CURRENCY, '').replace(CURRENCY, '');
  let factor = unit;
  if (text.endsWith('万元')) {
    factor = 10000;
    text = text.slice(0, -2);
  } else if (text.endsWith('万')) {
    factor = 10000;
    text = text.slice(0, -1);
  } else if (text.endsWith('亿')) {
    factor = 100_000_000;
    text = text.slice(0, -1);
  }
  // Thousands separators: 1,200.50 (and full-width ，).
  if (!/^\d{1,3}(?:[,，]\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/.test(text)) return bad(`"${cellText(cell)}" is not an amount`, 'notAmount', cellText(cell));
  const n = Number(text.replace(/[,，]/g, ''));
  if (!Number.isFinite(n)) return bad(`"${cellText(cell)}" is not an amount`, 'notAmount', cellText(cell));
  const cents = Math.round(n * factor * 100);
  return ok(negative ? -cents : cents);
}

export function parseInteger(cell: RawCell): Parsed<number> {
  if (typeof cell === 'number') return Number.isInteger(cell) ? ok(cell) : bad(`${cell} is not a whole number`, 'notInteger', String(cell));
  const text = cellText(cell).replace(/[,，]/g, '');
  if (!/^-?\d+$/.test(text)) return bad(`"${cellText(cell)}" is not a whole number`, 'notInteger', cellText(cell));
  return ok(Number(text));
}

/** A tag list within the limits of the editors: at most maxTags tags of at most textLimits.tag characters. */
export function parseTagList(cell: RawCell): Parsed<string[]> {
  const tags = splitTags(cell);
  const long = tags.find((t) => t.length > textLimits.tag);
  if (long !== undefined) return { ok: false, reason: `the tag "${long.slice(0, 20)}…" is longer than ${textLimits.tag} characters`, code: 'tooLong', params: { value: long.slice(0, 20), length: String(long.length), max: String(textLimits.tag) } };
  if (tags.length > maxTags) return bad(`${tags.length} tags: at most ${maxTags} are allowed`, 'tooManyTags', String(tags.length));
  return ok(tags);
}

/** Text of a field whose longest value is `max` characters. */
export function parseText(cell: RawCell, max: number): Parsed<string> {
  const text = cellText(cell);
  if (text.length <= max) return ok(text);
  return { ok: false, reason: `text of ${text.length.toLocaleString('en')} characters is longer than the ${max.toLocaleString('en')} allowed`, code: 'tooLong', params: { value: text.slice(0, 20), length: String(text.length), max: String(max) } };
}

/** Splits a tag list on 、，,;； and trims; duplicates (ignoring case) are dropped. */
export function splitTags(cell: RawCell): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cellText(cell).split(/[、，,;；\n]+/)) {
    const tag = part.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/**
 * Phone numbers to one form: digits only, China's +86/0086 dropped, other
 * country codes kept with '+'; extensions and spacing removed.
 */
export function normalisePhone(cell: RawCell): Parsed<string> {
  let text = cellText(typeof cell === 'number' ? String(cell) : cell).normalize('NFKC');
  if (text === '') return bad('empty', 'empty');
  if (text.length > textLimits.phone || !isPhoneNumber(text)) return bad(`"${cellText(cell)}" is not a phone number`, 'notPhone', cellText(cell));
  text = text.replace(/(?:ext\.?|转|x)\s*\d+$/i, '');
  const plus = text.trim().startsWith('+');
  let digits = text.replace(/\D/g, '');
  if (plus || digits.startsWith('00')) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    if (digits.startsWith('86')) digits = digits.slice(2);
    else return digits.length >= 7 && digits.length <= 15 ? ok(`+${digits}`) : bad(`"${cellText(cell)}" is not a phone number`, 'notPhone', cellText(cell));
  }
  if (/[^\d\s()\-+.·/]/.test(text.replace(/(?:ext\.?|转|x)/gi, ''))) return bad(`"${cellText(cell)}" is not a phone number`, 'notPhone', cellText(cell));
  if (digits.length < 7 || digits.length > 15) return bad(`"${cellText(cell)}" is not a phone number`, 'notPhone', cellText(cell));
  return ok(digits);
}

export function normaliseEmail(cell: RawCell): Parsed<string> {
  const text = cellText(cell).normalize('NFKC').replace(/^mailto:/i, '').trim().toLowerCase();
  if (text === '') return bad('empty', 'empty');
  return isEmail(text) ? ok(text) : bad(`"${cellText(cell)}" is not an e-mail address`, 'notEmail', cellText(cell));
}

/**
 * A name reduced for matching: full-width to half-width, case, spacing and
 * brackets ignored, so 杭州恒信（科技） matches 杭州恒信(科技).
 */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s()（）[\]【】.,，·'"]/g, '');
}

/** "王芳 采购经理", "王芳/采购经理", "王芳（采购经理）" → name and title (联系人及职务). */
export function splitContact(cell: RawCell): { name: string; title: string | null } | null {
  const text = cellText(cell);
  if (text === '') return null;
  const bracket = /^(.+?)\s*[(（](.+?)[)）]\s*$/.exec(text);
  if (bracket?.[1] && bracket[2]) return { name: bracket[1].trim(), title: bracket[2].trim() };
  const parts = text.split(/\s*[/／|,，、\-—－:：]\s*|\s+/).filter((p) => p !== '');
  const [name, ...rest] = parts;
  if (!name) return null;
  return { name, title: rest.length > 0 ? rest.join(' ') : null };
}
