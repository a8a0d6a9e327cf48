import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useLiveQuery } from '../../api/live';

/** Past imports, newest first, each revertible once. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const history = useLiveQuery('import:history', {});
  const batches = history.data?.batches ?? [];
  const { reload } = history;
  const [revertError, setError] = useState<string | null>(null);
  const error = revertError ?? history.error;

  const revert = async (id: number) => {
    if (!window.confirm(t('importExport.revertConfirm'))) return;
    setError(null);
    try {
      await invoke('import:revert', { id });
      reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h3 id="import-history-title" className="section-subtitle">
        {t('importExport.history')}
      </h3>
      {error && <p className="form-error">{error}</p>}
      {batches.length === 0 ? (
        <p className="muted">{t('importExport.noHistory')}</p>
      ) : (
        <ul className="import-history__list" data-testid="import-history">
          {batches.map((b) => (
            <li key={b.id}>
              <span>
                {t(`importExport.targets.${b.target}`)} · {t('importExport.historyRow', { at: when.format(new Date(b.importedAt)), file: b.fileName, new: b.newRows, updated: b.updatedRows })}
              </span>
              {b.revertedAt ? (
                <span className="muted">{t('importExport.reverted')}</span>
              ) : (
                <button type="button" className="button button--small" onClick={() => void revert(b.id)}>
                  {t('importExport.revert')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
