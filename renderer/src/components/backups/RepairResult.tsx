import { useTranslation } from 'react-i18next';
import type { RollupRepairResult } from '../../../../shared/domain/rollups';
import { useSettings } from '../../stores/settings';

/** What the repair of the customer summaries found: all correct, how many rows it fixed, or that it rebuilt them. */
export function RepairResult({ result }: { result: RollupRepairResult }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const number = new Intl.NumberFormat(language);
  const values = {
    customers: number.format(result.customers),
    months: number.format(result.months),
    rollups: number.format(result.fixed.rollups),
    monthly: number.format(result.fixed.monthly),
  };
  const key = result.rebuilt ? 'backups.repairRebuilt' : result.fixed.rollups + result.fixed.monthly === 0 ? 'backups.repairOk' : 'backups.repairFixed';
  return (
    <p className="backups__done" role="status" data-testid="repair-result">
      {t(key, values)}
    </p>
  );
}
