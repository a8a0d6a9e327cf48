import type { CellClassParams, CellEditRequestEvent, ColDef, Column, FirstDataRenderedEvent, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, ModelUpdatedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessRules } from '../../../shared/domain/completeness';
import type { CustomerRow } from '../../../shared/domain/customer';
import type { StaffOption } from '../../../shared/domain/profile';
import type { Language } from '../../../shared/i18n/language';
import { invoke } from '../api/client';
import { gridLocaleText, gridTheme } from '../grid/agGrid';
import { copyText, selectionAsTsv } from '../grid/copy';
import { columnDataColumns, customerColumns, defaultCustomerColDef, type ColumnData } from '../grid/customerColumns';
import { checkEdit, type EditProblem } from '../grid/editing';
import type { RowPatch } from '../grid/mergeRows';
import { RowSorter, withOneReadSort } from '../grid/fastSort';
import { SelectAllHeader } from '../grid/selectAllHeader';
import { matchesTerms, rowSearchText, searchColumns, searchTerms } from '../grid/quickSearch';
import { errorMessage } from '../stores/errorMessage';

export interface EditFailure {
  customer: string;
  column: string;
  /** A refused value (translated via profiles.errors) or the save error's own message. */
  problem: EditProblem | null;
  message: string | null;
}

interface CustomerGridProps {
  rows: CustomerRow[];
  /** When `rows` is a refresh of some rows of the previous list, applied as a transaction. */
  patch?: RowPatch | null;
  /** The list is still on its way: the grid is already built and shows its loading overlay. */
  loading?: boolean;
  asOf: string | null;
  language: Language;
  quickFilter: string;
  staff: readonly StaffOption[];
  rules: CompletenessRules;
  /** When set, only these customers are shown (besides the other filters). */
  onlyIds?: ReadonlySet<number> | null;
  /** Called with how many rows pass the filters whenever that may have changed. */
  onShownCountChange?: (shown: number) => void;
  onSelectionChange?: (ids: number[]) => void;
  onGridReady?: (api: GridApi<CustomerRow>) => void;
  /** A saved edit's audit batch, for undo. */
  onEditSaved?: (batchId: string | null) => void;
  onEditFailed?: (failure: EditFailure | null) => void;
}

const getRowId = (p: GetRowIdParams<CustomerRow>) => String(p.data.id);
const fill = { height: '100%', width: '100%' };
// The header's "select all" box is our own (SelectAllHeader): AG Grid's counts all 100,000 rows at every sort and filter.
const rowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false, selectAll: 'filtered' } as const;
/** For the benchmark: rows are on screen (measured from patron:customers-loaded). */
const markRowsReady = () => performance.mark('patron:grid-rows-ready');
const selectionColumn = { pinned: 'left', headerComponent: SelectAllHeader } as const;
const cellKey = (id: number | undefined, colId: string) => `${String(id)}:${colId}`;
/** Rows whose search text is prepared per idle slice after loading, so the first search does not pay for it. */
const WARM_CHUNK = 100;
/** Longest idle slice (ms) spent preparing search texts or sort ranks, so a click never waits long behind it. */
const IDLE_SLICE = 8;
/** For the benchmark: every shown column's sort ranks were made while idle (see the preparing effect). */
const markSortPrepared = () => performance.mark('patron:grid-sort-prepared');

/**
 * The customer list as an AG Grid: sortable, filterable, resizable, movable columns; name pinned
 * left; cells edit in place (Enter, type, Tab on, Escape cancels). Edits are checked with the
 * shared schema before they are sent; a refused value marks its cell and is not saved.
 */
