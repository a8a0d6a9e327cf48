import { addDays } from '../../shared/domain/dates';
import type { AlertAction, AlertDto, CareItem, InboxCounts, InboxItem, TodayDto } from '../../shared/warnings/dto';
import { evidenceSchema } from '../../shared/warnings/dto';
import { holidayWithin, nextOccurrence, yearsSince } from '../../shared/warnings/care';
import { priorityOf } from '../../shared/warnings/rules';
import { defaultWarningSettings, warningSettingsSchema, type WarningSettings } from '../../shared/warnings/settings';
import type { InteractionChannel } from '../../shared/domain/enums';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { PatronError } from '../../shared/ipc/errors';
import { activityQueries } from '../db/activity';
import { auditQueries } from '../db/audit';
import { careQueries } from '../db/care';
import { settingsQueries } from '../db/settings';
import { warningQueries, type AlertRecord, type WarningRunRecord } from '../db/warnings';
import type { ServiceContext } from './context';
import type { complaintService } from './complaints';
import { localClock } from './warningClock';
import type { WarningRunParams, WarningRunResult, WarningTrigger } from './warningRun';

/** Settings-table key of the warnings, SLA and care knobs. */
export const WARNING_SETTINGS_KEY = 'warnings';
const WARNING_JOB = 'warnings';
/** Edits that can change a rule's outcome; a run follows them after this pause (several edits, one run). */
const EDIT_DEBOUNCE_MS = 2000;
const EDIT_TABLES: ReadonlySet<string> = new Set(['interactions', 'complaints', 'orders', 'customers', 'survey_responses']);
const BUCKET_LIMIT = 200;
const HOLIDAY_LIST_LIMIT = 500;

function toAlertDto(r: AlertRecord): AlertDto {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerCode: r.customer_code,
    tier: r.tier,
    rule: r.rule,
    evidence: evidenceSchema.parse(JSON.parse(r.evidence)),
    raisedAt: r.raised_at,
    dueAt: r.due_at,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    note: r.note,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}

const runDto = (r: WarningRunRecord) => ({ id: r.id, finishedAt: r.finished_at, asOf: r.as_of, trigger: r.trigger, raised: r.raised, closed: r.closed, open: r.open, evalMs: r.eval_ms });

/**
 * The daily follow-up inbox: warning settings and runs (a worker job), the Today
 * page (alerts, complaint clocks, care reminders in order of urgency), alert actions.
 */
/** Reads the saved warning settings (the defaults where none or invalid ones are stored). */
export function warningSettingsReader(ctx: ServiceContext): () => WarningSettings {
  const store = settingsQueries(ctx.db);
  return () => {
    const parsed = warningSettingsSchema.safeParse(store.get(WARNING_SETTINGS_KEY));
    return parsed.success ? parsed.data : defaultWarningSettings;
  };
}

/**
 * Lets `onChange` see every `db:changed` the services announce (interaction logged,
 * complaint changed, customer edited), after the renderer got it; the edit never waits.
 */
export function watchEdits(ctx: ServiceContext, onChange: (tables: readonly string[]) => void): void {
  const emit = ctx.emit;
  ctx.emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    emit(event, payload);
    if (event === 'db:changed') onChange((payload as EventPayload<'db:changed'>).tables);
  };
}

