import { repeats, SharedStrings } from './sharedStrings';
import { appPropsXml, columnLetters, contentTypesXml, corePropsXml, HEADER_STYLE, packageRelsXml, SHEET_OPEN, sharedStringsXml, stylesXml, workbookRelsXml, workbookXml, xmlText, type SheetEntry } from './xlsxParts';
import { writeAtomically } from './safeWrite';
import { ZipWriter } from './zipWriter';

/**
 * The .xlsx writer for grid exports and multi-sheet reports. It writes the
 * sheet XML itself, row by row, into a deflate stream (zipWriter.ts): 100,000
 * rows never exist as cell objects, so it is several times faster and lighter
 * than exceljs's streaming writer, which it replaced. Cells are typed (numbers,
 * dates as Excel serials with a date format, money in a ¥ format), the header
 * is styled and frozen, autofilter is on and columns get widths from their
 * content. Written to `<file>.partial` and renamed at the end, so a failed or
 * cancelled export never leaves a half-written file under the final name.
 */
/** `general`: each value as it is (numbers as unformatted numbers, text as text), for raw table dumps. */
export type ColumnType = 'text' | 'int' | 'number' | 'money' | 'date' | 'percent' | 'general';

interface SheetColumn {
  header: string;
  type: ColumnType;
  /** Width in characters; measured from the header and the first rows when absent. */
  width?: number;
}

/** Money is integer cents, dates ISO text: the writer converts them to yuan and Excel dates. */
export type CellInput = string | number | null;

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Iterable<CellInput[]>;
}

export interface WriteOptions {
  /** Called every few thousand rows; throw from it to stop (the temporary file is removed, the target left as it was). */
  checkCancelled?: () => void;
  /** Rows written so far, every few thousand rows. */
  progress?: (rows: number) => void;
  /** Data rows per sheet before a sheet continues in "name (2)"; Excel's limit by default. */
  rowsPerSheet?: number;
  /** The open database, which the target must not be (safeWrite.ts); null when there is none. */
  database?: string | null;
}

/** Excel's hard limit is 1,048,576 rows per sheet; one goes to the header. */
export const MAX_DATA_ROWS = 1_048_575;

/** Number formats by column type, in the order of their styles (2, 3, …) in styles.xml. */
const FORMAT_TYPES = ['int', 'number', 'money', 'date', 'percent'] as const;
const FORMATS: Record<(typeof FORMAT_TYPES)[number], string> = {
  int: '#,##0',
  number: '#,##0.00',
  money: '"¥"#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};
const styleOf = (type: ColumnType): number => (type === 'text' || type === 'general' ? 0 : 2 + FORMAT_TYPES.indexOf(type));

/** East Asian characters take two columns of width. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Excel forbids []:*?/\ in sheet names and limits them to 31 characters. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

/** Sheet names must differ (Excel ignores case); a repeated one becomes "name (2)". */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    candidate = name.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); 25569 is 1970-01-01.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** Two decimal digits at `at`, or NaN. */
function digits2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}
/**
 * The Excel serial of an ISO date (its first 10 characters), or null. Read
 * from the character codes: a profile of a 100,000-row export showed the
 * regex and a cache keyed by the sliced date costing more than the arithmetic.
 */
function dateSerial(iso: string): number | null {
  const y = digits2(iso, 0) * 100 + digits2(iso, 2);
  const m = digits2(iso, 5);
  const d = digits2(iso, 8);
  if (iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 && Number.isFinite(y + m + d)) {
    const s = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
    return Number.isFinite(s) ? s : null;
  }
  const match = ISO_DATE.exec(iso);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000 + 25569 : null;
}

/**
 * White space as /\s/ sees it, from the character code: most texts start with
 * a Chinese character, and testing those with the regex showed in the profile.
 */
export const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
/** Leading or trailing white space, which Excel keeps only with xml:space="preserve". */
function hasEdgeSpace(s: string): boolean {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)));
}

const SAMPLE_FOR_WIDTH = 200;
const CHECK_EVERY = 5000;

