import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { papers, type Paper } from '../../../shared/print/contract';
import { invoke } from '../api/client';
import { errorMessage } from '../stores/errorMessage';
import type { PrintRoute } from '../routing/visitRoute';
import { ReportLayout } from './ReportLayout';
import { SurveyFormsLayout } from './SurveyFormsLayout';
import { VisitSheetsLayout } from './VisitSheetsLayout';
import './print.css';

/** Props every print layout gets: its query, the paper, and a callback once its data and fonts are in. */
export interface PrintLayoutProps {
  query: URLSearchParams;
  paper: Paper;
  onReady: () => void;
}

/** Layouts by route name (`#/print/<name>`). */
const layouts: Record<string, { render: (p: PrintLayoutProps) => ReactNode; fileName: string }> = {
  'visit-sheets': { render: (p) => <VisitSheetsLayout {...p} />, fileName: 'visit-sheets' },
  'survey-forms': { render: (p) => <SurveyFormsLayout {...p} />, fileName: 'survey-forms' },
  report: { render: (p) => <ReportLayout {...p} />, fileName: 'patron-report' },
};

/**
 * A print layout with its preview toolbar (hidden on paper). The same route is what
 * Electron's hidden window and the harness's Chromium print, so preview and PDF agree.
 */
export function PrintView({ route }: { route: PrintRoute }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const layout = layouts[route.layout];
  const onReady = useCallback(() => {
    void document.fonts.ready.then(() => setReady(true));
  }, []);

  const setPaper = (paper: Paper) => {
    const q = new URLSearchParams(route.query);
    q.set('paper', paper);
    window.location.hash = `#/print/${route.layout}?${q.toString()}`;
  };
  const run = async (what: 'print:pdf' | 'print:print') => {
    setBusy(true);
    setMessage(null);
    try {
      const request = { route: window.location.hash, paper: route.paper, fileName: layout?.fileName ?? 'patron-print' };
      if (what === 'print:pdf') {
        const r = await invoke('print:pdf', request);
        setMessage(r.path === null ? null : t('print.toolbar.saved', { path: r.path }));
      } else {
        await invoke('print:print', request);
      }
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`print-root print-root--${route.paper.toLowerCase()}`} data-print-ready={ready ? 'true' : 'false'} data-testid="print-root">
      <style>{`@page { size: ${route.paper}; margin: 12mm; }`}</style>
      <div className="print-toolbar" role="toolbar">
        <button type="button" className="button" onClick={() => window.history.back()}>
          ← {t('print.toolbar.back')}
        </button>
        <label className="field">
          {t('print.toolbar.paper')}
          <select className="select" value={route.paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="print-paper">
            {papers.map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={!ready || busy} onClick={() => void run('print:print')}>
          {t('print.toolbar.print')}
        </button>
        <button type="button" className="button button--primary visit-primary" disabled={!ready || busy} onClick={() => void run('print:pdf')} data-testid="print-save-pdf">
          {t('print.toolbar.savePdf')}
        </button>
        {!ready && <span className="muted">{t('print.toolbar.loading')}</span>}
        {message && (
          <span className="muted" role="status" data-testid="print-message">
            {message}
          </span>
        )}
      </div>
      {layout ? layout.render({ query: route.query, paper: route.paper, onReady }) : <p className="muted">{route.layout}</p>}
    </div>
  );
}
