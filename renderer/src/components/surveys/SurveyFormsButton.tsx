import { useTranslation } from 'react-i18next';
import { surveyFormsForSelectionHref } from '../../routing/surveyRoute';
import { useSurveySelection } from '../../stores/surveys';

/** Customers toolbar: print survey forms for the rows selected in the grid. */
export function SurveyFormsButton({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button"
      disabled={ids.length === 0}
      onClick={() => {
        useSurveySelection.getState().set([...ids]);
        window.location.hash = surveyFormsForSelectionHref;
      }}
      data-testid="survey-forms-button"
    >
      {t('surveys.forms.fromGrid')}
    </button>
  );
}
