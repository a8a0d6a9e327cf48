import { useTranslation } from 'react-i18next';
import { tiers, type Tier } from '../../../../shared/domain/enums';
import type { SegmentOverview } from '../../../../shared/domain/segments';
import { CountButton } from './CountButton';

/** Previous tier × current tier between the last two runs; each cell lists who moved. */
export function MigrationMatrix({ overview }: { overview: SegmentOverview }) {
  const { t } = useTranslation();
  const from: (Tier | null)[] = [...tiers, null];
  const cell = (f: Tier | null, to: Tier) => overview.migration.find((m) => m.from === f && m.to === to)?.customers ?? 0;
  const name = (tier: Tier | null) => (tier === null ? t('segments.migration.new') : t(`segments.tiers.${tier}`));
  return (
    <section className="card" aria-labelledby="seg-migration">
      <h2 id="seg-migration" className="section-title">
        {t('segments.migration.heading')}
      </h2>
      {overview.previousRun === null ? (
        <p className="muted">{t('segments.migration.none')}</p>
      ) : (
        <>
          <p className="muted">{t('segments.migration.since', { asOf: overview.previousRun.asOf })}</p>
          <table className="seg-table seg-migration">
            <thead>
              <tr>
                <th>{t('segments.migration.from')}</th>
                {tiers.map((to) => (
                  <th key={to}>{name(to)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {from.map((f) => (
                <tr key={f ?? 'new'}>
                  <th scope="row">{name(f)}</th>
                  {tiers.map((to) => (
                    <td key={to} className={f === to ? 'seg-migration__same' : undefined}>
                      <CountButton count={cell(f, to)} selector={{ by: 'migration', from: f, to }} label={`${name(f)} → ${name(to)}`} testId={`migration-${f ?? 'new'}-${to}`} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
