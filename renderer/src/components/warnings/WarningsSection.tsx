import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../api/live';
import { AlertCard } from './AlertCard';
import './warnings.css';

/** The profile's warnings: open alerts with their actions, then the recently closed ones. */
export function WarningsSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { data, error } = useLiveQuery('warnings:forCustomer', { customerId });
  const alerts = data?.alerts ?? null;
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
