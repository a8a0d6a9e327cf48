import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv';
import { ZipReader } from '../../../electron/import/zipReader';
import { repeats, SharedStrings } from '../../../electron/export/sharedStrings';
import { writeWorkbook, type CellInput } from '../../../electron/export/workbook';
import { createDemoDatabase } from '../../../electron/services/demo/generate';
import { servicesOnTempDb } from '../helpers/services';
import { tempDbPath, tempDir } from '../helpers/temp';

function parts(file: string): { sheet: string; strings: string | null; types: string; rels: string } {
  const zip = new ZipReader(file);
  try {
    return {
      sheet: zip.text('xl/worksheets/sheet1.xml') ?? '',
      strings: zip.text('xl/sharedStrings.xml'),
      types: zip.text('[Content_Types].xml') ?? '',
      rels: zip.text('xl/_rels/workbook.xml.rels') ?? '',
    };
  } finally {
    zip.close();
  }
}

describe('shared strings in exported workbooks', () => {
  it('shares only repeating text columns, keeps the table bounded, and Excel readers get the same values', async () => {
    const dir = tempDir();
    const out = join(dir, 'shared.xlsx');
    const kinds = [' 前后空格 ', '<a & "b">', '\u0001控制', '普通'];
    const rows = Array.from({ length: 120 }, (_, i): CellInput[] => [kinds[i % 4] ?? '', `R${i}`, i, i % 3 === 0 ? '' : '状态']);
    await writeWorkbook(out, [{ name: 'S', columns: [{ header: '类型', type: 'text' }, { header: '编号', type: 'text' }, { header: 'n', type: 'int' }, { header: '状态', type: 'text' }], rows }]);

    const p = parts(out);
    // The repeating columns (A, D) refer to the table; unique codes (B) and numbers stay in the cells.
    expect(p.sheet).toContain('<c r="A2" t="s"><v>0</v></c>');
    expect(p.sheet).toContain('<c r="B2" t="inlineStr"><is><t>R0</t></is></c>');
    expect(p.sheet).not.toContain('<c r="D2"');
    expect(p.sheet).toContain('<c r="D3" t="s">');
    expect(p.strings).toContain('uniqueCount="5"');
    expect(p.strings).toContain(`count="${120 + 80}"`);
    expect(p.strings).toContain('<si><t xml:space="preserve"> 前后空格 </t></si>');
    expect(p.strings).toContain('<si><t>&lt;a &amp; &quot;b&quot;&gt;</t></si>');
    expect(p.types).toContain('/xl/sharedStrings.xml');
    expect(p.rels).toContain('Target="sharedStrings.xml"');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const expected = rows.map((r) => [r[0] === '\u0001控制' ? '控制' : r[0], r[1], r[2], r[3] === '' ? null : r[3]]);
    const got = Array.from({ length: 120 }, (_, i) => [1, 2, 3, 4].map((c) => ws?.getRow(i + 2).getCell(c).value ?? null));
    expect(got).toEqual(expected);

    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    const lines = parseCsv(readFileSync(join(dir, 'shared.csv'), 'utf8').trim(), 'shared.csv').records;
    expect(lines.slice(1).map((l) => [l[0], l[1], Number(l[2]), l[3] ?? ''])).toEqual(expected.map((r) => [r[0], r[1], r[2], r[3] ?? '']));
  }, 180_000);

  it('writes a new text inline once the table is full, and judges columns by their sample', () => {
    const table = new SharedStrings(2);
    expect([table.ref('a'), table.ref('b'), table.ref('a'), table.ref('c'), table.ref('b')]).toEqual([0, 1, 0, -1, 1]);
    expect(table.texts).toEqual(['a', 'b']);
    expect(table.refs).toBe(4);
    const col = (values: string[]) => values.map((v): CellInput[] => [v]);
    expect(repeats(col(Array.from({ length: 60 }, (_, i) => `x${i % 15}`)), 0)).toBe(true);
    expect(repeats(col(Array.from({ length: 60 }, (_, i) => `x${i % 16}`)), 0)).toBe(false);
    // Too few values to judge: inline.
    expect(repeats(col(Array.from({ length: 40 }, () => 'same')), 0)).toBe(false);
  });

  it('a customer export with shared strings imports back to the same customers', async () => {
    const file = tempDbPath('demo.sqlite');
    createDemoDatabase(file, { customers: 300, orders: 3000, seed: 11, asOf: '2026-11-01' });
    const { services } = servicesOnTempDb({ file });
    const columns = ['code', 'name', 'kind', 'industry', 'region', 'source', 'ownerName', 'cooperationStart', 'status', 'contactName', 'orderCount', 'totalCents', 'lastOrderDate'];
    const out = join(tempDir(), '客户.xlsx');
    await services.exports.run({ what: 'customers', format: 'xlsx', path: out, language: 'zh-CN', view: { columns } });
    const p = parts(out);
    expect(p.strings).not.toBeNull();
    expect(p.sheet).toContain('t="s"');

    const fresh = servicesOnTempDb();
    expect(await fresh.services.imports.run({ file: out, target: 'customers' })).toMatchObject({ errorRows: 0, new: 300, committed: true });
    // History figures come back as summary orders (dated the import day when there were none), so they are compared elsewhere.
    const pick = (rows: ReturnType<typeof services.customers.list>['rows']) =>
      rows.map((r) => [r.code, r.name, r.kind, r.industry, r.region, r.source, r.ownerName, r.cooperationStart, r.status]);
    expect(pick(fresh.services.customers.list().rows)).toEqual(pick(services.customers.list().rows));
  }, 120_000);
});
