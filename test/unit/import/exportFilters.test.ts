import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv';
import { createDemoDatabase } from '../../../electron/services/demo/generate';
import { servicesOnTempDb } from '../helpers/services';
import { tempDbPath, tempDir } from '../helpers/temp';
import { readFileSync } from 'node:fs';
import { runCli as run } from '../helpers/cli';

describe('patron export --filter operators', () => {
  it('selects rows with = != >= <= > < and ~ the way the grid filters compare, and refuses bad filters', async () => {
    const file = tempDbPath('demo.sqlite');
    createDemoDatabase(file, { customers: 80, orders: 800, seed: 3, asOf: '2026-11-01' });
    const rows = servicesOnTempDb({ file }).services.customers.list().rows;
    const exportCodes = async (...filters: string[]) => {
      const out = join(tempDir(), 'out.csv');
      const res = await run('export', '--db', file, '--what', 'customers', '--columns', 'code', ...filters.flatMap((f) => ['--filter', f]), '--json', out);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      return parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), 'out.csv').records.slice(1).map((r) => r[0]);
    };
    const codes = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).map((r) => r.code);

    // Money is typed in yuan and compared with the stored cents; ranges combine.
    const mid = [...rows].sort((a, b) => a.totalCents - b.totalCents)[40]?.totalCents ?? 0;
    const yuan = (mid / 100).toFixed(2);
    expect(await exportCodes(`totalCents>=${yuan}`)).toEqual(codes((r) => r.totalCents >= mid));
    expect(await exportCodes(`totalCents<${yuan}`)).toEqual(codes((r) => r.totalCents < mid));
    expect(await exportCodes(`orderCount>5`, `orderCount<=20`)).toEqual(codes((r) => r.orderCount > 5 && r.orderCount <= 20));
    // Dates as YYYY-MM-DD; a customer without orders has no date and is not "after" anything.
    expect(await exportCodes('lastOrderDate>=2026-06-01')).toEqual(codes((r) => r.lastOrderDate !== null && r.lastOrderDate >= '2026-06-01'));
    // A coded column matches its code or either label; != keeps the rest.
    const active = codes((r) => r.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    expect(await exportCodes('status=合作中')).toEqual(active);
    expect(await exportCodes('status=Active')).toEqual(active);
    expect(await exportCodes('status!=active')).toEqual(codes((r) => r.status !== 'active'));
    // = is the whole value, ~ a part of it, both ignoring case.
    const region = rows[0]?.region ?? '';
    expect(await exportCodes(`region=${region}`)).toEqual(codes((r) => r.region === region));
    const part = (rows[0]?.name ?? '').slice(0, 2);
    expect(await exportCodes(`name~${part}`)).toEqual(codes((r) => r.name.includes(part)));

    const out = join(tempDir(), 'bad.csv');
    const badValue = await run('export', '--db', file, '--what', 'customers', '--filter', 'totalCents>=lots', out);
    expect(badValue.code).not.toBe(0);
    expect(badValue.stderr).toMatch(/totalCents>=lots: "lots" is not a number/);
    const badColumn = await run('export', '--db', file, '--what', 'customers', '--filter', 'colour=red', out);
    expect(badColumn.stderr).toMatch(/unknown customers column "colour"/);
    const badSyntax = await run('export', '--db', file, '--what', 'customers', '--filter', '=red', out);
    expect(badSyntax.code).toBe(2);
  }, 60_000);
});
