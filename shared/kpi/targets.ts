import { z } from 'zod';

/** Every KPI of the dashboard and the manager report, in display order. */
export const kpiIds = [
  'customers',
  'activeCustomers',
  'retention',
  'churn',
  'repurchase',
  'avgValue',
  'avgPredicted',
  'csat',
  'csatShare',
  'nps',
  'responseRate',
  'completeness',
  'complaintRate',
  'slaAttainment',
  'interactionsPerCustomer',
  'openWarnings',
  'overdueWarnings',
  'visitsDone',
] as const;
export type KpiId = (typeof kpiIds)[number];

/** How a value is shown: rates are fractions (0.05 = 5 %), money integer cents, NPS −100…100. */
export type KpiUnit = 'count' | 'percent' | 'money' | 'score' | 'nps' | 'ratio';

/** atLeast: good when value ≥ target; atMost: good when value ≤ target; below: good when value < target. */
export type KpiDirection = 'atLeast' | 'atMost' | 'below';

export const kpiMeta: Record<KpiId, { unit: KpiUnit; direction: KpiDirection | null }> = {
  customers: { unit: 'count', direction: null },
  activeCustomers: { unit: 'count', direction: null },
  retention: { unit: 'percent', direction: 'atLeast' },
  churn: { unit: 'percent', direction: 'atMost' },
  repurchase: { unit: 'percent', direction: 'atLeast' },
  avgValue: { unit: 'money', direction: null },
  avgPredicted: { unit: 'money', direction: null },
  csat: { unit: 'score', direction: 'atLeast' },
  csatShare: { unit: 'percent', direction: 'atLeast' },
  nps: { unit: 'nps', direction: 'atLeast' },
  responseRate: { unit: 'percent', direction: 'atLeast' },
  completeness: { unit: 'percent', direction: 'atLeast' },
  complaintRate: { unit: 'percent', direction: 'below' },
  slaAttainment: { unit: 'percent', direction: 'atLeast' },
  interactionsPerCustomer: { unit: 'ratio', direction: 'atLeast' },
  openWarnings: { unit: 'count', direction: null },
  overdueWarnings: { unit: 'count', direction: 'atMost' },
  visitsDone: { unit: 'percent', direction: 'atLeast' },
};

/** KPIs known only as of today (no monthly history): shown as the last trend point. */
export const snapshotKpis: ReadonlySet<KpiId> = new Set<KpiId>(['avgValue', 'avgPredicted', 'completeness']);

/** KPIs that have a target (the others are shown without a state). */
export const targetedKpis = kpiIds.filter((id) => kpiMeta[id].direction !== null);
export type TargetedKpi = (typeof targetedKpis)[number];

const rate = z.number().min(0).max(1);
export const reportSettingsSchema = z
  .object({
    /** A customer is active at the end of a month when it ordered in this many months up to it. */
    activeWindowMonths: z.number().int().min(1).max(12),
    /** Amber: missed, but by at most this fraction of the target (0.1 = within 10 %). */
    amberMargin: z.number().min(0).max(1),
    /** A high-value customer is at risk when its probability of being alive is below this (or it has an open warning). */
    atRiskPAlive: z.number().gt(0).lt(1),
    targets: z
      .object({
        retention: rate,
        churn: rate,
        repurchase: rate,
        csat: z.number().min(1).max(5),
        csatShare: rate,
        nps: z.number().min(-100).max(100),
        responseRate: rate,
        completeness: rate,
        complaintRate: rate,
        slaAttainment: rate,
        interactionsPerCustomer: z.number().min(0).max(100),
        overdueWarnings: z.number().int().min(0),
        visitsDone: rate,
      })
      .strict(),
  })
  .strict();
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** The process documents' targets: churn ≤ 5 %, CSAT ≥ 4.0, NPS ≥ 40, completeness ≥ 90 %, complaints < 5 %, ≥ 2 interactions. */
export const defaultReportSettings: ReportSettings = {
  activeWindowMonths: 3,
  amberMargin: 0.1,
  atRiskPAlive: 0.5,
  targets: {
    retention: 0.95,
    churn: 0.05,
    repurchase: 0.3,
    csat: 4,
    csatShare: 0.8,
    nps: 40,
    responseRate: 0.3,
    completeness: 0.9,
    complaintRate: 0.05,
    slaAttainment: 0.95,
    interactionsPerCustomer: 2,
    overdueWarnings: 0,
    visitsDone: 0.9,
  },
};

export type KpiState = 'green' | 'amber' | 'red' | 'none';

/**
 * Red/amber/green against a target. Green: the target is met. Amber: missed by at most
 * `margin` × |target| (for a zero target: by at most `margin`, i.e. never for counts).
 * Red: missed by more. 'none' when there is no value or no target.
 */
export function kpiState(value: number | null, target: number | null, direction: KpiDirection | null, margin: number): KpiState {
  if (value === null || target === null || direction === null) return 'none';
  const slack = Math.abs(target) * margin || margin;
  switch (direction) {
    case 'atLeast':
      return value >= target ? 'green' : value >= target - slack ? 'amber' : 'red';
    case 'atMost':
      return value <= target ? 'green' : value <= target + slack ? 'amber' : 'red';
    case 'below':
      return value < target ? 'green' : value < target + slack ? 'amber' : 'red';
  }
}
