import type { GridApi, IHeaderComp, IHeaderParams } from 'ag-grid-community';

/** What the header checkbox shows: none, all or some of the rows that pass the filters are selected. */
export type SelectAllState = 'none' | 'all' | 'some';

/**
 * The state from the selected rows alone: a selected row is among the shown rows exactly
 * when it has a row index (the client-side model clears it for rows the filters hide).
 */
function selectAllState(api: GridApi): { state: SelectAllState; shown: number } {
  const shown = api.getDisplayedRowCount();
  let selectedShown = 0;
  for (const node of api.getSelectedNodes()) if (node.rowIndex != null) selectedShown++;
  return { state: selectedShown === 0 ? 'none' : selectedShown >= shown ? 'all' : 'some', shown };
}

/**
 * The selection column's "select all" checkbox, in AG Grid's own markup and behaviour
 * (selects or clears every row that passes the filters; from "some" a click selects all).
 * AG Grid's built-in one collects all 100,000 rows into an array twice at every sort,
 * filter and model update to count the selected ones; this one counts only the selected rows.
 */
export class SelectAllHeader implements IHeaderComp {
  private readonly gui = document.createElement('div');
  private readonly wrapper = document.createElement('div');
  private readonly input = document.createElement('input');
  private api: GridApi | null = null;
  private state: SelectAllState = 'none';
  private readonly update = () => this.show();
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== ' ' || e.target !== e.currentTarget) return;
    e.preventDefault();
    this.toggle();
  };
  private eGridHeader: HTMLElement | null = null;

  init(params: IHeaderParams): void {
    this.api = params.api;
    this.gui.className = 'ag-header-select-all ag-labeled ag-label-align-right ag-checkbox ag-input-field';
    this.wrapper.className = 'ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper';
    this.input.type = 'checkbox';
    this.input.className = 'ag-input-field-input ag-checkbox-input';
    this.input.tabIndex = -1;
    const locale = params.api.getGridOption('localeText');
    this.input.setAttribute('aria-label', locale?.ariaHeaderSelection ?? 'Column with Header Selection');
    // The browser has flipped the box by now; the selection that follows sets what it shows.
    this.input.addEventListener('click', () => this.toggle());
    this.wrapper.append(this.input);
    this.gui.append(this.wrapper);
    this.eGridHeader = params.eGridHeader;
    this.eGridHeader.addEventListener('keydown', this.onKey);
    params.api.addEventListener('selectionChanged', this.update);
    params.api.addEventListener('modelUpdated', this.update);
    this.show();
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(): boolean {
    this.show();
    return true;
  }

  destroy(): void {
    this.eGridHeader?.removeEventListener('keydown', this.onKey);
    const api = this.api;
    if (api && !api.isDestroyed()) {
      api.removeEventListener('selectionChanged', this.update);
      api.removeEventListener('modelUpdated', this.update);
    }
  }

  private toggle(): void {
    const api = this.api;
    if (!api || api.isDestroyed()) return;
    if (this.state === 'all') api.deselectAll('filtered', 'uiSelectAllFiltered');
    else if (api.getDisplayedRowCount() > 0) api.selectAll('filtered', 'uiSelectAllFiltered');
    this.show();
  }

  private show(): void {
    const api = this.api;
    if (!api || api.isDestroyed()) return;
    const { state, shown } = selectAllState(api);
    this.state = state;
    this.input.checked = state === 'all';
    this.input.indeterminate = state === 'some';
    this.input.disabled = shown === 0;
    this.wrapper.classList.toggle('ag-checked', state === 'all');
    this.wrapper.classList.toggle('ag-indeterminate', state === 'some');
    this.wrapper.classList.toggle('ag-disabled', shown === 0);
    this.gui.classList.toggle('ag-disabled', shown === 0);
  }
}
