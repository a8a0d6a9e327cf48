import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { rebuildRollups, rollupQueries } from '../../electron/db/rollups';
import { segmentQueries } from '../../electron/db/segments';
import { generateDemo } from '../../electron/services/demo/generate';
import { activityWindows } from '../../shared/analytics/segmentation';
import { defaultSegmentSettings } from '../../shared/analytics/settings';
import { tempDbPath } from './helpers/temp';
import * as ref from './analytics/reference/segmentationReference';

/**
 * The segmentation read hands rows to SQL functions registered on the
 * connection (electron/db/segments.ts) and the rollup rebuild switches foreign
 * key checks off around its own transaction (electron/db/rollups.ts): both
 * change connection state, so both must leave the connection as they found it.
 */
describe('segmentation read through SQL functions', () => {
  it('reads the same inputs as the row-by-row reference, however many query sets share the connection', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 300, orders: 4000, asOf: '2026-11-23' });
    const windows = activityWindows('2026-11-23', defaultSegmentSettings.lifecycle);
    const expected = ref.referenceInputs(db, windows);
    const q1 = segmentQueries(db);
    const first = q1.inputs(windows);
    expect(Array.from(first.id)).toEqual(expected.map((c) => c.id));
    expect(Array.from(first.needTags)).toEqual(expected.map((c) => c.need_tags));
    expect(Array.from(first.recentActivity)).toEqual(expected.map((c) => c.recent_activity));
    expect(Array.from(first.previousActivity)).toEqual(expected.map((c) => c.previous_activity));
    expect(Array.from(first.totalCents)).toEqual(expected.map((c) => c.total_cents));
    // A second set of queries on the same connection (the service's and a
    // run's): the functions are registered once, and the first set still reads.
    const second = segmentQueries(db);
    expect(second.inputs(windows)).toEqual(first);
    expect(q1.inputs(windows)).toEqual(first);
    // The functions deliver only into a read in progress: called on their own they do nothing.
    expect(db.prepare('SELECT patron_segment_input(1, 0, 1, 1, 1, 1, 1, 1) IS NULL AND patron_segment_window(1, 1, 5) IS NULL').pluck().get()).toBe(1);
    expect(second.inputs(windows)).toEqual(first);
    db.close();
  });
});

describe('rollup rebuild and foreign keys', () => {
  it('switches foreign key checks back on after its own transaction, and leaves them alone inside a caller’s', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 80, orders: 900, asOf: '2026-11-23' });
    const before = { rollups: rollupQueries(db).all(), monthly: rollupQueries(db).monthly() };
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    rebuildRollups(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect({ rollups: rollupQueries(db).all(), monthly: rollupQueries(db).monthly() }).toEqual(before);
    db.transaction(() => {
      rebuildRollups(db);
    })();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Checks are really on again: an order for a missing customer is refused.
    expect(() => db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (999999, '2026-01-01', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('a connection opened without foreign key checks keeps them off', () => {
    const { db } = openDatabase(tempDbPath(), { create: true });
    generateDemo(db, { customers: 20, orders: 100, asOf: '2026-11-23' });
    db.pragma('foreign_keys = OFF');
    rebuildRollups(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(0);
    db.close();
  });
});
