import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { writeFixture } from '../helpers/files';
import { tempDbPath, tempDir } from '../helpers/temp';
import { runCli as run } from '../helpers/cli';

describe('patron import / export', () => {
  it('dry-runs and imports with a JSON report of new, updated, skipped and error rows; exports what was imported', async () => {
    const db = tempDbPath();
    openDatabase(db, { create: true }).db.close();
    const csv = writeFixture('c.csv', 'Customer code,Customer name,Phone\nA1,杭州恒信,138 0013 8000\nA2,宁波海川,not a phone\nA1,重复,13900000000\n');
    const mapping = writeFixture('m.json', JSON.stringify({ columns: { code: 'Customer code', name: 'Customer name', phone: 'Phone' }, options: { matchBy: 'code' } }));

    const dry = await run('import', '--db', db, '--type', 'customers', csv, '--mapping', mapping, '--dry-run', '--json');
    expect(dry.code).toBe(1);
    const report = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ new: 1, updated: 0, skipped: 0, errorRows: 2, committed: false });
    expect(report.errors).toMatchObject([
      { file: 'c.csv', row: 3, column: 'Phone', reason: '"not a phone" is not a phone number' },
      { file: 'c.csv', row: 4, column: 'Customer code', reason: 'duplicate key "A1": already on row 2' },
    ]);

    const nothing = await run('import', '--db', db, '--type', 'customers', csv, '--mapping', mapping);
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toMatch(/nothing was imported/);
    const valid = await run('import', '--db', db, '--type', 'customers', csv, '--mapping', mapping, '--valid-rows', '--json');
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ new: 1, errorRows: 2, committed: true, batchId: 1 });
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT code, name, phone FROM customers').all()).toEqual([{ code: 'A1', name: '杭州恒信', phone: '13800138000' }]);
    check.close();

    const out = join(tempDir(), 'out.csv');
    const exp = await run('export', '--db', db, '--what', 'customers', '--columns', 'code,name', '--json', out);
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.stdout)).toMatchObject({ rows: 1 });
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it('refuses bad usage with exit code 2', async () => {
    const db = tempDbPath();
    expect((await run('import', '--db', db, '--type', 'robots', 'x.csv')).code).toBe(2);
    expect((await run('export', '--db', db, '--what', 'customers', 'out.pdf')).code).toBe(2);
    expect((await run('import', '--db', db, '--type', 'orders')).code).toBe(2);
  });
});
