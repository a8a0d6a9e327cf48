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
const MIN_CUSTOMERS = 30;
export const MIN_REPEATERS = 10;
/** Parameters are searched on a log scale within ±this. */
export const LOG_BOUND = 12;

/**
 * The distinct values of x, tx and T and each customer's index into them.
 * Customers share few distinct values (whole days in weeks), so each
 * likelihood evaluation takes its logarithms per distinct value, not per
 * customer. Built once per summary and reused by every evaluation of a fit.
 */
interface Compressed {
  xs: Float64Array;
  txs: Float64Array;
  Ts: Float64Array;
  xi: Uint32Array;
  txi: Uint32Array;
  Ti: Uint32Array;
}
const compressedCache = new WeakMap<CustomerSummary, Compressed>();

function distinct(values: Float64Array): { vals: Float64Array; idx: Uint32Array } {
  const map = new Map<number, number>();
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    let k = map.get(v);
    if (k === undefined) {
      k = map.size;
      map.set(v, k);
    }
    idx[i] = k;
  }
  return { vals: Float64Array.from(map.keys()), idx };
}

function compress(s: CustomerSummary): Compressed {
  let c = compressedCache.get(s);
  if (!c) {
    const x = distinct(s.x);
    const tx = distinct(s.tx);
    const T = distinct(s.T);
    c = { xs: x.vals, xi: x.idx, txs: tx.vals, txi: tx.idx, Ts: T.vals, Ti: T.idx };
    compressedCache.set(s, c);
  }
  return c;
}

/** Total log-likelihood of the BG/NBD model over all customers. */
export function bgnbdLogLikelihood(p: BgNbdParams, s: CustomerSummary): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  const c = compress(s);
  const common = r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b) - lnGamma(r);
  const base = c.xs.map((x) => common + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x));
  const dropTerm = c.xs.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY));
  const logT = c.Ts.map((T) => Math.log(alpha + T));
  const logTx = c.txs.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let i = 0; i < c.xi.length; i++) {
    const k = c.xi[i] ?? 0;
    const rx = r + (c.xs[k] ?? 0);
    const stays = -rx * (logT[c.Ti[i] ?? 0] ?? 0);
    const dropped = (dropTerm[k] ?? 0) - rx * (logTx[c.txi[i] ?? 0] ?? 0);
    const hi = Math.max(stays, dropped);
    total += (base[k] ?? 0) + hi + Math.log(Math.exp(stays - hi) + Math.exp(dropped - hi));
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
