import { useTranslation } from 'react-i18next';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useImportFlow, type Step } from './useImportFlow';
import './importExport.css';

const STEPS: Step[] = ['file', 'map', 'preview', 'run', 'result'];

/** The import wizard: pick file → map columns → preview → import with progress → result. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const flow = useImportFlow();
  const r = flow.report;
  const blocked = !r || r.ambiguousDates.length > 0 || (r.errorRows > 0 && (flow.options.onErrors ?? 'abort') === 'abort') || r.new + r.updated === 0;
  const pct = flow.progress && flow.progress.total > 0 ? Math.round((flow.progress.done / flow.progress.total) * 100) : 0;

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-wizard">
        <header className="modal__header">
          <h2 id="import-title" className="section-title">
            {t('importExport.title')}
          </h2>
          <ol className="wizard-steps">
            {STEPS.map((s) => (
              <li key={s} aria-current={s === flow.step ? 'step' : undefined}>
                {t(`importExport.steps.${s}`)}
              </li>
            ))}
          </ol>
        </header>
        <div className="modal__body">
          {flow.error && (
            <p className="form-error" role="alert" data-testid="import-error">
              {flow.step === 'result' ? `${t('importExport.failed')}: ` : ''}
              {flow.error}
            </p>
          )}
          {flow.step === 'file' && <FileStep flow={flow} />}
          {flow.step === 'map' && <MappingStep flow={flow} />}
          {flow.step === 'preview' && <PreviewStep flow={flow} />}
          {flow.step === 'run' && (
            <div className="wizard-step">
              <progress className="import-progress" max={100} value={pct} aria-label={t('importExport.steps.run')} />
              <p role="status">{t('importExport.running', { done: flow.progress?.done ?? 0, total: flow.progress?.total ?? r?.rows ?? 0 })}</p>
            </div>
          )}
          {flow.step === 'result' && (
            <div className="wizard-step" data-testid="import-result" role="status">
              {flow.outcome === 'cancelled' && <p>{t('importExport.cancelled')}</p>}
              {flow.outcome === 'done' && r && (
                <>
                  <p>{r.committed ? t('importExport.done', { new: r.new, updated: r.updated, skipped: r.skipped }) : t('importExport.notWritten')}</p>
                  {r.backupPath && <p className="muted">{t('importExport.backup', { path: r.backupPath })}</p>}
                </>
              )}
            </div>
          )}
          {flow.busy === 'previewing' && <p role="status">{t('importExport.previewing')}</p>}
        </div>
        <footer className="modal__footer">
          {(flow.step === 'map' || flow.step === 'preview') && (
            <button type="button" className="button" onClick={() => flow.setStep(flow.step === 'map' ? 'file' : 'map')}>
              {t('importExport.back')}
            </button>
          )}
          <span className="spacer" />
          {flow.step === 'map' && (
            <button type="button" className="button button--primary" data-testid="import-preview" disabled={flow.busy !== null} onClick={() => void flow.preview()}>
              {t('importExport.preview')}
            </button>
          )}
          {flow.step === 'preview' && (
            <button type="button" className="button button--primary" data-testid="import-commit" disabled={blocked} onClick={() => void flow.commit()}>
              {t('importExport.commit')}
            </button>
          )}
          {flow.step === 'run' && (
            <button type="button" className="button" data-testid="import-cancel" onClick={() => void flow.cancel()}>
              {t('importExport.cancel')}
            </button>
          )}
          {flow.step !== 'run' && (
            <button type="button" className="button" data-testid="import-close" onClick={onClose}>
              {t('importExport.close')}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
