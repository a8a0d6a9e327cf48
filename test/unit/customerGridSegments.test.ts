import { describe, expect, it } from 'vitest';
import { segmentQueries } from '../../electron/db/segments';
import { smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';

async function segmentNow(env: ReturnType<typeof servicesOnTempDb>): Promise<void> {
  const { jobId } = env.services.segments.run('manual');
  while (env.jobs.running().some((j) => j.id === jobId)) await new Promise((r) => setTimeout(r, 10));
}

describe('customer grid rows', () => {
  it('take order figures from the rollups (equal to a scan of the orders) and tiers from the latest run, override first', async () => {
    const env = servicesOnTempDb({ file: smallDemoDb() });
    const before = env.services.customers.list().rows;
    expect(before.every((r) => r.segmentTier === null && r.quadrant === null && r.lifecycle === null)).toBe(true);

    const scan = new Map(
      env.db
        .prepare<[], { customer_id: number; n: number; total: number; last: string }>('SELECT customer_id, count(*) AS n, sum(amount_cents) AS total, max(order_date) AS last FROM orders GROUP BY customer_id')
        .all()
        .map((r) => [r.customer_id, r]),
    );
    for (const row of before) {
      const s = scan.get(row.id);
      expect([row.orderCount, row.totalCents, row.lastOrderDate]).toEqual([s?.n ?? 0, s?.total ?? 0, s?.last ?? null]);
    }

    await segmentNow(env);
    const results = new Map(env.db.prepare<[], { customer_id: number; tier: string; quadrant: string; lifecycle: string; predicted_cents: number | null }>('SELECT customer_id, tier, quadrant, lifecycle, predicted_cents FROM segment_results').all().map((r) => [r.customer_id, r]));
    const rows = env.services.customers.list().rows;
    expect(results.size).toBe(rows.length);
    for (const row of rows) {
      const r = results.get(row.id);
      expect({ tier: row.segmentTier, quadrant: row.quadrant, lifecycle: row.lifecycle, predicted: row.predictedCents }).toEqual({ tier: r?.tier, quadrant: r?.quadrant, lifecycle: r?.lifecycle, predicted: r?.predicted_cents });
      expect(row.effectiveTier).toBe(row.tierOverride ?? row.segmentTier);
    }

    const regular = rows.find((r) => r.segmentTier === 'regular' && r.tierOverride === null);
    expect(regular).toBeDefined();
    env.services.customers.update(regular?.id ?? 0, { tierOverride: 'high' });
    const after = env.services.customers.list().rows.find((r) => r.id === regular?.id);
    expect(after).toMatchObject({ segmentTier: 'regular', tierOverride: 'high', effectiveTier: 'high' });
  });
});

describe('saving a segmentation run', () => {
  it('skips customers deleted after the run read its inputs instead of failing the whole run', () => {
    const env = servicesOnTempDb();
    env.db.exec("INSERT INTO customers (id, code, kind, name) VALUES (1, 'A', 'person', '甲'), (2, 'B', 'person', '乙')");
    const row = (id: number) => ({ customer_id: id, score_1: 3, score_2: 3, score_3: 3, composite: 3, tier: 'regular' as const, quadrant: 'low-low' as const, lifecycle: 'acquisition' as const, value_cents: 0, predicted_cents: null, p_alive: null, expected_purchases: null });
    const run = { started_at: '2026-11-23T09:00:00Z', finished_at: '2026-11-23T09:00:01Z', as_of: '2026-11-23', trigger: 'manual' as const, settings: '{}', clv: '{}', summary: '{}', customers: 3 };
    segmentQueries(env.db).saveRun(run, [row(1), row(2), row(3)]);
    expect(env.db.prepare('SELECT customer_id FROM segment_results ORDER BY customer_id').pluck().all()).toEqual([1, 2]);
  });
});
