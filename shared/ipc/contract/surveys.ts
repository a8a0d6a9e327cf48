import { z } from 'zod';
import {
  actionDraftSchema,
  actionStatusRequestSchema,
  enterRequestSchema,
  enterResultSchema,
  formListRequestSchema,
  formLookupSchema,
  improvementPlanSchema,
  issueRequestSchema,
  issueResultSchema,
  phoneFormRequestSchema,
  planListRequestSchema,
  planStatusRequestSchema,
  printFormsRequestSchema,
  printFormsSchema,
  resultsRequestSchema,
  saveTemplateRequestSchema,
  surveyFormSchema,
  surveyResultsSchema,
  surveyTemplateSchema,
} from '../../domain/surveys';
import { call, empty, language, read } from './define';

const lang = language.default('zh-CN');
const formTables = ['survey_forms', 'survey_responses'];

/** Satisfaction surveys: templates, issued forms, entry of answers, results, improvement plans. */
export const surveysContract = {
  'surveys:templates': read(empty, z.object({ templates: z.array(surveyTemplateSchema) }), ['survey_templates']),
  'surveys:templateVersions': call(z.object({ key: z.string().min(1).max(100) }).strict(), z.object({ versions: z.array(surveyTemplateSchema) })),
  'surveys:saveTemplate': call(saveTemplateRequestSchema, surveyTemplateSchema),
  'surveys:issue': call(issueRequestSchema, issueResultSchema),
  'surveys:phoneForm': call(phoneFormRequestSchema.extend({ lang }).strict(), surveyFormSchema),
  'surveys:forms': read(formListRequestSchema.extend({ lang }).strict(), z.object({ forms: z.array(surveyFormSchema) }), formTables),
  'surveys:lookup': call(z.object({ formNo: z.string().trim().min(1).max(40), lang }).strict(), formLookupSchema),
  'surveys:enter': call(enterRequestSchema.extend({ lang }).strict(), enterResultSchema),
  'surveys:printForms': call(printFormsRequestSchema.extend({ lang }).strict(), printFormsSchema),
  'surveys:results': read(resultsRequestSchema, surveyResultsSchema, formTables),
  'surveys:plans': read(planListRequestSchema, z.object({ plans: z.array(improvementPlanSchema) }), ['improvement_plans', 'improvement_actions', 'improvement_links']),
  'surveys:addAction': call(actionDraftSchema, improvementPlanSchema),
  'surveys:setActionStatus': call(actionStatusRequestSchema, improvementPlanSchema),
  'surveys:setPlanStatus': call(planStatusRequestSchema, improvementPlanSchema),
};
