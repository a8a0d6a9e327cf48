import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { segmentQueries } from '../../../electron/db/segments';
import { generateDemo } from '../../../electron/services/demo/generate';
import { Random } from '../../../electron/services/demo/random';
import { monthsBetween, monthsBetweenYmd } from '../../../shared/analytics/lifecycle';
import { assignTiers, quantileScores, scoreRfm, type RfmInput } from '../../../shared/analytics/rfm';
import { civilFromDays, isoDayNumber, segmentColumnsFrom } from '../../../shared/analytics/segmentColumns';
import { activityWindows, fitAndPredict, predictionsFor, resultRows, segment, type Prediction, type SegmentInput } from '../../../shared/analytics/segmentation';
import { defaultSegmentSettings, type SegmentSettings } from '../../../shared/analytics/settings';
import { tempDbPath } from '../helpers/temp';
import * as refRfm from './reference/rfmReference';
import * as ref from './reference/segmentationReference';

/**
 * The typed-array segmentation (issue 6 speed goals) must give exactly what
 * the object-per-customer code gave: the old code is kept in ./reference as
 * the oracle, and both run on random inputs full of ties and on demo data.
 */

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Random settings within the schema's ranges, weights often 0 or repeated (more composite ties). */
function randomSettings(rng: Random): SegmentSettings {
  const w = () => rng.pick([0, 1, 1, 2, 0.5, 0.1, 3]);
  const nonZero = () => rng.pick([1, 2, 0.3]);
  return {
    ...defaultSegmentSettings,
    weights: { toc: { recency: nonZero(), frequency: w(), monetary: w() }, tob: { tenure: w(), amount: nonZero(), complexity: w() } },
    shares: { high: rng.pick([0.05, 0.12, 0.3]), potential: rng.pick([0.05, 0.2, 0.4]) },
    lifecycle: { growthFromMonths: rng.int(1, 4), maturityFromMonths: rng.int(5, 12), declineWindowMonths: rng.int(1, 4), declineDropPercent: rng.pick([1, 30, 50, 100]) },
  };
}

/** Customers with few distinct values (ties everywhere), missing orders, both kinds. */
function randomCustomers(rng: Random, n: number): SegmentInput[] {
  const asOf = isoDayNumber('2026-11-23');
  return Array.from({ length: n }, (_, i) => {
    const orders = rng.chance(0.2) ? 0 : rng.int(1, 12);
    const first = asOf - rng.int(0, 1200);
    const last = Math.min(asOf, first + rng.int(0, 900));
    const days = orders === 0 ? 0 : rng.int(1, orders);
    return {
      id: i * 3 + 1,
      kind: rng.chance(0.4) ? 'company' : 'person',
      cooperation_start: rng.chance(0.3) ? isoOf(asOf - rng.int(0, 4000)) : null,
      order_count: orders,
      order_days: days,
      total_cents: orders === 0 ? 0 : rng.pick([500, 1000, 1000, 25_000, rng.int(1, 900_000)]),
      first_order_date: orders === 0 ? null : isoOf(first),
      last_order_date: orders === 0 ? null : isoOf(last),
      need_tags: rng.int(0, 3),
      recent_activity: rng.int(0, 6),
      previous_activity: rng.int(0, 6),
    };
  });
}

