import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionKinds, type QuestionDraft, type QuestionKind, type SurveyTemplate } from '../../../../shared/domain/surveys';
import { invoke } from '../../api/client';
import { onReadsChanged } from '../../api/live';
import { errorMessage } from '../../stores/errorMessage';

interface Draft {
  key: string | null;
  nameZh: string;
  nameEn: string;
  questions: QuestionDraft[];
}

const toDraft = (tp: SurveyTemplate): Draft => ({
  key: tp.key,
  nameZh: tp.nameZh,
  nameEn: tp.nameEn,
  questions: tp.questions.map((q) => ({ kind: q.kind, dimension: q.dimension, textZh: q.textZh, textEn: q.textEn })),
});

/** Bilingual, versioned templates: saving an edit makes the next version; forms keep the version they were printed with. */
export function TemplatesPanel() {
  const { t, i18n } = useTranslation();
  const [templates, setTemplates] = useState<SurveyTemplate[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const load = () => {
      invoke('surveys:templates', {}).then((r) => setTemplates(r.templates), (e: unknown) => setError(errorMessage(e)));
    };
    load();
    return onReadsChanged(['surveys:templates'], load);
  }, []);
  const en = i18n.language === 'en';

  const setQ = (i: number, patch: Partial<QuestionDraft>) =>
    draft && setDraft({ ...draft, questions: draft.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const save = async () => {
    if (!draft) return;
    setError(null);
    try {
      const saved = await invoke('surveys:saveTemplate', draft);
      setMessage(t('surveys.templates.saved', { version: saved.version }));
      setDraft(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="survey-templates" data-testid="survey-templates">
      <p className="muted">{t('surveys.templates.hint')}</p>
      {message && <p className="ok-text" role="status">{message}</p>}
      {error && <p className="error-text" role="alert">{error}</p>}
      {draft ? (
        <section className="card" data-testid="survey-template-editor">
          <div className="toolbar">
            <label className="field">{t('surveys.templates.nameZh')}<input className="text-input" value={draft.nameZh} onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} /></label>
            <label className="field">{t('surveys.templates.nameEn')}<input className="text-input" value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} /></label>
          </div>
          <table className="info-table info-table--wide">
            <thead>
              <tr><th>#</th><th>{t('surveys.templates.kind')}</th><th>{t('surveys.templates.dimension')}</th><th>{t('surveys.templates.textZh')}</th><th>{t('surveys.templates.textEn')}</th><th /></tr>
            </thead>
            <tbody>
              {draft.questions.map((q, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>
                    <select className="select" value={q.kind} onChange={(e) => {
                      const kind = e.target.value as QuestionKind;
                      setQ(i, { kind, dimension: kind === 'score5' ? (q.dimension ?? `d${i + 1}`) : null });
                    }}>
                      {questionKinds.map((k) => <option key={k} value={k}>{t(`surveys.kinds.${k}`)}</option>)}
                    </select>
                  </td>
                  <td>{q.kind === 'score5' && <input className="text-input survey-dim" value={q.dimension ?? ''} onChange={(e) => setQ(i, { dimension: e.target.value })} />}</td>
                  <td><input className="text-input" value={q.textZh} onChange={(e) => setQ(i, { textZh: e.target.value })} data-testid={`survey-q-zh-${i}`} /></td>
                  <td><input className="text-input" value={q.textEn} onChange={(e) => setQ(i, { textEn: e.target.value })} data-testid={`survey-q-en-${i}`} /></td>
                  <td><button type="button" className="button button--small" onClick={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}>{t('surveys.templates.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar">
            <button type="button" className="button" onClick={() => setDraft({ ...draft, questions: [...draft.questions, { kind: 'score5', dimension: `d${draft.questions.length + 1}`, textZh: '', textEn: '' }] })}>{t('surveys.templates.addQuestion')}</button>
            <button type="button" className="button button--primary survey-primary" onClick={() => void save()} data-testid="survey-template-save">{draft.key ? t('surveys.templates.saveVersion') : t('surveys.templates.saveNew')}</button>
            <button type="button" className="button" onClick={() => setDraft(null)}>{t('surveys.templates.cancel')}</button>
          </div>
        </section>
      ) : (
        <button type="button" className="button" onClick={() => setDraft({ key: null, nameZh: '', nameEn: '', questions: [{ kind: 'score5', dimension: 'quality', textZh: '', textEn: '' }, { kind: 'nps', dimension: null, textZh: '', textEn: '' }] })}>
          {t('surveys.templates.new')}
        </button>
      )}
      {templates.map((tp) => (
        <section key={tp.id} className="card" data-testid={`survey-template-${tp.key}`}>
          <header className="survey-plan__head">
            <h3 className="section-subtitle">{en ? tp.nameEn : tp.nameZh} <span className="muted">{t('surveys.templates.version', { version: tp.version })}</span></h3>
            <button type="button" className="button button--small" onClick={() => setDraft(toDraft(tp))} data-testid={`survey-template-edit-${tp.key}`}>{t('surveys.templates.edit')}</button>
          </header>
          <ol className="survey-questions">
            {tp.questions.map((q) => (
              <li key={q.id}><span className="tag">{t(`surveys.kinds.${q.kind}`)}</span> {en ? q.textEn : q.textZh} <span className="muted">{en ? q.textZh : q.textEn}</span></li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
