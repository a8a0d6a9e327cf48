import { quadrantLabel } from '../../../../shared/i18n/segmentLabels';
import { useTranslation } from 'react-i18next';
import { quadrantStrategy, type Quadrant } from '../../../../shared/analytics/quadrant';
import type { SegmentOverview } from '../../../../shared/domain/segments';
import { CountButton } from './CountButton';
import { formatYuan } from './money';

const layout: Quadrant[][] = [
  ['low-high', 'high-high'],
  ['low-low', 'high-low'],
];

/** 2×2 value × potential, each cell with its customers, value and strategy. */
export function QuadrantMatrix({ overview, language }: { overview: SegmentOverview; language: string }) {
  const { t } = useTranslation();
  const run = overview.run;
  const label = (q: Quadrant) => quadrantLabel(t, q);
  return (
    <section className="card" aria-labelledby="seg-quadrant">
      <h2 id="seg-quadrant" className="section-title">
        {t('segments.quadrant.heading')}
      </h2>
      <div className="seg-quadrant">
        <div className="seg-quadrant__yaxis">{t('segments.quadrant.potentialAxis', { months: run?.settings.clv.horizonMonths ?? 12 })}</div>
        <div className="seg-quadrant__grid">
          {layout.flat().map((q) => {
            const cell = overview.quadrants.find((c) => c.quadrant === q);
            return (
              <div key={q} className={`seg-quadrant__cell seg-quadrant__cell--${q}`} data-testid={`quadrant-${q}`}>
                <div className="seg-quadrant__title">{label(q)}</div>
                <CountButton count={cell?.customers ?? 0} selector={{ by: 'quadrant', quadrant: q }} label={label(q)} testId={`quadrant-${q}-count`} />
                <div className="muted">{t('segments.quadrant.value', { value: formatYuan(cell?.valueCents ?? 0, language) })}</div>
                <div className="muted">{t('segments.quadrant.predicted', { value: formatYuan(cell?.predictedCents, language) })}</div>
                <div className="seg-quadrant__strategy">{t(`segments.quadrant.strategy.${quadrantStrategy[q]}`)}</div>
              </div>
            );
          })}
        </div>
        <div className="seg-quadrant__xaxis">{t('segments.quadrant.valueAxis')}</div>
      </div>
      {run && (
        <p className="muted">
          {t('segments.quadrant.thresholds', { value: formatYuan(Math.round(run.summary.thresholds.valueCents), language), potential: formatYuan(Math.round(run.summary.thresholds.potentialCents), language) })}
        </p>
      )}
    </section>
  );
}
