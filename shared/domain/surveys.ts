import { z } from 'zod';
import { isIsoDate } from './dates';
import { segmentSelectorSchema } from './segments';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

export const questionKinds = ['score5', 'nps', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
const surveyChannels = ['paper', 'phone', 'screen'] as const;
export type SurveyChannel = (typeof surveyChannels)[number];
/** The language a form is printed / asked in (the database's spelling). */
const formLanguages = ['zh-CN', 'en-US'] as const;
export type FormLanguage = (typeof formLanguages)[number];
export const planStatuses = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const actionStatuses = ['todo', 'doing', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

const surveyQuestionSchema = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(questionKinds),
  dimension: z.string().nullable(),
  textZh: z.string(),
  textEn: z.string(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyTemplateSchema = z.object({
  id,
  key: z.string(),
  version: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  questions: z.array(surveyQuestionSchema),
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

const questionDraftSchema = z
  .object({
    kind: z.enum(questionKinds),
    /** Stable key of a 5-point dimension across versions (e.g. 'quality'); null for nps/text. */
    dimension: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/).nullable(),
    textZh: text(300),
    textEn: text(300),
  })
  .strict()
  .refine((q) => (q.kind === 'score5') === (q.dimension !== null), { message: 'a 5-point question needs a dimension key; other kinds have none', path: ['dimension'] });
export type QuestionDraft = z.infer<typeof questionDraftSchema>;

export const saveTemplateRequestSchema = z
  .object({
    /** null: a new template; else the key whose next version this is. */
    key: z.string().min(1).max(100).nullable(),
    nameZh: text(200),
    nameEn: text(200),
    questions: z
      .array(questionDraftSchema)
      .min(1)
      .max(40)
      .refine((qs) => qs.filter((q) => q.kind === 'nps').length <= 1, { message: 'at most one NPS question' })
      .refine((qs) => new Set(qs.flatMap((q) => (q.dimension ? [q.dimension] : []))).size === qs.filter((q) => q.dimension).length, { message: 'each dimension may appear once' }),
  })
  .strict();
export type SaveTemplateRequest = z.infer<typeof saveTemplateRequestSchema>;

export const surveyFormSchema = z.object({
  id,
  formNo: z.string(),
  templateId: id,
  templateKey: z.string(),
  templateVersion: z.number().int(),
  templateName: z.string(),
  customerId: id,
  customerName: z.string(),
  customerCode: z.string(),
  channel: z.enum(surveyChannels),
  language: z.enum(formLanguages),
  issuedOn: z.string(),
  sentAt: z.string().nullable(),
  batchId: z.string().nullable(),
  /** The response's id and day; null while the form has not come back. */
  responseId: z.number().int().nullable(),
  respondedOn: z.string().nullable(),
  meanScore: z.number().nullable(),
  nps: z.number().int().nullable(),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

const issueTargetSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('ids'), ids: z.array(id).min(1).max(5000) }).strict(),
  z.object({ by: z.literal('segment'), selector: segmentSelectorSchema }).strict(),
  /** Customer codes as typed (one list, commas or lines). */
  z.object({ by: z.literal('codes'), codes: z.array(z.string().trim().min(1).max(60)).min(1).max(5000) }).strict(),
]);

export const issueRequestSchema = z
  .object({
    target: issueTargetSchema,
    templateKey: z.string().min(1).max(100),
    language: z.enum(formLanguages),
    /** The date printed on the forms; today when left out. */
    issuedOn: isoDate.nullable().default(null),
  })
  .strict();
export type IssueRequest = z.input<typeof issueRequestSchema>;
export const issueResultSchema = z.object({ batchId: z.string(), count: z.number().int(), formIds: z.array(z.number().int()) });
export type IssueResult = z.infer<typeof issueResultSchema>;

/** At most this many forms per printed batch (one page each). */
export const MAX_BATCH = 5000;

export const formListRequestSchema = z
  .object({
    customerId: id.nullable().default(null),
    batchId: z.string().max(100).nullable().default(null),
    state: z.enum(['all', 'open', 'responded']).default('all'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type FormListRequest = z.input<typeof formListRequestSchema>;

const answerSchema = z.object({ questionId: id, score: z.number().int().min(1).max(5).nullable(), text: z.string().nullable() });
export type Answer = z.infer<typeof answerSchema>;

const surveyResponseSchema = z.object({
  id,
  formId: id,
  respondedOn: z.string(),
  nps: z.number().int().nullable(),
  meanScore: z.number().nullable(),
  minScore: z.number().int().nullable(),
  enteredBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  answers: z.array(answerSchema),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/** What quick entry shows after a form number: the form, its questions and the first entry, if any. */
export const formLookupSchema = z.object({ form: surveyFormSchema, questions: z.array(surveyQuestionSchema), response: surveyResponseSchema.nullable() });
export type FormLookup = z.infer<typeof formLookupSchema>;

export const enterRequestSchema = z
  .object({
    formNo: z.string().trim().min(1).max(40),
    /** score5 question id → 1–5 (left out: not answered). */
    scores: z.array(z.object({ questionId: id, score: z.number().int().min(1).max(5) }).strict()).max(40),
    nps: z.number().int().min(0).max(10).nullable(),
    texts: z.array(z.object({ questionId: id, text: z.string().trim().min(1).max(4000) }).strict()).max(10).default([]),
    respondedOn: isoDate.nullable().default(null),
    /** A second entry of a form is refused unless it is meant as a correction of the first. */
    correct: z.boolean().default(false),
  })
  .strict();
export type EnterRequest = z.input<typeof enterRequestSchema>;

export const enterResultSchema = z.object({
  response: surveyResponseSchema,
  corrected: z.boolean(),
  /** Improvement plans this entry started (ids). */
  plansStarted: z.array(z.number().int()),
});
export type EnterResult = z.infer<typeof enterResultSchema>;

export const phoneFormRequestSchema = z
  .object({ customerId: id.nullable().default(null), customerCode: z.string().trim().max(60).nullable().default(null), templateKey: z.string().min(1).max(100), language: z.enum(formLanguages) })
  .strict();
export type PhoneFormRequest = z.input<typeof phoneFormRequestSchema>;

export const printFormsRequestSchema = z
  .object({ ids: z.array(id).max(MAX_BATCH).default([]), batchId: z.string().max(100).nullable().default(null) })
  .strict();
const printFormSchema = z.object({ form: surveyFormSchema, questions: z.array(surveyQuestionSchema), templateNameZh: z.string(), templateNameEn: z.string() });
export type PrintForm = z.infer<typeof printFormSchema>;
export const printFormsSchema = z.object({ businessName: z.string(), forms: z.array(printFormSchema) });
export type PrintForms = z.infer<typeof printFormsSchema>;

const csatSchema = z.object({ n: z.number().int(), mean: z.number().nullable(), goodShare: z.number().nullable() });
const npsSchema = z.object({ n: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), score: z.number().nullable() });

export const resultsRequestSchema = z
  .object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) })
  .strict();
export type ResultsRequest = z.input<typeof resultsRequestSchema>;

const resultGroupSchema = z.object({ key: z.string(), csat: csatSchema, nps: npsSchema, responses: z.number().int() });
export const surveyResultsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  sent: z.number().int(),
  responded: z.number().int(),
  responseRate: z.number().nullable(),
  overall: csatSchema,
  nps: npsSchema,
  dimensions: z.array(z.object({ dimension: z.string(), nameZh: z.string(), nameEn: z.string(), csat: csatSchema })),
  byMonth: z.array(resultGroupSchema.extend({ sent: z.number().int(), responseRate: z.number().nullable() })),
  byTier: z.array(resultGroupSchema),
  /** The customers with the lowest mean score first. */
  byCustomer: z.array(resultGroupSchema.extend({ customerId: z.number().int(), customerName: z.string() })),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

const improvementActionSchema = z.object({
  id,
  planId: id,
  measure: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  resources: z.string(),
  acceptance: z.string(),
  status: z.enum(actionStatuses),
  doneOn: z.string().nullable(),
});
export type ImprovementAction = z.infer<typeof improvementActionSchema>;

export const improvementPlanSchema = z.object({
  id,
  title: z.string(),
  dimension: z.string().nullable(),
  reason: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  status: z.enum(planStatuses),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  actions: z.array(improvementActionSchema),
  links: z.array(z.object({ source: z.enum(['survey', 'complaint']), sourceId: z.number().int(), label: z.string() })),
  /** done / all actions not cancelled (0–1); null without actions. */
  progress: z.number().nullable(),
});
export type ImprovementPlan = z.infer<typeof improvementPlanSchema>;

export const actionDraftSchema = z
  .object({
    planId: id,
    measure: text(500),
    ownerId: id.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    resources: z.string().trim().max(500).default(''),
    acceptance: z.string().trim().max(500).default(''),
  })
  .strict();
export type ActionDraft = z.input<typeof actionDraftSchema>;

export const actionStatusRequestSchema = z.object({ id, status: z.enum(actionStatuses) }).strict();
export const planStatusRequestSchema = z.object({ id, status: z.enum(planStatuses) }).strict();
export const planListRequestSchema = z.object({ state: z.enum(['active', 'all']).default('active'), customerId: id.nullable().default(null) }).strict();
