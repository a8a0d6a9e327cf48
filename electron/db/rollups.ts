import type { Database } from 'better-sqlite3';
import { recreateEmpty } from './recreate';

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

const ROLLUP_TABLES = ['customer_monthly', 'customer_rollups'] as const;

/**
 * Both tables are emptied by dropping and recreating them (recreate.ts): a
 * DELETE of a million monthly rows went row by row and cost more than the
 * whole rebuild does now. Their indexes are made after the rows are in.
 */
const FILL_MONTHLY = `
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(at, 1, 7), o, amount, i FROM (
  SELECT customer_id, order_date AS at, 1 AS o, amount_cents AS amount, 0 AS i FROM orders
  UNION ALL
  SELECT customer_id, occurred_at, 0, 0, 1 FROM interactions
  ORDER BY 1, 2
) WHERE true
ON CONFLICT (customer_id, month) DO UPDATE SET
  order_count = order_count + excluded.order_count,
  amount_cents = amount_cents + excluded.amount_cents,
  interaction_count = interaction_count + excluded.interaction_count`;

const FILL_ROLLUPS = [
  `INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
   SELECT customer_id, count(*), count(DISTINCT order_date), sum(amount_cents), min(order_date), max(order_date) FROM orders GROUP BY customer_id`,
  `INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at)
   SELECT customer_id, count(*), max(occurred_at) FROM interactions WHERE true GROUP BY customer_id
   ON CONFLICT (customer_id) DO UPDATE SET interaction_count = excluded.interaction_count, last_interaction_at = excluded.last_interaction_at`,
];

function rebuild(db: Database): void {
  const makeIndexes = recreateEmpty(db, ROLLUP_TABLES);
  // One merged pass over both covering indexes (orders_customer_date and
  // interactions_customer_time, merged in order by SQLite without a sort):
  // rows arrive grouped by customer and month, so every upsert lands on the
  // page the previous one touched.
  db.exec(FILL_MONTHLY);
  for (const sql of FILL_ROLLUPS) db.exec(sql);
  makeIndexes();
}

/**
 * Recomputes both tables from orders and interactions. Runs inside the
 * caller's transaction if there is one. Otherwise it owns the connection for
 * its one transaction and switches foreign key checks off around it (the
 * pragma cannot change inside a transaction): every row it writes comes from
 * an order or interaction whose customer_id the same constraint already
 * holds to an existing customer, so the check would prove nothing, yet it
 * costs one seek into customers per written row (a million monthly rows at
 * 1M orders, about a third of writing them).
 */
export function rebuildRollups(db: Database): void {
  if (db.inTransaction) {
    rebuild(db);
    return;
  }
  const checked = db.pragma('foreign_keys', { simple: true }) === 1;
  if (checked) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => rebuild(db)).immediate();
  } finally {
    if (checked) db.pragma('foreign_keys = ON');
  }
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
