import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv';
import { writeWorkbook, type CellInput } from '../../../electron/export/workbook';
import { tempDir } from '../helpers/temp';

describe('xlsx writer', () => {
  it('writes several typed sheets, continues long ones in "name (2)", escapes text, and both exceljs and LibreOffice read the values back', async () => {
    const dir = tempDir();
    const out = join(dir, '报表.xlsx');
    const tricky = ' <a & "b"> \u0001控制 ';
    const people: CellInput[][] = [
      ['王芳', 123456, '2023-10-15', 7, 0.125],
      [tricky, '88.5', null, 'n/a', null],
      ['Zoë', 0, 'not a date', -3, 1],
    ];
    const numbers = Array.from({ length: 7 }, (_, i): CellInput[] => [`R${i + 1}`, i + 1]);
    const res = await writeWorkbook(
      out,
      [
        { name: '客户/汇总', columns: [{ header: '姓名', type: 'text' }, { header: '金额', type: 'money' }, { header: '日期', type: 'date' }, { header: '次数', type: 'int' }, { header: '占比', type: 'percent' }], rows: people },
        { name: '编号', columns: [{ header: 'code', type: 'text' }, { header: 'n', type: 'number', width: 20 }], rows: numbers },
        { name: '客户/汇总', columns: [{ header: 'empty', type: 'text' }], rows: [] },
      ],
      { rowsPerSheet: 3 },
    );
    expect(res.rows).toBe(10);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // "/" is not allowed in sheet names; the long sheet continues in parts; a repeated name gets a suffix.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户 汇总', '编号', '编号 (2)', '编号 (3)', '客户 汇总 (2)']);
    const first = wb.getWorksheet('客户 汇总');
    if (!first) throw new Error('sheet missing');
    expect(first.getRow(1).values).toEqual([undefined, '姓名', '金额', '日期', '次数', '占比']);
    expect(first.getRow(1).font?.bold).toBe(true);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(first.autoFilter).toBeTruthy();
    expect(first.getCell('B2').value).toBe(1234.56);
    expect(first.getCell('B2').numFmt).toBe('"¥"#,##0.00');
    expect(first.getCell('C2').value).toEqual(new Date('2023-10-15T00:00:00Z'));
    expect(first.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell('D2').value).toBe(7);
    expect(first.getCell('E2').numFmt).toBe('0.0%');
    // XML specials survive, characters XML cannot hold are dropped, spaces kept; text in a number column stays text.
    expect(first.getCell('A3').value).toBe(' <a & "b"> 控制 ');
    expect(first.getCell('B3').value).toBe(0.885);
    expect(first.getCell('C3').value).toBeNull();
    expect(first.getCell('D3').value).toBe('n/a');
    expect(first.getCell('C4').value).toBe('not a date');
    expect(first.getCell('D4').value).toBe(-3);
    const parts = ['编号', '编号 (2)', '编号 (3)'].map((n) => wb.getWorksheet(n));
    expect(parts.map((p) => p?.rowCount)).toEqual([4, 4, 2]);
    expect(parts[2]?.getRow(1).values).toEqual([undefined, 'code', 'n']);
    expect(parts[2]?.getCell('A2').value).toBe('R7');
    expect(parts[0]?.getColumn(2).width).toBe(20);
    expect(wb.getWorksheet('客户 汇总 (2)')?.getRow(1).values).toEqual([undefined, 'empty']);

    // LibreOffice opens it and shows the same values with their formats.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    const csv = readdirSync(dir).find((f) => f.endsWith('.csv'));
    if (!csv) throw new Error('LibreOffice wrote no CSV');
    const lines = parseCsv(readFileSync(join(dir, csv), 'utf8').trim(), csv).records;
    expect(lines[0]).toEqual(['姓名', '金额', '日期', '次数', '占比']);
    expect(lines[1]).toEqual(['王芳', '¥1,234.56', '2023-10-15', '7', '12.5%']);
    expect(lines[2]?.[0]).toBe(' <a & "b"> 控制 ');
    expect(lines[3]?.slice(0, 4)).toEqual(['Zoë', '¥0.00', 'not a date', '-3']);
  }, 180_000);

  it('leaves no file behind when the rows fail or the export is cancelled midway', async () => {
    const dir = tempDir();
    const out = join(dir, 'broken.xlsx');
    function* failing(): Generator<CellInput[]> {
      for (let i = 0; i < 300; i++) yield [`row ${i}`];
      throw new Error('the database went away');
    }
    await expect(writeWorkbook(out, [{ name: 'x', columns: [{ header: 'a', type: 'text' }], rows: failing() }])).rejects.toThrow('the database went away');
    function* many(): Generator<CellInput[]> {
      for (let i = 0; i < 20_000; i++) yield [i];
    }
    let checks = 0;
    const cancel = () => {
      if (++checks === 2) throw new Error('cancelled');
    };
    await expect(writeWorkbook(out, [{ name: 'x', columns: [{ header: 'n', type: 'int' }], rows: many() }], { checkCancelled: cancel })).rejects.toThrow('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });
});
