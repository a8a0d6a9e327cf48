import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanForm } from '../components/visits/PlanForm';
import { TemplatesPanel } from '../components/visits/TemplatesPanel';
import { VisitCalendar } from '../components/visits/VisitCalendar';
import { VisitList } from '../components/visits/VisitList';
import '../components/visits/visits.css';
import { useHash } from '../hooks/useHash';
import { visitRouteFromHash, visitsHref, visitTabs } from '../routing/visitRoute';
import { useProfileRefs } from '../stores/profileRefs';
import { useVisits } from '../stores/visits';
import '../styles/profiles.css';

/** 拜访计划: list, calendar, planning (segment, selection or one customer) and templates. */
export function VisitsPage() {
  const { t } = useTranslation();
  const hash = useHash();
  const route = useMemo(() => visitRouteFromHash(hash), [hash]);
  const error = useVisits((s) => s.error);
  const total = useVisits((s) => s.list?.total ?? null);

  useEffect(() => {
    void useVisits.getState().load();
    void useProfileRefs.getState().load();
  }, []);

  return (
    <section className="page page--wide" aria-labelledby="visits-title" data-testid="visits-page">
      <header className="page-header">
        <h1 id="visits-title" className="page-title">
          {t('visits.title')}
          {total !== null && <span className="count-badge">{total}</span>}
        </h1>
        <nav className="visit-tabs" aria-label={t('visits.title')}>
          {visitTabs.map((tab) => (
            <a key={tab} href={visitsHref(tab)} className={route.tab === tab ? 'button visit-tab--on' : 'button'} aria-current={route.tab === tab ? 'page' : undefined} data-testid={`visits-tab-${tab}`}>
              {t(`visits.tabs.${tab}`)}
            </a>
          ))}
        </nav>
      </header>
      {error && <p className="error-text" role="alert">{error}</p>}
      {route.tab === 'list' && <VisitList />}
      {route.tab === 'calendar' && <VisitCalendar />}
      {route.tab === 'plan' && <PlanForm key={`${route.customerId ?? ''}-${route.selection}`} customerId={route.customerId} selection={route.selection} />}
      {route.tab === 'templates' && <TemplatesPanel />}
    </section>
  );
}
