import type { TFunction } from 'i18next';
import type { FormLanguage, SurveyQuestion } from '../../../../shared/domain/surveys';
import { useSettings } from '../../stores/settings';

/** The app language as the survey calls take it. */
export const appLang = (): 'zh-CN' | 'en' => (useSettings.getState().language === 'en' ? 'en' : 'zh-CN');
/** The form language that matches the app language. */
export const defaultFormLanguage = (): FormLanguage => (appLang() === 'en' ? 'en-US' : 'zh-CN');

export const questionText = (q: Pick<SurveyQuestion, 'textZh' | 'textEn'>, lang: string): string => (lang.startsWith('en') ? q.textEn : q.textZh);

export const fixed = (n: number | null, digits = 2): string => (n === null ? '—' : n.toFixed(digits));
export const percent = (n: number | null): string => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

export function tierLabel(t: TFunction, key: string): string {
  return key === 'none' ? t('surveys.results.noTier') : t(`customers.tier.${key}`);
}
