import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../shared/i18n/language';
import type { ReportData } from '../../../shared/kpi/report';
import type { KpiId } from '../../../shared/kpi/targets';
import { invoke } from '../api/client';
import { AtRiskTable } from '../components/reports/AtRiskTable';
import { Chart } from '../components/reports/Chart';
import { formatKpi } from '../../../shared/kpi/format';
import { tierOption, trendOption } from '../components/reports/options';
import '../components/reports/reports.css';
import { errorMessage } from '../stores/errorMessage';
import type { PrintLayoutProps } from './PrintView';
import './report.css';

/** The KPIs the printed report charts (the table lists them all). */
const CHARTED: KpiId[] = ['churn', 'retention', 'repurchase', 'csat', 'nps', 'complaintRate', 'slaAttainment', 'interactionsPerCustomer'];

/** At-risk rows that fit on the segments page beside the migration table. */
const AT_RISK_PRINTED = 12;

/** `?month=YYYY-MM[&lang=zh-CN|en]`: the monthly manager report on A4 pages, charts included. */
export function ReportLayout({ query, onReady }: PrintLayoutProps) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const month = query.get('month') ?? '';
  const lang = query.get('lang');

  useEffect(() => {
    const ready = lang && isLanguage(lang) && lang !== i18n.language ? i18n.changeLanguage(lang) : Promise.resolve();
    void ready
      .then(() => invoke('reports:report', { month }))
      .then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [month, lang, i18n]);
  // Children's effects (the charts' setOption) have run by now: the page is complete.
  useEffect(() => {
    if (data) onReady();
  }, [data, onReady]);

  const charts = useMemo(() => (data ? CHARTED.map((id) => ({ id, option: trendOption(data, id, t) })) : []), [data, t]);
  const tiers = useMemo(() => (data ? tierOption(data, t) : null), [data, t]);
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!data) return null;
  const lng = i18n.language;
  const tierName = (x: string | null) => (x === null ? t('reports.print.newTier') : t(`reports.tier.${x}`));

  return (
    <div className="report-print" data-testid="report-print">
      <section className="report-page">
        <header className="report-print__head">
          <h1>{t('reports.print.title')}</h1>
          <div className="muted">
            {t('reports.print.period', { month: data.month })} · {t('reports.print.generated', { at: new Date(data.generatedAt).toLocaleString(lng) })}
          </div>
        </header>
        <h2>{t('reports.print.kpis')}</h2>
        <table className="report-table report-table--print" data-testid="report-kpis">
          <thead>
            <tr>
              <th />
              <th className="num">{t('reports.print.value')}</th>
              <th className="num">{t('reports.print.previous')}</th>
              <th className="num">{t('reports.print.target')}</th>
              <th>{t('reports.print.state')}</th>
            </tr>
          </thead>
          <tbody>
            {data.kpis.map((k) => (
              <tr key={k.id} data-kpi={k.id}>
                <td>{t(`reports.kpi.${k.id}`)}</td>
                <td className="num">{formatKpi(k.id, k.value, lng)}</td>
                <td className="num">{formatKpi(k.id, k.previous, lng)}</td>
                <td className="num">{k.target === null ? '—' : formatKpi(k.id, k.target, lng)}</td>
                <td>
                  <span className={`kpi-state kpi-state--${k.state}`}>{t(`reports.state.${k.state}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-page">
        <h2>{t('reports.print.trends')}</h2>
        <div className="report-print__charts">
          {charts.map((c) => (
            <figure key={c.id}>
              <figcaption>{t(`reports.kpi.${c.id}`)}</figcaption>
              {data.kpis.find((k) => k.id === c.id)?.trend.every((v) => v === null) ? <p className="muted report-print__nodata">{t('reports.noData')}</p> : <Chart option={c.option} height={170} animate={false} />}
            </figure>
          ))}
        </div>
      </section>

      <section className="report-page">
        <h2>{t('reports.print.segments')}</h2>
        {data.tierTrend.every((p) => p === null) ? <p className="muted">{t('reports.noRuns')}</p> : tiers && <Chart option={tiers} height={230} animate={false} />}
        <h3>{t('reports.print.migration', { from: data.migration.from ?? '—', to: data.migration.to ?? '—' })}</h3>
        <table className="report-table report-table--print">
          <thead>
            <tr>
              <th>{t('reports.print.from')}</th>
              {(['high', 'regular', 'potential'] as const).map((x) => (
                <th key={x} className="num">{t(`reports.tier.${x}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['high', 'regular', 'potential', null] as const).map((from) => (
              <tr key={from ?? 'new'}>
                <td>{tierName(from)}</td>
                {(['high', 'regular', 'potential'] as const).map((to) => (
                  <td key={to} className="num">{data.migration.cells.find((c) => c.fromTier === from && c.toTier === to)?.customers ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('reports.atRiskTitle')}</h2>
        <AtRiskTable rows={data.atRisk.slice(0, AT_RISK_PRINTED)} />
      </section>

      <section className="report-page">
        <h2>{t('reports.print.complaints')}</h2>
        <p>
          {t('reports.detail.complaints')}: {data.detail.complaints} · {t('reports.detail.sla')}: {data.detail.slaDue} / {data.detail.slaOnTime}
        </p>
        {data.complaints.length === 0 ? (
          <p className="muted">{t('reports.print.noComplaints')}</p>
        ) : (
          <table className="report-table report-table--print">
            <thead>
              <tr>
                <th>{t('reports.col.code')}</th>
                <th>{t('reports.col.name')}</th>
                <th>{t('reports.print.opened')}</th>
                <th>{t('reports.print.severity')}</th>
                <th>{t('reports.print.due')}</th>
                <th>{t('reports.print.resolved')}</th>
                <th>SLA</th>
              </tr>
            </thead>
            <tbody>
              {data.complaints.slice(0, 40).map((c, i) => (
                <tr key={i}>
                  <td>{c.code}</td>
                  <td>{c.name}</td>
                  <td>{c.openedAt.slice(0, 10)}</td>
                  <td>{t(`profiles.profile.severity.${c.severity}`)}</td>
                  <td>{c.dueAt?.slice(0, 10) ?? '—'}</td>
                  <td>{c.resolvedAt?.slice(0, 10) ?? '—'}</td>
                  <td>{t(`reports.print.sla.${c.sla}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('reports.print.visits')}</h2>
        <p>
          {t('reports.detail.visits')}: {data.detail.visitsPlanned} / {data.detail.visitsDone}
        </p>
        <h2>{t('reports.print.surveys')}</h2>
        <p>
          {t('reports.detail.surveys')}: {data.detail.formsSent} / {data.detail.responses} · {t('reports.detail.nps')}: {data.detail.npsAnswers.promoters} / {data.detail.npsAnswers.passives} / {data.detail.npsAnswers.detractors}
        </p>
        {data.detail.dimensions.length === 0 ? (
          <p className="muted">{t('reports.print.noSurveys')}</p>
        ) : (
          <table className="report-table report-table--print">
            <thead>
              <tr>
                <th>{t('reports.print.dimension')}</th>
                <th className="num">{t('reports.print.mean')}</th>
                <th className="num">{t('reports.print.share')}</th>
                <th className="num">{t('reports.print.answers')}</th>
              </tr>
            </thead>
            <tbody>
              {data.detail.dimensions.map((d) => (
                <tr key={d.dimension}>
                  <td>{t(`reports.dimension.${d.dimension}`, { defaultValue: d.dimension })}</td>
                  <td className="num">{d.mean === null ? '—' : d.mean.toFixed(2)}</td>
                  <td className="num">{d.satisfiedShare === null ? '—' : `${(d.satisfiedShare * 100).toFixed(1)}%`}</td>
                  <td className="num">{d.answers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('reports.print.actions')}</h2>
        {data.actions.length === 0 ? (
          <p className="muted">{t('reports.print.noActions')}</p>
        ) : (
          <table className="report-table report-table--print">
            <thead>
              <tr>
                <th>{t('reports.print.plan')}</th>
                <th>{t('reports.print.measure')}</th>
                <th>{t('reports.print.owner')}</th>
                <th>{t('reports.print.due')}</th>
                <th>{t('reports.print.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.actions.slice(0, 30).map((a) => (
                <tr key={a.id}>
                  <td>{a.plan}</td>
                  <td>{a.measure}</td>
                  <td>{a.owner ?? '—'}</td>
                  <td>{a.dueDate ?? '—'}</td>
                  <td>{a.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
