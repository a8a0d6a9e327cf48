import type { ColDef, IRowNode, ValueGetterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { lifecycleStages, type LifecycleStage } from '../../../shared/analytics/lifecycle';
import { quadrants, type Quadrant } from '../../../shared/analytics/quadrant';
import { profileCompleteness, type CompletenessRules } from '../../../shared/domain/completeness';
import type { CustomerRow } from '../../../shared/domain/customer';
import { yearsBetween } from '../../../shared/domain/dates';
import { customerKinds, customerStatuses, tiers } from '../../../shared/domain/enums';
import { loyaltyLevels, type LoyaltyLevel } from '../../../shared/domain/loyalty';
import { centsToYuan, formatMoney } from '../../../shared/domain/money';
import type { StaffOption } from '../../../shared/domain/profile';
import type { Language } from '../../../shared/i18n/language';
import { quadrantLabel } from '../../../shared/i18n/segmentLabels';
import type { Messages } from '../../../shared/i18n/zh-CN';
import { OpenProfileCell, type OpenProfileTexts } from './cells';
import { DateTextEditor } from './dateEditor';
import { byValueOnly } from './fastSort';
import { noSearch } from './quickSearch';

/**
 * Data the columns read when a cell is computed, not when the columns are built: the grid
 * keeps one object, updates it and refreshes the cells that use it, instead of rebuilding
 * every column (and re-reading 100,000 rows) when the list or the staff arrive.
 */
export interface ColumnData {
  /** The day the list was computed for; years of cooperation count up to it. */
  asOf: string | null;
  staff: readonly StaffOption[];
  rules: CompletenessRules;
}

/** Columns that read ColumnData, to refresh when it changes. */
export const columnDataColumns = ['years', 'owner', 'completeness'];

export interface ColumnOptions {
  t: TFunction;
  language: Language;
  data: ColumnData;
}

type Row = ValueGetterParams<CustomerRow>;
type Column = ColDef<CustomerRow>;

/**
 * The quick search looks at what identifies a customer (code, name and its pinyin, industry,
 * region, owner, contact, phone, email, tags); figures, dates and codes are left to the column
 * filters (`noSearch`, which quickSearch.ts skips without computing the value), which also
 * keeps the search index small at 100,000 rows.
 */

/** Sorts a closed vocabulary in its domain order (e.g. prospect → active → dormant → lost), blanks last. */
function vocabularyComparator(order: readonly string[]) {
  const rank = (value: unknown) => {
    const i = typeof value === 'string' ? order.indexOf(value) : -1;
    return i === -1 ? order.length : i;
  };
  // Looks at the values alone, so the grid's sort ranks the few distinct values instead of comparing rows.
  return byValueOnly((a: unknown, b: unknown) => rank(a) - rank(b));
}

/**
 * A column holding a vocabulary value (kind, status, tier): it keeps the stored
 * value for sorting but shows, filters and quick-filters on the translated label,
 * and edits with a list of the allowed values ('' = none, where the field may be empty).
 */
function vocabularyColumn(field: 'kind' | 'status' | 'tierOverride', order: readonly string[], label: (value: string) => string, nullable: boolean): Column {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? label(value) : '');
  return {
    field,
    cellDataType: 'text',
    valueFormatter: (p) => text(p.value),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p: Row) => (p.data ? text(p.data[field]) : ''),
    getQuickFilterText: noSearch,
    comparator: vocabularyComparator(order),
    editable: true,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: nullable ? ['', ...order] : [...order] },
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

const text = (field: 'name' | 'industry' | 'region' | 'phone' | 'email' | 'address', width: number): Column => ({ field, cellDataType: 'text', width, editable: true });

/**
 * The customer grid's columns, one entry each, in the language given. Rebuild when the
 * language changes; when `data` changes, refresh the cells of `columnDataColumns`. Columns computed by other areas
 * (computed tier, value–potential quadrant, lifecycle stage, predicted value, open warnings)
 * are added as entries here once their data is part of CustomerRow.
 */
