import type { GridApi } from 'ag-grid-community';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { completenessTarget, overallCompleteness } from '../../../shared/domain/completeness';
import type { CustomerRow } from '../../../shared/domain/customer';
import { CustomerGrid, type EditFailure } from '../components/CustomerGrid';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageActive } from '../components/KeptAlive';
import { ImportExportTools } from '../components/importExport/ImportExportTools';
import { exportViewOf } from '../grid/exportView';
import { BulkEditBar } from '../components/profiles/BulkEditBar';
import { ColumnChooser } from '../components/profiles/ColumnChooser';
import { UndoButtons } from '../components/profiles/UndoButtons';
import { ViewPicker } from '../components/profiles/ViewPicker';
import { PlanVisitsButton } from '../components/visits/PlanVisitsButton';
import { SurveyFormsButton } from '../components/surveys/SurveyFormsButton';
import { QuickFilterBox } from '../components/QuickFilterBox';
import { useCustomerRoute } from '../hooks/useCustomerRoute';
import { useGridShortcuts } from '../hooks/useGridShortcuts';
import { duplicatesHref } from '../routing/customerRoute';
import { useCustomers } from '../stores/customers';
import { useProfileRefs } from '../stores/profileRefs';
import { useSettings } from '../stores/settings';
import { useUndo } from '../stores/undo';
import '../styles/profiles.css';
import { DuplicatesPage } from './DuplicatesPage';
import { ProfilePage } from './ProfilePage';

/**
 * 客户档案: `#/customers/<id>` opens a profile, `#/customers/duplicates` the duplicate review.
 * The list itself (`#/customers`) is CustomerListPage, kept mounted by KeptPages once opened.
 */
export function CustomersPage() {
  const route = useCustomerRoute();
  useEffect(() => {
    // Staff and completeness rules first: they are small, and the grid's columns depend on
    // them, so arriving after the 100,000 rows would rebuild every column once more.
    void useProfileRefs.getState().load();
    void useCustomers.getState().ensureLoaded();
  }, []);
  if (route.kind === 'profile') return <ProfilePage key={route.id} id={route.id} />;
  if (route.kind === 'duplicates') return <DuplicatesPage />;
  return null;
}

/** Every customer in one editable grid (shown by KeptPages, which keeps it while other pages are open). */
export function CustomerListPage() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const { rows, patch, asOf, loading, error, loaded, load } = useCustomers(
    useShallow((s) => ({ rows: s.rows, patch: s.patch, asOf: s.asOf, loading: s.loading, error: s.error, loaded: s.loaded, load: s.load })),
  );
  const idFilter = useCustomers((s) => s.idFilter);
  const { staff, rules } = useProfileRefs(useShallow((s) => ({ staff: s.staff, rules: s.rules })));
  const [quickFilter, setQuickFilter] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [api, setApi] = useState<GridApi<CustomerRow> | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [editFailure, setEditFailure] = useState<EditFailure | null>(null);
  const active = usePageActive();
  useGridShortcuts(active);

  const total = rows.length;
  const filtered = loaded && shown !== null && (shown !== total || idFilter !== null);
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }), [language]);
  // The KPI scores every row: deferred, so the rows reach the grid first and it follows in a later render.
  const ratedRows = useDeferredValue(rows);
  const rate = useMemo(() => (loaded && (ratedRows === rows || ratedRows.length > 0) ? overallCompleteness(ratedRows, rules) : null), [loaded, rows, ratedRows, rules]);
  const onEditSaved = useCallback((batchId: string | null) => useUndo.getState().push(batchId), []);

  return (
    <section className="page page--fill" aria-labelledby="customers-title" data-testid="customer-list">
      <header className="page-header">
        <h1 id="customers-title" className="page-title">
          {t('customers.title')}
          {loaded && (
            <span className="count-badge" data-testid="customer-count" aria-label={t('customers.countLabel')} title={t('customers.countLabel')}>
              {new Intl.NumberFormat(language).format(total)}
            </span>
          )}
          {rate !== null && (
            <span className={rate >= completenessTarget ? 'kpi-badge' : 'kpi-badge kpi-badge--below'} data-testid="completeness-kpi" title={t('profiles.completenessTarget', { target: percent.format(completenessTarget) })}>
              {t('profiles.completenessKpi', { rate: percent.format(rate) })}
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
          <ImportExportTools getView={() => exportViewOf(api, { quickFilter, ids: idFilter ? [...idFilter.ids] : null })} language={language === 'en' ? 'en' : 'zh-CN'} />
          {/* — Customer profiles: editing, views, duplicates, audit — */}
          {/* — Warnings, complaints and care reminders — */}
          {/* — Visit plans and printing — */}
          <PlanVisitsButton ids={selected} />
          {/* — Satisfaction surveys — */}
          <SurveyFormsButton ids={selected} />
          {/* — Dashboard and reports — */}
          {/* — Loyalty: levels, points, referrals — */}
        </div>
      </header>
      <div className="toolbar">
        <ViewPicker api={api} />
        <ColumnChooser api={api} />
        <UndoButtons />
        <a className="button" href={duplicatesHref} data-testid="find-duplicates">
          {t('profiles.duplicates.button')}
        </a>
      </div>

      {selected.length > 0 && <BulkEditBar ids={selected} onClear={() => api?.deselectAll()} />}
      {editFailure && (
        <p className="error-text" role="alert" data-testid="edit-error">
          {t('profiles.editFailed', { customer: editFailure.customer, column: editFailure.column, reason: editFailure.problem ? t(`profiles.errors.${editFailure.problem}`) : editFailure.message })}
        </p>
      )}
      {error && <ErrorNotice title={t('customers.loadFailed')} message={error} retryLabel={t('customers.retry')} onRetry={() => void load()} />}

      {loading && !loaded && (
        <p className="status-message" role="status">
          {t('customers.loading')}
        </p>
      )}
      {/* Built while the list is on its way, so the rows only have to be filled in when it arrives. */}
      {(loaded || loading) && (
        <CustomerGrid
          rows={rows}
          patch={patch}
          loading={!loaded}
          asOf={asOf}
          language={language}
          quickFilter={quickFilter}
          staff={staff}
          rules={rules}
          onlyIds={idFilter?.ids ?? null}
          onShownCountChange={setShown}
          onSelectionChange={setSelected}
          onGridReady={setApi}
          onEditSaved={onEditSaved}
          onEditFailed={setEditFailure}
        />
      )}
    </section>
  );
}
