import type { viewsContract } from '../../../shared/ipc/contract/views';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const viewsHandlers = (services: Services): HandlersFor<typeof viewsContract> => ({
  'views:list': () => ({ views: services.views.list(), user: services.views.user() }),
  'views:save': (req) => ({ views: services.views.save(req.name, req.state) }),
  'views:remove': (req) => ({ views: services.views.remove(req.id) }),
});
