import type { Database } from 'better-sqlite3';
import { importBatchQueries, revertQueries, type ChangeTable } from '../db/importBatches';

/**
 * Inserted child rows go first (an inserted primary contact must be gone before
 * the old primary gets its flag back), then updated rows are restored (an updated
 * order may point at an inserted customer), then inserted parents go.
 */
const CHILDREN: ChangeTable[] = ['orders', 'interactions', 'complaints', 'contacts'];
const PARENTS: ChangeTable[] = ['customers', 'tags', 'staff'];

/**
 * Reverts a batch in one transaction: updated rows get their old values back
 * (newest change first), then inserted rows are deleted. Rows added later that
 * point at imported records stop the revert with a clear message.
 */
export function revertBatch(db: Database, batchId: number, at: string): { restored: number; deleted: number } {
  const batches = importBatchQueries(db);
  const undo = revertQueries(db);
  const batch = batches.get(batchId);
  if (!batch) throw new Error(`import batch ${batchId} does not exist`);
  if (batch.reverted_at) throw new Error(`import batch ${batchId} was already reverted at ${batch.reverted_at}`);
  return db.transaction(() => {
    const changes = batches.changesNewestFirst(batchId);
    let restored = 0;
    let deleted = 0;
    const deleteInserted = (tables: ChangeTable[]) => {
      for (const table of tables) {
        for (const c of changes) {
          if (c.action !== 'insert' || c.table_name !== table) continue;
          try {
            deleted += undo.deleteRange(table, c.first_id, c.last_id);
          } catch (err) {
            if (err instanceof Error && /FOREIGN KEY/.test(err.message)) {
              throw new Error(`import batch ${batchId} cannot be reverted: ${table} it added are now used by records entered after the import`, { cause: err });
            }
            throw err;
          }
        }
      }
    };
    deleteInserted(CHILDREN);
    for (const c of changes) {
      if (c.action !== 'update' || c.before === null) continue;
      undo.restoreRow(c.table_name, c.first_id, JSON.parse(c.before) as Record<string, unknown>);
      restored++;
    }
    deleteInserted(PARENTS);
    batches.markReverted(batchId, at);
    return { restored, deleted };
  }).immediate();
}