export function CustomerGrid(props: CustomerGridProps) {
  const { rows, patch, loading, asOf, language, quickFilter, staff, rules, onlyIds, onShownCountChange, onSelectionChange, onGridReady, onEditSaved, onEditFailed } = props;
  const { t } = useTranslation();
  const apiRef = useRef<GridApi<CustomerRow> | null>(null);
  // The grid whose first rows are drawn (a language switch builds a new one), for the idle work
  // that starts on it: started earlier, an idle step could delay those rows.
  const [drawnApi, setDrawnApi] = useState<GridApi<CustomerRow> | null>(null);
  const cellErrors = useRef(new Map<string, string>());
  // One object the columns read asOf, staff and rules from (see ColumnData): set before the
  // grid takes new rows (layout effects run before its prop effect), cells refreshed after.
  const columnData = useRef<ColumnData>({ asOf, staff, rules }).current;
  // Sorts keep each column's ranks for the next sort; what the columns compute from changing drops them.
  const sorter = useRef(new RowSorter<CustomerRow>()).current;
  useLayoutEffect(() => {
    if (columnData.asOf === asOf && columnData.staff === staff && columnData.rules === rules) return;
    Object.assign(columnData, { asOf, staff, rules });
    sorter.clear();
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    api.refreshCells({ columns: columnDataColumns, force: true });
    if (api.isAnyFilterPresent()) api.onFilterChanged();
  }, [columnData, sorter, asOf, staff, rules]);
  // A new list is handed to AG Grid, which then compares all of its rows with the ones it has;
  // a refresh of a few rows is applied as a transaction instead, and AG Grid keeps the old list.
  const [rowData, setRowData] = useState(rows);
  const seenRows = useRef(rows);
  useLayoutEffect(() => {
    if (rows === seenRows.current) return;
    const api = apiRef.current;
    if (patch && patch.to === rows && patch.from === seenRows.current && api && !api.isDestroyed()) {
      api.applyTransaction({ update: patch.update, add: patch.add, remove: patch.remove });
    } else setRowData(rows);
    seenRows.current = rows;
  }, [rows, patch]);
  // A language switch builds a new grid (see `key` below), which must start from the current list.
  const builtFor = useRef(language);
  useLayoutEffect(() => {
    if (builtFor.current === language) return;
    builtFor.current = language;
    setRowData(seenRows.current);
  }, [language]);

  // A refused value's reason shows as the cell's tooltip. AG Grid gives every cell of a column
  // with a tooltip its own tooltip listeners, about a quarter of what drawing a cell costs (a
  // sort or a scroll draws hundreds), so the editable columns get the tooltip only while some
  // cell has an error. The error mark is a class rule, likewise only on editable columns.
  const [withTooltips, setWithTooltips] = useState(false);
  const columnDefs = useMemo(() => {
    const errorTooltip: ColDef<CustomerRow>['tooltip'] = (p) => (p.column && 'getColId' in p.column ? cellErrors.current.get(cellKey(p.data?.id, p.column.getColId())) : undefined);
    const errorClass = { 'cell-error': (p: CellClassParams<CustomerRow>) => cellErrors.current.size > 0 && cellErrors.current.has(cellKey(p.data?.id, p.column.getColId())) };
    return withOneReadSort(customerColumns({ t, language, data: columnData })).map((c) =>
      c.editable ? { ...c, ...(withTooltips ? { tooltip: errorTooltip } : {}), cellClassRules: { ...c.cellClassRules, ...errorClass } } : c,
    );
  }, [t, language, columnData, withTooltips]);
  const onModelUpdated = useCallback((e: ModelUpdatedEvent<CustomerRow>) => onShownCountChange?.(e.api.getDisplayedRowCount()), [onShownCountChange]);

  // The quick search runs as an external filter over a search text kept per row object
  // (an edited row is a new object, so its text is made afresh); see grid/quickSearch.ts.
  const search = useRef({ texts: new WeakMap<CustomerRow, string>(), columns: null as Column[] | null });
  const textOf = useCallback((api: GridApi<CustomerRow>, node: IRowNode<CustomerRow>): string => {
    const data = node.data;
    if (!data) return '';
    const cache = search.current;
    let text = cache.texts.get(data);
    if (text === undefined) {
      cache.columns ??= searchColumns(api);
      text = rowSearchText(api, node, cache.columns);
      cache.texts.set(data, text);
    }
    return text;
  }, []);
  // The filter callbacks stay the same functions and read the current search and id filter
  // from a ref; a change runs the filter once (new callbacks would make AG Grid run it per callback).
  const terms = useMemo(() => searchTerms(quickFilter), [quickFilter]);
  const filterState = useRef({ terms, onlyIds });
  useLayoutEffect(() => {
    const before = filterState.current;
    if (before.terms === terms && before.onlyIds === onlyIds) return;
    filterState.current = { terms, onlyIds };
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.onFilterChanged();
  }, [terms, onlyIds]);
  const isExternalFilterPresent = useCallback(() => filterState.current.onlyIds != null || filterState.current.terms !== null, []);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<CustomerRow>) => {
      const { onlyIds: ids, terms: words } = filterState.current;
      if (ids && (node.data === undefined || !ids.has(node.data.id))) return false;
      const api = apiRef.current;
      return words === null || api === null || matchesTerms(textOf(api, node), words);
    },
    [textOf],
  );
  /** Visible columns or their definitions changed: search texts are made again (and the search re-run). */
  const onSearchColumnsChanged = useCallback(() => {
    search.current = { texts: new WeakMap(), columns: null };
    if (filterState.current.terms !== null) apiRef.current?.onFilterChanged();
  }, []);

  // Prepares every row's search text in idle time after the rows arrive.
  useEffect(() => {
    const api = apiRef.current;
    if (!api || rowData.length === 0 || typeof requestIdleCallback !== 'function') return;
    let next = 0;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      if (api.isDestroyed()) return;
      // At most IDLE_SLICE ms per callback even when the browser offers 50: a click that arrives
      // meanwhile waits for the slice to end before the grid sees it.
      const end = performance.now() + Math.min(IDLE_SLICE, deadline.timeRemaining() - 2);
      while (next < rowData.length && performance.now() < end) {
        const chunkEnd = Math.min(rowData.length, next + WARM_CHUNK);
        for (; next < chunkEnd; next++) {
          const row = rowData[next];
          const node = row ? api.getRowNode(String(row.id)) : undefined;
          if (node) textOf(api, node);
        }
      }
      if (next < rowData.length) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [rowData, columnDefs, textOf]);

  // Ranks every shown sortable column while idle after the rows arrive, and keeps each one's
  // finished order both ways, so a first sort by one column only checks the rows and copies that
  // order (a search or a multi-sort orders the kept ranks). Each column is prepared in steps
  // (sorter.prepareSteps: its values read a few thousand rows at a time, then ranked, then ordered),
  // at most IDLE_SLICE ms of steps per idle callback, so a click or a scroll in the meantime is not
  // held up. Columns whose comparator looks at the rows are ranked per direction on their first
  // sort instead. The last step runs a sort's own code once on a copy of the rows
  // (sorter.warmUp), so the first click does not wait for that code to be compiled.
  useEffect(() => {
    const api = drawnApi;
    if (!api || rowData.length < 2 || typeof requestIdleCallback !== 'function') return;
    // The columns are looked up in the first idle callback, when the grid has taken the current ones.
    let columns: Column[] | null = null;
    let last: Column | undefined;
    let steps: Generator<void, void, void> | null = null;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      if (api.isDestroyed()) return;
      if (!columns) {
        columns = api.getAllDisplayedColumns().filter((c) => c.getColDef().sortable !== false && !sorter.isRowAware(c));
        last = columns.at(-1);
      }
      const end = performance.now() + Math.min(IDLE_SLICE, deadline.timeRemaining() - 2);
      do {
        if (!steps) {
          const column = columns.shift();
          if (!column) {
            if (last) sorter.warmUp(api, last);
            markSortPrepared();
            return;
          }
          steps = sorter.prepareSteps(api, column);
        }
        if (steps.next().done === true) steps = null;
      } while (performance.now() < end);
      handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [drawnApi, rowData, columnDefs, sorter]);

  const markCell = useCallback((node: IRowNode<CustomerRow>, colId: string, message: string | null) => {
    const key = cellKey(node.data?.id, colId);
    if (message === null) cellErrors.current.delete(key);
    else cellErrors.current.set(key, message);
    setWithTooltips(cellErrors.current.size > 0);
    apiRef.current?.refreshCells({ rowNodes: [node], columns: [colId], force: true });
  }, []);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<CustomerRow>) => {
      const row = e.data;
      const colId = e.column.getColId();
      const column = e.column.getColDef().headerName ?? colId;
      const checked = checkEdit(colId, e.newValue, columnData.asOf);
      if (!checked.ok) {
        markCell(e.node, colId, t(`profiles.errors.${checked.problem}`));
        onEditFailed?.({ customer: row.name, column, problem: checked.problem, message: null });
        return;
      }
      void invoke('customers:update', { id: row.id, patch: checked.patch }).then(
        (saved) => {
          markCell(e.node, colId, null);
          onEditFailed?.(null);
          // Show the saved row at once; the list refetch that follows the change event agrees with it.
          apiRef.current?.applyTransaction({ update: [saved] });
          onEditSaved?.(saved.batchId);
        },
        (error: unknown) => {
          markCell(e.node, colId, errorMessage(error));
          onEditFailed?.({ customer: row.name, column, problem: null, message: errorMessage(error) });
        },
      );
    },
    [markCell, onEditFailed, onEditSaved, t, columnData],
  );

  const onFirstRows = useCallback((e: FirstDataRenderedEvent<CustomerRow>) => {
    markRowsReady();
    setDrawnApi(e.api);
  }, []);

  const onReady = useCallback(
    (e: GridReadyEvent<CustomerRow>) => {
      apiRef.current = e.api;
      onGridReady?.(e.api);
    },
    [onGridReady],
  );

  // Ctrl+C: the selected rows, or else the focused cell, as tab-separated text.
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const api = apiRef.current;
    if (!api || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'c') return;
    if (api.getEditingCells().length > 0 || (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox')) return;
    const text = selectionAsTsv(api);
    if (text === null) return;
    e.preventDefault();
    void copyText(text);
  }, []);

  return (
    <div className="customer-grid" data-testid="customer-grid" onKeyDownCapture={onKeyDown}>
      <AgGridReact<CustomerRow>
        // The grid reads its locale texts only once: remount it when the language changes.
        key={language}
        containerStyle={fill}
        theme={gridTheme}
        localeText={gridLocaleText(language)}
        rowModelType="clientSide"
        rowData={rowData}
        loading={loading}
        getRowId={getRowId}
        columnDefs={columnDefs}
        defaultColDef={defaultCustomerColDef}
        postSortRows={sorter.postSortRows}
        // No row animation: at 100,000 rows a sort or filter would animate thousands of moves.
        animateRows={false}
        // No rows drawn beyond the viewport: a load or sort builds a fifth fewer cells than with 4, and each
        // scroll frame (which draws the rows entering, as many whatever the buffer) lays out and paints fewer.
        rowBuffer={0}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onColumnVisible={onSearchColumnsChanged}
        onNewColumnsLoaded={onSearchColumnsChanged}
        onModelUpdated={onModelUpdated}
        onGridReady={onReady}
        onFirstDataRendered={onFirstRows}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumn}
        onSelectionChanged={(e) => onSelectionChange?.(e.api.getSelectedRows().map((r) => r.id))}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        tooltipShowDelay={300}
        // AG Grid gives every drawn cell its own tooltip manager (listeners, a bean to build and destroy),
        // tooltip or not, unless tooltips are the browser's: so they are while no cell shows an error
        // (no cell has a tooltip then, so nothing shows either way), and the grid's own while one does.
        enableBrowserTooltips={!withTooltips}
        suppressDragLeaveHidesColumns
        // Columns off screen are not drawn (AG Grid's column virtualisation, on by default): of about
        // twenty columns some eleven fit at 1440 px, so a sort or a scroll frame builds about half the cells
        // (docs/customer-grid.md, Rows drawn). Copy reads the grid's model, not the page, so it still
        // covers every column.
      />
    </div>
  );
}
