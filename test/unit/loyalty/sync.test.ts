import { describe, expect, it } from 'vitest';
import { levelFor, pointsFor, monthsBefore } from '../../../shared/domain/loyalty';
import { servicesOnTempDb } from '../helpers/services';
import { addCustomer, addOrder, balancesAndSums, count, settingsWith, sync } from './helpers';

describe('loyalty: earning from orders (the sync)', () => {
  it('writes one earn entry per order, rounds as configured, and a second sync adds nothing', () => {
    const { db } = servicesOnTempDb();
    const a = addCustomer(db, 'A');
    const o1 = addOrder(db, a, '2026-03-01', 12_399); // 123.99 yuan
    addOrder(db, a, '2026-03-02', 50); // 0.50 yuan
    addOrder(db, a, '2026-03-03', -5_000); // a refund earns nothing
    const s = settingsWith({ earnRate: 1, rounding: 'floor' });
    const first = sync(db, s);
    expect(first.earned).toBe(1); // 0.50 yuan floors to 0 points: no entry
    expect(db.prepare("SELECT points, ref_id FROM points_ledger WHERE kind = 'earn'").all()).toEqual([{ points: 123, ref_id: o1 }]);
    expect(sync(db, s).earned).toBe(0);
    expect(count(db, 'SELECT count(*) FROM points_ledger')).toBe(1);
    // Changing the rule rescans, but an order that earned never earns twice.
    expect(sync(db, settingsWith({ rounding: 'ceil', programStart: '2026-01-01' })).earned).toBe(1);
    expect(db.prepare("SELECT points FROM points_ledger WHERE kind = 'earn' ORDER BY id").pluck().all()).toEqual([123, 1]);
    expect(balancesAndSums(db)).toEqual([{ id: a, balance: 124, sum: 124 }]);
  });

  it('rounding and rates are exact integer arithmetic', () => {
    expect(pointsFor(12_399, 1, 'floor')).toBe(123);
    expect(pointsFor(12_399, 1, 'round')).toBe(124);
    expect(pointsFor(12_350, 1, 'round')).toBe(124);
    expect(pointsFor(12_349, 1, 'round')).toBe(123);
    expect(pointsFor(12_301, 1, 'ceil')).toBe(124);
    expect(pointsFor(12_300, 1, 'ceil')).toBe(123);
    expect(pointsFor(1_000, 1.5, 'floor')).toBe(15);
    expect(pointsFor(-1_000, 1, 'ceil')).toBe(0);
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });

  it('the SQL sync gives the same points as the shared formula for every rounding mode', () => {
    for (const rounding of ['floor', 'round', 'ceil'] as const) {
      const { db } = servicesOnTempDb();
      const c = addCustomer(db, 'R');
      const amounts = [1, 49, 50, 99, 100, 12_345, 99_999, 250_050];
      for (const cents of amounts) addOrder(db, c, '2026-05-01', cents);
      sync(db, settingsWith({ earnRate: 1.25, rounding }));
      const expected = amounts.map((x) => pointsFor(x, 1.25, rounding)).filter((p) => p > 0);
      expect(db.prepare("SELECT points FROM points_ledger WHERE kind = 'earn' ORDER BY ref_id").pluck().all()).toEqual(expected);
    }
  });

  it('orders before the programme start date never earn', () => {
    const { db } = servicesOnTempDb();
    const a = addCustomer(db, 'A');
    addOrder(db, a, '2025-12-31', 10_000);
    const kept = addOrder(db, a, '2026-01-01', 20_000);
    sync(db, settingsWith({ programStart: '2026-01-01' }));
    expect(db.prepare("SELECT ref_id FROM points_ledger WHERE kind = 'earn'").pluck().all()).toEqual([kept]);
  });

  it('gives birthday-month and campaign bonuses as separate entries whose extra multipliers add up', () => {
    const { db } = servicesOnTempDb();
    const a = addCustomer(db, 'A', { birthday: '1990-06-15' });
    const june = addOrder(db, a, '2026-06-03', 10_000);
    const both = addOrder(db, a, '2026-06-18', 10_000);
    const plain = addOrder(db, a, '2026-07-01', 10_000);
    sync(db, settingsWith({ birthdayMultiplier: 2, campaigns: [{ name: '618', from: '2026-06-18', to: '2026-06-18', multiplier: 3 }] }));
    const bonus = db.prepare("SELECT ref_id, points, reason FROM points_ledger WHERE kind = 'bonus' ORDER BY ref_id").all();
    expect(bonus).toEqual([
      { ref_id: june, points: 100, reason: 'birthday' },
      { ref_id: both, points: 300, reason: 'birthday; campaign:618' },
    ]);
    expect(count(db, "SELECT count(*) FROM points_ledger WHERE ref_id = ? AND kind = 'bonus'", plain)).toBe(0);
    expect(balancesAndSums(db)[0]).toEqual({ id: a, balance: 700, sum: 700 });
  });

  it('records every ledger entry in the audit trail', () => {
    const { db, services } = servicesOnTempDb();
    const a = addCustomer(db, 'A', { birthday: '1990-06-15' });
    addOrder(db, a, '2026-06-03', 100_000);
    sync(db, settingsWith({}));
    services.loyalty.redeem(a, 'GIFT');
    services.loyalty.adjust(a, -5, '补录错误');
    const ids = db.prepare('SELECT id FROM points_ledger ORDER BY id').pluck().all();
    expect(ids).toHaveLength(4);
    expect(db.prepare("SELECT entity_id FROM audit_log WHERE entity = 'points_entry' ORDER BY entity_id").pluck().all()).toEqual(ids);
    const adjust = db.prepare("SELECT field, actor, new_value FROM audit_log WHERE entity = 'points_entry' AND field = 'adjust'").get() as { field: string; actor: string; new_value: string };
    expect(adjust.actor).toBe('tester');
    expect(JSON.parse(adjust.new_value)).toMatchObject({ customerId: a, points: -5, reason: '补录错误' });
  });
});

