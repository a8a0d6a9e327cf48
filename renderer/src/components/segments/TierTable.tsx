import { useTranslation } from 'react-i18next';
import { tiers } from '../../../../shared/domain/enums';
import type { SegmentOverview } from '../../../../shared/domain/segments';
import { CountButton } from './CountButton';
import { formatYuan } from './money';

/** Tier distribution: customers, share against its target, value; manual overrides counted apart. */
export function TierTable({ overview, language }: { overview: SegmentOverview; language: string }) {
  const { t } = useTranslation();
  const run = overview.run;
  const total = overview.tiers.reduce((n, r) => n + r.customers, 0);
  const overridden = overview.tiers.reduce((n, r) => n + r.overridden, 0);
  const shares = run?.settings.shares ?? { high: 0, potential: 0 };
  const target = { high: shares.high, potential: shares.potential, regular: 1 - shares.high - shares.potential };
  return (
    <section className="card" aria-labelledby="seg-tiers">
      <h2 id="seg-tiers" className="section-title">
        {t('segments.tiers.heading')}
      </h2>
      <table className="seg-table">
        <thead>
          <tr>
            <th />
            <th>{t('segments.tiers.customers')}</th>
            <th>{t('segments.tiers.share')}</th>
            <th>{t('segments.tiers.value')}</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => {
            const row = overview.tiers.find((r) => r.tier === tier);
            const count = row?.customers ?? 0;
            return (
              <tr key={tier} className={`seg-tier seg-tier--${tier}`}>
                <th scope="row">{t(`segments.tiers.${tier}`)}</th>
                <td>
                  <CountButton count={count} selector={{ by: 'tier', tier }} label={t(`segments.tiers.${tier}`)} testId={`tier-${tier}`} />
                </td>
                <td>
                  {total === 0 ? '—' : `${((count / total) * 100).toFixed(1)}%`}{' '}
                  <span className="muted" title={t('segments.tiers.target')}>
                    ({Math.round(target[tier] * 100)}%)
                  </span>
                </td>
                <td>{formatYuan(row?.valueCents ?? 0, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {overridden > 0 && (
        <p className="muted">
          <CountButton count={overridden} selector={{ by: 'overridden' }} label={t('segments.tiers.overridden', { count: overridden })} testId="tier-overridden" />{' '}
          {t('segments.tiers.overridden', { count: overridden })}
        </p>
      )}
      <p className="muted seg-explain">{t('segments.tiers.explain')}</p>
    </section>
  );
}
