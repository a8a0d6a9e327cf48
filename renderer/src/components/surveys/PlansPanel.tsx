import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, planStatuses, type ActionStatus, type ImprovementPlan, type PlanStatus } from '../../../../shared/domain/surveys';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { profileHref } from '../../routing/customerRoute';
import { errorMessage } from '../../stores/errorMessage';
import { useProfileRefs } from '../../stores/profileRefs';
import { percent } from './labels';

/** Improvement plans: started by low scores, a table of actions each, progress = done / all actions. */
export function PlansPanel({ customerId = null }: { customerId?: number | null }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [plans, setPlans] = useState<ImprovementPlan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('surveys:plans', { state: all ? 'all' : 'active', customerId }).then((r) => setPlans(r.plans), (e: unknown) => setError(errorMessage(e)));
  }, [all, customerId]);
  useEffect(() => {
    void useProfileRefs.getState().load();
    load();
    return onReadsChanged(['surveys:plans'], load);
  }, [load]);
  const act = (p: Promise<unknown>) => p.then(load, (e: unknown) => setError(errorMessage(e)));

  return (
    <div className="survey-plans" data-testid="survey-plans">
      <div className="toolbar">
        <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('surveys.plans.showClosed')}</label>
        <span className="muted">{t('surveys.plans.hint')}</span>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {plans && plans.length === 0 && <p className="muted">{t('surveys.plans.none')}</p>}
      {plans?.map((p) => (
        <section key={p.id} className="card survey-plan" data-testid={`survey-plan-${p.id}`}>
          <header className="survey-plan__head">
            <h3 className="section-subtitle">{p.title}</h3>
            <select className="select" value={p.status} aria-label={t('surveys.plans.status')} onChange={(e) => void act(invoke('surveys:setPlanStatus', { id: p.id, status: e.target.value as PlanStatus }))}>
              {planStatuses.map((s) => <option key={s} value={s}>{t(`surveys.planStatus.${s}`)}</option>)}
            </select>
            <span className="survey-progress" title={t('surveys.plans.progress')}>
              <span className="survey-progress__bar" style={{ width: `${Math.round((p.progress ?? 0) * 100)}%` }} />
            </span>
            <span className="muted">{t('surveys.plans.progressText', { done: p.actions.filter((a) => a.status === 'done').length, all: p.actions.filter((a) => a.status !== 'cancelled').length, pct: percent(p.progress) })}</span>
          </header>
          <p className="muted">
            {p.reason}
            {p.customerId !== null && <> · <a href={profileHref(p.customerId)}>{p.customerName}</a></>}
            {p.links.length > 0 && <> · {t('surveys.plans.causes')}: {p.links.map((l) => (l.source === 'survey' ? l.label : `${t('surveys.plans.complaint')} ${l.label}`)).join(', ')}</>}
          </p>
          <table className="info-table info-table--wide">
            <thead>
              <tr>
                <th>{t('surveys.plans.measure')}</th><th>{t('surveys.plans.owner')}</th><th>{t('surveys.plans.due')}</th>
                <th>{t('surveys.plans.resources')}</th><th>{t('surveys.plans.acceptance')}</th><th>{t('surveys.plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.measure}</td><td>{a.ownerName ?? '—'}</td><td>{a.dueDate ?? '—'}</td><td>{a.resources}</td><td>{a.acceptance}</td>
                  <td>
                    <select className="select" value={a.status} aria-label={t('surveys.plans.status')} onChange={(e) => void act(invoke('surveys:setActionStatus', { id: a.id, status: e.target.value as ActionStatus }))}>
                      {actionStatuses.map((s) => <option key={s} value={s}>{t(`surveys.actionStatus.${s}`)}</option>)}
                    </select>
                    {a.doneOn && <span className="muted"> {a.doneOn}</span>}
                  </td>
                </tr>
              ))}
              <ActionForm planId={p.id} onSaved={load} onError={setError} />
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function ActionForm({ planId, onSaved, onError }: { planId: number; onSaved: () => void; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const staff = useProfileRefs((s) => s.staff);
  const [measure, setMeasure] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [due, setDue] = useState('');
  const [resources, setResources] = useState('');
  const [acceptance, setAcceptance] = useState('');
  const add = async () => {
    try {
      await invoke('surveys:addAction', { planId, measure, ownerId: ownerId ? Number(ownerId) : null, dueDate: due || null, resources, acceptance });
      setMeasure('');
      setResources('');
      setAcceptance('');
      setDue('');
      onSaved();
    } catch (e) {
      onError(errorMessage(e));
    }
  };
  return (
    <tr className="survey-action-form">
      <td><input className="text-input" value={measure} placeholder={t('surveys.plans.measure')} onChange={(e) => setMeasure(e.target.value)} data-testid={`survey-action-measure-${planId}`} /></td>
      <td>
        <select className="select" value={ownerId} aria-label={t('surveys.plans.owner')} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">—</option>
          {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </td>
      <td><input type="date" className="text-input" value={due} aria-label={t('surveys.plans.due')} onChange={(e) => setDue(e.target.value)} /></td>
      <td><input className="text-input" value={resources} placeholder={t('surveys.plans.resources')} onChange={(e) => setResources(e.target.value)} /></td>
      <td><input className="text-input" value={acceptance} placeholder={t('surveys.plans.acceptance')} onChange={(e) => setAcceptance(e.target.value)} /></td>
      <td><button type="button" className="button" disabled={measure.trim() === ''} onClick={() => void add()} data-testid={`survey-action-add-${planId}`}>{t('surveys.plans.add')}</button></td>
    </tr>
  );
}
