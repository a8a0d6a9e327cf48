import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../shared/analytics/lifecycle';
import type { SegmentOverview } from '../../../../shared/domain/segments';
import { CountButton } from './CountButton';

/** Customers per lifecycle stage as bars, with the rules in words. */
export function LifecycleFunnel({ overview }: { overview: SegmentOverview }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...overview.lifecycle.map((l) => l.customers));
  const rules = overview.run?.settings.lifecycle;
  return (
    <section className="card" aria-labelledby="seg-lifecycle">
      <h2 id="seg-lifecycle" className="section-title">
        {t('segments.lifecycle.heading')}
      </h2>
      <div className="seg-funnel">
        {lifecycleStages.map((stage) => {
          const count = overview.lifecycle.find((l) => l.stage === stage)?.customers ?? 0;
          return (
            <div key={stage} className="seg-funnel__row">
              <span className="seg-funnel__label">{t(`segments.lifecycle.${stage}`)}</span>
              <span className={`seg-funnel__bar seg-funnel__bar--${stage}`} style={{ width: `${(count / max) * 100}%` }} />
              <CountButton count={count} selector={{ by: 'lifecycle', stage }} label={t(`segments.lifecycle.${stage}`)} testId={`lifecycle-${stage}`} />
            </div>
          );
        })}
      </div>
      {rules && (
        <p className="muted seg-explain">
          {t('segments.lifecycle.explain', { growth: rules.growthFromMonths, maturity: rules.maturityFromMonths, window: rules.declineWindowMonths, drop: rules.declineDropPercent })}
        </p>
      )}
    </section>
  );
}
