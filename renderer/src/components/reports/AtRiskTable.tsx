import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import type { DashboardData } from '../../../../shared/kpi/dashboard';
import { profileHref } from '../../routing/customerRoute';

/** The top high-value customers at risk; each name opens the profile. */
export function AtRiskTable({ rows, onAll }: { rows: DashboardData['atRisk']; onAll?: () => void }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('reports.noAtRisk')}</p>;
  return (
    <>
      <table className="report-table" data-testid="at-risk-table">
        <thead>
          <tr>
            <th>{t('reports.col.code')}</th>
            <th>{t('reports.col.name')}</th>
            <th className="num">{t('reports.col.value')}</th>
            <th className="num">{t('reports.col.predicted')}</th>
            <th className="num">{t('reports.col.pAlive')}</th>
            <th>{t('reports.col.lastOrder')}</th>
            <th className="num">{t('reports.col.alerts')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.code}</td>
              <td>{onAll ? <a href={profileHref(r.id)}>{r.name}</a> : r.name}</td>
              <td className="num">{formatMoney(r.valueCents, i18n.language)}</td>
              <td className="num">{r.predictedCents === null ? '—' : formatMoney(r.predictedCents, i18n.language)}</td>
              <td className="num">{r.pAlive === null ? '—' : `${(r.pAlive * 100).toFixed(0)}%`}</td>
              <td>{r.lastOrderDate ?? '—'}</td>
              <td className="num">{r.openAlerts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onAll && (
        <button type="button" className="button" onClick={onAll} data-testid="at-risk-all">
          {t('reports.atRiskAll')}
        </button>
      )}
    </>
  );
}
