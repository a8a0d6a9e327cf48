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
    'warnings:today': () => services.warnings.today(),
    'warnings:counts': () => services.warnings.counts(),
    'warnings:run': () => services.warnings.run('manual'),
    'warnings:settings': () => services.warnings.settings(),
    'warnings:saveSettings': (req) => services.warnings.saveSettings(req),
    'warnings:forCustomer': (req) => ({ alerts: services.warnings.forCustomer(req.customerId) }),
    'warnings:setStatus': (req) => services.warnings.setStatus(req),
    'warnings:logInteraction': (req) => services.warnings.logInteraction(req.id, req.channel, req.summary),
    'care:done': (req) => services.warnings.setCareDone(req.kind, req.refId, req.occasion, req.done),
    'complaints:list': (req) => ({ complaints: services.complaints.list(req.which) }),
    'complaints:log': (req) => services.complaints.log(req),
    'complaints:respond': (req) => services.complaints.respond(req.id),
    'complaints:resolve': (req) => services.complaints.resolve(req.id, req.resolution, req.satisfaction),
    'complaints:escalate': (req) => services.complaints.escalate(req.id, req.staffId),
    'complaints:escalationTargets': () => ({ staff: services.complaints.escalationTargets() }),
    // — Visit plans and printing —
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
    'print:pdf': (req) => services.print.pdf(req),
    'print:print': (req) => services.print.print(req),
    // — Satisfaction surveys —
    // — Dashboard and reports —
    // — Loyalty: levels, points, referrals —
    'loyalty:profile': (req) => services.loyalty.profile(req.customerId),
    'loyalty:redeem': (req) => services.loyalty.redeem(req.customerId, req.rewardCode),
    'loyalty:adjust': (req) => services.loyalty.adjust(req.customerId, req.points, req.reason),
    'loyalty:setLevel': (req) => services.loyalty.setLevel(req.customerId, req.level),
    'loyalty:setReferrer': (req) => services.loyalty.setReferrer(req.customerId, req.referrerCode),
    'loyalty:settings': () => services.loyalty.settings(),
    'loyalty:saveSettings': (req) => services.loyalty.saveSettings(req),
    'loyalty:sync': () => services.loyalty.sync(),
    'loyalty:distribution': () => services.loyalty.distribution(),
  };
}
