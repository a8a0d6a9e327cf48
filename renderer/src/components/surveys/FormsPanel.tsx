import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../shared/analytics/lifecycle';
import { quadrants } from '../../../../shared/analytics/quadrant';
import { tiers } from '../../../../shared/domain/enums';
import type { SegmentSelector } from '../../../../shared/domain/segments';
import type { FormLanguage, IssueRequest, SurveyForm, SurveyTemplate } from '../../../../shared/domain/surveys';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';
import { profileHref } from '../../routing/customerRoute';
import { surveyFormsRoute } from '../../routing/surveyRoute';
import { errorMessage } from '../../stores/errorMessage';
import { useSurveySelection } from '../../stores/surveys';
import { FormChoice } from './FormChoice';
import { appLang, defaultFormLanguage, fixed } from './labels';

type Kind = 'codes' | 'tier' | 'quadrant' | 'lifecycle';

function selectorOf(kind: Exclude<Kind, 'codes'>, value: string): SegmentSelector {
  if (kind === 'tier') return { by: 'tier', tier: value as (typeof tiers)[number] };
  if (kind === 'quadrant') return { by: 'quadrant', quadrant: value as (typeof quadrants)[number] };
  return { by: 'lifecycle', stage: value as (typeof lifecycleStages)[number] };
}

/** Batch print: forms for the grid's selection, typed customer codes or a segment, one PDF, recorded as sent. */
export function FormsPanel({ selection }: { selection: boolean }) {
  const { t } = useTranslation();
  const selected = useSurveySelection((s) => s.ids);
  const [kind, setKind] = useState<Kind>('codes');
  const [codes, setCodes] = useState('');
  const [value, setValue] = useState('high');
  const [templates, setTemplates] = useState<SurveyTemplate[]>([]);
  const [templateKey, setTemplateKey] = useState('standard');
  const [formLanguage, setFormLanguage] = useState<FormLanguage>(defaultFormLanguage());
  const [forms, setForms] = useState<SurveyForm[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    invoke('surveys:forms', { limit: 200, lang: appLang() }).then((r) => setForms(r.forms), (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    invoke('surveys:templates', {}).then((r) => setTemplates(r.templates), (e: unknown) => setError(errorMessage(e)));
    load();
    return onReadsChanged(['surveys:forms'], load);
  }, [load]);

  const target = (): IssueRequest['target'] | null => {
    if (selection) return selected.length > 0 ? { by: 'ids', ids: selected } : null;
    if (kind === 'codes') {
      const list = codes.split(/[\s,，;；]+/).map((c) => c.trim()).filter((c) => c !== '');
      return list.length > 0 ? { by: 'codes', codes: list } : null;
    }
    return { by: 'segment', selector: selectorOf(kind, value) };
  };
  const issue = async () => {
    const tg = target();
    if (!tg) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('surveys:issue', { target: tg, templateKey, language: formLanguage });
      window.location.hash = surveyFormsRoute({ batch: r.batchId });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const options: string[] = kind === 'tier' ? [...tiers] : kind === 'quadrant' ? [...quadrants] : kind === 'lifecycle' ? [...lifecycleStages] : [];
  const optionLabel = (o: string) => (kind === 'tier' ? t(`customers.tier.${o}`) : kind === 'quadrant' ? quadrantLabel(t, o as (typeof quadrants)[number]) : t(`segments.lifecycle.${o}`));

  return (
    <div className="survey-forms">
      <div className="card" data-testid="survey-issue">
        <h3 className="section-subtitle">{t('surveys.forms.heading')}</h3>
        <p className="muted">{t('surveys.forms.hint')}</p>
        <div className="survey-issue__row">
          {selection ? (
            <p data-testid="survey-issue-selection">{t('surveys.forms.selection', { count: selected.length })}</p>
          ) : (
            <>
              <label className="field">
                {t('surveys.forms.target')}
                <select
                  className="select"
                  value={kind}
                  onChange={(e) => {
                    const k = e.target.value as Kind;
                    setKind(k);
                    setValue(k === 'tier' ? 'high' : k === 'quadrant' ? quadrants[0] : lifecycleStages[0]);
                  }}
                  data-testid="survey-issue-kind"
                >
                  <option value="codes">{t('surveys.forms.byCodes')}</option>
                  <option value="tier">{t('visits.plan.kinds.tier')}</option>
                  <option value="quadrant">{t('visits.plan.kinds.quadrant')}</option>
                  <option value="lifecycle">{t('visits.plan.kinds.lifecycle')}</option>
                </select>
              </label>
              {kind === 'codes' ? (
                <label className="field survey-issue__codes">
                  {t('surveys.forms.codes')}
                  <input className="text-input" value={codes} placeholder="C00001, C00002" onChange={(e) => setCodes(e.target.value)} data-testid="survey-issue-codes" />
                </label>
              ) : (
                <label className="field">
                  {t('surveys.forms.segment')}
                  <select className="select" value={value} onChange={(e) => setValue(e.target.value)} data-testid="survey-issue-segment">
                    {options.map((o) => (
                      <option key={o} value={o}>{optionLabel(o)}</option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
          <FormChoice templates={templates} templateKey={templateKey} onTemplate={setTemplateKey} language={formLanguage} onLanguage={setFormLanguage} testIds={{ template: 'survey-issue-template', language: 'survey-issue-language' }} />
          <button type="button" className="button button--primary survey-primary" disabled={busy || target() === null} onClick={() => void issue()} data-testid="survey-issue-print">
            {t('surveys.forms.print')}
          </button>
        </div>
        {error && <p className="error-text" role="alert">{error}</p>}
      </div>

      <div className="card">
        <h3 className="section-subtitle">{t('surveys.forms.recent')}</h3>
        {forms && forms.length === 0 ? (
          <p className="muted">{t('surveys.forms.none')}</p>
        ) : (
          <div className="scroll-box survey-table-box">
            <FormTable forms={forms ?? []} />
          </div>
        )}
      </div>
    </div>
  );
}

/** Forms with their state; shared by the forms tab and the profile (a date in the state cell keeps its hyphens unbroken). */
export function FormTable({ forms, showCustomer = true }: { forms: SurveyForm[]; showCustomer?: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="info-table info-table--wide survey-form-table" data-testid="survey-form-table">
      <thead>
        <tr>
          <th>{t('surveys.columns.formNo')}</th>
          {showCustomer && <th>{t('surveys.columns.customer')}</th>}
          <th>{t('surveys.columns.channel')}</th>
          <th>{t('surveys.columns.issued')}</th>
          <th>{t('surveys.columns.state')}</th>
          <th className="numeric">{t('surveys.columns.mean')}</th>
          <th className="numeric">NPS</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {forms.map((f) => (
          <tr key={f.id} data-testid={`survey-form-${f.formNo}`}>
            <td className="nowrap">{f.formNo}</td>
            {showCustomer && <td><a href={profileHref(f.customerId)}>{f.customerName}</a></td>}
            <td>{t(`surveys.channels.${f.channel}`)}</td>
            <td className="nowrap">{f.issuedOn}</td>
            <td>{f.respondedOn ? t('surveys.state.responded', { date: f.respondedOn.replaceAll('-', '\u2011') }) : t('surveys.state.open')}</td>
            <td className="numeric">{fixed(f.meanScore)}</td>
            <td className="numeric">{f.nps ?? '—'}</td>
            <td className="nowrap">{f.channel === 'paper' && <a className="button button--small" href={surveyFormsRoute({ forms: [f.id] })}>{t('print.toolbar.print')}</a>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
