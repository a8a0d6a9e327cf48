import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, localToday, parseIsoDate } from '../../../../shared/domain/dates';
import type { VisitPlan } from '../../../../shared/domain/visits';
import { invoke } from '../../api/client';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';
import { language, useVisits } from '../../stores/visits';
import { VisitFilters } from './VisitFilters';

type Mode = 'week' | 'month';
/** A day cell lists this many plans; the rest are counted. */
const PER_DAY = 4;

function mondayOf(date: string): string {
  const weekday = (parseIsoDate(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The days shown: one week, or the six weeks around a month (Monday first). */
function daysOf(mode: Mode, anchor: string): string[] {
  const start = mode === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  return Array.from({ length: mode === 'week' ? 7 : 42 }, (_, i) => addDays(start, i));
}

/** Week and month calendar of the plans (same owner/status filters as the list). */
export function VisitCalendar() {
  const { t, i18n } = useTranslation();
  const filter = useVisits((s) => s.filter);
  const tick = useVisits((s) => s.list);
  const [mode, setMode] = useState<Mode>('month');
  const [anchor, setAnchor] = useState(localToday());
  const [plans, setPlans] = useState<VisitPlan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const days = useMemo(() => daysOf(mode, anchor), [mode, anchor]);
  const from = days[0] ?? anchor;
  const to = days[days.length - 1] ?? anchor;
  const today = localToday();

  useEffect(() => {
    let live = true;
    invoke('visits:list', { ownerId: filter.ownerId, status: filter.status, overdue: filter.overdue, from, to, customerId: null, language: language() }).then(
      (r) => {
        if (live) setPlans(r.plans);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [filter.ownerId, filter.status, filter.overdue, from, to, tick]);

  const byDay = useMemo(() => {
    const map = new Map<string, VisitPlan[]>();
    for (const p of plans) map.set(p.plannedDate, [...(map.get(p.plannedDate) ?? []), p]);
    return map;
  }, [plans]);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const title = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(parseIsoDate(mode === 'month' ? `${anchor.slice(0, 7)}-01` : from));
  const step = (dir: 1 | -1) => {
    if (mode === 'week') setAnchor(addDays(anchor, 7 * dir));
    else {
      const d = parseIsoDate(`${anchor.slice(0, 7)}-01`);
      d.setUTCMonth(d.getUTCMonth() + dir);
      setAnchor(d.toISOString().slice(0, 10));
    }
  };

  return (
    <div className="visit-calendar-page">
      <VisitFilters period={false} />
      <div className="toolbar">
        <div className="visit-tabs" role="group">
          {(['week', 'month'] as const).map((m) => (
            <button key={m} type="button" className={mode === m ? 'button visit-tab--on' : 'button'} aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`calendar-${m}`}>
              {t(`visits.calendar.${m}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => step(-1)} aria-label={t('visits.calendar.previous')}>‹</button>
        <strong className="visit-calendar__title">{mode === 'week' ? `${from} – ${to}` : title}</strong>
        <button type="button" className="button" onClick={() => step(1)} aria-label={t('visits.calendar.next')}>›</button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className={`visit-calendar visit-calendar--${mode}`} data-testid="visit-calendar">
        {days.slice(0, 7).map((d) => (
          <div key={`h-${d}`} className="visit-calendar__weekday">{weekday.format(parseIsoDate(d))}</div>
        ))}
        {days.map((d) => {
          const list = byDay.get(d) ?? [];
          const outside = mode === 'month' && d.slice(0, 7) !== anchor.slice(0, 7);
          return (
            <div key={d} className={`visit-calendar__day${outside ? ' visit-calendar__day--outside' : ''}${d === today ? ' visit-calendar__day--today' : ''}`} data-date={d}>
              <div className="visit-calendar__date">{Number(d.slice(8))}</div>
              {list.slice(0, mode === 'week' ? 50 : PER_DAY).map((p) => (
                <a key={p.id} href={profileHref(p.customerId)} className={`visit-chip visit-status--${p.status === 'planned' && d < today ? 'overdue' : p.status}`} title={`${p.customerName} · ${p.ownerName ?? ''}`}>
                  {p.customerName}
                </a>
              ))}
              {mode === 'month' && list.length > PER_DAY && <span className="muted">+{list.length - PER_DAY}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
