import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

/**
 * The grid's date editor: a text field holding the date as text, so what was
 * typed reaches the check (grid/editing.ts) as typed — 2024/3/5, 2024年3月5日
 * and 20240305 read like the import reads them, and text that is no date is
 * refused with a message while the old date stays. The browser's date input
 * would hand over nothing for a half-typed date, which saved as "no date".
 * Backspace and Delete open the field on the current date (caret at the end),
 * not on an empty one: a date is cleared only by deleting its text.
 */
export class DateTextEditor implements ICellEditorComp {
  private input: HTMLInputElement = document.createElement('input');
  private selectAll = false;

  init(params: ICellEditorParams): void {
    const current = typeof params.value === 'string' ? params.value : '';
    const key = params.eventKey;
    const typed = key !== null && key !== undefined && key.length === 1;
    this.input.type = 'text';
    this.input.className = 'ag-input-field-input ag-text-field-input';
    this.input.setAttribute('aria-label', params.colDef.headerName ?? 'date');
    this.input.value = typed ? key : current;
    this.selectAll = !typed && key !== 'Backspace' && key !== 'Delete' && key !== 'F2';
  }

  getGui(): HTMLElement {
    return this.input;
  }

  afterGuiAttached(): void {
    this.input.focus();
    if (this.selectAll) this.input.select();
    else this.input.setSelectionRange(this.input.value.length, this.input.value.length);
  }

  getValue(): string {
    return this.input.value;
  }
}
