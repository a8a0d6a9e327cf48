import type { careContract } from '../../../shared/ipc/contract/care';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const careHandlers = (services: Services): HandlersFor<typeof careContract> => ({
  'care:done': (req) => services.warnings.setCareDone(req.kind, req.refId, req.occasion, req.done),
});
