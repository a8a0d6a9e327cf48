import type { BatchResult } from '../../shared/domain/bulkEdit';
import type { ContactInput } from '../../shared/domain/profile';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries, encodeAuditValue, type AuditRecord } from '../db/audit';
import { contactColumns, contactCustomerField, contactQueries, type ContactRow } from '../db/contacts';
import { customerQueries } from '../db/customers';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';

type Field = keyof ContactInput;
const fields = Object.keys(contactColumns) as Field[];

function valuesOf(r: ContactRow): ContactInput {
  return { name: r.name, title: r.title, phone: r.phone, email: r.email, wechat: r.wechat, birthday: r.birthday, isPrimary: r.is_primary === 1, notes: r.notes };
}

/** An audit value back as the contact field holds it (booleans are stored as JSON). */
function decode(field: string, value: string | null): unknown {
  if (value === null) return null;
  if (field === 'isPrimary') return value === 'true';
  if (field === contactCustomerField) return Number(value);
  return value;
}

/**
 * Undo of one contact write (add, edit, remove, and the primary contact it demoted), as a new
 * batch that redo reverts in turn: an added contact is removed, an edited one gets its old
 * values back, a removed one returns under its old id. A contact changed again since is
 * refused rather than overwritten. Runs inside the caller's transaction.
 */
export function revertContactBatch(ctx: ServiceContext, records: readonly AuditRecord[]): BatchResult & { customerIds: number[] } {
  const audit = auditQueries(ctx.db);
  const contacts = contactQueries(ctx.db);
  const customers = customerQueries(ctx.db);
  const next = newBatchId();
  const at = nowIso(ctx);
  const customerIds = new Set<number>();
  // One group per contact, undone last-written first.
  const groups = new Map<number, AuditRecord[]>();
  for (const r of records) groups.set(r.entity_id, [...(groups.get(r.entity_id) ?? []), r]);
  const log = (id: number, action: 'insert' | 'update' | 'delete', before: ContactInput | null, after: ContactInput | null, customerId: number) => {
    for (const field of fields) {
      const oldValue = before?.[field] ?? null;
      const newValue = after?.[field] ?? null;
      if (oldValue !== newValue) audit.record({ actor: ctx.actor, entity: 'contact', entityId: id, action, field, oldValue, newValue, at, batchId: next });
    }
    if (action === 'delete') audit.record({ actor: ctx.actor, entity: 'contact', entityId: id, action, field: contactCustomerField, oldValue: customerId, newValue: null, at, batchId: next });
  };
  const changedSince = (id: number) => new PatronError('conflict', `contact ${id} was changed again since, so this change cannot be undone`);

  for (const [id, group] of [...groups].reverse()) {
    const action = group[0]?.action;
    const current = contacts.get(id);
    if (action === 'delete') {
      // Removed: put it back as it was, unless its id has been taken or its customer is gone.
      if (current) throw changedSince(id);
      const restored: Record<string, unknown> = { isPrimary: false };
      for (const f of fields) restored[f] ??= null;
      let customerId = 0;
      for (const r of group) {
        const value = decode(r.field ?? '', r.old_value);
        if (r.field === contactCustomerField) customerId = value as number;
        else if (r.field) restored[r.field] = value;
      }
      if (!customers.exists(customerId)) throw new PatronError('not_found', `customer ${customerId} no longer exists`);
      const input = restored as unknown as ContactInput;
      if (input.isPrimary && contacts.primaryOf(customerId).length > 0) throw changedSince(id);
      contacts.insertWithId(id, customerId, input, at);
      log(id, 'insert', null, input, customerId);
      customerIds.add(customerId);
      continue;
    }
    if (!current) throw changedSince(id);
    const now = valuesOf(current);
    for (const r of group) {
      if (r.field && encodeAuditValue(now[r.field as Field]) !== r.new_value) throw changedSince(id);
    }
    customerIds.add(current.customer_id);
    if (action === 'insert') {
      // Added: remove it again.
      contacts.remove(id);
      log(id, 'delete', now, null, current.customer_id);
      continue;
    }
    const back: Record<string, unknown> = { ...now };
    for (const r of group) if (r.field) back[r.field] = decode(r.field, r.old_value);
    contacts.update(id, back as unknown as ContactInput, at);
    log(id, 'update', now, back as unknown as ContactInput, current.customer_id);
  }
  return { batchId: next, changed: records.length, customerIds: [...customerIds] };
}
