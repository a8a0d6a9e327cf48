import { addDays, localToday } from '../../shared/domain/dates';
import type { SegmentSelector } from '../../shared/domain/segments';
import {
  MAX_BATCH,
  actionDraftSchema,
  enterRequestSchema,
  formListRequestSchema,
  issueRequestSchema,
  phoneFormRequestSchema,
  resultsRequestSchema,
  saveTemplateRequestSchema,
  type ActionDraft,
  type ActionStatus,
  type EnterRequest,
  type EnterResult,
  type FormListRequest,
  type FormLookup,
  type ImprovementPlan,
  type IssueRequest,
  type IssueResult,
  type PhoneFormRequest,
  type PlanStatus,
  type PrintForms,
  type ResultsRequest,
  type SaveTemplateRequest,
  type SurveyForm,
  type SurveyResponse,
  type SurveyResults,
  type SurveyTemplate,
} from '../../shared/domain/surveys';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { PLAN_BELOW, csatFromSums, npsFromCounts, responseRate, scoreSummary } from '../../shared/surveys/metrics';
import { surveyQueries, type GroupSums, type SurveyQueries } from '../db/surveys';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';

/** Tables the renderer's survey views refetch on. */
const SURVEY_TABLES = ['survey_forms', 'survey_responses', 'survey_answers'];
const PLAN_TABLES = ['improvement_plans', 'improvement_actions', 'improvement_links'];
/** The per-customer result table lists this many customers (lowest mean first). */
const CUSTOMER_ROWS = 50;
/** How far back a low response's customer plan looks for the complaints that likely caused it. */
const COMPLAINT_LOOKBACK_DAYS = 90;

export interface SurveyDeps {
  segmentIds: (selector: SegmentSelector) => number[];
  /** The business name printed in the form header (the visits area's print setting). */
  businessName: () => string;
}

const formNumber = (year: string, id: number): string => `SV-${year}-${String(id).padStart(6, '0')}`;
const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

function group(g: GroupSums) {
  return { key: g.key, responses: g.responses, csat: csatFromSums(g.scoreN, g.scoreSum, g.scoreGood), nps: npsFromCounts(g.npsN, g.promoters, g.detractors) };
}

/** CSAT per dimension and overall, NPS, response rate, by month, tier and customer (the app and the CLI). */
export function surveyResults(q: SurveyQueries, input: ResultsRequest): SurveyResults {
  const range = resultsRequestSchema.parse(input);
  const sent = q.sentCount(range);
  const all = q.overall(range);
  const names = new Map(q.dimensionNames().map((d) => [d.dimension, d]));
  const sentMonths = new Map(q.sentByMonth(range).map((m) => [m.key, m]));
  const months = q.byMonth(range).map(group);
  for (const key of sentMonths.keys()) if (!months.some((m) => m.key === key)) months.push(group({ key, responses: 0, scoreN: 0, scoreSum: 0, scoreGood: 0, npsN: 0, promoters: 0, detractors: 0 }));
  months.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    from: range.from,
    to: range.to,
    sent: sent.sent,
    responded: sent.responded,
    responseRate: responseRate(sent.responded, sent.sent),
    overall: all ? csatFromSums(all.scoreN, all.scoreSum, all.scoreGood) : csatFromSums(0, 0, 0),
    nps: all ? npsFromCounts(all.npsN, all.promoters, all.detractors) : npsFromCounts(0, 0, 0),
    dimensions: q.byDimension(range).map((d) => ({ dimension: d.dimension, nameZh: names.get(d.dimension)?.nameZh ?? d.dimension, nameEn: names.get(d.dimension)?.nameEn ?? d.dimension, csat: csatFromSums(d.n, d.sum, d.good) })),
    byMonth: months.map((m) => {
      const s = sentMonths.get(m.key);
      return { ...m, sent: s?.sent ?? 0, responseRate: s ? responseRate(s.responded, s.sent) : null };
    }),
    byTier: q.byTier(range).map(group),
    byCustomer: q.byCustomer(range, CUSTOMER_ROWS).map((c) => ({ ...group(c), customerId: c.customerId, customerName: c.customerName })),
  };
}

