import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/domain/money';
import type { VisitSheet, VisitSheets } from '../../../shared/domain/visits';
import { invoke } from '../api/client';
import { quadrantLabel } from '../../../shared/i18n/segmentLabels';
import { errorMessage } from '../stores/errorMessage';
import { language } from '../stores/visits';
import type { PrintLayoutProps } from './PrintView';

const NOTE_LINES = 5;

/** `?plans=1,2,3`: one visit sheet per plan, each on its own page. */
export function VisitSheetsLayout({ query, onReady }: PrintLayoutProps) {
  const { t } = useTranslation();
  const [data, setData] = useState<VisitSheets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = (query.get('plans') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const key = ids.join(',');

  useEffect(() => {
    const list = key.split(',').map(Number).filter((n) => n > 0);
    const load = list.length === 0 ? Promise.resolve({ businessName: '', printedOn: '', sheets: [] }) : invoke('visits:sheets', { ids: list, language: language() });
    load.then(
      (d) => {
        setData(d);
        onReady();
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [key, onReady]);

  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!data) return null;
  if (data.sheets.length === 0) return <p className="muted">{t('visits.empty')}</p>;
  return (
    <div className="sheets">
      {data.sheets.map((s) => (
        <Sheet key={s.plan.id} sheet={s} businessName={data.businessName} printedOn={data.printedOn} />
      ))}
    </div>
  );
}

function Sheet({ sheet, businessName, printedOn }: { sheet: VisitSheet; businessName: string; printedOn: string }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const { plan, customer } = sheet;
  const facts: [string, string | null][] = [
    [t('customers.columns.tier'), customer.tier ? t(`customers.tier.${customer.tier}`) : null],
    [t('customers.columns.quadrant'), customer.quadrant ? quadrantLabel(t, customer.quadrant) : null],
    [t('customers.columns.lifecycle'), customer.lifecycle ? t(`segments.lifecycle.${customer.lifecycle}`) : null],
    [t('customers.columns.owner'), plan.ownerName ?? customer.ownerName],
    [t('print.visitSheet.phone'), customer.phone],
    [t('print.visitSheet.address'), customer.address],
  ];
  return (
    <article className="sheet" data-testid="visit-sheet">
      <header className="sheet-header">
        <div>
          <div className="sheet-business">{businessName || 'Patron'}</div>
          <h1 className="sheet-title">{t('print.visitSheet.title')}</h1>
        </div>
        <dl className="sheet-meta">
          <div><dt>{t('print.visitSheet.planned')}</dt><dd>{plan.plannedDate}</dd></div>
          <div><dt>{t('print.visitSheet.printedOn')}</dt><dd>{printedOn}</dd></div>
        </dl>
      </header>

      <section className="sheet-section">
        <h2 className="sheet-customer">
          {customer.name} <span className="sheet-code">{customer.code}</span>
        </h2>
        <dl className="sheet-facts">
          {facts.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value ?? '—'}</dd></div>
          ))}
        </dl>
      </section>

      <div className="sheet-columns">
        <section className="sheet-section">
          <h3>{t('print.visitSheet.contacts')}</h3>
          {sheet.contacts.length === 0 ? (
            <p className="sheet-empty">{t('print.visitSheet.noContacts')}</p>
          ) : (
            <table className="sheet-table">
              <tbody>
                {sheet.contacts.slice(0, 4).map((c) => (
                  <tr key={`${c.name}-${c.phone ?? ''}`}>
                    <td>{c.name}{c.isPrimary ? ' ★' : ''}</td>
                    <td>{c.title ?? ''}</td>
                    <td>{c.phone ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="sheet-section">
          <h3>{t('print.visitSheet.orders')}</h3>
          {sheet.orders.length === 0 ? (
            <p className="sheet-empty">{t('print.visitSheet.noOrders')}</p>
          ) : (
            <table className="sheet-table">
              <tbody>
                {sheet.orders.map((o, i) => (
                  <tr key={`${o.orderDate}-${i}`}>
                    <td>{o.orderDate}</td>
                    <td className="numeric">{money(o.amountCents)}</td>
                    <td className="sheet-clip">{o.items ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="sheet-totals">{t('print.visitSheet.totals', { count: sheet.totals.orderCount, total: money(sheet.totals.totalCents), last: sheet.totals.lastOrderDate ?? '—' })}</p>
        </section>
      </div>

      <section className="sheet-section">
        <h3>{t('print.visitSheet.alerts')}</h3>
        {sheet.warnings.length === 0 && sheet.complaints.length === 0 ? (
          <p className="sheet-empty">{t('print.visitSheet.noAlerts')}</p>
        ) : (
          <ul className="sheet-list">
            {sheet.warnings.slice(0, 3).map((w) => (
              <li key={`${w.rule}-${w.evidence}`}><strong>{t('print.visitSheet.warnings')}</strong> {t(`warnings.rules.${w.rule}`)}: {w.evidence}</li>
            ))}
            {sheet.complaints.slice(0, 3).map((c) => (
              <li key={c.openedAt}>
                <strong>{t('print.visitSheet.complaints')}</strong> {c.openedAt.slice(0, 10)} · {t(`profiles.profile.severity.${c.severity}`)} · {c.category ?? ''} {c.description ?? ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="sheet-section sheet-plan">
        <h3>{t('print.visitSheet.plan')} · {plan.templateName}</h3>
        <dl className="sheet-plan-facts">
          <div><dt>{t('print.visitSheet.goal')}</dt><dd>{plan.goal}</dd></div>
          <div><dt>{t('print.visitSheet.measures')}</dt><dd>{plan.measures}</dd></div>
          <div><dt>{t('print.visitSheet.resources')}</dt><dd>{plan.resources}</dd></div>
        </dl>
      </section>

      <section className="sheet-section">
        <h3>{t('print.visitSheet.notes')}</h3>
        <div className="sheet-lines">
          {Array.from({ length: NOTE_LINES }, (_, i) => (
            <div key={i} className="sheet-line" />
          ))}
        </div>
      </section>

      <section className="sheet-section sheet-outcome">
        <div className="sheet-boxes">
          <strong>{t('print.visitSheet.outcome')}</strong>
          {(['yes', 'partial', 'no'] as const).map((s) => (
            <span key={s} className="sheet-box-label"><span className="sheet-box" /> {t(`visits.status.${s}`)}</span>
          ))}
        </div>
        <div className="sheet-fill"><strong>{t('print.visitSheet.next')}</strong><span className="sheet-line sheet-line--inline" /></div>
        <div className="sheet-sign">
          <div className="sheet-fill"><strong>{t('print.visitSheet.signature')}</strong><span className="sheet-line sheet-line--inline" /></div>
          <div className="sheet-fill"><strong>{t('visits.doneDate')}</strong><span className="sheet-line sheet-line--inline" /></div>
        </div>
      </section>
    </article>
  );
}
