import type { Database } from 'better-sqlite3';

/** Orders for export, with their customer's code and name; streamed, never loaded whole. */
export type OrderExportRecord = {
  id: number;
  orderNo: string | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  orderDate: string;
  amountCents: number;
  quantity: number;
  items: string | null;
  category: string | null;
  channel: string | null;
};

export function exportQueries(db: Database) {
  const orders = db.prepare<[], OrderExportRecord>(
    `SELECT o.id, o.order_no AS orderNo, o.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
            o.order_date AS orderDate, o.amount_cents AS amountCents, o.quantity, o.items, o.category, o.channel
       FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id`,
  );
  return { orders: () => orders.iterate() };
}