/** Satisfaction surveys: versioned templates, forms (paper, phone, screen), entry, results and improvement plans. */
export function surveyService(ctx: ServiceContext, deps: SurveyDeps) {
  const q = surveyQueries(ctx.db);
  const today = () => localToday(ctx.now());

  const mustForm = (formNo: string, lang: string): SurveyForm => {
    const f = q.formByNo(formNo.trim().toUpperCase(), lang);
    if (!f) throw keyedError('not_found', 'surveyFormMissing', { form: formNo }, [{ path: 'formNo', message: 'no form with this number' }]);
    return f;
  };
  const responseOf = (formId: number): SurveyResponse | null => {
    const r = q.responseByForm(formId);
    return r ? { ...r, answers: q.answersOf(r.id) } : null;
  };
  const latest = (key: string): SurveyTemplate => {
    const t = q.latestByKey(key);
    if (!t) throw keyedError('not_found', 'surveyTemplateMissing', { key }, [{ path: 'templateKey', message: 'no such template' }]);
    return t;
  };

  /** Inserts forms for these customers; numbers follow the row id, so they are unique and sortable. */
  function insertForms(customerIds: readonly number[], template: SurveyTemplate, channel: 'paper' | 'phone' | 'screen', language: 'zh-CN' | 'en-US', issuedOn: string, batchId: string | null): number[] {
    const at = nowIso(ctx);
    const ids: number[] = [];
    let next = q.nextFormId();
    for (const customerId of customerIds) {
      const id = next++;
      q.insertForm({ id, formNo: formNumber(issuedOn.slice(0, 4), id), templateId: template.id, customerId, channel, language, issuedOn, sentAt: at, batchId, actor: ctx.actor, at });
      ids.push(id);
    }
    return ids;
  }

  /**
   * A low response (mean < 3.5) starts a plan for its customer, linked to the response and
   * to the customer's complaints opened in the COMPLAINT_LOOKBACK_DAYS before it; a month whose mean in a
   * dimension falls below 3.5 starts one plan for that dimension and month. Both link the
   * response; an existing plan is linked again rather than duplicated.
   */
  function startPlans(form: SurveyForm, responseId: number, mean: number | null, dims: readonly string[], respondedOn: string, at: string): number[] {
    const started: number[] = [];
    const zh = form.language === 'zh-CN';
    if (mean !== null && mean < PLAN_BELOW && q.planOfSource('survey', responseId) === null) {
      const id = q.insertPlan({
        title: zh ? `${form.customerName}：满意度改进` : `${form.customerName}: satisfaction improvement`,
        dimension: null,
        reason: zh ? `调研表 ${form.formNo} 平均分 ${fmt(mean)} < ${PLAN_BELOW}` : `form ${form.formNo} mean score ${fmt(mean)} < ${PLAN_BELOW}`,
        customerId: form.customerId,
        actor: ctx.actor,
        at,
      });
      q.insertLink(id, 'survey', responseId);
      // The customer's complaints of the weeks before are the likely cause as well.
      for (const c of q.complaintsBetween(form.customerId, addDays(respondedOn, -COMPLAINT_LOOKBACK_DAYS), addDays(respondedOn, 1))) q.insertLink(id, 'complaint', c);
      started.push(id);
    }
    const month = respondedOn.slice(0, 7);
    const names = new Map(q.dimensionNames().map((d) => [d.dimension, d]));
    for (const d of dims) {
      const { n, sum } = q.monthDimension(month, d);
      if (n === 0 || sum / n >= PLAN_BELOW) continue;
      const existing = q.monthPlan(d, month);
      if (existing !== null) {
        q.insertLink(existing, 'survey', responseId);
        continue;
      }
      const name = names.get(d);
      const label = zh ? (name?.nameZh ?? d) : (name?.nameEn ?? d);
      const id = q.insertPlan({
        title: zh ? `改进：${label}` : `Improve: ${label}`,
        dimension: d,
        reason: `${label} CSAT ${fmt(sum / n)} < ${PLAN_BELOW} (${month})`,
        customerId: null,
        actor: ctx.actor,
        at,
      });
      q.insertLink(id, 'survey', responseId);
      started.push(id);
    }
    return started;
  }

  const plan = (id: number): ImprovementPlan => {
    const p = q.planById(id);
    if (!p) throw keyedError('not_found', 'planMissing', { id });
    const actions = q.actionsOf(id);
    const counted = actions.filter((a) => a.status !== 'cancelled');
    return { ...p, actions, links: q.linksOf(id), progress: counted.length === 0 ? null : counted.filter((a) => a.status === 'done').length / counted.length };
  };

  /** A plan follows its actions: in progress once one exists, done when all counted ones are. */
  const syncPlanStatus = (planId: number, at: string) => {
    const p = plan(planId);
    if (p.status === 'cancelled') return;
    const next: PlanStatus = p.progress === 1 ? 'done' : p.actions.length > 0 ? 'in-progress' : 'open';
    if (next !== p.status) q.setPlanStatus(planId, next, next === 'done' ? at : null, at);
  };

  return {
    templates: (): SurveyTemplate[] => q.latestTemplates(),
    templateVersions: (key: string): SurveyTemplate[] => q.versionsOf(key),

    /** Saving makes the next version (or a new template); forms already made keep their version's questions. */
    saveTemplate(input: SaveTemplateRequest): SurveyTemplate {
      const req = saveTemplateRequestSchema.parse(input);
      const at = nowIso(ctx);
      const id = ctx.db
        .transaction(() => {
          if (req.key === null) {
            let key = `custom-${Date.parse(at).toString(36)}`;
            for (let n = 2; q.latestByKey(key); n++) key = `custom-${Date.parse(at).toString(36)}-${n}`;
            return q.insertTemplate(key, 1, req.nameZh, req.nameEn, req.questions, ctx.actor, at);
          }
          return q.insertTemplate(req.key, latest(req.key).version + 1, req.nameZh, req.nameEn, req.questions, ctx.actor, at);
        })
        .immediate();
      ctx.emit('db:changed', { tables: ['survey_templates', 'survey_questions'] });
      const saved = q.templateById(id);
      if (!saved) throw new PatronError('internal', `survey template ${id} was not saved`);
      return saved;
    },

    /** Makes one paper form per customer of the selection or segment, recorded as sent (they go to print at once). */
    issue(input: IssueRequest): IssueResult {
      const req = issueRequestSchema.parse(input);
      const template = latest(req.templateKey);
      const target = req.target;
      let wanted: number[];
      if (target.by === 'ids') wanted = target.ids;
      else if (target.by === 'segment') wanted = deps.segmentIds(target.selector);
      else {
        wanted = target.codes.map((code, i) => {
          const c = q.customerByCode(code);
          if (!c) throw keyedError('not_found', 'customerCodeMissing', { code }, [{ path: `target.codes.${i}`, message: 'no customer with this code' }]);
          return c.id;
        });
      }
      wanted = [...new Set(wanted)];
      const found = q.customers(wanted).map((c) => c.id);
      if (found.length === 0) throw keyedError('invalid_request', 'surveyEmpty', {}, [{ path: 'target', message: 'no customers' }]);
      if (found.length > MAX_BATCH) throw keyedError('invalid_request', 'surveyTooMany', { count: found.length, max: MAX_BATCH }, [{ path: 'target', message: 'too many customers' }]);
      const batchId = newBatchId();
      const formIds = ctx.db.transaction(() => insertForms(found, template, 'paper', req.language, req.issuedOn ?? today(), batchId)).immediate();
      ctx.emit('db:changed', { tables: ['survey_forms'] });
      return { batchId, count: formIds.length, formIds };
    },

    /** A form for a phone survey, made on the spot (no paper); entered like a returned form. */
    phoneForm(input: PhoneFormRequest, lang = 'zh-CN'): SurveyForm {
      const req = phoneFormRequestSchema.parse(input);
      let customerId = req.customerId;
      if (customerId === null && req.customerCode) customerId = q.customerByCode(req.customerCode)?.id ?? null;
      if (customerId === null || q.customers([customerId]).length === 0) {
        throw req.customerCode
          ? keyedError('not_found', 'customerCodeMissing', { code: req.customerCode }, [{ path: 'customerCode', message: 'no such customer' }])
          : keyedError('not_found', 'customerMissing', { id: String(req.customerId) }, [{ path: 'customerId', message: 'no such customer' }]);
      }
      const template = latest(req.templateKey);
      const cid = customerId;
      const [id] = ctx.db.transaction(() => insertForms([cid], template, 'phone', req.language, today(), null)).immediate();
      ctx.emit('db:changed', { tables: ['survey_forms'] });
      const form = id === undefined ? undefined : q.formById(id, lang);
      if (!form) throw new PatronError('internal', 'the phone form was not saved');
      return form;
    },

    forms(input: FormListRequest, lang: string): SurveyForm[] {
      const f = formListRequestSchema.parse(input);
      return q.listForms(f, lang);
    },

    /** What quick entry shows for a typed or scanned number: the form, its questions, the first entry if any. */
    lookup(formNo: string, lang: string): FormLookup {
      const form = mustForm(formNo, lang);
      return { form, questions: q.questionsOf(form.templateId), response: responseOf(form.id) };
    },

    /**
     * Records a returned form. The second entry of a form is refused unless it is a
     * correction, which replaces the first entry's answers (never a second row).
     * Summary, answers and any improvement plan are written in one transaction.
     */
    enter(input: EnterRequest, lang = 'zh-CN'): EnterResult {
      const req = enterRequestSchema.parse(input);
      const form = mustForm(req.formNo, lang);
      const questions = new Map(q.questionsOf(form.templateId).map((x) => [x.id, x]));
      const scores = req.scores.map((s, i) => {
        const question = questions.get(s.questionId);
        if (!question || question.kind !== 'score5') throw keyedError('invalid_request', 'notScore5', { question: s.questionId, form: form.formNo }, [{ path: `scores.${i}.questionId`, message: 'not a 5-point question of this form' }]);
        return s;
      });
      if (new Set(scores.map((s) => s.questionId)).size !== scores.length) throw keyedError('invalid_request', 'scoredTwice', {}, [{ path: 'scores', message: 'duplicate question' }]);
      const texts = req.texts.map((s, i) => {
        if (questions.get(s.questionId)?.kind !== 'text') throw keyedError('invalid_request', 'notOpenQuestion', { question: s.questionId, form: form.formNo }, [{ path: `texts.${i}.questionId`, message: 'not an open question of this form' }]);
        return s;
      });
      if (req.nps !== null && ![...questions.values()].some((x) => x.kind === 'nps')) throw keyedError('invalid_request', 'noNps', { form: form.formNo }, [{ path: 'nps', message: 'no NPS question' }]);
      const respondedOn = req.respondedOn ?? today();
      if (respondedOn < form.issuedOn) throw keyedError('invalid_request', 'answeredBeforeIssued', { form: form.formNo, issued: form.issuedOn, answered: respondedOn }, [{ path: 'respondedOn', message: 'before the form was issued' }]);
      const summary = scoreSummary(scores.map((s) => s.score));
      const at = nowIso(ctx);
      const answers = [...scores.map((s) => ({ questionId: s.questionId, score: s.score, text: null })), ...texts.map((s) => ({ questionId: s.questionId, score: null, text: s.text }))];
      const dims = scores.flatMap((s) => questions.get(s.questionId)?.dimension ?? []);

      const { responseId, corrected, started } = ctx.db
        .transaction(() => {
          const first = q.responseByForm(form.id);
          if (first && !req.correct) {
            throw keyedError('conflict', 'formEntered', { form: form.formNo, date: first.createdAt.slice(0, 10), by: first.enteredBy }, [{ path: 'formNo', message: 'already entered' }]);
          }
          const row = { respondedOn, nps: req.nps, mean: summary.mean, min: summary.min, actor: ctx.actor, at };
          let id: number;
          if (first) {
            q.updateResponse({ id: first.id, ...row });
            id = first.id;
          } else {
            id = q.insertResponse({ formId: form.id, customerId: form.customerId, ...row });
          }
          q.replaceAnswers(id, answers);
          return { responseId: id, corrected: first !== undefined, started: startPlans(form, id, summary.mean, dims, respondedOn, at) };
        })
        .immediate();
      ctx.emit('db:changed', { tables: started.length > 0 ? [...SURVEY_TABLES, ...PLAN_TABLES] : SURVEY_TABLES, customerIds: [form.customerId] });
      const response = responseOf(form.id);
      if (!response || response.id !== responseId) throw new PatronError('internal', `the response to ${form.formNo} was not saved`);
      return { response, corrected, plansStarted: started };
    },

    /** The forms of a batch or of given ids, with their questions, for the print layout. */
    printForms(ids: readonly number[], batchId: string | null, lang: string): PrintForms {
      const forms = batchId ? q.formsOfBatch(batchId, lang) : ids.flatMap((id) => q.formById(id, lang) ?? []);
      const templates = new Map<number, SurveyTemplate>();
      return {
        businessName: deps.businessName(),
        forms: forms.map((form) => {
          let t = templates.get(form.templateId);
          if (!t) {
            t = q.templateById(form.templateId);
            if (!t) throw new PatronError('internal', `template ${form.templateId} is missing`);
            templates.set(form.templateId, t);
          }
          return { form, questions: t.questions, templateNameZh: t.nameZh, templateNameEn: t.nameEn };
        }),
      };
    },

    results: (input: ResultsRequest): SurveyResults => surveyResults(q, input),

    plans: (active: boolean, customerId: number | null): ImprovementPlan[] => q.plans(active, customerId).map((p) => plan(p.id)),
    plan,

    addAction(input: ActionDraft): ImprovementPlan {
      const a = actionDraftSchema.parse(input);
      plan(a.planId);
      if (a.ownerId !== null && !q.staffExists(a.ownerId)) throw keyedError('not_found', 'staffMissing', { id: a.ownerId }, [{ path: 'ownerId', message: 'no such staff member' }]);
      const at = nowIso(ctx);
      ctx.db
        .transaction(() => {
          q.insertAction({ ...a, at });
          syncPlanStatus(a.planId, at);
        })
        .immediate();
      ctx.emit('db:changed', { tables: PLAN_TABLES });
      return plan(a.planId);
    },

    setActionStatus(id: number, status: ActionStatus): ImprovementPlan {
      const action = q.actionById(id);
      if (!action) throw keyedError('not_found', 'actionMissing', { id });
      const at = nowIso(ctx);
      ctx.db
        .transaction(() => {
          q.setActionStatus(id, status, status === 'done' ? today() : null, at);
          syncPlanStatus(action.planId, at);
        })
        .immediate();
      ctx.emit('db:changed', { tables: PLAN_TABLES });
      return plan(action.planId);
    },

    setPlanStatus(id: number, status: PlanStatus): ImprovementPlan {
      plan(id);
      const at = nowIso(ctx);
      q.setPlanStatus(id, status, status === 'done' || status === 'cancelled' ? at : null, at);
      ctx.emit('db:changed', { tables: PLAN_TABLES });
      return plan(id);
    },
  };
}
