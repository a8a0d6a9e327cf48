import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryResult, RecoveryStatus } from '../../../../shared/domain/backups';
import { languageForLocale } from '../../../../shared/i18n/language';
import { invoke } from '../../api/client';
import { applyLanguage } from '../../i18n';
import { errorMessage } from '../../stores/errorMessage';
import { useSettings } from '../../stores/settings';
import { ErrorNotice } from '../ErrorNotice';
import { LanguageSwitch } from '../LanguageSwitch';
import './backups.css';

type Gate = { phase: 'asking' } | { phase: 'open' } | { phase: 'damaged'; status: Extract<RecoveryStatus, { damaged: true }> };

/**
 * Asks the main process first whether the database opened normally. If it failed
 * its start checks, the recovery screen replaces the app: it explains, offers the
 * newest good backup, and says the damaged file is kept as it is.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ phase: 'asking' });

  useEffect(() => {
    invoke('recovery:status', {}).then(
      (status) => {
        if (!status.damaged) {
          setGate({ phase: 'open' });
          return;
        }
        const language = languageForLocale(status.systemLocale);
        useSettings.setState({ language });
        void applyLanguage(language).then(() => setGate({ phase: 'damaged', status }));
      },
      // Without an answer the app itself starts and reports whatever is wrong.
      () => setGate({ phase: 'open' }),
    );
  }, []);

  if (gate.phase === 'asking') return null;
  if (gate.phase === 'open') return children;
  return <RecoveryScreen status={gate.status} onContinue={() => setGate({ phase: 'open' })} />;
}

function RecoveryScreen({ status, onContinue }: { status: Extract<RecoveryStatus, { damaged: true }>; onContinue: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RecoveryResult | null>(null);

  return (
    <main className="page recovery" data-testid="recovery-screen">
      <div className="page-header">
        <h1 className="page-title">{t('recovery.title')}</h1>
        <LanguageSwitch />
      </div>
      <section className="card">
        <p>{t('recovery.explain')}</p>
        <p>
          {t('recovery.file')} <span className="recovery__path">{status.file}</span>
        </p>
        <p>
          {t('recovery.reason')} <span data-testid="recovery-reason">{status.reason}</span>
        </p>
        <p className="muted">{t('recovery.untouched')}</p>
      </section>
      <section className="card">
        {done ? (
          <>
            <p className="backups__done" role="status" data-testid="recovery-done">
              {t('recovery.done', { kept: done.damagedFileKeptAs })}
            </p>
            <div className="backups__actions">
              <button type="button" className="button" onClick={onContinue}>
                {t('recovery.continue')}
              </button>
            </div>
          </>
        ) : status.newestGoodBackup ? (
          <>
            <p>
              {t('recovery.newest')} <span className="recovery__path">{status.newestGoodBackup}</span>
            </p>
            <p className="muted">{t('recovery.offerHint')}</p>
            <div className="backups__actions">
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  setError(null);
                  invoke('recovery:restore', {}).then(setDone, (err: unknown) => setError(errorMessage(err))).finally(() => setBusy(false));
                }}
              >
                {t('recovery.restore')}
              </button>
            </div>
          </>
        ) : (
          <p>{t('recovery.noBackup')}</p>
        )}
        {error && <ErrorNotice title={t('recovery.failed')} message={error} />}
      </section>
    </main>
  );
}
