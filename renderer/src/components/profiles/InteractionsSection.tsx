import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionChannels, type InteractionChannel } from '../../../../shared/domain/enums';
import type { Interaction } from '../../../../shared/domain/profile';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';

/** The interaction timeline, with a one-line log: pick a channel, type a summary, press Enter. */
export function InteractionsSection({ customerId, interactions, formatTime }: { customerId: number; interactions: Interaction[]; formatTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<InteractionChannel>('phone');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [error, setError] = useState<string | null>(null);

  const log = async () => {
    try {
      await invoke('interactions:log', { customerId, interaction: { channel, summary: summary.trim() || null, nextFollowUp: followUp || null } });
      setSummary('');
      setFollowUp('');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="profile-interactions" data-testid="profile-interactions">
      <h2 id="profile-interactions" className="section-title">{t('profiles.profile.interactions')}</h2>
      <form className="log-form" onSubmit={(e) => { e.preventDefault(); void log(); }}>
        <span className="segmented" role="radiogroup" aria-label={t('profiles.profile.interactions')}>
          {interactionChannels.map((c) => (
            <button key={c} type="button" role="radio" aria-checked={channel === c} className={channel === c ? 'segmented__item segmented__item--on' : 'segmented__item'} onClick={() => setChannel(c)}>
              {t(`profiles.profile.channels.${c}`)}
            </button>
          ))}
        </span>
        <input className="text-input log-form__summary" value={summary} placeholder={t('profiles.profile.summaryPlaceholder')} aria-label={t('profiles.profile.summaryPlaceholder')} onChange={(e) => setSummary(e.target.value)} data-testid="interaction-summary" />
        <label className="muted">
          {t('profiles.profile.nextFollowUp')}
          <input className="text-input" type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary">{t('profiles.profile.logInteraction')}</button>
      </form>
      {error && <p className="error-text" role="alert">{error}</p>}
      {interactions.length === 0 ? (
        <p className="muted">{t('profiles.profile.noInteractions')}</p>
      ) : (
        <ol className="timeline">
          {interactions.map((i) => (
            <li key={i.id}>
              <span className="timeline__when">{formatTime(i.occurredAt)}</span>
              <span className="tag">{t(`profiles.profile.channels.${i.channel}`)}</span>
              <span>{i.summary}</span>
              {i.staffName && <span className="muted"> · {i.staffName}</span>}
              {i.nextFollowUp && <span className="muted"> · {t('profiles.profile.nextFollowUp')} {i.nextFollowUp}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
