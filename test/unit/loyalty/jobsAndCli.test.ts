import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { writeFixture } from '../helpers/files';
import { servicesOnTempDb } from '../helpers/services';
import { addCustomer, addOrder, count, settingsWith, sync } from './helpers';
import { runCli as run } from '../helpers/cli';

async function waitUntil(condition: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('loyalty: the sync job', () => {
  it('runs after an order import in a worker thread: new orders earn, levels follow, the tables are announced', async () => {
    const { db, services, events } = servicesOnTempDb();
    db.exec("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C001', 'person', '张三'), (2, 'C002', 'person', '李四')");
    const file = writeFixture('orders.csv', '客户编号,订单日期,金额\r\nC001,2026-10-01,1200\r\nC002,2026-11-01,6000\r\nC001,2026-11-02,800.50\r\n');
    expect(await services.imports.run({ file, target: 'orders' })).toMatchObject({ new: 3, committed: true });
    await waitUntil(() => count(db, 'SELECT count(*) FROM points_ledger') === 3 && services.jobs.list().length === 0);
    expect(db.prepare("SELECT customer_id, points FROM points_ledger WHERE kind = 'earn' ORDER BY ref_id").all()).toEqual([
      { customer_id: 1, points: 1200 },
      { customer_id: 2, points: 6000 },
      { customer_id: 1, points: 800 },
    ]);
    expect(services.loyalty.profile(2)).toMatchObject({ balance: 6000, level: 'silver' });
    expect(services.loyalty.distribution().levels.find((l) => l.level === 'silver')?.customers).toBe(1);
    expect(events.some((e) => e.event === 'db:changed' && (e.payload as { tables: string[] }).tables.includes('points_ledger'))).toBe(true);
    // On demand: nothing new, nothing written.
    services.loyalty.sync();
    await waitUntil(() => services.jobs.list().length === 0);
    expect(count(db, 'SELECT count(*) FROM points_ledger')).toBe(3);
  });
});

describe('patron points', () => {
  it('prints the ledger and balance of a customer by code or id, as text or JSON', async () => {
    const { db, file } = servicesOnTempDb();
    const c = addCustomer(db, 'VIP1');
    addOrder(db, c, '2026-11-01', 123_456);
    sync(db, settingsWith({ birthdayMultiplier: 1 }));
    db.close();
    const json = await run('points', '--db', file, '--customer', 'VIP1', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { balance: number; ledgerSum: number; level: string; entries: { kind: string; points: number }[] };
    expect(report).toMatchObject({ balance: 1234, ledgerSum: 1234, level: 'basic' });
    expect(report.entries).toEqual([expect.objectContaining({ kind: 'earn', points: 1234 })]);
    const text = await run('points', '--db', file, '--customer', String(c));
    expect(text.stdout).toMatch(/balance\s+1234/);
    expect(text.stdout).toMatch(/2026-11-01 {2}earn\s+1234/);
    expect((await run('points', '--db', file, '--customer', 'NOBODY')).stderr).toMatch(/no customer has the id or code "NOBODY"/);
    expect((await run('points', '--db', file)).code).toBe(2);
  });

  it('--sync brings the ledger up to date first', async () => {
    const { db, file } = servicesOnTempDb();
    const c = addCustomer(db, 'S1');
    addOrder(db, c, '2026-11-01', 10_000);
    db.close();
    const res = await run('points', '--db', file, '--customer', 'S1', '--sync', '--json');
    expect(JSON.parse(res.stdout)).toMatchObject({ balance: 100, synced: { earned: 1 } });
    const { db: again } = openDatabase(file);
    expect(count(again, 'SELECT count(*) FROM points_ledger')).toBe(1);
    again.close();
  });
});
