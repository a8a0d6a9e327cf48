/**
 * The names of every IPC call and push event. Kept apart from the zod schemas so
 * the sandboxed preload can whitelist channels without bundling zod; the contract
 * module checks at compile time that both lists agree.
 */
export const channels = [
  'app:info',
  'db:stats',
  'settings:get',
  'settings:set',
  'customers:list',
  'customers:get',
  'customers:update',
  'jobs:list',
  'jobs:cancel',
  // — Backups, restore and integrity —
  'backups:list',
  'backups:create',
  'backups:restore',
  'backups:check',
  'backups:configure',
  'backups:archive',
  'recovery:status',
  'recovery:restore',
  // — Import and export —
  'import:inspect',
  'import:preview',
  'import:start',
  'import:wait',
  'import:pickFile',
  'import:history',
  'import:revert',
  'import:mappings',
  'import:saveMapping',
  'export:run',
  // — Customer profiles: editing, views, duplicates, audit —
  'customers:rows',
  'customers:bulkUpdate',
  'customers:revert',
  'customers:activity',
  'customers:staff',
  'contacts:add',
  'contacts:update',
  'contacts:remove',
  'orders:setAmount',
  'interactions:log',
  'duplicates:find',
  'duplicates:merge',
  'duplicates:undoMerge',
  'duplicates:recent',
  'views:list',
  'views:save',
  'views:remove',
  'completeness:get',
  'completeness:set',
  // — Segmentation and lifetime value —
  'segments:overview',
  'segments:ids',
  'segments:run',
  'segments:settings',
  'segments:saveSettings',
  'segments:preview',
  'segments:repairRollups',
  // — Warnings, complaints and care reminders —
  'warnings:today',
  'warnings:counts',
  'warnings:run',
  'warnings:settings',
  'warnings:saveSettings',
  'warnings:forCustomer',
  'warnings:setStatus',
  'warnings:logInteraction',
  'care:done',
  'complaints:list',
  'complaints:log',
  'complaints:respond',
  'complaints:resolve',
  'complaints:escalate',
  'complaints:escalationTargets',
  // — Visit plans and printing —
  'visits:templates',
  'visits:templateVersions',
  'visits:saveTemplate',
  'visits:preview',
  'visits:create',
  'visits:list',
  'visits:record',
  'visits:sheets',
  'visits:printSettings',
  'visits:savePrintSettings',
  'print:pdf',
  'print:print',
  // — Satisfaction surveys —
  'surveys:templates',
  'surveys:templateVersions',
  'surveys:saveTemplate',
  'surveys:issue',
  'surveys:phoneForm',
  'surveys:forms',
  'surveys:lookup',
  'surveys:enter',
  'surveys:printForms',
  'surveys:results',
  'surveys:plans',
  'surveys:addAction',
  'surveys:setActionStatus',
  'surveys:setPlanStatus',
  // — Dashboard and reports —
  'reports:dashboard',
  'reports:report',
  'reports:customers',
  'reports:settings',
  'reports:saveSettings',
  'reports:exportXlsx',
  // — Loyalty: levels, points, referrals —
  'loyalty:profile',
  'loyalty:redeem',
  'loyalty:adjust',
  'loyalty:setLevel',
  'loyalty:setReferrer',
  'loyalty:settings',
  'loyalty:saveSettings',
  'loyalty:sync',
  'loyalty:distribution',
] as const;

export type Channel = (typeof channels)[number];

export const events = [
  'db:changed',
  'job:progress',
  // — Backups, restore and integrity —
  // — Import and export —
  // — Customer profiles: editing, views, duplicates, audit —
  // — Segmentation and lifetime value —
  // — Warnings, complaints and care reminders —
  // — Visit plans and printing —
  // — Satisfaction surveys —
  // — Dashboard and reports —
  // — Loyalty: levels, points, referrals —
] as const;

export type EventName = (typeof events)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (events as readonly string[]).includes(name);
}
