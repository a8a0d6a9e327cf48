import { useTranslation } from 'react-i18next';
import type { PlannedArea } from '../routing/areas';

interface PlaceholderPageProps {
  area: PlannedArea;
}

/** Stands in for an area that is not built yet and says what it will do. */
export function PlaceholderPage({ area }: PlaceholderPageProps) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="placeholder-title" data-testid={`placeholder-${area}`}>
      <header className="page-header">
        <h1 id="placeholder-title" className="page-title">
          {t(`nav.${area}`)}
        </h1>
      </header>
      <div className="placeholder">
        <h2 className="placeholder__heading">{t('placeholder.heading')}</h2>
        <p>{t('placeholder.intro')}</p>
        <p className="placeholder__purpose">{t(`placeholder.${area}`)}</p>
      </div>
    </section>
  );
}
