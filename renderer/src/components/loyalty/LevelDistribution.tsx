import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelDistribution as Distribution } from '../../../../shared/domain/loyalty';
import { invoke, on } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import './loyalty.css';

const watched: ReadonlySet<string> = new Set(['loyalty_accounts', 'customers']);

/** Segments page: how many customers hold each member level, with a button to sync points now. */
export function LevelDistribution() {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Distribution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    invoke('loyalty:distribution', {}).then(
      (d) => {
        if (!current) return;
        setData(d);
        setSyncing(d.running);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);
  useEffect(
    () =>
      on('db:changed', ({ tables }) => {
        if (tables.some((x) => watched.has(x))) setGeneration((g) => g + 1);
      }),
    [],
  );
  const sync = async () => {
    try {
      setSyncing(true);
      await invoke('loyalty:sync', {});
    } catch (e) {
      setSyncing(false);
      setError(errorMessage(e));
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
