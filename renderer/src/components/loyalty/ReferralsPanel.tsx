import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyProfile } from '../../../../shared/domain/loyalty';
import { invoke } from '../../api/client';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';

/** Who referred this customer (editable by customer code) and whom this customer referred. */
export function ReferralsPanel({ profile, onChanged }: { profile: LoyaltyProfile; onChanged: (p: LoyaltyProfile) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (referrerCode: string | null) => {
    try {
      onChanged(await invoke('loyalty:setReferrer', { customerId: profile.customerId, referrerCode }));
      setCode(null);
      setError(null);
    } catch (e) {
      setError(t('loyalty.section.failed', { message: errorMessage(e) }));
    }
  };
  const draft = code ?? profile.referrer?.code ?? '';
  return (
    <div className="loyalty__referrals">
      <h3 className="loyalty__subtitle">{t('loyalty.section.referrer')}</h3>
      <form className="loyalty__row" onSubmit={(e) => { e.preventDefault(); void save(draft.trim() === '' ? null : draft.trim()); }}>
        {profile.referrer ? (
          <a href={profileHref(profile.referrer.id)} data-testid="loyalty-referrer">{profile.referrer.code} {profile.referrer.name}</a>
        ) : (
          <span className="muted">{t('loyalty.section.noReferrer')}</span>
        )}
        <input className="text-input loyalty__code" value={draft} placeholder={t('loyalty.section.referrerCode')} aria-label={t('loyalty.section.referrerCode')} onChange={(e) => setCode(e.target.value)} data-testid="loyalty-referrer-code" />
        <button type="submit" className="button button--small">{t('loyalty.section.saveReferrer')}</button>
        {profile.referrer && (
          <button type="button" className="button button--small" onClick={() => void save(null)}>{t('loyalty.section.clearReferrer')}</button>
        )}
      </form>
      {error && <p className="error-text" role="alert">{error}</p>}
      <h3 className="loyalty__subtitle">
        {t('loyalty.section.referred')} <span className="muted">{profile.referred.length}</span>
      </h3>
      {profile.referred.length === 0 ? (
        <p className="muted">{t('loyalty.section.noReferred')}</p>
      ) : (
        <ul className="plain-list" data-testid="loyalty-referred">
          {profile.referred.map((r) => (
            <li key={r.id}>
              <a href={profileHref(r.id)}>{r.code} {r.name}</a> <span className="muted">· {r.rewarded ? t('loyalty.section.rewarded') : t('loyalty.section.pending')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
