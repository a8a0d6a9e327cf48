import type { BatchResult } from '../../shared/domain/bulkEdit';
import { refreshIds } from '../../shared/domain/rowRefresh';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries, encodeAuditValue } from '../db/audit';
import { customerQueries, sortTags, type ColumnField } from '../db/customers';
import { revertContactBatch } from './contactUndo';
import { orderEditTables, revertOrderBatch } from './orderEdits';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';
import { backupInBackground } from './safety';

/** Audit values are text; turn one back into the value its field holds. */
function decode(field: string, value: string | null): unknown {
  if (value === null) return null;
  if (field === 'ownerId') return Number(value);
  if (field === 'tags') return JSON.parse(value) as unknown;
  return value;
}

/**
 * Undo and redo of customer edits (and of contact edits, see contactUndo.ts, and order amounts, see orderEdits.ts). Undoing a batch writes the old values back as a
 * new batch (so the trail shows the undo too); redo is the undo of that batch.
 * A field changed again since the batch is refused rather than silently overwritten.
 */
export function undoService(ctx: ServiceContext) {
  const audit = auditQueries(ctx.db);
  const q = customerQueries(ctx.db);

  return {
    revert(batchId: string): BatchResult {
      const records = audit.byBatch(batchId);
      if (records.length === 0) throw new PatronError('not_found', `no changes recorded under batch ${batchId}`);
      if (records.every((r) => r.entity === 'contact')) {
        const result = ctx.db.transaction(() => revertContactBatch(ctx, records)).immediate();
        ctx.emit('db:changed', { tables: ['contacts', 'audit_log'], customerIds: refreshIds(result.customerIds) });
        return { batchId: result.batchId, changed: result.changed };
      }
      if (records.every((r) => r.entity === 'order')) {
        const result = ctx.db.transaction(() => revertOrderBatch(ctx, records)).immediate();
        ctx.emit('db:changed', { tables: orderEditTables, customerIds: refreshIds(result.customerIds) });
        return { batchId: result.batchId, changed: result.changed };
      }
      if (records.some((r) => r.entity !== 'customer' || r.action !== 'update' || r.field === null)) {
        throw new PatronError('conflict', 'this batch is not a customer edit; a merge is undone from the duplicates page');
      }
      const customers = new Set(records.map((r) => r.entity_id));
      const next = newBatchId();
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        for (const r of [...records].reverse()) {
          const field = r.field ?? '';
          const current = field === 'tags' ? q.tags(r.entity_id) : q.currentValues(r.entity_id, [field as ColumnField])?.[field];
          if (current === undefined) throw new PatronError('not_found', `customer ${r.entity_id} no longer exists`);
          if (encodeAuditValue(current) !== r.new_value) {
            throw new PatronError('conflict', `customer ${r.entity_id}: ${field} was changed again since, so this change cannot be undone`);
          }
          // The old value was valid when it was stored; it goes back as it was.
          const old = decode(field, r.old_value);
          if (field === 'tags') q.setTags(r.entity_id, sortTags(old as string[]), at);
          else q.update(r.entity_id, { [field]: old }, at);
          audit.record({ actor: ctx.actor, entity: 'customer', entityId: r.entity_id, action: 'update', field, oldValue: r.new_value, newValue: r.old_value, at, batchId: next });
        }
      }).immediate();
      ctx.emit('db:changed', { tables: ['customers', 'customer_tags', 'tags', 'audit_log'], customerIds: refreshIds([...customers]) });
      if (customers.size > 1) backupInBackground(ctx, 'bulk-edit');
      return { batchId: next, changed: records.length };
    },
  };
}
