import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClvStatus } from '../components/segments/ClvStatus';
import { LifecycleFunnel } from '../components/segments/LifecycleFunnel';
import { LevelDistribution } from '../components/loyalty/LevelDistribution';
import { MigrationMatrix } from '../components/segments/MigrationMatrix';
import { QuadrantMatrix } from '../components/segments/QuadrantMatrix';
import { SegmentSettingsForm } from '../components/segments/SegmentSettingsForm';
import { TierTable } from '../components/segments/TierTable';
import '../components/segments/segments.css';
import { useSegments } from '../stores/segments';

/** 客户分层: tiers, quadrant, lifecycle, migration, CLV fit and the settings behind them. */
export function SegmentsPage() {
  const { t, i18n } = useTranslation();
  const { overview, error, job, load, run, cancel } = useSegments();

  useEffect(() => {
    void load();
  }, [load]);

  const busy = job !== null || overview?.running === true;
  const last = overview?.run;
  return (
    <section className="page" aria-labelledby="segments-title" data-testid="segments-page">
      <header className="page-header">
        <h1 id="segments-title" className="page-title">
          {t('segments.title')}
        </h1>
        <div className="page-tools">
          {busy && (
            <span className="muted" role="status" data-testid="segment-progress">
              {t('segments.running', { done: job?.done ?? 0, total: job?.total ?? 0 })}
            </span>
          )}
          {busy && (
            <button type="button" className="button" onClick={() => void cancel()} data-testid="segment-cancel">
              {t('segments.cancel')}
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void run()} data-testid="segment-run">
            {t('segments.runNow')}
          </button>
        </div>
      </header>
      {error && (
        <p className="error-notice" role="alert">
          {t('segments.loadFailed')}: {error}
        </p>
      )}
      {overview && !last && <p className="muted">{t('segments.noRun')}</p>}
      {overview && last && (
        <>
          <p className="muted" data-testid="segment-last-run">
            {t('segments.lastRun', { asOf: last.asOf, trigger: t(`segments.trigger.${last.trigger}`), finished: new Date(last.finishedAt).toLocaleString(i18n.language), customers: last.customers.toLocaleString() })}{' '}
            {t('segments.clickHint')}
          </p>
          <div className="seg-grid">
            <TierTable overview={overview} language={i18n.language} />
            <QuadrantMatrix overview={overview} language={i18n.language} />
            <LifecycleFunnel overview={overview} />
            <MigrationMatrix overview={overview} />
          </div>
          <ClvStatus run={last} />
        </>
      )}
      <SegmentSettingsForm />
      <LevelDistribution />
    </section>
  );
}
