import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyForm } from '../../../../shared/domain/surveys';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { phoneSurveyHref } from '../../routing/surveyRoute';
import { errorMessage } from '../../stores/errorMessage';
import { FormTable } from './FormsPanel';
import { appLang } from './labels';

/** The profile's surveys: every form with its state and scores; start a phone survey. */
export function ProfileSurveys({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [forms, setForms] = useState<SurveyForm[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('surveys:forms', { customerId, limit: 50, lang: appLang() }).then((r) => setForms(r.forms), (e: unknown) => setError(errorMessage(e)));
  }, [customerId]);
  useEffect(() => {
    load();
    return onReadsChanged(['surveys:forms'], load);
  }, [load]);
  return (
    <section className="card" aria-labelledby="profile-surveys" data-testid="profile-surveys">
      <h2 id="profile-surveys" className="section-title">
        {t('surveys.profile.heading')} {forms && <span className="muted">{forms.length}</span>}
      </h2>
      {error && <p className="error-text" role="alert">{error}</p>}
      {forms && forms.length === 0 && <p className="muted">{t('surveys.profile.none')}</p>}
      {forms && forms.length > 0 && (
        <div className="scroll-box survey-table-box">
          <FormTable forms={forms} showCustomer={false} />
        </div>
      )}
      <div>
        <a className="button" href={phoneSurveyHref(customerId)} data-testid="profile-phone-survey">{t('surveys.profile.phone')}</a>
      </div>
    </section>
  );
}
