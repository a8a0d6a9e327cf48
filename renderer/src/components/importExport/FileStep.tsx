import { useTranslation } from 'react-i18next';
import { importTargets, type ImportTarget } from '../../../../shared/import/targets';
import type { ImportFlow } from './useImportFlow';
import { ImportHistory } from './ImportHistory';

/** Step 1: what to import and from which file; the import history below. */
export function FileStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  return (
    <div className="wizard-step">
      <label className="field">
        <span>{t('importExport.target')}</span>
        <select className="select" value={flow.target} onChange={(e) => flow.setTarget(e.target.value as ImportTarget)} data-testid="import-target">
          {importTargets.map((x) => (
            <option key={x} value={x}>
              {t(`importExport.targets.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="file-drop" data-testid="import-file" disabled={flow.busy !== null} onClick={() => void flow.pickFile()}>
        <span className="file-drop__title">{t('importExport.chooseFile')}</span>
        <span className="muted">{t('importExport.fileHint')}</span>
      </button>
      {flow.busy === 'reading' && <p role="status">{t('importExport.reading')}</p>}
      <ImportHistory />
    </div>
  );
}
