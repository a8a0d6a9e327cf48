import type { Database } from 'better-sqlite3';
import type { ComplaintSeverity, Tier } from '../../shared/domain/enums';

export interface ComplaintRecord {
  id: number;
  customer_id: number;
  customer_name: string;
  tier: Tier | null;
  opened_at: string;
  channel: string | null;
  category: string | null;
  severity: ComplaintSeverity;
  description: string | null;
  staff_id: number | null;
  staff_name: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  satisfaction: number | null;
  response_due_at: string | null;
  resolution_due_at: string | null;
  resolution_hours: number | null;
  escalated_at: string | null;
  escalated_to: number | null;
  escalated_to_name: string | null;
}

export interface NewComplaint {
  customerId: number;
  openedAt: string;
  channel: string | null;
  category: string | null;
  severity: ComplaintSeverity;
  description: string;
  staffId: number | null;
  responseDueAt: string;
  resolutionDueAt: string;
  resolutionHours: number;
  at: string;
}

const SELECT = `
  SELECT p.id, p.customer_id, c.name AS customer_name, coalesce(c.tier_override, sr.tier) AS tier, p.opened_at, p.channel, p.category, p.severity,
         p.description, p.staff_id, s.name AS staff_name, p.first_response_at, p.resolved_at, p.resolution, p.satisfaction,
         p.response_due_at, p.resolution_due_at, p.resolution_hours, p.escalated_at, p.escalated_to, e.name AS escalated_to_name
    FROM complaints p
    JOIN customers c ON c.id = p.customer_id
    LEFT JOIN segment_results sr ON sr.customer_id = p.customer_id
    LEFT JOIN staff s ON s.id = p.staff_id
    LEFT JOIN staff e ON e.id = p.escalated_to`;

/** Complaints with their SLA deadlines and escalation (columns from 0007_warnings). */
export function complaintQueries(db: Database) {
  const open = db.prepare<[], ComplaintRecord>(`${SELECT} WHERE p.resolved_at IS NULL ORDER BY p.opened_at, p.id`);
  const recent = db.prepare<[number], ComplaintRecord>(`${SELECT} ORDER BY p.opened_at DESC, p.id DESC LIMIT ?`);
  const byId = db.prepare<[number], ComplaintRecord>(`${SELECT} WHERE p.id = ?`);
  const raw = db.prepare<[number], Record<string, unknown>>('SELECT * FROM complaints WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO complaints (customer_id, opened_at, channel, category, severity, description, staff_id, response_due_at, resolution_due_at, resolution_hours, created_at, updated_at)
     VALUES (@customerId, @openedAt, @channel, @category, @severity, @description, @staffId, @responseDueAt, @resolutionDueAt, @resolutionHours, @at, @at)`,
  );
  const respond = db.prepare<[string, string, number]>('UPDATE complaints SET first_response_at = ?, updated_at = ? WHERE id = ? AND first_response_at IS NULL');
  const resolve = db.prepare<{ id: number; at: string; resolution: string; satisfaction: number | null }>(
    'UPDATE complaints SET resolved_at = @at, resolution = @resolution, satisfaction = @satisfaction, first_response_at = coalesce(first_response_at, @at), updated_at = @at WHERE id = @id',
  );
  const escalate = db.prepare<[string, number, string, number]>('UPDATE complaints SET escalated_at = ?, escalated_to = ?, updated_at = ? WHERE id = ?');
  const openCount = db.prepare<[], number>('SELECT count(*) FROM complaints WHERE resolved_at IS NULL').pluck();
  const managers = db.prepare<[], { id: number; name: string }>("SELECT id, name FROM staff WHERE active = 1 AND role IN ('manager', 'admin') ORDER BY name");
  const staffMember = db.prepare<[number], { name: string; role: string; active: number }>('SELECT name, role, active FROM staff WHERE id = ?');
  return {
    open: () => open.all(),
    recent: (limit: number) => recent.all(limit),
    byId: (id: number) => byId.get(id) ?? null,
    /** The stored row as it is (for the audit trail's old values). */
    raw: (id: number) => raw.get(id) ?? null,
    insert: (c: NewComplaint) => Number(insert.run(c).lastInsertRowid),
    respond: (id: number, at: string) => respond.run(at, at, id).changes,
    resolve: (id: number, at: string, resolution: string, satisfaction: number | null) => resolve.run({ id, at, resolution, satisfaction }).changes,
    escalate: (id: number, to: number, at: string) => escalate.run(at, to, at, id).changes,
    openCount: () => openCount.get() ?? 0,
    managers: () => managers.all(),
    /** A staff member's name, role and whether active (escalation checks who may take it). */
    staffMember: (id: number) => staffMember.get(id) ?? null,
  };
}
