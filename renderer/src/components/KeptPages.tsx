import { useTranslation } from 'react-i18next';
import { useCustomerRoute } from '../hooks/useCustomerRoute';
import { CustomerListPage } from '../pages/CustomersPage';
import type { Area } from '../routing/areas';
import { KeptAlive } from './KeptAlive';
import { PageErrorBoundary } from './PageErrorBoundary';

/**
 * Pages kept mounted once visited (see KeptAlive). The customer list: staff go from it to a
 * profile and back all day, and rebuilding a grid of 100,000 rows each time would also lose
 * its sort, search, selection and scroll position.
 */
export function KeptPages({ area }: { area: Area }) {
  const { t } = useTranslation();
  const route = useCustomerRoute();
  return (
    <KeptAlive active={area === 'customers' && route.kind === 'grid'}>
      <PageErrorBoundary title={t('app.pageFailed')} retryLabel={t('app.retry')}>
        <CustomerListPage />
      </PageErrorBoundary>
    </KeptAlive>
  );
}
