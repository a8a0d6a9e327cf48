import { describe, expect, it } from 'vitest';
import { PatronError } from '../../../shared/ipc/errors';
import { Random } from '../../../electron/services/demo/random';
import { addDays } from '../../../shared/domain/dates';
import { contentsOf } from '../helpers/dbContents';
import { servicesOnTempDb } from '../helpers/services';
import { addCustomer, addOrder, balancesAndSums, count, settingsWith, sync } from './helpers';

describe('loyalty: the ledger', () => {
  it('refuses a redemption larger than the balance with a clear error and leaves the database as it was', () => {
    const { db, services } = servicesOnTempDb();
    const c = addCustomer(db, 'C001');
    addOrder(db, c, '2026-11-01', 50_000); // 500 points
    sync(db, settingsWith({ birthdayMultiplier: 1 }));
    const before = contentsOf(db);
    let error: unknown;
    try {
      services.loyalty.redeem(c, 'GIFT'); // 1,000 points
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatronError);
    expect((error as PatronError).code).toBe('conflict');
    expect((error as PatronError).message).toBe('C001 客户 C001: redeeming "礼品卡 Gift card" needs 1000 points but the balance is 500');
    expect(() => services.loyalty.adjust(c, -501, 'x')).toThrow(/would take the balance of 500 below zero/);
    expect(() => services.loyalty.redeem(c, 'NOPE')).toThrow(/not in the reward catalogue/);
    expect(contentsOf(db)).toEqual(before);
    // Exactly the balance is allowed.
    expect(services.loyalty.adjust(c, -500, '清零').balance).toBe(0);
  });

  it('keeps balance = sum of entries and never negative under random earn/redeem/adjust/expire sequences', () => {
    for (const seed of [1, 2, 3]) {
      const { db, services } = servicesOnTempDb();
      const rnd = new Random(seed);
      const ids = ['A', 'B', 'C', 'D'].map((code, i) => addCustomer(db, `${code}${seed}`, i % 2 === 0 ? { birthday: '1990-03-10' } : {}));
      if (ids[1] !== undefined && ids[0] !== undefined) services.loyalty.setReferrer(ids[1], `A${seed}`);
      let day = '2026-01-01';
      const settings = settingsWith({ expiryMonths: 3, campaigns: [{ name: '春季', from: '2026-04-01', to: '2026-04-30', multiplier: 1.5 }] });
      let refused = 0;
      for (let step = 0; step < 150; step++) {
        day = addDays(day, rnd.int(0, 4));
        const customer = ids[rnd.int(0, ids.length - 1)] ?? 0;
        const op = rnd.int(0, 3);
        try {
          if (op === 0) {
            addOrder(db, customer, day, rnd.int(1, 300_000));
            sync(db, settings, day);
          } else if (op === 1) {
            services.loyalty.redeem(customer, rnd.chance(0.5) ? 'GIFT' : 'VOUCHER');
          } else if (op === 2) {
            services.loyalty.adjust(customer, rnd.int(-3_000, 3_000) || 1, `step ${step}`);
          } else {
            sync(db, settings, day); // expiry of points older than 3 months
          }
        } catch (e) {
          if (!(e instanceof PatronError && e.code === 'conflict')) throw e;
          refused++;
        }
        for (const r of balancesAndSums(db)) {
          expect(r.balance, `seed ${seed} step ${step} customer ${r.id}`).toBe(r.sum);
          expect(r.balance).toBeGreaterThanOrEqual(0);
        }
      }
      // The sequence really exercised every kind of entry and some refusals.
      const kinds = db.prepare('SELECT DISTINCT kind FROM points_ledger ORDER BY kind').pluck().all();
      expect(kinds).toEqual(expect.arrayContaining(['adjust', 'earn', 'expire', 'redeem']));
      expect(refused).toBeGreaterThan(0);
      expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'referral'")).toBeLessThanOrEqual(1);
      expect(count(db, "SELECT count(*) FROM (SELECT ref_id FROM points_ledger WHERE kind = 'earn' GROUP BY ref_id HAVING count(*) > 1)")).toBe(0);
      expect(count(db, "SELECT count(*) FROM points_ledger p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'points_entry' AND a.entity_id = p.id)")).toBe(0);
    }
  });

  it('expires points earned before the cutoff that were not used, oldest first', () => {
    const { db, services } = servicesOnTempDb();
    const c = addCustomer(db, 'E');
    addOrder(db, c, '2026-01-10', 100_000); // 1,000 points in January
    const s = settingsWith({ expiryMonths: 6, birthdayMultiplier: 1 });
    sync(db, s, '2026-02-01');
    services.loyalty.redeem(c, 'GIFT'); // uses all 1,000
    addOrder(db, c, '2026-02-10', 30_000); // 300 more in February
    sync(db, s, '2026-07-15'); // January's points are past the cutoff but were used up
    expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'expire'")).toBe(0);
    sync(db, s, '2026-08-15'); // February's 300 now expire
    expect(db.prepare("SELECT on_date, points FROM points_ledger WHERE kind = 'expire'").all()).toEqual([{ on_date: '2026-08-15', points: -300 }]);
    expect(sync(db, s, '2026-09-15').expired).toBe(0);
    expect(balancesAndSums(db)).toEqual([{ id: c, balance: 0, sum: 0 }]);
  });
});
