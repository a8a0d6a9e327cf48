import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n/language';
import { useSettings } from '../stores/settings';

/** 中文 / English: switches the UI language at once and remembers it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const setLanguage = useSettings((s) => s.setLanguage);

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switch__option"
          aria-pressed={lang === language}
          data-testid={`language-${lang}`}
          onClick={() => void setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