function textCell(ref: string, text: string, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  const space = hasEdgeSpace(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** One cell's XML ('' for an empty cell): numbers and dates as numbers with their format, the rest as text. */
function cellXml(type: ColumnType, style: number, ref: string, v: CellInput): string {
  // An empty text is no cell, except in a raw dump, where '' and NULL differ.
  if (v === null || (v === '' && type !== 'general')) return '';
  let n: number | null;
  switch (type) {
    case 'text':
      return textCell(ref, String(v), 0);
    case 'general':
      return typeof v === 'number' && Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : textCell(ref, String(v), 0);
    case 'money':
      n = (typeof v === 'number' ? v : Number(v)) / 100;
      break;
    case 'date':
      n = typeof v === 'number' ? v : dateSerial(v);
      break;
    default:
      n = typeof v === 'number' ? v : Number(v);
  }
  // A value that is not a number (text in a number column) is kept as text rather than lost.
  if (n === null || !Number.isFinite(n)) return textCell(ref, String(v), 0);
  return `<c r="${ref}" s="${style}"><v>${n}</v></c>`;
}

/** Column widths from the header and the first rows, as characters (8–60). */
function widthsOf(columns: SheetColumn[], head: CellInput[][]): number[] {
  return columns.map((c, i) => {
    if (c.width !== undefined) return c.width;
    let measured = textWidth(c.header) + 4;
    for (const row of head) measured = Math.max(measured, c.type === 'money' ? 14 : c.type === 'date' ? 12 : textWidth(String(row[i] ?? '')) + 2);
    return Math.min(60, Math.max(8, measured));
  });
}

export interface WriteResult {
  rows: number;
  /** For each sheet given: the names of the sheets it was written to (more than one past the row limit). */
  sheetNames: string[][];
}

/** Writes the sheets as one .xlsx at `file`, through a checked target and a temporary file (safeWrite.ts). */
export function writeWorkbook(file: string, sheets: SheetSpec[], opts: WriteOptions = {}): Promise<WriteResult> {
  return writeAtomically(file, opts.database ?? null, (temporary) => writeWorkbookTo(temporary, sheets, opts));
}

async function writeWorkbookTo(file: string, sheets: SheetSpec[], opts: WriteOptions): Promise<WriteResult> {
  const perSheet = Math.min(opts.rowsPerSheet ?? MAX_DATA_ROWS, MAX_DATA_ROWS);
  const zip = new ZipWriter(file);
  const entries: SheetEntry[] = [];
  const taken = new Set<string>();
  let total = 0;
  const sheetNames: string[][] = [];
  const strings = new SharedStrings();
  // The rows being read: on failure it is closed, so a database statement behind it is released.
  let reading: Iterator<CellInput[]> | null = null;
  try {
    for (const sheet of sheets) {
      const parts: string[] = [];
      sheetNames.push(parts);
      const n = sheet.columns.length;
      const letters = sheet.columns.map((_, i) => columnLetters(i));
      const types = sheet.columns.map((c) => c.type);
      const styles = types.map(styleOf);
      // Widths need a look at the data before the first row is written: buffer a few rows.
      const iter = sheet.rows[Symbol.iterator]();
      reading = iter;
      const head: CellInput[][] = [];
      let next = iter.next();
      while (!next.done && head.length < SAMPLE_FOR_WIDTH) {
        head.push(next.value);
        next = iter.next();
      }
      const widths = widthsOf(sheet.columns, head);
      // Text columns whose sampled values repeat write them as shared strings.
      const shared = sheet.columns.map((c, i) => c.type === 'text' && repeats(head, i));
      const cols = sheet.columns
        .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${widths[i] ?? 8}" customWidth="1"${styles[i] ? ` style="${styles[i]}"` : ''}/>`)
        .join('');
      const headerRow = `<row r="1" s="${HEADER_STYLE}" customFormat="1">${sheet.columns.map((c, i) => textCell(`${letters[i] ?? 'A'}1`, c.header, HEADER_STYLE)).join('')}</row>`;
      let headAt = 0;
      const take = (): CellInput[] | null => {
        if (headAt < head.length) return head[headAt++] ?? null;
        if (next.done) return null;
        const row = next.value;
        next = iter.next();
        return row;
      };
      let row = take();
      let part = 0;
      // Every sheet part gets the header; a sheet with no rows still gets one part.
      while (part === 0 || row !== null) {
        part++;
        const name = uniqueName(part === 1 ? safeSheetName(sheet.name) : safeSheetName(sheet.name).slice(0, 31 - ` (${part})`.length) + ` (${part})`, taken);
        const out = zip.stream(`xl/worksheets/sheet${entries.length + 1}.xml`);
        let wait = out.write(
          `${SHEET_OPEN}<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${n > 0 ? `<cols>${cols}</cols>` : ''}<sheetData>${headerRow}`,
        );
        if (wait) await wait;
        let r = 1;
        for (; row !== null && r <= perSheet; row = take()) {
          r++;
          // One short string per row: the zip stream encodes it straight into its buffer.
          let xml = `<row r="${r}">`;
          for (let i = 0; i < n; i++) {
            const v = row[i] ?? null;
            const k = shared[i] === true && typeof v === 'string' && v !== '' ? strings.ref(v) : -1;
            xml += k >= 0 ? `<c r="${letters[i] ?? 'A'}${r}" t="s"><v>${k}</v></c>` : cellXml(types[i] ?? 'text', styles[i] ?? 0, `${letters[i] ?? 'A'}${r}`, v);
          }
          wait = out.write(`${xml}</row>`);
          if (wait) await wait;
          total++;
          if (total % CHECK_EVERY === 0) {
            opts.checkCancelled?.();
            opts.progress?.(total);
          }
        }
        const filterRef = `A1:${columnLetters(Math.max(1, n) - 1)}${r}`;
        wait = out.write(`</sheetData><autoFilter ref="${filterRef}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
        if (wait) await wait;
        await out.close();
        entries.push({ name, filterRef });
        parts.push(name);
      }
    }
    const hasShared = strings.texts.length > 0;
    if (hasShared) zip.add('xl/sharedStrings.xml', sharedStringsXml(strings.texts, strings.refs, hasEdgeSpace));
    zip.add('[Content_Types].xml', contentTypesXml(entries.length, hasShared));
    zip.add('_rels/.rels', packageRelsXml());
    zip.add('docProps/core.xml', corePropsXml('Patron', new Date()));
    zip.add('docProps/app.xml', appPropsXml(entries.map((e) => e.name)));
    zip.add('xl/workbook.xml', workbookXml(entries));
    zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(entries.length, hasShared));
    zip.add('xl/styles.xml', stylesXml(FORMAT_TYPES.map((t) => FORMATS[t])));
    zip.finish();
  } catch (err) {
    reading?.return?.();
    zip.abort();
    throw err;
  }
  opts.progress?.(total);
  return { rows: total, sheetNames };
}
