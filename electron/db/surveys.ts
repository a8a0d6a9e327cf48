import type { Database } from 'better-sqlite3';
import { templateVersionQueries } from './templateVersions';
import type {
  ActionStatus,
  Answer,
  FormLanguage,
  ImprovementAction,
  PlanStatus,
  QuestionDraft,
  SurveyChannel,
  SurveyForm,
  SurveyQuestion,
  SurveyTemplate,
} from '../../shared/domain/surveys';

interface TemplateRecord {
  id: number;
  template_key: string;
  version: number;
  name_zh: string;
  name_en: string;
  active: number;
  created_by: string;
  created_at: string;
}

const QUESTION_SELECT = 'SELECT id, position, kind, dimension, text_zh AS textZh, text_en AS textEn FROM survey_questions';

/** The form with its template, customer and (when it came back) its response summary. */
const FORM_SELECT = `
  SELECT f.id, f.form_no AS formNo, f.template_id AS templateId, t.template_key AS templateKey, t.version AS templateVersion,
         CASE WHEN @lang = 'en' THEN t.name_en ELSE t.name_zh END AS templateName,
         f.customer_id AS customerId, c.name AS customerName, c.code AS customerCode,
         f.channel, f.language, f.issued_on AS issuedOn, f.sent_at AS sentAt, f.batch_id AS batchId,
         r.id AS responseId, r.responded_on AS respondedOn, r.mean_score AS meanScore, r.nps
    FROM survey_forms f
    JOIN survey_templates t ON t.id = f.template_id
    JOIN customers c ON c.id = f.customer_id
    LEFT JOIN survey_responses r ON r.form_id = f.id`;

export interface NewForm {
  id: number;
  formNo: string;
  templateId: number;
  customerId: number;
  channel: SurveyChannel;
  language: FormLanguage;
  issuedOn: string;
  sentAt: string | null;
  batchId: string | null;
  actor: string;
  at: string;
}

