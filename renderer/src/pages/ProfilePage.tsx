import { quadrantLabel } from '../../../shared/i18n/segmentLabels';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileCompleteness } from '../../../shared/domain/completeness';
import { formatMoney } from '../../../shared/domain/money';
import { invoke } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { AuditTrail } from '../components/profiles/AuditTrail';
import { ContactsSection } from '../components/profiles/ContactsSection';
import { InteractionsSection } from '../components/profiles/InteractionsSection';
import { OrdersSection } from '../components/profiles/OrdersSection';
import { LoyaltySection } from '../components/loyalty/LoyaltySection';
import { ProfileVisits } from '../components/visits/ProfileVisits';
import { ProfileSurveys } from '../components/surveys/ProfileSurveys';
import { gridHref } from '../routing/customerRoute';
import { errorMessage } from '../stores/errorMessage';
import { useProfile } from '../stores/profile';
import { useProfileRefs } from '../stores/profileRefs';
import { useSettings } from '../stores/settings';
import { WarningsSection } from '../components/warnings/WarningsSection';

/** One customer: basic info, completeness, contacts, interactions, orders, complaints, notes and the change history. */
export function ProfilePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const rules = useProfileRefs((s) => s.rules);
  const { customer, activity, notFound, error, reload } = useProfile(id);
  const [notes, setNotes] = useState<string | null>(null);
  const [notesError, setNotesError] = useState<string | null>(null);
  const time = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }), [language]);
  const formatTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : time.format(new Date(iso)));
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent' }), [language]);

  const back = (
    <a className="back-link" href={gridHref} data-testid="profile-back">
      ← {t('profiles.profile.back')}
    </a>
  );
  if (notFound) {
    return (
      <section className="page">
        {back}
        <p className="status-message" role="status">{t('profiles.profile.notFound')}</p>
      </section>
    );
  }
  if (!customer || !activity) {
    return (
      <section className="page">
        {back}
        {error ? <ErrorNotice title={t('profiles.profile.saveFailed')} message={error} retryLabel={t('customers.retry')} onRetry={reload} /> : <p className="status-message" role="status">{t('profiles.profile.loading')}</p>}
      </section>
    );
  }

  const completeness = profileCompleteness(customer, rules);
  const info: [string, string | null][] = [
    [t('profiles.profile.code'), customer.code],
    [t('customers.columns.kind'), t(`customers.kind.${customer.kind}`)],
    [t('customers.columns.industry'), customer.industry],
    [t('customers.columns.region'), customer.region],
    [t('profiles.profile.source'), customer.source],
    [t('customers.columns.owner'), customer.ownerName],
    [t('profiles.columns.cooperationStart'), customer.cooperationStart],
    [t('customers.columns.status'), t(`customers.status.${customer.status}`)],
    [t('customers.columns.tier'), customer.effectiveTier ? `${t(`customers.tier.${customer.effectiveTier}`)}${customer.tierOverride ? ` ${t('customers.overriddenMark')}` : ''}` : null],
    [t('customers.columns.quadrant'), customer.quadrant ? quadrantLabel(t, customer.quadrant) : null],
    [t('customers.columns.lifecycle'), customer.lifecycle ? t(`segments.lifecycle.${customer.lifecycle}`) : null],
    [t('customers.columns.predicted'), customer.predictedCents === null ? null : formatMoney(customer.predictedCents, language)],
    [t('profiles.profile.phone'), customer.phone],
    [t('profiles.profile.email'), customer.email],
    [t('profiles.profile.address'), customer.address],
    [t('customers.columns.tags'), customer.tags.join(t('customers.tagSeparator')) || null],
    [t('customers.columns.total'), formatMoney(customer.totalCents, language)],
    [t('customers.columns.lastOrderDate'), customer.lastOrderDate],
    [t('profiles.profile.createdAt'), formatTime(customer.createdAt)],
  ];

  const saveNotes = async () => {
    try {
      await invoke('customers:update', { id, patch: { notes: notes?.trim() ? notes : null } });
      setNotes(null);
      setNotesError(null);
    } catch (e) {
      setNotesError(errorMessage(e));
    }
  };

  return (
    <section className="page profile" aria-labelledby="profile-title" data-testid="profile-page">
      {back}
      <header className="page-header">
        <h1 id="profile-title" className="page-title">
          {customer.name}
          <span className="count-badge">{customer.code}</span>
        </h1>
        <div className={completeness.missing.length === 0 ? 'kpi-badge' : 'kpi-badge kpi-badge--below'} data-testid="profile-completeness">
          {t('profiles.profile.completeness')} {percent.format(completeness.score)}
          <span className="kpi-badge__detail">
            {completeness.missing.length === 0
              ? t('profiles.profile.complete')
              : t('profiles.profile.missing', { fields: completeness.missing.map((f) => t(`profiles.completenessFields.${f}`)).join(t('customers.tagSeparator')) })}
          </span>
        </div>
      </header>

      <div className="profile-grid">
        <section className="card" aria-labelledby="profile-basic">
          <h2 id="profile-basic" className="section-title">{t('profiles.profile.basicInfo')}</h2>
          <dl className="facts">
            {info.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </section>

        <ContactsSection customerId={id} contacts={customer.contacts} />
        <InteractionsSection customerId={id} interactions={activity.interactions} formatTime={formatTime} />

        <OrdersSection orders={activity.orders} orderCount={customer.orderCount} language={language} />

        <section className="card" aria-labelledby="profile-complaints">
          <h2 id="profile-complaints" className="section-title">{t('profiles.profile.complaints')}</h2>
          {activity.complaints.length === 0 ? (
            <p className="muted">{t('profiles.profile.noComplaints')}</p>
          ) : (
            <ul className="plain-list">
              {activity.complaints.map((c) => (
                <li key={c.id}>
                  <span className="muted">{formatTime(c.openedAt)}</span> <span className="tag">{t(`profiles.profile.severity.${c.severity}`)}</span> {c.category} {c.description}{' '}
                  <span className="muted">· {c.resolvedAt ? t('profiles.profile.resolved') : t('profiles.profile.open')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {/* — Warnings, complaints and care reminders — */}
        <WarningsSection customerId={id} />
        {/* — Visit plans and printing — */}
        <ProfileVisits customerId={id} />
        {/* — Satisfaction surveys — */}
        <ProfileSurveys customerId={id} />
        {/* — Dashboard and reports — */}
        {/* — Loyalty: levels, points, referrals — */}
        <LoyaltySection customerId={id} />

        <section className="card" aria-labelledby="profile-notes">
          <h2 id="profile-notes" className="section-title">{t('profiles.profile.customerNotes')}</h2>
          <textarea className="text-area" rows={4} value={notes ?? customer.notes ?? ''} placeholder={t('profiles.profile.notesPlaceholder')} aria-label={t('profiles.profile.customerNotes')} onChange={(e) => setNotes(e.target.value)} />
          {notes !== null && (
            <button type="button" className="button button--primary" onClick={() => void saveNotes()}>{t('profiles.profile.saveNotes')}</button>
          )}
          {notesError && <p className="error-text" role="alert">{notesError}</p>}
        </section>
      </div>

      <AuditTrail entries={activity.audit} formatTime={formatTime} />
    </section>
  );
}
