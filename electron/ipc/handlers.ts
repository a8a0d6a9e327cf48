import type { Channel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Services } from '../services';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** Maps each contract channel to the service that answers it. Requests arrive already validated. */
export function handlerTable(services: Services): HandlerTable {
  return {
    'app:info': () => services.app.info(),
    'db:stats': () => services.app.stats(),
    'settings:get': () => services.settings.get(),
    'settings:set': (req) => services.settings.set(req),
    'customers:list': () => services.customers.list(),
    'customers:get': (req) => services.customers.get(req.id),
    'customers:update': (req) => services.customers.update(req.id, req.patch),
    'jobs:list': () => ({ jobs: services.jobs.list() }),
    'jobs:cancel': (req) => ({ cancelled: services.jobs.cancel(req.id) }),
    // — Backups, restore and integrity —
    // — Import and export —
    // — Customer profiles: editing, views, duplicates, audit —
    'customers:bulkUpdate': (req) => services.customers.bulkUpdate(req.ids, req.patch),
    'customers:revert': (req) => services.undo.revert(req.batchId),
    'customers:activity': (req) => services.profile.activity(req.id),
    'customers:staff': () => ({ staff: services.profile.staff() }),
    'contacts:add': (req) => services.profile.addContact(req.customerId, req.contact),
    'contacts:update': (req) => services.profile.updateContact(req.id, req.contact),
    'contacts:remove': (req) => services.profile.removeContact(req.id),
    'interactions:log': (req) => services.profile.logInteraction(req.customerId, req.interaction),
    'duplicates:find': () => ({ pairs: services.duplicates.find() }),
    'duplicates:merge': (req) => services.duplicates.merge(req),
    'duplicates:undoMerge': (req) => services.duplicates.undoMerge(req.batchId),
    'duplicates:recent': () => ({ merges: services.duplicates.recentMerges() }),
    'views:list': () => ({ views: services.views.list(), user: services.views.user() }),
    'views:save': (req) => ({ views: services.views.save(req.name, req.state) }),
    'views:remove': (req) => ({ views: services.views.remove(req.id) }),
    'completeness:get': () => services.completeness.get(),
    'completeness:set': (req) => services.completeness.set(req),
    // — Segmentation and lifetime value —
  };
}
