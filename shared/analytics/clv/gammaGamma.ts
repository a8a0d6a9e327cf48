import { nelderMead } from '../optimize';
import { lnGamma } from '../special';
import { LOG_BOUND, MIN_REPEATERS, type FitOutcome } from './bgnbd';
import type { CustomerSummary } from './summary';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): each
 * transaction's value ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers. Fitted
 * on the repeat customers' mean transaction value.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Repeat customers only, with the parameter-free sums of the likelihood taken once per summary. */
interface Prepared {
  x: Float64Array;
  mx: Float64Array;
  /** Σ x·ln m and Σ ln m: the (p·x − 1)·ln m term is p·Σx·ln m − Σ ln m. */
  sumXLnM: number;
  sumLnM: number;
}
const preparedCache = new WeakMap<CustomerSummary, Prepared>();

function prepare(s: CustomerSummary): Prepared {
  let p = preparedCache.get(s);
  if (!p) {
    const xs: number[] = [];
    const mxs: number[] = [];
    let sumXLnM = 0;
    let sumLnM = 0;
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i] ?? 0;
      const m = s.meanSpend[i] ?? 0;
      if (x <= 0 || m <= 0) continue;
      xs.push(x);
      mxs.push(m * x);
      sumXLnM += x * Math.log(m);
      sumLnM += Math.log(m);
    }
    p = { x: Float64Array.from(xs), mx: Float64Array.from(mxs), sumXLnM, sumLnM };
    preparedCache.set(s, p);
  }
  return p;
}

function gammaGammaLogLikelihood(g: GammaGammaParams, s: CustomerSummary): number {
  const { p, q, gamma } = g;
  if (!(p > 0 && q > 0 && gamma > 0)) return Number.NEGATIVE_INFINITY;
  const d = prepare(s);
  const perX = new Map<number, number>();
  let total = d.x.length * (q * Math.log(gamma) - lnGamma(q)) + p * d.sumXLnM - d.sumLnM;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i] ?? 0;
    let k = perX.get(x);
    if (k === undefined) {
      k = lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x);
      perX.set(x, k);
    }
    total += k - (p * x + q) * Math.log(gamma + (d.mx[i] ?? 0));
  }
  return total;
}

export function fitGammaGamma(s: CustomerSummary, start: GammaGammaParams = { p: 1, q: 1, gamma: 1 }): FitOutcome<GammaGammaParams> {
  let customers = 0;
  for (let i = 0; i < s.x.length; i++) if ((s.x[i] ?? 0) > 0 && (s.meanSpend[i] ?? 0) > 0) customers++;
  if (customers < MIN_REPEATERS) {
    return { ok: false, reason: 'too_little_data', detail: `${customers} customers with repeat purchases and a positive spend (need ${MIN_REPEATERS})`, customers };
  }
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0] ?? 0), q: Math.exp(v[1] ?? 0), gamma: Math.exp(v[2] ?? 0) });
  // γ scales with the currency unit, so it gets a wider bound than p and q.
  const res = nelderMead(
    (v) => (Math.abs(v[0] ?? 0) > LOG_BOUND || Math.abs(v[1] ?? 0) > LOG_BOUND || Math.abs(v[2] ?? 0) > 2 * LOG_BOUND ? Number.POSITIVE_INFINITY : -gammaGammaLogLikelihood(toParams(v), s)),
    [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)],
  );
  const params = toParams(res.x);
  // q ≤ 1 has no finite expected spend: report it instead of printing an infinite value.
  if (!res.converged || !Number.isFinite(res.value) || params.q <= 1 || Object.values(params).some((v) => !Number.isFinite(v) || v > 1e8)) {
    return { ok: false, reason: 'not_converged', detail: `stopped after ${res.iterations} iterations (q = ${params.q.toPrecision(3)}; it must settle above 1)`, customers };
  }
  return { ok: true, params, logLikelihood: -res.value, iterations: res.iterations, customers };
}

/** Conditional expected value of a customer's future transactions. With no repeat purchases it is the population mean. */
export function expectedSpend(g: GammaGammaParams, x: number, meanSpend: number): number {
  if (x <= 0 || meanSpend <= 0) return (g.p * g.gamma) / (g.q - 1);
  return ((g.gamma + meanSpend * x) * g.p) / (g.p * x + g.q - 1);
}
