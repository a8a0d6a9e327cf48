import type { ComplaintDto, ComplaintInput } from '../../shared/warnings/dto';
import type { WarningSettings } from '../../shared/warnings/settings';
import { clockState, slaDeadline, type ClockOptions } from '../../shared/warnings/sla';
import { keyedError } from '../../shared/i18n/errors';
import { activityQueries } from '../db/activity';
import { auditQueries } from '../db/audit';
import { complaintQueries, type ComplaintRecord } from '../db/complaints';
import { customerQueries } from '../db/customers';
import type { ServiceContext } from './context';
import { newBatchId } from './customers';
import { localClock } from './warningClock';

const RECENT_LIMIT = 500;
/** Fields whose changes the audit trail records for a complaint. */
const AUDITED = ['opened_at', 'channel', 'category', 'severity', 'description', 'first_response_at', 'resolved_at', 'resolution', 'satisfaction', 'response_due_at', 'resolution_due_at', 'resolution_hours', 'escalated_at', 'escalated_to'] as const;

/** A clock's deadline, tolerating imported opening times that are not timestamps. */
function deadline(start: string, hours: number, opts: ClockOptions): string {
  try {
    return slaDeadline(start, hours, opts);
  } catch {
    return start;
  }
}

/** Roles a complaint can be escalated to. */
const ESCALATION_ROLES: ReadonlySet<string> = new Set(['manager', 'admin']);

/** Complaints: logging, first response, resolution with satisfaction, escalation; every change in the audit trail. */
export function complaintService(ctx: ServiceContext, settings: () => WarningSettings) {
  const q = complaintQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const customers = customerQueries(ctx.db);
  const activity = activityQueries(ctx.db);

  const toDto = (r: ComplaintRecord, s: WarningSettings, nowIso: string, opts: ClockOptions): ComplaintDto => {
    const clock = s.sla.bySeverity[r.severity];
    const resolutionHours = r.resolution_hours ?? clock.resolutionHours;
    const responseDueAt = r.response_due_at ?? deadline(r.opened_at, clock.responseHours, opts);
    const resolutionDueAt = r.resolution_due_at ?? deadline(r.opened_at, resolutionHours, opts);
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      tier: r.tier,
      openedAt: r.opened_at,
      channel: r.channel,
      category: r.category,
      severity: r.severity,
      description: r.description,
      staffName: r.staff_name,
      firstResponseAt: r.first_response_at,
      resolvedAt: r.resolved_at,
      resolution: r.resolution,
      satisfaction: r.satisfaction,
      resolutionHours,
      responseDueAt,
      resolutionDueAt,
      responseState: clockState(responseDueAt, r.first_response_at ?? r.resolved_at, nowIso, s.sla.soonHours),
      resolutionState: clockState(resolutionDueAt, r.resolved_at, nowIso, s.sla.soonHours),
      escalatedAt: r.escalated_at,
      escalatedToName: r.escalated_to_name,
    };
  };
  const view = () => {
    const clock = localClock(ctx.now());
    const s = settings();
    return { s, clock, opts: { countWeekends: s.sla.countWeekends, tzOffsetMinutes: clock.tzOffsetMinutes } };
  };

  /** Runs a change in one transaction and records each changed field in the audit trail. */
  const change = (existing: number | null, write: () => number): ComplaintDto => {
    const at = ctx.now().toISOString();
    const action = existing === null ? 'insert' : 'update';
    const id = ctx.db.transaction(() => {
      const before = existing === null ? null : q.raw(existing);
      if (existing !== null && !before) throw keyedError('not_found', 'complaintMissing', { id: existing });
      const id = write();
      const after = q.raw(id);
      const batchId = newBatchId();
      for (const field of AUDITED) {
        const oldValue = before?.[field] ?? null;
        const newValue = after?.[field] ?? null;
        if (oldValue !== newValue) audit.record({ actor: ctx.actor, entity: 'complaint', entityId: id, action, field, oldValue, newValue, at, batchId });
      }
      return id;
    }).immediate();
    ctx.emit('db:changed', { tables: ['complaints', 'audit_log'] });
    return get(id);
  };
  const get = (id: number): ComplaintDto => {
    const r = q.byId(id);
    if (!r) throw keyedError('not_found', 'complaintMissing', { id });
    const { s, clock, opts } = view();
    return toDto(r, s, clock.nowIso, opts);
  };

  return {
    get,
    /** Unresolved complaints (oldest first), or the most recent ones of every status. */
    list(which: 'open' | 'all'): ComplaintDto[] {
      const { s, clock, opts } = view();
      return (which === 'open' ? q.open() : q.recent(RECENT_LIMIT)).map((r) => toDto(r, s, clock.nowIso, opts));
    },
    openCount: () => q.openCount(),

    /** Logs a complaint now, with its SLA deadlines fixed from the settings for its severity. */
    log(input: ComplaintInput): ComplaintDto {
      if (!customers.exists(input.customerId)) throw keyedError('not_found', 'customerMissing', { id: input.customerId });
      const { s, clock, opts } = view();
      const sla = s.sla.bySeverity[input.severity];
      const resolutionHours = input.resolutionHours ?? sla.resolutionHours;
      return change(null, () =>
        q.insert({
          customerId: input.customerId,
          openedAt: clock.nowIso,
          channel: input.channel,
          category: input.category,
          severity: input.severity,
          description: input.description,
          staffId: activity.staffIdByName(ctx.actor),
          responseDueAt: slaDeadline(clock.nowIso, sla.responseHours, opts),
          resolutionDueAt: slaDeadline(clock.nowIso, resolutionHours, opts),
          resolutionHours,
          at: clock.nowIso,
        }),
      );
    },

    /** Stops the first-response clock (once). */
    respond(id: number): ComplaintDto {
      return change(id, () => {
        q.respond(id, ctx.now().toISOString());
        return id;
      });
    },

    resolve(id: number, resolution: string, satisfaction: number | null): ComplaintDto {
      return change(id, () => {
        if (q.raw(id)?.resolved_at) throw keyedError('conflict', 'complaintResolved', { id });
        q.resolve(id, ctx.now().toISOString(), resolution, satisfaction);
        return id;
      });
    },

    /** Who a complaint can be escalated to: active staff with the role manager or admin, by name. */
    escalationTargets: () => q.managers(),

    /** Hands the complaint to a manager: an active staff member with the role manager or admin. */
    escalate(id: number, staffId: number): ComplaintDto {
      const to = q.staffMember(staffId);
      if (!to) throw keyedError('not_found', 'staffMissing', { id: staffId });
      if (!ESCALATION_ROLES.has(to.role)) {
        throw keyedError('invalid_request', 'escalateRole', { id, name: to.name, staff: staffId, role: to.role }, [{ path: 'staffId', message: 'must be a manager or admin' }]);
      }
      if (to.active !== 1) throw keyedError('invalid_request', 'escalateInactive', { id, name: to.name, staff: staffId }, [{ path: 'staffId', message: 'must be active' }]);
      return change(id, () => {
        q.escalate(id, staffId, ctx.now().toISOString());
        return id;
      });
    },
  };
}
