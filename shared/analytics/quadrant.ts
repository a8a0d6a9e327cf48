import type { SegmentSettings } from './settings';

/** Value × potential: value is historical spend, potential the predicted spend of the next horizon. */
export const quadrants = ['high-high', 'high-low', 'low-high', 'low-low'] as const;
export type Quadrant = (typeof quadrants)[number];

/** The strategy DESIGN.md seeds for each quadrant (i18n keys are the same words). */
export const quadrantStrategy: Record<Quadrant, 'deepPartnership' | 'experienceRepurchase' | 'nurtureGrowth' | 'costControl'> = {
  'high-high': 'deepPartnership',
  'high-low': 'experienceRepurchase',
  'low-high': 'nurtureGrowth',
  'low-low': 'costControl',
};

/** Median of the positive values (customers who ever bought); 0 when there are none. */
export function medianOfPositive(values: readonly number[]): number {
  const positive = Float64Array.from(values.filter((v) => v > 0)).sort();
  const n = positive.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? (positive[mid] ?? 0) : ((positive[mid - 1] ?? 0) + (positive[mid] ?? 0)) / 2;
}

export interface QuadrantThresholds {
  valueCents: number;
  potentialCents: number;
}

export function quadrantThresholds(valueCents: readonly number[], potentialCents: readonly number[], settings: SegmentSettings['quadrant']): QuadrantThresholds {
  return {
    valueCents: settings.valueThresholdCents ?? medianOfPositive(valueCents),
    potentialCents: settings.potentialThresholdCents ?? medianOfPositive(potentialCents),
  };
}

/** High means at or above the threshold and above zero: a customer who never bought is never high value. */
export function quadrantOf(valueCents: number, potentialCents: number, t: QuadrantThresholds): Quadrant {
  const highValue = valueCents > 0 && valueCents >= t.valueCents;
  const highPotential = potentialCents > 0 && potentialCents >= t.potentialCents;
  return highValue ? (highPotential ? 'high-high' : 'high-low') : highPotential ? 'low-high' : 'low-low';
}
