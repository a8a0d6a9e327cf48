import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../shared/analytics/lifecycle';
import { quadrants } from '../../../../shared/analytics/quadrant';
import { segmentSettingsSchema, type SegmentSettings } from '../../../../shared/analytics/settings';
import { tiers } from '../../../../shared/domain/enums';
import type { SegmentPreview } from '../../../../shared/domain/segments';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';

/** The form's text for each setting; numbers are parsed only when previewing or saving. */
type Draft = Record<string, string>;

const fields = [
  ['weightsToc', ['recency', 'frequency', 'monetary']],
  ['weightsTob', ['tenure', 'amount', 'complexity']],
  ['shares', ['highShare', 'potentialShare']],
  ['thresholds', ['valueThreshold', 'potentialThreshold']],
  ['lifecycleRules', ['growthFrom', 'maturityFrom', 'declineWindow', 'declineDrop']],
  ['clvHeading', ['horizon', 'discount']],
] as const;

function toDraft(s: SegmentSettings): Draft {
  const yuan = (c: number | null) => (c === null ? '' : String(c / 100));
  return {
    recency: String(s.weights.toc.recency),
    frequency: String(s.weights.toc.frequency),
    monetary: String(s.weights.toc.monetary),
    tenure: String(s.weights.tob.tenure),
    amount: String(s.weights.tob.amount),
    complexity: String(s.weights.tob.complexity),
    highShare: String(Math.round(s.shares.high * 1000) / 10),
    potentialShare: String(Math.round(s.shares.potential * 1000) / 10),
    valueThreshold: yuan(s.quadrant.valueThresholdCents),
    potentialThreshold: yuan(s.quadrant.potentialThresholdCents),
    growthFrom: String(s.lifecycle.growthFromMonths),
    maturityFrom: String(s.lifecycle.maturityFromMonths),
    declineWindow: String(s.lifecycle.declineWindowMonths),
    declineDrop: String(s.lifecycle.declineDropPercent),
    horizon: String(s.clv.horizonMonths),
    discount: String(Math.round(s.clv.annualDiscountRate * 1000) / 10),
  };
}

function fromDraft(d: Draft): ReturnType<typeof segmentSettingsSchema.safeParse> {
  const num = (k: string) => (d[k]?.trim() === '' ? Number.NaN : Number(d[k]));
  const cents = (k: string) => (d[k]?.trim() === '' ? null : Math.round(num(k) * 100));
  return segmentSettingsSchema.safeParse({
    weights: { toc: { recency: num('recency'), frequency: num('frequency'), monetary: num('monetary') }, tob: { tenure: num('tenure'), amount: num('amount'), complexity: num('complexity') } },
    shares: { high: num('highShare') / 100, potential: num('potentialShare') / 100 },
    quadrant: { valueThresholdCents: cents('valueThreshold'), potentialThresholdCents: cents('potentialThreshold') },
    lifecycle: { growthFromMonths: num('growthFrom'), maturityFromMonths: num('maturityFrom'), declineWindowMonths: num('declineWindow'), declineDropPercent: num('declineDrop') },
    clv: { horizonMonths: num('horizon'), annualDiscountRate: num('discount') / 100 },
  });
}

/** Thresholds and weights, with a preview of their effect before they are saved. */
export function SegmentSettingsForm() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<SegmentPreview | null>(null);

  useEffect(() => {
    invoke('segments:settings', {}).then(
      (s) => setDraft(toDraft(s)),
      (err: unknown) => setMessage(errorMessage(err)),
    );
  }, []);

  if (!draft) return null;

  const parsed = () => {
    const r = fromDraft(draft);
    if (!r.success) {
      const issue = r.error.issues[0];
      setMessage(t('segments.settings.invalid', { message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }));
      return null;
    }
    return r.data;
  };
  const onPreview = async () => {
    const s = parsed();
    if (!s) return;
    try {
      setPreview(await invoke('segments:preview', s));
      setMessage(null);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const onSave = async () => {
    const s = parsed();
    if (!s) return;
    try {
      setDraft(toDraft(await invoke('segments:saveSettings', s)));
      setMessage(t('segments.settings.saved'));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const rows: [string, (p: NonNullable<SegmentPreview['current']>) => number][] = [
    ...tiers.map((k): [string, (p: NonNullable<SegmentPreview['current']>) => number] => [t(`segments.tiers.${k}`), (p) => p.tiers[k]]),
    ...quadrants.map((q): [string, (p: NonNullable<SegmentPreview['current']>) => number] => [quadrantLabel(t, q), (p) => p.quadrants[q]]),
    ...lifecycleStages.map((s): [string, (p: NonNullable<SegmentPreview['current']>) => number] => [t(`segments.lifecycle.${s}`), (p) => p.lifecycle[s]]),
  ];

  return (
    <section className="card" aria-labelledby="seg-settings" data-testid="segment-settings">
      <h2 id="seg-settings" className="section-title">
        {t('segments.settings.heading')}
      </h2>
      <p className="muted">{t('segments.settings.intro')}</p>
      <div className="seg-settings">
        {fields.map(([group, keys]) => (
          <fieldset key={group} className="seg-settings__group">
            <legend>{t(`segments.settings.${group}`)}</legend>
            {keys.map((k) => (
              <label key={k} className="seg-settings__field">
                <span>{t(`segments.settings.${k}`)}</span>
                <input
                  type="number"
                  step="any"
                  data-testid={`setting-${k}`}
                  value={draft[k] ?? ''}
                  onChange={(e) => {
                    setDraft({ ...draft, [k]: e.target.value });
                  }}
                />
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="page-tools">
        <button type="button" className="button" onClick={() => void onPreview()}>
          {t('segments.settings.preview')}
        </button>
        <button type="button" className="button" onClick={() => void onSave()}>
          {t('segments.settings.save')}
        </button>
      </div>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {preview && (
        <div data-testid="segment-preview">
          <h3 className="section-subtitle">{t(preview.usesStoredPredictions ? 'segments.settings.previewHeading' : 'segments.settings.previewNoRun')}</h3>
          <table className="seg-table">
            <thead>
              <tr>
                <th />
                <th>{t('segments.settings.current')}</th>
                <th>{t('segments.settings.proposed')}</th>
                <th>{t('segments.settings.change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, pick]) => {
                const now = preview.current ? pick(preview.current) : null;
                const next = pick(preview.proposed);
                const delta = now === null ? null : next - now;
                return (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{now === null ? '—' : now.toLocaleString()}</td>
                    <td>{next.toLocaleString()}</td>
                    <td className={delta ? 'seg-delta' : 'muted'}>{delta === null ? '—' : `${delta > 0 ? '+' : ''}${delta.toLocaleString()}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
