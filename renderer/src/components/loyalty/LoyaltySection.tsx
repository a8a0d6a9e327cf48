import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loyaltyLevels, type LedgerEntry, type LoyaltyLevel, type LoyaltyProfile } from '../../../../shared/domain/loyalty';
import { PatronError } from '../../../../shared/ipc/errors';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { useLiveQuery } from '../../api/live';
import { ReferralsPanel } from './ReferralsPanel';
import './loyalty.css';

/** 会员与积分 on the profile: level (manual or automatic) with its history, balance, redeem, adjust, ledger, referrals. */
export function LoyaltySection({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.language);
  const { data: profile, error: loadError, setData: setProfile } = useLiveQuery('loyalty:profile', { customerId });
  const [error, setError] = useState<string | null>(null);
  const [reward, setReward] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');

  if (!profile) {
    return (
      <section className="card" aria-labelledby="profile-loyalty" data-testid="profile-loyalty">
        <h2 id="profile-loyalty" className="section-title">{t('loyalty.section.title')}</h2>
        {loadError && <p className="error-text" role="alert">{loadError}</p>}
      </section>
    );
  }

  /** Runs one write; a refusal (not enough points) gets its own wording. */
  const act = async (write: () => Promise<LoyaltyProfile>, refused: string | null, after?: () => void) => {
    try {
      setProfile(await write());
      setError(null);
      after?.();
    } catch (e) {
      setError(e instanceof PatronError && e.code === 'conflict' && refused ? refused : t('loyalty.section.failed', { message: errorMessage(e) }));
    }
  };
  const selected = reward || profile.rewards[0]?.code || '';
  const adjust = () => {
    const n = Number(points);
    if (!Number.isInteger(n) || n === 0 || reason.trim() === '') {
      setError(t('loyalty.section.adjustInvalid'));
      return;
    }
    void act(
      () => invoke('loyalty:adjust', { customerId, points: n, reason: reason.trim() }),
      t('loyalty.section.adjustRefused', { points: n, balance: profile.balance }),
      () => {
        setPoints('');
        setReason('');
      },
    );
  };
  const redeem = () => {
    const needed = profile.rewards.find((r) => r.code === selected)?.points ?? 0;
    void act(() => invoke('loyalty:redeem', { customerId, rewardCode: selected }), t('loyalty.section.redeemRefused', { needed: n(needed), balance: n(profile.balance) }));
  };
  const setLevel = (value: string) => {
    const level = value === '' ? null : (value as LoyaltyLevel);
    void act(() => invoke('loyalty:setLevel', { customerId, level }), null);
  };

  return (
    <section className="card loyalty" aria-labelledby="profile-loyalty" data-testid="profile-loyalty">
      <h2 id="profile-loyalty" className="section-title">{t('loyalty.section.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('loyalty.section.level')}</dt>
          <dd data-testid="loyalty-level">
            {t(`loyalty.level.${profile.level}`)}
            {profile.levelManual && <span className="muted"> {t('loyalty.section.manualMark')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('loyalty.section.balance')}</dt>
          <dd className="loyalty__balance" data-testid="loyalty-balance">{n(profile.balance)}</dd>
        </div>
        <div className="loyalty__wide">
          <dt>{t('loyalty.section.benefits')}</dt>
          <dd>{profile.benefits || <span className="muted">{t('loyalty.section.noBenefits')}</span>}</dd>
        </div>
      </dl>

      <div className="loyalty__forms">
        <label className="loyalty__field">
          {t('loyalty.section.setLevel')}
          <select className="select" value={profile.levelManual ? profile.level : ''} onChange={(e) => setLevel(e.target.value)} data-testid="loyalty-set-level">
            <option value="">{t('loyalty.section.automatic')}</option>
            {loyaltyLevels.map((l) => (
              <option key={l} value={l}>{t(`loyalty.level.${l}`)}</option>
            ))}
          </select>
        </label>

        <form className="loyalty__row" onSubmit={(e) => { e.preventDefault(); redeem(); }}>
          <strong className="loyalty__label">{t('loyalty.section.redeemHeading')}</strong>
          {profile.rewards.length === 0 ? (
            <span className="muted">{t('loyalty.section.noRewards')}</span>
          ) : (
            <>
              <select className="select" value={selected} aria-label={t('loyalty.section.reward')} onChange={(e) => setReward(e.target.value)} data-testid="loyalty-reward">
                {profile.rewards.map((r) => (
                  <option key={r.code} value={r.code}>{t('loyalty.section.rewardOption', { name: r.name, count: r.points })}</option>
                ))}
              </select>
              <button type="submit" className="button button--primary" data-testid="loyalty-redeem">{t('loyalty.section.redeem')}</button>
            </>
          )}
        </form>

        <form className="loyalty__row" onSubmit={(e) => { e.preventDefault(); adjust(); }}>
          <strong className="loyalty__label">{t('loyalty.section.adjustHeading')}</strong>
          <input className="text-input loyalty__points" type="number" step={1} value={points} placeholder={t('loyalty.section.pointsPlaceholder')} title={t('loyalty.section.points')} aria-label={t('loyalty.section.points')} onChange={(e) => setPoints(e.target.value)} data-testid="loyalty-adjust-points" />
          <input className="text-input loyalty__reason" value={reason} placeholder={t('loyalty.section.reason')} aria-label={t('loyalty.section.reason')} onChange={(e) => setReason(e.target.value)} data-testid="loyalty-adjust-reason" />
          <button type="submit" className="button" data-testid="loyalty-adjust">{t('loyalty.section.adjust')}</button>
        </form>
      </div>
      {(error ?? loadError) && <p className="error-text" role="alert" data-testid="loyalty-error">{error ?? loadError}</p>}

      <h3 className="loyalty__subtitle">
        {t('loyalty.section.ledger')} <span className="muted">{t('loyalty.section.ledgerCount', { count: profile.entryCount })}</span>
      </h3>
      {profile.entries.length === 0 ? (
        <p className="muted">{t('loyalty.section.noEntries')}</p>
      ) : (
        <div className="scroll-box loyalty__ledger">
          <table className="info-table info-table--wide" data-testid="loyalty-ledger">
            <thead>
              <tr>
                <th>{t('loyalty.section.date')}</th>
                <th>{t('loyalty.section.type')}</th>
                <th className="numeric">{t('loyalty.section.pointsColumn')}</th>
                <th>{t('loyalty.section.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.entries.map((e) => (
                <tr key={e.id}>
                  <td className="loyalty__nowrap">{e.onDate}</td>
                  <td className="loyalty__nowrap">{t(`loyalty.kind.${e.kind}`)}</td>
                  <td className={e.points < 0 ? 'numeric loyalty__minus' : 'numeric'}>{e.points > 0 ? `+${n(e.points)}` : n(e.points)}</td>
                  <td>{entryDetail(e, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="loyalty__subtitle">{t('loyalty.section.levelHistory')}</h3>
      {profile.levelHistory.length === 0 ? (
        <p className="muted">{t('loyalty.section.noHistory')}</p>
      ) : (
        <ul className="plain-list" data-testid="loyalty-history">
          {profile.levelHistory.map((h) => (
            <li key={h.id}>
              <span className="muted">{h.onDate}</span> {t('loyalty.section.change', { from: t(`loyalty.level.${h.from}`), to: t(`loyalty.level.${h.to}`) })}{' '}
              <span className="tag">{t(`loyalty.historyReason.${h.reason}`)}</span> <span className="muted">{h.actor}</span>
            </li>
          ))}
        </ul>
      )}

      <ReferralsPanel profile={profile} onChanged={setProfile} />
    </section>
  );
}

function entryDetail(e: LedgerEntry, t: ReturnType<typeof useTranslation>['t']): string {
  const parts: string[] = [];
  if ((e.kind === 'earn' || e.kind === 'bonus') && e.refId !== null) parts.push(t('loyalty.section.order', { id: e.refId }));
  if (e.kind === 'referral' && e.refId !== null) parts.push(t('loyalty.section.referredCustomer', { id: e.refId }));
  if (e.kind === 'bonus' && e.reason) {
    // Stored as codes ("birthday; campaign:<name>") so the words follow the UI language.
    for (const code of e.reason.split('; ')) parts.push(code.startsWith('campaign:') ? t('loyalty.section.campaignBonus', { name: code.slice('campaign:'.length) }) : t('loyalty.section.birthdayBonus'));
  } else if (e.kind === 'expire') {
    parts.push(t('loyalty.section.expiry'));
  } else if (e.reason && e.kind !== 'referral') {
    parts.push(e.rewardCode ? `${e.rewardCode} ${e.reason}` : e.reason);
  }
  return parts.join(' · ');
}
