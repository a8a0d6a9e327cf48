import { z } from 'zod';
import { tiers } from '../domain/enums';
import { csatFromHistogram, npsFromHistogram } from '../surveys/metrics';
import { activityByMonth, churnRate, complaintRate, completenessRate, interactionsPerCustomer, meanCents, ratio, repurchaseRate, retentionRate, slaAttainment } from './formulas';
import { kpiIds, kpiMeta, kpiState, type KpiId, type ReportSettings } from './targets';

/** Months of trend the dashboard and the report show (the selected month is the last). */
export const TREND_MONTHS = 12;

const num = z.number().nullable();

const kpiSchema = z.object({
  id: z.enum(kpiIds),
  value: num,
  /** The month before's value (the report's "last month"). */
  previous: num,
  target: num,
  state: z.enum(['green', 'amber', 'red', 'none']),
  /** One value per trend month, oldest first; null where there is no data (or no history: snapshot KPIs). */
  trend: z.array(num),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const dashboardRequestSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
    tier: z.enum(tiers).nullable().default(null),
  })
  .strict();
export type DashboardRequest = z.output<typeof dashboardRequestSchema>;

export const dashboardSchema = z.object({
  month: z.string(),
  tier: z.enum(tiers).nullable(),
  months: z.array(z.string()),
  /** The settings the figures were computed with (shown in hints). */
  settings: z.object({ activeWindowMonths: z.number().int(), amberMargin: z.number(), atRiskPAlive: z.number() }),
  kpis: z.array(kpiSchema),
  /** Computed tiers of the last segmentation run of each trend month (null: no run that month). */
  tierTrend: z.array(z.object({ month: z.string(), high: z.number().int(), regular: z.number().int(), potential: z.number().int() }).nullable()),
  atRisk: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      valueCents: z.number().int(),
      predictedCents: z.number().int().nullable(),
      pAlive: z.number().nullable(),
      lastOrderDate: z.string().nullable(),
      openAlerts: z.number().int(),
    }),
  ),
  /** The details the cards summarise, for the selected month. */
  detail: z.object({
    activeAtStart: z.number().int(),
    lost: z.number().int(),
    ordering: z.number().int(),
    complaints: z.number().int(),
    slaDue: z.number().int(),
    slaOnTime: z.number().int(),
    formsSent: z.number().int(),
    responses: z.number().int(),
    npsAnswers: z.object({ promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() }),
    dimensions: z.array(z.object({ dimension: z.string(), mean: num, satisfiedShare: num, answers: z.number().int() })),
    visitsPlanned: z.number().int(),
    visitsDone: z.number().int(),
    actions: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int(), cancelled: z.number().int() }),
  }),
});
export type DashboardData = z.infer<typeof dashboardSchema>;

/** The counts the data layer reads for the trend months (indexes refer to `months`). */
export interface KpiInputs {
  /** Trend months, oldest first; the last is the selected month. */
  months: string[];
  /** Activity masks over `window` months before months[0] plus the trend months (bit 0 = oldest). */
  masks: [number, number][];
  window: number;
  /** Customers with a first order up to each month's end. */
  customers: number[];
  interactions: number[];
  complaints: number[];
  slaDue: number[];
  slaOnTime: number[];
  openAlerts: number[];
  overdueAlerts: number[];
  visitsPlanned: number[];
  visitsDone: number[];
  formsSent: number[];
  /** Per month: histogram of 0–10 answers (length 11) and responses. */
  npsCounts: number[][];
  responses: number[];
  /** Per month: histogram of 5-point scores (length 6, index 0 unused), over every dimension. */
  scoreCounts: number[][];
  /** The selected month's histograms per dimension. */
  dimensionCounts: Record<string, number[]>;
  /** Snapshot figures (today): no history. */
  value: { customers: number; totalCents: number };
  predicted: { customers: number; totalCents: number };
  completeness: { profiles: number; filled: number[] };
  actions: DashboardData['detail']['actions'];
}

