import { formatMoney } from '../domain/money';
import { translator } from '../i18n';
import type { Language } from '../i18n/language';
import type { Evidence } from './rules';

/**
 * The numbers behind an alert as one line in the given language: the Today page,
 * the profile, printed visit sheets and the CLI all show this same text
 * (catalogue keys `warnings.evidence.*`).
 */
export function formatEvidence(e: Evidence, language: Language = 'en'): string {
  const t = translator(language);
  const pct = (n: number) => new Intl.NumberFormat(language, { style: 'percent' }).format(n);
  switch (e.rule) {
    case 'inactive':
      return t('warnings.evidence.inactive', { order: e.lastOrderDate ?? t('warnings.evidence.none'), contact: e.lastInteractionDate ?? t('warnings.evidence.none'), count: e.days });
    case 'complaint':
      return t('warnings.evidence.complaint', { count: e.open, date: e.oldestOpenedAt.slice(0, 10) });
    case 'negative_feedback':
      if (e.survey) return t('warnings.evidence.negative_survey', { form: e.survey.formNo, score: e.survey.minScore ?? '—', nps: e.survey.nps ?? '—', date: e.on ?? '—' });
      return t('warnings.evidence.negative_feedback', { score: e.score, date: e.on ?? '—' });
    case 'order_drop':
      return t('warnings.evidence.order_drop', {
        m1: e.months[0],
        m2: e.months[1],
        m3: e.months[2],
        a1: formatMoney(e.amountsCents[0], language),
        a2: formatMoney(e.amountsCents[1], language),
        a3: formatMoney(e.amountsCents[2], language),
        p1: e.dropPercents[0],
        p2: e.dropPercents[1],
      });
    case 'predicted_churn':
      return t('warnings.evidence.predicted_churn', { p: pct(e.pAlive), threshold: pct(e.threshold) });
  }
}
