import type { Column, GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/domain/customer';

/** Column chooser: show or hide each column and pin it left (reorder and resize by dragging the headers). */
export function ColumnChooser({ api }: { api: GridApi<CustomerRow> | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [, setTick] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const columns: Column[] = api ? (api.getColumns() ?? []).filter((c) => c.getColId() !== 'open' && c.getColDef().headerName) : [];
  const refresh = () => setTick((n) => n + 1);

  return (
    <div className="popover-anchor" ref={box}>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="column-chooser" title={t('profiles.columnsMenu.title')}>
        {t('profiles.columnsMenu.button')}
      </button>
      {open && api && (
        <div className="popover" role="dialog" aria-label={t('profiles.columnsMenu.title')}>
          <table className="info-table">
            <tbody>
              {columns.map((c) => (
                <tr key={c.getColId()}>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={c.isVisible()} onChange={(e) => { api.setColumnsVisible([c], e.target.checked); refresh(); }} />
                      {c.getColDef().headerName}
                    </label>
                  </td>
                  <td>
                    <label className="check muted">
                      <input type="checkbox" checked={c.getPinned() === 'left'} onChange={(e) => { api.setColumnsPinned([c], e.target.checked ? 'left' : null); refresh(); }} />
                      {t('profiles.columnsMenu.pin')}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