export interface ResponseRecord {
  id: number;
  formId: number;
  respondedOn: string;
  nps: number | null;
  meanScore: number | null;
  minScore: number | null;
  enteredBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Aggregates one SQL group gives: counts and sums, turned into CSAT/NPS by shared/surveys/metrics. */
export interface GroupSums {
  key: string;
  responses: number;
  scoreN: number;
  scoreSum: number;
  scoreGood: number;
  npsN: number;
  promoters: number;
  detractors: number;
}

interface PlanRecord {
  id: number;
  title: string;
  dimension: string | null;
  reason: string;
  customerId: number | null;
  customerName: string | null;
  ownerId: number | null;
  status: PlanStatus;
  createdAt: string;
  closedAt: string | null;
}

const RANGE = `(@from IS NULL OR r.responded_on >= @from) AND (@to IS NULL OR r.responded_on <= @to)`;
/** Per-response score sums, so groups of responses sum them (answers of text questions have no score). */
const RESPONSE_SUMS = `
  SELECT r.id, r.customer_id, r.responded_on, r.nps,
         (SELECT count(a.score) FROM survey_answers a WHERE a.response_id = r.id) AS n,
         (SELECT coalesce(sum(a.score), 0) FROM survey_answers a WHERE a.response_id = r.id) AS s,
         (SELECT count(*) FROM survey_answers a WHERE a.response_id = r.id AND a.score >= 4) AS g
    FROM survey_responses r WHERE ${RANGE}`;
const GROUP_COLUMNS = `count(*) AS responses, coalesce(sum(x.n), 0) AS scoreN, coalesce(sum(x.s), 0) AS scoreSum, coalesce(sum(x.g), 0) AS scoreGood,
  count(x.nps) AS npsN, coalesce(sum(x.nps >= 9), 0) AS promoters, coalesce(sum(x.nps <= 6), 0) AS detractors`;

function toTemplate(r: TemplateRecord, questions: SurveyQuestion[]): SurveyTemplate {
  return { id: r.id, key: r.template_key, version: r.version, nameZh: r.name_zh, nameEn: r.name_en, active: r.active === 1, createdBy: r.created_by, createdAt: r.created_at, questions };
}

/** Templates, forms, responses, results and improvement plans of the surveys area. */
export function surveyQueries(db: Database) {
  const { latest: latestTemplates, versionsOf, byId: templateById, latestByKey } = templateVersionQueries<TemplateRecord>(db, 'survey_templates');
  const questionsOf = db.prepare<[number], SurveyQuestion>(`${QUESTION_SELECT} WHERE template_id = ? ORDER BY position`);
  const insertTemplate = db.prepare<[string, number, string, string, string, string]>(
    'INSERT INTO survey_templates (template_key, version, name_zh, name_en, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const retireOlder = db.prepare<[string, number]>('UPDATE survey_templates SET active = 0 WHERE template_key = ? AND version < ?');
  const insertQuestion = db.prepare<[number, number, string, string | null, string, string]>(
    'INSERT INTO survey_questions (template_id, position, kind, dimension, text_zh, text_en) VALUES (?, ?, ?, ?, ?, ?)',
  );
  /** The latest wording of each dimension, for result tables. */
  const dimensionNames = db.prepare<[], { dimension: string; nameZh: string; nameEn: string }>(
    `SELECT dimension, text_zh AS nameZh, text_en AS nameEn FROM survey_questions q
      WHERE kind = 'score5' AND id = (SELECT max(id) FROM survey_questions p WHERE p.dimension = q.dimension)`,
  );

  const customers = db.prepare<[string], { id: number; name: string }>('SELECT c.id, c.name FROM json_each(?) j JOIN customers c ON c.id = j.value ORDER BY j.key');
  const customerByCode = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM customers WHERE code = ?');
  const nextFormId = db.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM survey_forms').pluck();
  const insertForm = db.prepare<NewForm>(
    `INSERT INTO survey_forms (id, form_no, template_id, customer_id, channel, language, issued_on, sent_at, batch_id, created_by, created_at)
     VALUES (@id, @formNo, @templateId, @customerId, @channel, @language, @issuedOn, @sentAt, @batchId, @actor, @at)`,
  );
  const formByNo = db.prepare<{ no: string; lang: string }, SurveyForm>(`${FORM_SELECT} WHERE f.form_no = @no`);
  const formById = db.prepare<{ id: number; lang: string }, SurveyForm>(`${FORM_SELECT} WHERE f.id = @id`);
  const formsOfBatch = db.prepare<{ batch: string; lang: string }, SurveyForm>(`${FORM_SELECT} WHERE f.batch_id = @batch ORDER BY f.id`);
  const listForms = db.prepare<{ customerId: number | null; batchId: string | null; state: string; limit: number; lang: string }, SurveyForm>(
    `${FORM_SELECT}
      WHERE (@customerId IS NULL OR f.customer_id = @customerId)
        AND (@batchId IS NULL OR f.batch_id = @batchId)
        AND (@state = 'all' OR (@state = 'open') = (r.id IS NULL))
      ORDER BY f.id DESC LIMIT @limit`,
  );

  const responseByForm = db.prepare<[number], ResponseRecord>(
    `SELECT id, form_id AS formId, responded_on AS respondedOn, nps, mean_score AS meanScore, min_score AS minScore,
            entered_by AS enteredBy, created_at AS createdAt, updated_at AS updatedAt FROM survey_responses WHERE form_id = ?`,
  );
  const answersOf = db.prepare<[number], Answer>('SELECT question_id AS questionId, score, text FROM survey_answers WHERE response_id = ? ORDER BY question_id');
  const insertResponse = db.prepare<{ formId: number; customerId: number; respondedOn: string; nps: number | null; mean: number | null; min: number | null; actor: string; at: string }>(
    `INSERT INTO survey_responses (form_id, customer_id, responded_on, nps, mean_score, min_score, entered_by, created_at, updated_at)
     VALUES (@formId, @customerId, @respondedOn, @nps, @mean, @min, @actor, @at, @at)`,
  );
  const updateResponse = db.prepare<{ id: number; respondedOn: string; nps: number | null; mean: number | null; min: number | null; actor: string; at: string }>(
    'UPDATE survey_responses SET responded_on = @respondedOn, nps = @nps, mean_score = @mean, min_score = @min, entered_by = @actor, updated_at = @at WHERE id = @id',
  );
  const deleteAnswers = db.prepare<[number]>('DELETE FROM survey_answers WHERE response_id = ?');
  const insertAnswer = db.prepare<[number, number, number | null, string | null]>('INSERT INTO survey_answers (response_id, question_id, score, text) VALUES (?, ?, ?, ?)');

  // Results: forms sent in the period (by the printed date) and responses given in it.
  const sentCount = db.prepare<{ from: string | null; to: string | null }, { sent: number; responded: number }>(
    `SELECT count(*) AS sent, count(r.id) AS responded FROM survey_forms f LEFT JOIN survey_responses r ON r.form_id = f.id
      WHERE f.sent_at IS NOT NULL AND (@from IS NULL OR f.issued_on >= @from) AND (@to IS NULL OR f.issued_on <= @to)`,
  );
  const sentByMonth = db.prepare<{ from: string | null; to: string | null }, { key: string; sent: number; responded: number }>(
    `SELECT substr(f.issued_on, 1, 7) AS key, count(*) AS sent, count(r.id) AS responded FROM survey_forms f LEFT JOIN survey_responses r ON r.form_id = f.id
      WHERE f.sent_at IS NOT NULL AND (@from IS NULL OR f.issued_on >= @from) AND (@to IS NULL OR f.issued_on <= @to) GROUP BY key`,
  );
  const overall = db.prepare<{ from: string | null; to: string | null }, GroupSums>(`SELECT 'all' AS key, ${GROUP_COLUMNS} FROM (${RESPONSE_SUMS}) x`);
  const byMonth = db.prepare<{ from: string | null; to: string | null }, GroupSums>(`SELECT substr(x.responded_on, 1, 7) AS key, ${GROUP_COLUMNS} FROM (${RESPONSE_SUMS}) x GROUP BY key ORDER BY key`);
  const byTier = db.prepare<{ from: string | null; to: string | null }, GroupSums>(
    `SELECT coalesce(c.tier_override, sr.tier, 'none') AS key, ${GROUP_COLUMNS}
       FROM (${RESPONSE_SUMS}) x JOIN customers c ON c.id = x.customer_id LEFT JOIN segment_results sr ON sr.customer_id = c.id
      GROUP BY key ORDER BY key`,
  );
  const byCustomer = db.prepare<{ from: string | null; to: string | null; limit: number }, GroupSums & { customerId: number; customerName: string }>(
    `SELECT CAST(x.customer_id AS TEXT) AS key, x.customer_id AS customerId, c.name AS customerName, ${GROUP_COLUMNS}
       FROM (${RESPONSE_SUMS}) x JOIN customers c ON c.id = x.customer_id
      GROUP BY x.customer_id ORDER BY CASE WHEN sum(x.n) > 0 THEN 1.0 * sum(x.s) / sum(x.n) ELSE 6 END, x.customer_id LIMIT @limit`,
  );
  const byDimension = db.prepare<{ from: string | null; to: string | null }, { dimension: string; n: number; sum: number; good: number }>(
    `SELECT q.dimension, count(*) AS n, sum(a.score) AS sum, sum(a.score >= 4) AS good
       FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id
      WHERE a.score IS NOT NULL AND ${RANGE} GROUP BY q.dimension ORDER BY min(q.position), q.dimension`,
  );
  const monthDimension = db.prepare<{ month: string; dimension: string }, { n: number; sum: number }>(
    `SELECT count(*) AS n, coalesce(sum(a.score), 0) AS sum
       FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id
      WHERE a.score IS NOT NULL AND q.dimension = @dimension AND substr(r.responded_on, 1, 7) = @month`,
  );

  // Improvement plans.
  const PLAN_SELECT = `SELECT p.id, p.title, p.dimension, p.reason, p.customer_id AS customerId, c.name AS customerName, p.owner_id AS ownerId,
         p.status, p.created_at AS createdAt, p.closed_at AS closedAt FROM improvement_plans p LEFT JOIN customers c ON c.id = p.customer_id`;
  const plans = db.prepare<{ active: number; customerId: number | null }, PlanRecord>(
    `${PLAN_SELECT} WHERE (@active = 0 OR p.status IN ('open', 'in-progress')) AND (@customerId IS NULL OR p.customer_id = @customerId) ORDER BY p.id DESC LIMIT 500`,
  );
  const planById = db.prepare<[number], PlanRecord>(`${PLAN_SELECT} WHERE p.id = ?`);
  const actionsOf = db.prepare<[number], ImprovementAction>(
    `SELECT a.id, a.plan_id AS planId, a.measure, a.owner_id AS ownerId, s.name AS ownerName, a.due_date AS dueDate, a.resources, a.acceptance, a.status, a.done_on AS doneOn
       FROM improvement_actions a LEFT JOIN staff s ON s.id = a.owner_id WHERE a.plan_id = ? ORDER BY a.id`,
  );
  const actionById = db.prepare<[number], { id: number; planId: number }>('SELECT id, plan_id AS planId FROM improvement_actions WHERE id = ?');
  const linksOf = db.prepare<[number], { source: 'survey' | 'complaint'; sourceId: number; label: string }>(
    `SELECT l.source, l.source_id AS sourceId,
            CASE l.source WHEN 'survey' THEN coalesce((SELECT f.form_no FROM survey_responses r JOIN survey_forms f ON f.id = r.form_id WHERE r.id = l.source_id), '#' || l.source_id)
                          ELSE '#' || l.source_id END AS label
       FROM improvement_links l WHERE l.plan_id = ? ORDER BY l.source, l.source_id`,
  );
  const insertPlan = db.prepare<{ title: string; dimension: string | null; reason: string; customerId: number | null; actor: string; at: string }>(
    'INSERT INTO improvement_plans (title, dimension, reason, customer_id, created_by, created_at, updated_at) VALUES (@title, @dimension, @reason, @customerId, @actor, @at, @at)',
  );
  const insertLink = db.prepare<[number, string, number]>('INSERT OR IGNORE INTO improvement_links (plan_id, source, source_id) VALUES (?, ?, ?)');
  const complaintsBetween = db
    .prepare<[number, string, string], number>('SELECT id FROM complaints WHERE customer_id = ? AND opened_at >= ? AND opened_at < ? ORDER BY id')
    .pluck();
  const planOfSource = db.prepare<[string, number], number>('SELECT plan_id FROM improvement_links WHERE source = ? AND source_id = ? LIMIT 1').pluck();
  /** A month's dimension plan is found by its dimension and the month its reason names. */
  const monthPlan = db.prepare<[string, string], number>("SELECT id FROM improvement_plans WHERE customer_id IS NULL AND dimension = ? AND reason LIKE '%(' || ? || ')' LIMIT 1").pluck();
  const insertAction = db.prepare<{ planId: number; measure: string; ownerId: number | null; dueDate: string | null; resources: string; acceptance: string; at: string }>(
    `INSERT INTO improvement_actions (plan_id, measure, owner_id, due_date, resources, acceptance, created_at, updated_at)
     VALUES (@planId, @measure, @ownerId, @dueDate, @resources, @acceptance, @at, @at)`,
  );
  const setActionStatus = db.prepare<[ActionStatus, string | null, string, number]>('UPDATE improvement_actions SET status = ?, done_on = ?, updated_at = ? WHERE id = ?');
  const setPlanStatus = db.prepare<[PlanStatus, string | null, string, number]>('UPDATE improvement_plans SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?');
  const staffExists = db.prepare<[number], number>('SELECT 1 FROM staff WHERE id = ?').pluck();

  const withQuestions = (r: TemplateRecord | undefined): SurveyTemplate | undefined => r && toTemplate(r, questionsOf.all(r.id));

  return {
    latestTemplates: () => latestTemplates.all().map((r) => toTemplate(r, questionsOf.all(r.id))),
    versionsOf: (key: string) => versionsOf.all(key).map((r) => toTemplate(r, questionsOf.all(r.id))),
    templateById: (id: number) => withQuestions(templateById.get(id)),
    latestByKey: (key: string) => withQuestions(latestByKey.get(key)),
    questionsOf: (templateId: number) => questionsOf.all(templateId),
    dimensionNames: () => dimensionNames.all(),
    /** Inserts the next version of a template with its questions; older versions are retired for new forms. */
    insertTemplate(key: string, version: number, nameZh: string, nameEn: string, questions: readonly QuestionDraft[], actor: string, at: string): number {
      const id = Number(insertTemplate.run(key, version, nameZh, nameEn, actor, at).lastInsertRowid);
      questions.forEach((q, i) => insertQuestion.run(id, i + 1, q.kind, q.dimension, q.textZh, q.textEn));
      retireOlder.run(key, version);
      return id;
    },

    customers: (ids: readonly number[]) => customers.all(JSON.stringify(ids)),
    customerByCode: (code: string) => customerByCode.get(code),
    nextFormId: () => nextFormId.get() ?? 1,
    insertForm: (f: NewForm) => insertForm.run(f),
    formByNo: (no: string, lang: string) => formByNo.get({ no, lang }),
    formById: (id: number, lang: string) => formById.get({ id, lang }),
    formsOfBatch: (batch: string, lang: string) => formsOfBatch.all({ batch, lang }),
    listForms: (f: { customerId: number | null; batchId: string | null; state: string; limit: number }, lang: string) => listForms.all({ ...f, lang }),

    responseByForm: (formId: number) => responseByForm.get(formId),
    answersOf: (responseId: number) => answersOf.all(responseId),
    insertResponse: (r: { formId: number; customerId: number; respondedOn: string; nps: number | null; mean: number | null; min: number | null; actor: string; at: string }) =>
      Number(insertResponse.run(r).lastInsertRowid),
    updateResponse: (r: { id: number; respondedOn: string; nps: number | null; mean: number | null; min: number | null; actor: string; at: string }) => updateResponse.run(r),
    replaceAnswers(responseId: number, answers: readonly { questionId: number; score: number | null; text: string | null }[]): void {
      deleteAnswers.run(responseId);
      for (const a of answers) insertAnswer.run(responseId, a.questionId, a.score, a.text);
    },

    sentCount: (r: { from: string | null; to: string | null }) => sentCount.get(r) ?? { sent: 0, responded: 0 },
    sentByMonth: (r: { from: string | null; to: string | null }) => sentByMonth.all(r),
    overall: (r: { from: string | null; to: string | null }) => overall.get(r),
    byMonth: (r: { from: string | null; to: string | null }) => byMonth.all(r),
    byTier: (r: { from: string | null; to: string | null }) => byTier.all(r),
    byCustomer: (r: { from: string | null; to: string | null }, limit: number) => byCustomer.all({ ...r, limit }),
    byDimension: (r: { from: string | null; to: string | null }) => byDimension.all(r),
    monthDimension: (month: string, dimension: string) => monthDimension.get({ month, dimension }) ?? { n: 0, sum: 0 },

    plans: (active: boolean, customerId: number | null) => plans.all({ active: active ? 1 : 0, customerId }),
    planById: (id: number) => planById.get(id),
    actionsOf: (planId: number) => actionsOf.all(planId),
    actionById: (id: number) => actionById.get(id),
    linksOf: (planId: number) => linksOf.all(planId),
    insertPlan: (p: { title: string; dimension: string | null; reason: string; customerId: number | null; actor: string; at: string }) => Number(insertPlan.run(p).lastInsertRowid),
    insertLink: (planId: number, source: 'survey' | 'complaint', sourceId: number) => insertLink.run(planId, source, sourceId),
    /** A customer's complaints opened from `fromDay` up to (not including) `untilDay`. */
    complaintsBetween: (customerId: number, fromDay: string, untilDay: string): number[] => complaintsBetween.all(customerId, fromDay, untilDay),
    planOfSource: (source: 'survey' | 'complaint', sourceId: number) => planOfSource.get(source, sourceId) ?? null,
    monthPlan: (dimension: string, month: string) => monthPlan.get(dimension, month) ?? null,
    insertAction: (a: { planId: number; measure: string; ownerId: number | null; dueDate: string | null; resources: string; acceptance: string; at: string }) =>
      Number(insertAction.run(a).lastInsertRowid),
    setActionStatus: (id: number, status: ActionStatus, doneOn: string | null, at: string) => setActionStatus.run(status, doneOn, at, id),
    setPlanStatus: (id: number, status: PlanStatus, closedAt: string | null, at: string) => setPlanStatus.run(status, closedAt, at, id),
    staffExists: (id: number) => staffExists.get(id) === 1,
  };
}

export type SurveyQueries = ReturnType<typeof surveyQueries>;
