import { useTranslation } from 'react-i18next';
import { planForSelectionHref } from '../../routing/visitRoute';
import { useVisits } from '../../stores/visits';
import { SelectionButton } from '../SelectionButton';

/** Customers toolbar: plan visits for the rows selected in the grid. */
export function PlanVisitsButton({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  const open = (selected: number[]) => {
    useVisits.getState().setSelection(selected);
    window.location.hash = planForSelectionHref;
  };
  return <SelectionButton ids={ids} label={t('visits.planVisits')} testId="plan-visits" open={open} />;
}
