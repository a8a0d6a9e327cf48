import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/domain/dates';
import type { VisitPlan } from '../../../../shared/domain/visits';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { language } from '../../stores/visits';

const outcomes = ['yes', 'partial', 'no'] as const;

/** Execution record of one visit: done yes / partial / no, outcome notes, next step, date done. */
export function RecordForm({ plan, onDone }: { plan: VisitPlan; onDone: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof outcomes)[number]>(plan.status === 'planned' ? 'yes' : plan.status);
  const [doneDate, setDoneDate] = useState(plan.doneDate ?? localToday());
  const [outcome, setOutcome] = useState(plan.outcome ?? '');
  const [nextStep, setNextStep] = useState(plan.nextStep ?? '');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    try {
      await invoke('visits:record', { id: plan.id, status, doneDate, outcome: outcome.trim() || null, nextStep: nextStep.trim() || null, language: language() });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form
      className="visit-record"
      data-testid="visit-record-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="visit-record__status">
        {outcomes.map((o) => (
          <label key={o}>
            <input type="radio" name={`status-${plan.id}`} value={o} checked={status === o} onChange={() => setStatus(o)} /> {t(`visits.status.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('visits.doneDate')}
        <input type="date" className="text-input" value={doneDate} required onChange={(e) => setDoneDate(e.target.value)} />
      </label>
      <label className="visit-record__wide">
        {t('visits.outcome')}
        <textarea className="text-area" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="visit-outcome" />
      </label>
      <label className="visit-record__wide">
        {t('visits.nextStep')}
        <input className="text-input" value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
      </label>
      <div className="visit-record__actions">
        <button type="submit" className="button button--primary visit-primary" data-testid="visit-record-save">{t('visits.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('visits.cancel')}</button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
    </form>
  );
}
