import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/profile';

/** Who changed what, when: old → new, newest first. */
export function AuditTrail({ entries, formatTime }: { entries: AuditEntry[]; formatTime: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-audit" data-testid="profile-audit">
      <h2 id="profile-audit" className="section-title">{t('profiles.profile.audit')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('profiles.profile.noAudit')}</p>
      ) : (
        <table className="info-table info-table--wide">
          <thead>
            <tr>
              <th>{t('profiles.profile.when')}</th>
              <th>{t('profiles.profile.who')}</th>
              <th>{t('profiles.profile.field')}</th>
              <th>{t('profiles.profile.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.entity === 'contact' ? `${t('profiles.profile.contacts')} · ${e.field ?? ''}` : (e.field ?? '')}</td>
                <td className="audit-change">
                  {e.oldValue ?? '—'} → {e.newValue ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