/** Every KPI for every trend month from the counts, with targets and states from the settings. */
export function buildKpis(inp: KpiInputs, settings: ReportSettings): Pick<DashboardData, 'kpis' | 'detail'> {
  const n = inp.months.length;
  const act = activityByMonth(inp.masks, n + inp.window, inp.window);
  const series: Record<KpiId, (number | null)[]> = Object.fromEntries(kpiIds.map((id) => [id, new Array<number | null>(n).fill(null)])) as Record<KpiId, (number | null)[]>;
  for (let i = 0; i < n; i++) {
    const a = act[i] ?? { activeAtStart: 0, active: 0, lost: 0, ordering: 0 };
    const c = csatFromHistogram(inp.scoreCounts[i] ?? []);
    const p = npsFromHistogram(inp.npsCounts[i] ?? []);
    series.customers[i] = inp.customers[i] ?? 0;
    series.activeCustomers[i] = a.active;
    series.retention[i] = retentionRate(a.activeAtStart, a.lost);
    series.churn[i] = churnRate(a.activeAtStart, a.lost);
    series.repurchase[i] = repurchaseRate(a.ordering, a.active);
    series.csat[i] = c.mean;
    series.csatShare[i] = c.goodShare;
    series.nps[i] = p.score;
    series.responseRate[i] = ratio(inp.responses[i] ?? 0, inp.formsSent[i] ?? 0);
    series.complaintRate[i] = complaintRate(inp.complaints[i] ?? 0, a.active);
    series.slaAttainment[i] = slaAttainment(inp.slaOnTime[i] ?? 0, inp.slaDue[i] ?? 0);
    series.interactionsPerCustomer[i] = interactionsPerCustomer(inp.interactions[i] ?? 0, a.active);
    series.openWarnings[i] = inp.openAlerts[i] ?? 0;
    series.overdueWarnings[i] = inp.overdueAlerts[i] ?? 0;
    series.visitsDone[i] = ratio(inp.visitsDone[i] ?? 0, inp.visitsPlanned[i] ?? 0);
  }
  // Snapshot KPIs are known for today only: shown as the last point.
  series.avgValue[n - 1] = meanCents(inp.value.totalCents, inp.value.customers);
  series.avgPredicted[n - 1] = meanCents(inp.predicted.totalCents, inp.predicted.customers);
  series.completeness[n - 1] = completenessRate(inp.completeness.filled, inp.completeness.profiles);

  const kpis = kpiIds.map((id): Kpi => {
    const meta = kpiMeta[id];
    const target = meta.direction === null ? null : (settings.targets as Record<string, number>)[id] ?? null;
    const value = series[id][n - 1] ?? null;
    return { id, value, previous: n > 1 ? (series[id][n - 2] ?? null) : null, target, state: kpiState(value, target, meta.direction, settings.amberMargin), trend: series[id] };
  });
  const last = act[n - 1] ?? { activeAtStart: 0, lost: 0, ordering: 0 };
  const lastNps = npsFromHistogram(inp.npsCounts[n - 1] ?? []);
  return {
    kpis,
    detail: {
      activeAtStart: last.activeAtStart,
      lost: last.lost,
      ordering: last.ordering,
      complaints: inp.complaints[n - 1] ?? 0,
      slaDue: inp.slaDue[n - 1] ?? 0,
      slaOnTime: inp.slaOnTime[n - 1] ?? 0,
      formsSent: inp.formsSent[n - 1] ?? 0,
      responses: inp.responses[n - 1] ?? 0,
      npsAnswers: { promoters: lastNps.promoters, passives: lastNps.passives, detractors: lastNps.detractors },
      dimensions: Object.entries(inp.dimensionCounts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([dimension, counts]) => {
          const c = csatFromHistogram(counts);
          return { dimension, mean: c.mean, satisfiedShare: c.goodShare, answers: c.n };
        }),
      visitsPlanned: inp.visitsPlanned[n - 1] ?? 0,
      visitsDone: inp.visitsDone[n - 1] ?? 0,
      actions: inp.actions,
    },
  };
}

/** Open and overdue alerts at the end of each month (or at `now` for a month not yet over). */
export function alertsAtMonthEnds(alerts: ReadonlyArray<readonly [raisedAt: string, dueAt: string, closedAt: string | null]>, monthEnds: readonly string[], now: string) {
  const open = monthEnds.map(() => 0);
  const overdue = monthEnds.map(() => 0);
  monthEnds.forEach((endIso, i) => {
    const at = endIso < now ? endIso : now;
    for (const [raised, due, closed] of alerts) {
      if (raised < at && (closed === null || closed >= at)) {
        open[i] = (open[i] ?? 0) + 1;
        if (due < at) overdue[i] = (overdue[i] ?? 0) + 1;
      }
    }
  });
  return { open, overdue };
}
