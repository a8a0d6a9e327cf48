import type { RawCell } from '../../shared/import/values';
import { ZipReader } from './zipReader';

/**
 * A streaming .xlsx sheet reader for imports. exceljs's Workbook loaded every
 * sheet as cell objects (1.7–2.8 GB for 100,000 customers); this reads the
 * package's small parts (workbook, relationships, styles, shared strings) and
 * then only the chosen sheet, whose XML is inflated and parsed row by row as
 * it streams, keeping plain values: text, numbers, booleans, dates (numbers in
 * a date format, as Excel stores them), formulas as their cached results.
 */

/** One worksheet as rows of plain values: formulas as their results, rich text as text, dates as Date. */
export interface SheetGrid {
  name: string;
  rows: RawCell[][];
  /** Spreadsheet row number of each row. */
  rowNumbers: number[];
  /** For each row: which cells are the non-first cells of a horizontal merge. */
  mergedTail: Set<string>;
}

const REL_WORKSHEET = /\/worksheet$/;

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec !== undefined ? String.fromCodePoint(Number(dec)) : hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name ?? ''] ?? ''),
  );
}

const ATTRS = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? '') : undefined;
}

/** The text of a string item (<si> or <is>): its runs' <t> joined, phonetic guides (<rPh>) left out. */
const RPH = /<rPh\b[\s\S]*?<\/rPh>/g;
const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
function itemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(RPH, '') : xml;
  let out = '';
  T.lastIndex = 0;
  for (let m = T.exec(body); m; m = T.exec(body)) out += m[1] ?? '';
  return unescapeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const SI = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) out.push(itemText(m[1] ?? ''));
  return out;
}

/** Built-in number formats that show dates or times (14–22, 45–47; 27–36 and 50–58 are the Chinese/Japanese/Korean dates). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format shows a date when it has date or time letters outside quotes and [brackets]. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\\(.)/g, '$1').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** For each cell style index: does it format numbers as dates? */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const FMT = /<numFmt\b([^>]*)\/?>/g;
  for (let m = FMT.exec(xml); m; m = FMT.exec(xml)) custom.set(Number(attr(m[1] ?? '', 'numFmtId')), attr(m[1] ?? '', 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  const XF = /<xf\b([^>]*?)\/?>/g;
  for (let m = XF.exec(xfs); m; m = XF.exec(xfs)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : isBuiltinDate(id));
  }
  return out;
}

