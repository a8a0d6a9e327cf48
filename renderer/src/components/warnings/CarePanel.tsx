import { useTranslation } from 'react-i18next';
import type { CareItem } from '../../../../shared/warnings/dto';
import { invoke } from '../../api/client';
import { profileHref } from '../../routing/customerRoute';

const SHOWN = 60;

/** Birthdays, cooperation anniversaries and holiday greetings ahead, with a "greeted" mark each. */
export function CarePanel({ items, daysAhead }: { items: CareItem[]; daysAhead: number }) {
  const { t } = useTranslation();
  const label = (c: CareItem) =>
    c.kind === 'birthday' ? t('warnings.care.birthday', { name: c.label }) : c.kind === 'anniversary' ? t('warnings.care.anniversary', { count: c.years ?? 0 }) : t('warnings.care.holiday', { name: c.label });
  return (
    <section className="card" aria-labelledby="care-title" data-testid="care-panel">
      <h2 id="care-title" className="section-title">
        {t('warnings.care.title')} <span className="muted">{items.filter((c) => !c.done).length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t('warnings.care.empty', { count: daysAhead })}</p>
      ) : (
        <ul className="care-list">
          {items.slice(0, SHOWN).map((c) => (
            <li key={`${c.kind}:${String(c.refId)}:${c.occasion}`} className={c.done ? 'care-item care-item--done' : 'care-item'}>
              <span className="care-item__date">{c.occasion.slice(5)}</span>
              <span className="care-item__who">
                <a href={profileHref(c.customerId)}>{c.customerName}</a>
                <span className="muted">{label(c)}</span>
              </span>
              <label className="care-item__done">
                <input type="checkbox" checked={c.done} onChange={(e) => void invoke('care:done', { kind: c.kind, refId: c.refId, occasion: c.occasion, done: e.target.checked })} />
                {t('warnings.care.done')}
              </label>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN && <p className="muted">{t('warnings.care.more', { count: items.length - SHOWN })}</p>}
    </section>
  );
}
