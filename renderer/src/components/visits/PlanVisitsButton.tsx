import { useTranslation } from 'react-i18next';
import { planForSelectionHref } from '../../routing/visitRoute';
import { useVisits } from '../../stores/visits';

/** Customers toolbar: plan visits for the rows selected in the grid. */
export function PlanVisitsButton({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button"
      disabled={ids.length === 0}
      onClick={() => {
        useVisits.getState().setSelection([...ids]);
        window.location.hash = planForSelectionHref;
      }}
      data-testid="plan-visits"
    >
      {t('visits.planVisits')}
    </button>
  );
}