export function warningService(ctx: ServiceContext, complaints: ReturnType<typeof complaintService>) {
  const q = warningQueries(ctx.db);
  const care = careQueries(ctx.db);
  const store = settingsQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const activity = activityQueries(ctx.db);
  const finished: ((r: WarningRunResult) => void)[] = [];
  let editTimer: ReturnType<typeof setTimeout> | null = null;
  let rerun = false;

  const settings = warningSettingsReader(ctx);
  const running = () => ctx.jobs.running().find((j) => j.kind === WARNING_JOB) ?? null;

  /** Starts a run in a worker unless one is under way; an edit meanwhile asks for one more run after it. */
  const start = (trigger: WarningTrigger): { jobId: string; alreadyRunning: boolean } => {
    const current = running();
    if (current) {
      if (trigger === 'edit' || trigger === 'import' || trigger === 'segments') rerun = true;
      return { jobId: current.id, alreadyRunning: true };
    }
    const clock = localClock(ctx.now());
    const params: WarningRunParams = { asOf: clock.asOf, now: clock.nowIso, trigger, settings: settings() };
    const { id, outcome } = ctx.jobs.start(WARNING_JOB, params);
    void outcome.then((o) => {
      if (o.status === 'failed') console.error(`warning run failed: ${o.message}`);
      if (o.status === 'done') for (const f of finished) f(o.result);
      if (rerun) {
        rerun = false;
        start('edit');
      }
    });
    return { jobId: id, alreadyRunning: false };
  };

  const setStatus = (action: AlertAction, at: string): void => {
    const before = q.byId(action.id);
    if (!before) throw new PatronError('not_found', `alert ${action.id} does not exist`);
    const closing = action.status === 'resolved' || action.status === 'dismissed';
    q.setStatus({ id: action.id, status: action.status, note: action.note ?? null, closed_at: closing ? at : null, closed_by: closing ? ctx.actor : null, at });
    audit.record({ actor: ctx.actor, entity: 'alert', entityId: action.id, action: 'update', field: 'status', oldValue: before.status, newValue: action.status, at });
    if (action.note) audit.record({ actor: ctx.actor, entity: 'alert', entityId: action.id, action: 'update', field: 'note', oldValue: before.note, newValue: action.note, at });
  };

  /** Birthdays, cooperation anniversaries and holiday greetings within the window, done or not. */
  const careItems = (asOf: string, s: WarningSettings): CareItem[] => {
    const days = s.care.daysAhead;
    const monthDays = Array.from({ length: days + 1 }, (_, i) => addDays(asOf, i).slice(5));
    if (monthDays.includes('02-28') && !monthDays.includes('02-29')) monthDays.push('02-29');
    const done = care.doneKeys(asOf, addDays(asOf, days));
    const items: CareItem[] = [];
    const push = (item: Omit<CareItem, 'done'>) => items.push({ ...item, done: done.has(`${item.kind}:${item.refId}:${item.occasion}`) });
    if (s.care.birthdays) {
      for (const b of care.birthdays(monthDays)) {
        const occasion = b.date ? nextOccurrence(b.date.slice(5), asOf, days) : null;
        if (occasion) push({ kind: 'birthday', refId: b.ref_id, customerId: b.customer_id, customerName: b.customer_name, tier: b.tier, label: b.label, years: null, occasion });
      }
    }
    if (s.care.anniversaries) {
      for (const a of care.anniversaries(monthDays)) {
        const occasion = a.date ? nextOccurrence(a.date.slice(5), asOf, days) : null;
        const years = a.date && occasion ? yearsSince(a.date, occasion) : 0;
        if (occasion && years >= 1) push({ kind: 'anniversary', refId: a.ref_id, customerId: a.customer_id, customerName: a.customer_name, tier: a.tier, label: '', years, occasion });
      }
    }
    for (const h of s.care.holidays) {
      const occasion = holidayWithin(h.date, asOf, days);
      if (!occasion) continue;
      for (const c of care.audience(s.care.holidayAudience, HOLIDAY_LIST_LIMIT)) {
        push({ kind: 'holiday', refId: c.ref_id, customerId: c.customer_id, customerName: c.customer_name, tier: c.tier, label: h.name, years: null, occasion });
      }
    }
    return items.sort((a, b) => a.occasion.localeCompare(b.occasion) || priorityOf(a.tier) - priorityOf(b.tier) || a.customerId - b.customerId);
  };

  return {
    settings,
    saveSettings(next: WarningSettings): WarningSettings {
      store.set(WARNING_SETTINGS_KEY, next, ctx.now().toISOString());
      ctx.emit('db:changed', { tables: ['settings'] });
      start('manual');
      return settings();
    },
    run: (trigger: WarningTrigger = 'manual') => start(trigger),
    /** Call after an import committed (the rollups are current already). */
    afterImport: () => start('import'),
    /** Call when segmentation finished (probability alive and tiers changed). */
    afterSegmentation: () => start('segments'),
    /** A write happened: runs the rules shortly after, without holding up the edit. */
    afterEdit(tables: readonly string[]): void {
      if (!tables.some((t) => EDIT_TABLES.has(t))) return;
      if (editTimer) clearTimeout(editTimer);
      editTimer = setTimeout(() => {
        editTimer = null;
        start('edit');
      }, EDIT_DEBOUNCE_MS);
      // A pending run must not keep a CLI or test process alive.
      (editTimer as { unref?: () => void }).unref?.();
    },
    /** Listens for finished runs (desktop notifications). */
    onRunFinished(listener: (r: WarningRunResult) => void): void {
      finished.push(listener);
    },
    lastRun: () => q.latestRun(),

    /**
     * Open alerts that fell due since the last call (due today or overdue), each counted
     * once ever: the desktop says "N follow-ups are due" for them (the raise itself was
     * announced by the run). Called after runs and on the schedule's 15-minute check.
     */
    claimDueNotices(): { overdue: number; today: number } {
      const clock = localClock(ctx.now());
      return ctx.db.transaction(() => q.claimDueNotices(clock.nowIso, clock.endOfToday, ctx.now().toISOString())).immediate();
    },

    /** The Today page: overdue first, then due today, then upcoming; high-value customers first within each. */
    today(): TodayDto {
      const clock = localClock(ctx.now());
      const s = settings();
      const counts = q.counts(clock.nowIso, clock.endOfToday);
      const alertItem = (r: AlertRecord): InboxItem => ({ kind: 'alert', dueAt: r.due_at, alert: toAlertDto(r) });
      const buckets = {
        overdue: q.overdue(clock.nowIso, BUCKET_LIMIT).map(alertItem),
        today: q.dueBetween(clock.nowIso, clock.endOfToday, BUCKET_LIMIT).map(alertItem),
        upcoming: q.dueFrom(clock.endOfToday, BUCKET_LIMIT).map(alertItem),
      };
      const totals = { ...counts };
      for (const c of complaints.list('open')) {
        const clockName = c.firstResponseAt === null ? 'response' : 'resolution';
        const dueAt = clockName === 'response' ? c.responseDueAt : c.resolutionDueAt;
        const bucket = dueAt < clock.nowIso ? 'overdue' : dueAt < clock.endOfToday ? 'today' : 'upcoming';
        buckets[bucket].push({ kind: 'complaint', dueAt, clock: clockName, complaint: c });
        totals[bucket]++;
      }
      const tierOf = (i: InboxItem) => priorityOf(i.kind === 'alert' ? i.alert.tier : i.kind === 'complaint' ? i.complaint.tier : i.care.tier);
      const urgent = (a: InboxItem, b: InboxItem) => tierOf(a) - tierOf(b) || a.dueAt.localeCompare(b.dueAt);
      const soonest = (a: InboxItem, b: InboxItem) => a.dueAt.localeCompare(b.dueAt) || tierOf(a) - tierOf(b);
      const run = q.latestRun();
      return {
        asOf: clock.asOf,
        overdue: { total: totals.overdue, items: buckets.overdue.sort(urgent).slice(0, BUCKET_LIMIT) },
        today: { total: totals.today, items: buckets.today.sort(urgent).slice(0, BUCKET_LIMIT) },
        upcoming: { total: totals.upcoming, items: buckets.upcoming.sort(soonest).slice(0, BUCKET_LIMIT) },
        care: careItems(clock.asOf, s),
        careDaysAhead: s.care.daysAhead,
        lastRun: run ? runDto(run) : null,
        running: running() !== null,
      };
    },

    /** The navigation badges: follow-ups overdue or due today, and open (overdue) complaints. */
    counts(): InboxCounts {
      const clock = localClock(ctx.now());
      const alerts = q.counts(clock.nowIso, clock.endOfToday);
      const open = complaints.list('open');
      const overdueComplaints = open.filter((c) => c.responseState === 'overdue' || c.resolutionState === 'overdue').length;
      const complaintsDue = open.filter((c) => (c.firstResponseAt === null ? c.responseDueAt : c.resolutionDueAt) < clock.endOfToday).length;
      return { due: alerts.overdue + alerts.today + complaintsDue, complaintsOpen: open.length, complaintsOverdue: overdueComplaints };
    },

    care: () => careItems(localClock(ctx.now()).asOf, settings()),
    setCareDone(kind: CareItem['kind'], refId: number, occasion: string, done: boolean): { done: boolean } {
      const customerId = care.customerOf(kind, refId);
      if (customerId === null) throw new PatronError('not_found', `${kind === 'birthday' ? 'contact' : 'customer'} ${refId} does not exist`);
      if (done) care.markDone(kind, refId, occasion, customerId, ctx.now().toISOString(), ctx.actor);
      else care.unmark(kind, refId, occasion);
      ctx.emit('db:changed', { tables: ['care_done'] });
      return { done };
    },

    /** A customer's alerts: open ones first, then the recent closed ones. */
    forCustomer: (customerId: number): AlertDto[] => q.forCustomer(customerId, 50).map(toAlertDto),

    /** Moves an alert on (in progress, resolved, dismissed with a reason, reopened); recorded in the audit trail. */
    setStatus(action: AlertAction): AlertDto {
      const at = ctx.now().toISOString();
      ctx.db.transaction(() => setStatus(action, at)).immediate();
      ctx.emit('db:changed', { tables: ['alerts', 'audit_log'] });
      const after = q.byId(action.id);
      if (!after) throw new PatronError('not_found', `alert ${action.id} does not exist`);
      return toAlertDto(after);
    },

    /** One click from an alert: logs the interaction with its customer and resolves the alert, in one transaction. */
    logInteraction(id: number, channel: InteractionChannel, summary: string | null): AlertDto {
      const at = ctx.now().toISOString();
      ctx.db.transaction(() => {
        const alert = q.byId(id);
        if (!alert) throw new PatronError('not_found', `alert ${id} does not exist`);
        activity.addInteraction(alert.customer_id, { channel, occurredAt: at, summary, nextFollowUp: null }, activity.staffIdByName(ctx.actor), at);
        setStatus({ id, status: 'resolved', note: summary ?? null }, at);
      }).immediate();
      ctx.emit('db:changed', { tables: ['interactions', 'alerts', 'audit_log'] });
      const after = q.byId(id);
      if (!after) throw new PatronError('not_found', `alert ${id} does not exist`);
      return toAlertDto(after);
    },
  };
}
