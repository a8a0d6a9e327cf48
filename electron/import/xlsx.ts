import type { RawCell } from '../../shared/import/values';
import { IMPORT_LIMITS, ImportFileError } from './limits';
import { attrOf, scanXml, XmlError, XmlScanner } from './xmlScan';
import { ZipReader } from './zipReader';

/**
 * A streaming .xlsx sheet reader for imports. exceljs's Workbook loaded every
 * sheet as cell objects (1.7–2.8 GB for 100,000 customers); this reads the
 * package's small parts (workbook, relationships, styles, shared strings) and
 * then only the chosen sheet, whose XML is inflated and tokenized as it
 * streams (xmlScan.ts), keeping plain values: text, numbers, booleans, dates
 * (numbers in a date format, as Excel stores them), formulas as their cached
 * results. Damaged XML, a sheet that ends early or a limit passed (limits.ts)
 * refuses the whole file with its row and column: never a partial sheet.
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
const MAX_COLUMN = 16_384;

/** Built-in number formats that show dates or times (14–22, 45–47; 27–36 and 50–58 are the Chinese/Japanese/Korean dates). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format shows a date when it has date or time letters outside quotes and [brackets]. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\\(.)/g, '$1').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Column letters of a 0-based index (0 → A, 16383 → XFD). */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell reference like "AB12" as 0-based column and 1-based row, or null when it is not one. */
function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** Text of string items (<si>, <is>): their <t> runs joined, phonetic guides (<rPh>) left out. */
class ItemText {
  value = '';
  private depth = 0;
  private phonetic = 0;
  private inT = false;

  constructor(
    private readonly scanner: XmlScanner,
    private readonly tooLong: () => never,
  ) {}

  reset(): void {
    this.value = '';
    this.phonetic = 0;
    this.inT = false;
  }

  open(name: string): void {
    this.depth++;
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) {
      this.inT = true;
      this.scanner.collect = true;
    }
  }

  close(name: string): void {
    this.depth--;
    if (name === 'rPh') this.phonetic--;
    else if (name === 't' && this.inT) {
      this.inT = false;
      this.scanner.collect = false;
    }
  }

  text(s: string): void {
    this.value += s;
    if (this.value.length > IMPORT_LIMITS.cellChars) this.tooLong();
  }
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

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Opens the package and reads its sheet list; the caller closes it with closeWorkbook. */
export function readWorkbook(file: string, name = file): Workbook {
  let zip: ZipReader;
  try {
    zip = new ZipReader(file);
  } catch (err) {
    throw new ImportFileError(`${name}: not a readable .xlsx workbook (${describe(err)})`, { cause: err });
  }
  try {
    const wbXml = zip.text('xl/workbook.xml');
    if (wbXml === null) throw new Error('it has no xl/workbook.xml');
    const rels = new Map<string, { target: string; type: string }>();
    scanXml(zip.text('xl/_rels/workbook.xml.rels') ?? '<Relationships/>', {
      open(tag, a) {
        if (tag === 'Relationship') rels.set(attrOf(a, 'Id') ?? '', { target: attrOf(a, 'Target') ?? '', type: attrOf(a, 'Type') ?? '' });
      },
      close() {},
      text() {},
    });
    const sheets: Sheet[] = [];
    let date1904 = false;
    scanXml(wbXml, {
      open(tag, a) {
        if (tag === 'workbookPr') date1904 = /^(1|true)$/.test(attrOf(a, 'date1904') ?? '');
        if (tag !== 'sheet') return;
        const rel = rels.get(attrOf(a, 'id') ?? '');
        // Chart sheets and dialog sheets hold no cells.
        if (!rel || !REL_WORKSHEET.test(rel.type)) return;
        const part = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
        sheets.push({ name: attrOf(a, 'name') ?? '', part });
      },
      close() {},
      text() {},
    });
    return { file: name, sheets, zip, date1904, strings: null, dates: null };
  } catch (err) {
    zip.close();
    throw new ImportFileError(`${name}: not a readable .xlsx workbook (${describe(err)})`, { cause: err });
  }
}

