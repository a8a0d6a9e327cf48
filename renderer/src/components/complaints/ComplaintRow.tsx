import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionChannels, type InteractionChannel } from '../../../../shared/domain/enums';
import type { ComplaintDto } from '../../../../shared/warnings/dto';
import type { StaffOption } from '../../../../shared/domain/profile';
import { invoke } from '../../api/client';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';
import { useSettings } from '../../stores/settings';
import { formatWhen } from '../warnings/formatWhen';

type Form = 'none' | 'resolve' | 'escalate';

/** The channel is free text; the demo data and most users store a channel code (phone, wechat), shown as its word. */
const isInteractionChannel = (value: string): value is InteractionChannel => (interactionChannels as readonly string[]).includes(value);

function Clock({ label, state, due, done }: { label: string; state: ComplaintDto['responseState']; due: string; done: string | null }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  return (
    <div>
      <span className={`clock clock--${state}`}>{t(`complaints.state.${state}`)}</span>
      <div className="muted">
        {label} {formatWhen(done ?? due, language)}
      </div>
    </div>
  );
}

/** One complaint with its two SLA clocks and the actions that move it on. */
export function ComplaintRow({ c, staff }: { c: ComplaintDto; staff: readonly StaffOption[] }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const [form, setForm] = useState<Form>('none');
  const [resolution, setResolution] = useState('');
  const [satisfaction, setSatisfaction] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const urgent = [c.responseState, c.resolutionState].includes('overdue') ? 'complaint--overdue' : [c.responseState, c.resolutionState].includes('soon') ? 'complaint--soon' : '';
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setForm('none');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <tr className={urgent} data-testid={`complaint-${String(c.id)}`}>
      <td>
        <a href={profileHref(c.customerId)}>{c.customerName}</a>
        <div className="muted">{formatWhen(c.openedAt, language)}</div>
      </td>
      <td>
        <span className="tag">{t(`profiles.profile.severity.${c.severity}`)}</span>
        <div className="muted">{[c.channel && isInteractionChannel(c.channel) ? t(`profiles.profile.channels.${c.channel}`) : c.channel, c.category].filter(Boolean).join(' · ')}</div>
      </td>
      <td>
        {c.description}
        {c.resolvedAt && <div className="muted">{t('complaints.resolvedWith', { resolution: c.resolution ?? '' })}{c.satisfaction !== null && ` · ${t('complaints.satisfaction')} ${String(c.satisfaction)}/5`}</div>}
        {c.escalatedToName && <div className="muted">{t('complaints.escalatedTo', { name: c.escalatedToName })}</div>}
        {form === 'resolve' && (
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void act(() => invoke('complaints:resolve', { id: c.id, resolution, satisfaction: satisfaction ? Number(satisfaction) : null })); }}>
            <input className="text-input" required value={resolution} placeholder={t('complaints.resolutionText')} aria-label={t('complaints.resolutionText')} onChange={(e) => setResolution(e.target.value)} data-testid="complaint-resolution" />
            <select className="select" value={satisfaction} aria-label={t('complaints.satisfaction')} onChange={(e) => setSatisfaction(e.target.value)}>
              <option value="">{t('complaints.notRated')}</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>{`${t('complaints.satisfaction')} ${String(n)}`}</option>
              ))}
            </select>
            <button type="submit" className="button button--small button--primary" data-testid="complaint-resolve-save">{t('complaints.save')}</button>
            <button type="button" className="button button--small" onClick={() => setForm('none')}>{t('complaints.cancel')}</button>
          </form>
        )}
        {form === 'escalate' && (
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (to) void act(() => invoke('complaints:escalate', { id: c.id, staffId: Number(to) })); }}>
            <select className="select" required value={to} aria-label={t('complaints.escalateTo')} onChange={(e) => setTo(e.target.value)} data-testid="complaint-escalate-to">
              <option value="">{t('complaints.escalateTo')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
            <button type="submit" className="button button--small button--primary" data-testid="complaint-escalate-save">{t('complaints.save')}</button>
            <button type="button" className="button button--small" onClick={() => setForm('none')}>{t('complaints.cancel')}</button>
          </form>
        )}
        {error && <p className="error-text" role="alert">{error}</p>}
      </td>
      <td><Clock label={t('complaints.response')} state={c.responseState} due={c.responseDueAt} done={c.firstResponseAt} /></td>
      <td><Clock label={`${t('complaints.resolution')} (${t('complaints.hours', { hours: c.resolutionHours })})`} state={c.resolutionState} due={c.resolutionDueAt} done={c.resolvedAt} /></td>
      <td>
        {!c.resolvedAt && form === 'none' && (
          <div className="inline-form">
            {!c.firstResponseAt && (
              <button type="button" className="button button--small" onClick={() => void act(() => invoke('complaints:respond', { id: c.id }))} data-testid="complaint-respond">{t('complaints.respond')}</button>
            )}
            <button type="button" className="button button--small" onClick={() => setForm('escalate')} data-testid="complaint-escalate">{t('complaints.escalate')}</button>
            <button type="button" className="button button--small button--primary" onClick={() => setForm('resolve')} data-testid="complaint-resolve">{t('complaints.resolve')}</button>
          </div>
        )}
      </td>
    </tr>
  );
}