describe('typed-array segmentation equals the previous implementation', () => {
  it('quantile scores, tier cuts and RFM scores on random inputs with ties', () => {
    const rng = new Random(11, 3);
    for (let round = 0; round < 40; round++) {
      const n = rng.int(1, 400);
      const values = Array.from({ length: n }, () => (rng.chance(0.5) ? rng.int(0, 5) : rng.float() * 100));
      expect(quantileScores(values)).toEqual(refRfm.quantileScores(values));
      const composites = Array.from({ length: n }, () => rng.int(1, 15) / 3);
      const shares = { high: rng.pick([0.05, 0.12, 0.3]), potential: rng.pick([0.05, 0.2, 0.4]) };
      expect(assignTiers(composites, shares)).toEqual(refRfm.assignTiers(composites, shares));
      const inputs: RfmInput[] = Array.from({ length: n }, () => ({
        kind: rng.chance(0.5) ? 'company' : 'person',
        recencyDays: rng.chance(0.2) ? null : rng.int(0, 30),
        orderCount: rng.int(0, 4),
        totalCents: rng.pick([0, 100, 100, rng.int(1, 10_000)]),
        tenureYears: rng.int(0, 8) / 4,
        needTags: rng.int(0, 2),
      }));
      const settings = randomSettings(rng);
      expect(scoreRfm(inputs, settings)).toEqual(refRfm.scoreRfm(inputs, settings));
    }
  });

  it('whole segmentation (scores, tiers, quadrants, lifecycle, summary) on random customers and settings', () => {
    const rng = new Random(5, 4);
    for (let round = 0; round < 25; round++) {
      const customers = randomCustomers(rng, rng.int(1, 600));
      const settings = randomSettings(rng);
      const asOf = rng.pick(['2026-11-23', '2026-03-31', '2025-12-01']);
      // Predictions for some customers (others none), with repeated values.
      const byId = new Map<number, Prediction>();
      for (const c of customers) if (rng.chance(0.6)) byId.set(c.id, { predicted_cents: rng.pick([0, 1500, rng.int(1, 90_000)]), p_alive: rng.float(), expected_purchases: rng.float() * 3 });
      const old = ref.segment(customers, asOf, settings, byId);
      const cols = segmentColumnsFrom(customers);
      const now = segment(cols, asOf, settings, predictionsFor(cols, byId));
      expect(resultRows(now.results)).toEqual(old.rows);
      expect(now.summary).toEqual(old.summary);
    }
  });

  it('on a demo database: the typed read, CLV fit and segmentation give the old results exactly', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 400, orders: 6000, asOf: '2026-11-23' });
    // A customer without orders or tags, and an override, so every branch is read.
    db.prepare("INSERT INTO customers (code, name, kind, tier_override) VALUES ('Z-1', 'Nobody', 'person', 'high')").run();
    const settings = defaultSegmentSettings;
    for (const asOf of ['2026-11-23', '2026-06-15']) {
      const windows = activityWindows(asOf, settings.lifecycle);
      const oldInputs = ref.referenceInputs(db, windows);
      const cols = segmentQueries(db).inputs(windows);
      expect(Array.from(cols.id)).toEqual(oldInputs.map((c) => c.id));
      const oldFit = ref.fitAndPredict(oldInputs, asOf, settings.clv);
      const fit = fitAndPredict(cols, asOf, settings.clv);
      expect(fit.status).toEqual(oldFit.status);
      expect(fit.status.person.ok && fit.status.company.ok).toBe(true);
      const old = ref.segment(oldInputs, asOf, settings, oldFit.predictions);
      const now = segment(cols, asOf, settings, fit.predictions);
      expect(resultRows(now.results)).toEqual(old.rows);
      expect(now.summary).toEqual(old.summary);
    }
    db.close();
  });

  it('saving typed results stores the same rows as saving objects', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 250, orders: 2000, asOf: '2026-11-23' });
    const q = segmentQueries(db);
    const asOf = '2026-11-23';
    const cols = q.inputs(activityWindows(asOf, defaultSegmentSettings.lifecycle));
    const { results } = segment(cols, asOf, defaultSegmentSettings, fitAndPredict(cols, asOf, defaultSegmentSettings.clv).predictions);
    const record = { started_at: '2026-11-23T00:00:00Z', finished_at: '2026-11-23T00:00:01Z', as_of: asOf, trigger: 'cli' as const, settings: '{}', clv: '{}', summary: '{}', customers: results.n };
    const typedRun = q.saveRun(record, results);
    const typed = q.results();
    const objectRun = q.saveRun(record, resultRows(results));
    expect(q.results()).toEqual(typed);
    expect(typed).toEqual(resultRows(results));
    // Both runs' tiers were recorded for every customer: no one moved.
    expect(q.migration(typedRun, objectRun).every((m) => m.from_tier === m.to_tier)).toBe(true);
    expect(q.migration(typedRun, objectRun).reduce((n, m) => n + m.customers, 0)).toBe(250);
    db.close();
  });
});

describe('date arithmetic without strings', () => {
  it('civil dates and whole months from day numbers match the string versions', () => {
    const rng = new Random(2, 2);
    for (let k = 0; k < 2000; k++) {
      const a = rng.int(-30_000, 40_000);
      const b = a + rng.int(0, 3000);
      const [ia, ib] = [isoOf(a), isoOf(b)];
      expect(civilFromDays(a)).toBe(Number(ia.replaceAll('-', '')));
      expect(isoDayNumber(ia)).toBe(a);
      expect(monthsBetweenYmd(civilFromDays(a), civilFromDays(b))).toBe(monthsBetween(ia, ib));
    }
  });
});
