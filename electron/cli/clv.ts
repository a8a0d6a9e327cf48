import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitBgNbd } from '../../shared/analytics/clv/bgnbd';
import { CDNOW_CALIBRATION_END, parseCdnow } from '../../shared/analytics/clv/cdnow';
import { fitGammaGamma } from '../../shared/analytics/clv/gammaGamma';
import { predictClv } from '../../shared/analytics/clv/predict';
import { summarise } from '../../shared/analytics/clv/summary';
import { activityWindows, fitAndPredict } from '../../shared/analytics/segmentation';
import { defaultSegmentSettings } from '../../shared/analytics/settings';
import type { CustomerKind } from '../../shared/domain/enums';
import { isIsoDate, localToday } from '../../shared/domain/dates';
import { openDatabase } from '../db/connection';
import { segmentQueries } from '../db/segments';
import { parse } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const clvUsage = 'patron clv --db FILE | --orders-file FILE --format cdnow [--calibration-end YYYY-MM-DD] [--as-of YYYY-MM-DD] [--horizon-months N] [--json]';

interface PredictionRow {
  customer: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
}

/** Fits BG/NBD + Gamma-Gamma on a database's rollups (per customer kind) or on a CDNOW-format orders file. */
export function clvCommand(argv: string[], out: Streams): number {
  const v = parse('clv', argv, {
    db: { type: 'string' },
    'orders-file': { type: 'string' },
    format: { type: 'string' },
    'calibration-end': { type: 'string' },
    'as-of': { type: 'string' },
    'horizon-months': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const horizon = v['horizon-months'] === undefined ? defaultSegmentSettings.clv.horizonMonths : Number(v['horizon-months']);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 60) throw new CliError(`patron clv: --horizon-months must be a whole number from 1 to 60, got "${v['horizon-months'] ?? ''}"`, 2);
  const clvSettings = { ...defaultSegmentSettings.clv, horizonMonths: horizon };
  if (v['orders-file']) return fromFile(v['orders-file'], v.format, v['calibration-end'], clvSettings, v.json, out);
  if (!v.db) throw new CliError('patron clv: --db FILE or --orders-file FILE is required', 2);
  const asOf = v['as-of'] ?? localToday();
  if (!isIsoDate(asOf)) throw new CliError(`patron clv: --as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  const { db } = openDatabase(resolve(v.db));
  try {
    const inputs = segmentQueries(db).inputs(activityWindows(asOf, defaultSegmentSettings.lifecycle));
    const { status, predictions } = fitAndPredict(inputs, asOf, clvSettings);
    const rows: { customerId: number; kind: CustomerKind; predicted_cents: number; p_alive: number; expected_purchases: number }[] = [];
    for (let i = 0; i < inputs.n; i++) {
      const predicted = predictions.predictedCents[i] ?? Number.NaN;
      if (Number.isNaN(predicted)) continue;
      rows.push({ customerId: inputs.id[i] ?? 0, kind: inputs.company[i] === 1 ? 'company' : 'person', predicted_cents: predicted, p_alive: predictions.pAlive[i] ?? 0, expected_purchases: predictions.expectedPurchases[i] ?? 0 });
    }
    if (v.json) {
      printJson(out, { source: resolve(v.db), asOf, horizonMonths: horizon, fits: status, predictions: rows });
    } else {
      for (const [kind, fit] of Object.entries(status)) {
        out.stdout.write(`${kind}: `);
        if (!fit.ok) out.stdout.write(`no estimates (${fit.model}: ${fit.detail})\n`);
        else {
          out.stdout.write(`fitted on ${fit.customers} customers\n`);
          printTable(out, [
            ['BG/NBD r, α, a, b', [fit.bgnbd.r, fit.bgnbd.alpha, fit.bgnbd.a, fit.bgnbd.b].map((n) => n.toPrecision(4)).join(', ')],
            ['log-likelihood', fit.logLikelihood.toFixed(1)],
            ['Gamma-Gamma p, q, γ', [fit.gammaGamma.p, fit.gammaGamma.q, fit.gammaGamma.gamma].map((n) => n.toPrecision(4)).join(', ')],
          ]);
        }
      }
      out.stdout.write(`${rows.length} customers predicted; use --json for every prediction\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

function fromFile(path: string, format: string | undefined, calibrationEnd: string | undefined, clv: typeof defaultSegmentSettings.clv, json: boolean, out: Streams): number {
  if (format !== 'cdnow') throw new CliError(`patron clv: --format must be cdnow with --orders-file (got "${format ?? ''}")`, 2);
  if (calibrationEnd !== undefined && !isIsoDate(calibrationEnd)) throw new CliError(`patron clv: --calibration-end must be a date as YYYY-MM-DD, got "${calibrationEnd}"`, 2);
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`patron clv: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const transactions = parseCdnow(text, file);
  const end = calibrationEnd ? Date.parse(`${calibrationEnd}T00:00:00Z`) / 86_400_000 : CDNOW_CALIBRATION_END;
  const { ids, summary } = summarise(transactions, end);
  const bg = fitBgNbd(summary);
  const gg = fitGammaGamma(summary);
  let predictions: PredictionRow[] = [];
  if (bg.ok && gg.ok) {
    const p = predictClv(bg.params, gg.params, summary, clv.horizonMonths, clv.annualDiscountRate);
    predictions = ids.map((customer, i) => ({
      customer,
      x: summary.x[i] ?? 0,
      tx: summary.tx[i] ?? 0,
      T: summary.T[i] ?? 0,
      pAlive: p.probabilityAlive[i] ?? 0,
      expectedPurchases: p.expectedPurchases[i] ?? 0,
      expectedSpend: p.expectedSpend[i] ?? 0,
      clv: p.clv[i] ?? 0,
    }));
  }
  const calibration = new Date(end * 86_400_000).toISOString().slice(0, 10);
  if (json) {
    printJson(out, { source: file, format, calibrationEnd: calibration, customers: ids.length, horizonMonths: clv.horizonMonths, bgnbd: bg, gammaGamma: gg, predictions });
  } else {
    out.stdout.write(`${file}: ${ids.length} customers, calibration period ending ${calibration}\n`);
    printTable(out, [
      ['BG/NBD', bg.ok ? `r ${bg.params.r.toFixed(3)}, α ${bg.params.alpha.toFixed(3)}, a ${bg.params.a.toFixed(3)}, b ${bg.params.b.toFixed(3)}` : `no estimates: ${bg.detail}`],
      ['log-likelihood', bg.ok ? bg.logLikelihood.toFixed(1) : '—'],
      ['Gamma-Gamma', gg.ok ? `p ${gg.params.p.toFixed(2)}, q ${gg.params.q.toFixed(2)}, γ ${gg.params.gamma.toFixed(2)} (${gg.customers} repeat customers)` : `no estimates: ${gg.detail}`],
    ]);
    if (predictions.length > 0) {
      out.stdout.write(`\nTop customers by ${clv.horizonMonths}-month CLV (of ${predictions.length}; --json lists all):\n`);
      for (const r of [...predictions].sort((a, b) => b.clv - a.clv).slice(0, 10)) {
        out.stdout.write(`  ${r.customer.padEnd(8)} P(alive) ${r.pAlive.toFixed(3)}  purchases ${r.expectedPurchases.toFixed(2)}  spend ${r.expectedSpend.toFixed(2)}  CLV ${r.clv.toFixed(2)}\n`);
      }
    }
  }
  return bg.ok && gg.ok ? 0 : 1;
}
