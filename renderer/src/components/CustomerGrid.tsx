import type { CellClassParams, CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, ModelUpdatedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessRules } from '../../../shared/domain/completeness';
import type { CustomerRow } from '../../../shared/domain/customer';
import type { StaffOption } from '../../../shared/domain/profile';
import type { Language } from '../../../shared/i18n/language';
import { invoke } from '../api/client';
import { gridLocaleText, gridTheme } from '../grid/agGrid';
import { copyText, selectionAsTsv } from '../grid/copy';
import { customerColumns, defaultCustomerColDef } from '../grid/customerColumns';
import { checkEdit, type EditProblem } from '../grid/editing';
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
const rowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false, selectAll: 'filtered' } as const;
/** For the benchmark: rows are on screen (measured from patron:customers-loaded). */
const markRowsReady = () => performance.mark('patron:grid-rows-ready');
const selectionColumn = { pinned: 'left' } as const;
const cellKey = (id: number | undefined, colId: string) => `${String(id)}:${colId}`;

/**
 * The customer list as an AG Grid: sortable, filterable, resizable, movable columns; name pinned
 * left; cells edit in place (Enter, type, Tab on, Escape cancels). Edits are checked with the
 * shared schema before they are sent; a refused value marks its cell and is not saved.
 */
export function CustomerGrid(props: CustomerGridProps) {
  const { rows, asOf, language, quickFilter, staff, rules, onlyIds, onShownCountChange, onSelectionChange, onGridReady, onEditSaved, onEditFailed } = props;
  const { t } = useTranslation();
  const apiRef = useRef<GridApi<CustomerRow> | null>(null);
  const cellErrors = useRef(new Map<string, string>());
  const columnDefs = useMemo(() => customerColumns({ t, language, asOf, staff, rules }), [t, language, asOf, staff, rules]);
  const defaultColDef = useMemo<ColDef<CustomerRow>>(
    () => ({
      ...defaultCustomerColDef,
      cellClassRules: { 'cell-error': (p: CellClassParams<CustomerRow>) => cellErrors.current.has(cellKey(p.data?.id, p.column.getColId())) },
      tooltip: (p) => (p.column && 'getColId' in p.column ? cellErrors.current.get(cellKey((p.data)?.id, p.column.getColId())) : undefined),
    }),
    [],
  );
  const onModelUpdated = useCallback((e: ModelUpdatedEvent<CustomerRow>) => onShownCountChange?.(e.api.getDisplayedRowCount()), [onShownCountChange]);
  const isExternalFilterPresent = useCallback(() => onlyIds != null, [onlyIds]);
  const doesExternalFilterPass = useCallback((node: IRowNode<CustomerRow>) => !onlyIds || (node.data !== undefined && onlyIds.has(node.data.id)), [onlyIds]);

  const markCell = useCallback((node: IRowNode<CustomerRow>, colId: string, message: string | null) => {
    const key = cellKey(node.data?.id, colId);
    if (message === null) cellErrors.current.delete(key);
    else cellErrors.current.set(key, message);
    apiRef.current?.refreshCells({ rowNodes: [node], columns: [colId], force: true });
  }, []);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<CustomerRow>) => {
      const row = e.data;
      const colId = e.column.getColId();
      const column = e.column.getColDef().headerName ?? colId;
      const checked = checkEdit(colId, e.newValue);
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
    [markCell, onEditFailed, onEditSaved, t],
  );

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
        rowData={rows}
        getRowId={getRowId}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        quickFilterText={quickFilter}
        cacheQuickFilter
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onModelUpdated={onModelUpdated}
        onGridReady={onReady}
        onFirstDataRendered={markRowsReady}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumn}
        onSelectionChanged={(e) => onSelectionChange?.(e.api.getSelectedRows().map((r) => r.id))}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        tooltipShowDelay={300}
        suppressDragLeaveHidesColumns
        // About twenty columns: rendering them all keeps every cell addressable (copy, tests) at little cost.
        suppressColumnVirtualisation
      />
    </div>
  );
}
