import { expectedPurchases, probabilityAlive, type BgNbdParams } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gammaGamma';
import type { CustomerSummary } from './summary';

export interface ClvPrediction {
  probabilityAlive: Float64Array;
  /** Expected purchases within the horizon. */
  expectedPurchases: Float64Array;
  /** Expected value of one future transaction. */
  expectedSpend: Float64Array;
  /** Discounted expected spend over the horizon. */
  clv: Float64Array;
}

const WEEKS_PER_MONTH = 52 / 12;

/**
 * Per-customer predictions. CLV sums, month by month, the expected purchases
 * falling in that month times the expected spend, discounted at the monthly
 * equivalent of the annual rate (time in weeks, as the models were fitted).
 */
export function predictClv(bg: BgNbdParams, gg: GammaGammaParams, s: CustomerSummary, horizonMonths: number, annualDiscountRate: number): ClvPrediction {
  const n = s.x.length;
  const out: ClvPrediction = { probabilityAlive: new Float64Array(n), expectedPurchases: new Float64Array(n), expectedSpend: new Float64Array(n), clv: new Float64Array(n) };
  const monthlyDiscount = Math.pow(1 + annualDiscountRate, 1 / 12);
  for (let i = 0; i < n; i++) {
    const x = s.x[i] ?? 0;
    const tx = s.tx[i] ?? 0;
    const T = s.T[i] ?? 0;
    const spend = expectedSpend(gg, x, s.meanSpend[i] ?? 0);
    let previous = 0;
    let clv = 0;
    for (let month = 1; month <= horizonMonths; month++) {
      const cumulative = expectedPurchases(bg, x, tx, T, month * WEEKS_PER_MONTH);
      clv += ((cumulative - previous) * spend) / Math.pow(monthlyDiscount, month);
      previous = cumulative;
    }
    out.probabilityAlive[i] = probabilityAlive(bg, x, tx, T);
    out.expectedPurchases[i] = previous;
    out.expectedSpend[i] = spend;
    out.clv[i] = clv;
  }
  return out;
}