/** Column index (0-based) of a cell reference like "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

interface Sheet {
  name: string;
  part: string;
}

export interface Workbook {
  file: string;
  sheets: Sheet[];
  zip: ZipReader;
  date1904: boolean;
  strings: string[] | null;
  dates: boolean[] | null;
}

/** Opens the package and reads its sheet list; the caller closes it with closeWorkbook. */
export function readWorkbook(file: string): Workbook {
  let zip: ZipReader;
  try {
    zip = new ZipReader(file);
  } catch (err) {
    throw new Error(`${file}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  try {
    const wb = zip.text('xl/workbook.xml');
    if (wb === null) throw new Error('it has no xl/workbook.xml');
    const rels = new Map<string, { target: string; type: string }>();
    const REL = /<Relationship\b([^>]*?)\/?>/g;
    const relXml = zip.text('xl/_rels/workbook.xml.rels') ?? '';
    for (let m = REL.exec(relXml); m; m = REL.exec(relXml)) {
      const a = m[1] ?? '';
      rels.set(attr(a, 'Id') ?? '', { target: attr(a, 'Target') ?? '', type: attr(a, 'Type') ?? '' });
    }
    const sheets: Sheet[] = [];
    const SHEET = /<sheet\b([^>]*?)\/?>/g;
    for (let m = SHEET.exec(wb); m; m = SHEET.exec(wb)) {
      const a = m[1] ?? '';
      const rel = rels.get(attr(a, 'r:id') ?? '');
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || !REL_WORKSHEET.test(rel.type)) continue;
      const part = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
      sheets.push({ name: attr(a, 'name') ?? '', part });
    }
    const pr = /<workbookPr\b([^>]*)>/.exec(wb)?.[1] ?? '';
    const date1904 = /^(1|true)$/.test(attr(pr, 'date1904') ?? '');
    return { file, sheets, zip, date1904, strings: null, dates: null };
  } catch (err) {
    zip.close();
    throw new Error(`${file}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

export function closeWorkbook(wb: Workbook): void {
  wb.zip.close();
}

export function sheetNames(wb: Workbook): string[] {
  return wb.sheets.map((s) => s.name);
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const V = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const IS = /<is>([\s\S]*?)<\/is>/;

/**
 * Reads one sheet (the named one, or the first with any cells) as rows of
 * plain values. Rows without values are left out; the tail cells of a merged
 * range repeat the range's first value, as a spreadsheet shows them.
 */
export async function sheetGrid(wb: Workbook, name: string | undefined, file: string): Promise<SheetGrid> {
  if (wb.sheets.length === 0) throw new Error(`${file}: the workbook has no sheets`);
  if (name !== undefined) {
    const sheet = wb.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`${file}: there is no sheet named "${name}"`);
    return readSheet(wb, sheet, file);
  }
  let first: SheetGrid | null = null;
  for (const sheet of wb.sheets) {
    const grid = await readSheet(wb, sheet, file);
    if (grid.rows.length > 0) return grid;
    first ??= grid;
  }
  return first ?? readSheet(wb, wb.sheets[0] as Sheet, file);
}

async function readSheet(wb: Workbook, sheet: Sheet, file: string): Promise<SheetGrid> {
  wb.strings ??= sharedStrings(wb.zip.text('xl/sharedStrings.xml'));
  wb.dates ??= dateStyles(wb.zip.text('xl/styles.xml'));
  const strings = wb.strings;
  const dates = wb.dates;
  const offset = wb.date1904 ? 1462 : 0;
  const toDate = (serial: number) => new Date(Math.round((serial - 25569 + offset) * 86_400_000));

  // Every row with a cell element, by sheet row number; values filled where the cell has one.
  const rowCells = new Map<number, RawCell[]>();
  let lastRow = 0;

  const parseRow = (attrs: string, body: string): void => {
    const rAttr = attr(attrs, 'r');
    const r = rAttr ? Number(rAttr) : lastRow + 1;
    lastRow = r;
    const cells: RawCell[] = [];
    let col = -1;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
      const a = m[1] ?? '';
      const ref = attr(a, 'r');
      col = ref ? columnOf(ref) : col + 1;
      const inner = m[2];
      let value: RawCell = null;
      if (inner !== undefined) {
        const t = attr(a, 't');
        if (t === 'inlineStr') {
          const is = IS.exec(inner);
          value = is ? itemText(is[1] ?? '') : null;
        } else {
          const v = V.exec(inner);
          if (v) {
            const text = v[1] ?? '';
            if (t === 's') value = strings[Number(text)] ?? null;
            else if (t === 'str') value = unescapeXml(text);
            else if (t === 'b') value = text === '1' || text === 'true';
            else if (t === 'e') value = null;
            else if (t === 'd') {
              const d = new Date(unescapeXml(text));
              value = Number.isNaN(d.getTime()) ? unescapeXml(text) : d;
            } else {
              const n = parseFloat(text);
              const s = attr(a, 's');
              value = s !== undefined && dates[Number(s)] === true && Number.isFinite(n) ? toDate(n) : n;
            }
          }
        }
      }
      cells[col] = value;
    }
    if (cells.length > 0) rowCells.set(r, cells);
  };

  let tail = '';
  let buf = '';
  let inData = false;
  let done = false;
  for await (const chunk of wb.zip.textChunks(sheet.part)) {
    if (done) {
      tail += chunk;
      continue;
    }
    buf += chunk;
    if (!inData) {
      const at = buf.indexOf('<sheetData');
      if (at < 0) continue;
      inData = true;
      buf = buf.slice(at);
      if (buf.startsWith('<sheetData/>')) {
        // No cells at all; merges may still follow.
        tail = buf;
        buf = '';
        done = true;
        continue;
      }
    }
    // Parse every complete row in the buffer; keep the unfinished rest for the next chunk.
    const end = buf.indexOf('</sheetData>');
    const lastRowEnd = buf.lastIndexOf('</row>');
    const upto = end >= 0 ? end : lastRowEnd >= 0 ? lastRowEnd + 6 : 0;
    if (upto > 0) {
      const text = buf.slice(0, upto);
      ROW.lastIndex = 0;
      let consumed = 0;
      for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
        parseRow(m[1] ?? '', m[2] ?? '');
        consumed = ROW.lastIndex;
      }
      if (end >= 0) {
        tail = buf.slice(end);
        buf = '';
        done = true;
      } else buf = buf.slice(consumed);
    }
  }
  if (!inData) throw new Error(`${file}: sheet "${sheet.name}" has no cell data`);

  // Merged ranges come after the cells: copy each range's first value into its other cells.
  const merged = new Map<number, Set<number>>();
  const inMerge = new Set<number>();
  const MERGE = /<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g;
  for (let m = MERGE.exec(tail); m; m = MERGE.exec(tail)) {
    const [r1, c1, r2, c2] = [rowOf(m[1] ?? ''), columnOf(m[1] ?? ''), rowOf(m[2] ?? ''), columnOf(m[2] ?? '')];
    const master = rowCells.get(r1)?.[c1] ?? null;
    for (let r = r1; r <= r2; r++) {
      inMerge.add(r);
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        let cells = rowCells.get(r);
        if (!cells) {
          cells = [];
          rowCells.set(r, cells);
        }
        cells[c] = master;
        if (r === r1) {
          let set = merged.get(r);
          if (!set) merged.set(r, (set = new Set()));
          set.add(c);
        }
      }
    }
  }

  // Rows with any value (or a merged cell), in sheet order, all as wide as the widest.
  const kept = [...rowCells.keys()].sort((a, b) => a - b).filter((r) => {
    const cells = rowCells.get(r) ?? [];
    // A merged cell counts as filled even when its range's first value is empty, as in exceljs.
    return inMerge.has(r) || cells.some((c) => c !== null && c !== undefined);
  });
  let width = 0;
  for (const r of kept) width = Math.max(width, rowCells.get(r)?.length ?? 0);
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const mergedTail = new Set<string>();
  for (const r of kept) {
    // Filled in place (no second copy of every row): holes become null, every row as wide as the widest.
    const cells = rowCells.get(r) ?? [];
    for (let c = 0; c < width; c++) cells[c] ??= null;
    for (const c of merged.get(r) ?? []) mergedTail.add(`${rows.length}:${c}`);
    rows.push(cells);
    rowNumbers.push(r);
  }
  return { name: sheet.name, rows, rowNumbers, mergedTail };
}
