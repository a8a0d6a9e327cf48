import type { ViewState } from '../../../shared/domain/views';

export const builtInViewIds = ['all', 'mine', 'atRisk', 'highValue', 'incomplete'] as const;
export type BuiltInViewId = (typeof builtInViewIds)[number];

/**
 * The views every user has. Like saved views they filter vocabulary columns by code
 * (dormant, high); applying a view turns codes into the UI language's labels.
 * `columns: []` keeps the user's column layout.
 */
export function builtInView(id: BuiltInViewId, user: string): ViewState {
  switch (id) {
    case 'all':
      return { columns: [], filter: {} };
    case 'mine':
      return { columns: [], filter: { owner: { filterType: 'text', type: 'equals', filter: user } } };
    case 'atRisk':
      return {
        columns: [{ colId: 'lastOrderDate', sort: 'asc', sortIndex: 0 }],
        filter: {
          status: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'equals', filter: 'dormant' }, { filterType: 'text', type: 'equals', filter: 'lost' }] },
        },
      };
    case 'highValue':
      return { columns: [{ colId: 'total', sort: 'desc', sortIndex: 0 }], filter: { tier: { filterType: 'text', type: 'equals', filter: 'high' } } };
    case 'incomplete':
      return { columns: [{ colId: 'completeness', sort: 'asc', sortIndex: 0 }], filter: { completeness: { filterType: 'number', type: 'lessThan', filter: 100 } } };
  }
}
