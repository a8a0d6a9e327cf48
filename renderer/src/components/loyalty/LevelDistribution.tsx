import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useLiveQuery } from '../../api/live';
import { errorMessage } from '../../stores/errorMessage';
import './loyalty.css';

/** Segments page: how many customers hold each member level, with a button to sync points now. */
export function LevelDistribution() {
  const { t, i18n } = useTranslation();
  const { data, error: loadError } = useLiveQuery('loyalty:distribution', {});
  const [syncError, setSyncError] = useState<string | null>(null);
  // A click shows "syncing" until the next answer, which says whether the sync still runs.
  const [clickedOn, setClickedOn] = useState<typeof data | undefined>(undefined);
  const syncing = clickedOn === data || (data?.running ?? false);
  const error = syncError ?? loadError;
  const sync = async () => {
    try {
      setClickedOn(data);
      await invoke('loyalty:sync', {});
    } catch (e) {
      setClickedOn(undefined);
      setSyncError(errorMessage(e));
    }
  };
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <section className="card" aria-labelledby="loyalty-distribution" data-testid="loyalty-distribution">
      <h2 id="loyalty-distribution" className="section-title section-title--with-action">
        {t('loyalty.distribution.title')}
        <button type="button" className="button button--small" disabled={syncing} onClick={() => void sync()} data-testid="loyalty-sync">
          {syncing ? t('loyalty.distribution.syncing') : t('loyalty.distribution.syncNow')}
        </button>
      </h2>
      {error && <p className="error-text" role="alert">{error}</p>}
      {data && (
        <>
          <table className="info-table info-table--wide">
            <thead>
              <tr>
                <th>{t('loyalty.distribution.level')}</th>
                <th className="numeric">{t('loyalty.distribution.customers')}</th>
                <th className="numeric">{t('loyalty.distribution.share')}</th>
                <th className="numeric">{t('loyalty.distribution.manual')}</th>
                <th className="numeric">{t('loyalty.distribution.points')}</th>
              </tr>
            </thead>
            <tbody>
              {data.levels.map((l) => (
                <tr key={l.level} data-testid={`loyalty-level-${l.level}`}>
                  <td>{t(`loyalty.level.${l.level}`)}</td>
                  <td className="numeric">{l.customers.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{percent.format(data.customers === 0 ? 0 : l.customers / data.customers)}</td>
                  <td className="numeric">{l.manual.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{l.points.toLocaleString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{data.lastSyncAt ? t('loyalty.distribution.lastSync', { time: new Date(data.lastSyncAt).toLocaleString(i18n.language) }) : t('loyalty.distribution.neverSynced')}</p>
        </>
      )}
    </section>
  );
}
