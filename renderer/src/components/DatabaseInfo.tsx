import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/language';
import type { AppInfo, DbStats } from '../../../shared/ipc/contract/app';
import { ErrorNotice } from './ErrorNotice';

interface DatabaseInfoProps {
  appInfo: AppInfo | null;
  stats: DbStats | null;
  error: string | null;
  language: Language;
  onRetry: () => void;
}

/** File path, schema version, size and rows per table of the open database. */
export function DatabaseInfo({ appInfo, stats, error, language, onRetry }: DatabaseInfoProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(language);

  function fileSize(bytes: number): string {
    const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    if (bytes < 1024) return t('settings.bytes', { value: number.format(bytes) });
    if (bytes < 1024 ** 2) return t('settings.kib', { value: decimal.format(bytes / 1024) });
    if (bytes < 1024 ** 3) return t('settings.mib', { value: decimal.format(bytes / 1024 ** 2) });
    return t('settings.gib', { value: decimal.format(bytes / 1024 ** 3) });
  }

  const counts = stats ? Object.entries(stats.counts).sort(([a], [b]) => a.localeCompare(b)) : [];

  return (
    <div className="database-info" data-testid="database-info">
      {error && <ErrorNotice title={t('settings.loadFailed')} message={error} retryLabel={t('settings.retry')} onRetry={onRetry} />}
      <table className="info-table">
        <tbody>
          <tr>
            <th scope="row">{t('settings.dbPath')}</th>
            <td className="info-table__path" data-testid="db-path">
              {appInfo?.dbPath ?? '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('settings.schemaVersion')}</th>
            <td data-testid="db-schema-version">{stats?.schemaVersion ?? appInfo?.schemaVersion ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('settings.fileSize')}</th>
            <td data-testid="db-file-size" title={stats ? t('settings.bytes', { value: number.format(stats.fileBytes) }) : undefined}>
              {stats ? fileSize(stats.fileBytes) : '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('settings.appVersion')}</th>
            <td>{appInfo?.version ?? '—'}</td>
          </tr>
        </tbody>
      </table>

      <h3 className="section-subtitle">{t('settings.countsHeading')}</h3>
      {stats ? (
        <table className="info-table info-table--counts" data-testid="db-counts">
          <thead>
            <tr>
              <th scope="col">{t('settings.table')}</th>
              <th scope="col" className="numeric">
                {t('settings.rows')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([table, rows]) => (
              <tr key={table}>
                <td>
                  {i18n.exists(`settings.tables.${table}`) ? t(`settings.tables.${table}` as 'settings.tables.customers') : table}{' '}
                  <code className="muted">{table}</code>
                </td>
                <td className="numeric">{number.format(rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !error && (
          <p className="status-message" role="status">
            {t('settings.loading')}
          </p>
        )
      )}
    </div>
  );
}
