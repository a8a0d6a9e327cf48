import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive } from '../../../shared/analytics/clv/bgnbd';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, parseCdnow } from '../../../shared/analytics/clv/cdnow';
import { expectedSpend, fitGammaGamma } from '../../../shared/analytics/clv/gammaGamma';
import { predictClv } from '../../../shared/analytics/clv/predict';
import { countPurchaseDays, summarise } from '../../../shared/analytics/clv/summary';
import { hyp2f1, lnGamma } from '../../../shared/analytics/special';

// The reference data lives beside the repository (../shared), resolved from the repo root.
const cdnowFile = resolve(import.meta.dirname, '../../../../shared/data/cdnow/CDNOW_sample.txt');
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
  });
  it('2F1 matches closed forms', () => {
    // 2F1(1,1;2;z) = −ln(1−z)/z and 2F1(a,b;b;z) = (1−z)^−a
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    expect(hyp2f1(2.5, 3, 3, 0.3)).toBeCloseTo(Math.pow(0.7, -2.5), 12);
  });
});

describe('BG/NBD and Gamma-Gamma on CDNOW', () => {
  const transactions = parseCdnow(readFileSync(cdnowFile, 'utf8'), 'CDNOW_sample.txt');
  const { ids, summary } = summarise(transactions, CDNOW_CALIBRATION_END);

  it('summarises 2,357 customers of whom 946 repeat', () => {
    expect(ids).toHaveLength(2357);
    expect(summary.x.filter((x) => x > 0)).toHaveLength(946);
  });

  it('reproduces the published BG/NBD estimates to 3 significant figures', () => {
    const fit = fitBgNbd(summary);
    if (!fit.ok) throw new Error(fit.detail);
    expect([sig3(fit.params.r), sig3(fit.params.alpha), sig3(fit.params.a), sig3(fit.params.b)]).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(sig3(fit.logLikelihood)).toBe(-9580);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('reproduces the published Gamma-Gamma estimates to 3 significant figures', () => {
    const fit = fitGammaGamma(summary);
    if (!fit.ok) throw new Error(fit.detail);
    expect(fit.customers).toBe(946);
    expect([sig3(fit.params.p), sig3(fit.params.q), sig3(fit.params.gamma)]).toEqual([6.25, 3.74, 15.4]);
  });

  it('predicts the repeat purchases of the 39 hold-out weeks within 15 %, and orders customers by what they did', () => {
    const fit = fitBgNbd(summary);
    if (!fit.ok) throw new Error(fit.detail);
    const actual = countPurchaseDays(transactions, CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END);
    let predictedTotal = 0;
    let actualTotal = 0;
    // Grouped by calibration repeat count, as the paper's conditional-expectation chart does.
    const byX = new Map<number, { predicted: number; actual: number }>();
    ids.forEach((id, i) => {
      const x = Math.min(7, summary.x[i] ?? 0);
      const p = expectedPurchases(fit.params, summary.x[i] ?? 0, summary.tx[i] ?? 0, summary.T[i] ?? 0, 39);
      const a = actual.get(id) ?? 0;
      predictedTotal += p;
      actualTotal += a;
      const g = byX.get(x) ?? { predicted: 0, actual: 0 };
      g.predicted += p;
      g.actual += a;
      byX.set(x, g);
    });
    expect(actualTotal).toBe(1882);
    expect(Math.abs(predictedTotal - actualTotal) / actualTotal).toBeLessThan(0.15);
    // Customers who bought more in calibration are predicted and observed to buy more.
    const perCustomer = (x: number) => {
      const n = summary.x.filter((v) => Math.min(7, v) === x).length;
      const g = byX.get(x) ?? { predicted: 0, actual: 0 };
      return { predicted: g.predicted / n, actual: g.actual / n };
    };
    expect(perCustomer(0).predicted).toBeLessThan(perCustomer(3).predicted);
    expect(perCustomer(0).actual).toBeLessThan(perCustomer(3).actual);
    expect(Math.abs(perCustomer(1).predicted - perCustomer(1).actual)).toBeLessThan(0.35);
  });

  it('scores customers: P(alive), expected spend and discounted CLV behave as the formulas say', () => {
    const bg = fitBgNbd(summary);
    const gg = fitGammaGamma(summary);
    if (!bg.ok || !gg.ok) throw new Error('fit failed');
    // A customer without repeat purchases is certainly alive under BG/NBD.
    expect(probabilityAlive(bg.params, 0, 0, 30)).toBe(1);
    // Someone who bought often but long ago is less likely alive than someone who just bought.
    expect(probabilityAlive(bg.params, 5, 5, 38)).toBeLessThan(probabilityAlive(bg.params, 5, 37, 38));
    // Expected spend shrinks an individual mean towards the population mean p·γ/(q−1).
    const population = (gg.params.p * gg.params.gamma) / (gg.params.q - 1);
    expect(expectedSpend(gg.params, 0, 0)).toBeCloseTo(population, 10);
    const high = expectedSpend(gg.params, 3, 200);
    expect(high).toBeLessThan(200);
    expect(high).toBeGreaterThan(population);
    const pred = predictClv(bg.params, gg.params, summary, 12, 0.1);
    const undiscounted = predictClv(bg.params, gg.params, summary, 12, 0);
    for (const i of [0, 10, 100]) {
      expect(pred.clv[i]).toBeLessThan(undiscounted.clv[i] ?? 0);
      expect(undiscounted.clv[i]).toBeCloseTo((undiscounted.expectedPurchases[i] ?? 0) * (undiscounted.expectedSpend[i] ?? 0), 8);
    }
  });
});

describe('fits that cannot be trusted say so', () => {
  it('refuses too little data instead of printing numbers', () => {
    const s = { x: new Float64Array([0, 1, 2]), tx: new Float64Array([0, 2, 3]), T: new Float64Array([5, 5, 5]), meanSpend: new Float64Array([0, 10, 12]) };
    const bg = fitBgNbd(s);
    expect(bg).toMatchObject({ ok: false, reason: 'too_little_data' });
    expect(fitGammaGamma(s)).toMatchObject({ ok: false, reason: 'too_little_data' });
  });
  it('reports non-convergence when the likelihood has no finite optimum', () => {
    // Every customer repeats with identical mean spend: Gamma-Gamma's spread collapses (q runs away).
    const n = 50;
    const s = { x: new Float64Array(n).fill(3), tx: new Float64Array(n).fill(10), T: new Float64Array(n).fill(20), meanSpend: new Float64Array(n).fill(25) };
    expect(fitGammaGamma(s)).toMatchObject({ ok: false, reason: 'not_converged' });
  });
  it('the log-likelihood of impossible parameters is −∞', () => {
    const s = { x: new Float64Array([1]), tx: new Float64Array([1]), T: new Float64Array([2]), meanSpend: new Float64Array([1]) };
    expect(bgnbdLogLikelihood({ r: -1, alpha: 1, a: 1, b: 1 }, s)).toBe(Number.NEGATIVE_INFINITY);
  });
  it('names the file, line and field of a malformed CDNOW row', () => {
    expect(() => parseCdnow(' 00001 0001 1997013 1 9.99\n', 'x.txt')).toThrow('x.txt line 1: date must be YYYYMMDD, got "1997013"');
    expect(() => parseCdnow('1 1 19970101 1 9.99\n2 2 19970101 1 abc\n', 'x.txt')).toThrow('x.txt line 2: dollars must be a number');
  });
});
