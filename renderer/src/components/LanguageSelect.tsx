import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../../shared/i18n/language';
import { useSettings } from '../stores/settings';

/** The language choice as a form field, for the settings page. */
export function LanguageSelect({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const setLanguage = useSettings((s) => s.setLanguage);

  return (
    <select
      id={id}
      className="select"
      value={language}
      data-testid="language-select"
      onChange={(e) => {
        if (isLanguage(e.target.value)) void setLanguage(e.target.value);
      }}
    >
      {languages.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {t(`language.${lang}`)}
        </option>
      ))}
    </select>
  );
}
