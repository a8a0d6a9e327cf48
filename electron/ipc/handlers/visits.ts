import type { visitsContract } from '../../../shared/ipc/contract/visits';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const visitsHandlers = (services: Services): HandlersFor<typeof visitsContract> => ({
  'visits:templates': () => ({ templates: services.visits.templates() }),
  'visits:templateVersions': (req) => ({ versions: services.visits.templateVersions(req.key) }),
  'visits:saveTemplate': (req) => services.visits.saveTemplate(req),
  'visits:preview': (req) => services.visits.preview(req),
  'visits:create': (req) => services.visits.create(req),
  'visits:list': (req) => services.visits.list(req),
  'visits:record': (req) => services.visits.record(req),
  'visits:sheets': (req) => services.visits.sheets(req.ids, req.language),
  'visits:printSettings': () => services.visits.printSettings(),
  'visits:savePrintSettings': (req) => services.visits.savePrintSettings(req),
});
