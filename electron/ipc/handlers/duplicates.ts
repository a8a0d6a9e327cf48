import type { duplicatesContract } from '../../../shared/ipc/contract/duplicates';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const duplicatesHandlers = (services: Services): HandlersFor<typeof duplicatesContract> => ({
  'duplicates:find': () => ({ pairs: services.duplicates.find() }),
  'duplicates:merge': (req) => services.duplicates.merge(req),
  'duplicates:undoMerge': (req) => services.duplicates.undoMerge(req.batchId),
  'duplicates:recent': () => ({ merges: services.duplicates.recentMerges() }),
});
