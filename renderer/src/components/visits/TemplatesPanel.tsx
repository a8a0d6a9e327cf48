import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quadrants } from '../../../../shared/analytics/quadrant';
import { staffRoles, tiers } from '../../../../shared/domain/enums';
import type { VisitTemplate, VisitTemplateFields } from '../../../../shared/domain/visits';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';
import { errorMessage } from '../../stores/errorMessage';
import { cellText, templateName } from './labels';

const textFields = ['nameZh', 'nameEn', 'goalZh', 'goalEn', 'measuresZh', 'measuresEn', 'resourcesZh', 'resourcesEn'] as const;
const blank: VisitTemplateFields = {
  quadrant: null,
  tier: null,
  nameZh: '',
  nameEn: '',
  goalZh: '',
  goalEn: '',
  measuresZh: '',
  measuresEn: '',
  resourcesZh: '',
  resourcesEn: '',
  frequencyDays: 30,
  ownerRole: 'sales',
};

function fieldsOf(tpl: VisitTemplate): VisitTemplateFields {
  const { id: _id, key: _key, version: _version, createdAt: _at, createdBy: _by, ...fields } = tpl;
  return fields;
}

/** The visit templates (latest versions), editing into a new version, adding new ones, and the print header. */
export function TemplatesPanel() {
  const { t, i18n } = useTranslation();
  const [templates, setTemplates] = useState<VisitTemplate[]>([]);
  const [editing, setEditing] = useState<{ key: string | null; fields: VisitTemplateFields } | null>(null);
  const [businessName, setBusinessName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([invoke('visits:templates', {}), invoke('visits:printSettings', {})]).then(
      ([r, p]) => {
        setTemplates(r.templates);
        setBusinessName(p.businessName);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    load();
    return onReadsChanged(['visits:templates', 'visits:printSettings'], load);
  }, [load]);

  const save = async () => {
    if (!editing) return;
    try {
      const saved = await invoke('visits:saveTemplate', editing);
      setEditing(null);
      setError(null);
      setMessage(`${templateName(saved, i18n.language)}: ${t('visits.templates.saved', { version: saved.version })}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const saveBusiness = async () => {
    try {
      await invoke('visits:savePrintSettings', { businessName });
      setMessage(t('visits.saved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const set = (patch: Partial<VisitTemplateFields>) => editing && setEditing({ ...editing, fields: { ...editing.fields, ...patch } });

  return (
    <div className="visit-templates">
      <p className="muted">{t('visits.templates.hint')}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setEditing({ key: null, fields: blank })} data-testid="template-add">{t('visits.templates.add')}</button>
        <label className="field">
          {t('visits.businessName')}
          <input className="text-input" value={businessName} onChange={(e) => setBusinessName(e.target.value)} data-testid="business-name" />
        </label>
        <button type="button" className="button" onClick={() => void saveBusiness()}>{t('visits.save')}</button>
        {message && <span className="muted" role="status">{message}</span>}
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}

      {editing && (
        <form
          className="card visit-template-form"
          data-testid="template-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="visit-template-form__row">
            <label className="field">
              {t('visits.templates.quadrant')}
              <select className="select" value={editing.fields.quadrant ?? ''} onChange={(e) => set({ quadrant: e.target.value ? (e.target.value as (typeof quadrants)[number]) : null })}>
                <option value="">—</option>
                {quadrants.map((q) => (
                  <option key={q} value={q}>{quadrantLabel(t, q)}</option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('visits.templates.tier')}
              <select className="select" value={editing.fields.tier ?? ''} onChange={(e) => set({ tier: e.target.value ? (e.target.value as (typeof tiers)[number]) : null })}>
                <option value="">—</option>
                {tiers.map((x) => (
                  <option key={x} value={x}>{t(`customers.tier.${x}`)}</option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('visits.templates.frequency')}
              <input type="number" className="text-input visit-template-form__number" min={1} max={366} value={editing.fields.frequencyDays} onChange={(e) => set({ frequencyDays: Number(e.target.value) })} />
            </label>
            <label className="field">
              {t('visits.templates.ownerRole')}
              <select className="select" value={editing.fields.ownerRole} onChange={(e) => set({ ownerRole: e.target.value as (typeof staffRoles)[number] })}>
                {staffRoles.map((r) => (
                  <option key={r} value={r}>{t(`visits.templates.roles.${r}`)}</option>
                ))}
              </select>
            </label>
          </div>
          <div className="visit-template-form__texts">
            {textFields.map((f) => (
              <label key={f}>
                {t(`visits.templates.${f}`)}
                <textarea className="text-area" rows={f.startsWith('name') ? 1 : 2} value={editing.fields[f]} onChange={(e) => set({ [f]: e.target.value })} data-testid={`template-${f}`} />
              </label>
            ))}
          </div>
          <div className="toolbar">
            <button type="submit" className="button button--primary visit-primary" data-testid="template-save">{editing.key ? t('visits.templates.saveVersion') : t('visits.templates.saveNew')}</button>
            <button type="button" className="button" onClick={() => setEditing(null)}>{t('visits.cancel')}</button>
          </div>
        </form>
      )}

      <table className="info-table info-table--wide" data-testid="template-table">
        <thead>
          <tr>
            <th>{t('visits.columns.template')}</th>
            <th>{t('visits.templates.quadrant')} / {t('visits.templates.tier')}</th>
            <th>{t('print.visitSheet.measures')}</th>
            <th className="numeric">{t('visits.templates.frequency')}</th>
            <th>{t('visits.templates.ownerRole')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {templates.map((tpl) => (
            <tr key={tpl.key}>
              <td>{templateName(tpl, i18n.language)} <span className="muted">{t('visits.templates.version', { version: tpl.version })}</span></td>
              <td>{cellText(t, tpl)}</td>
              <td>{i18n.language === 'en' ? tpl.measuresEn : tpl.measuresZh}</td>
              <td className="numeric">{tpl.frequencyDays}</td>
              <td>{t(`visits.templates.roles.${tpl.ownerRole}`)}</td>
              <td>
                <button type="button" className="button" onClick={() => setEditing({ key: tpl.key, fields: fieldsOf(tpl) })} data-testid={`template-edit-${tpl.key}`}>{t('visits.templates.edit')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
