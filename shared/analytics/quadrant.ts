import { selectInPlace, valuesAtRanks } from './orderStats';
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
export function medianOfPositive(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > 0) n++;
  const positive = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > 0) positive[n++] = v;
  }
  if (n === 0) return 0;
  const mid = n >> 1;
  // Selected, not sorted: only the middle one or two values are needed.
  if (n % 2 === 1) return selectInPlace(positive, mid);
  const [below, at] = valuesAtRanks(positive, [mid - 1, mid]) as [number, number];
  return (below + at) / 2;
}

export interface QuadrantThresholds {
  valueCents: number;
  potentialCents: number;
}

export function quadrantThresholds(valueCents: ArrayLike<number>, potentialCents: ArrayLike<number>, settings: SegmentSettings['quadrant']): QuadrantThresholds {
  return {
    valueCents: settings.valueThresholdCents ?? medianOfPositive(valueCents),
    potentialCents: settings.potentialThresholdCents ?? medianOfPositive(potentialCents),
  };
}

/** High means at or above the threshold and above zero: a customer who never bought is never high value. */
export function quadrantOf(valueCents: number, potentialCents: number, t: QuadrantThresholds): Quadrant {
  return quadrants[quadrantCode(valueCents, potentialCents, t)] as Quadrant;
}

/** The same rule as an index into `quadrants`. */
export function quadrantCode(valueCents: number, potentialCents: number, t: QuadrantThresholds): number {
  const highValue = valueCents > 0 && valueCents >= t.valueCents;
  const highPotential = potentialCents > 0 && potentialCents >= t.potentialCents;
  return highValue ? (highPotential ? 0 : 1) : highPotential ? 2 : 3;
}
