import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { segmentQueries } from '../../electron/db/segments';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { generateDemo } from '../../electron/services/demo/generate';
import { defaultSegmentSettings } from '../../shared/analytics/settings';
import { servicesOnTempDb } from './helpers/services';
import { tempDbPath } from './helpers/temp';

/** Services on a demo database (300 customers), as of the services' clock (2026-11-23). */
function setup(customers = 300, orders = 4000) {
  const file = tempDbPath();
  const { db } = openDatabase(file, { create: true });
  generateDemo(db, { customers, orders, asOf: '2026-11-23' });
  db.close();
  return servicesOnTempDb({ file });
}

async function runToEnd(env: ReturnType<typeof setup>): Promise<void> {
  const { jobId } = env.services.segments.run('manual');
  const job = env.jobs.running().find((j) => j.id === jobId);
  expect(job?.kind).toBe('segment');
  // The runner's outcome promise is private to the service; wait for the job to leave the list.
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!env.jobs.running().some((j) => j.id === jobId)) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

describe('segmentation runs', () => {
  it('a run in the worker stores tiers, quadrants, lifecycle and CLV for every customer, with its settings', async () => {
    const env = setup();
    expect(env.services.segments.overview().run).toBeNull();
    await runToEnd(env);
    const o = env.services.segments.overview();
    expect(o.run?.customers).toBe(300);
    expect(o.run?.trigger).toBe('manual');
    expect(o.run?.asOf).toBe('2026-11-23');
    expect(o.run?.settings).toEqual(defaultSegmentSettings);
    expect(o.tiers.reduce((n, t) => n + t.customers, 0)).toBe(300);
    const share = (tier: string) => (o.tiers.find((t) => t.tier === tier)?.customers ?? 0) / 300;
    // Targets 12 % / 20 % per kind; ties may move a share by half a tie group.
    expect(share('high')).toBeGreaterThanOrEqual(0.08);
    expect(share('high')).toBeLessThanOrEqual(0.16);
    expect(share('potential')).toBeGreaterThanOrEqual(0.14);
    expect(share('potential')).toBeLessThanOrEqual(0.3);
    expect(o.quadrants.reduce((n, q) => n + q.customers, 0)).toBe(300);
    expect(o.lifecycle.reduce((n, l) => n + l.customers, 0)).toBe(300);
    expect(o.run?.clv.person.ok || o.run?.clv.company.ok).toBe(true);
    // Every figure's click-through gives exactly that many customers.
    for (const t of o.tiers) expect(env.services.segments.ids({ by: 'tier', tier: t.tier }).ids).toHaveLength(t.customers);
    for (const q of o.quadrants) expect(env.services.segments.ids({ by: 'quadrant', quadrant: q.quadrant }).ids).toHaveLength(q.customers);
    for (const l of o.lifecycle) expect(env.services.segments.ids({ by: 'lifecycle', stage: l.stage }).ids).toHaveLength(l.customers);
    // The runner announced what it wrote.
    expect(env.events.some((e) => e.event === 'db:changed' && (e.payload as { tables: string[] }).tables.includes('segment_results'))).toBe(true);
    // Value equals the rollup total; customers who bought have a prediction.
    const row = env.db.prepare('SELECT r.value_cents, u.total_cents, r.predicted_cents FROM segment_results r JOIN customer_rollups u ON u.customer_id = r.customer_id WHERE u.order_count > 0 LIMIT 1').get() as {
      value_cents: number;
      total_cents: number;
      predicted_cents: number | null;
    };
    expect(row.value_cents).toBe(row.total_cents);
  });

  it('a manual tier override is kept and shown over the computed tier', async () => {
    const env = setup();
    await runToEnd(env);
    const high = env.services.segments.ids({ by: 'tier', tier: 'high' }).ids;
    const id = high[0] ?? 0;
    env.services.customers.update(id, { tierOverride: 'potential' });
    const o = env.services.segments.overview();
    expect(o.tiers.find((t) => t.tier === 'potential')?.overridden).toBe(1);
    expect(env.services.segments.ids({ by: 'overridden' }).ids).toEqual([id]);
    expect(env.services.segments.ids({ by: 'tier', tier: 'high' }).ids).not.toContain(id);
    const cols = env.services.segments.customerColumns().find((c) => c.customer_id === id);
    expect(cols).toMatchObject({ tier: 'high', tier_override: 'potential', effective_tier: 'potential' });
  });

  it('the migration matrix counts who moved between the last two runs, and names them', async () => {
    const env = setup();
    await runToEnd(env);
    // Make one low customer a big spender, then run again.
    const low = env.services.segments.ids({ by: 'tier', tier: 'potential' }).ids[0] ?? 0;
    const kind = env.db.prepare('SELECT kind FROM customers WHERE id = ?').pluck().get(low) as string;
    for (let d = 1; d <= 20; d++) env.db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)').run(low, `2026-11-${String(d).padStart(2, '0')}`, 50_000_000);
    if (kind === 'company') env.db.prepare('UPDATE customers SET cooperation_start = ? WHERE id = ?').run('2010-01-01', low);
    await runToEnd(env);
    const o = env.services.segments.overview();
    expect(o.previousRun).not.toBeNull();
    expect(o.migration.reduce((n, m) => n + m.customers, 0)).toBe(300);
    const moved = o.migration.find((m) => m.from === 'potential' && m.to !== 'potential' && env.services.segments.ids({ by: 'migration', from: 'potential', to: m.to }).ids.includes(low));
    expect(moved).toBeDefined();
    for (const m of o.migration) expect(env.services.segments.ids({ by: 'migration', from: m.from, to: m.to }).ids).toHaveLength(m.customers);
  });

  it('a cancelled run writes nothing', async () => {
    const env = setup(2000, 30_000);
    const { jobId } = env.services.segments.run('manual');
    expect(env.services.segments.run('manual')).toEqual({ jobId, alreadyRunning: true });
    expect(env.services.jobs.cancel(jobId)).toBe(true);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (env.jobs.running().length === 0) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    expect(env.db.prepare('SELECT count(*) FROM segment_runs').pluck().get()).toBe(0);
    expect(env.db.prepare('SELECT count(*) FROM segment_results').pluck().get()).toBe(0);
  });

  it('settings are stored, validated at the IPC boundary, and previewed without writing', async () => {
    const env = setup();
    await runToEnd(env);
    const dispatch = createDispatcher(handlerTable(env.services));
    const wider = { ...defaultSegmentSettings, shares: { high: 0.25, potential: 0.1 } };
    const before = env.db.prepare('SELECT count(*) FROM segment_runs').pluck().get();
    const preview = env.services.segments.preview(wider);
    expect(preview.usesStoredPredictions).toBe(true);
    expect(preview.current?.tiers).toEqual(env.services.segments.overview().run?.summary.tiers);
    expect(preview.proposed.tiers.high).toBeGreaterThan(preview.current?.tiers.high ?? 0);
    expect(preview.proposed.tiers.potential).toBeLessThan(preview.current?.tiers.potential ?? 0);
    expect(env.db.prepare('SELECT count(*) FROM segment_runs').pluck().get()).toBe(before);
    // Same settings → same figures as the run.
    expect(env.services.segments.preview(defaultSegmentSettings).proposed).toEqual(preview.current);

    expect(env.services.segments.settings()).toEqual(defaultSegmentSettings);
    expect(env.services.segments.saveSettings(wider)).toEqual(wider);
    expect(env.services.segments.settings()).toEqual(wider);
    const bad = await dispatch('segments:saveSettings', { ...wider, shares: { high: 0.9, potential: 0.1 } }, { transport: 'direct', url: null, isMainFrame: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(env.services.segments.settings()).toEqual(wider);
  });

  it('the db function for the grid columns returns one row per segmented customer', async () => {
    const env = setup();
    await runToEnd(env);
    const cols = segmentQueries(env.db).customerColumns();
    expect(cols).toHaveLength(300);
    expect(Object.keys(cols[0] ?? {})).toEqual(['customer_id', 'tier', 'tier_override', 'effective_tier', 'quadrant', 'lifecycle', 'predicted_cents']);
  });
});