describe('loyalty: levels', () => {
  it('change at the exact thresholds (spend in the last 12 months), with date, figure and reason', () => {
    const { db } = servicesOnTempDb();
    const below = addCustomer(db, 'B');
    const at = addCustomer(db, 'S');
    const gold = addCustomer(db, 'G');
    const old = addCustomer(db, 'O');
    addOrder(db, below, '2026-10-01', 499_999); // 4,999.99 yuan: one cent short of silver
    addOrder(db, at, '2026-10-01', 500_000);
    addOrder(db, gold, '2026-10-01', 2_000_000);
    addOrder(db, old, '2025-11-30', 9_000_000); // outside the 12 calendar months up to 2026-11
    const s = settingsWith({ programStart: '2027-01-01' }); // levels only: nothing earns
    const r = sync(db, s, '2026-11-23');
    const level = (id: number) => db.prepare("SELECT COALESCE((SELECT level FROM loyalty_accounts WHERE customer_id = ?), 'basic')").pluck().get(id);
    expect([level(below), level(at), level(gold), level(old)]).toEqual(['basic', 'silver', 'gold', 'basic']);
    expect(r.levelChanges).toBe(2);
    expect(db.prepare('SELECT customer_id, on_date, from_level, to_level, reason, metric FROM loyalty_level_history ORDER BY customer_id').all()).toEqual([
      { customer_id: at, on_date: '2026-11-23', from_level: 'basic', to_level: 'silver', reason: 'recompute', metric: 500_000 },
      { customer_id: gold, on_date: '2026-11-23', from_level: 'basic', to_level: 'gold', reason: 'recompute', metric: 2_000_000 },
    ]);
    // A recompute with nothing new changes nothing and writes no history.
    expect(sync(db, s, '2026-11-23').levelChanges).toBe(0);
    // A year later the spend has left the window: back down, recorded.
    expect(sync(db, s, '2027-11-01').levelChanges).toBe(2);
    expect(level(gold)).toBe('basic');
  });

  it('on the points basis, levels follow points earned; a point short stays below', () => {
    const levels = settingsWith({}).levels;
    expect(levelFor(4_999, levels, 'points12m')).toBe('basic');
    expect(levelFor(5_000, levels, 'points12m')).toBe('silver');
    expect(levelFor(19_999, levels, 'points12m')).toBe('silver');
    expect(levelFor(20_000, levels, 'points12m')).toBe('gold');
    expect(levelFor(50_000, levels, 'points12m')).toBe('diamond');
    expect(levelFor(499_999, levels, 'spend12m')).toBe('basic');
    expect(levelFor(500_000, levels, 'spend12m')).toBe('silver');

    const { db, services } = servicesOnTempDb();
    const c = addCustomer(db, 'P');
    addOrder(db, c, '2026-11-01', 499_900); // 4,999 points
    const s = settingsWith({ levelBasis: 'points12m', birthdayMultiplier: 1 });
    services.loyalty.saveSettings(s);
    sync(db, s);
    expect(services.loyalty.profile(c).level).toBe('basic');
    // A manual adjustment is not earned: the level stays.
    services.loyalty.adjust(c, 1, 'goodwill');
    expect(services.loyalty.profile(c).level).toBe('basic');
    addOrder(db, c, '2026-11-02', 100);
    sync(db, s);
    expect(services.loyalty.profile(c).level).toBe('silver');
  });

  it('keeps a manual level through recomputes until it is handed back to the rules', () => {
    const { db, services } = servicesOnTempDb();
    const c = addCustomer(db, 'M');
    addOrder(db, c, '2026-10-01', 600_000);
    const s = settingsWith({});
    sync(db, s);
    expect(services.loyalty.profile(c).level).toBe('silver');
    services.loyalty.setLevel(c, 'diamond');
    addOrder(db, c, '2026-10-02', 100);
    sync(db, s);
    const p = services.loyalty.profile(c);
    expect(p).toMatchObject({ level: 'diamond', levelManual: true });
    services.loyalty.setLevel(c, null);
    const back = services.loyalty.profile(c);
    expect(back).toMatchObject({ level: 'silver', levelManual: false });
    expect(back.levelHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['diamond', 'silver', 'recompute'],
      ['diamond', 'diamond', 'automatic'],
      ['silver', 'diamond', 'manual'],
      ['basic', 'silver', 'recompute'],
    ]);
  });
});

