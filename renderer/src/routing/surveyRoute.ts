/** Sub-routes of the surveys area: `#/surveys/<tab>`; `#/surveys/entry?customer=<id>` starts a phone survey for one customer. */
export const surveyTabs = ['entry', 'forms', 'results', 'plans', 'templates'] as const;
export type SurveyTab = (typeof surveyTabs)[number];

export interface SurveyRoute {
  tab: SurveyTab;
  customerId: number | null;
  /** Forms for the customers selected in the grid (`?selection=1`). */
  selection: boolean;
}

export function surveyRouteFromHash(hash: string): SurveyRoute {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const parts = (q < 0 ? body : body.slice(0, q)).split('/');
  const query = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const customer = Number(query.get('customer'));
  const tab = (surveyTabs as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as SurveyTab) : 'entry';
  return { tab, customerId: Number.isInteger(customer) && customer > 0 ? customer : null, selection: query.get('selection') === '1' };
}

export const surveysHref = (tab: SurveyTab): string => `#/surveys/${tab}`;
export const phoneSurveyHref = (customerId: number): string => `#/surveys/entry?customer=${customerId}`;
export const surveyFormsForSelectionHref = '#/surveys/forms?selection=1';
/** The printed forms of a batch (or of given forms), one A4 page each. */
export const surveyFormsRoute = (by: { batch: string } | { forms: readonly number[] }, paper: 'A4' | 'Letter' = 'A4'): string =>
  'batch' in by ? `#/print/survey-forms?batch=${encodeURIComponent(by.batch)}&paper=${paper}` : `#/print/survey-forms?forms=${by.forms.join(',')}&paper=${paper}`;
