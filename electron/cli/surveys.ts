import { isIsoDate } from '../../shared/domain/dates';
import type { SurveyResults } from '../../shared/domain/surveys';
import { openDatabase } from '../db/connection';
import { surveyQueries } from '../db/surveys';
import { surveyResults } from '../services/surveys';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const surveyResultsUsage = 'patron survey-results --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]';

const num = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** CSAT (overall and per dimension), NPS and response rate over a period, with the month trend. */
export function surveyResultsCommand(argv: string[], out: Streams): number {
  const v = parse('survey-results', argv, { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('survey-results', v.db);
  for (const flag of ['from', 'to'] as const) {
    const d = v[flag];
    if (d !== undefined && !isIsoDate(d)) throw new CliError(`patron survey-results: --${flag} must be a date as YYYY-MM-DD, got "${d}"`, 2);
  }
  const { db } = openDatabase(file);
  try {
    const r: SurveyResults = surveyResults(surveyQueries(db), { from: v.from ?? null, to: v.to ?? null });
    if (v.json) {
      printJson(out, { file, ...r });
      return 0;
    }
    out.stdout.write(`${file}: ${r.from ?? 'start'} … ${r.to ?? 'today'}\n`);
    printTable(out, [
      ['CSAT', `${num(r.overall.mean)} (${pct(r.overall.goodShare)} ≥ 4) over ${r.overall.n} scores`],
      ['NPS', `${num(r.nps.score, 1)} (${r.nps.promoters} promoters, ${r.nps.passives} passives, ${r.nps.detractors} detractors)`],
      ['response rate', `${pct(r.responseRate)} (${r.responded} of ${r.sent})`],
      ...r.dimensions.map((d): [string, string] => [`  ${d.dimension}`, `${num(d.csat.mean)} (${pct(d.csat.goodShare)} ≥ 4, n=${d.csat.n}) ${d.nameEn}`]),
      ...r.byMonth.map((m): [string, string] => [`  ${m.key}`, `CSAT ${num(m.csat.mean)}  NPS ${num(m.nps.score, 1)}  responses ${m.responses}/${m.sent}`]),
    ]);
    return 0;
  } finally {
    db.close();
  }
}