export function closeWorkbook(wb: Workbook): void {
  wb.zip.close();
}

export function sheetNames(wb: Workbook): string[] {
  return wb.sheets.map((s) => s.name);
}

/** For each cell style index: does it format numbers as dates? */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(tag, a) {
      if (tag === 'numFmt') custom.set(Number(attrOf(a, 'numFmtId')), attrOf(a, 'formatCode') ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(attrOf(a, 'numFmtId') ?? 0);
        const code = custom.get(id);
        out.push(code !== undefined ? isDateFormat(code) : isBuiltinDate(id));
      }
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return out;
}

/** The shared-string table, streamed, within its count and size limits. */
async function sharedStrings(wb: Workbook): Promise<string[]> {
  const part = 'xl/sharedStrings.xml';
  const out: string[] = [];
  if (!wb.zip.entries.has(part)) return out;
  let chars = 0;
  const scanner = new XmlScanner({
    open(tag) {
      if (tag === 'si') item.reset();
      else item.open(tag);
    },
    close(tag) {
      if (tag !== 'si') {
        item.close(tag);
        return;
      }
      if (out.length >= IMPORT_LIMITS.sharedStrings) throw new XmlError(`more than ${IMPORT_LIMITS.sharedStrings.toLocaleString('en')} shared strings`);
      chars += item.value.length;
      if (chars > IMPORT_LIMITS.sharedStringBytes) throw new XmlError(`shared strings of more than ${IMPORT_LIMITS.sharedStringBytes.toLocaleString('en')} characters in all`);
      out.push(item.value);
    },
    text(s) {
      item.text(s);
    },
  });
  scanner.maxText = IMPORT_LIMITS.cellChars;
  const item = new ItemText(scanner, () => {
    throw new XmlError(`shared string ${out.length} is longer than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters`);
  });
  try {
    for await (const chunk of wb.zip.textChunks(part, IMPORT_LIMITS.sharedStringBytes)) scanner.write(chunk);
    scanner.end();
  } catch (err) {
    throw new ImportFileError(`${wb.file}: the shared-string table (${part}) cannot be read: ${describe(err)}`, { cause: err });
  }
  return out;
}

/**
 * Reads one sheet (the named one, or the first with any cells) as rows of
 * plain values. Rows without values are left out; the tail cells of a merged
 * range repeat the range's first value, as a spreadsheet shows them.
 */
