import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPlan } from '../../../../shared/domain/visits';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { planForCustomerHref, visitSheetsRoute } from '../../routing/visitRoute';
import { errorMessage } from '../../stores/errorMessage';
import { language } from '../../stores/visits';
import { RecordForm } from './RecordForm';

/** The profile's visit plans: newest first, record an outcome, print a sheet, plan another. */
export function ProfileVisits({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<VisitPlan[] | null>(null);
  const [recording, setRecording] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('visits:list', { customerId, language: language() }).then(
      (r) => setPlans([...r.plans].reverse()),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [customerId]);
  useEffect(() => {
    load();
    return onReadsChanged(['visits:list'], load);
  }, [load]);

  return (
    <section className="card" aria-labelledby="profile-visits" data-testid="profile-visits">
      <h2 id="profile-visits" className="section-title">
        {t('visits.profile.heading')} {plans && <span className="muted">{plans.length}</span>}
      </h2>
      {error && <p className="error-text" role="alert">{error}</p>}
      {plans && plans.length === 0 && <p className="muted">{t('visits.profile.none')}</p>}
      {plans && plans.length > 0 && (
        <ul className="plain-list visit-profile-list">
          {plans.slice(0, 10).map((p) => (
            <li key={p.id}>
              <div className="visit-profile-item">
                <span>{p.plannedDate}</span>
                <span className={`visit-status visit-status--${p.status}`}>{t(`visits.status.${p.status}`)}</span>
                <span className="muted">{p.ownerName ?? ''}</span>
                <span className="visit-profile-item__name">{p.templateName}</span>
                <button type="button" className="button" onClick={() => setRecording(recording === p.id ? null : p.id)}>{t('visits.record')}</button>
                <a className="button" href={visitSheetsRoute([p.id])}>{t('print.toolbar.print')}</a>
              </div>
              {p.outcome && <div className="muted">{p.outcome}{p.nextStep ? ` → ${p.nextStep}` : ''}</div>}
              {recording === p.id && <RecordForm plan={p} onDone={() => setRecording(null)} />}
            </li>
          ))}
        </ul>
      )}
      <div>
        <a className="button" href={planForCustomerHref(customerId)} data-testid="profile-plan-visit">{t('visits.profile.plan')}</a>
      </div>
    </section>
  );
}
