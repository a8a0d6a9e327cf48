import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { PatronError } from '../../../shared/ipc/errors';
import { servicesOnTempDb } from '../helpers/services';

function env() {
  const e = servicesOnTempDb();
  e.db.prepare("INSERT INTO staff (id, name, role) VALUES (1, '王芳', 'sales')").run();
  const customer = e.db.prepare("INSERT INTO customers (id, code, kind, name, owner_id, tier_override) VALUES (?, ?, 'company', ?, 1, ?)");
  customer.run(1, 'C001', '恒信贸易', 'high');
  customer.run(2, 'C002', '华安科技', 'regular');
  customer.run(3, 'C003', 'Blue Harbor Ltd', null);
  return e;
}

/** The standard template's question ids by kind/dimension. */
function standard(e: ReturnType<typeof env>) {
  const t = e.services.surveys.templates().find((x) => x.key === 'standard');
  if (!t) throw new Error('no standard template');
  const dim = (d: string) => t.questions.find((q) => q.dimension === d)?.id ?? 0;
  return { t, quality: dim('quality'), response: dim('response'), manager: dim('manager'), overall: dim('overall'), text: t.questions.find((q) => q.kind === 'text')?.id ?? 0 };
}

const scores = (ids: number[], values: (number | null)[]) => values.flatMap((v, i) => (v === null ? [] : [{ questionId: ids[i] ?? 0, score: v }]));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('survey forms, entry and results', () => {
  it('issues numbered paper forms recorded as sent; entry keeps one response per form, a second entry is refused, a correction replaces it', () => {
    const e = env();
    const s = standard(e);
    expect(s.t.questions.map((q) => q.kind)).toEqual(['score5', 'score5', 'score5', 'score5', 'nps', 'text']);
    const batch = e.services.surveys.issue({ target: { by: 'ids', ids: [1, 2, 3, 99] }, templateKey: 'standard', language: 'zh-CN' });
    expect(batch.count).toBe(3);
    const forms = e.services.surveys.forms({ batchId: batch.batchId }, 'zh-CN');
    expect(forms.map((f) => f.formNo).sort()).toEqual(['SV-2026-000001', 'SV-2026-000002', 'SV-2026-000003']);
    expect(forms.every((f) => f.sentAt !== null && f.channel === 'paper' && f.issuedOn === '2026-11-23')).toBe(true);

    const ids = [s.quality, s.response, s.manager, s.overall];
    const first = e.services.surveys.enter({ formNo: 'sv-2026-000001', scores: scores(ids, [5, 4, null, 4]), nps: 9, texts: [{ questionId: s.text, text: '送货快' }] });
    expect(first.corrected).toBe(false);
    expect(first.response.meanScore).toBeCloseTo(13 / 3, 10);
    expect(first.response.minScore).toBe(4);
    expect(first.response.answers).toHaveLength(4);
    expect(first.plansStarted).toEqual([]);

    // A second entry: refused with the first shown by lookup, nothing written.
    const before = e.db.prepare('SELECT count(*) FROM survey_responses').pluck().get();
    let err: unknown;
    try {
      e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: scores(ids, [1, 1, 1, 1]), nps: 0 });
    } catch (x) {
      err = x;
    }
    expect(err).toBeInstanceOf(PatronError);
    expect((err as PatronError).code).toBe('conflict');
    expect((err as PatronError).message).toMatch(/already entered/);
    expect(e.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(before);
    const look = e.services.surveys.lookup('SV-2026-000001', 'zh-CN');
    expect(look.response?.nps).toBe(9);
    expect(look.form.customerName).toBe('恒信贸易');

    const fixed = e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: scores(ids, [5, 5, 5, 5]), nps: 10, correct: true });
    expect(fixed.corrected).toBe(true);
    expect(fixed.response.id).toBe(first.response.id);
    expect(fixed.response.answers).toHaveLength(4);
    expect(e.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(1);
  });

  it('rejects answers that do not belong to the form and unknown form numbers, naming the field', () => {
    const e = env();
    const s = standard(e);
    e.services.surveys.issue({ target: { by: 'ids', ids: [1] }, templateKey: 'standard', language: 'en-US' });
    expect(() => e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: [{ questionId: s.text, score: 3 }], nps: null })).toThrow(/not a 5-point question/);
    expect(() => e.services.surveys.enter({ formNo: 'SV-2026-009999', scores: [], nps: 3 })).toThrow(/SV-2026-009999 does not exist/);
    expect(e.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
  });

  it('CSAT per dimension and overall, NPS, response rate, by month and tier equal hand-computed values; a low response starts an improvement plan', () => {
    const e = env();
    const s = standard(e);
    const ids = [s.quality, s.response, s.manager, s.overall];
    e.services.surveys.issue({ target: { by: 'ids', ids: [1, 2, 3] }, templateKey: 'standard', language: 'zh-CN', issuedOn: '2026-10-05' });
    e.services.surveys.issue({ target: { by: 'ids', ids: [1] }, templateKey: 'standard', language: 'zh-CN', issuedOn: '2026-11-02' });
    // form 1 (C1, Oct): 5 4 4 5, NPS 10 — form 2 (C2, Oct): 3 2 3 3, NPS 6 → mean 2.75 < 3.5 — form 4 (C1, Nov): 4 4 5 4, NPS 8. Form 3 not returned.
    e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: scores(ids, [5, 4, 4, 5]), nps: 10, respondedOn: '2026-10-10' });
    // C2's complaints: one within the 90 days before its low response (linked to its plan), one older, one of another customer.
    const complaint = e.db.prepare('INSERT INTO complaints (customer_id, opened_at) VALUES (?, ?)');
    const recent = Number(complaint.run(2, '2026-08-20T09:00:00.000Z').lastInsertRowid);
    complaint.run(2, '2026-06-01T09:00:00.000Z');
    complaint.run(1, '2026-09-01T09:00:00.000Z');
    const low = e.services.surveys.enter({ formNo: 'SV-2026-000002', scores: scores(ids, [3, 2, 3, 3]), nps: 6, respondedOn: '2026-10-12' });
    e.services.surveys.enter({ formNo: 'SV-2026-000004', scores: scores(ids, [4, 4, 5, 4]), nps: 8, respondedOn: '2026-11-03' });

    const r = e.services.surveys.results({});
    // 12 scores: 5+4+4+5 + 3+2+3+3 + 4+4+5+4 = 46 → 46 / 12; ≥ 4: 4 + 0 + 4 = 8 of 12
    expect(r.overall.n).toBe(12);
    expect(r.overall.mean).toBeCloseTo(46 / 12, 10);
    expect(r.overall.goodShare).toBeCloseTo(8 / 12, 10);
    // NPS: 10 promoter, 6 detractor, 8 passive → (1 − 1) / 3 = 0
    expect(r.nps).toMatchObject({ n: 3, promoters: 1, detractors: 1, passives: 1, score: 0 });
    expect(r.sent).toBe(4);
    expect(r.responded).toBe(3);
    expect(r.responseRate).toBe(0.75);
    // response speed: 4, 2, 4 → 10 / 3; ≥ 4: 2 of 3
    const speed = r.dimensions.find((d) => d.dimension === 'response');
    expect(speed?.csat.mean).toBeCloseTo(10 / 3, 10);
    expect(speed?.csat.goodShare).toBeCloseTo(2 / 3, 10);
    expect(speed?.nameZh).toBe('响应速度与及时性');
    expect(r.byMonth.map((m) => [m.key, m.responses, m.sent, m.responseRate])).toEqual([
      ['2026-10', 2, 3, 2 / 3],
      ['2026-11', 1, 1, 1],
    ]);
    expect(r.byMonth[0]?.csat.mean).toBeCloseTo(29 / 8, 10);
    expect(r.byTier.map((t) => [t.key, t.responses])).toEqual([['high', 2], ['regular', 1]]);
    expect(r.byCustomer[0]?.customerName).toBe('华安科技');

    // Only October: 8 scores, 18 + 11 = 29.
    expect(e.services.surveys.results({ from: '2026-10-01', to: '2026-10-31' }).overall.mean).toBeCloseTo(29 / 8, 10);

    // The low response started a customer plan, and October's response-speed mean (4 + 2) / 2 = 3 < 3.5 a dimension plan.
    expect(low.plansStarted).toHaveLength(2);
    const plans = e.services.surveys.plans(true, null);
    const customerPlan = plans.find((p) => p.customerId === 2);
    expect(customerPlan?.reason).toBe('调研表 SV-2026-000002 平均分 2.75 < 3.5');
    expect(customerPlan?.links).toEqual([
      { source: 'complaint', sourceId: recent, label: `#${String(recent)}` },
      { source: 'survey', sourceId: low.response.id, label: 'SV-2026-000002' },
    ]);
    const monthPlan = plans.find((p) => p.dimension === 'response');
    expect(monthPlan?.reason).toBe('响应速度与及时性 CSAT 3.00 < 3.5 (2026-10)');
    expect(plans).toHaveLength(2);

    // Actions: progress = done / all (cancelled ones do not count); all done closes the plan.
    const id = customerPlan?.id ?? 0;
    e.services.surveys.addAction({ planId: id, measure: '客户经理回访', ownerId: 1, dueDate: '2026-12-01', resources: '客户经理', acceptance: '复评 ≥ 4 分' });
    let p = e.services.surveys.addAction({ planId: id, measure: '缩短响应时间', acceptance: '48 小时内响应' });
    expect(p.status).toBe('in-progress');
    expect(p.progress).toBe(0);
    p = e.services.surveys.setActionStatus(p.actions[0]?.id ?? 0, 'done');
    expect(p.progress).toBe(0.5);
    expect(p.actions[0]?.doneOn).toBe('2026-11-23');
    p = e.services.surveys.setActionStatus(p.actions[1]?.id ?? 0, 'cancelled');
    expect(p.progress).toBe(1);
    expect(p.status).toBe('done');
    expect(p.actions[0]).toMatchObject({ ownerName: '王芳', dueDate: '2026-12-01', resources: '客户经理', acceptance: '复评 ≥ 4 分' });
  });

  it('a phone survey makes its form on the spot; template edits make a new version and old forms keep their questions', () => {
    const e = env();
    const form = e.services.surveys.phoneForm({ customerCode: 'C003', templateKey: 'standard', language: 'en-US' }, 'en');
    expect(form).toMatchObject({ channel: 'phone', customerName: 'Blue Harbor Ltd', templateVersion: 1 });
    expect(() => e.services.surveys.phoneForm({ customerCode: 'NOPE', templateKey: 'standard', language: 'en-US' })).toThrow(/NOPE does not exist/);
    const s = standard(e);
    const v2 = e.services.surveys.saveTemplate({
      key: 'standard',
      nameZh: s.t.nameZh,
      nameEn: s.t.nameEn,
      questions: [{ kind: 'score5', dimension: 'quality', textZh: '质量', textEn: 'Quality' }, { kind: 'nps', dimension: null, textZh: '推荐', textEn: 'Recommend' }],
    });
    expect(v2.version).toBe(2);
    expect(e.services.surveys.templateVersions('standard').map((t) => [t.version, t.active])).toEqual([[1, false], [2, true]]);
    expect(e.services.surveys.lookup(form.formNo, 'en').questions).toHaveLength(6);
    expect(() => e.services.surveys.saveTemplate({ key: 'standard', nameZh: 'x', nameEn: 'x', questions: [{ kind: 'score5', dimension: null, textZh: 'a', textEn: 'a' }] })).toThrow(/dimension/);
  });

  it('a merge moves survey forms, responses and plans to the kept customer, and undo moves them back', () => {
    const e = env();
    const s = standard(e);
    e.services.surveys.issue({ target: { by: 'ids', ids: [2] }, templateKey: 'standard', language: 'zh-CN' });
    e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: [{ questionId: s.quality, score: 1 }], nps: 2 });
    const owners = () => e.db.prepare('SELECT (SELECT customer_id FROM survey_forms), (SELECT customer_id FROM survey_responses), (SELECT customer_id FROM improvement_plans WHERE customer_id IS NOT NULL)').raw().get();
    expect(owners()).toEqual([2, 2, 2]);
    const rec = e.services.duplicates.merge({ keepId: 1, mergeId: 2, takeFromMerged: [] });
    expect(owners()).toEqual([1, 1, 1]);
    e.services.duplicates.undoMerge(rec.batchId);
    expect(owners()).toEqual([2, 2, 2]);
  });

  it('CLI survey-results prints the numbers as text and JSON, and names a bad date', async () => {
    const e = env();
    const s = standard(e);
    e.services.surveys.issue({ target: { by: 'ids', ids: [1, 2] }, templateKey: 'standard', language: 'zh-CN', issuedOn: '2026-11-01' });
    e.services.surveys.enter({ formNo: 'SV-2026-000001', scores: [{ questionId: s.quality, score: 4 }, { questionId: s.response, score: 5 }], nps: 10, respondedOn: '2026-11-05' });
    e.db.close();
    const json = await cli('survey-results', '--db', e.file, '--from', '2026-11-01', '--to', '2026-11-30', '--json');
    expect(json.stderr).toBe('');
    const out = JSON.parse(json.stdout) as { overall: { mean: number; goodShare: number }; nps: { score: number }; responseRate: number };
    expect(out.overall).toMatchObject({ mean: 4.5, goodShare: 1 });
    expect(out.nps.score).toBe(100);
    expect(out.responseRate).toBe(0.5);
    const text = await cli('survey-results', '--db', e.file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/CSAT\s+4\.50 \(100\.0% ≥ 4\)/);
    expect(text.stdout).toMatch(/NPS\s+100\.0/);
    expect(text.stdout).toMatch(/response rate\s+50\.0% \(1 of 2\)/);
    const bad = await cli('survey-results', '--db', e.file, '--from', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from must be a date/);
    const db = new Database(e.file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(1);
    db.close();
  });
});
