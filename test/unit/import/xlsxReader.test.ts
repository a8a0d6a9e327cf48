import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeWorkbook, readWorkbook, sheetGrid, sheetNames, type SheetGrid } from '../../../electron/import/xlsx';
import { writeWorkbook } from '../../../electron/export/workbook';
import type { RawCell } from '../../../shared/import/values';
import { writeCustomerWorkbook } from '../helpers/files';
import { tempDir } from '../helpers/temp';

/**
 * The oracle: how imports read a sheet with exceljs's whole-workbook reader
 * before the streaming reader replaced it (kept here only to compare against).
 */
function plainOld(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return plainOld((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value && 'text' in value) return plainOld((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return null;
}

async function oldGrid(file: string, name: string | undefined): Promise<SheetGrid & { sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = name === undefined ? (wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0]) : wb.getWorksheet(name);
  if (!ws) throw new Error('no sheet');
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const mergedTail = new Set<string>();
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: RawCell[] = new Array<RawCell>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) {
        if (cell.master.row === cell.row) mergedTail.add(`${rows.length}:${c - 1}`);
        cells[c - 1] = plainOld(cell.master.value);
        return;
      }
      cells[c - 1] = plainOld(cell.value);
    });
    rows.push(cells);
    rowNumbers.push(r);
  });
  return { name: ws.name, rows, rowNumbers, mergedTail, sheets: wb.worksheets.map((w) => w.name) };
}

async function newGrid(file: string, name: string | undefined): Promise<SheetGrid & { sheets: string[] }> {
  const wb = readWorkbook(file);
  try {
    return { ...(await sheetGrid(wb, name, 'x.xlsx')), sheets: sheetNames(wb) };
  } finally {
    closeWorkbook(wb);
  }
}

/** Dates compared by their time (exceljs and the reader make equal but distinct Date objects). */
const comparable = (g: SheetGrid & { sheets: string[] }) => ({
  ...g,
  rows: g.rows.map((r) => r.map((c) => (c instanceof Date ? `date:${c.toISOString()}` : c))),
  mergedTail: [...g.mergedTail].sort(),
});

async function tricky(file: string, date1904 = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const empty = wb.addWorksheet('空白');
  empty.getColumn(1).width = 20;
  const ws = wb.addWorksheet('数据 & <名单>');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '2026 年客户名单';
  ws.getCell('A3').value = '客户名称';
  ws.mergeCells('B3:C3');
  ws.getCell('B3').value = '联系人';
  ws.getCell('D3').value = 'Date "quoted"';
  ws.getCell('E3').value = 'Amount';
  ws.getCell('F3').value = '  spaced  ';
  ws.getCell('B4').value = '姓名';
  ws.getCell('C4').value = '职务';
  ws.getCell('A5').value = { richText: [{ text: '华' }, { text: '东 ', font: { bold: true } }, { text: '<建材>' }] };
  ws.getCell('B5').value = { text: '王 & 李', hyperlink: 'https://example.com/?a=1&b=2' };
  ws.getCell('C5').value = true;
  ws.getCell('D5').value = new Date(Date.UTC(2023, 9, 15));
  ws.getCell('D5').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('E5').value = { formula: 'E6*2', result: 2401 };
  ws.getCell('F5').value = { error: '#N/A' };
  ws.getCell('A6').value = 'line1\nline2\ttab';
  ws.getCell('D6').value = 45000.5;
  ws.getCell('E6').value = 1200.5;
  ws.getCell('E6').numFmt = '"¥"#,##0.00';
  ws.getCell('D7').value = new Date(Date.UTC(1999, 11, 31, 12, 30));
  ws.getCell('D7').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('E7').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 2)) };
  ws.getCell('E7').numFmt = 'm/d/yyyy';
  ws.getCell('F7').value = { formula: 'NOW()' };
  ws.getCell('A9').value = -0.000123;
  ws.getCell('H9').value = 'far right';
  ws.mergeCells('A10:A11');
  ws.getCell('A10').value = 'tall';
  ws.getCell('B12').value = '';
  ws.getCell('A13').value = '🙂 emoji';
  wb.addWorksheet('Third').getCell('C2').value = 3;
  await wb.xlsx.writeFile(file);
}

describe('streaming .xlsx reader', () => {
  it('reads what exceljs read: sheets, merges, rich text, links, booleans, errors, formulas, dates, spacing and entities', async () => {
    const dir = tempDir();
    for (const date1904 of [false, true]) {
      const file = join(dir, `tricky-${String(date1904)}.xlsx`);
      await tricky(file, date1904);
      for (const name of [undefined, '数据 & <名单>', 'Third', '空白']) {
        const got = comparable(await newGrid(file, name));
        expect(got).toEqual(comparable(await oldGrid(file, name)));
      }
      const g = await newGrid(file, undefined);
      expect(g.name).toBe('数据 & <名单>');
      expect(g.sheets).toEqual(['空白', '数据 & <名单>', 'Third']);
      expect((g.rows[3]?.[3] as Date).toISOString()).toBe('2023-10-15T00:00:00.000Z');
    }
    // The fixture of the import tests (merged title and group headers, serial dates, formulas).
    const fixture = join(dir, 'customers.xlsx');
    await writeCustomerWorkbook(fixture);
    for (const name of [undefined, '客户清单', '说明']) expect(comparable(await newGrid(fixture, name))).toEqual(comparable(await oldGrid(fixture, name)));
  });

  it('reads our own writer (inline strings) and a LibreOffice workbook the way exceljs did; refuses what is not a workbook', async () => {
    const dir = tempDir();
    const own = join(dir, 'own.xlsx');
    const rows: (string | number | null)[][] = Array.from({ length: 3000 }, (_, i) => [`C${i}`, i % 7 === 0 ? null : `名 ${i} & <x>`, i * 1050, '2024-02-29', i / 3]);
    await writeWorkbook(own, [{ name: '客户档案', columns: [{ header: '编号', type: 'text' }, { header: '名称', type: 'text' }, { header: '金额', type: 'money' }, { header: '日期', type: 'date' }, { header: 'x', type: 'number' }], rows }]);
    const ownGrid = await newGrid(own, undefined);
    expect(comparable(ownGrid)).toEqual(comparable(await oldGrid(own, undefined)));
    expect(ownGrid.rows).toHaveLength(3001);
    expect(ownGrid.rows[1]).toEqual(['C0', null, 0, new Date(Date.UTC(2024, 1, 29)), 0]);

    const csv = join(dir, 'lo.csv');
    writeFileSync(csv, '客户名称,金额,日期\n甲公司,"1,200.50",2023-10-15\n乙,3,\n');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore', timeout: 120_000 });
    const lo = join(dir, 'lo.xlsx');
    const loGrid = await newGrid(lo, undefined);
    expect(comparable(loGrid)).toEqual(comparable(await oldGrid(lo, undefined)));
    expect(loGrid.rows[1]?.[0]).toBe('甲公司');

    const notZip = join(dir, 'bad.xlsx');
    writeFileSync(notZip, 'hello');
    expect(() => readWorkbook(notZip)).toThrow(/bad\.xlsx: not a readable \.xlsx workbook/);
    const wb = readWorkbook(own);
    await expect(sheetGrid(wb, 'nope', 'own.xlsx')).rejects.toThrow('own.xlsx: there is no sheet named "nope"');
    closeWorkbook(wb);
  }, 180_000);
});
