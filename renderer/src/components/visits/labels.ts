import type { TFunction } from 'i18next';
import type { VisitPlan, VisitTemplate } from '../../../../shared/domain/visits';
import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';

/** "高价值" or "—": the tier a plan was made for. */
export function tierText(t: TFunction, tier: VisitPlan['tier']): string {
  return tier ? t(`customers.tier.${tier}`) : '—';
}

/** The cell a template serves ("高价值 · 高潜力 / 高价值"), or "—" for one chosen by hand. */
export function cellText(t: TFunction, template: Pick<VisitTemplate, 'quadrant' | 'tier'>): string {
  const parts = [template.quadrant ? quadrantLabel(t, template.quadrant) : null, template.tier ? t(`customers.tier.${template.tier}`) : null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(' / ') : '—';
}

export function templateName(template: Pick<VisitTemplate, 'nameZh' | 'nameEn'>, language: string): string {
  return language === 'en' ? template.nameEn : template.nameZh;
}
