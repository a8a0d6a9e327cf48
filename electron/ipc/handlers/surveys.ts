import type { surveysContract } from '../../../shared/ipc/contract/surveys';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const surveysHandlers = (services: Services): HandlersFor<typeof surveysContract> => ({
  'surveys:templates': () => ({ templates: services.surveys.templates() }),
  'surveys:templateVersions': (req) => ({ versions: services.surveys.templateVersions(req.key) }),
  'surveys:saveTemplate': (req) => services.surveys.saveTemplate(req),
  'surveys:issue': (req) => services.surveys.issue(req),
  'surveys:phoneForm': ({ lang, ...req }) => services.surveys.phoneForm(req, lang),
  'surveys:forms': ({ lang, ...req }) => ({ forms: services.surveys.forms(req, lang) }),
  'surveys:lookup': (req) => services.surveys.lookup(req.formNo, req.lang),
  'surveys:enter': ({ lang, ...req }) => services.surveys.enter(req, lang),
  'surveys:printForms': (req) => services.surveys.printForms(req.ids, req.batchId, req.lang),
  'surveys:results': (req) => services.surveys.results(req),
  'surveys:plans': (req) => ({ plans: services.surveys.plans(req.state === 'active', req.customerId) }),
  'surveys:addAction': (req) => services.surveys.addAction(req),
  'surveys:setActionStatus': (req) => services.surveys.setActionStatus(req.id, req.status),
  'surveys:setPlanStatus': (req) => services.surveys.setPlanStatus(req.id, req.status),
});
