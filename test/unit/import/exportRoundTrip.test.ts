import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv';
import { createDemoDatabase } from '../../../electron/services/demo/generate';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir, tempDbPath } from '../helpers/temp';

const PROFILE = ['code', 'name', 'kind', 'industry', 'region', 'source', 'ownerName', 'cooperationStart', 'status', 'tierOverride', 'tags', 'totalCents', 'lastOrderDate'] as const;

function demo(customers: number) {
  const file = tempDbPath('demo.sqlite');
  createDemoDatabase(file, { customers, orders: customers * 10, seed: 7, asOf: '2026-11-01' });
  return servicesOnTempDb({ file });
}

describe('export', () => {
  it('writes a typed, styled .xlsx of a view (columns, filter, sort) that LibreOffice reads back with the expected values', async () => {
    const { services } = demo(60);
    const out = join(tempDir(), '客户.xlsx');
    const all = services.customers.list().rows;
    const region = all[0]?.region ?? '';
    const res = await services.exports.run({
      what: 'customers',
      format: 'xlsx',
      path: out,
      language: 'zh-CN',
      view: { columns: ['code', 'name', 'region', 'totalCents', 'lastOrderDate', 'orderCount'], filter: { region }, sort: [{ column: 'totalCents', dir: 'desc' }] },
    });
    const expected = all.filter((r) => (r.region ?? '').includes(region)).sort((a, b) => b.totalCents - a.totalCents);
    expect(res.rows).toBe(expected.length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('客户档案');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getRow(1).values).toEqual([undefined, '客户编号', '客户名称', '地区', '历史合作总额', '最近合作时间', '订单数']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const top = expected[0];
    expect(ws.getCell('D2').value).toBe((top?.totalCents ?? 0) / 100);
    expect(ws.getCell('D2').numFmt).toContain('¥');
    expect(ws.getCell('E2').value).toBeInstanceOf(Date);
    expect(typeof ws.getCell('F2').value).toBe('number');
    expect(ws.getColumn(2).width).toBeGreaterThan(10);

    // LibreOffice (Debian package) converts it to UTF-8 CSV with the same values.
    const dir = tempDir();
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    const lines = parseCsv(readFileSync(join(dir, '客户.csv'), 'utf8').trim(), '客户.csv').records;
    expect(lines[0]).toEqual(['客户编号', '客户名称', '地区', '历史合作总额', '最近合作时间', '订单数']);
    expect(lines).toHaveLength(expected.length + 1);
    const cells = lines[1] ?? [];
    expect(cells[0]).toBe(top?.code);
    expect(cells[1]).toBe(top?.name);
    expect(cells[3]).toMatch(new RegExp(`^¥${((top?.totalCents ?? 0) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }).replace(/\./g, '\\.')}$`));
    expect(cells[4]).toBe(top?.lastOrderDate);
    expect(Number(cells[5])).toBe(top?.orderCount);
  }, 180_000);

  it('export then re-import gives the same customers (xlsx) and orders (csv with BOM)', async () => {
    const { services, db } = demo(40);
    const dir = tempDir();
    const xlsx = join(dir, 'customers.xlsx');
    const csv = join(dir, 'orders.csv');
    await services.exports.run({ what: 'customers', format: 'xlsx', path: xlsx, language: 'en', view: { columns: [...PROFILE] } });
    await services.exports.run({ what: 'orders', format: 'csv', path: csv, language: 'zh-CN' });
    expect([...readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const fresh = servicesOnTempDb();
    const c = await fresh.services.imports.run({ file: xlsx, target: 'customers' });
    expect(c).toMatchObject({ errorRows: 0, new: 40, committed: true });
    const pick = (rows: ReturnType<typeof services.customers.list>['rows']) =>
      rows.map((r) => Object.fromEntries(PROFILE.filter((k) => k !== 'totalCents' && k !== 'lastOrderDate').map((k) => [k, r[k]])));
    expect(pick(fresh.services.customers.list().rows)).toEqual(pick(services.customers.list().rows));
    // The Chinese sheet writes 合作中 / 高价值 / 公司 for the stored codes and imports back to the same codes.
    const zhXlsx = join(dir, '客户.xlsx');
    await services.exports.run({ what: 'customers', format: 'xlsx', path: zhXlsx, language: 'zh-CN', view: { columns: [...PROFILE] } });
    const zh = servicesOnTempDb();
    expect(await zh.services.imports.run({ file: zhXlsx, target: 'customers' })).toMatchObject({ errorRows: 0, new: 40 });
    expect(pick(zh.services.customers.list().rows)).toEqual(pick(services.customers.list().rows));

    // Orders go into a copy that already has the customers (the summary orders of the customer import are removed first).
    fresh.db.exec("DELETE FROM orders WHERE order_no LIKE 'HIST-%'");
    const o = await fresh.services.imports.run({ file: csv, target: 'orders' });
    expect(o).toMatchObject({ errorRows: 0, committed: true });
    const orders = (db: typeof fresh.db) => db.prepare('SELECT o.order_no, c.code, o.order_date, o.amount_cents, o.quantity, o.items, o.category, o.channel FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_no').all();
    expect(orders(fresh.db)).toEqual(orders(db));
    expect(fresh.services.customers.list().rows.map((r) => r.totalCents)).toEqual(services.customers.list().rows.map((r) => r.totalCents));
  }, 120_000);
});
