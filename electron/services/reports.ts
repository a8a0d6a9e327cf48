import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { completenessRulesSchema, defaultCompletenessRules } from '../../shared/domain/completeness';
import { localToday } from '../../shared/domain/dates';
import type { Tier } from '../../shared/domain/enums';
import type { Language } from '../../shared/i18n/language';
import { alertsAtMonthEnds, buildKpis, TREND_MONTHS, type DashboardData, type DashboardRequest, type KpiInputs } from '../../shared/kpi/dashboard';
import { addMonths, firstDay, monthsEnding, nextFirstDay } from '../../shared/kpi/months';
import type { CustomersBehindRequest, ReportData } from '../../shared/kpi/report';
import { defaultReportSettings, reportSettingsSchema, type ReportSettings } from '../../shared/kpi/targets';
import { complaintSeverities, type ComplaintSeverity } from '../../shared/domain/enums';
import { slaDeadline } from '../../shared/warnings/sla';
import { defaultWarningSettings, warningSettingsSchema } from '../../shared/warnings/settings';
import { kpiQueries } from '../db/kpi';
import { localClock } from './warningClock';
import { WARNING_SETTINGS_KEY } from './warnings';
import { segmentQueries } from '../db/segments';
import { settingsQueries } from '../db/settings';
import { nowIso, type ServiceContext } from './context';
import { writeReportWorkbook } from './reportWorkbook';
import { checkWriteTarget } from '../export/safeWrite';

const REPORT_SETTINGS_KEY = 'reports.settings';
const COMPLETENESS_KEY = 'profile.completeness';
const AT_RISK_LIMIT = 20;

function readReportSettings(db: Database): ReportSettings {
  const parsed = reportSettingsSchema.safeParse(settingsQueries(db).get(REPORT_SETTINGS_KEY));
  return parsed.success ? parsed.data : defaultReportSettings;
}

function completenessFields(db: Database) {
  const parsed = completenessRulesSchema.safeParse(settingsQueries(db).get(COMPLETENESS_KEY));
  return (parsed.success ? parsed.data : defaultCompletenessRules).required;
}

const byMonth = <T extends readonly [string, ...unknown[]]>(rows: readonly T[], months: readonly string[], pick: (r: T) => number): number[] => {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = months.map(() => 0);
  for (const r of rows) {
    const i = index.get(r[0]);
    if (i !== undefined) out[i] = (out[i] ?? 0) + pick(r);
  }
  return out;
};

/**
 * The dashboard of one month: every KPI for the 12 months ending with it (from the data
 * layer's counts and the shared formulas), tier distribution over time and the top
 * high-value customers at risk. Shared by the IPC call, the report and the CLI.
 */
