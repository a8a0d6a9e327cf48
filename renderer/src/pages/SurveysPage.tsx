import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormsPanel } from '../components/surveys/FormsPanel';
import { PlansPanel } from '../components/surveys/PlansPanel';
import { QuickEntry } from '../components/surveys/QuickEntry';
import { ResultsPanel } from '../components/surveys/ResultsPanel';
import { TemplatesPanel } from '../components/surveys/TemplatesPanel';
import '../components/surveys/surveys.css';
import { useHash } from '../hooks/useHash';
import { surveyRouteFromHash, surveysHref, surveyTabs } from '../routing/surveyRoute';
import '../styles/profiles.css';

/** 满意度调研: quick entry (paper and phone), forms and batch print, results, improvement plans, templates. */
export function SurveysPage() {
  const { t } = useTranslation();
  const hash = useHash();
  const route = useMemo(() => surveyRouteFromHash(hash), [hash]);
  return (
    <section className="page page--wide" aria-labelledby="surveys-title" data-testid="surveys-page">
      <header className="page-header">
        <h1 id="surveys-title" className="page-title">{t('surveys.title')}</h1>
        <nav className="survey-tabs" aria-label={t('surveys.title')}>
          {surveyTabs.map((tab) => (
            <a key={tab} href={surveysHref(tab)} className={route.tab === tab ? 'button survey-tab--on' : 'button'} aria-current={route.tab === tab ? 'page' : undefined} data-testid={`surveys-tab-${tab}`}>
              {t(`surveys.tabs.${tab}`)}
            </a>
          ))}
        </nav>
      </header>
      {route.tab === 'entry' && <QuickEntry key={route.customerId ?? 0} customerId={route.customerId} />}
      {route.tab === 'forms' && <FormsPanel key={String(route.selection)} selection={route.selection} />}
      {route.tab === 'results' && <ResultsPanel />}
      {route.tab === 'plans' && <PlansPanel />}
      {route.tab === 'templates' && <TemplatesPanel />}
    </section>
  );
}
