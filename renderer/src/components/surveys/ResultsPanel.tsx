import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyResults } from '../../../../shared/domain/surveys';
import { GOOD_SCORE, PLAN_BELOW } from '../../../../shared/surveys/metrics';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';
import { fixed, percent, tierLabel } from './labels';

type Row = SurveyResults['byTier'][number];

/** Colour by the documents' thresholds: ≥ 4.0 good, below 3.5 needs a plan. */
const level = (mean: number | null) => (mean === null ? '' : mean >= GOOD_SCORE ? 'survey-good' : mean < PLAN_BELOW ? 'survey-low' : 'survey-mid');

/** CSAT per dimension and overall, NPS and response rate; trends by month, tier and customer. */
export function ResultsPanel() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [r, setR] = useState<SurveyResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('surveys:results', { from: from || null, to: to || null }).then(
      (x) => {
        setR(x);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [from, to]);
  useEffect(() => {
    load();
    return onReadsChanged(['surveys:results'], load);
  }, [load]);

  const cells = (g: Row) => (
    <>
      <td className="numeric">{g.responses}</td>
      <td className={`numeric ${level(g.csat.mean)}`}>{fixed(g.csat.mean)}</td>
      <td className="numeric">{percent(g.csat.goodShare)}</td>
      <td className="numeric">{fixed(g.nps.score, 1)}</td>
    </>
  );
  const head = (first: string, extra?: string[]) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="numeric">{t('surveys.results.responses')}</th>
        <th className="numeric">CSAT</th>
        <th className="numeric">{t('surveys.results.good')}</th>
        <th className="numeric">NPS</th>
        {extra?.map((x) => <th key={x} className="numeric">{x}</th>)}
      </tr>
    </thead>
  );

  return (
    <div className="survey-results" data-testid="survey-results">
      <div className="toolbar">
        <label className="field">{t('surveys.results.from')}<input type="date" className="text-input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="survey-results-from" /></label>
        <label className="field">{t('surveys.results.to')}<input type="date" className="text-input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="survey-results-to" /></label>
        <span className="muted">{t('surveys.results.thresholds')}</span>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {r && (
        <>
          <div className="survey-kpis">
            <div className="card survey-kpi" data-testid="survey-kpi-csat">
              <span className="muted">{t('surveys.results.csat')}</span>
              <strong className={level(r.overall.mean)}>{fixed(r.overall.mean)}</strong>
              <span className="muted">{t('surveys.results.goodShare', { share: percent(r.overall.goodShare), n: r.overall.n })}</span>
            </div>
            <div className="card survey-kpi" data-testid="survey-kpi-nps">
              <span className="muted">NPS</span>
              <strong>{fixed(r.nps.score, 1)}</strong>
              <span className="muted">{t('surveys.results.npsSplit', { p: r.nps.promoters, q: r.nps.passives, d: r.nps.detractors })}</span>
            </div>
            <div className="card survey-kpi" data-testid="survey-kpi-rate">
              <span className="muted">{t('surveys.results.rate')}</span>
              <strong>{percent(r.responseRate)}</strong>
              <span className="muted">{t('surveys.results.rateOf', { responded: r.responded, sent: r.sent })}</span>
            </div>
          </div>
          <div className="survey-grid">
            <section className="card">
              <h3 className="section-subtitle">{t('surveys.results.byDimension')}</h3>
              <table className="info-table info-table--wide" data-testid="survey-dimensions">
                <thead>
                  <tr><th>{t('surveys.results.dimension')}</th><th className="numeric">n</th><th className="numeric">CSAT</th><th className="numeric">{t('surveys.results.good')}</th></tr>
                </thead>
                <tbody>
                  {r.dimensions.map((d) => (
                    <tr key={d.dimension}>
                      <td>{i18n.language === 'en' ? d.nameEn : d.nameZh}</td>
                      <td className="numeric">{d.csat.n}</td>
                      <td className={`numeric ${level(d.csat.mean)}`}>{fixed(d.csat.mean)}</td>
                      <td className="numeric">{percent(d.csat.goodShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <h3 className="section-subtitle">{t('surveys.results.byTier')}</h3>
              <table className="info-table info-table--wide" data-testid="survey-tiers">
                {head(t('customers.columns.tier'))}
                <tbody>
                  {r.byTier.map((g) => <tr key={g.key}><td>{tierLabel(t, g.key)}</td>{cells(g)}</tr>)}
                </tbody>
              </table>
            </section>
            <section className="card survey-wide">
              <h3 className="section-subtitle">{t('surveys.results.byMonth')}</h3>
              <div className="scroll-box survey-table-box">
                <table className="info-table info-table--wide" data-testid="survey-months">
                  {head(t('surveys.results.month'), [t('surveys.results.sent'), t('surveys.results.rate')])}
                  <tbody>
                    {r.byMonth.map((m) => (
                      <tr key={m.key}><td>{m.key}</td>{cells(m)}<td className="numeric">{m.sent}</td><td className="numeric">{percent(m.responseRate)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="card survey-wide">
              <h3 className="section-subtitle">{t('surveys.results.byCustomer')}</h3>
              <div className="scroll-box survey-table-box">
                <table className="info-table info-table--wide" data-testid="survey-customers">
                  {head(t('surveys.columns.customer'))}
                  <tbody>
                    {r.byCustomer.map((c) => <tr key={c.customerId}><td><a href={profileHref(c.customerId)}>{c.customerName}</a></td>{cells(c)}</tr>)}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