export function dashboardData(db: Database, req: DashboardRequest, now: string): DashboardData {
  const settings = readReportSettings(db);
  const q = kpiQueries(db);
  const months = monthsEnding(req.month, TREND_MONTHS);
  const window = settings.activeWindowMonths;
  const from = addMonths(months[0] ?? req.month, -window);
  const all = monthsEnding(req.month, TREND_MONTHS + window);
  const range = { from, to: req.month, monthList: all.join(''), tier: req.tier, now };

  const index = new Map(months.map((m, i) => [m, i]));
  const firsts = q.firstOrdersByMonth(range).sort(([a], [b]) => a.localeCompare(b));
  const customers = months.map((m) => firsts.reduce((sum, [fm, n]) => (fm <= m ? sum + n : sum), 0));
  const deadline = complaintDeadline(db, now);
  const slaDue = months.map(() => 0);
  const slaOnTime = months.map(() => 0);
  for (const [openedAt, severity, hours, storedDue, resolvedAt] of q.slaInputs(range)) {
    const due = storedDue ?? deadline(openedAt, severity, hours);
    // A deadline counts once it has passed or the complaint was resolved (on time or not).
    if (due > now && resolvedAt === null) continue;
    const i = index.get(due.slice(0, 7));
    if (i === undefined) continue;
    slaDue[i] = (slaDue[i] ?? 0) + 1;
    if (resolvedAt !== null && resolvedAt <= due) slaOnTime[i] = (slaOnTime[i] ?? 0) + 1;
  }
  const visits = q.visitsByMonth(range);
  const npsRows = q.npsByMonth(range);
  const scoreRows = q.scoresByMonth(range);
  const npsCounts = months.map(() => new Array<number>(11).fill(0));
  const responses = months.map(() => 0);
  for (const [m, score, n] of npsRows) {
    const i = index.get(m);
    if (i === undefined) continue;
    responses[i] = (responses[i] ?? 0) + n;
    if (score !== null) (npsCounts[i] as number[])[score] = ((npsCounts[i] as number[])[score] ?? 0) + n;
  }
  const scoreCounts = months.map(() => new Array<number>(6).fill(0));
  const dimensionCounts: Record<string, number[]> = {};
  for (const [m, dimension, score, n] of scoreRows) {
    const i = index.get(m);
    if (i === undefined) continue;
    (scoreCounts[i] as number[])[score] = ((scoreCounts[i] as number[])[score] ?? 0) + n;
    if (m === req.month) {
      const d = (dimensionCounts[dimension] ??= new Array<number>(6).fill(0));
      d[score] = (d[score] ?? 0) + n;
    }
  }
  const alerts = alertsAtMonthEnds(q.alertsInRange(range), months.map((m) => `${nextFirstDay(m)}T00:00:00.000Z`), now);
  const [valueCustomers, valueCents] = q.value(req.tier);
  const [predictedCustomers, predictedCents] = q.predicted(req.tier);
  const activity = q.activity(range);
  const inputs: KpiInputs = {
    months,
    masks: activity.masks,
    window,
    customers,
    interactions: byMonth(activity.interactions, months, (r) => r[1]),
    complaints: byMonth(q.complaintsByMonth(range), months, (r) => r[1]),
    slaDue,
    slaOnTime,
    openAlerts: alerts.open,
    overdueAlerts: alerts.overdue,
    visitsPlanned: byMonth(visits, months, (r) => r[1]),
    visitsDone: byMonth(visits, months, (r) => r[2]),
    formsSent: byMonth(q.formsSentByMonth(range), months, (r) => r[1]),
    npsCounts,
    responses,
    scoreCounts,
    dimensionCounts,
    value: { customers: valueCustomers, totalCents: valueCents },
    predicted: { customers: predictedCustomers, totalCents: predictedCents },
    completeness: q.completeness(completenessFields(db), req.tier),
    actions: q.actionCounts(now.slice(0, 10)),
  };
  const { kpis, detail } = buildKpis(inputs, settings);

  // The tier distribution of the last segmentation run in each month (computed tiers, from the run summary).
  const lastRun = new Map<string, { high: number; regular: number; potential: number }>();
  for (const run of q.runs()) {
    const t = (JSON.parse(run.summary) as { tiers?: Partial<Record<Tier, number>> }).tiers ?? {};
    lastRun.set(run.as_of.slice(0, 7), { high: t.high ?? 0, regular: t.regular ?? 0, potential: t.potential ?? 0 });
  }
  const tierTrend = months.map((m) => {
    const t = lastRun.get(m);
    return t ? { month: m, ...t } : null;
  });
  const atRisk = req.tier === null || req.tier === 'high' ? q.atRisk(settings.atRiskPAlive, AT_RISK_LIMIT) : [];
  return {
    month: req.month,
    tier: req.tier,
    months,
    settings: { activeWindowMonths: settings.activeWindowMonths, amberMargin: settings.amberMargin, atRiskPAlive: settings.atRiskPAlive },
    kpis,
    tierTrend,
    atRisk: atRisk.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      valueCents: r.value_cents,
      predictedCents: r.predicted_cents,
      pAlive: r.p_alive,
      lastOrderDate: r.last_order_date,
      openAlerts: r.open_alerts,
    })),
    detail,
  };
}

/** The manager report of a month: the dashboard plus migrations, complaints with their SLA state and improvement actions. */
export function reportData(db: Database, month: string, now: string): ReportData {
  const dashboard = dashboardData(db, { month, tier: null }, now);
  const q = kpiQueries(db);
  const seg = segmentQueries(db);
  const deadline = complaintDeadline(db, now);
  const runs = seg.latestRuns(2);
  const [latest, previous] = runs;
  const cells = latest && previous ? seg.migration(previous.id, latest.id) : [];
  const start = firstDay(month);
  const end = nextFirstDay(month);
  return {
    ...dashboard,
    generatedAt: now,
    migration: {
      from: previous?.as_of ?? null,
      to: latest?.as_of ?? null,
      cells: cells.map((c) => ({ fromTier: c.from_tier, toTier: c.to_tier, customers: c.customers })),
    },
    complaints: q.complaintsIn(start, end).map((c) => {
      const due = c.resolution_due_at ?? deadline(c.opened_at, c.severity, c.resolution_hours);
      const sla = c.resolved_at !== null ? (c.resolved_at <= due ? 'onTime' : 'late') : due < now ? 'overdue' : 'open';
      return { code: c.code, name: c.name, openedAt: c.opened_at, severity: c.severity, category: c.category, dueAt: due, resolvedAt: c.resolved_at, sla };
    }),
    actions: q.actions(start, end).map((a) => ({ id: a.id, plan: a.plan, measure: a.measure, owner: a.owner, dueDate: a.due_date, status: a.status, doneOn: a.done_on })),
  };
}

/**
 * A complaint's resolution deadline: the one stored when it was logged, or for older
 * rows (none stored) the current SLA settings applied to its opening time, as the
 * complaints page does (shared/warnings/sla.ts).
 */
