import { localToday } from '../../shared/domain/dates';
import type { SegmentSelector } from '../../shared/domain/segments';
import {
  VISIT_LIST_LIMIT,
  printSettingsSchema,
  type GeneratePreview,
  type ListRequest,
  type ParsedGenerateRequest,
  type PlanDraft,
  type PrintSettings,
  type RecordRequest,
  type SaveTemplateRequest,
  type VisitList,
  type VisitPlan,
  type VisitSheets,
  type VisitTemplate,
  listRequestSchema,
  recordRequestSchema,
} from '../../shared/domain/visits';
import { spreadDates } from '../../shared/visits/schedule';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { settingsQueries } from '../db/settings';
import { visitQueries, type VisitCandidate } from '../db/visits';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';
import { backupInBackground } from './safety';

/** Settings-table key of the print header (business name). */
export const PRINT_SETTINGS_KEY = 'visits.print';
/** Tables a plan write touches; the renderer's visit store refetches on them. */
const PLAN_TABLES = ['visit_plans'];

export interface VisitDeps {
  /** The customers a segment selector stands for (segments:ids). */
  segmentIds: (selector: SegmentSelector) => number[];
}

/** Visit plans: versioned templates, generation with preview, execution records, the data of visit sheets. */
export function visitService(ctx: ServiceContext, deps: VisitDeps) {
  const q = visitQueries(ctx.db);
  const store = settingsQueries(ctx.db);
  const today = () => localToday(ctx.now());

  const printSettings = (): PrintSettings => {
    const parsed = printSettingsSchema.safeParse(store.get(PRINT_SETTINGS_KEY));
    return parsed.success ? parsed.data : { businessName: '' };
  };

  /** The plans a request would create, and the customers it cannot plan (with why). */
  function draft(req: ParsedGenerateRequest): GeneratePreview {
    const ids = req.target.by === 'ids' ? req.target.ids : deps.segmentIds(req.target.selector);
    const found = q.candidates(ids);
    const foundIds = new Set(found.map((c) => c.id));
    const skipped: GeneratePreview['skipped'] = ids.filter((id) => !foundIds.has(id)).map((customerId) => ({ customerId, customerName: null, reason: 'not_found' }));
    const fixed = req.templateKey === null ? null : q.latestByKey(req.templateKey);
    if (req.templateKey !== null && !fixed) throw keyedError('not_found', 'visitTemplateMissing', { key: req.templateKey }, [{ path: 'templateKey', message: 'no such template' }]);
    const byCell = new Map<string, VisitTemplate>();
    for (const t of q.latestTemplates()) if (t.quadrant && t.tier && !byCell.has(`${t.quadrant}:${t.tier}`)) byCell.set(`${t.quadrant}:${t.tier}`, t);

    // Group by template: each template's customers share one frequency window.
    const groups = new Map<number, { template: VisitTemplate; customers: VisitCandidate[] }>();
    for (const c of found) {
      let template = fixed;
      if (!template) {
        if (!c.tier || !c.quadrant) {
          skipped.push({ customerId: c.id, customerName: c.name, reason: 'not_segmented' });
          continue;
        }
        template = byCell.get(`${c.quadrant}:${c.tier}`) ?? null;
        if (!template) {
          skipped.push({ customerId: c.id, customerName: c.name, reason: 'no_template' });
          continue;
        }
      }
      const group = groups.get(template.id) ?? { template, customers: [] };
      group.customers.push(c);
      groups.set(template.id, group);
    }

    const en = req.language === 'en';
    const turn = new Map<string, number>();
    const drafts: PlanDraft[] = [];
    const defaultOwnerName = req.defaultOwnerId === null ? null : q.staffName(req.defaultOwnerId);
    if (req.defaultOwnerId !== null && defaultOwnerName === null) throw keyedError('not_found', 'staffMissing', { id: req.defaultOwnerId }, [{ path: 'defaultOwnerId', message: 'no such staff member' }]);
    for (const { template: t, customers } of groups.values()) {
      const dates = spreadDates(customers.length, req.from, req.to, t.frequencyDays, req.skipWeekends);
      const pool = q.staffByRole(t.ownerRole);
      customers.forEach((c, i) => {
        let owner: { id: number; name: string } | null = c.owner_id === null ? null : { id: c.owner_id, name: c.owner_name ?? '' };
        if (!owner && req.defaultOwnerId !== null) owner = { id: req.defaultOwnerId, name: defaultOwnerName ?? '' };
        if (!owner && pool.length > 0) {
          // Customers without an owner go to the template's role in turn.
          const n = turn.get(t.ownerRole) ?? 0;
          owner = pool[n % pool.length] ?? null;
          turn.set(t.ownerRole, n + 1);
        }
        drafts.push({
          customerId: c.id,
          customerName: c.name,
          ownerId: owner?.id ?? null,
          ownerName: owner?.name ?? null,
          tier: c.tier,
          quadrant: c.quadrant,
          templateId: t.id,
          templateName: en ? t.nameEn : t.nameZh,
          templateVersion: t.version,
          plannedDate: dates[i] ?? req.from,
          goal: en ? t.goalEn : t.goalZh,
          measures: en ? t.measuresEn : t.measuresZh,
          resources: en ? t.resourcesEn : t.resourcesZh,
        });
      });
    }
    drafts.sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : a.customerId - b.customerId));
    return { drafts, skipped };
  }

  const mustPlan = (id: number, lang = 'zh-CN'): VisitPlan => {
    const p = q.plan(id, lang);
    if (!p) throw keyedError('not_found', 'visitPlanMissing', { id });
    return p;
  };

  return {
    templates: (): VisitTemplate[] => q.latestTemplates(),
    templateVersions: (key: string): VisitTemplate[] => q.versionsOf(key),

    /** Editing makes the next version; plans made earlier keep theirs. A null key adds a new template. */
    saveTemplate(req: SaveTemplateRequest): VisitTemplate {
      const at = nowIso(ctx);
      const id = ctx.db.transaction(() => {
        if (req.key === null) {
          let key = `custom:${Date.parse(at).toString(36)}`;
          for (let n = 2; q.latestByKey(key); n++) key = `custom:${Date.parse(at).toString(36)}-${n}`;
          return q.insertTemplate(key, 1, req.fields, ctx.actor, at);
        }
        const current = q.latestByKey(req.key);
        if (!current) throw keyedError('not_found', 'visitTemplateMissing', { key: req.key });
        return q.insertTemplate(req.key, current.version + 1, req.fields, ctx.actor, at);
      }).immediate();
      ctx.emit('db:changed', { tables: ['visit_templates'] });
      const saved = q.templateById(id);
      if (!saved) throw new PatronError('internal', `visit template ${id} was not saved`);
      return saved;
    },

    preview: (req: ParsedGenerateRequest): GeneratePreview => draft(req),

    /** Creates the previewed plans in one transaction (undoable by batch), then a safety backup in the background. */
    create(req: ParsedGenerateRequest): { created: number; batchId: string; skipped: number } {
      const { drafts, skipped } = draft(req);
      if (drafts.length === 0) throw new PatronError('invalid_request', 'no customer can be planned: none is segmented or has a matching template', [{ path: 'target', message: 'nothing to plan' }]);
            const batchId = newBatchId();
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        for (const d of drafts) q.insertPlan({ ...d, batchId, at });
      }).immediate();
      ctx.emit('db:changed', { tables: PLAN_TABLES });
      backupInBackground(ctx, 'visit-plans');
      return { created: drafts.length, batchId, skipped: skipped.length };
    },

    list(input: ListRequest): VisitList {
      const { language, ...filter } = listRequestSchema.parse(input);
      const f = { ...filter, today: today() };
      return { plans: q.list(f, language, VISIT_LIST_LIMIT), total: q.count(f), owners: q.ownerCounts(f.today), today: f.today };
    },

    /**
     * Records the outcome. A visit that took place (yes or partial) logs a 'visit'
     * interaction in the same transaction, once: recording again updates the plan only.
     */
    record(input: RecordRequest): VisitPlan {
      const req = recordRequestSchema.parse(input);
      const lang = req.language;
      const at = nowIso(ctx);
      const tables = ctx.db.transaction(() => {
        const plan = mustPlan(req.id, lang);
        let interactionId: number | null = null;
        if (req.status !== 'no' && plan.interactionId === null) {
          const summary = [plan.goal, req.outcome, req.nextStep].filter((s) => s !== null && s.trim() !== '').join(' | ');
          interactionId = q.logVisit({ customerId: plan.customerId, occurredAt: `${req.doneDate}T12:00:00.000Z`, summary, staffId: plan.ownerId, at });
        }
        q.record({ id: req.id, status: req.status, doneDate: req.doneDate, outcome: req.outcome || null, nextStep: req.nextStep || null, interactionId, at });
        return interactionId === null ? PLAN_TABLES : [...PLAN_TABLES, 'interactions'];
      }).immediate();
      ctx.emit('db:changed', { tables });
      return mustPlan(req.id, lang);
    },

    printSettings,
    savePrintSettings(next: PrintSettings): PrintSettings {
      store.set(PRINT_SETTINGS_KEY, next, nowIso(ctx));
      ctx.emit('db:changed', { tables: ['settings'] });
      return printSettings();
    },

    /** The sheets of the given plans, in the order given (missing plans are left out). */
    sheets(ids: readonly number[], lang: string): VisitSheets {
      const sheets: VisitSheets['sheets'] = [];
      for (const id of ids) {
        const plan = q.plan(id, lang);
        if (!plan) continue;
        const parts = q.sheetParts(plan.customerId);
        if (!parts) continue;
        sheets.push({ plan, ...parts, warnings: q.openWarnings(plan.customerId, lang) });
      }
      return { businessName: printSettings().businessName, printedOn: today(), sheets };
    },
  };
}
