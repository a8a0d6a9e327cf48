import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../../shared/domain/backups';

/** The integrity check's answer in plain words: all good, or each problem on its own line. */
export function IntegrityResult({ report }: { report: IntegrityReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <p className="backups__done" role="status" data-testid="integrity-result">
        {t('backups.checkOk')}
      </p>
    );
  }
  return (
    <div className="backups__problems" role="alert" data-testid="integrity-result">
      <strong>{t('backups.checkProblems')}</strong>
      <ul>
        {report.integrity
          .filter((line) => line !== 'ok')
          .map((line) => (
            <li key={line}>{line}</li>
          ))}
        {report.foreignKeys.map((fk) => (
          <li key={`${fk.table}:${String(fk.rowid)}:${fk.parent}`}>{t('backups.fkProblem', { table: fk.table, row: fk.rowid ?? '?', parent: fk.parent })}</li>
        ))}
      </ul>
    </div>
  );
}
