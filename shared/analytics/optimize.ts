/**
 * Nelder–Mead simplex minimiser for the small (2–4 parameter) likelihoods of
 * the CLV models. Derivative-free, so each model only has to supply its
 * log-likelihood. Parameters are searched on a log scale by the callers, which
 * keeps them positive without constraints.
 */
export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when the simplex's values and points span less than this. */
  tolerance?: number;
  step?: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], opts: MinimizeOptions = {}): MinimizeResult {
  const n = start.length;
  const maxIterations = opts.maxIterations ?? 5000;
  const tolerance = opts.tolerance ?? 1e-10;
  const step = opts.step ?? 0.5;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: safe(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + step;
    simplex.push({ x, v: safe(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * ((b[i] ?? 0) - ai));
  for (let iter = 1; iter <= maxIterations; iter++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (!best || !worst) break;
    const spread = Math.abs(worst.v - best.v);
    const size = Math.max(...simplex.map((p) => Math.max(...p.x.map((xi, i) => Math.abs(xi - (best.x[i] ?? 0))))));
    if (Number.isFinite(best.v) && spread <= tolerance * (1 + Math.abs(best.v)) && size <= 1e-7) {
      return { x: best.x, value: best.v, iterations: iter, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] = (centroid[i] ?? 0) + (simplex[k]?.x[i] ?? 0) / n;
    const secondWorst = simplex[n - 1]?.v ?? Number.POSITIVE_INFINITY;
    const reflected = combine(centroid, worst.x, -1);
    const vr = safe(reflected);
    if (vr < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ve = safe(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < secondWorst) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < worst.v ? combine(centroid, worst.x, -0.5) : combine(centroid, worst.x, 0.5);
      const vc = safe(contracted);
      if (vc < Math.min(vr, worst.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        simplex = simplex.map((p, k) => (k === 0 ? p : { x: combine(best.x, p.x, 0.5), v: safe(combine(best.x, p.x, 0.5)) }));
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  const best = simplex[0] ?? { x: start, v: Number.POSITIVE_INFINITY };
  return { x: best.x, value: best.v, iterations: maxIterations, converged: false };
}
