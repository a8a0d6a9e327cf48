import { describe, expect, it } from 'vitest';
import { customerQueries } from '../../../electron/db/customers';
import { customerRowSchema } from '../../../shared/domain/customer';
import { smallDemoDb } from '../helpers/dbContents';
import { servicesOnTempDb } from '../helpers/services';

/**
 * The export reads raw arrays of only the asked-for columns and converts each
 * field on its own (FIELD_VALUES in electron/db/customers.ts). Every field must
 * come out exactly as the grid's rows (toRow) have it, on real segmented data.
 */
describe('customer values for exports', () => {
  it('gives every grid field the value the grid rows have, alone and all together', async () => {
    const env = servicesOnTempDb({ file: smallDemoDb() });
    env.services.segments.run('manual');
    while (env.jobs.running().length > 0) await new Promise((r) => setTimeout(r, 10));
    // A manual tier and a few tags, so the override and the tag list are exercised.
    env.db.prepare("UPDATE customers SET tier_override = 'high' WHERE id IN (2, 3)").run();
    const q = customerQueries(env.db);
    q.setTags(2, ['回头客', '大客户'], '2026-11-23T09:00:00Z');

    const rows = q.list(() => '');
    expect(rows.length).toBe(150);
    // Every field of the row except the search keys, which exports never carry.
    const fields = Object.keys(customerRowSchema.shape).filter((f) => f !== 'pinyin');
    const expected = (f: string) => rows.map((r) => (r as Record<string, unknown>)[f]);
    // Each field can be told apart from a plain copy of its column: some rows differ.
    expect(rows.some((r) => r.effectiveTier !== r.segmentTier)).toBe(true);
    expect(rows.some((r) => r.tags.length === 2)).toBe(true);
    expect(rows.some((r) => r.referralCount > 0 && r.pointsBalance > 0)).toBe(true);

    for (const f of fields) {
      const got = [...q.iterateValues(['id', f])];
      expect(got.map((v) => v[0]), f).toEqual(rows.map((r) => r.id));
      expect(got.map((v) => v[1]), f).toEqual(expected(f));
    }
    const all = [...q.iterateValues(fields)];
    fields.forEach((f, i) => {
      expect(all.map((v) => v[i]), f).toEqual(expected(f));
    });
    expect([...q.iterateValues(['pinyin'])].every((v) => v[0] === '')).toBe(true);
  });

  it('reads whole rows for a field it does not know, leaving that field empty', () => {
    const env = servicesOnTempDb({ file: smallDemoDb() });
    const q = customerQueries(env.db);
    const got = [...q.iterateValues(['code', 'noSuchField', 'orderCount'])];
    const rows = q.list(() => '');
    expect(got).toEqual(rows.map((r) => [r.code, undefined, r.orderCount]));
  });
});
