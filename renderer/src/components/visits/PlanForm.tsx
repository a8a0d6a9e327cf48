import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../shared/analytics/lifecycle';
import { quadrants } from '../../../../shared/analytics/quadrant';
import { addDays, localToday } from '../../../../shared/domain/dates';
import { tiers } from '../../../../shared/domain/enums';
import type { SegmentSelector } from '../../../../shared/domain/segments';
import type { GeneratePreview, GenerateRequest, VisitLanguage, VisitTemplate } from '../../../../shared/domain/visits';
import { invoke } from '../../api/client';
import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';
import { visitsHref } from '../../routing/visitRoute';
import { errorMessage } from '../../stores/errorMessage';
import { language, useVisits } from '../../stores/visits';
import { useProfileRefs } from '../../stores/profileRefs';
import { templateName, tierText } from './labels';

type Kind = 'tier' | 'quadrant' | 'lifecycle';
/** The preview lists this many plans (all are created). */
const PREVIEW_ROWS = 200;

function selectorOf(kind: Kind, value: string): SegmentSelector {
  if (kind === 'tier') return { by: 'tier', tier: value as (typeof tiers)[number] };
  if (kind === 'quadrant') return { by: 'quadrant', quadrant: value as (typeof quadrants)[number] };
  return { by: 'lifecycle', stage: value as (typeof lifecycleStages)[number] };
}