export async function sheetGrid(wb: Workbook, name: string | undefined, file: string): Promise<SheetGrid> {
  if (wb.sheets.length === 0) throw new ImportFileError(`${file}: the workbook has no sheets`);
  if (name !== undefined) {
    const sheet = wb.sheets.find((s) => s.name === name);
    if (!sheet) throw new ImportFileError(`${file}: there is no sheet named "${name}"`);
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

interface Merge {
  ref: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

async function readSheet(wb: Workbook, sheet: Sheet, file: string): Promise<SheetGrid> {
  if (!wb.strings) {
    wb.strings = await sharedStrings(wb);
    try {
      wb.dates = dateStyles(wb.zip.text('xl/styles.xml'));
    } catch (err) {
      throw new ImportFileError(`${file}: the styles (xl/styles.xml) cannot be read: ${describe(err)}`, { cause: err });
    }
  }
  const strings = wb.strings;
  const dates = wb.dates ?? [];
  const offset = wb.date1904 ? 1462 : 0;
  const toDate = (serial: number) => new Date(Math.round((serial - 25569 + offset) * 86_400_000));
  const where = `${file}: sheet "${sheet.name}"`;

  // Every row holding a value, by sheet row number; a cell only where it has one.
  const rowCells = new Map<number, RawCell[]>();
  const merges: Merge[] = [];
  let mergedArea = 0;
  let lastRow = 0;
  let row = 0;
  let cells: RawCell[] = [];
  let inSheetData = false;
  let inRow = false;
  let sheetDataDone = false;
  // The cell being read.
  let col = -1;
  let cellAttrs = '';
  let inCell = false;
  let v: string | null = null;
  let inV = false;
  let inIs = false;

  const fail = (message: string, column?: number): never => {
    throw new ImportFileError(`${where}, row ${row}${column !== undefined && column >= 0 ? `, column ${columnName(column)}` : ''}: ${message}`);
  };
  const scanner = new XmlScanner({
    open(tag, a) {
      if (inIs) {
        item.open(tag);
        return;
      }
      switch (tag) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = attrOf(a, 'r');
          row = r === undefined ? lastRow + 1 : Number(r);
          if (!Number.isInteger(row) || row < 1 || row > IMPORT_LIMITS.rows) fail(`row number ${JSON.stringify(r)} is not one of Excel's 1–${IMPORT_LIMITS.rows.toLocaleString('en')}`);
          if (row <= lastRow) fail(`row ${row} comes after row ${lastRow} (rows out of order)`);
          lastRow = row;
          inRow = true;
          cells = [];
          col = -1;
          return;
        }
        case 'c': {
          if (!inSheetData) return;
          const ref = attrOf(a, 'r');
          if (ref === undefined) col++;
          else {
            const at = parseRef(ref);
            if (!at || at.row !== row || at.col >= MAX_COLUMN) fail(`cell reference ${JSON.stringify(ref.slice(0, 20))} is not a cell of this row`);
            col = (at as { col: number }).col;
          }
          inCell = true;
          cellAttrs = a;
          v = null;
          return;
        }
        case 'v':
          if (!inCell) return;
          inV = true;
          v = '';
          scanner.collect = true;
          return;
        case 'is':
          if (!inCell) return;
          inIs = true;
          item.reset();
          return;
        case 'mergeCell': {
          const ref = attrOf(a, 'ref') ?? '';
          const [from, to] = ref.split(':');
          const p = parseRef(from ?? '');
          const q = to === undefined ? p : parseRef(to);
          if (!p || !q || q.row < p.row || q.col < p.col || q.col >= MAX_COLUMN || q.row > IMPORT_LIMITS.rows) {
            throw new ImportFileError(`${where}: merged range ${JSON.stringify(ref.slice(0, 40))} is not a range of cells`);
          }
          mergedArea += (q.row - p.row + 1) * (q.col - p.col + 1);
          if (mergedArea > IMPORT_LIMITS.mergedCells) {
            throw new ImportFileError(`${where}: merged ranges cover more than ${IMPORT_LIMITS.mergedCells.toLocaleString('en')} cells (at ${ref}); unmerge them and save again`);
          }
          merges.push({ ref, r1: p.row, c1: p.col, r2: q.row, c2: q.col });
          return;
        }
      }
    },
    close(tag) {
      if (inIs) {
        if (tag === 'is') inIs = false;
        else item.close(tag);
        return;
      }
      switch (tag) {
        case 'v':
          if (inV) {
            inV = false;
            scanner.collect = false;
          }
          return;
        case 'c':
          if (!inCell) return;
          inCell = false;
          cellValue();
          return;
        case 'row':
          if (!inSheetData) return;
          inRow = false;
          if (cells.length > 0) rowCells.set(row, cells);
          return;
        case 'sheetData':
          inSheetData = false;
          sheetDataDone = true;
          return;
      }
    },
    text(s) {
      if (inIs) {
        item.text(s);
        return;
      }
      v = (v ?? '') + s;
      if (v.length > IMPORT_LIMITS.cellChars) fail(`the cell holds more than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters`, col);
    },
  });
  scanner.maxText = IMPORT_LIMITS.cellChars;
  const item = new ItemText(scanner, () => fail(`the cell holds more than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters`, col));

  const cellValue = (): void => {
    const t = attrOf(cellAttrs, 't');
    let value: RawCell = null;
    if (t === 'inlineStr') value = item.value;
    else if (v !== null) {
      if (t === 's') {
        const k = Number(v);
        if (!Number.isInteger(k) || k < 0 || k >= strings.length) fail(`refers to shared string ${JSON.stringify(v.slice(0, 20))}, but the workbook has ${strings.length}`, col);
        value = strings[k] ?? null;
      } else if (t === 'str') value = v;
      else if (t === 'b') value = v === '1' || v === 'true';
      else if (t === 'e') value = null;
      else if (t === 'd') {
        const d = new Date(v);
        value = Number.isNaN(d.getTime()) ? v : d;
      } else {
        const n = Number(v.trim());
        if (v.trim() === '' || !Number.isFinite(n)) fail(`${JSON.stringify(v.slice(0, 40))} is not a number`, col);
        const s = attrOf(cellAttrs, 's');
        value = s !== undefined && dates[Number(s)] === true ? toDate(n) : n;
      }
    }
    // Empty cells (formatted but blank, or empty text far out) take no column: they must not widen the sheet.
    if (value === null || (value === '' && col >= IMPORT_LIMITS.columns)) return;
    if (col >= IMPORT_LIMITS.columns) fail(`a value beyond the ${IMPORT_LIMITS.columns.toLocaleString('en')} columns an import reads`, col);
    cells[col] = value;
  };

  try {
    for await (const chunk of wb.zip.textChunks(sheet.part)) scanner.write(chunk);
    scanner.end();
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const place = inRow ? `, row ${row}` : lastRow > 0 ? `, after row ${lastRow}` : '';
    throw new ImportFileError(`${where}${place}: the sheet cannot be read (${describe(err)}); the file is damaged or cut short, nothing was imported`, { cause: err });
  }
  if (!sheetDataDone) throw new ImportFileError(`${where}: the sheet has no cell data`);

  // Merged ranges come after the cells: copy each range's first value into its other cells.
  const merged = new Map<number, Set<number>>();
  const inMerge = new Set<number>();
  for (const m of merges) {
    const master = rowCells.get(m.r1)?.[m.c1] ?? null;
    if (master !== null && m.c2 >= IMPORT_LIMITS.columns) {
      throw new ImportFileError(`${where}: merged range ${m.ref} reaches beyond the ${IMPORT_LIMITS.columns.toLocaleString('en')} columns an import reads`);
    }
    for (let r = m.r1; r <= m.r2; r++) {
      inMerge.add(r);
      let cellsOf = rowCells.get(r);
      for (let c = m.c1; c <= m.c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        if (r === m.r1) {
          let set = merged.get(r);
          if (!set) merged.set(r, (set = new Set()));
          set.add(c);
        }
        if (master === null) continue;
        if (!cellsOf) rowCells.set(r, (cellsOf = []));
        cellsOf[c] = master;
      }
    }
  }

  // Rows with any value (or a merged cell), in sheet order, all as wide as the widest.
  const kept = [...new Set([...rowCells.keys(), ...inMerge])].sort((a, b) => a - b);
  let width = 0;
  for (const r of kept) width = Math.max(width, rowCells.get(r)?.length ?? 0);
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const mergedTail = new Set<string>();
  for (const r of kept) {
    // Filled in place (no second copy of every row): holes become null, every row as wide as the widest.
    const rowValues = rowCells.get(r) ?? [];
    for (let c = 0; c < width; c++) rowValues[c] ??= null;
    for (const c of merged.get(r) ?? []) if (c < width) mergedTail.add(`${rows.length}:${c}`);
    rows.push(rowValues);
    rowNumbers.push(r);
  }
  return { name: sheet.name, rows, rowNumbers, mergedTail };
}

