import type { ViewState } from '../../../shared/domain/views';

export const builtInViewIds = ['all', 'mine', 'atRisk', 'highValue', 'incomplete'] as const;
export type BuiltInViewId = (typeof builtInViewIds)[number];

/**
 * The views every user has. Filters use the translated labels the grid filters on
 * (vocabulary columns filter by label), so they are built in the current language.
 * `columns: []` keeps the user's column layout.
 */
export function builtInView(id: BuiltInViewId, labels: { user: string; dormant: string; lost: string; high: string }): ViewState {
  switch (id) {
    case 'all':
      return { columns: [], filter: {} };
    case 'mine':
      return { columns: [], filter: { owner: { filterType: 'text', type: 'equals', filter: labels.user } } };
    case 'atRisk':
      return {
        columns: [{ colId: 'lastOrderDate', sort: 'asc', sortIndex: 0 }],
        filter: {
          status: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'equals', filter: labels.dormant }, { filterType: 'text', type: 'equals', filter: labels.lost }] },
        },
      };
    case 'highValue':
      return { columns: [{ colId: 'total', sort: 'desc', sortIndex: 0 }], filter: { tier: { filterType: 'text', type: 'equals', filter: labels.high } } };
    case 'incomplete':
      return { columns: [{ colId: 'completeness', sort: 'asc', sortIndex: 0 }], filter: { completeness: { filterType: 'number', type: 'lessThan', filter: 100 } } };
  }
}
