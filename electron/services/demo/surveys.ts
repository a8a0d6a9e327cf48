import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import { scoreSummary } from '../../../shared/surveys/metrics';
import { demoSurveyWrites } from '../../db/demo';
import type { Random } from './random';

/** Forms per month: 2 % of the customers, at least 10 and at most 200 (so 100k customers stay quick). */
const formsPerMonth = (customers: number) => Math.min(200, Math.max(10, Math.round(customers * 0.02)));
/** Share of printed forms that come back. */
const RETURN_RATE = 0.68;
/** Chance of scores 1…5 for a response's general mood: most 4–5, some low. */
const MOOD = [0.02, 0.05, 0.13, 0.4, 0.4];
const COMMENTS = ['送货及时，服务周到', '希望响应再快一些', '客户经理很专业', '价格可以再优惠', 'Quick delivery, thank you', '发票寄送太慢'];

const clamp = (n: number) => Math.min(5, Math.max(1, n));

/** The first day of the month `back` months before the month of `asOf`. */
function monthStart(asOf: string, back: number): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1 - back;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Survey forms of the last twelve complete months (the current month is left empty, so
 * what a person enters today stands on its own), about two thirds returned with mostly
 * good scores, NPS spread, and an improvement plan with two actions for each response
 * whose mean fell below 3.5 — the older the plan, the more of it is done.
 */
export function writeDemoSurveys(db: Database, rng: Random, asOf: string, customers: number, staffIds: readonly number[]): void {
  if (customers === 0) return;
  const { questions, form, response, answer, plan, link, action, nameOf } = demoSurveyWrites(db);
  const dims = questions.filter((q) => q.kind === 'score5');
  const text = questions.find((q) => q.kind === 'text');

  let id = 0;
  const perMonth = formsPerMonth(customers);
  for (let back = 12; back >= 1; back--) {
    const start = monthStart(asOf, back);
    const batch = `demo-survey-${start.slice(0, 7)}`;
    const chosen = new Set<number>();
    while (chosen.size < Math.min(perMonth, customers)) chosen.add(rng.int(1, customers));
    for (const customerId of chosen) {
      id++;
      const issued = addDays(start, rng.int(0, 14));
      const phone = rng.chance(0.15);
      const zh = rng.chance(0.9);
      const formNo = `SV-${issued.slice(0, 4)}-${String(id).padStart(6, '0')}`;
      const at = `${issued}T02:00:00.000Z`;
      form.run(id, formNo, dims[0]?.id ?? 0, customerId, phone ? 'phone' : 'paper', zh ? 'zh-CN' : 'en-US', issued, at, phone ? null : batch, at);
      if (!phone && !rng.chance(RETURN_RATE)) continue;
      const answered = phone ? issued : addDays(issued, rng.int(2, 10));
      const mood = rng.weighted(MOOD) + 1;
      // Response speed runs a little behind the other dimensions, as in most service businesses.
      const scores = dims.flatMap((q) => {
        if (rng.chance(0.04)) return [];
        const drift = rng.chance(0.3) ? rng.pick([-1, 1]) : 0;
        return [{ q: q.id, s: clamp(mood + drift - (q.dimension === 'response' && rng.chance(0.25) ? 1 : 0)) }];
      });
      const nps = rng.chance(0.05) ? null : Math.min(10, Math.max(0, Math.round(mood * 2 + rng.int(-2, 1))));
      const summary = scoreSummary(scores.map((x) => x.s));
      const stamp = `${answered}T08:00:00.000Z`;
      const rid = Number(response.run(id, customerId, answered, nps, summary.mean, summary.min, stamp, stamp).lastInsertRowid);
      for (const x of scores) answer.run(rid, x.q, x.s, null);
      if (text && rng.chance(0.2)) answer.run(rid, text.id, null, rng.pick(COMMENTS));
      if (summary.mean === null || summary.mean >= 3.5) continue;

      const owner = staffIds.length > 0 ? rng.pick(staffIds) : null;
      const first = addDays(answered, 7);
      const second = addDays(answered, 30);
      const firstDone = first < addDays(asOf, -20);
      const secondDone = second < addDays(asOf, -45);
      const status = firstDone && secondDone ? 'done' : 'in-progress';
      const pid = Number(
        plan.run(`${nameOf.get(customerId) ?? customerId}：满意度改进`, `调研表 ${formNo} 平均分 ${summary.mean.toFixed(2)} < 3.5`, customerId, owner, status, stamp, stamp, status === 'done' ? `${second}T09:00:00.000Z` : null)
          .lastInsertRowid,
      );
      link.run(pid, rid);
      action.run(pid, '电话回访，了解低分原因 Call back and find out why', owner, first, '客户经理 Account manager', '原因已记录 Cause recorded', firstDone ? 'done' : 'todo', firstDone ? first : null, stamp, stamp);
      action.run(pid, '落实改进并复评 Fix and re-survey', owner, second, '服务团队 Service team', '复评 ≥ 4 分 Re-survey ≥ 4', secondDone ? 'done' : firstDone ? 'doing' : 'todo', secondDone ? second : null, stamp, stamp);
    }
  }
}
