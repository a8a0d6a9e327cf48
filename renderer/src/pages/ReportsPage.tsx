import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tiers, type Tier } from '../../../shared/domain/enums';
import type { KpiId } from '../../../shared/kpi/targets';
import { invoke } from '../api/client';
import { AtRiskTable } from '../components/reports/AtRiskTable';
import { Chart } from '../components/reports/Chart';
import { KpiCard } from '../components/reports/KpiCard';
import { tierOption, trendOption } from '../components/reports/options';
import '../components/reports/reports.css';
import { errorMessage } from '../stores/errorMessage';
import { useReports } from '../stores/reports';

/** 经营看板: KPI cards against their targets, trends, tiers over time and high-value customers at risk, for a month and segment. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { month, tier, data, error, load, setPeriod, showCustomers } = useReports();
  const [trendKpi, setTrendKpi] = useState<KpiId>('churn');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const trend = useMemo(() => (data ? trendOption(data, trendKpi, t) : null), [data, trendKpi, t]);
  const tierChart = useMemo(() => (data ? tierOption(data, t) : null), [data, t]);
  const label = (what: string, m = month) => t('reports.shownCustomers', { what, month: m });

  const exportXlsx = async () => {
    setMessage(null);
    try {
      const r = await invoke('reports:exportXlsx', { month, language: i18n.language === 'en' ? 'en' : 'zh-CN' });
      if (r.path) setMessage(t('reports.exported', { path: r.path }));
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  return (
    <section className="page" aria-labelledby="reports-title" data-testid="reports-page">
      <header className="page-header">
        <h1 id="reports-title" className="page-title">
          {t('reports.title')}
        </h1>
        <div className="page-tools">
          <label className="field">
            {t('reports.month')}
            <input type="month" className="text-input" value={month} onChange={(e) => e.target.value && setPeriod(e.target.value, tier)} data-testid="report-month" />
          </label>
          <label className="field">
            {t('reports.segment')}
            <select className="select" value={tier ?? ''} onChange={(e) => setPeriod(month, e.target.value === '' ? null : (e.target.value as Tier))} data-testid="report-tier">
              <option value="">{t('reports.allSegments')}</option>
              {tiers.map((x) => (
                <option key={x} value={x}>
                  {t(`reports.tier.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void exportXlsx()} data-testid="report-export">
            {t('reports.exportXlsx')}
          </button>
          <a className="button" href={`#/print/report?month=${month}&lang=${i18n.language === 'en' ? 'en' : 'zh-CN'}`} data-testid="report-print">
            {t('reports.printReport')}
          </a>
        </div>
      </header>
      {error && (
        <p className="error-notice" role="alert">
          {t('reports.loadFailed')}: {error}
        </p>
      )}
      {message && (
        <p className="muted" role="status" data-testid="report-message">
          {message}
        </p>
      )}
      {data && (
        <>
          <p className="muted">
            {t('reports.clickHint')} {t('reports.amberHint', { margin: `${Math.round(data.settings.amberMargin * 100)}%` })}
          </p>
          <div className="kpi-grid" data-testid="kpi-grid">
            {data.kpis.map((k) => (
              <KpiCard key={k.id} kpi={k} selected={k.id === trendKpi} onSelect={() => setTrendKpi(k.id)} onCustomers={() => void showCustomers(k.id, label(t(`reports.kpi.${k.id}`)))} />
            ))}
          </div>
          <div className="report-grid">
            <section className="card">
              <div className="report-card-head">
                <h2 className="section-title">{t('reports.trendTitle')}</h2>
                <select className="select" value={trendKpi} onChange={(e) => setTrendKpi(e.target.value as KpiId)} aria-label={t('reports.trendKpi')} data-testid="trend-kpi">
                  {data.kpis.map((k) => (
                    <option key={k.id} value={k.id}>
                      {t(`reports.kpi.${k.id}`)}
                    </option>
                  ))}
                </select>
              </div>
              {trend && (
                <Chart
                  option={trend}
                  height={260}
                  testId="trend-chart"
                  onPoint={(i) => {
                    const m = data.months[i];
                    if (m) void showCustomers(trendKpi, label(t(`reports.kpi.${trendKpi}`), m), m);
                  }}
                />
              )}
            </section>
            <section className="card">
              <h2 className="section-title">{t('reports.tierTitle')}</h2>
              {data.tierTrend.every((p) => p === null) ? (
                <p className="muted">{t('reports.noRuns')}</p>
              ) : (
                tierChart && (
                  <Chart
                    option={tierChart}
                    height={260}
                    testId="tier-chart"
                    onPoint={(_, s) => {
                      const x = tiers[s];
                      if (x) void showCustomers('tier', label(t(`reports.tier.${x}`)), month, x);
                    }}
                  />
                )
              )}
            </section>
          </div>
          <div className="report-grid">
            <section className="card">
              <h2 className="section-title">{t('reports.atRiskTitle')}</h2>
              <p className="muted">{t('reports.atRiskHint', { p: `${Math.round(data.settings.atRiskPAlive * 100)}%` })}</p>
              <AtRiskTable rows={data.atRisk} onAll={() => void showCustomers('atRisk', label(t('reports.atRiskTitle')))} />
            </section>
            <section className="card" data-testid="report-detail">
              <h2 className="section-title">{t('reports.detail.title')}</h2>
              <dl className="report-facts">
                <dt>{t('reports.detail.activeAtStart')}</dt>
                <dd>{data.detail.activeAtStart}</dd>
                <dt>{t('reports.detail.lost')}</dt>
                <dd>
                  <button type="button" className="report-link" onClick={() => void showCustomers('churn', label(t('reports.detail.lost')))}>
                    {data.detail.lost}
                  </button>
                </dd>
                <dt>{t('reports.detail.ordering')}</dt>
                <dd>
                  <button type="button" className="report-link" onClick={() => void showCustomers('repurchase', label(t('reports.detail.ordering')))}>
                    {data.detail.ordering}
                  </button>
                </dd>
                <dt>{t('reports.detail.complaints')}</dt>
                <dd>
                  <button type="button" className="report-link" onClick={() => void showCustomers('complaintRate', label(t('reports.detail.complaints')))}>
                    {data.detail.complaints}
                  </button>
                </dd>
                <dt>{t('reports.detail.sla')}</dt>
                <dd>
                  {data.detail.slaDue} / {data.detail.slaOnTime}
                </dd>
                <dt>{t('reports.detail.visits')}</dt>
                <dd>
                  {data.detail.visitsPlanned} / {data.detail.visitsDone}
                </dd>
                <dt>{t('reports.detail.surveys')}</dt>
                <dd>
                  {data.detail.formsSent} / {data.detail.responses}
                </dd>
                <dt>{t('reports.detail.nps')}</dt>
                <dd>
                  {data.detail.npsAnswers.promoters} / {data.detail.npsAnswers.passives} / {data.detail.npsAnswers.detractors}
                </dd>
                <dt>{t('reports.detail.actions')}</dt>
                <dd>
                  {data.detail.actions.open} / {data.detail.actions.overdue} / {data.detail.actions.done}
                </dd>
              </dl>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
