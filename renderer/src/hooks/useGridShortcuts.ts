import { useEffect } from 'react';
import { useUndo } from '../stores/undo';

/** Text fields keep their own Ctrl+Z; the grid's cell editors are inputs too, so editing is left alone. */
function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Ctrl+F focuses the quick search; Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes the last edit.
 * Only while the grid's page is on screen (`enabled`): it stays mounted, hidden, behind other pages.
 */
export function useGridShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'f') {
        const search = document.querySelector<HTMLInputElement>('[data-testid="customer-search"]');
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (inTextField(e.target)) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void useUndo.getState().undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void useUndo.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
