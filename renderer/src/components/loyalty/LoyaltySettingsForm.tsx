import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelBases, loyaltySettingsSchema, roundingModes, type Campaign, type LevelRule, type LoyaltySettings, type Reward } from '../../../../shared/domain/loyalty';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import './loyalty.css';

const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Settings → member levels and points: thresholds, benefits, earning, bonuses, campaigns, rewards, expiry. */
export function LoyaltySettingsForm() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LoyaltySettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    invoke('loyalty:settings', {}).then(setDraft, (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }));
  }, []);
  if (!draft) {
    return (
      <section className="card" aria-labelledby="settings-loyalty">
        <h2 id="settings-loyalty" className="section-title">{t('loyalty.settings.title')}</h2>
        {message && <p className="error-text" role="alert">{message.text}</p>}
      </section>
    );
  }

  const set = (patch: Partial<LoyaltySettings>) => setDraft({ ...draft, ...patch });
  const setLevel = (i: number, patch: Partial<LevelRule>) => set({ levels: draft.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setCampaign = (i: number, patch: Partial<Campaign>) => set({ campaigns: draft.campaigns.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setReward = (i: number, patch: Partial<Reward>) => set({ rewards: draft.rewards.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const save = async () => {
    const parsed = loyaltySettingsSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setMessage({ ok: false, text: t('loyalty.settings.invalid', { message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }) });
      return;
    }
    try {
      setDraft(await invoke('loyalty:saveSettings', parsed.data));
      setMessage({ ok: true, text: t('loyalty.settings.saved') });
    } catch (e) {
      setMessage({ ok: false, text: t('loyalty.settings.invalid', { message: errorMessage(e) }) });
    }
  };

  return (
    <section className="card loyalty-settings" aria-labelledby="settings-loyalty" data-testid="loyalty-settings">
      <h2 id="settings-loyalty" className="section-title">{t('loyalty.settings.title')}</h2>
      <div className="loyalty-settings__grid">
        <label>
          {t('loyalty.settings.programStart')}
          <input className="text-input" type="date" value={draft.programStart ?? ''} onChange={(e) => set({ programStart: e.target.value === '' ? null : e.target.value })} />
        </label>
        <label>
          {t('loyalty.settings.earnRate')}
          <input className="text-input" type="number" min={0} step={0.01} value={Number.isNaN(draft.earnRate) ? '' : draft.earnRate} onChange={(e) => set({ earnRate: num(e.target.value) })} data-testid="loyalty-earn-rate" />
        </label>
        <label>
          {t('loyalty.settings.rounding')}
          <select className="select" value={draft.rounding} onChange={(e) => set({ rounding: e.target.value as LoyaltySettings['rounding'] })}>
            {roundingModes.map((m) => (
              <option key={m} value={m}>{t(`loyalty.settings.roundingMode.${m}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('loyalty.settings.birthdayMultiplier')}
          <input className="text-input" type="number" min={1} step={0.1} value={Number.isNaN(draft.birthdayMultiplier) ? '' : draft.birthdayMultiplier} onChange={(e) => set({ birthdayMultiplier: num(e.target.value) })} />
        </label>
        <label>
          {t('loyalty.settings.referralReward')}
          <input className="text-input" type="number" min={0} step={1} value={Number.isNaN(draft.referralReward) ? '' : draft.referralReward} onChange={(e) => set({ referralReward: num(e.target.value) })} />
        </label>
        <label>
          {t('loyalty.settings.expiryMonths')}
          <input className="text-input" type="number" min={0} step={1} value={Number.isNaN(draft.expiryMonths) ? '' : draft.expiryMonths} onChange={(e) => set({ expiryMonths: num(e.target.value) })} />
        </label>
        <label>
          {t('loyalty.settings.levelBasis')}
          <select className="select" value={draft.levelBasis} onChange={(e) => set({ levelBasis: e.target.value as LoyaltySettings['levelBasis'] })}>
            {levelBases.map((b) => (
              <option key={b} value={b}>{t(`loyalty.settings.basis.${b}`)}</option>
            ))}
          </select>
        </label>
      </div>

      <h3>{t('loyalty.settings.levels')}</h3>
      <div className="loyalty-settings__list">
        {draft.levels.map((l, i) => (
          <div className="loyalty-settings__item" key={l.level}>
            <strong className="loyalty__label">{t(`loyalty.level.${l.level}`)}</strong>
            <label>
              {t('loyalty.settings.threshold')}
              <input className="text-input" type="number" min={0} step={1} disabled={i === 0} value={Number.isNaN(l.threshold) ? '' : l.threshold} onChange={(e) => setLevel(i, { threshold: num(e.target.value) })} data-testid={`loyalty-threshold-${l.level}`} />
            </label>
            <label className="loyalty-settings__text">
              {t('loyalty.settings.benefits')}
              <input className="text-input" value={l.benefits} onChange={(e) => setLevel(i, { benefits: e.target.value })} />
            </label>
          </div>
        ))}
      </div>

      <h3>{t('loyalty.settings.campaigns')}</h3>
      <div className="loyalty-settings__list">
        {draft.campaigns.map((c, i) => (
          <div className="loyalty-settings__item" key={i}>
            <label className="loyalty-settings__text">
              {t('loyalty.settings.campaignName')}
              <input className="text-input" value={c.name} onChange={(e) => setCampaign(i, { name: e.target.value })} />
            </label>
            <label>
              {t('loyalty.settings.from')}
              <input className="text-input" type="date" value={c.from} onChange={(e) => setCampaign(i, { from: e.target.value })} />
            </label>
            <label>
              {t('loyalty.settings.to')}
              <input className="text-input" type="date" value={c.to} onChange={(e) => setCampaign(i, { to: e.target.value })} />
            </label>
            <label>
              {t('loyalty.settings.multiplier')}
              <input className="text-input" type="number" min={1} step={0.1} value={Number.isNaN(c.multiplier) ? '' : c.multiplier} onChange={(e) => setCampaign(i, { multiplier: num(e.target.value) })} />
            </label>
            <button type="button" className="button button--small" onClick={() => set({ campaigns: draft.campaigns.filter((_, j) => j !== i) })}>{t('loyalty.settings.remove')}</button>
          </div>
        ))}
        <span>
          <button type="button" className="button button--small" onClick={() => set({ campaigns: [...draft.campaigns, { name: '', from: '', to: '', multiplier: 2 }] })}>+ {t('loyalty.settings.addCampaign')}</button>
        </span>
      </div>

      <h3>{t('loyalty.settings.rewards')}</h3>
      <div className="loyalty-settings__list">
        {draft.rewards.map((r, i) => (
          <div className="loyalty-settings__item" key={i}>
            <label>
              {t('loyalty.settings.rewardCode')}
              <input className="text-input" value={r.code} onChange={(e) => setReward(i, { code: e.target.value })} />
            </label>
            <label className="loyalty-settings__text">
              {t('loyalty.settings.rewardName')}
              <input className="text-input" value={r.name} onChange={(e) => setReward(i, { name: e.target.value })} />
            </label>
            <label>
              {t('loyalty.settings.rewardPoints')}
              <input className="text-input" type="number" min={1} step={1} value={Number.isNaN(r.points) ? '' : r.points} onChange={(e) => setReward(i, { points: num(e.target.value) })} />
            </label>
            <button type="button" className="button button--small" onClick={() => set({ rewards: draft.rewards.filter((_, j) => j !== i) })}>{t('loyalty.settings.remove')}</button>
          </div>
        ))}
        <span>
          <button type="button" className="button button--small" onClick={() => set({ rewards: [...draft.rewards, { code: '', name: '', points: 100 }] })}>+ {t('loyalty.settings.addReward')}</button>
        </span>
      </div>

      <button type="button" className="button button--primary" onClick={() => void save()} data-testid="loyalty-settings-save">{t('loyalty.settings.save')}</button>
      {message && (
        <p className={message.ok ? 'muted' : 'error-text'} role={message.ok ? 'status' : 'alert'} data-testid="loyalty-settings-message">{message.text}</p>
      )}
    </section>
  );
}
