import { useTranslation } from 'react-i18next';
import { DatabaseInfo } from '../components/DatabaseInfo';
import { LanguageSelect } from '../components/LanguageSelect';
import { useLiveQuery } from '../api/live';
import { useSettings } from '../stores/settings';
import { BackupsSection } from '../components/backups/BackupsSection';
import { CompletenessSettings } from '../components/profiles/CompletenessSettings';
import { MeSetting } from '../components/profiles/MeSetting';
import { WarningSettingsForm } from '../components/warnings/WarningSettingsForm';
import { ReportSettingsForm } from '../components/reports/ReportSettingsForm';
import { LoyaltySettingsForm } from '../components/loyalty/LoyaltySettingsForm';

/** 设置: the UI language and what Patron knows about its database file. */
export function SettingsPage() {
  const { t } = useTranslation();
  const appInfo = useSettings((s) => s.appInfo);
  const language = useSettings((s) => s.language);
  const { data: stats, error, reload } = useLiveQuery('db:stats', {});

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title" className="page-title">
          {t('settings.title')}
        </h1>
      </header>

      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language" className="section-title">
          {t('settings.languageHeading')}
        </h2>
        <div className="field">
          <label htmlFor="language-select">{t('language.label')}</label>
          <LanguageSelect id="language-select" />
        </div>
        <p className="muted">{t('settings.languageHint')}</p>
      </section>

      <section className="card" aria-labelledby="settings-database">
        <h2 id="settings-database" className="section-title">
          {t('settings.databaseHeading')}
        </h2>
        <DatabaseInfo appInfo={appInfo} stats={stats} error={error} language={language} onRetry={reload} />
      </section>
      <BackupsSection />
      <MeSetting />
      <CompletenessSettings />
      <WarningSettingsForm />
      <ReportSettingsForm />
      <LoyaltySettingsForm />
    </section>
  );
}
