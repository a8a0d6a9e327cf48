import type { Database } from 'better-sqlite3';

/**
 * Per-customer rollups (customer_rollups, customer_monthly). Triggers from
 * migration 0002 keep them current on every order or interaction write; this
 * module holds the full rebuild for repair and for bulk loads that suspend the
 * triggers, and the comparison the repair check uses.
 */
export interface RollupRow {
  customer_id: number;
  order_count: number;
  order_days: number;
  total_cents: number;
  first_order_date: string | null;
  last_order_date: string | null;
  interaction_count: number;
  last_interaction_at: string | null;
}

export interface MonthlyRow {
  customer_id: number;
  month: string;
  order_count: number;
  amount_cents: number;
  interaction_count: number;
}

const REBUILD_SQL = `
DELETE FROM customer_rollups;
DELETE FROM customer_monthly;
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(order_date, 1, 7), count(*), sum(amount_cents), 0 FROM orders GROUP BY 1, 2;
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(occurred_at, 1, 7), 0, 0, count(*) FROM interactions WHERE true GROUP BY 1, 2
ON CONFLICT (customer_id, month) DO UPDATE SET interaction_count = excluded.interaction_count;
INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
SELECT customer_id, count(*), count(DISTINCT order_date), sum(amount_cents), min(order_date), max(order_date) FROM orders GROUP BY customer_id;
INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at)
SELECT customer_id, count(*), max(occurred_at) FROM interactions WHERE true GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET interaction_count = excluded.interaction_count, last_interaction_at = excluded.last_interaction_at;
`;

/** Recomputes both tables from orders and interactions. Runs inside the caller's transaction if there is one. */
export function rebuildRollups(db: Database): void {
  if (db.inTransaction) db.exec(REBUILD_SQL);
  else db.transaction(() => db.exec(REBUILD_SQL))();
}

export function rollupQueries(db: Database) {
  const all = db.prepare<[], RollupRow>('SELECT * FROM customer_rollups ORDER BY customer_id');
  const monthly = db.prepare<[], MonthlyRow>('SELECT * FROM customer_monthly ORDER BY customer_id, month');
  const one = db.prepare<[number], RollupRow>('SELECT * FROM customer_rollups WHERE customer_id = ?');
  return {
    all: () => all.all(),
    monthly: () => monthly.all(),
    get: (customerId: number) => one.get(customerId) ?? null,
  };
}

/**
 * For bulk loads (the demo generator, a large import): drops the rollup
 * triggers and returns a function that rebuilds the rollups in one pass and
 * puts the triggers back exactly as the schema defines them. Call both inside
 * the same transaction, so no other writer ever sees the triggers missing.
 */
export function suspendRollupTriggers(db: Database): () => void {
  const triggers = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('orders', 'interactions') AND name LIKE '%rollup%' ORDER BY name")
    .all();
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    rebuildRollups(db);
    for (const t of triggers) db.exec(t.sql);
  };
}
