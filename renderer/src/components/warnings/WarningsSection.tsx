import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertDto } from '../../../../shared/warnings/dto';
import { invoke, on } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { AlertCard } from './AlertCard';
import './warnings.css';

const watched: ReadonlySet<string> = new Set(['alerts', 'warning_runs']);

/** The profile's warnings: open alerts with their actions, then the recently closed ones. */
export function WarningsSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<AlertDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => {
      invoke('warnings:forCustomer', { customerId }).then(
        (r) => {
          setAlerts(r.alerts);
          setError(null);
        },
        (e: unknown) => setError(errorMessage(e)),
      );
    };
    load();
    return on('db:changed', ({ tables }) => {
      if (tables.some((x) => watched.has(x))) load();
    });
  }, [customerId]);
  const open = alerts?.filter((a) => a.status === 'open' || a.status === 'in_progress') ?? [];
  return (
    <section className="card" aria-labelledby="profile-warnings" data-testid="profile-warnings">
      <h2 id="profile-warnings" className="section-title">
        {t('warnings.profile.title')} <span className="muted">{open.length}</span>
      </h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {alerts && alerts.length === 0 && <p className="muted">{t('warnings.profile.empty')}</p>}
      {alerts && alerts.length > 0 && (
        <ul className="alert-list">
          {alerts.slice(0, 10).map((a) => (
            <AlertCard key={a.id} alert={a} showCustomer={false} />
          ))}
        </ul>
      )}
    </section>
  );
}
