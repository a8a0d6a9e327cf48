import type { Paper } from '../../../shared/print/contract';

/** Sub-routes of the visits area: `#/visits/<tab>`; `#/visits?customer=<id>` opens the planning form for one customer. */
export const visitTabs = ['list', 'calendar', 'plan', 'templates'] as const;
export type VisitTab = (typeof visitTabs)[number];

export interface VisitRoute {
  tab: VisitTab;
  customerId: number | null;
  /** Plan for the customers selected in the grid (`?selection=1`). */
  selection: boolean;
}

function split(hash: string): { parts: string[]; query: URLSearchParams } {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  return { parts: (q < 0 ? body : body.slice(0, q)).split('/'), query: new URLSearchParams(q < 0 ? '' : body.slice(q + 1)) };
}

export function visitRouteFromHash(hash: string): VisitRoute {
  const { parts, query } = split(hash);
  const customer = Number(query.get('customer'));
  const customerId = Number.isInteger(customer) && customer > 0 ? customer : null;
  const selection = query.get('selection') === '1';
  const tab = (visitTabs as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as VisitTab) : customerId !== null || selection ? 'plan' : 'list';
  return { tab, customerId, selection };
}

export const visitsHref = (tab: VisitTab): string => `#/visits/${tab}`;
export const planForCustomerHref = (id: number): string => `#/visits?customer=${id}`;
export const planForSelectionHref = '#/visits/plan?selection=1';

/** A print layout route: `#/print/<layout>?…` (rendered without the app shell). */
export interface PrintRoute {
  layout: string;
  query: URLSearchParams;
  paper: Paper;
}

export function printRouteFromHash(hash: string): PrintRoute | null {
  const { parts, query } = split(hash);
  if (parts[0] !== 'print' || !parts[1]) return null;
  return { layout: parts[1], query, paper: query.get('paper') === 'Letter' ? 'Letter' : 'A4' };
}

/** The visit sheets of these plans, one per page, in this order. */
export const visitSheetsRoute = (planIds: readonly number[], paper: Paper = 'A4'): string => `#/print/visit-sheets?plans=${planIds.join(',')}&paper=${paper}`;