export function customerColumns({ t, language, data }: ColumnOptions): Column[] {
  let names: { of: readonly StaffOption[] | null; byId: Map<number, string> } = { of: null, byId: new Map() };
  const staffName = (id: number) => {
    if (names.of !== data.staff) names = { of: data.staff, byId: new Map(data.staff.map((s) => [s.id, s.name])) };
    return names.byId.get(id);
  };
  const ownerLabel = (id: unknown, rowName: string | null | undefined) => (typeof id === 'number' ? (staffName(id) ?? rowName ?? '') : '');
  const h = (key: keyof Messages['customers']['columns']) => t(`customers.columns.${key}`);
  const p = (key: keyof Messages['profiles']['columns']) => t(`profiles.columns.${key}`);
  // Looked up once, not once per row and read (sorting, search and scrolling read cells often).
  const contactSeparator = t('customers.contactSeparator');
  const tagSeparator = t('customers.tagSeparator');
  const columns: (Column & { colId?: string })[] = [
    {
      colId: 'open',
      headerName: '',
      cellRenderer: OpenProfileCell,
      cellRendererParams: { title: t('profiles.open'), label: (name: string) => t('profiles.openNamed', { name }) } satisfies OpenProfileTexts,
      width: 56,
      minWidth: 56,
      maxWidth: 56,
      pinned: 'left',
      sortable: false,
      filter: false,
      resizable: false,
      suppressMovable: true,
      getQuickFilterText: noSearch,
    },
    { field: 'code', headerName: h('code'), cellDataType: 'text', width: 110 },
    {
      ...text('name', 220),
      headerName: h('name'),
      pinned: 'left',
      // 张三 is found by "zs" and "zhangsan": the row carries the pinyin keys, computed once in main.
      getQuickFilterText: (q) => `${q.data.name} ${q.data.pinyin}`,
    },
    { ...vocabularyColumn('kind', customerKinds, (v) => t(`customers.kind.${v as (typeof customerKinds)[number]}`), false), headerName: h('kind'), width: 100 },
    { ...text('industry', 130), headerName: h('industry') },
    { ...text('region', 110), headerName: h('region') },
    {
      colId: 'owner',
      field: 'ownerId',
      headerName: h('owner'),
      cellDataType: 'text',
      // The row carries the owner's name from main; the staff list (loaded beside the rows) names an owner just picked in the editor.
      valueFormatter: (q) => ownerLabel(q.value, q.data?.ownerName),
      filter: 'agTextColumnFilter',
      filterValueGetter: (q: Row) => q.data?.ownerName ?? '',
      getQuickFilterText: (q) => q.data.ownerName ?? '',
      comparator: (a: unknown, b: unknown, nodeA: IRowNode<CustomerRow>, nodeB: IRowNode<CustomerRow>) => ownerLabel(a, nodeA.data?.ownerName).localeCompare(ownerLabel(b, nodeB.data?.ownerName), language),
      editable: true,
      cellEditor: 'agSelectCellEditor',
      // 0 stands for "no owner" in the list; the edit turns it into null.
      cellEditorParams: () => ({ values: [0, ...data.staff.map((s) => s.id)] }),
      width: 110,
    },
    {
      field: 'cooperationStart',
      headerName: p('cooperationStart'),
      cellDataType: 'dateString',
      filter: 'agDateColumnFilter',
      editable: true,
      cellEditor: DateTextEditor,
      // The text goes to the check as typed: the date type's own parser turns anything but YYYY-MM-DD into null.
      valueParser: (q) => q.newValue as unknown,
      getQuickFilterText: noSearch,
      width: 130,
    },
    {
      colId: 'years',
      headerName: h('years'),
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      valueGetter: (q: Row) => yearsOfCooperation(q.data, data.asOf),
      getQuickFilterText: noSearch,
      // Typing whole years sets the cooperation start (grid/editing.ts).
      editable: true,
      cellEditor: 'agNumberCellEditor',
      // No rounding or clamping in the editor: the shared schema refuses what is not whole years, with a message.
      cellEditorParams: { showStepperButtons: false },
      width: 150,
    },
    {
      colId: 'contact',
      headerName: h('contact'),
      cellDataType: 'text',
      valueGetter: (q: Row) => {
        const name = q.data?.contactName;
        if (!name) return null;
        const title = q.data?.contactTitle;
        return title ? `${name}${contactSeparator}${title}` : name;
      },
      // The quick search finds a customer by its contact's name, phone or email too.
      getQuickFilterText: (q) => [q.value, q.data.contactPhone, q.data.phone, q.data.email].filter(Boolean).join(' '),
      width: 180,
    },
    { ...text('phone', 140), headerName: p('phone') },
    { ...text('email', 180), headerName: p('email'), hide: true },
    {
      colId: 'tags',
      headerName: h('tags'),
      cellDataType: 'text',
      valueGetter: (q: Row) => (q.data?.tags.length ? q.data.tags.join(tagSeparator) : null),
      editable: true,
      width: 180,
    },
    {
      colId: 'total',
      field: 'totalCents',
      headerName: h('total'),
      cellDataType: 'number',
      type: 'rightAligned',
      // Sorting uses the integer cents; the filter works in yuan, as staff think of amounts.
      valueFormatter: (q) => (typeof q.value === 'number' ? formatMoney(q.value, language) : ''),
      filter: 'agNumberColumnFilter',
      filterValueGetter: (q: Row) => (q.data ? centsToYuan(q.data.totalCents) : null),
      getQuickFilterText: noSearch,
      width: 140,
    },
    { field: 'orderCount', headerName: h('orderCount'), cellDataType: 'number', type: 'rightAligned', filter: 'agNumberColumnFilter', getQuickFilterText: noSearch, width: 90 },
    { field: 'lastOrderDate', headerName: h('lastOrderDate'), cellDataType: 'dateString', filter: 'agDateColumnFilter', getQuickFilterText: noSearch, width: 120 },
    { ...vocabularyColumn('tierOverride', tiers, (v) => t(`customers.tier.${v as (typeof tiers)[number]}`), true), headerName: h('tierOverride'), width: 150 },
    { ...vocabularyColumn('status', customerStatuses, (v) => t(`customers.status.${v as (typeof customerStatuses)[number]}`), false), headerName: h('status'), width: 100 },
    {
      colId: 'completeness',
      headerName: p('completeness'),
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      // Percent, so the filter and the built-in "incomplete profiles" view work in whole numbers.
      valueGetter: (q: Row) => (q.data ? Math.round(profileCompleteness(q.data, data.rules).score * 100) : null),
      valueFormatter: (q) => (typeof q.value === 'number' ? `${q.value}%` : ''),
      getQuickFilterText: noSearch,
      width: 120,
    },
    // From the latest segmentation run; the tier shows the manual override when there is one.
    {
      colId: 'tier',
      field: 'effectiveTier',
      headerName: h('tier'),
      cellDataType: 'text',
      valueFormatter: (q) => (typeof q.value === 'string' ? t(`customers.tier.${q.value as (typeof tiers)[number]}`) + (q.data?.tierOverride ? ` ${t('customers.overriddenMark')}` : '') : ''),
      filter: 'agTextColumnFilter',
      filterValueGetter: (q: Row) => (q.data?.effectiveTier ? t(`customers.tier.${q.data.effectiveTier}`) : ''),
      getQuickFilterText: noSearch,
      comparator: vocabularyComparator(tiers),
      width: 170,
    },
    {
      field: 'quadrant',
      headerName: h('quadrant'),
      cellDataType: 'text',
      valueFormatter: (q) => (typeof q.value === 'string' ? quadrantLabel(t, q.value as Quadrant) : ''),
      filter: 'agTextColumnFilter',
      filterValueGetter: (q: Row) => (q.data?.quadrant ? quadrantLabel(t, q.data.quadrant) : ''),
      getQuickFilterText: noSearch,
      comparator: vocabularyComparator(quadrants),
      width: 230,
    },
    {
      field: 'lifecycle',
      headerName: h('lifecycle'),
      cellDataType: 'text',
      valueFormatter: (q) => (typeof q.value === 'string' ? t(`segments.lifecycle.${q.value as LifecycleStage}`) : ''),
      filter: 'agTextColumnFilter',
      filterValueGetter: (q: Row) => (q.data?.lifecycle ? t(`segments.lifecycle.${q.data.lifecycle}`) : ''),
      getQuickFilterText: noSearch,
      comparator: vocabularyComparator(lifecycleStages),
      width: 130,
    },
    {
      colId: 'predicted',
      field: 'predictedCents',
      headerName: h('predicted'),
      cellDataType: 'number',
      type: 'rightAligned',
      valueFormatter: (q) => (typeof q.value === 'number' ? formatMoney(q.value, language) : ''),
      filter: 'agNumberColumnFilter',
      filterValueGetter: (q: Row) => (q.data?.predictedCents == null ? null : centsToYuan(q.data.predictedCents)),
      getQuickFilterText: noSearch,
      width: 200,
    },
    {
      colId: 'openWarnings',
      field: 'openWarnings',
      headerName: t('warnings.profile.title'),
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      getQuickFilterText: noSearch,
      valueFormatter: (q) => (typeof q.value === 'number' && q.value > 0 ? String(q.value) : ''),
      // Most warnings first; among equal counts the earliest follow-up due comes first.
      sortingOrder: ['desc', 'asc', null],
      comparator: (a: number, b: number, na: IRowNode<CustomerRow>, nb: IRowNode<CustomerRow>) => a - b || (nb.data?.warningDue ?? '').localeCompare(na.data?.warningDue ?? ''),
      width: 110,
    },
    {
      colId: 'loyaltyLevel',
      field: 'loyaltyLevel',
      headerName: t('loyalty.columns.level'),
      cellDataType: 'text',
      valueFormatter: (q) => (typeof q.value === 'string' ? t(`loyalty.level.${q.value as LoyaltyLevel}`) : ''),
      filter: 'agTextColumnFilter',
      filterValueGetter: (q: Row) => (q.data ? t(`loyalty.level.${q.data.loyaltyLevel}`) : ''),
      getQuickFilterText: noSearch,
      comparator: vocabularyComparator(loyaltyLevels),
      width: 120,
    },
    { colId: 'pointsBalance', field: 'pointsBalance', headerName: t('loyalty.columns.points'), cellDataType: 'number', type: 'rightAligned', filter: 'agNumberColumnFilter', getQuickFilterText: noSearch, width: 110 },
    { colId: 'referralCount', field: 'referralCount', headerName: t('loyalty.columns.referrals'), cellDataType: 'number', type: 'rightAligned', filter: 'agNumberColumnFilter', getQuickFilterText: noSearch, width: 100, hide: true },
  ];
  return columns;
}

export const defaultCustomerColDef: ColDef<CustomerRow> = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 56,
};
