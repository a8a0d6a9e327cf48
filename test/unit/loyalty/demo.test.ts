import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { generateDemo } from '../../../electron/services/demo/generate';
import { contentsOf } from '../helpers/dbContents';
import { balancesAndSums, count } from './helpers';

const LOYALTY_TABLES = ['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'referrals', 'settings', 'audit_log'];

describe('loyalty: demo data', () => {
  it('has a handful of referrals and a synced ledger, the same for the same options', () => {
    const make = () => {
      const { db } = openDatabase(':memory:', { create: true });
      generateDemo(db, { customers: 2000, orders: 30_000, asOf: '2026-11-20' });
      return db;
    };
    const db = make();
    const again = make();
    try {
      expect(contentsOf(again, LOYALTY_TABLES)).toEqual(contentsOf(db, LOYALTY_TABLES));
      expect(count(db, 'SELECT count(*) FROM referrals')).toBeGreaterThanOrEqual(8);
      expect(count(db, 'SELECT count(*) FROM referrals')).toBeLessThanOrEqual(12);
      expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'referral'")).toBeGreaterThan(0);
      // Only the programme week earns: one earn entry per order since 2026-11-14.
      expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'earn'")).toBe(count(db, "SELECT count(*) FROM orders WHERE order_date >= '2026-11-14' AND amount_cents >= 100"));
      expect(count(db, "SELECT count(*) FROM points_ledger WHERE kind = 'earn'")).toBeGreaterThan(0);
      expect(count(db, "SELECT count(*) FROM loyalty_accounts WHERE level <> 'basic'")).toBeGreaterThan(0);
      for (const r of balancesAndSums(db)) expect(r.balance).toBe(r.sum);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
      again.close();
    }
  }, 120_000);
});
