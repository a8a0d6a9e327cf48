import { localToday } from '../../shared/domain/dates';
import type { CustomerDetail, CustomerPatch, CustomerRow } from '../../shared/domain/customer';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries } from '../db/audit';
import { customerQueries } from '../db/customers';
import { nowIso, type ServiceContext } from './context';

export function customerService(ctx: ServiceContext) {
  const q = customerQueries(ctx.db);
  const audit = auditQueries(ctx.db);

  const mustGet = (id: number): CustomerDetail => {
    const c = q.get(id);
    if (!c) throw new PatronError('not_found', `customer ${id} does not exist`);
    return c;
  };

  return {
    list(): { rows: CustomerRow[]; asOf: string } {
      return { rows: q.list(), asOf: localToday(ctx.now()) };
    },

    get: mustGet,

    /** Saves a validated patch and its audit trail in one transaction; unchanged fields are not logged. */
    update(id: number, patch: CustomerPatch): CustomerDetail {
      const fields = Object.keys(patch) as (keyof CustomerPatch)[];
      const at = nowIso(ctx);
      let changed = false;
      ctx.db.transaction(() => {
        const before = q.currentValues(id, fields);
        if (!before) throw new PatronError('not_found', `customer ${id} does not exist`);
        if (patch.ownerId != null && !q.staffExists(patch.ownerId)) {
          throw new PatronError('invalid_request', `staff member ${patch.ownerId} does not exist`, [{ path: 'patch.ownerId', message: 'unknown staff member' }]);
        }
        const diff = Object.fromEntries(fields.filter((f) => before[f] !== patch[f]).map((f) => [f, patch[f]])) as CustomerPatch;
        const diffFields = Object.keys(diff) as (keyof CustomerPatch)[];
        if (diffFields.length === 0) return;
        q.update(id, diff, at);
        for (const f of diffFields) {
          audit.record({ actor: ctx.actor, entity: 'customer', entityId: id, action: 'update', field: f, oldValue: before[f], newValue: diff[f], at });
        }
        changed = true;
      })();
      if (changed) ctx.emit('db:changed', { tables: ['customers', 'audit_log'] });
      return mustGet(id);
    },
  };
}
