/**
 * CSAT and NPS as the process documents define them, as pure functions so the
 * Surveys page, the CLI and the reports area compute the very same numbers.
 */

/** A 5-point score at or above this counts as satisfied ("good"). */
export const GOOD_SCORE = 4;
/** A response or a month's dimension whose mean falls below this starts an improvement plan. */
export const PLAN_BELOW = 3.5;
/** NPS answers at or above this are promoters; at or below DETRACTOR_MAX detractors. */
const PROMOTER_MIN = 9;
const DETRACTOR_MAX = 6;

export interface Csat {
  /** How many scores were given. */
  n: number;
  /** Mean of the 1–5 scores; null without any. */
  mean: number | null;
  /** Share (0–1) of scores ≥ 4; null without any. */
  goodShare: number | null;
}

/** CSAT of 1–5 scores: the mean and the share of scores ≥ 4. Scores outside 1–5 are a caller bug. */
export function csat(scores: readonly number[]): Csat {
  let sum = 0;
  let good = 0;
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 1 || s > 5) throw new RangeError(`a 5-point score must be 1–5, got ${String(s)}`);
    sum += s;
    if (s >= GOOD_SCORE) good++;
  }
  const n = scores.length;
  return { n, mean: n === 0 ? null : sum / n, goodShare: n === 0 ? null : good / n };
}

/** CSAT from pre-aggregated sums (SQL gives count, sum and count ≥ 4). */
export function csatFromSums(n: number, sum: number, good: number): Csat {
  return { n, mean: n === 0 ? null : sum / n, goodShare: n === 0 ? null : good / n };
}

export interface Nps {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** (promoters − detractors) / n × 100, from −100 to 100; null without answers. */
  score: number | null;
}

/** Net Promoter Score of 0–10 answers: % promoters (9–10) minus % detractors (0–6). */
export function nps(values: readonly number[]): Nps {
  let promoters = 0;
  let detractors = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > 10) throw new RangeError(`an NPS answer must be 0–10, got ${String(v)}`);
    if (v >= PROMOTER_MIN) promoters++;
    else if (v <= DETRACTOR_MAX) detractors++;
  }
  return npsFromCounts(values.length, promoters, detractors);
}

export function npsFromCounts(n: number, promoters: number, detractors: number): Nps {
  return { n, promoters, passives: n - promoters - detractors, detractors, score: n === 0 ? null : ((promoters - detractors) / n) * 100 };
}

/** CSAT from a histogram of 5-point scores (`counts[k]` answers with score k, k = 1…5; index 0 unused). */
export function csatFromHistogram(counts: readonly number[]): Csat {
  let n = 0;
  let sum = 0;
  let good = 0;
  for (let score = 1; score <= 5; score++) {
    const c = counts[score] ?? 0;
    n += c;
    sum += c * score;
    if (score >= GOOD_SCORE) good += c;
  }
  return csatFromSums(n, sum, good);
}

/** NPS from a histogram of 0–10 answers (`counts[k]` answers of k). */
export function npsFromHistogram(counts: readonly number[]): Nps {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (let k = 0; k <= 10; k++) {
    const c = counts[k] ?? 0;
    n += c;
    if (k >= PROMOTER_MIN) promoters += c;
    else if (k <= DETRACTOR_MAX) detractors += c;
  }
  return npsFromCounts(n, promoters, detractors);
}

/** Responded forms / sent forms (0–1); null when nothing was sent. */
export function responseRate(responded: number, sent: number): number | null {
  return sent === 0 ? null : responded / sent;
}

/** Mean and minimum of the answered 5-point scores of one response (what survey_responses keeps). */
export function scoreSummary(scores: readonly number[]): { mean: number | null; min: number | null } {
  if (scores.length === 0) return { mean: null, min: null };
  return { mean: csat(scores).mean, min: Math.min(...scores) };
}
