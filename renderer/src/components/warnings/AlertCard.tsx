import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionChannels, type InteractionChannel } from '../../../../shared/domain/enums';
import type { AlertDto } from '../../../../shared/warnings/dto';
import { invoke } from '../../api/client';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';
import { useSettings } from '../../stores/settings';
import { formatEvidence } from '../../../../shared/warnings/evidence';
import { formatWhen } from './formatWhen';

type Form = 'none' | 'log' | 'dismiss';

/** One alert: customer, rule, evidence in numbers, due time, and the one-click actions. */
export function AlertCard({ alert, showCustomer = true }: { alert: AlertDto; showCustomer?: boolean }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const [form, setForm] = useState<Form>('none');
  const [channel, setChannel] = useState<InteractionChannel>('phone');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = alert.status === 'open' || alert.status === 'in_progress';

  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setForm('none');
      setText('');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const setStatus = (status: 'in_progress' | 'resolved' | 'open') => act(() => invoke('warnings:setStatus', { id: alert.id, status }));

  return (
    <li className={`alert-card alert-card--p${String(alert.tier === 'high' ? 0 : 1)}`} data-testid={`alert-${String(alert.id)}`}>
      <div className="alert-card__head">
        {showCustomer && (
          <a className="alert-card__customer" href={profileHref(alert.customerId)}>
            {alert.customerName}
          </a>
        )}
        {alert.tier && <span className={`tag tag--tier-${alert.tier}`}>{t(`customers.tier.${alert.tier}`)}</span>}
        <span className="tag tag--rule">{t(`warnings.rules.${alert.rule}`)}</span>
        <span className="muted">{t(`warnings.status.${alert.status}`)}</span>
        <span className="alert-card__due muted">{t('warnings.due', { when: formatWhen(alert.dueAt, language) })}</span>
      </div>
      <div className="alert-card__evidence">{formatEvidence(alert.evidence, language)}</div>
      <div className="muted alert-card__meta">
        {alert.assigneeName ?? t('warnings.unassigned')}
        {alert.closedAt && ` · ${alert.closedBy === 'auto' ? t('warnings.closedAuto') : t('warnings.profile.closedOn', { when: formatWhen(alert.closedAt, language) })}`}
        {alert.note && alert.closedBy !== 'auto' && ` · ${alert.note}`}
      </div>
      {open && form === 'none' && (
        <div className="alert-card__actions">
          <button type="button" className="button button--small button--primary" onClick={() => setForm('log')} data-testid="alert-log">
            {t('warnings.actions.logInteraction')}
          </button>
          <a className="button button--small" href={`#/visits?customer=${String(alert.customerId)}`}>
            {t('warnings.actions.scheduleVisit')}
          </a>
          {alert.rule === 'complaint' && (
            <a className="button button--small" href={`#/complaints?customer=${String(alert.customerId)}`}>
              {t('warnings.actions.openComplaint')}
            </a>
          )}
          {alert.status === 'open' && (
            <button type="button" className="button button--small" onClick={() => void setStatus('in_progress')}>
              {t('warnings.actions.start')}
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => void setStatus('resolved')}>
            {t('warnings.actions.resolve')}
          </button>
          <button type="button" className="button button--small" onClick={() => setForm('dismiss')}>
            {t('warnings.actions.dismiss')}
          </button>
        </div>
      )}
      {!open && (
        <div className="alert-card__actions">
          <button type="button" className="button button--small" onClick={() => void setStatus('open')}>
            {t('warnings.actions.reopen')}
          </button>
        </div>
      )}
      {form !== 'none' && (
        <form
          className="alert-card__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (form === 'log') void act(() => invoke('warnings:logInteraction', { id: alert.id, channel, summary: text.trim() || null }));
            else void act(() => invoke('warnings:setStatus', { id: alert.id, status: 'dismissed', note: text }));
          }}
        >
          {form === 'log' && (
            <select className="select" value={channel} aria-label={t('warnings.actions.channel')} onChange={(e) => setChannel(e.target.value as InteractionChannel)}>
              {interactionChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`profiles.profile.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
          <input
            className="text-input"
            value={text}
            required={form === 'dismiss'}
            placeholder={form === 'log' ? t('warnings.actions.summary') : t('warnings.actions.reason')}
            aria-label={form === 'log' ? t('warnings.actions.summary') : t('warnings.actions.reason')}
            onChange={(e) => setText(e.target.value)}
            data-testid="alert-text"
          />
          <button type="submit" className="button button--small button--primary" data-testid="alert-save">
            {t('warnings.actions.save')}
          </button>
          <button type="button" className="button button--small" onClick={() => setForm('none')}>
            {t('warnings.actions.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
