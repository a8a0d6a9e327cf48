import { formatMoney } from '../domain/money';
import { kpiMeta, type KpiId } from './targets';

/** A KPI value as text in the UI language: rates as %, money in yuan, scores with one or two decimals. */
export function formatKpi(id: KpiId, value: number | null, language: string): string {
  if (value === null) return '—';
  switch (kpiMeta[id].unit) {
    case 'percent':
      return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'money':
      return formatMoney(value, language);
    case 'count':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
    case 'score':
      return value.toFixed(2);
    case 'nps':
      return value.toFixed(1);
    case 'ratio':
      return value.toFixed(2);
  }
}

/** The value a chart plots: percentages as % points so the axis reads like the cards. */
export function chartValue(id: KpiId, value: number | null): number | null {
  if (value === null) return null;
  const unit = kpiMeta[id].unit;
  if (unit === 'percent') return Math.round(value * 1000) / 10;
  if (unit === 'money') return Math.round(value) / 100;
  return Math.round(value * 100) / 100;
}
