import { useTranslation } from 'react-i18next';
import { targetFields } from '../../../../shared/import/targets';
import { fieldLabel, reasonText, valueLabel } from './labels';
import type { ImportFlow } from './useImportFlow';

const SHOWN_ERRORS = 200;

/** Step 3: counts per action, every bad row (file, row, column, reason), the first rows, and what to do about errors. */
export function PreviewStep({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const r = flow.report;
  if (!r) return null;
  const fields = targetFields[flow.target].filter((f) => flow.mapping[f.id]);
  return (
    <div className="wizard-step">
      <dl className="import-counts" data-testid="import-counts">
        <div>
          <dt>{t('importExport.counts.new')}</dt>
          <dd data-testid="count-new">{r.new}</dd>
        </div>
        <div>
          <dt>{t('importExport.counts.updated')}</dt>
          <dd data-testid="count-updated">{r.updated}</dd>
        </div>
        <div>
          <dt>{t('importExport.counts.skipped')}</dt>
          <dd data-testid="count-skipped">{r.skipped}</dd>
        </div>
        <div className={r.errorRows > 0 ? 'import-counts__bad' : ''}>
          <dt>{t('importExport.counts.errors')}</dt>
          <dd data-testid="count-errors">{r.errorRows}</dd>
        </div>
      </dl>
      {r.ambiguousDates.length > 0 && (
        <div className="wizard-warning" role="alert">
          <p>{t('importExport.ambiguous', { fields: r.ambiguousDates.map((f) => fieldLabel(t, f)).join('、') })}</p>
          <select className="select" data-testid="day-order" value={flow.options.dayOrder ?? ''} onChange={(e) => flow.setOptions({ ...flow.options, dayOrder: e.target.value === '' ? undefined : (e.target.value as 'dmy' | 'mdy') })}>
            <option value="">{t('importExport.dayOrders.auto')}</option>
            <option value="dmy">{t('importExport.dayOrders.dmy')}</option>
            <option value="mdy">{t('importExport.dayOrders.mdy')}</option>
          </select>
          <button type="button" className="button" onClick={() => void flow.preview()}>
            {t('importExport.preview')}
          </button>
        </div>
      )}
      {r.errors.length > 0 && (
        <>
          <h3 className="section-subtitle">{t('importExport.errorsTitle')}</h3>
          <div className="wizard-scroll">
            <table className="info-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t('importExport.errorColumns.file')}</th>
                  <th>{t('importExport.errorColumns.row')}</th>
                  <th>{t('importExport.errorColumns.column')}</th>
                  <th>{t('importExport.errorColumns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {r.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={i}>
                    <td>{e.file}</td>
                    <td className="numeric">{e.row}</td>
                    <td>{e.column}</td>
                    <td>{reasonText(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.errors.length > SHOWN_ERRORS && <p className="muted">{t('importExport.moreErrors', { count: r.errors.length - SHOWN_ERRORS })}</p>}
          <label className="field">
            <span>{t('importExport.onErrors')}</span>
            <select className="select" data-testid="on-errors" value={flow.options.onErrors ?? 'abort'} onChange={(e) => flow.setOptions({ ...flow.options, onErrors: e.target.value as 'abort' | 'skip' })}>
              <option value="abort">{t('importExport.onErrorsValues.abort')}</option>
              <option value="skip">{t('importExport.onErrorsValues.skip')}</option>
            </select>
          </label>
        </>
      )}
      <h3 className="section-subtitle">{t('importExport.sampleTitle')}</h3>
      <div className="wizard-scroll">
        <table className="info-table sample-table" data-testid="import-sample">
          <thead>
            <tr>
              <th>{t('importExport.errorColumns.row')}</th>
              <th>{t('importExport.action')}</th>
              {fields.map((f) => (
                <th key={f.id}>{fieldLabel(t, f.id)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.sample.slice(0, 20).map((s) => (
              <tr key={s.row} className={s.action === 'error' ? 'row-error' : ''}>
                <td className="numeric">{s.row}</td>
                <td>{t(`importExport.actions.${s.action}`)}</td>
                {fields.map((f) => (
                  <td key={f.id}>{s.action === 'error' ? (s.values[f.id] ?? '') : valueLabel(f.id, s.values[f.id] ?? '', i18n.language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
