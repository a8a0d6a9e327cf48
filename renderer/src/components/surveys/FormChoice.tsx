import { useTranslation } from 'react-i18next';
import type { FormLanguage, SurveyTemplate } from '../../../../shared/domain/surveys';

/** The template and the form language of new forms (printed batches and phone surveys alike). */
export function FormChoice(props: {
  templates: readonly SurveyTemplate[];
  templateKey: string;
  onTemplate: (key: string) => void;
  language: FormLanguage;
  onLanguage: (language: FormLanguage) => void;
  testIds?: { template: string; language: string };
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <label className="field">
        {t('surveys.forms.template')}
        <select className="select" value={props.templateKey} onChange={(e) => props.onTemplate(e.target.value)} data-testid={props.testIds?.template}>
          {props.templates.map((tp) => (
            <option key={tp.key} value={tp.key}>{i18n.language === 'en' ? tp.nameEn : tp.nameZh} v{tp.version}</option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('surveys.forms.language')}
        <select className="select" value={props.language} onChange={(e) => props.onLanguage(e.target.value === 'en-US' ? 'en-US' : 'zh-CN')} data-testid={props.testIds?.language}>
          <option value="zh-CN">中文</option>
          <option value="en-US">English</option>
        </select>
      </label>
    </>
  );
}
