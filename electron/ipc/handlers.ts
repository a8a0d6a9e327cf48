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
    'backups:list': () => ({ folder: services.backups.folder(), backups: services.backups.list(), settings: services.backups.settings() }),
    'backups:create': () => services.backups.create('manual'),
    'backups:restore': (req) => services.backups.restore(req.name),
    'backups:check': () => services.backups.check(),
    'backups:configure': (req) => services.backups.setSettings(req),
    'backups:archive': () => services.backups.archive(),
    'recovery:status': () => ({ damaged: false }),
    'recovery:restore': () => services.backups.recoverNothing(),
    // — Import and export —
    'import:inspect': (req) => services.imports.inspect(req),
    'import:preview': (req) => services.imports.preview(req),
    'import:start': (req) => services.imports.start(req),
    'import:wait': (req) => services.imports.wait(req.jobId),
    'import:upload': (req) => services.imports.upload(req),
    'import:pickFile': () => services.imports.pickFile(),
    'import:history': () => ({ batches: services.imports.history() }),
    'import:revert': (req) => services.imports.revert(req.id),
    'import:mappings': (req) => ({ mappings: services.imports.mappings(req.target) }),
    'import:saveMapping': (req) => services.imports.saveMapping(req),
    'export:run': (req) => services.exports.run(req),
    // — Customer profiles: editing, views, duplicates, audit —
    'customers:rows': (req) => services.customers.rows(req.ids),
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
    'segments:overview': () => services.segments.overview(),
    'segments:ids': (req) => services.segments.ids(req),
    'segments:run': () => services.segments.run('manual'),
    'segments:settings': () => services.segments.settings(),
    'segments:saveSettings': (req) => services.segments.saveSettings(req),
    'segments:preview': (req) => services.segments.preview(req),
    // — Warnings, complaints and care reminders —
    // — Visit plans and printing —
    // — Loyalty: levels, points, referrals —
  };
}
