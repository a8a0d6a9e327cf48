import type { Database } from 'better-sqlite3';
import type { ComplaintSummary, Interaction, InteractionInput, OrderSummary, StaffOption } from '../../shared/domain/profile';

/** Reads for the profile page (orders, interactions, complaints) and the interaction log. */
export function activityQueries(db: Database) {
  const orders = db.prepare<[number, number], OrderSummary>(
    `SELECT id, order_no AS orderNo, order_date AS orderDate, amount_cents AS amountCents, quantity, items, category, channel
       FROM orders WHERE customer_id = ? ORDER BY order_date DESC, id DESC LIMIT ?`,
  );
  const interactions = db.prepare<[number, number], Interaction>(
    `SELECT i.id, i.occurred_at AS occurredAt, i.channel, i.summary, s.name AS staffName, i.next_follow_up AS nextFollowUp
       FROM interactions i LEFT JOIN staff s ON s.id = i.staff_id
      WHERE i.customer_id = ? ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`,
  );
  const complaints = db.prepare<[number, number], ComplaintSummary>(
    `SELECT id, opened_at AS openedAt, category, severity, description, resolved_at AS resolvedAt
       FROM complaints WHERE customer_id = ? ORDER BY opened_at DESC, id DESC LIMIT ?`,
  );
  const insertInteraction = db.prepare(
    `INSERT INTO interactions (customer_id, occurred_at, channel, summary, staff_id, next_follow_up, created_at)
     VALUES (@customerId, @occurredAt, @channel, @summary, @staffId, @nextFollowUp, @at)`,
  );
  const staff = db.prepare<[], StaffOption>('SELECT id, name FROM staff WHERE active = 1 ORDER BY name');
  const staffByName = db.prepare<[string], number>('SELECT id FROM staff WHERE name = ?').pluck();
  return {
    orders: (customerId: number, limit: number) => orders.all(customerId, limit),
    interactions: (customerId: number, limit: number) => interactions.all(customerId, limit),
    complaints: (customerId: number, limit: number) => complaints.all(customerId, limit),
    addInteraction: (customerId: number, i: Required<Omit<InteractionInput, 'occurredAt'>> & { occurredAt: string }, staffId: number | null, at: string) =>
      Number(insertInteraction.run({ ...i, customerId, staffId, at }).lastInsertRowid),
    staff: () => staff.all(),
    staffIdByName: (name: string) => staffByName.get(name) ?? null,
  };
}
