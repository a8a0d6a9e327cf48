import type { backupsContract } from '../../../shared/ipc/contract/backups';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const backupsHandlers = (services: Services): HandlersFor<typeof backupsContract> => ({
  'backups:list': () => ({ folder: services.backups.folder(), backups: services.backups.list(), settings: services.backups.settings() }),
  'backups:create': () => services.backups.create('manual'),
  'backups:restore': (req) => services.backups.restore(req.name),
  'backups:check': () => services.backups.check(),
  'backups:configure': (req) => services.backups.setSettings(req),
  'backups:archive': () => services.backups.archive(),
  // A healthy database: the damaged-file answers are in electron/ipc/recovery.ts.
  'recovery:status': () => ({ damaged: false }),
  'recovery:restore': () => services.backups.recoverNothing(),
});