/** Planning: for a segment, the grid's selection or one customer; preview first, then create in one go. */
export function PlanForm({ customerId, selection }: { customerId: number | null; selection: boolean }) {
  const { t, i18n } = useTranslation();
  const staff = useProfileRefs((s) => s.staff);
  const selected = useVisits((s) => s.selection);
  const [customerName, setCustomerName] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('tier');
  const [value, setValue] = useState<string>('high');
  const [from, setFrom] = useState(localToday());
  const [to, setTo] = useState(addDays(localToday(), 29));
  const [skipWeekends, setSkipWeekends] = useState(true);
  const [templates, setTemplates] = useState<VisitTemplate[]>([]);
  const [templateKey, setTemplateKey] = useState<string>('');
  const [ownerId, setOwnerId] = useState<string>('');
  const [textLanguage, setTextLanguage] = useState<VisitLanguage>(language());
  const [preview, setPreview] = useState<GeneratePreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    invoke('visits:templates', {}).then((r) => setTemplates(r.templates), (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (customerId === null) return;
    invoke('customers:get', { id: customerId }).then((c) => setCustomerName(c.name), (e: unknown) => setError(errorMessage(e)));
  }, [customerId]);

  const target: GenerateRequest['target'] | null =
    customerId !== null ? { by: 'ids', ids: [customerId] } : selection ? (selected.length > 0 ? { by: 'ids', ids: selected } : null) : { by: 'segment', selector: selectorOf(kind, value) };
  const request = (): GenerateRequest | null =>
    target && { target, from, to, skipWeekends, templateKey: templateKey || null, language: textLanguage, defaultOwnerId: ownerId ? Number(ownerId) : null };
  const reset = () => {
    setPreview(null);
    setMessage(null);
  };

  const run = async (what: 'preview' | 'create') => {
    const req = request();
    if (!req) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'preview') setPreview(await invoke('visits:preview', req));
      else {
        const r = await invoke('visits:create', req);
        setPreview(null);
        setMessage(t('visits.plan.created', { count: r.created }));
        window.location.hash = visitsHref('list');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const values: readonly string[] = kind === 'tier' ? tiers : kind === 'quadrant' ? quadrants : lifecycleStages;
  const valueLabel = (v: string) =>
    kind === 'tier' ? t(`customers.tier.${v as (typeof tiers)[number]}`) : kind === 'quadrant' ? quadrantLabel(t, v as (typeof quadrants)[number]) : t(`segments.lifecycle.${v as (typeof lifecycleStages)[number]}`);

  return (
    <section className="card visit-plan" aria-labelledby="visit-plan-title" data-testid="visit-plan-form">
      <h2 id="visit-plan-title" className="section-title">{t('visits.plan.heading')}</h2>
      <div className="visit-plan__fields" onChange={reset}>
        <div className="field">
          <span className="visit-plan__label">{t('visits.plan.target')}</span>
          {customerId !== null ? (
            <strong data-testid="visit-plan-customer">{t('visits.plan.byCustomer', { name: customerName ?? `#${customerId}` })}</strong>
          ) : selection ? (
            <strong>{t('visits.plan.bySelection', { count: selected.length })}</strong>
          ) : (
            <>
              <select className="select" aria-label={t('visits.plan.segmentKind')} value={kind} onChange={(e) => {
                const k = e.target.value as Kind;
                setKind(k);
                setValue(k === 'tier' ? 'high' : k === 'quadrant' ? 'high-high' : 'growth');
              }} data-testid="visit-plan-kind">
                {(['tier', 'quadrant', 'lifecycle'] as const).map((k) => (
                  <option key={k} value={k}>{t(`visits.plan.kinds.${k}`)}</option>
                ))}
              </select>
              <select className="select" aria-label={t('visits.plan.bySegment')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="visit-plan-segment">
                {values.map((v) => (
                  <option key={v} value={v}>{valueLabel(v)}</option>
                ))}
              </select>
            </>
          )}
        </div>
        <label className="field">
          <span className="visit-plan__label">{t('visits.plan.from')}</span>
          <input type="date" className="text-input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="visit-plan-from" />
          <span>{t('visits.plan.to')}</span>
          <input type="date" className="text-input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="visit-plan-to" />
        </label>
        <label className="field">
          <input type="checkbox" checked={skipWeekends} onChange={(e) => setSkipWeekends(e.target.checked)} /> {t('visits.plan.skipWeekends')}
        </label>
        <label className="field">
          <span className="visit-plan__label">{t('visits.plan.template')}</span>
          <select className="select" value={templateKey} onChange={(e) => setTemplateKey(e.target.value)} data-testid="visit-plan-template">
            <option value="">{t('visits.plan.autoTemplate')}</option>
            {templates.map((tpl) => (
              <option key={tpl.key} value={tpl.key}>{templateName(tpl, i18n.language)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="visit-plan__label">{t('visits.plan.defaultOwner')}</span>
          <select className="select" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t('visits.plan.byRole')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="visit-plan__label">{t('visits.plan.language')}</span>
          <select className="select" value={textLanguage} onChange={(e) => setTextLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <div className="toolbar">
        <button type="button" className="button" disabled={busy || !target} onClick={() => void run('preview')} data-testid="visit-plan-preview">{t('visits.plan.preview')}</button>
        {preview && preview.drafts.length > 0 && (
          <button type="button" className="button button--primary visit-primary" disabled={busy} onClick={() => void run('create')} data-testid="visit-plan-create">
            {t('visits.plan.create', { count: preview.drafts.length })}
          </button>
        )}
        {message && <span className="muted" role="status">{message}</span>}
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {preview && (
        <div className="visit-preview" data-testid="visit-plan-preview-table">
          <h3 className="section-subtitle">{t('visits.plan.previewHeading', { count: preview.drafts.length })}</h3>
          {preview.skipped.length > 0 && (
            <p className="muted">
              {t('visits.plan.skipped', { count: preview.skipped.length })}:{' '}
              {[...new Set(preview.skipped.map((s) => s.reason))].map((r) => t(`visits.plan.reasons.${r}`)).join(t('customers.tagSeparator'))}
            </p>
          )}
          <div className="scroll-box">
            <table className="info-table info-table--wide">
              <thead>
                <tr>
                  <th>{t('visits.columns.date')}</th>
                  <th>{t('visits.columns.customer')}</th>
                  <th>{t('visits.columns.owner')}</th>
                  <th>{t('visits.columns.tier')}</th>
                  <th>{t('visits.columns.template')}</th>
                  <th>{t('visits.columns.goal')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.drafts.slice(0, PREVIEW_ROWS).map((d) => (
                  <tr key={d.customerId}>
                    <td>{d.plannedDate}</td>
                    <td>{d.customerName}</td>
                    <td>{d.ownerName ?? '—'}</td>
                    <td>{tierText(t, d.tier)}</td>
                    <td>{d.templateName}</td>
                    <td>{d.goal}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
