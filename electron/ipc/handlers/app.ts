import type { appContract } from '../../../shared/ipc/contract/app';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const appHandlers = (services: Services): HandlersFor<typeof appContract> => ({
  'app:info': () => services.app.info(),
  'db:stats': () => services.app.stats(),
  'settings:get': () => services.settings.get(),
  'settings:set': (req) => services.settings.set(req),
});
