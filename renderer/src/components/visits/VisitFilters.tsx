import { useTranslation } from 'react-i18next';
import { visitStatuses, type VisitStatus } from '../../../../shared/domain/visits';
import { useProfileRefs } from '../../stores/profileRefs';
import { useVisits, type VisitFilter } from '../../stores/visits';

/** Owner, status, period and overdue: the filters the list, the calendar and batch printing share. */
export function VisitFilters({ period = true }: { period?: boolean }) {
  const { t } = useTranslation();
  const staff = useProfileRefs((s) => s.staff);
  const filter = useVisits((s) => s.filter);
  const setFilter = (patch: Partial<VisitFilter>) => useVisits.getState().setFilter(patch);
  return (
    <div className="toolbar visit-filters">
      <select className="select" aria-label={t('visits.columns.owner')} value={filter.ownerId ?? ''} onChange={(e) => setFilter({ ownerId: e.target.value ? Number(e.target.value) : null })} data-testid="visit-filter-owner">
        <option value="">{t('visits.filters.anyOwner')}</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </select>
      <select className="select" aria-label={t('visits.columns.status')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: e.target.value ? (e.target.value as VisitStatus) : null })} data-testid="visit-filter-status">
        <option value="">{t('visits.filters.anyStatus')}</option>
        {visitStatuses.map((s) => (
          <option key={s} value={s}>{t(`visits.status.${s}`)}</option>
        ))}
      </select>
      {period && (
        <>
          <label className="field">
            {t('visits.filters.from')}
            <input type="date" className="text-input" value={filter.from ?? ''} onChange={(e) => setFilter({ from: e.target.value || null })} data-testid="visit-filter-from" />
          </label>
          <label className="field">
            {t('visits.filters.to')}
            <input type="date" className="text-input" value={filter.to ?? ''} onChange={(e) => setFilter({ to: e.target.value || null })} data-testid="visit-filter-to" />
          </label>
        </>
      )}
      <label className="field">
        <input type="checkbox" checked={filter.overdue} onChange={(e) => setFilter({ overdue: e.target.checked })} data-testid="visit-filter-overdue" /> {t('visits.filters.overdue')}
      </label>
    </div>
  );
}
