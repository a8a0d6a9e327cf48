import { nelderMead } from '../optimize';
import { hyp2f1, lnGamma } from '../special';
import type { CustomerSummary } from './summary';

/**
 * BG/NBD (Fader, Hardie & Lee 2005): while alive a customer buys at Poisson
 * rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Fitted by maximum likelihood on (x, tx, T).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type FitOutcome<P> =
  | { ok: true; params: P; logLikelihood: number; iterations: number; customers: number }
  | { ok: false; reason: 'too_little_data' | 'not_converged'; detail: string; customers: number };

/** Fewer customers or repeaters than this give estimates too unstable to print. */
export const MIN_CUSTOMERS = 30;
export const MIN_REPEATERS = 10;
/** Parameters are searched on a log scale within ±this. */
export const LOG_BOUND = 12;

/**
 * Total log-likelihood. Terms that depend only on x are computed once per
 * distinct x (there are few), so one evaluation over 100,000 customers costs
 * two logarithms and an exponential each.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, s: CustomerSummary): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  const perX = new Map<number, { base: number; dropTerm: number }>();
  const common = r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b) - lnGamma(r);
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i] ?? 0;
    let k = perX.get(x);
    if (!k) {
      k = { base: common + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x), dropTerm: x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY };
      perX.set(x, k);
    }
    const stays = -(r + x) * Math.log(alpha + (s.T[i] ?? 0));
    const dropped = k.dropTerm - (r + x) * Math.log(alpha + (s.tx[i] ?? 0));
    const hi = Math.max(stays, dropped);
    total += k.base + hi + Math.log(Math.exp(stays - hi) + Math.exp(dropped - hi));
  }
  return total;
}

export function fitBgNbd(s: CustomerSummary, start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }): FitOutcome<BgNbdParams> {
  const customers = s.x.length;
  const repeaters = s.x.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  if (customers < MIN_CUSTOMERS || repeaters < MIN_REPEATERS) {
    return { ok: false, reason: 'too_little_data', detail: `${customers} customers, ${repeaters} with repeat purchases (need ${MIN_CUSTOMERS} and ${MIN_REPEATERS})`, customers };
  }
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0] ?? 0), alpha: Math.exp(v[1] ?? 0), a: Math.exp(v[2] ?? 0), b: Math.exp(v[3] ?? 0) });
  // Searched within e^±LOG_BOUND: when the data show no heterogeneity in dropout,
  // a and b run off to infinity together (a fixed a/(a+b)); the bound lets the
  // search settle there, which predicts the same as the limit.
  const res = nelderMead((v) => (v.some((x) => Math.abs(x) > LOG_BOUND) ? Number.POSITIVE_INFINITY : -bgnbdLogLikelihood(toParams(v), s)), [
    Math.log(start.r),
    Math.log(start.alpha),
    Math.log(start.a),
    Math.log(start.b),
  ]);
  const params = toParams(res.x);
  if (!res.converged || !Number.isFinite(res.value) || Object.values(params).some((v) => !Number.isFinite(v) || v <= 0)) {
    return { ok: false, reason: 'not_converged', detail: `stopped after ${res.iterations} iterations without settling on finite parameters`, customers };
  }
  return { ok: true, params, logLikelihood: -res.value, iterations: res.iterations, customers };
}

/** Probability that a customer with this history is still alive at T. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (p.a / (p.b + x - 1)) * Math.pow((p.alpha + T) / (p.alpha + tx), p.r + x));
}

/** Expected purchases in the next `t` time units given (x, tx, T): equation (10) of the paper. */
export function expectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * f);
  const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
  return numerator / denominator;
}
