import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaContent } from './components/AreaContent';
import { ErrorNotice } from './components/ErrorNotice';
import { KeptPages } from './components/KeptPages';
import { NavRail } from './components/NavRail';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { useHash } from './hooks/useHash';
import { useHashRoute } from './hooks/useHashRoute';
import { PrintView } from './print/PrintView';
import { printRouteFromHash } from './routing/visitRoute';
import { useSettings } from './stores/settings';

/** The main window: navigation rail on the left, the current area's page beside it. */
export function App() {
  const { t } = useTranslation();
  const area = useHashRoute();
  const status = useSettings((s) => s.status);
  const startError = useSettings((s) => s.startError);
  const saveError = useSettings((s) => s.saveError);
  // Print layouts (`#/print/…`) render without the app shell, as they go on paper.
  const printRoute = printRouteFromHash(useHash());

  useEffect(() => {
    void useSettings.getState().start();
  }, []);

  if (status === 'failed') {
    return (
      <div className="splash">
        <ErrorNotice
          title={t('app.startFailed')}
          message={startError ?? ''}
          retryLabel={t('app.retry')}
          onRetry={() => void useSettings.getState().start()}
        />
      </div>
    );
  }

  if (status !== 'ready') {
    return (
      <div className="splash" role="status">
        {t('app.starting')}
      </div>
    );
  }

  if (printRoute) return <PrintView route={printRoute} />;

  return (
    <div className="app-shell">
      <NavRail active={area} />
      <main className="content" data-area={area}>
        {saveError && <ErrorNotice title={t('app.saveLanguageFailed')} message={saveError} />}
        <PageErrorBoundary key={area} title={t('app.pageFailed')} retryLabel={t('app.retry')}>
          <AreaContent area={area} />
        </PageErrorBoundary>
        <KeptPages area={area} />
      </main>
    </div>
  );
}
