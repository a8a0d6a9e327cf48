import { useTranslation } from 'react-i18next';
import { surveyFormsForSelectionHref } from '../../routing/surveyRoute';
import { useSurveySelection } from '../../stores/surveys';
import { SelectionButton } from '../SelectionButton';

/** Customers toolbar: print survey forms for the rows selected in the grid. */
export function SurveyFormsButton({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  const open = (selected: number[]) => {
    useSurveySelection.getState().set(selected);
    window.location.hash = surveyFormsForSelectionHref;
  };
  return <SelectionButton ids={ids} label={t('surveys.forms.fromGrid')} testId="survey-forms-button" open={open} />;
}
