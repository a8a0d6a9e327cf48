import { useTranslation } from 'react-i18next';
import type { Kpi } from '../../../../shared/kpi/dashboard';
import { formatKpi } from '../../../../shared/kpi/format';
import { snapshotKpis } from '../../../../shared/kpi/targets';

/** One KPI: value (clicks through to its customers), target, red/amber/green state and last month. */
export function KpiCard({ kpi, selected, onSelect, onCustomers }: { kpi: Kpi; selected: boolean; onSelect: () => void; onCustomers: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = snapshotKpis.has(kpi.id);
  return (
    <article className={`kpi-card kpi-card--${kpi.state}${selected ? ' kpi-card--selected' : ''}`} data-testid={`kpi-${kpi.id}`} data-state={kpi.state}>
      <button type="button" className="kpi-card__title" onClick={onSelect} title={t('reports.trendTitle')}>
        {t(`reports.kpi.${kpi.id}`)}
      </button>
      <button type="button" className="kpi-card__value" onClick={onCustomers} data-testid={`kpi-value-${kpi.id}`}>
        {formatKpi(kpi.id, kpi.value, lang)}
      </button>
      <div className="kpi-card__meta">
        <span>{kpi.target === null ? t('reports.noTarget') : t('reports.target', { target: formatKpi(kpi.id, kpi.target, lang) })}</span>
        <span className={`kpi-state kpi-state--${kpi.state}`}>{t(`reports.state.${kpi.state}`)}</span>
      </div>
      <div className="kpi-card__prev muted">{snapshot ? t('reports.snapshot') : t('reports.previous', { value: formatKpi(kpi.id, kpi.previous, lang) })}</div>
    </article>
  );
}
