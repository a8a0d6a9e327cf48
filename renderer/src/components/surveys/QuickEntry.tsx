import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormLookup, SurveyTemplate } from '../../../../shared/domain/surveys';
import { splitScoreKeys } from '../../../../shared/surveys/entryKeys';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { FormChoice } from './FormChoice';
import { appLang, defaultFormLanguage, fixed, questionText } from './labels';

/**
 * Quick entry of returned forms by keyboard only: type or scan the form number, Enter,
 * one digit per 5-point question, the NPS (0–10), Enter saves and returns to the number
 * for the next form. A form entered before shows that entry and offers a correction.
 */
export function QuickEntry({ customerId }: { customerId: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [formNo, setFormNo] = useState('');
  const [found, setFound] = useState<FormLookup | null>(null);
  const [digits, setDigits] = useState('');
  const [npsText, setNpsText] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  const noRef = useRef<HTMLInputElement>(null);
  const digitsRef = useRef<HTMLInputElement>(null);
  const npsRef = useRef<HTMLInputElement>(null);

  const scoreQuestions = found?.questions.filter((q) => q.kind === 'score5') ?? [];
  const npsQuestion = found?.questions.find((q) => q.kind === 'nps') ?? null;
  const textQuestion = found?.questions.find((q) => q.kind === 'text') ?? null;
  const formLang = found?.form.language ?? lang;

  // The score field appears with the form (or unlocks for a correction): the keyboard goes straight to it.
  useEffect(() => {
    if (found && (!found.response || correcting)) digitsRef.current?.focus();
  }, [found, correcting]);

  const reset = () => {
    setFound(null);
    setDigits('');
    setNpsText('');
    setSuggestion('');
    setCorrecting(false);
    setFormNo('');
    noRef.current?.focus();
  };

  const lookup = async (no: string) => {
    setError(null);
    setMessage(null);
    try {
      const r = await invoke('surveys:lookup', { formNo: no.trim().toUpperCase(), lang: appLang() });
      setFound(r);
      setFormNo(r.form.formNo);
      setDigits('');
      setNpsText('');
      setSuggestion('');
      setCorrecting(false);
    } catch (e) {
      setFound(null);
      setError(errorMessage(e));
    }
  };

  const startCorrection = () => {
    if (!found?.response) return;
    const byId = new Map(found.response.answers.map((a) => [a.questionId, a]));
    setDigits(scoreQuestions.map((q) => String(byId.get(q.id)?.score ?? 0)).join(''));
    setNpsText(found.response.nps === null ? '' : String(found.response.nps));
    setSuggestion(textQuestion ? (byId.get(textQuestion.id)?.text ?? '') : '');
    setCorrecting(true);
  };

  const save = async () => {
    if (!found) return;
    const nps = npsText.trim() === '' ? null : Number(npsText);
    if (nps !== null && (!Number.isInteger(nps) || nps < 0 || nps > 10)) {
      setError(t('surveys.entry.badNps'));
      npsRef.current?.focus();
      return;
    }
    const scores = scoreQuestions.flatMap((q, i) => {
      const d = Number(digits[i] ?? '0');
      return d >= 1 && d <= 5 ? [{ questionId: q.id, score: d }] : [];
    });
    const texts = textQuestion && suggestion.trim() ? [{ questionId: textQuestion.id, text: suggestion.trim() }] : [];
    try {
      const r = await invoke('surveys:enter', { formNo: found.form.formNo, scores, nps: npsQuestion ? nps : null, texts, correct: correcting, lang: appLang() });
      setMessage(
        t(r.corrected ? 'surveys.entry.corrected' : 'surveys.entry.saved', { form: found.form.formNo, customer: found.form.customerName, mean: fixed(r.response.meanScore), nps: r.response.nps ?? '—' }) +
          (r.plansStarted.length > 0 ? ` ${t('surveys.entry.planStarted', { count: r.plansStarted.length })}` : ''),
      );
      setCount((c) => c + 1);
      setError(null);
      reset();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const onDigits = (value: string) => {
    const n = scoreQuestions.length;
    const { scores: clean, overflow } = splitScoreKeys(value, n);
    setDigits(clean);
    if (!npsQuestion) return;
    if (overflow !== '') {
      setNpsText((npsText + overflow).slice(0, 2));
      npsRef.current?.focus();
    } else if (clean.length === n) setTimeout(() => npsRef.current?.focus(), 0);
  };
  /** Enter moves on (number → scores → NPS → save), Escape drops the form. */
  const onKey = (e: KeyboardEvent<HTMLInputElement>, step: 'lookup' | 'scores' | 'save') => {
    if (e.key === 'Escape') {
      reset();
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (step === 'lookup') void lookup(formNo);
    // Enter on the scores moves to the NPS, or saves when the NPS was already typed on.
    else if (step === 'scores' && npsQuestion && npsText === '') npsRef.current?.focus();
    else void save();
  };

  const locked = found?.response !== null && found?.response !== undefined && !correcting;

  return (
    <div className="survey-entry" data-testid="survey-entry">
      <div className="card survey-entry__main">
        <p className="muted">{t('surveys.entry.hint')}</p>
        <label className="field survey-entry__no">
          {t('surveys.entry.formNo')}
          <input
            ref={noRef}
            className="text-input"
            value={formNo}
            autoFocus
            placeholder="SV-2026-000123"
            onChange={(e) => setFormNo(e.target.value)}
            onKeyDown={(e) => onKey(e, 'lookup')}
            data-testid="survey-entry-no"
          />
        </label>
        {error && <p className="error-text" role="alert" data-testid="survey-entry-error">{error}</p>}
        {message && <p className="ok-text" role="status" data-testid="survey-entry-message">{message}</p>}
        {found && (
          <div className="survey-entry__form" data-testid="survey-entry-form">
            <h3 className="section-subtitle">
              {found.form.customerName} <span className="muted">{found.form.customerCode} · {found.form.templateName} v{found.form.templateVersion} · {t(`surveys.channels.${found.form.channel}`)} · {found.form.issuedOn}</span>
            </h3>
            {found.response && !correcting && (
              <div className="survey-entry__done" role="alert" data-testid="survey-entry-done">
                <p>{t('surveys.entry.already', { date: found.response.createdAt.slice(0, 10), by: found.response.enteredBy })}</p>
                <button type="button" className="button" onClick={startCorrection} data-testid="survey-entry-correct">{t('surveys.entry.correct')}</button>
              </div>
            )}
            <label className="field">
              {t('surveys.entry.scores', { count: scoreQuestions.length })}
              <input
                ref={digitsRef}
                className="text-input survey-entry__digits"
                inputMode="numeric"
                value={locked ? '' : digits}
                disabled={locked}
                onChange={(e) => onDigits(e.target.value)}
                onKeyDown={(e) => onKey(e, 'scores')}
                data-testid="survey-entry-scores"
              />
            </label>
            <table className="info-table survey-entry__table">
              <tbody>
                {scoreQuestions.map((q, i) => {
                  const given = locked ? (found.response?.answers.find((a) => a.questionId === q.id)?.score ?? 0) : Number(digits[i] ?? '0');
                  return (
                    <tr key={q.id}>
                      <th>{questionText(q, formLang)}</th>
                      <td className="survey-boxes">
                        {[1, 2, 3, 4, 5].map((n) => (
                          <span key={n} className={n === given ? 'survey-box survey-box--on' : 'survey-box'}>{n}</span>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {npsQuestion && (
              <label className="field">
                {questionText(npsQuestion, formLang)}
                <input
                  ref={npsRef}
                  className="text-input survey-entry__nps"
                  inputMode="numeric"
                  value={locked ? String(found.response?.nps ?? '') : npsText}
                  disabled={locked}
                  onChange={(e) => setNpsText(e.target.value.replace(/\D/g, '').slice(0, 2))}
                  onKeyDown={(e) => onKey(e, 'save')}
                  data-testid="survey-entry-nps"
                />
              </label>
            )}
            {textQuestion && (
              <label className="field survey-entry__text">
                {questionText(textQuestion, formLang)}
                <input
                  className="text-input"
                  value={locked ? (found.response?.answers.find((a) => a.questionId === textQuestion.id)?.text ?? '') : suggestion}
                  disabled={locked}
                  onChange={(e) => setSuggestion(e.target.value)}
                  onKeyDown={(e) => onKey(e, 'save')}
                  data-testid="survey-entry-text"
                />
              </label>
            )}
            {!locked && (
              <button type="button" className="button button--primary survey-primary" onClick={() => void save()} data-testid="survey-entry-save">
                {correcting ? t('surveys.entry.saveCorrection') : t('surveys.entry.save')}
              </button>
            )}
          </div>
        )}
        <p className="muted" data-testid="survey-entry-count">{t('surveys.entry.count', { count })}</p>
      </div>
      <PhoneSurvey customerId={customerId} onForm={(no) => void lookup(no)} />
    </div>
  );
}

/** Phone surveys: a form is made on the spot for the customer, then entered the same way. */
function PhoneSurvey({ customerId, onForm }: { customerId: number | null; onForm: (formNo: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [customerName, setCustomerName] = useState<string | null>(null);
  const [templates, setTemplates] = useState<SurveyTemplate[]>([]);
  const [templateKey, setTemplateKey] = useState('standard');
  const [formLanguage, setFormLanguage] = useState(defaultFormLanguage());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('surveys:templates', {}).then((r) => setTemplates(r.templates), (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (customerId === null) return;
    invoke('customers:get', { id: customerId }).then((c) => setCustomerName(c.name), (e: unknown) => setError(errorMessage(e)));
  }, [customerId]);
  const start = async () => {
    setError(null);
    try {
      const form = await invoke('surveys:phoneForm', { customerId, customerCode: customerId === null ? code.trim() : null, templateKey, language: formLanguage, lang: appLang() });
      onForm(form.formNo);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="card survey-phone" data-testid="survey-phone">
      <h3 className="section-subtitle">{t('surveys.phone.heading')}</h3>
      <p className="muted">{t('surveys.phone.hint')}</p>
      {customerId !== null ? (
        <p>{t('surveys.phone.customer', { name: customerName ?? '…' })}</p>
      ) : (
        <label className="field">
          {t('surveys.phone.code')}
          <input className="text-input" value={code} onChange={(e) => setCode(e.target.value)} data-testid="survey-phone-code" />
        </label>
      )}
      <FormChoice templates={templates} templateKey={templateKey} onTemplate={setTemplateKey} language={formLanguage} onLanguage={setFormLanguage} />
      <button type="button" className="button" disabled={customerId === null && code.trim() === ''} onClick={() => void start()} data-testid="survey-phone-start">{t('surveys.phone.start')}</button>
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}
