import type { BatchResult } from '../../shared/domain/bulkEdit';
import { orderAmountField, type OrderAmountSaved } from '../../shared/domain/orderEdit';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries, encodeAuditValue, type AuditRecord } from '../db/audit';
import { orderQueries, type OrderRecord } from '../db/orders';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';

/** Tables an amount change touches: the order, the rollups its triggers update, the trail. */
const changedTables = ['orders', 'customers', 'audit_log'];

const toSummary = ({ customerId: _customer, ...order }: OrderRecord) => order;

/**
 * Order amounts edited on the profile (money typed in yuan, stored in cents). Each change is
 * one transaction with its audit row under a batch of its own, which customers:revert
 * undoes like a customer edit; the customer's total and the other rollups follow through
 * the order triggers.
 */
export function orderEditService(ctx: ServiceContext) {
  const orders = orderQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const mustOrder = (id: number): OrderRecord => {
    const order = orders.get(id);
    if (!order) throw keyedError('not_found', 'orderMissing', { id });
    return order;
  };

  return {
    setAmount(id: number, amountCents: number): OrderAmountSaved {
      if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new PatronError('invalid_request', `order ${id}: amount must be whole cents, not negative (got ${amountCents})`);
      const at = nowIso(ctx);
      const batchId = newBatchId();
      const saved = ctx.db.transaction(() => {
        const before = mustOrder(id);
        if (before.amountCents === amountCents) return before;
        orders.setAmount(id, amountCents);
        audit.record({ actor: ctx.actor, entity: 'order', entityId: id, action: 'update', field: orderAmountField, oldValue: before.amountCents, newValue: amountCents, at, batchId });
        return mustOrder(id);
      }).immediate();
      ctx.emit('db:changed', { tables: changedTables, customerIds: [saved.customerId] });
      return { ...toSummary(saved), batchId };
    },
  };
}

/**
 * Undo of an order amount batch as a new batch (redo reverts that one): each amount goes back
 * to its old value unless it was changed again since. Runs inside the caller's transaction.
 */
export function revertOrderBatch(ctx: ServiceContext, records: readonly AuditRecord[]): BatchResult & { customerIds: number[] } {
  const orders = orderQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const next = newBatchId();
  const at = nowIso(ctx);
  const customerIds = new Set<number>();
  for (const r of [...records].reverse()) {
    if (r.field !== orderAmountField || r.action !== 'update') throw new PatronError('conflict', `batch ${r.batch_id ?? ''} is not an order amount change`);
    const order = orders.get(r.entity_id);
    if (!order) throw new PatronError('not_found', `order ${r.entity_id} no longer exists`);
    if (encodeAuditValue(order.amountCents) !== r.new_value) throw new PatronError('conflict', `order ${r.entity_id}: the amount was changed again since, so this change cannot be undone`);
    const old = Number(r.old_value);
    if (!Number.isSafeInteger(old)) throw new PatronError('internal', `order ${r.entity_id}: recorded amount ${String(r.old_value)} is not whole cents`);
    orders.setAmount(r.entity_id, old);
    audit.record({ actor: ctx.actor, entity: 'order', entityId: r.entity_id, action: 'update', field: orderAmountField, oldValue: order.amountCents, newValue: old, at, batchId: next });
    customerIds.add(order.customerId);
  }
  return { batchId: next, changed: records.length, customerIds: [...customerIds] };
}

export const orderEditTables = changedTables;
