import type { GetRowIdParams, IRowNode, ModelUpdatedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../shared/domain/customer';
import type { Language } from '../../../shared/i18n/language';
import { gridLocaleText, gridTheme } from '../grid/agGrid';
import { customerColumns, defaultCustomerColDef } from '../grid/customerColumns';

interface CustomerGridProps {
  rows: CustomerRow[];
  asOf: string | null;
  language: Language;
  quickFilter: string;
  /** When set, only these customers are shown (besides the other filters). */
  onlyIds?: ReadonlySet<number> | null;
  /** Called with how many rows pass the filters whenever that may have changed. */
  onShownCountChange?: (shown: number) => void;
}

const getRowId = (p: GetRowIdParams<CustomerRow>) => String(p.data.id);
const fill = { height: '100%', width: '100%' };

/** The customer list as an AG Grid: sortable, filterable, resizable columns; name pinned left. */
export function CustomerGrid({ rows, asOf, language, quickFilter, onlyIds, onShownCountChange }: CustomerGridProps) {
  const { t } = useTranslation();
  const columnDefs = useMemo(() => customerColumns({ t, language, asOf }), [t, language, asOf]);
  const onModelUpdated = useCallback(
    (e: ModelUpdatedEvent<CustomerRow>) => onShownCountChange?.(e.api.getDisplayedRowCount()),
    [onShownCountChange],
  );
  const isExternalFilterPresent = useCallback(() => onlyIds != null, [onlyIds]);
  const doesExternalFilterPass = useCallback((node: IRowNode<CustomerRow>) => !onlyIds || (node.data !== undefined && onlyIds.has(node.data.id)), [onlyIds]);

  return (
    <div className="customer-grid" data-testid="customer-grid">
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
        defaultColDef={defaultCustomerColDef}
        quickFilterText={quickFilter}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onModelUpdated={onModelUpdated}
        suppressDragLeaveHidesColumns
      />
    </div>
  );
}
