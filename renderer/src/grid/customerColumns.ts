import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../shared/domain/customer';
import { yearsBetween } from '../../../shared/domain/dates';
import { customerKinds, customerStatuses, tiers } from '../../../shared/domain/enums';
import { centsToYuan, formatMoney } from '../../../shared/domain/money';
import type { Language } from '../../../shared/i18n/language';

interface ColumnOptions {
  t: TFunction;
  language: Language;
  /** The day the list was computed for; years of cooperation count up to it. */
  asOf: string | null;
}

type Row = ValueGetterParams<CustomerRow>;

/** Sorts a closed vocabulary in its domain order (e.g. prospect → active → dormant → lost), blanks last. */
function vocabularyComparator(order: readonly string[]) {
  const rank = (value: unknown) => {
    const i = typeof value === 'string' ? order.indexOf(value) : -1;
    return i === -1 ? order.length : i;
  };
  return (a: unknown, b: unknown) => rank(a) - rank(b);
}

/**
 * A column holding a vocabulary value (kind, status, tier): it keeps the stored
 * value for sorting but shows, filters and quick-filters on the translated label.
 */
function vocabularyColumn(
  field: 'kind' | 'status' | 'tierOverride',
  order: readonly string[],
  label: (value: string) => string,
): ColDef<CustomerRow> {
  const text = (value: unknown) => (typeof value === 'string' ? label(value) : '');
  return {
    field,
    cellDataType: 'text',
    valueFormatter: (p) => text(p.value),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p: Row) => (p.data ? text(p.data[field]) : ''),
    getQuickFilterText: (p) => text(p.value),
    comparator: vocabularyComparator(order),
  };
}

/** Whole years of cooperation; a malformed start date shows as blank rather than breaking the grid. */
function yearsOfCooperation(row: CustomerRow | undefined, asOf: string | null): number | null {
  if (!row || !asOf) return null;
  try {
    return yearsBetween(row.cooperationStart, asOf);
  } catch {
    return null;
  }
}

/** The customer grid's columns, in the language given. Rebuild when the language or `asOf` changes. */
export function customerColumns({ t, language, asOf }: ColumnOptions): ColDef<CustomerRow>[] {
  return [
    { field: 'code', headerName: t('customers.columns.code'), cellDataType: 'text', width: 120 },
    { field: 'name', headerName: t('customers.columns.name'), cellDataType: 'text', pinned: 'left', width: 220 },
    {
      ...vocabularyColumn('kind', customerKinds, (v) => t(`customers.kind.${v as (typeof customerKinds)[number]}`)),
      headerName: t('customers.columns.kind'),
      width: 100,
    },
    { field: 'industry', headerName: t('customers.columns.industry'), cellDataType: 'text', width: 130 },
    { field: 'region', headerName: t('customers.columns.region'), cellDataType: 'text', width: 120 },
    { colId: 'owner', field: 'ownerName', headerName: t('customers.columns.owner'), cellDataType: 'text', width: 110 },
    {
      colId: 'years',
      headerName: t('customers.columns.years'),
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      valueGetter: (p: Row) => yearsOfCooperation(p.data, asOf),
      width: 150,
    },
    {
      colId: 'contact',
      headerName: t('customers.columns.contact'),
      cellDataType: 'text',
      valueGetter: (p: Row) => {
        const name = p.data?.contactName;
        if (!name) return null;
        const title = p.data?.contactTitle;
        return title ? `${name}${t('customers.contactSeparator')}${title}` : name;
      },
      width: 190,
    },
    {
      colId: 'tags',
      headerName: t('customers.columns.tags'),
      cellDataType: 'text',
      valueGetter: (p: Row) => (p.data?.tags.length ? p.data.tags.join(t('customers.tagSeparator')) : null),
      width: 200,
    },
    {
      colId: 'total',
      field: 'totalCents',
      headerName: t('customers.columns.total'),
      cellDataType: 'number',
      type: 'rightAligned',
      // Sorting uses the integer cents; the filter works in yuan, as staff think of amounts.
      valueFormatter: (p) => (typeof p.value === 'number' ? formatMoney(p.value, language) : ''),
      filter: 'agNumberColumnFilter',
      filterValueGetter: (p: Row) => (p.data ? centsToYuan(p.data.totalCents) : null),
      getQuickFilterText: (p) => (typeof p.value === 'number' ? formatMoney(p.value, language) : ''),
      width: 150,
    },
    {
      field: 'orderCount',
      headerName: t('customers.columns.orderCount'),
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      width: 100,
    },
    {
      field: 'lastOrderDate',
      headerName: t('customers.columns.lastOrderDate'),
      cellDataType: 'dateString',
      filter: 'agDateColumnFilter',
      width: 130,
    },
    {
      ...vocabularyColumn('tierOverride', tiers, (v) => t(`customers.tier.${v as (typeof tiers)[number]}`)),
      headerName: t('customers.columns.tierOverride'),
      width: 170,
    },
    {
      ...vocabularyColumn('status', customerStatuses, (v) => t(`customers.status.${v as (typeof customerStatuses)[number]}`)),
      headerName: t('customers.columns.status'),
      width: 110,
    },
  ];
}

export const defaultCustomerColDef: ColDef<CustomerRow> = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 80,
};
