import type { Database } from 'better-sqlite3';
import type { AuditEntry as AuditView } from '../../shared/domain/profile';

export interface AuditEntry {
  actor: string;
  entity: string;
  entityId: number;
  action: 'insert' | 'update' | 'delete';
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  at: string;
  batchId?: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: number;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  batch_id: string | null;
}

/** Strings are stored as they are, everything else as JSON (numbers, tag lists). */
export function encodeAuditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toAuditView(r: AuditRecord): AuditView {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    batchId: r.batch_id,
  };
}

export function auditQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, field, old_value, new_value, batch_id)
     VALUES (@at, @actor, @entity, @entityId, @action, @field, @oldValue, @newValue, @batchId)`,
  );
  const forEntity = db.prepare<[string, number], AuditRecord>('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id');
  // The profile shows the customer's own rows and those of its contacts and orders.
  const forCustomer = db.prepare<{ id: number; limit: number }, AuditRecord>(
    `SELECT * FROM audit_log WHERE entity = 'customer' AND entity_id = @id
     UNION ALL
     SELECT a.* FROM audit_log a JOIN contacts c ON c.id = a.entity_id WHERE a.entity = 'contact' AND c.customer_id = @id
     UNION ALL
     SELECT a.* FROM orders o JOIN audit_log a ON a.entity = 'order' AND a.entity_id = o.id WHERE o.customer_id = @id
     ORDER BY id DESC LIMIT @limit`,
  );
  const byBatch = db.prepare<[string], AuditRecord>('SELECT * FROM audit_log WHERE batch_id = ? ORDER BY id');
  return {
    record(e: AuditEntry): void {
      insert.run({ ...e, oldValue: encodeAuditValue(e.oldValue), newValue: encodeAuditValue(e.newValue), batchId: e.batchId ?? null });
    },
    forEntity(entity: string, id: number): AuditRecord[] {
      return forEntity.all(entity, id);
    },
    forCustomer(id: number, limit: number): AuditRecord[] {
      return forCustomer.all({ id, limit });
    },
    byBatch(batchId: string): AuditRecord[] {
      return byBatch.all(batchId);
    },
  };
}
