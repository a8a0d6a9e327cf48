import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintForm, PrintForms } from '../../../shared/domain/surveys';
import { invoke } from '../api/client';
import { appLang, questionText } from '../components/surveys/labels';
import { errorMessage } from '../stores/errorMessage';
import type { PrintLayoutProps } from './PrintView';
import './surveyForms.css';

const SUGGESTION_LINES = 4;
const NPS_VALUES = Array.from({ length: 11 }, (_, i) => i);

/** The QR code of a form number as an SVG data URL (vector in the PDF, so it decodes at any scan resolution). */
async function qrOf(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** `?batch=<id>` or `?forms=1,2,3`: one paper survey form per page, in each form's own language. */
export function SurveyFormsLayout({ query, onReady }: PrintLayoutProps) {
  const { t } = useTranslation();
  const [data, setData] = useState<(PrintForms & { qr: Record<string, string> }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const batch = query.get('batch');
  const ids = query.get('forms') ?? '';

  useEffect(() => {
    const list = ids.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    invoke('surveys:printForms', { ids: list, batchId: batch, lang: appLang() })
      .then(async (d) => {
        const codes = await Promise.all(d.forms.map(async (f) => [f.form.formNo, await qrOf(f.form.formNo)] as const));
        setData({ ...d, qr: Object.fromEntries(codes) });
        onReady();
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [batch, ids, onReady]);

  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!data) return null;
  if (data.forms.length === 0) return <p className="muted">{t('surveys.forms.none')}</p>;
  return (
    <div className="sheets">
      {data.forms.map((f) => (
        <FormSheet key={f.form.id} f={f} qr={data.qr[f.form.formNo] ?? ''} businessName={data.businessName} />
      ))}
    </div>
  );
}

function FormSheet({ f, qr, businessName }: { f: PrintForm; qr: string; businessName: string }) {
  const { i18n } = useTranslation();
  const lang = f.form.language === 'en-US' ? 'en' : 'zh-CN';
  const t = i18n.getFixedT(lang);
  const scores = f.questions.filter((q) => q.kind === 'score5');
  const nps = f.questions.find((q) => q.kind === 'nps');
  const texts = f.questions.filter((q) => q.kind === 'text');
  return (
    <article className="sheet survey-sheet" data-testid="survey-sheet" data-form-no={f.form.formNo} lang={f.form.language}>
      <header className="sheet-header">
        <div>
          <div className="sheet-business">{businessName || 'Patron'}</div>
          <h1 className="sheet-title">{lang === 'en' ? f.templateNameEn : f.templateNameZh}</h1>
          <dl className="survey-sheet__meta">
            <div><dt>{t('surveys.sheet.customer')}</dt><dd className="survey-sheet__customer">{f.form.customerName}</dd></div>
            <div><dt>{t('surveys.sheet.date')}</dt><dd>{f.form.issuedOn}</dd></div>
            <div><dt>{t('surveys.sheet.formNo')}</dt><dd className="survey-sheet__no">{f.form.formNo}</dd></div>
          </dl>
        </div>
        <img className="survey-sheet__qr" src={qr} alt={f.form.formNo} />
      </header>

      <p className="survey-sheet__intro">{t('surveys.sheet.intro')}</p>

      <section className="sheet-section">
        <h3>{t('surveys.sheet.scores')}</h3>
        <table className="survey-sheet__table">
          <thead>
            <tr>
              <th />
              {[1, 2, 3, 4, 5].map((n) => <th key={n}>{t(`surveys.sheet.scale.${n}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {scores.map((q, i) => (
              <tr key={q.id}>
                <th>{i + 1}. {questionText(q, lang)}</th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <td key={n}><span className="survey-sheet__box" /> {n}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {nps && (
        <section className="sheet-section">
          <h3>{questionText(nps, lang)}</h3>
          <div className="survey-sheet__nps">
            {NPS_VALUES.map((n) => (
              <span key={n} className="survey-sheet__nps-cell"><span className="survey-sheet__box" /> {n}</span>
            ))}
          </div>
          <div className="survey-sheet__nps-ends"><span>{t('surveys.sheet.npsLow')}</span><span>{t('surveys.sheet.npsHigh')}</span></div>
        </section>
      )}

      {texts.map((q) => (
        <section key={q.id} className="sheet-section">
          <h3>{questionText(q, lang)}</h3>
          <div className="sheet-lines">
            {Array.from({ length: SUGGESTION_LINES }, (_, i) => <div key={i} className="sheet-line" />)}
          </div>
        </section>
      ))}

      <footer className="survey-sheet__footer">
        <span>{t('surveys.sheet.thanks')}</span>
        <span>{t('surveys.sheet.signature')} ______________</span>
      </footer>
    </article>
  );
}
