import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintSeverities } from '../../../../shared/domain/enums';
import { warningSettingsSchema, type Holiday, type WarningSettings } from '../../../../shared/warnings/settings';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import './warnings.css';

const holidaysText = (h: Holiday[]) => h.map((x) => `${x.name} ${x.date}`).join('\n');
const parseHolidays = (text: string): Holiday[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.lastIndexOf(' ');
      return { name: i > 0 ? l.slice(0, i).trim() : l, date: i > 0 ? l.slice(i + 1) : '' };
    });

/** Settings → the warning rules (on/off and parameters), complaint SLAs per severity, care reminders, notifications. */
export function WarningSettingsForm() {
  const { t } = useTranslation();
  const [s, setS] = useState<WarningSettings | null>(null);
  const [holidays, setHolidays] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    invoke('warnings:settings', {}).then(
      (v) => {
        setS(v);
        setHolidays(holidaysText(v.care.holidays));
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  }, []);
  if (!s) return null;
  const r = s.rules;
  const num = (value: number, set: (n: number) => void, step = 1, testId?: string) => <input type="number" className="text-input" step={step} value={value} onChange={(e) => set(Number(e.target.value))} data-testid={testId} />;
  const check = (value: boolean, set: (b: boolean) => void, testId?: string) => <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} data-testid={testId} />;
  const rule = <K extends keyof WarningSettings['rules']>(k: K, patch: Partial<WarningSettings['rules'][K]>) => setS({ ...s, rules: { ...r, [k]: { ...r[k], ...patch } } });

  const save = async () => {
    const next = warningSettingsSchema.safeParse({ ...s, care: { ...s.care, holidays: parseHolidays(holidays) } });
    if (!next.success) {
      setMessage({ ok: false, text: t('warnings.settings.invalid', { message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) });
      return;
    }
    try {
      setS(await invoke('warnings:saveSettings', next.data));
      setMessage({ ok: true, text: t('warnings.settings.saved') });
    } catch (e) {
      setMessage({ ok: false, text: t('warnings.settings.invalid', { message: errorMessage(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="warning-settings-title" data-testid="warning-settings">
      <h2 id="warning-settings-title" className="section-title">{t('warnings.settings.title')}</h2>
      <div className="settings-grid">
        <label>{t('warnings.rules.inactive')} {check(r.inactive.enabled, (v) => rule('inactive', { enabled: v }))}</label>
        <label>{t('warnings.settings.inactiveDays')} {num(r.inactive.days, (v) => rule('inactive', { days: v }), 1, 'setting-inactive-days')}</label>
        <label>{t('warnings.rules.complaint')} {check(r.complaint.enabled, (v) => rule('complaint', { enabled: v }))}</label>
        <label>{t('warnings.rules.negative_feedback')} {check(r.negative_feedback.enabled, (v) => rule('negative_feedback', { enabled: v }))}</label>
        <label>{t('warnings.settings.belowScore')} {num(r.negative_feedback.belowScore, (v) => rule('negative_feedback', { belowScore: v }))}</label>
        <label>{t('warnings.settings.withinDays')} {num(r.negative_feedback.withinDays, (v) => rule('negative_feedback', { withinDays: v }))}</label>
        <label>{t('warnings.rules.order_drop')} {check(r.order_drop.enabled, (v) => rule('order_drop', { enabled: v }))}</label>
        <label>{t('warnings.settings.dropPercent')} {num(r.order_drop.dropPercent, (v) => rule('order_drop', { dropPercent: v }))}</label>
        <label>{t('warnings.rules.predicted_churn')} {check(r.predicted_churn.enabled, (v) => rule('predicted_churn', { enabled: v }))}</label>
        <label>{t('warnings.settings.pAliveBelow')} {num(r.predicted_churn.pAliveBelow, (v) => rule('predicted_churn', { pAliveBelow: v }), 0.05)}</label>
        <label>{t('warnings.settings.followUpHours')} {num(s.followUpHours, (v) => setS({ ...s, followUpHours: v }))}</label>
        <label>{t('warnings.settings.quietDays')} {num(s.quietDays, (v) => setS({ ...s, quietDays: v }))}</label>
      </div>
      <h3 className="section-subtitle">{t('warnings.settings.slaTitle')}</h3>
      <div className="settings-grid">
        {complaintSeverities.map((sev) => (
          <label key={sev}>
            {t(`profiles.profile.severity.${sev}`)}
            <span>
              {num(s.sla.bySeverity[sev].responseHours, (v) => setS({ ...s, sla: { ...s.sla, bySeverity: { ...s.sla.bySeverity, [sev]: { ...s.sla.bySeverity[sev], responseHours: v } } } }))}{' '}
              {num(s.sla.bySeverity[sev].resolutionHours, (v) => setS({ ...s, sla: { ...s.sla, bySeverity: { ...s.sla.bySeverity, [sev]: { ...s.sla.bySeverity[sev], resolutionHours: v } } } }))}
            </span>
          </label>
        ))}
        <label>{t('warnings.settings.countWeekends')} {check(s.sla.countWeekends, (v) => setS({ ...s, sla: { ...s.sla, countWeekends: v } }), 'setting-count-weekends')}</label>
        <label>{t('warnings.settings.soonHours')} {num(s.sla.soonHours, (v) => setS({ ...s, sla: { ...s.sla, soonHours: v } }))}</label>
      </div>
      <p className="muted">{`${t('warnings.settings.response')} / ${t('warnings.settings.resolution')}`}</p>
      <h3 className="section-subtitle">{t('warnings.care.title')}</h3>
      <div className="settings-grid">
        <label>{t('warnings.settings.careDays')} {num(s.care.daysAhead, (v) => setS({ ...s, care: { ...s.care, daysAhead: v } }))}</label>
        <label>{t('warnings.settings.birthdays')} {check(s.care.birthdays, (v) => setS({ ...s, care: { ...s.care, birthdays: v } }))}</label>
        <label>{t('warnings.settings.anniversaries')} {check(s.care.anniversaries, (v) => setS({ ...s, care: { ...s.care, anniversaries: v } }))}</label>
        <label>
          {t('warnings.settings.holidayAudience')}
          <select className="select" value={s.care.holidayAudience} onChange={(e) => setS({ ...s, care: { ...s.care, holidayAudience: e.target.value === 'active' ? 'active' : 'high' } })}>
            <option value="high">{t('warnings.settings.audienceHigh')}</option>
            <option value="active">{t('warnings.settings.audienceActive')}</option>
          </select>
        </label>
        <label>{t('warnings.settings.notifications')} {check(s.notifications, (v) => setS({ ...s, notifications: v }), 'setting-notifications')}</label>
      </div>
      <label className="field">
        {t('warnings.settings.holidays')}
        <textarea className="text-area" rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
      </label>
      <div>
        <button type="button" className="button button--primary" onClick={() => void save()} data-testid="warning-settings-save">{t('warnings.settings.save')}</button>
      </div>
      {message && <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </section>
  );
}
