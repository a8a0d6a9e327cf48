import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { targetFields, type ImportOptionsInput } from '../../../../shared/import/targets';
import { fieldLabel } from './labels';
import type { ImportFlow } from './useImportFlow';

const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** Step 2: encoding/sheet, the column for each field (auto-matched, or a saved mapping), and matching options. */
export function MappingStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const info = flow.inspected;
  const [saved, setSaved] = useState<{ id: number; name: string; mapping: Record<string, string> }[]>([]);
  const [name, setName] = useState('');
  const [savedNote, setSavedNote] = useState(false);
  useEffect(() => {
    void invoke('import:mappings', { target: flow.target }).then((r) => setSaved(r.mappings));
  }, [flow.target, savedNote]);
  if (!info) return null;
  const fields = targetFields[flow.target];
  const setOption = <K extends keyof ImportOptionsInput>(k: K, v: ImportOptionsInput[K]) => flow.setOptions({ ...flow.options, [k]: v });
  const sampleOf = (header: string | undefined) => {
    const i = header === undefined ? -1 : info.headers.indexOf(header);
    return i < 0 ? '' : (info.sampleRows.map((r) => r[i] ?? '').find((v) => v !== '') ?? '');
  };

  return (
    <div className="wizard-step">
      <p data-testid="import-file-info">{t('importExport.fileInfo', { file: info.name, count: info.rows })}</p>
      <div className="wizard-options">
        {info.format === 'csv' && (
          <label className="field">
            <span>{t('importExport.encoding')}</span>
            <select className="select" data-testid="import-encoding" value={info.encoding ?? ''} onChange={(e) => void flow.inspect(info, flow.target, e.target.value, undefined)}>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
            <span className="muted">{t('importExport.detected', { encoding: info.detectedEncoding })}</span>
          </label>
        )}
        {info.format === 'xlsx' && (
          <label className="field">
            <span>{t('importExport.sheet')}</span>
            <select className="select" value={info.sheet ?? ''} onChange={(e) => void flow.inspect(info, flow.target, undefined, e.target.value)}>
              {info.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('importExport.savedMappings')}</span>
          <select
            className="select"
            defaultValue=""
            onChange={(e) => {
              const m = saved.find((x) => String(x.id) === e.target.value);
              if (m) flow.setMapping(m.mapping);
            }}
          >
            <option value="">{t('importExport.noSavedMapping')}</option>
            {saved.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="info-table mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            <th>{t('importExport.field')}</th>
            <th>{t('importExport.column')}</th>
            <th>{t('importExport.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {fieldLabel(t, f.id)}
                {f.required && <span className="required"> *</span>}
              </th>
              <td>
                <select
                  className="select"
                  aria-label={fieldLabel(t, f.id)}
                  data-testid={`map-${f.id}`}
                  value={flow.mapping[f.id] ?? ''}
                  onChange={(e) => {
                    const others = Object.entries(flow.mapping).filter(([k]) => k !== f.id);
                    flow.setMapping(Object.fromEntries(e.target.value === '' ? others : [...others, [f.id, e.target.value]]));
                  }}
                >
                  <option value="">{t('importExport.notImported')}</option>
                  {info.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted mapping-sample">{sampleOf(flow.mapping[f.id])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="wizard-options">
        {flow.target === 'customers' && (
          <label className="field">
            <span>{t('importExport.matchBy')}</span>
            <select className="select" value={flow.options.matchBy ?? 'code'} onChange={(e) => setOption('matchBy', e.target.value as ImportOptionsInput['matchBy'])}>
              {(['code', 'phone', 'email', 'name'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`importExport.matchKeys.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('importExport.onExisting')}</span>
          <select className="select" value={flow.options.onExisting ?? 'update'} onChange={(e) => setOption('onExisting', e.target.value as 'update' | 'skip')}>
            <option value="update">{t('importExport.onExistingValues.update')}</option>
            <option value="skip">{t('importExport.onExistingValues.skip')}</option>
          </select>
        </label>
      </div>
      <div className="wizard-options">
        <label className="field">
          <span>{t('importExport.saveMappingAs')}</span>
          <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} data-testid="mapping-name" />
        </label>
        <button
          type="button"
          className="button"
          disabled={name.trim() === ''}
          onClick={() => void invoke('import:saveMapping', { target: flow.target, name, mapping: flow.mapping }).then(() => setSavedNote((x) => !x))}
        >
          {t('importExport.saveMapping')}
        </button>
      </div>
    </div>
  );
}
