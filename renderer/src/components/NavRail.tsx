import { useTranslation } from 'react-i18next';
import { areas, hrefFor, type Area } from '../routing/areas';
import { useSettings } from '../stores/settings';
import { LanguageSwitch } from './LanguageSwitch';
import { NavBadge } from './warnings/NavBadge';
import './warnings/warnings.css';

interface NavRailProps {
  active: Area;
}

/** The left rail: app name, one link per area, and the language switch at the foot. */
export function NavRail({ active }: NavRailProps) {
  const { t } = useTranslation();
  const version = useSettings((s) => s.appInfo?.version);

  return (
    <aside className="nav-rail">
      <div className="nav-rail__brand">
        <span className="nav-rail__name">{t('app.name')}</span>
        <span className="nav-rail__tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-rail__list">
          {areas.map((area) => (
            <li key={area}>
              <a
                href={hrefFor(area)}
                className="nav-rail__item"
                data-testid={`nav-${area}`}
                aria-current={area === active ? 'page' : undefined}
              >
                {t(`nav.${area}`)}
                <NavBadge area={area} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <footer className="nav-rail__footer">
        <LanguageSwitch />
        {version && <span className="nav-rail__version">v{version}</span>}
      </footer>
    </aside>
  );
}
