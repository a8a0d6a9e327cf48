import type { Contact } from '../../shared/domain/customer';
import type { ContactInput, Interaction, InteractionInput, ProfileActivity, StaffOption } from '../../shared/domain/profile';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { activityQueries } from '../db/activity';
import { auditQueries, toAuditView } from '../db/audit';
import { contactColumns, contactCustomerField, contactQueries, type ContactRow } from '../db/contacts';
import { customerQueries } from '../db/customers';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';

const LIST_LIMIT = 200;

function contactValues(r: ContactRow): Record<keyof ContactInput, unknown> {
  return { name: r.name, title: r.title, phone: r.phone, email: r.email, wechat: r.wechat, birthday: r.birthday, isPrimary: r.is_primary === 1, notes: r.notes };
}

function toContact(r: ContactRow): Contact {
  return { id: r.id, name: r.name, title: r.title, phone: r.phone, email: r.email, wechat: r.wechat, birthday: r.birthday, isPrimary: r.is_primary === 1, notes: r.notes };
}

/** The profile page: contacts, the interaction log and the read-only activity lists. */
export function profileService(ctx: ServiceContext) {
  const contacts = contactQueries(ctx.db);
  const activity = activityQueries(ctx.db);
  const customers = customerQueries(ctx.db);
  const audit = auditQueries(ctx.db);

  const mustCustomer = (id: number) => {
    if (!customers.exists(id)) throw keyedError('not_found', 'customerMissing', { id });
  };
  const mustContact = (id: number): ContactRow => {
    const c = contacts.get(id);
    if (!c) throw keyedError('not_found', 'contactMissing', { id });
    return c;
  };
  // Only this customer's grid row changes (its main contact), so the grid refreshes just it.
  const changed = (customerId: number) => ctx.emit('db:changed', { tables: ['contacts', 'audit_log'], customerIds: [customerId] });

  /** Logs every field of a contact that differs between `before` and `after` under `batchId` (a removal also its customer, to put it back). */
  function logContact(batchId: string, id: number, action: 'insert' | 'update' | 'delete', before: ContactRow | null, after: ContactRow | null, at: string) {
    const b = before ? contactValues(before) : null;
    const a = after ? contactValues(after) : null;
    for (const field of Object.keys(contactColumns) as (keyof ContactInput)[]) {
      const oldValue = b?.[field] ?? null;
      const newValue = a?.[field] ?? null;
      if (oldValue !== newValue) audit.record({ actor: ctx.actor, entity: 'contact', entityId: id, action, field, oldValue, newValue, at, batchId });
    }
    if (action === 'delete' && before) audit.record({ actor: ctx.actor, entity: 'contact', entityId: id, action, field: contactCustomerField, oldValue: before.customer_id, newValue: null, at, batchId });
  }

  /** Makes room for a new primary contact; the demoted one is logged in the same batch, so an undo promotes it again. */
  function clearPrimary(batchId: string, customerId: number, keep: number | null, at: string) {
    for (const other of contacts.primaryOf(customerId)) {
      if (other === keep) continue;
      const before = mustContact(other);
      contacts.clearPrimary(customerId);
      logContact(batchId, other, 'update', before, mustContact(other), at);
    }
  }

  return {
    activity(customerId: number): ProfileActivity {
      mustCustomer(customerId);
      return {
        orders: activity.orders(customerId, LIST_LIMIT),
        interactions: activity.interactions(customerId, LIST_LIMIT),
        complaints: activity.complaints(customerId, LIST_LIMIT),
        audit: audit.forCustomer(customerId, LIST_LIMIT).map(toAuditView),
      };
    },

    staff(): StaffOption[] {
      return activity.staff();
    },

    addContact(customerId: number, input: ContactInput): Contact & { batchId: string } {
      const at = nowIso(ctx);
      const batchId = newBatchId();
      const id = ctx.db.transaction(() => {
        mustCustomer(customerId);
        if (input.isPrimary) clearPrimary(batchId, customerId, null, at);
        const newId = contacts.insert(customerId, input, at);
        logContact(batchId, newId, 'insert', null, mustContact(newId), at);
        return newId;
      }).immediate();
      changed(customerId);
      return { ...toContact(mustContact(id)), batchId };
    },

    updateContact(id: number, input: ContactInput): Contact & { batchId: string } {
      const at = nowIso(ctx);
      const batchId = newBatchId();
      const customerId = ctx.db.transaction(() => {
        const before = mustContact(id);
        if (input.isPrimary && before.is_primary !== 1) clearPrimary(batchId, before.customer_id, id, at);
        contacts.update(id, input, at);
        logContact(batchId, id, 'update', before, mustContact(id), at);
        return before.customer_id;
      }).immediate();
      changed(customerId);
      return { ...toContact(mustContact(id)), batchId };
    },

    removeContact(id: number): { removed: boolean; batchId: string } {
      const at = nowIso(ctx);
      const batchId = newBatchId();
      const customerId = ctx.db.transaction(() => {
        const before = mustContact(id);
        contacts.remove(id);
        logContact(batchId, id, 'delete', before, null, at);
        return before.customer_id;
      }).immediate();
      changed(customerId);
      return { removed: true, batchId };
    },

    /** Logs a call, visit, email, WeChat or store visit by the current user (when they are on the staff list). */
    logInteraction(customerId: number, input: InteractionInput): Interaction {
      const at = nowIso(ctx);
      const id = ctx.db.transaction(() => {
        mustCustomer(customerId);
        return activity.addInteraction(
          customerId,
          { channel: input.channel, occurredAt: input.occurredAt ?? at, summary: input.summary, nextFollowUp: input.nextFollowUp },
          activity.staffIdByName(ctx.actor),
          at,
        );
      }).immediate();
      ctx.emit('db:changed', { tables: ['interactions'] });
      const logged = activity.interactions(customerId, LIST_LIMIT).find((i) => i.id === id);
      if (!logged) throw new PatronError('internal', `interaction ${id} was not saved`);
      return logged;
    },
  };
}
