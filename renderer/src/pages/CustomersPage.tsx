import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CustomerGrid } from '../components/CustomerGrid';
import { ErrorNotice } from '../components/ErrorNotice';
import { ImportExportTools } from '../components/importExport/ImportExportTools';
import { QuickFilterBox } from '../components/QuickFilterBox';
import { useCustomers } from '../stores/customers';
import { useSettings } from '../stores/settings';

/** 客户档案: every customer in one grid, with a quick search above it. */
export function CustomersPage() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const { rows, asOf, loading, error, loaded, load } = useCustomers(
    useShallow((s) => ({ rows: s.rows, asOf: s.asOf, loading: s.loading, error: s.error, loaded: s.loaded, load: s.load })),
  );
  const idFilter = useCustomers((s) => s.idFilter);
  const [quickFilter, setQuickFilter] = useState('');
  const [shown, setShown] = useState<number | null>(null);

  useEffect(() => {
    void useCustomers.getState().ensureLoaded();
  }, []);

  const total = rows.length;
  const filtered = loaded && shown !== null && (shown !== total || idFilter !== null);

  return (
    <section className="page page--fill" aria-labelledby="customers-title">
      <header className="page-header">
        <h1 id="customers-title" className="page-title">
          {t('customers.title')}
          {loaded && (
            <span className="count-badge" data-testid="customer-count" aria-label={t('customers.countLabel')} title={t('customers.countLabel')}>
              {new Intl.NumberFormat(language).format(total)}
            </span>
          )}
        </h1>
        <div className="page-tools">
          {loading && loaded && <span className="muted">{t('customers.refreshing')}</span>}
          {idFilter && (
            <span className="filter-chip" data-testid="id-filter">
              {idFilter.label}
              <button type="button" className="chip-clear" onClick={() => useCustomers.getState().clearIdFilter()} aria-label={t('customers.clearIdFilter')} title={t('customers.clearIdFilter')}>
                ×
              </button>
            </span>
          )}
          {filtered && <span className="muted">{t('customers.shown', { shown, total })}</span>}
          <QuickFilterBox value={quickFilter} onChange={setQuickFilter} placeholder={t('customers.searchPlaceholder')} label={t('customers.searchLabel')}
            testId="customer-search"
          />
          {/* — Import and export — */}
          <ImportExportTools view={{ quickFilter, ids: idFilter ? [...idFilter.ids] : null }} language={language === 'en' ? 'en' : 'zh-CN'} />
          {/* — Customer profiles: editing, views, duplicates, audit — */}
        </div>
      </header>

      {error && <ErrorNotice title={t('customers.loadFailed')} message={error} retryLabel={t('customers.retry')} onRetry={() => void load()} />}

      {loaded ? (
        <CustomerGrid rows={rows} asOf={asOf} language={language} quickFilter={quickFilter} onlyIds={idFilter?.ids ?? null} onShownCountChange={setShown} />
      ) : (
        loading && (
          <p className="status-message" role="status">
            {t('customers.loading')}
          </p>
        )
      )}
    </section>
  );
}
