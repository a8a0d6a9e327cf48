import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSeverity } from '../../../shared/domain/enums';
import type { StaffOption } from '../../../shared/domain/profile';
import type { ComplaintDto } from '../../../shared/warnings/dto';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { ComplaintForm } from '../components/complaints/ComplaintForm';
import { ComplaintRow } from '../components/complaints/ComplaintRow';
import '../components/warnings/warnings.css';
import { useCustomers } from '../stores/customers';
import { errorMessage } from '../stores/errorMessage';

/** `#/complaints?customer=12` → 12 (from a profile or an alert), else null. */
function customerFromHash(): number | null {
  const m = /[?&]customer=(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
}
const subscribe = (fn: () => void) => {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
};

/** 客诉: log complaints, watch their SLA clocks (overdue and soon-due highlighted), respond, escalate, resolve. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const customerId = useSyncExternalStore(subscribe, customerFromHash);
  const customers = useCustomers((s) => s.rows);
  // Escalation goes only to managers and admins; the service enforces it too.
  const [managers, setManagers] = useState<StaffOption[]>([]);
  const [which, setWhich] = useState<'open' | 'all'>('open');
  const [complaints, setComplaints] = useState<ComplaintDto[] | null>(null);
  const [hours, setHours] = useState<Record<ComplaintSeverity, number> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () => {
      Promise.all([invoke('complaints:list', { which }), invoke('warnings:settings', {}), invoke('complaints:escalationTargets', {})]).then(
        ([list, settings, targets]) => {
          setComplaints(list.complaints);
          setManagers(targets.staff);
          const s = settings.sla.bySeverity;
          setHours({ low: s.low.resolutionHours, medium: s.medium.resolutionHours, high: s.high.resolutionHours, critical: s.critical.resolutionHours });
          setError(null);
        },
        (e: unknown) => setError(errorMessage(e)),
      );
    };
    load();
    void useCustomers.getState().ensureLoaded();
    return onReadsChanged(['complaints:list', 'warnings:settings', 'complaints:escalationTargets'], load);
  }, [which]);

  const shown = complaints?.filter((c) => customerId === null || c.customerId === customerId) ?? [];
  const filtered = customers.find((c) => c.id === customerId);
  return (
    <section className="page" aria-labelledby="complaints-title" data-testid="complaints-page">
      <header className="page-header">
        <h1 id="complaints-title" className="page-title">
          {t('complaints.title')}
          <span className="count-badge">{shown.length}</span>
        </h1>
        <div className="page-tools">
          {filtered && (
            <span className="filter-chip">
              {filtered.name}
              <a className="chip-clear" href="#/complaints" aria-label={t('customers.clearIdFilter')}>×</a>
            </span>
          )}
          <span className="segmented" role="radiogroup" aria-label={t('complaints.title')}>
            {(['open', 'all'] as const).map((w) => (
              <button key={w} type="button" role="radio" aria-checked={which === w} className={which === w ? 'segmented__item segmented__item--on' : 'segmented__item'} onClick={() => setWhich(w)}>
                {t(w === 'open' ? 'complaints.showOpen' : 'complaints.showAll')}
              </button>
            ))}
          </span>
        </div>
      </header>
      {error && <p className="error-notice" role="alert">{error}</p>}
      {hours && <ComplaintForm key={customerId ?? 0} customers={customers} initialCustomerId={customerId} defaultHours={hours} />}
      <section className="card">
        {complaints && shown.length === 0 ? (
          <p className="muted">{t('complaints.empty')}</p>
        ) : (
          <div className="scroll-box">
            <table className="info-table info-table--wide complaint-table">
              <thead>
                <tr>
                  <th>{t('complaints.customer')}</th>
                  <th>{t('complaints.severity')}</th>
                  <th>{t('complaints.description')}</th>
                  <th>{t('complaints.response')}</th>
                  <th>{t('complaints.resolution')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <ComplaintRow key={c.id} c={c} staff={managers} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
