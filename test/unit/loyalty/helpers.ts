import type { Database } from 'better-sqlite3';
import { defaultLoyaltySettings, type LoyaltySettings } from '../../../shared/domain/loyalty';
import { runLoyaltySync } from '../../../electron/services/loyaltySync';

/** Loyalty settings for a test: the defaults with the given changes. */
export function settingsWith(patch: Partial<LoyaltySettings>): LoyaltySettings {
  return { ...defaultLoyaltySettings, ...patch };
}

export function addCustomer(db: Database, code: string, opts: { birthday?: string } = {}): number {
  const id = Number(db.prepare("INSERT INTO customers (code, kind, name) VALUES (?, 'person', ?)").run(code, `客户 ${code}`).lastInsertRowid);
  if (opts.birthday) db.prepare("INSERT INTO contacts (customer_id, name, birthday, is_primary) VALUES (?, '联系人', ?, 1)").run(id, opts.birthday);
  return id;
}

export function addOrder(db: Database, customerId: number, date: string, cents: number): number {
  return Number(db.prepare('INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)').run(customerId, date, cents).lastInsertRowid);
}

export function sync(db: Database, settings: LoyaltySettings, asOf = '2026-11-23') {
  return runLoyaltySync(db, { asOf, actor: 'tester', settings }, { now: () => new Date(`${asOf}T09:00:00Z`) });
}

/** Every customer's stored balance next to the sum of its ledger (customers without an account count as 0). */
export function balancesAndSums(db: Database): { id: number; balance: number; sum: number }[] {
  return db
    .prepare(
      `SELECT c.id, COALESCE(a.balance, 0) AS balance, (SELECT COALESCE(sum(points), 0) FROM points_ledger p WHERE p.customer_id = c.id) AS sum
         FROM customers c LEFT JOIN loyalty_accounts a ON a.customer_id = c.id ORDER BY c.id`,
    )
    .all() as { id: number; balance: number; sum: number }[];
}

export const count = (db: Database, sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
