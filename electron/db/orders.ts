import type { Database } from 'better-sqlite3';
import type { OrderSummary } from '../../shared/domain/profile';

/** One order as the profile lists it, with its customer (the grid row its change refreshes). */
export type OrderRecord = OrderSummary & { customerId: number };

/** Single-order reads and the amount edit of the profile's order list. */
export function orderQueries(db: Database) {
  const byId = db.prepare<[number], OrderRecord>(
    `SELECT id, customer_id AS customerId, order_no AS orderNo, order_date AS orderDate, amount_cents AS amountCents, quantity, items, category, channel
       FROM orders WHERE id = ?`,
  );
  // The rollup triggers (migration 0002) move the customer's totals with the amount.
  const setAmount = db.prepare<[number, number]>('UPDATE orders SET amount_cents = ? WHERE id = ?');
  return {
    get: (id: number): OrderRecord | undefined => byId.get(id),
    setAmount: (id: number, cents: number): void => void setAmount.run(cents, id),
  };
}
