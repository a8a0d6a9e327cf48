import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import type { ViewSpec } from '../../../../shared/export/view';
import { ImportWizard } from './ImportWizard';
import './importExport.css';

interface Props {
  /** The view the grid shows right now (visible columns, sort, the rows its filters let through), read when Export is clicked. */
  getView: () => ViewSpec;
  language: 'zh-CN' | 'en';
}

/** Import and Export buttons of the Customers toolbar. */
export function ImportExportTools({ getView, language }: Props) {
  const { t } = useTranslation();
  const [wizard, setWizard] = useState(false);
  const [menu, setMenu] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setMenu(false);
    setStatus({ text: t('importExport.exporting'), bad: false });
    try {
      const r = await invoke('export:run', { what: 'customers', format, view: getView(), language });
      setStatus(r.cancelled ? null : { text: t('importExport.exported', { count: r.rows, path: r.path }), bad: false });
    } catch (err) {
      setStatus({ text: `${t('importExport.exportFailed')}: ${err instanceof Error ? err.message : String(err)}`, bad: true });
    }
  };

  return (
    <>
      {status && (
        <span className={status.bad ? 'form-error export-status' : 'muted export-status'} role="status" data-testid="export-status" title={status.text}>
          {status.text}
        </span>
      )}
      <button type="button" className="button" data-testid="import-open" onClick={() => setWizard(true)}>
        {t('importExport.importButton')}
      </button>
      <div className="menu-anchor">
        <button type="button" className="button" aria-haspopup="menu" aria-expanded={menu} data-testid="export-open" onClick={() => setMenu((m) => !m)}>
          {t('importExport.exportButton')} ▾
        </button>
        {menu && (
          <div className="menu" role="menu">
            <button type="button" role="menuitem" data-testid="export-xlsx" onClick={() => void exportAs('xlsx')}>
              {t('importExport.exportXlsx')}
            </button>
            <button type="button" role="menuitem" data-testid="export-csv" onClick={() => void exportAs('csv')}>
              {t('importExport.exportCsv')}
            </button>
          </div>
        )}
      </div>
      {wizard && <ImportWizard onClose={() => setWizard(false)} />}
    </>
  );
}