function complaintDeadline(db: Database, now: string): (openedAt: string, severity: string, hours: number | null) => string {
  const saved = warningSettingsSchema.safeParse(settingsQueries(db).get(WARNING_SETTINGS_KEY));
  const s = saved.success ? saved.data : defaultWarningSettings;
  const opts = { countWeekends: s.sla.countWeekends, tzOffsetMinutes: localClock(new Date(now)).tzOffsetMinutes };
  return (openedAt, severity, hours) => {
    const h = hours ?? s.sla.bySeverity[(complaintSeverities as readonly string[]).includes(severity) ? (severity as ComplaintSeverity) : 'medium'].resolutionHours;
    try {
      return slaDeadline(openedAt, h, opts);
    } catch {
      return openedAt;
    }
  };
}

/** The customers behind a figure of the dashboard (its click-through), in id order. */
function customersBehind(db: Database, req: CustomersBehindRequest, now: string): number[] {
  const settings = readReportSettings(db);
  const q = kpiQueries(db);
  const m = req.month;
  const start = firstDay(m);
  const end = nextFirstDay(m);
  const at = `${end}T00:00:00.000Z` < now ? `${end}T00:00:00.000Z` : now;
  const w = settings.activeWindowMonths;
  let ids: number[];
  switch (req.what) {
    case 'customers':
      ids = q.idsWithFirstOrderBefore(end);
      break;
    case 'activeCustomers':
    case 'interactionsPerCustomer':
      ids = q.activityIds(m, w, 'active');
      break;
    case 'retention':
      ids = q.activityIds(m, w, 'retained');
      break;
    case 'churn':
      ids = q.activityIds(m, w, 'lost');
      break;
    case 'repurchase':
      ids = q.activityIds(m, w, 'ordering');
      break;
    case 'avgValue':
      ids = q.idsWithOrders();
      break;
    case 'avgPredicted':
      ids = q.idsWithPrediction();
      break;
    case 'csat':
    case 'csatShare':
    case 'nps':
    case 'responseRate':
      ids = q.idsRespondedBetween(start, end);
      break;
    case 'completeness':
      ids = q.incompleteIds(completenessFields(db));
      break;
    case 'complaintRate':
      ids = q.idsComplainedBetween(start, end);
      break;
    case 'slaAttainment': {
      // The customers whose complaints were due in the month (the SLA's denominator).
      const deadline = complaintDeadline(db, now);
      const due = new Set<number>();
      for (const [id, openedAt, severity, hours, storedDue, resolvedAt] of q.complaintsOpenedFrom(firstDay(addMonths(m, -1)), end)) {
        const d = storedDue ?? deadline(openedAt, severity, hours);
        if (d.slice(0, 7) === m && (d <= now || resolvedAt !== null)) due.add(id);
      }
      ids = [...due].sort((a, b) => a - b);
      break;
    }
    case 'openWarnings':
      ids = q.idsWithOpenAlertsAt(at);
      break;
    case 'overdueWarnings':
      ids = q.idsWithOverdueAlertsAt(at);
      break;
    case 'visitsDone':
      ids = q.idsVisitedBetween(start, end);
      break;
    case 'atRisk':
      ids = q
        .atRisk(settings.atRiskPAlive, 1_000_000)
        .map((r) => r.id)
        .sort((a, b) => a - b);
      break;
    case 'tier':
      ids = req.tier ? q.tierIds(req.tier) : [];
      break;
  }
  if (req.tier === null || req.what === 'tier') return ids;
  const members = new Set(q.tierIds(req.tier));
  return ids.filter((id) => members.has(id));
}

export function reportService(ctx: ServiceContext) {
  const now = () => nowIso(ctx);
  return {
    settings: (): ReportSettings => readReportSettings(ctx.db),
    saveSettings(next: ReportSettings): ReportSettings {
      settingsQueries(ctx.db).set(REPORT_SETTINGS_KEY, next, now());
      ctx.emit('db:changed', { tables: ['settings'] });
      return readReportSettings(ctx.db);
    },
    dashboard: (req: DashboardRequest): DashboardData => dashboardData(ctx.db, req, now()),
    report: (month: string): ReportData => reportData(ctx.db, month, now()),
    customers: (req: CustomersBehindRequest): { ids: number[] } => ({ ids: customersBehind(ctx.db, req, now()) }),
    /** The current month (local time): the dashboard's default period. */
    currentMonth: (): string => localToday(ctx.now()).slice(0, 7),
    /** Writes the report of a month as .xlsx (where the user chooses, or in reports/ beside the database). */
    async exportXlsx(month: string, language: Language): Promise<{ path: string | null }> {
      const name = `patron-report-${month}.xlsx`;
      const chosen = ctx.dialogs?.saveFile ? await ctx.dialogs.saveFile(name, [{ name: 'Excel', extensions: ['xlsx'] }]) : join(dirname(ctx.dbPath), 'reports', name);
      if (chosen === null) return { path: null };
      if (!ctx.dialogs?.saveFile) mkdirSync(dirname(chosen), { recursive: true });
      const target = checkWriteTarget(chosen, ctx.dbPath);
      await writeReportWorkbook(target, reportData(ctx.db, month, now()), language, ctx.dbPath);
      return { path: target };
    },
  };
}
