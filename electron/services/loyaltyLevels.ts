import { levelFor, monthsBefore, type LoyaltySettings } from '../../shared/domain/loyalty';
import type { LoyaltyQueries, MetricWindow } from '../db/loyalty';

/** The 12-month window levels look at, ending on `asOf`. */
export function metricWindow(asOf: string): MetricWindow {
  return { asOf, fromDate: monthsBefore(asOf, 12), fromMonth: monthsBefore(asOf, 11).slice(0, 7), toMonth: asOf.slice(0, 7) };
}

/**
 * Recomputes the level of every customer (or of one) that has no manual level,
 * and records each change with its date, the figure behind it and the reason.
 * Call inside the transaction that changed the figures. Returns the changes made.
 */
export function recomputeLevels(q: LoyaltyQueries, settings: LoyaltySettings, p: { asOf: string; actor: string; at: string; customerId?: number }): number {
  let changes = 0;
  for (const r of q.levelRows(settings.levelBasis, metricWindow(p.asOf), p.customerId ?? null)) {
    const level = levelFor(r.metric, settings.levels, settings.levelBasis);
    if (level === r.level) continue;
    q.setLevel(r.customer_id, level, false, p.at);
    q.addHistory({ customerId: r.customer_id, onDate: p.asOf, from: r.level, to: level, reason: 'recompute', metric: r.metric, actor: p.actor, at: p.at });
    changes++;
  }
  return changes;
}
