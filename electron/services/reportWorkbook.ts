import { resources, tDynamic, translator } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/language';
import type { ReportData } from '../../shared/kpi/report';
import { kpiMeta, type KpiId } from '../../shared/kpi/targets';
import { writeWorkbook, type CellInput, type ColumnType, type SheetSpec } from '../export/workbook';

/** How a KPI's value goes into a typed cell: rates as Excel percentages, money as yuan, the rest as numbers. */
const columnType = (id: KpiId): ColumnType => {
  switch (kpiMeta[id].unit) {
    case 'percent':
      return 'percent';
    case 'money':
      return 'money';
    case 'count':
      return 'int';
    default:
      return 'number';
  }
};

/**
 * The manager report as a multi-sheet .xlsx through the app's own writer: one sheet per
 * section, localised sheet names and headers, typed cells. The KPI sheet mixes units, so
 * each value column there is a number with the unit beside it (percentages as % points).
 */
export async function writeReportWorkbook(file: string, r: ReportData, language: Language, database: string | null): Promise<void> {
  const t = translator(language);
  // Labels from the catalogue (sections `reportWorkbook` and `reports.kpi`); codes of the rows (severity, action status) are written as words too.
  const L = { ...resources[language].reportWorkbook, kpi: resources[language].reports.kpi };
  const byKey = (labels: Record<string, string>, key: string): string | undefined => labels[key];
  /** A column with its localised header (a missing label shows as an empty header, never as a key). */
  const col = (key: string, type: ColumnType) => ({ header: byKey(L.col, key) ?? '', type });
  const shown = (id: KpiId, v: number | null): number | null => (v === null ? null : kpiMeta[id].unit === 'percent' ? Math.round(v * 10000) / 100 : kpiMeta[id].unit === 'money' ? v / 100 : Math.round(v * 100) / 100);
  const unit = (id: KpiId): string => ({ percent: '%', money: '¥', count: '', score: '/5', nps: '', ratio: '' })[kpiMeta[id].unit];
  const trendIds: KpiId[] = ['customers', 'activeCustomers', 'retention', 'churn', 'repurchase', 'csat', 'csatShare', 'nps', 'responseRate', 'complaintRate', 'slaAttainment', 'interactionsPerCustomer', 'openWarnings', 'overdueWarnings', 'visitsDone'];
  const kpi = (id: KpiId) => r.kpis.find((k) => k.id === id);
  const sheets: SheetSpec[] = [
    {
      name: `${L.sheets.kpis} ${r.month}`,
      columns: [
        col('kpi', 'text'),
        col('value', 'number'),
        col('previous', 'number'),
        col('target', 'number'),
        col('unit', 'text'),
        col('state', 'text'),
      ],
      rows: r.kpis.map((k): CellInput[] => [L.kpi[k.id], shown(k.id, k.value), shown(k.id, k.previous), shown(k.id, k.target), unit(k.id), L.state[k.state]]),
    },
    {
      name: L.sheets.trend,
      columns: [col('month', 'text'), ...trendIds.map((id) => ({ header: L.kpi[id], type: columnType(id) }))],
      rows: r.months.map((m, i): CellInput[] => [m, ...trendIds.map((id) => kpi(id)?.trend[i] ?? null)]),
    },
    {
      name: L.sheets.segments,
      columns: [col('month', 'text'), { header: L.tier.high, type: 'int' }, { header: L.tier.regular, type: 'int' }, { header: L.tier.potential, type: 'int' }],
      rows: r.tierTrend.flatMap((t): CellInput[][] => (t ? [[t.month, t.high, t.regular, t.potential]] : [])),
    },
    {
      name: L.sheets.migration,
      columns: [col('from', 'text'), col('to', 'text'), col('customers', 'int')],
      rows: r.migration.cells.map((m): CellInput[] => [L.tier[m.fromTier ?? 'none'], L.tier[m.toTier], m.customers]),
    },
    {
      name: L.sheets.atRisk,
      columns: [
        col('code', 'text'),
        col('name', 'text'),
        col('valueCents', 'money'),
        col('predictedCents', 'money'),
        col('pAlive', 'percent'),
        col('lastOrder', 'date'),
        col('openAlerts', 'int'),
      ],
      rows: r.atRisk.map((a): CellInput[] => [a.code, a.name, a.valueCents, a.predictedCents, a.pAlive, a.lastOrderDate, a.openAlerts]),
    },
    {
      name: L.sheets.complaints,
      columns: [
        col('code', 'text'),
        col('name', 'text'),
        col('openedAt', 'date'),
        col('severity', 'text'),
        col('category', 'text'),
        col('dueAt', 'date'),
        col('resolvedAt', 'date'),
        col('sla', 'text'),
      ],
      rows: r.complaints.map((k): CellInput[] => [k.code, k.name, k.openedAt, tDynamic(t, `profiles.profile.severity.${k.severity}`, { defaultValue: k.severity }), k.category, k.dueAt, k.resolvedAt, L.sla[k.sla]]),
    },
    {
      name: L.sheets.activity,
      columns: [col('item', 'text'), col('count', 'int')],
      rows: (
        [
          ['activeAtStart', r.detail.activeAtStart],
          ['lost', r.detail.lost],
          ['ordering', r.detail.ordering],
          ['visitsPlanned', r.detail.visitsPlanned],
          ['visitsDone', r.detail.visitsDone],
          ['complaints', r.detail.complaints],
          ['slaDue', r.detail.slaDue],
          ['slaOnTime', r.detail.slaOnTime],
          ['formsSent', r.detail.formsSent],
          ['responses', r.detail.responses],
          ['promoters', r.detail.npsAnswers.promoters],
          ['passives', r.detail.npsAnswers.passives],
          ['detractors', r.detail.npsAnswers.detractors],
          ['actionsOpen', r.detail.actions.open],
          ['actionsOverdue', r.detail.actions.overdue],
          ['actionsDone', r.detail.actions.done],
        ] as const
      ).map(([k, v]): CellInput[] => [byKey(L.activity, k) ?? k, v]),
    },
    {
      name: L.sheets.surveys,
      columns: [col('dimension', 'text'), col('mean', 'number'), col('share', 'percent'), col('answers', 'int')],
      rows: r.detail.dimensions.map((d): CellInput[] => [byKey(L.dimension, d.dimension) ?? d.dimension, d.mean, d.satisfiedShare, d.answers]),
    },
    {
      name: L.sheets.actions,
      columns: [
        col('plan', 'text'),
        col('measure', 'text'),
        col('owner', 'text'),
        col('dueDate', 'date'),
        col('status', 'text'),
        col('doneOn', 'date'),
      ],
      rows: r.actions.map((a): CellInput[] => [a.plan, a.measure, a.owner, a.dueDate, tDynamic(t, `surveys.actionStatus.${a.status}`, { defaultValue: a.status }), a.doneOn]),
    },
  ];
  await writeWorkbook(file, sheets, { database });
}
