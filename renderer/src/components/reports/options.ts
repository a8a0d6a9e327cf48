import type { TFunction } from 'i18next';
import type { DashboardData } from '../../../../shared/kpi/dashboard';
import type { KpiId } from '../../../../shared/kpi/targets';
import type { EChartsCoreOption } from './echarts';
import { chartValue } from '../../../../shared/kpi/format';

const TIER_COLORS = { high: '#1f7a5c', regular: '#7aa6c2', potential: '#d08c3c' } as const;

/** A KPI's 12-month line with its target as a dashed line. */
export function trendOption(data: DashboardData, id: KpiId, t: TFunction): EChartsCoreOption {
  const kpi = data.kpis.find((k) => k.id === id);
  const target = kpi ? chartValue(id, kpi.target) : null;
  return {
    grid: { left: 56, right: 24, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.months },
    // The target line stays in view even when every value is far from it.
    yAxis: {
      type: 'value',
      scale: true,
      ...(target === null ? {} : { min: (v: { min: number }) => Math.floor(Math.min(v.min, target)), max: (v: { max: number }) => Math.ceil(Math.max(v.max, target)) }),
    },
    series: [
      {
        name: t(`reports.kpi.${id}`),
        type: 'line',
        data: (kpi?.trend ?? []).map((v) => chartValue(id, v)),
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: '#1f6f8b' },
        ...(target === null ? {} : { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#b23b3b' }, label: { formatter: t('reports.targetLine'), position: 'insideEndTop' }, data: [{ yAxis: target }] } }),
      },
    ],
  };
}

/** Tier counts of each month's last segmentation run, stacked. */
export function tierOption(data: DashboardData, t: TFunction): EChartsCoreOption {
  const tiers = ['high', 'regular', 'potential'] as const;
  return {
    grid: { left: 64, right: 16, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value' },
    series: tiers.map((tier) => ({
      name: t(`reports.tier.${tier}`),
      type: 'bar',
      stack: 'tiers',
      itemStyle: { color: TIER_COLORS[tier] },
      data: data.tierTrend.map((p) => (p ? p[tier] : null)),
    })),
  };
}
