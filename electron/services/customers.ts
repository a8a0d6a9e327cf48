import { randomUUID } from 'node:crypto';
import type { BatchResult, BulkPatch } from '../../shared/domain/bulkEdit';
import type { CustomerDetail, CustomerPatch, CustomerRow } from '../../shared/domain/customer';
import { localToday } from '../../shared/domain/dates';
import { refreshIds } from '../../shared/domain/rowRefresh';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries, encodeAuditValue } from '../db/audit';
import { customerQueries, sortTags, type ColumnField, type ColumnPatch } from '../db/customers';
import { nowIso, type ServiceContext } from './context';
import { rowPinyin } from './pinyin';
import { backupInBackground } from './safety';

export const newBatchId = (): string => randomUUID();

/** Tables a customer edit wrote; the grid store refetches on them. */
const editTables = (tagsTouched: boolean) => (tagsTouched ? ['customers', 'audit_log', 'customer_tags', 'tags'] : ['customers', 'audit_log']);

export function customerService(ctx: ServiceContext) {
  const q = customerQueries(ctx.db);
  const audit = auditQueries(ctx.db);

  const mustGet = (id: number): CustomerDetail => {
    const c = q.get(id, rowPinyin);
    if (!c) throw keyedError('not_found', 'customerMissing', { id });
    return c;
  };

  /**
   * Applies a validated patch to one customer inside the caller's transaction and
   * logs each changed field under `batchId`. Returns how many fields changed.
   */
  function applyPatch(id: number, patch: CustomerPatch, batchId: string, at: string): number {
    const { tags, ...columns } = patch;
    const fields = Object.keys(columns) as ColumnField[];
    const before = q.currentValues(id, fields);
    if (!before) throw keyedError('not_found', 'customerMissing', { id });
    if (columns.ownerId != null && !q.staffExists(columns.ownerId)) {
      throw new PatronError('invalid_request', `staff member ${columns.ownerId} does not exist`, [{ path: 'patch.ownerId', message: 'unknown staff member' }]);
    }
    const diffFields = fields.filter((f) => before[f] !== columns[f]);
    const diff = Object.fromEntries(diffFields.map((f) => [f, columns[f]])) as ColumnPatch;
    if (diffFields.length > 0) q.update(id, diff, at);
    const log = (field: string, oldValue: unknown, newValue: unknown) =>
      audit.record({ actor: ctx.actor, entity: 'customer', entityId: id, action: 'update', field, oldValue, newValue, at, batchId });
    for (const f of diffFields) log(f, before[f], diff[f]);
    let changed = diffFields.length;
    if (tags !== undefined) {
      const oldTags = q.tags(id);
      const newTags = sortTags(tags);
      if (encodeAuditValue(oldTags) !== encodeAuditValue(newTags)) {
        q.setTags(id, newTags, at);
        log('tags', oldTags, newTags);
        changed++;
      }
    }
    return changed;
  }

  return {
    list(): { rows: CustomerRow[]; asOf: string } {
      return { rows: q.list(rowPinyin, { persist: true }), asOf: localToday(ctx.now()) };
    },

    /** The grid rows of some customers, for a refresh after a change to just those (missing ids: deleted). */
    rows(ids: number[]): { rows: CustomerRow[] } {
      return { rows: q.rowsOf([...new Set(ids)], rowPinyin) };
    },

    get: mustGet,

    /** Saves a validated patch and its audit trail in one transaction; unchanged fields are not logged. */
    update(id: number, patch: CustomerPatch): CustomerDetail & { batchId: string | null } {
      const batchId = newBatchId();
      const at = nowIso(ctx);
      const changed = ctx.db.transaction(() => applyPatch(id, patch, batchId, at)).immediate();
      if (changed > 0) ctx.emit('db:changed', { tables: editTables(patch.tags !== undefined), customerIds: [id] });
      return { ...mustGet(id), batchId: changed > 0 ? batchId : null };
    },

    /** One change for many customers: one transaction and one audit batch (undoable), then a safety backup in the background. */
    bulkUpdate(ids: number[], patch: BulkPatch): BatchResult {
      const unique = [...new Set(ids)];
      const batchId = newBatchId();
      const at = nowIso(ctx);
      const { addTags, removeTags, ...bulkColumns } = patch;
      const columns: ColumnPatch = bulkColumns;
      const tagsChange = addTags !== undefined || removeTags !== undefined;
      const remove = new Set(removeTags ?? []);
      const fields = Object.keys(columns) as ColumnField[];
      const changed = ctx.db.transaction(() => {
        // The same checks and writes as applyPatch() per customer, with the reads done for all at once.
        const current = q.currentValuesOf(unique, fields);
        const tagsNow = tagsChange ? q.tagsOf(unique) : new Map<number, string[]>();
        const missing = unique.find((id) => !current.has(id));
        if (missing !== undefined && missing === unique[0]) throw keyedError('not_found', 'customerMissing', { id: missing });
        if (columns.ownerId != null && !q.staffExists(columns.ownerId)) {
          throw new PatronError('invalid_request', `staff member ${columns.ownerId} does not exist`, [{ path: 'patch.ownerId', message: 'unknown staff member' }]);
        }
        if (missing !== undefined) throw keyedError('not_found', 'customerMissing', { id: missing });
        const log = (id: number, field: string, oldValue: unknown, newValue: unknown) =>
          audit.record({ actor: ctx.actor, entity: 'customer', entityId: id, action: 'update', field, oldValue, newValue, at, batchId });
        let n = 0;
        for (const id of unique) {
          const before = current.get(id) ?? {};
          const diffFields = fields.filter((f) => before[f] !== columns[f]);
          const diff = Object.fromEntries(diffFields.map((f) => [f, columns[f]])) as ColumnPatch;
          if (diffFields.length > 0) q.update(id, diff, at);
          for (const f of diffFields) log(id, f, before[f], diff[f]);
          n += diffFields.length;
          if (!tagsChange) continue;
          const oldTags = tagsNow.get(id) ?? [];
          const newTags = sortTags([...oldTags, ...(addTags ?? [])].filter((t) => !remove.has(t)));
          if (encodeAuditValue(oldTags) === encodeAuditValue(newTags)) continue;
          q.changeTags(id, oldTags, newTags);
          if (diffFields.length === 0) q.touch(id, at);
          log(id, 'tags', oldTags, newTags);
          n++;
        }
        return n;
      }).immediate();
      if (changed > 0) {
        ctx.emit('db:changed', { tables: editTables(tagsChange), customerIds: refreshIds(unique) });
        backupInBackground(ctx, 'bulk-edit');
      }
      return { batchId: changed > 0 ? batchId : null, changed };
    },
  };
}
