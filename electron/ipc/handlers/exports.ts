import type { exportsContract } from '../../../shared/ipc/contract/exports';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const exportsHandlers = (services: Services): HandlersFor<typeof exportsContract> => ({
  'export:run': (req) => services.exports.run(req),
});
