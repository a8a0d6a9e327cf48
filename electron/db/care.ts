import type { Database } from 'better-sqlite3';
import type { Tier } from '../../shared/domain/enums';
import type { CareKind } from '../../shared/warnings/dto';

export interface CareCandidate {
  kind: CareKind;
  ref_id: number;
  customer_id: number;
  customer_name: string;
  tier: Tier | null;
  label: string;
  /** Birthday, first order date (YYYY-MM-DD), or null for holidays. */
  date: string | null;
  done: 0 | 1;
}

const TIER = 'coalesce(c.tier_override, sr.tier)';

/**
 * Care reminders: contacts whose birthday and customers whose first order falls on
 * one of the given month-days, the holiday greeting audience, and the done marks.
 */
export function careQueries(db: Database) {
  // Month-days come as a JSON array ("MM-DD" …) so one statement serves any window length.
  const birthdays = db.prepare<[string], Omit<CareCandidate, 'done'>>(
    `SELECT 'birthday' AS kind, ct.id AS ref_id, c.id AS customer_id, c.name AS customer_name, ${TIER} AS tier, ct.name AS label, ct.birthday AS date
       FROM contacts ct JOIN customers c ON c.id = ct.customer_id LEFT JOIN segment_results sr ON sr.customer_id = c.id
      WHERE ct.birthday IS NOT NULL AND substr(ct.birthday, 6, 5) IN (SELECT value FROM json_each(?)) AND c.status <> 'lost'`,
  );
  const anniversaries = db.prepare<[string], Omit<CareCandidate, 'done'>>(
    `SELECT 'anniversary' AS kind, c.id AS ref_id, c.id AS customer_id, c.name AS customer_name, ${TIER} AS tier, '' AS label, r.first_order_date AS date
       FROM customer_rollups r JOIN customers c ON c.id = r.customer_id LEFT JOIN segment_results sr ON sr.customer_id = c.id
      WHERE r.first_order_date IS NOT NULL AND substr(r.first_order_date, 6, 5) IN (SELECT value FROM json_each(?)) AND c.status <> 'lost'`,
  );
  const audienceHigh = db.prepare<[number], Omit<CareCandidate, 'done' | 'label' | 'date' | 'kind'>>(
    `SELECT c.id AS ref_id, c.id AS customer_id, c.name AS customer_name, ${TIER} AS tier
       FROM customers c LEFT JOIN segment_results sr ON sr.customer_id = c.id
      WHERE ${TIER} = 'high' AND c.status <> 'lost' ORDER BY c.id LIMIT ?`,
  );
  const audienceActive = db.prepare<[number], Omit<CareCandidate, 'done' | 'label' | 'date' | 'kind'>>(
    `SELECT c.id AS ref_id, c.id AS customer_id, c.name AS customer_name, ${TIER} AS tier
       FROM customers c LEFT JOIN segment_results sr ON sr.customer_id = c.id
      WHERE c.status = 'active' ORDER BY (${TIER} = 'high') DESC, c.id LIMIT ?`,
  );
  const doneIn = db.prepare<[string, string], { kind: CareKind; ref_id: number; occasion: string }>('SELECT kind, ref_id, occasion FROM care_done WHERE occasion >= ? AND occasion <= ?');
  const markDone = db.prepare<[string, number, string, number, string, string]>(
    'INSERT OR IGNORE INTO care_done (kind, ref_id, occasion, customer_id, done_at, actor) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const unmark = db.prepare<[string, number, string]>('DELETE FROM care_done WHERE kind = ? AND ref_id = ? AND occasion = ?');
  const contactCustomer = db.prepare<[number], number>('SELECT customer_id FROM contacts WHERE id = ?').pluck();
  const customerExists = db.prepare<[number], number>('SELECT id FROM customers WHERE id = ?').pluck();
  return {
    birthdays: (monthDays: string[]) => birthdays.all(JSON.stringify(monthDays)),
    anniversaries: (monthDays: string[]) => anniversaries.all(JSON.stringify(monthDays)),
    audience: (who: 'high' | 'active', limit: number) => (who === 'high' ? audienceHigh : audienceActive).all(limit),
    doneKeys(from: string, to: string): Set<string> {
      return new Set(doneIn.all(from, to).map((r) => `${r.kind}:${r.ref_id}:${r.occasion}`));
    },
    /** The customer a care reminder belongs to, or null when its contact or customer is gone. */
    customerOf: (kind: CareKind, refId: number): number | null => (kind === 'birthday' ? contactCustomer.get(refId) : customerExists.get(refId)) ?? null,
    markDone: (kind: CareKind, refId: number, occasion: string, customerId: number, at: string, actor: string) => markDone.run(kind, refId, occasion, customerId, at, actor).changes,
    unmark: (kind: CareKind, refId: number, occasion: string) => unmark.run(kind, refId, occasion).changes,
  };
}
