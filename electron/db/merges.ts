import type { Database, Statement } from 'better-sqlite3';

/** A table column that points at customers(id), found from the schema. */
export interface CustomerReference {
  table: string;
  column: string;
  withoutRowid: boolean;
}

export interface MergeRecordRow {
  id: number;
  batch_id: string;
  kept_id: number;
  merged_id: number;
  snapshot: string;
  actor: string;
  merged_at: string;
  undone_at: string | null;
}

export interface DuplicateFacts {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  contact_phone: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every column that references customers, read from the schema so that tables
 * added by later migrations (segments, warnings, visits …) move with a merge too.
 */
export function customerReferences(db: Database): CustomerReference[] {
  const tables = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'customers'")
    .all();
  const foreignKeys = db.prepare<[string], { table: string; from: string }>('SELECT "table", "from" FROM pragma_foreign_key_list(?)');
  const refs: CustomerReference[] = [];
  for (const t of tables) {
    const fks = foreignKeys.all(t.name);
    for (const fk of fks) {
      if (fk.table === 'customers') refs.push({ table: t.name, column: fk.from, withoutRowid: /WITHOUT\s+ROWID/i.test(t.sql) });
    }
  }
  return refs;
}

export function mergeQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO customer_merges (batch_id, kept_id, merged_id, snapshot, actor, merged_at)
     VALUES (@batchId, @keptId, @mergedId, @snapshot, @actor, @at)`,
  );
  const byBatch = db.prepare<[string], MergeRecordRow>('SELECT * FROM customer_merges WHERE batch_id = ?');
  const recent = db.prepare<[number], MergeRecordRow>('SELECT * FROM customer_merges ORDER BY id DESC LIMIT ?');
  const markUndone = db.prepare<[string, string]>('UPDATE customer_merges SET undone_at = ? WHERE batch_id = ?');
  const facts = db.prepare<[], DuplicateFacts>(
    `SELECT c.id, c.name, c.phone, c.email, pc.phone AS contact_phone
       FROM customers c LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 ORDER BY c.id`,
  );
  const rawCustomer = db.prepare<[number], Record<string, unknown>>('SELECT * FROM customers WHERE id = ?');
  const deleteCustomer = db.prepare<[number]>('DELETE FROM customers WHERE id = ?');
  const customerColumns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('customers')");
  const cache = new Map<string, Statement>();
  const stmt = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };

  return {
    record: (r: { batchId: string; keptId: number; mergedId: number; snapshot: string; actor: string; at: string }) => insert.run(r),
    byBatch: (batchId: string) => byBatch.get(batchId),
    recent: (limit: number) => recent.all(limit),
    markUndone: (batchId: string, at: string) => markUndone.run(at, batchId),
    duplicateFacts: () => facts.all(),
    rawCustomer: (id: number) => rawCustomer.get(id),
    deleteCustomer: (id: number) => deleteCustomer.run(id),

    /** Re-inserts a customer row exactly as snapshotted; only the table's real columns are used. */
    insertCustomer(row: Record<string, unknown>): void {
      const cols = customerColumns.all().map((c) => c.name).filter((c) => c in row);
      stmt(`INSERT INTO customers (${cols.map(quote).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
        Object.fromEntries(cols.map((c) => [c, row[c]])),
      );
    },

    rowids: (ref: CustomerReference, customerId: number) =>
      stmt(`SELECT rowid FROM ${quote(ref.table)} WHERE ${quote(ref.column)} = ?`).pluck().all(customerId) as number[],

    /** Moves what can move; rows a unique rule keeps back stay with the old customer. */
    move: (ref: CustomerReference, from: number, to: number) =>
      stmt(`UPDATE OR IGNORE ${quote(ref.table)} SET ${quote(ref.column)} = ? WHERE ${quote(ref.column)} = ?`).run(to, from).changes,

    moveBack: (ref: CustomerReference, rowids: number[], to: number) =>
      stmt(`UPDATE ${quote(ref.table)} SET ${quote(ref.column)} = ? WHERE rowid IN (SELECT value FROM json_each(?))`).run(to, JSON.stringify(rowids)),

    rowsOf: (ref: CustomerReference, customerId: number) =>
      stmt(`SELECT * FROM ${quote(ref.table)} WHERE ${quote(ref.column)} = ?`).all(customerId) as Record<string, unknown>[],

    reinsert(table: string, row: Record<string, unknown>): void {
      const cols = Object.keys(row).filter((c) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
      stmt(`INSERT OR IGNORE INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
        Object.fromEntries(cols.map((c) => [c, row[c]])),
      );
    },

    /** Deletes the one row equal to `row` in every column (tables without rowid). */
    deleteExact(table: string, row: Record<string, unknown>): void {
      const cols = Object.keys(row).filter((c) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
      stmt(`DELETE FROM ${quote(table)} WHERE ${cols.map((c) => `${quote(c)} IS @${c}`).join(' AND ')}`).run(Object.fromEntries(cols.map((c) => [c, row[c]])));
    },

    /** Primary contacts of the merged customer lose the flag when the kept one has a primary (one per customer). */
    primaryContactIds: (customerId: number) => stmt('SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1').pluck().all(customerId) as number[],
    setPrimary: (ids: number[], value: 0 | 1) => stmt('UPDATE contacts SET is_primary = ? WHERE id IN (SELECT value FROM json_each(?))').run(value, JSON.stringify(ids)),
  };
}
