import { describe, expect, it } from 'vitest';
import { servicesOnTempDb } from '../helpers/services';
import { addCustomer, balancesAndSums } from './helpers';

/** A merge moves ledger rows between customers through the generic reference moves; balances must follow. */
describe('merging customers with points', () => {
  it('gives the kept customer both balances, and undo gives each its own back', () => {
    const env = servicesOnTempDb();
    const keep = addCustomer(env.db, 'K1');
    const drop = addCustomer(env.db, 'K2');
    env.services.loyalty.adjust(keep, 100, '开户礼');
    env.services.loyalty.adjust(drop, 50, 'welcome');
    const before = balancesAndSums(env.db);
    expect(before.map((r) => r.balance)).toEqual([100, 50]);

    const rec = env.services.duplicates.merge({ keepId: keep, mergeId: drop, takeFromMerged: [] });
    expect(balancesAndSums(env.db)).toEqual([{ id: keep, balance: 150, sum: 150 }]);

    env.services.duplicates.undoMerge(rec.batchId);
    expect(balancesAndSums(env.db)).toEqual(before);
    expect(env.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps a merged customer’s points when the kept one had none', () => {
    const env = servicesOnTempDb();
    const keep = addCustomer(env.db, 'K1');
    const drop = addCustomer(env.db, 'K2');
    env.services.loyalty.adjust(drop, 70, 'welcome');
    env.services.duplicates.merge({ keepId: keep, mergeId: drop, takeFromMerged: [] });
    expect(balancesAndSums(env.db)).toEqual([{ id: keep, balance: 70, sum: 70 }]);
  });
});
