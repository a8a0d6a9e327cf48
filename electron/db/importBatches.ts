import type { Database } from 'better-sqlite3';
import type { ImportTarget } from '../../shared/import/targets';

/** Import history and saved mappings (migration 0004). */
export type ChangeTable = 'customers' | 'contacts' | 'orders' | 'interactions' | 'complaints' | 'staff' | 'tags';

export interface BatchRecord {
  id: number;
  target: ImportTarget;
  file_name: string;
  actor: string;
  imported_at: string;
  backup_path: string | null;
  new_rows: number;
  updated_rows: number;
  skipped_rows: number;
  error_rows: number;
  reverted_at: string | null;
}

export interface ChangeRecord {
  seq: number;
  table_name: ChangeTable;
  action: 'insert' | 'update';
  first_id: number;
  last_id: number;
  before: string | null;
}

export interface MappingRecord {
  id: number;
  target: ImportTarget;
  name: string;
  mapping: string;
  updated_at: string;
}

export function importBatchQueries(db: Database) {
  const insertBatch = db.prepare<{ target: string; fileName: string; actor: string; at: string; backupPath: string | null }>(
    'INSERT INTO import_batches (target, file_name, actor, imported_at, backup_path) VALUES (@target, @fileName, @actor, @at, @backupPath)',
  );
  const setCounts = db.prepare<{ id: number; n: number; u: number; s: number; e: number }>(
    'UPDATE import_batches SET new_rows = @n, updated_rows = @u, skipped_rows = @s, error_rows = @e WHERE id = @id',
  );
  const insertChange = db.prepare<[number, number, string, string, number, number, string | null]>(
    'INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id, before) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[], BatchRecord>('SELECT * FROM import_batches ORDER BY id DESC');
  const get = db.prepare<[number], BatchRecord>('SELECT * FROM import_batches WHERE id = ?');
  const changes = db.prepare<[number], ChangeRecord>('SELECT seq, table_name, action, first_id, last_id, before FROM import_changes WHERE batch_id = ? ORDER BY seq DESC');
  const markReverted = db.prepare<[string, number]>('UPDATE import_batches SET reverted_at = ? WHERE id = ?');
  const mappings = db.prepare<[string], MappingRecord>('SELECT * FROM import_mappings WHERE target = ? ORDER BY name');
  const saveMapping = db.prepare<{ target: string; name: string; mapping: string; at: string }>(
    `INSERT INTO import_mappings (target, name, mapping, updated_at) VALUES (@target, @name, @mapping, @at)
     ON CONFLICT (target, name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  );
  const deleteMapping = db.prepare<[number]>('DELETE FROM import_mappings WHERE id = ?');
  return {
    createBatch: (b: { target: string; fileName: string; actor: string; at: string; backupPath: string | null }) => Number(insertBatch.run(b).lastInsertRowid),
    setCounts: (id: number, n: number, u: number, s: number, e: number) => setCounts.run({ id, n, u, s, e }),
    addChange: (batch: number, seq: number, table: ChangeTable, action: 'insert' | 'update', first: number, last: number, before: string | null) =>
      insertChange.run(batch, seq, table, action, first, last, before),
    list: () => list.all(),
    get: (id: number) => get.get(id),
    changesNewestFirst: (id: number) => changes.all(id),
    markReverted: (id: number, at: string) => markReverted.run(at, id),
    mappings: (target: string) => mappings.all(target),
    saveMapping: (m: { target: string; name: string; mapping: string; at: string }) => saveMapping.run(m),
    deleteMapping: (id: number) => deleteMapping.run(id).changes > 0,
  };
}

const restorable: Record<ChangeTable, true> = { customers: true, contacts: true, orders: true, interactions: true, complaints: true, staff: true, tags: true };

/** Undoes recorded changes: inserted id ranges are deleted, updated rows get their old values back. */
export function revertQueries(db: Database) {
  const columns = new Map<string, string[]>();
  const columnsOf = (table: ChangeTable): string[] => {
    if (!(table in restorable)) throw new Error(`not a revertible table: ${table}`);
    let cols = columns.get(table);
    if (!cols) {
      cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
      columns.set(table, cols);
    }
    return cols;
  };
  const customerTags = db.prepare<[number]>('DELETE FROM customer_tags WHERE customer_id = ?');
  const linkTag = db.prepare<[number, string]>('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) SELECT ?, id FROM tags WHERE name = ?');
  return {
    deleteRange(table: ChangeTable, first: number, last: number): number {
      columnsOf(table);
      return db.prepare(`DELETE FROM ${table} WHERE id BETWEEN ? AND ?`).run(first, last).changes;
    },
    restoreRow(table: ChangeTable, id: number, before: Record<string, unknown>): void {
      // Column names come from the table itself, never from the stored JSON.
      const cols = columnsOf(table).filter((c) => c in before);
      if (cols.length > 0) {
        db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(cols.map((c) => [c, before[c]])), id });
      }
      if (table === 'customers' && Array.isArray(before.__tags)) {
        customerTags.run(id);
        for (const t of before.__tags) if (typeof t === 'string') linkTag.run(id, t);
      }
    },
  };
}
