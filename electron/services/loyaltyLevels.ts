import { monthsBefore, type LoyaltySettings } from '../../shared/domain/loyalty';
import type { LoyaltyQueries, MetricWindow } from '../db/loyalty';

/** The 12-month window levels look at, ending on `asOf`. */
function metricWindow(asOf: string): MetricWindow {
  return { asOf, fromDate: monthsBefore(asOf, 12), fromMonth: monthsBefore(asOf, 11).slice(0, 7), toMonth: asOf.slice(0, 7) };
}

/**
 * Recomputes the level of every customer (or of one) that has no manual level,
 * and records each change with its date, the figure behind it and the reason.
 * Call inside the transaction that changed the figures. Returns the changes made.
 */
export function recomputeLevels(q: LoyaltyQueries, settings: LoyaltySettings, p: { asOf: string; actor: string; at: string; customerId?: number }): number {
  // Spend thresholds are whole yuan; the spend figure is cents.
  const unit = settings.levelBasis === 'spend12m' ? 100 : 1;
  const thresholds = settings.levels.map((l) => l.threshold * unit);
  return q.applyLevels({ basis: settings.levelBasis, window: metricWindow(p.asOf), thresholds, cid: p.customerId ?? null, actor: p.actor, at: p.at });
}
