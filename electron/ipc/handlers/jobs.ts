import type { jobsContract } from '../../../shared/ipc/contract/jobs';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const jobsHandlers = (services: Services): HandlersFor<typeof jobsContract> => ({
  'jobs:list': () => ({ jobs: services.jobs.list() }),
  'jobs:cancel': (req) => ({ cancelled: services.jobs.cancel(req.id) }),
});
