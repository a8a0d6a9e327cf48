import type { complaintsContract } from '../../../shared/ipc/contract/complaints';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const complaintsHandlers = (services: Services): HandlersFor<typeof complaintsContract> => ({
  'complaints:list': (req) => ({ complaints: services.complaints.list(req.which) }),
  'complaints:log': (req) => services.complaints.log(req),
  'complaints:respond': (req) => services.complaints.respond(req.id),
  'complaints:resolve': (req) => services.complaints.resolve(req.id, req.resolution, req.satisfaction),
  'complaints:escalate': (req) => services.complaints.escalate(req.id, req.staffId),
  'complaints:escalationTargets': () => ({ staff: services.complaints.escalationTargets() }),
});
