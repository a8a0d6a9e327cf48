import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileHref } from '../../routing/customerRoute';
import { visitSheetsRoute } from '../../routing/visitRoute';
import { useVisits } from '../../stores/visits';
import { RecordForm } from './RecordForm';
import { VisitFilters } from './VisitFilters';
import { tierText } from './labels';

/** Batch print opens one document of at most this many sheets (the route carries the plan ids). */
const PRINT_MAX = 500;

/** The plan list: filters, counts per owner, execution records and batch printing. */
export function VisitList() {
  const { t, i18n } = useTranslation();
  const list = useVisits((s) => s.list);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [recording, setRecording] = useState<number | null>(null);
  const number = new Intl.NumberFormat(i18n.language);
  const plans = list?.plans ?? [];
  const shownIds = plans.map((p) => p.id);
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const print = (ids: number[]) => {
    window.location.hash = visitSheetsRoute(ids.slice(0, PRINT_MAX));
  };

  return (
    <div className="visit-list">
      <VisitFilters />
      <div className="toolbar">
        <button type="button" className="button" disabled={selected.size === 0} onClick={() => print([...selected])} data-testid="visit-print-selected">
          {t('visits.print.selected', { count: selected.size })}
        </button>
        <button type="button" className="button" disabled={plans.length === 0} onClick={() => print(shownIds)} data-testid="visit-print-shown">
          {t('visits.print.shown', { count: Math.min(plans.length, PRINT_MAX) })}
        </button>
        {list && <span className="muted" data-testid="visit-count">{t('visits.shown', { shown: number.format(plans.length), total: number.format(list.total) })}</span>}
      </div>

      {list && list.owners.length > 0 && (
        <table className="info-table info-table--counts visit-owners" data-testid="visit-owner-counts">
          <thead>
            <tr>
              <th>{t('visits.columns.owner')}</th>
              <th className="numeric">{t('visits.owners.planned')}</th>
              <th className="numeric">{t('visits.owners.done')}</th>
              <th className="numeric">{t('visits.owners.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {list.owners.map((o) => (
              <tr key={o.ownerId ?? 0}>
                <td>{o.ownerName ?? t('visits.owners.none')}</td>
                <td className="numeric">{number.format(o.planned)}</td>
                <td className="numeric">{number.format(o.done)}</td>
                <td className={o.overdue > 0 ? 'numeric visit-overdue' : 'numeric'}>{number.format(o.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {list && plans.length === 0 ? (
        <p className="muted">{t('visits.empty')}</p>
      ) : (
        <div className="scroll-box visit-table-box">
          <table className="info-table info-table--wide" data-testid="visit-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('visits.print.selected', { count: plans.length })}
                    checked={plans.length > 0 && selected.size === plans.length}
                    onChange={(e) => setSelected(new Set(e.target.checked ? shownIds : []))}
                  />
                </th>
                <th>{t('visits.columns.date')}</th>
                <th>{t('visits.columns.customer')}</th>
                <th>{t('visits.columns.owner')}</th>
                <th>{t('visits.columns.tier')}</th>
                <th>{t('visits.columns.template')}</th>
                <th>{t('visits.columns.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => {
                const overdue = p.status === 'planned' && list !== null && p.plannedDate < list.today;
                return (
                  <Fragment key={p.id}>
                    <tr data-testid={`visit-row-${p.id}`} data-customer={p.customerName}>
                      <td><input type="checkbox" aria-label={p.customerName} checked={selected.has(p.id)} onChange={() => toggle(p.id)} /></td>
                      <td className={overdue ? 'visit-overdue' : undefined}>{p.plannedDate}</td>
                      <td><a href={profileHref(p.customerId)}>{p.customerName}</a></td>
                      <td>{p.ownerName ?? '—'}</td>
                      <td>{tierText(t, p.tier)}</td>
                      <td>{p.templateName} <span className="muted">v{p.templateVersion}</span></td>
                      <td>
                        <span className={`visit-status visit-status--${overdue ? 'overdue' : p.status}`}>{overdue ? t('visits.owners.overdue') : t(`visits.status.${p.status}`)}</span>
                        {p.doneDate && <span className="muted"> {p.doneDate}</span>}
                      </td>
                      <td className="visit-actions">
                        <button type="button" className="button" onClick={() => setRecording(recording === p.id ? null : p.id)} data-testid={`visit-record-${p.id}`}>{t('visits.record')}</button>
                        <a className="button" href={visitSheetsRoute([p.id])}>{t('print.toolbar.print')}</a>
                      </td>
                    </tr>
                    {recording === p.id && (
                      <tr>
                        <td colSpan={8}><RecordForm plan={p} onDone={() => setRecording(null)} /></td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
