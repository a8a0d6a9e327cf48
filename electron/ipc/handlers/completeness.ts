import type { completenessContract } from '../../../shared/ipc/contract/completeness';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const completenessHandlers = (services: Services): HandlersFor<typeof completenessContract> => ({
  'completeness:get': () => services.completeness.get(),
  'completeness:set': (req) => services.completeness.set(req),
});
