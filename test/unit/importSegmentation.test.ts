import { describe, expect, it } from 'vitest';
import { writeFixture } from './helpers/files';
import { servicesOnTempDb } from './helpers/services';

async function waitUntil(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('segmentation after an import', () => {
  it('runs again once an order import has committed, so tiers reflect the new orders', async () => {
    const { db, services } = servicesOnTempDb();
    db.exec("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C001', 'person', '张三'), (2, 'C002', 'person', '李四')");
    expect(services.segments.lastRunAt()).toBeNull();
    const file = writeFixture('orders.csv', '客户编号,订单日期,金额\r\nC001,2026-10-01,1200\r\nC002,2026-11-01,300\r\nC001,2026-11-02,800\r\n');
    const report = await services.imports.run({ file, target: 'orders' });
    expect(report).toMatchObject({ new: 3, committed: true });
    await waitUntil(() => services.segments.lastRunAt() !== null && services.jobs.list().length === 0);
    const run = services.segments.overview().run;
    expect(run?.trigger).toBe('import');
    expect(services.segments.overview().tiers.reduce((n, t) => n + t.customers, 0)).toBe(2);
  });
});
