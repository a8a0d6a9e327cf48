import type { Database } from 'better-sqlite3';

/** The texts a customer's search keys are computed from, and the keys. */
export interface SearchKeysRow {
  customerId: number;
  name: string;
  contact: string | null;
  pinyin: string;
}

/**
 * The stored quick-search keys (customer_search, 0005). The keys are valid while the
 * stored name and contact equal the customer's current name and main contact's name;
 * `SEARCH_KEYS_COLUMN` gives NULL otherwise, so a reader knows to recompute them.
 */
export const SEARCH_KEYS_JOIN = 'LEFT JOIN customer_search cs ON cs.customer_id = c.id';
/** Needs `c` (customers), `pc` (the main contact) and SEARCH_KEYS_JOIN. */
export const SEARCH_KEYS_COLUMN = 'CASE WHEN cs.name = c.name AND cs.contact IS pc.name THEN cs.pinyin END AS search_keys';

export function customerSearchQueries(db: Database) {
  const upsert = db.prepare<[number, string, string | null, string]>(
    `INSERT INTO customer_search (customer_id, name, contact, pinyin) VALUES (?, ?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, contact = excluded.contact, pinyin = excluded.pinyin`,
  );
  const stale = db.prepare<[], { customerId: number; name: string; contact: string | null }>(
    `SELECT c.id AS customerId, c.name, pc.name AS contact
       FROM customers c
       LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
       ${SEARCH_KEYS_JOIN}
      WHERE cs.customer_id IS NULL OR cs.name IS NOT c.name OR cs.contact IS NOT pc.name`,
  );
  const saveAll = db.transaction((rows: readonly SearchKeysRow[]) => {
    for (const r of rows) upsert.run(r.customerId, r.name, r.contact, r.pinyin);
  });

  return {
    /** Customers whose keys are missing or were computed from other texts. */
    stale: () => stale.all(),
    /** Stores keys in one transaction (inside the caller's, if any). */
    save(rows: readonly SearchKeysRow[]): void {
      if (rows.length > 0) saveAll(rows);
    },
  };
}
