import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { writeFixture } from '../helpers/files';
import { fileFingerprint, tempDbPath } from '../helpers/temp';
import { runCli as run } from '../helpers/cli';

/** The values the probe found imported though the rest of Patron refuses them: now refused by the import, naming file, row and column. */
describe('the import keeps the value rules of the editors', () => {
  it('refuses out-of-range amounts, over-long names and notes; the database stays byte-identical', async () => {
    const db = tempDbPath();
    openDatabase(db, { create: true }).db.close();
    const customers = writeFixture(
      'customers.csv',
      `客户编号,客户名称,备注\nC1,杭州恒信,\nC2,${'名'.repeat(201)},\nC3,宁波海川,${'x'.repeat(10_001)}\n`,
    );
    const before = fileFingerprint(db);
    const refused = await run('import', '--db', db, '--type', 'customers', customers, '--json');
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { errors: { file: string; row: number; column: string; reason: string }[] };
    expect(report.errors.map((e) => [e.file, e.row, e.column, e.reason])).toEqual([
      ['customers.csv', 3, '客户名称', 'text of 201 characters is longer than the 200 allowed'],
      ['customers.csv', 4, '备注', 'text of 10,001 characters is longer than the 10,000 allowed'],
    ]);
    expect(fileFingerprint(db)).toBe(before);
    // A field past a spreadsheet cell's size is refused by the reader itself, before any row is planned.
    const huge = await run('import', '--db', db, '--type', 'customers', writeFixture('huge.csv', `客户编号,客户名称\nC2,${'名'.repeat(5_000_000)}\n`));
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/huge\.csv, line 2, 客户名称: the field holds more than 32,767 characters/);
    expect(fileFingerprint(db)).toBe(before);

    expect((await run('import', '--db', db, '--type', 'customers', writeFixture('ok.csv', '客户编号,客户名称\nC1,杭州恒信\n'))).code).toBe(0);
    const orders = writeFixture('orders.csv', '客户编号,订单日期,金额\nC1,2026-01-05,99999999999999999999.99\nC1,2026-01-06,-100.00\nC1,2026-01-07,90071992547409.91\nC1,2026-01-08,128.50\n');
    const ordersRefused = await run('import', '--db', db, '--type', 'orders', orders, '--json');
    expect(ordersRefused.code).toBe(1);
    const orderErrors = (JSON.parse(ordersRefused.stdout) as { errors: { row: number; column: string; reason: string }[] }).errors;
    expect(orderErrors.map((e) => [e.row, e.column])).toEqual([
      [2, '金额'],
      [3, '金额'],
      [4, '金额'],
    ]);
    expect(orderErrors[0]?.reason).toMatch(/larger than the largest amount/);
    expect(orderErrors[1]?.reason).toMatch(/negative/);

    const kept = await run('import', '--db', db, '--type', 'orders', orders, '--valid-rows', '--json');
    expect(kept.code).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT amount_cents, typeof(amount_cents) AS t FROM orders').all()).toEqual([{ amount_cents: 12850, t: 'integer' }]);
    expect(check.prepare('SELECT total_cents, typeof(total_cents) AS t FROM customer_rollups').all()).toEqual([{ total_cents: 12850, t: 'integer' }]);
    check.close();
  }, 120_000);
});
