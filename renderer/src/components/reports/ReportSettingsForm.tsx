import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiMeta, reportSettingsSchema, targetedKpis, type ReportSettings, type TargetedKpi } from '../../../../shared/kpi/targets';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import './reports.css';

/** Rates are edited as percentages and stored as fractions. */
const isRate = (id: TargetedKpi) => kpiMeta[id].unit === 'percent';

/** Settings → the dashboard's targets per KPI, the active window, the amber margin and the at-risk threshold. */
export function ReportSettingsForm() {
  const { t } = useTranslation();
  const [s, setS] = useState<ReportSettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    invoke('reports:settings', {}).then(setS, (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }));
  }, []);
  if (!s) return null;
  const targets = s.targets as Record<TargetedKpi, number>;
  const setTarget = (id: TargetedKpi, shown: number) => setS({ ...s, targets: { ...s.targets, [id]: isRate(id) ? shown / 100 : shown } });
  const shownTarget = (id: TargetedKpi) => (isRate(id) ? Math.round(targets[id] * 10000) / 100 : targets[id]);

  const save = async () => {
    const next = reportSettingsSchema.safeParse(s);
    if (!next.success) {
      setMessage({ ok: false, text: t('reports.settings.invalid', { message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) });
      return;
    }
    try {
      setS(await invoke('reports:saveSettings', next.data));
      setMessage({ ok: true, text: t('reports.settings.saved') });
    } catch (e) {
      setMessage({ ok: false, text: t('reports.settings.invalid', { message: errorMessage(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="report-settings-title" data-testid="report-settings">
      <h2 id="report-settings-title" className="section-title">
        {t('reports.settings.title')}
      </h2>
      <p className="muted">
        {t('reports.settings.percentHint')} {t('reports.settings.activeWindowHint')}
      </p>
      <div className="report-settings-grid">
        <label>
          {t('reports.settings.activeWindow')}
          <input type="number" className="text-input" min={1} max={12} value={s.activeWindowMonths} onChange={(e) => setS({ ...s, activeWindowMonths: Number(e.target.value) })} />
        </label>
        <label>
          {t('reports.settings.amberMargin')}
          <input type="number" className="text-input" min={0} max={100} value={Math.round(s.amberMargin * 100)} onChange={(e) => setS({ ...s, amberMargin: Number(e.target.value) / 100 })} />
        </label>
        <label>
          {t('reports.settings.atRiskPAlive')}
          <input type="number" className="text-input" step={0.05} min={0.05} max={0.95} value={s.atRiskPAlive} onChange={(e) => setS({ ...s, atRiskPAlive: Number(e.target.value) })} />
        </label>
        {targetedKpis.map((id) => (
          <label key={id}>
            {t(`reports.kpi.${id}`)}
            <input type="number" className="text-input" step="any" value={shownTarget(id)} onChange={(e) => setTarget(id, Number(e.target.value))} data-testid={`target-${id}`} />
          </label>
        ))}
      </div>
      <button type="button" className="button button--primary report-settings-save" onClick={() => void save()} data-testid="report-settings-save">
        {t('reports.settings.save')}
      </button>
      {message && (
        <p className={message.ok ? 'muted' : 'error-notice'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
