import { useTranslation } from 'react-i18next';
import type { ComplaintDto } from '../../../../shared/warnings/dto';
import { profileHref } from '../../routing/customerRoute';
import { useSettings } from '../../stores/settings';
import { formatWhen } from './formatWhen';

/** A complaint's running SLA clock on the Today page; the complaints page has its actions. */
export function ComplaintLine({ complaint, clock }: { complaint: ComplaintDto; clock: 'response' | 'resolution' }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const state = clock === 'response' ? complaint.responseState : complaint.resolutionState;
  const due = clock === 'response' ? complaint.responseDueAt : complaint.resolutionDueAt;
  return (
    <li className="alert-card" data-testid={`inbox-complaint-${String(complaint.id)}`}>
      <div className="alert-card__head">
        <a className="alert-card__customer" href={profileHref(complaint.customerId)}>
          {complaint.customerName}
        </a>
        {complaint.tier && <span className={`tag tag--tier-${complaint.tier}`}>{t(`customers.tier.${complaint.tier}`)}</span>}
        <span className="tag tag--rule">{t('nav.complaints')}</span>
        <span className="tag">{t(`profiles.profile.severity.${complaint.severity}`)}</span>
        <span className={`clock clock--${state}`}>
          {t(`warnings.complaintClock.${clock}`)} · {t(`complaints.state.${state}`)}
        </span>
        <span className="alert-card__due muted">{t('warnings.due', { when: formatWhen(due, language) })}</span>
      </div>
      <div className="alert-card__evidence">
        {complaint.category ? `${complaint.category}: ` : ''}
        {complaint.description}
      </div>
      <div className="alert-card__actions">
        <a className="button button--small button--primary" href={`#/complaints?customer=${String(complaint.customerId)}`}>
          {t('warnings.actions.openComplaint')}
        </a>
      </div>
    </li>
  );
}
