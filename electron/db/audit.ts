import type { Database } from 'better-sqlite3';

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
}

function encode(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function auditQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, field, old_value, new_value, batch_id)
     VALUES (@at, @actor, @entity, @entityId, @action, @field, @oldValue, @newValue, @batchId)`,
  );
  const forEntity = db.prepare<[string, number], AuditRecord>('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id');
  return {
    record(e: AuditEntry): void {
      insert.run({ ...e, oldValue: encode(e.oldValue), newValue: encode(e.newValue), batchId: e.batchId ?? null });
    },
    forEntity(entity: string, id: number): AuditRecord[] {
      return forEntity.all(entity, id);
    },
  };
}
