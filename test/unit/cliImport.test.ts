import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../../electron/services/demo/generate';
import { fileFingerprint, tempDbPath } from './helpers/temp';
import { runCli as run } from './helpers/cli';

function demoDb(): string {
  const file = tempDbPath('shop.sqlite');
  createDemoDatabase(file, { customers: 40, orders: 400, seed: 3, asOf: '2026-11-01' });
  return file;
}

const backups = (db: string) => (existsSync(join(dirname(db), 'backups')) ? readdirSync(join(dirname(db), 'backups')) : []);
const count = (db: string, sql: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).pluck().get() as number;
  } finally {
    raw.close();
  }
};

describe('patron import: follow-up jobs and backups', () => {
  it('an accepted import runs segmentation, warnings and the loyalty sync to the end, says so, and names the backup it made', async () => {
    const db = demoDb();
    const code = count(db, 'SELECT code FROM customers ORDER BY id LIMIT 1') as unknown as string;
    const csv = join(dirname(db), 'orders.csv');
    writeFileSync(csv, `客户编号,订单日期,金额\n${code},2026-10-30,1234.50\n${code},2026-10-31,99\n`);
    const runsBefore = count(db, "SELECT count(*) FROM segment_runs WHERE trigger = 'import'");
    const res = await run('import', '--db', db, '--type', 'orders', csv, '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as { committed: boolean; new: number; backupPath: string | null; followUps: { job: string; status: string }[] };
    expect(report).toMatchObject({ committed: true, new: 2 });
    expect(report.backupPath).not.toBeNull();
    expect(existsSync(report.backupPath ?? '')).toBe(true);
    expect(backups(db)).toEqual([report.backupPath?.split('/').pop()]);
    expect(new Set(report.followUps.map((f) => `${f.job}:${f.status}`))).toEqual(new Set(['segment:done', 'warnings:done', 'loyalty-sync:done']));
    expect(count(db, "SELECT count(*) FROM segment_runs WHERE trigger = 'import'")).toBe(runsBefore + 1);

    const text = await run('import', '--db', db, '--type', 'orders', csv, '--on-existing', 'skip');
    expect(text.stdout).toMatch(/backup before the import\s+\S+-import(-\d+)?\.sqlite/);
    expect(text.stdout).toMatch(/then segment\s+done/);
    expect(text.stdout).toMatch(/then loyalty-sync\s+done/);
  });

  it('a refused, blocked or empty import leaves no backup and the database as it was', async () => {
    const db = demoDb();
    const dir = dirname(db);
    const before = fileFingerprint(db);
    const cases: [string, string, RegExp][] = [
      ['header.csv', '客户编号,订单日期,金额\n', /no data rows/],
      ['twice.csv', '客户编号,金额,金额\nX,1,2\n', /columns 2 and 3 have the same header "金额"/],
      ['bad.csv', '客户编号,订单日期,金额\nNOPE,2026-01-01,5\n', /NOPE/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text);
      const res = await run('import', '--db', db, '--type', 'orders', join(dir, name));
      expect(res.code, name).toBe(1);
      expect(`${res.stdout}${res.stderr}`, name).toMatch(message);
      expect(backups(db), name).toEqual([]);
    }
    expect(fileFingerprint(db)).toBe(before);
  });
});
