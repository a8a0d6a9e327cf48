import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/domain/backups';
import { onReadsChanged } from '../../api/live';
import { useBackups } from '../../stores/backups';
import { useSettings } from '../../stores/settings';
import { ErrorNotice } from '../ErrorNotice';
import { BackupSchedule } from './BackupSchedule';
import { IntegrityResult } from './IntegrityResult';
import { RepairResult } from './RepairResult';
import { formatBytes, formatTime } from './format';
import './backups.css';

/** Settings → Backups: the list with restore, backup now, integrity check and export everything. */
export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const language = useSettings((s) => s.language);
  const { folder, backups, settings, busy, error, lastCheck, lastRepair, lastArchive, lastRestore } = useBackups();
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const number = new Intl.NumberFormat(language);

  useEffect(() => {
    void useBackups.getState().load();
    try {
      // Backups written by the schedule or before bulk writes appear without a reload.
      return onReadsChanged(['backups:list'], () => void useBackups.getState().load());
    } catch {
      return undefined;
    }
  }, []);

  const reason = (r: string) => (i18n.exists(`backups.reasons.${r}`) ? t(`backups.reasons.${r}` as 'backups.reasons.manual') : r);

  return (
    <section className="card backups" aria-labelledby="settings-backups" data-testid="backups-section">
      <h2 id="settings-backups" className="section-title">
        {t('backups.heading')}
      </h2>
      <p className="muted">{t('backups.explain', { minutes: settings?.intervalMinutes ?? 30 })}</p>
      {folder && (
        <p className="muted backups__folder">
          {t('backups.folder')} <code data-testid="backups-folder">{folder}</code>
        </p>
      )}

      <div className="backups__actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void useBackups.getState().create()}>
          {busy === 'create' ? t('backups.working') : t('backups.backupNow')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void useBackups.getState().check()}>
          {busy === 'check' ? t('backups.checking') : t('backups.check')}
        </button>
        <button type="button" className="button" disabled={busy !== null} title={t('backups.repairHint')} onClick={() => void useBackups.getState().repair()}>
          {busy === 'repair' ? t('backups.repairing') : t('backups.repair')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void useBackups.getState().archive()}>
          {busy === 'archive' ? t('backups.exporting') : t('backups.exportAll')}
        </button>
      </div>

      {error && <ErrorNotice title={t(`backups.failed.${error.action}`)} message={error.message} />}
      {lastCheck && busy !== 'check' && <IntegrityResult report={lastCheck} />}
      {lastRepair && busy !== 'repair' && <RepairResult result={lastRepair} />}
      {lastArchive && (
        <p className="backups__done" role="status" data-testid="archive-result">
          {t('backups.exported', { file: lastArchive.file, count: lastArchive.tables.length })}
        </p>
      )}
      {lastRestore && (
        <p className="backups__done" role="status" data-testid="restore-result">
          {t('backups.restored', { undo: lastRestore.undoBackup })}
        </p>
      )}

      {confirming && (
        <div className="backups__confirm" role="alertdialog" aria-labelledby="restore-confirm-title" data-testid="restore-confirm">
          <strong id="restore-confirm-title">{t('backups.confirmTitle', { time: formatTime(confirming.takenAt, language) })}</strong>
          <p>{t('backups.confirmBody')}</p>
          <div className="backups__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy !== null}
              onClick={() => {
                const name = confirming.name;
                setConfirming(null);
                void useBackups.getState().restore(name);
              }}
            >
              {t('backups.confirmRestore')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('backups.cancel')}
            </button>
          </div>
        </div>
      )}

      <h3 className="section-subtitle">{t('backups.listHeading', { count: backups.length })}</h3>
      {backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <div className="backups__scroll">
          <table className="info-table backups__table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">{t('backups.time')}</th>
                <th scope="col">{t('backups.reason')}</th>
                <th scope="col" className="numeric">
                  {t('backups.size')}
                </th>
                <th scope="col" className="numeric">
                  {t('settings.tables.customers')}
                </th>
                <th scope="col" className="numeric">
                  {t('settings.tables.orders')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('backups.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name} data-testid="backup-row" title={b.name}>
                  <td>{formatTime(b.takenAt, language)}</td>
                  <td>{reason(b.reason)}</td>
                  <td className="numeric">{formatBytes(b.bytes, language)}</td>
                  <td className="numeric">{b.counts?.customers !== undefined ? number.format(b.counts.customers) : '—'}</td>
                  <td className="numeric">{b.counts?.orders !== undefined ? number.format(b.counts.orders) : '—'}</td>
                  <td className="backups__row-action">
                    {b.ok ? (
                      <button type="button" className="button button--small" disabled={busy !== null} onClick={() => setConfirming(b)}>
                        {t('backups.restore')}
                      </button>
                    ) : (
                      <span className="muted">{t('backups.unreadable')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <BackupSchedule />
    </section>
  );
}
