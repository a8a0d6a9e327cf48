import type { reportsContract } from '../../../shared/ipc/contract/reports';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const reportsHandlers = (services: Services): HandlersFor<typeof reportsContract> => ({
  'reports:dashboard': (req) => services.reports.dashboard(req),
  'reports:report': (req) => services.reports.report(req.month),
  'reports:customers': (req) => services.reports.customers(req),
  'reports:settings': () => services.reports.settings(),
  'reports:saveSettings': (req) => services.reports.saveSettings(req),
  'reports:exportXlsx': (req) => services.reports.exportXlsx(req.month, req.language),
});