describe('loyalty: referrals', () => {
  it('rewards the referrer once, on the referred customer’s first order', () => {
    const { db, services } = servicesOnTempDb();
    const old = addCustomer(db, 'OLD');
    const other = addCustomer(db, 'OTHER');
    const fresh = addCustomer(db, 'NEW');
    services.loyalty.setReferrer(fresh, 'OLD');
    const s = settingsWith({ referralReward: 500 });
    expect(sync(db, s).referrals).toBe(0); // no order yet
    addOrder(db, fresh, '2026-11-01', 1_000);
    expect(sync(db, s).referrals).toBe(1);
    expect(db.prepare("SELECT customer_id, on_date, points, ref_id FROM points_ledger WHERE kind = 'referral'").all()).toEqual([
      { customer_id: old, on_date: '2026-11-01', points: 500, ref_id: fresh },
    ]);
    addOrder(db, fresh, '2026-11-05', 1_000);
    expect(sync(db, s).referrals).toBe(0);
    // Pointing the referral at someone else does not pay a second time.
    services.loyalty.setReferrer(fresh, 'OTHER');
    expect(sync(db, s).referrals).toBe(0);
    expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'referral'")).toBe(1);
    expect(services.loyalty.profile(old).referred).toEqual([]);
    expect(services.loyalty.profile(other).referred).toEqual([{ id: fresh, code: 'NEW', name: '客户 NEW', rewarded: true }]);
    expect(services.loyalty.profile(fresh).referrer).toEqual({ id: other, code: 'OTHER', name: '客户 OTHER' });
    const rows = services.customers.list().rows;
    expect(rows.find((r) => r.id === other)).toMatchObject({ referralCount: 1 });
    expect(rows.find((r) => r.id === old)).toMatchObject({ referralCount: 0, pointsBalance: 500, loyaltyLevel: 'basic' });
  });

  it('refuses an unknown referrer code and self-referral, changing nothing', () => {
    const { db, services } = servicesOnTempDb();
    const a = addCustomer(db, 'A');
    expect(() => services.loyalty.setReferrer(a, 'NOPE')).toThrow(/no customer has the code "NOPE"/);
    expect(() => services.loyalty.setReferrer(a, 'A')).toThrow(/cannot refer itself/);
    expect(count(db, 'SELECT count(*) FROM referrals')).toBe(0);
  });
});
