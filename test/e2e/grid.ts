import type { Locator, Page } from '@playwright/test';

/** One drawn cell of the customer grid. */
export function cell(page: Page, rowId: number, colId: string): Locator {
  return page.locator(`[role="row"][row-id="${rowId}"] [role="gridcell"][col-id="${colId}"]`).first();
}

/** Edits a cell as a user does: double-click, type over the value, Enter. */
export async function editCell(page: Page, rowId: number, colId: string, text: string): Promise<void> {
  await cell(page, rowId, colId).dblclick();
  const editor = page.locator('.ag-cell-editor input, .ag-cell-inline-editing input').first();
  await editor.fill(text);
  await editor.press('Enter');
}

/**
 * Scrolls the customer grid sideways until a column is drawn, as a user would: columns
 * off screen are not in the page (AG Grid's column virtualisation). Starts from the left
 * edge and steps right; fails naming the column if it never appears.
 */
export async function showColumn(page: Page, colId: string): Promise<void> {
  const found = await page.evaluate(async (id) => {
    const grid = document.querySelector('[data-testid="customer-grid"]');
    const scroller = grid?.querySelector('.ag-body-horizontal-scroll-viewport');
    const drawn = () => grid?.querySelector(`.ag-header-cell[col-id="${id}"]`) != null;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (!scroller) return drawn();
    scroller.scrollLeft = 0;
    await frame();
    for (let i = 0; i < 200 && !drawn() && scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth; i++) {
      scroller.scrollLeft += 150;
      await frame();
    }
    return drawn();
  }, colId);
  if (!found) throw new Error(`showColumn: the grid has no column "${colId}" to scroll to`);
}
