import type { Database } from 'better-sqlite3';
import { importBatchQueries, type ChangeTable } from '../db/importBatches';
import { importLookups, importWrites } from '../db/importWrites';
import type { FieldValue } from './fields';
import type { ImportTarget } from '../../shared/import/targets';
import { CUSTOMER_COLUMNS, type Plan, type PlannedRow } from './plan';

/**
 * Writes a plan as one import batch in ONE transaction: a failure or a cancel
 * rolls everything back. What it inserts and the rows it updates (as they were)
 * are recorded so the batch can be reverted later.
 */
export interface ApplyContext {
  actor: string;
  /** Timestamp written to created_at/updated_at and the batch. */
  at: string;
  asOf: string;
  backupPath: string | null;
}

/** Records changes compactly: consecutive inserted ids of a table become one range. */
class ChangeLog {
  private seq = 0;
  private readonly open = new Map<ChangeTable, { first: number; last: number }>();
  constructor(
    private readonly batches: ReturnType<typeof importBatchQueries>,
    private readonly batchId: number,
  ) {}

  inserted(table: ChangeTable, id: number): void {
    const range = this.open.get(table);
    if (range && id === range.last + 1) {
      range.last = id;
      return;
    }
    if (range) this.batches.addChange(this.batchId, ++this.seq, table, 'insert', range.first, range.last, null);
    this.open.set(table, { first: id, last: id });
  }

  updated(table: ChangeTable, id: number, before: Record<string, unknown>): void {
    this.batches.addChange(this.batchId, ++this.seq, table, 'update', id, id, JSON.stringify(before));
  }

  flush(): void {
    for (const [table, r] of this.open) this.batches.addChange(this.batchId, ++this.seq, table, 'insert', r.first, r.last, null);
    this.open.clear();
  }
}

const str = (v: FieldValue | undefined): string | null => (typeof v === 'string' ? v : v === undefined ? null : typeof v === 'number' ? String(v) : null);
const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' ? v : null);
const timestamp = (date: FieldValue | undefined): string | null => (typeof date === 'string' ? `${date}T00:00:00.000Z` : null);

export interface BatchWriter {
  batchId: number;
  /** Writes one planned row (new or update; skip rows are ignored). */
  write(p: PlannedRow): void;
  /** Records the range log and the counts; the caller's transaction then commits. */
  finish(plan: Plan): void;
}

/** Starts a batch; call inside the import's one transaction. */
export function createBatchWriter(db: Database, target: ImportTarget, fileName: string, ctx: ApplyContext): BatchWriter {
  const batches = importBatchQueries(db);
  const w = importWrites(db);
  const look = importLookups(db);
  {
    const plan = { target, fileName };
    const batchId = batches.createBatch({ target: plan.target, fileName: plan.fileName, actor: ctx.actor, at: ctx.at, backupPath: ctx.backupPath });
    const log = new ChangeLog(batches, batchId);
    const staffCache = new Map<string, number>();
    const staffId = (name: FieldValue | undefined): number | null => {
      if (typeof name !== 'string') return null;
      let id = staffCache.get(name) ?? w.staffId(name);
      if (id === null) {
        id = w.insertStaff(name);
        log.inserted('staff', id);
      }
      staffCache.set(name, id);
      return id;
    };
    let codeSeq = 0;
    const newCode = (): string => {
      for (;;) {
        const code = `IMP${batchId}-${String(++codeSeq).padStart(5, '0')}`;
        if (!w.codeTaken(code)) return code;
      }
    };

    const writeCustomer = (p: PlannedRow): void => {
      const v = p.values;
      let id = p.id;
      if (p.action === 'new') {
        const rec: Record<string, unknown> = { at: ctx.at };
        for (const [field, col] of Object.entries(CUSTOMER_COLUMNS)) rec[col] = v.get(field) ?? null;
        rec.code ??= newCode();
        rec.kind ??= 'company';
        rec.status ??= 'active';
        rec.owner_id = staffId(v.get('owner'));
        id = w.insertCustomer(rec);
        log.inserted('customers', id);
      } else if (id !== null) {
        const before = look.customerRow(id);
        if (before) log.updated('customers', id, { ...before, __tags: look.customerTags(id) });
        const set: Record<string, unknown> = {};
        for (const [field, col] of Object.entries(CUSTOMER_COLUMNS)) {
          const x = v.get(field);
          if (x !== undefined) set[col] = x;
        }
        if (v.has('owner')) set.owner_id = staffId(v.get('owner'));
        w.update('customers', id, set, ctx.at);
      }
      if (id === null) return;
      const tags = v.get('tags');
      if (Array.isArray(tags)) {
        for (const t of tags) {
          let tagId = w.tagId(t);
          if (tagId === null) {
            tagId = w.insertTag(t);
            log.inserted('tags', tagId);
          }
          w.linkTag(id, tagId);
        }
      }
      const contact = v.get('contact');
      if (contact && typeof contact === 'object' && !Array.isArray(contact)) {
        const primary = w.primaryContactId(id);
        const sameName = look.contactIdByName(id, contact.name);
        // The same person is updated in place; a different person becomes the new primary contact and the old one stays as a contact.
        const target = sameName;
        if (target !== null) {
          const before = look.row('contacts', target);
          if (before) log.updated('contacts', target, before);
          if (target !== primary) w.clearPrimary(id);
          w.update('contacts', target, { name: contact.name, title: contact.title ?? before?.title ?? null, is_primary: 1 }, ctx.at);
        } else {
          if (primary !== null) {
            const before = look.row('contacts', primary);
            if (before) log.updated('contacts', primary, before);
            w.clearPrimary(id);
          }
          log.inserted('contacts', w.insertContact({ customer_id: id, name: contact.name, title: contact.title, phone: null, email: null, wechat: null, birthday: null, is_primary: 1, at: ctx.at }));
        }
      }
      // 历史合作总额 / 最近合作时间: kept as one summary order per customer so totals and recency show them.
      const total = num(v.get('historyTotal'));
      const last = str(v.get('lastCooperation'));
      if (total !== null || last !== null) {
        const code = look.customerRow(id)?.code;
        const no = `HIST-${String(code)}`;
        const existing = look.orderIdByNo(no);
        if (existing === null) {
          log.inserted('orders', w.insertOrder(id, no, last ?? ctx.asOf, total ?? 0, 1, null, '历史合作', null, ctx.at));
        } else {
          const before = look.row('orders', existing);
          if (before) log.updated('orders', existing, before);
          const set: Record<string, unknown> = {};
          if (total !== null) set.amount_cents = total;
          if (last !== null) set.order_date = last;
          w.update('orders', existing, set, null);
        }
      }
    };

    const writeChild = (p: PlannedRow): void => {
      const v = p.values;
      const customerId = p.customerId ?? 0;
      switch (plan.target) {
        case 'orders': {
          if (p.action === 'update' && p.id !== null) {
            const before = look.row('orders', p.id);
            if (before) log.updated('orders', p.id, before);
            const set: Record<string, unknown> = { customer_id: customerId, order_date: str(v.get('orderDate')), amount_cents: num(v.get('amount')) };
            if (v.has('quantity')) set.quantity = num(v.get('quantity'));
            for (const [f, c] of [['items', 'items'], ['category', 'category'], ['channel', 'channel']] as const) if (v.has(f)) set[c] = str(v.get(f));
            w.update('orders', p.id, set, null);
            return;
          }
          const id = w.insertOrder(customerId, str(v.get('orderNo')), str(v.get('orderDate')) ?? '', num(v.get('amount')) ?? 0, num(v.get('quantity')) ?? 1, str(v.get('items')), str(v.get('category')), str(v.get('channel')), ctx.at);
          log.inserted('orders', id);
          return;
        }
        case 'contacts': {
          const primary = v.get('isPrimary') === true;
          if (primary) {
            const current = w.primaryContactId(customerId);
            if (current !== null && current !== p.id) {
              const before = look.row('contacts', current);
              if (before) log.updated('contacts', current, before);
              w.clearPrimary(customerId);
            }
          }
          const rec: Record<string, unknown> = { name: str(v.get('name')), title: str(v.get('title')), phone: str(v.get('phone')), email: str(v.get('email')), wechat: str(v.get('wechat')), birthday: str(v.get('birthday')) };
          if (p.action === 'update' && p.id !== null) {
            const before = look.row('contacts', p.id);
            if (before) log.updated('contacts', p.id, before);
            const set = Object.fromEntries(Object.entries(rec).filter(([, x]) => x !== null));
            if (v.has('isPrimary')) set.is_primary = primary ? 1 : 0;
            w.update('contacts', p.id, set, ctx.at);
            return;
          }
          log.inserted('contacts', w.insertContact({ ...rec, customer_id: customerId, is_primary: primary ? 1 : 0, at: ctx.at }));
          return;
        }
        case 'interactions':
          log.inserted(
            'interactions',
            w.insertInteraction({ customer_id: customerId, occurred_at: timestamp(v.get('occurredAt')), channel: str(v.get('channel')), summary: str(v.get('summary')), staff_id: staffId(v.get('staff')), next_follow_up: str(v.get('nextFollowUp')), at: ctx.at }),
          );
          return;
        case 'complaints':
          log.inserted(
            'complaints',
            w.insertComplaint({
              customer_id: customerId,
              opened_at: timestamp(v.get('openedAt')),
              channel: str(v.get('channel')),
              category: str(v.get('category')),
              severity: str(v.get('severity')) ?? 'medium',
              description: str(v.get('description')),
              staff_id: staffId(v.get('staff')),
              first_response_at: timestamp(v.get('firstResponseAt')),
              resolved_at: timestamp(v.get('resolvedAt')),
              resolution: str(v.get('resolution')),
              satisfaction: num(v.get('satisfaction')),
              at: ctx.at,
            }),
          );
          return;
        case 'customers':
          return;
      }
    };

    const write = plan.target === 'customers' ? writeCustomer : writeChild;
    return {
      batchId,
      write(p: PlannedRow): void {
        if (p.action === 'skip') return;
        try {
          write(p);
        } catch (err) {
          throw new Error(`${plan.fileName}, row ${p.row}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      },
      finish(done: Plan): void {
        log.flush();
        batches.setCounts(batchId, done.counts.new, done.counts.updated, done.counts.skipped, done.errorRows);
      },
    };
  }
}

/** Tables an import of this target can write, for db:changed. */
export function tablesWritten(target: Plan['target']): string[] {
  const base = ['import_batches', 'import_changes', 'staff'];
  switch (target) {
    case 'customers':
      return [...base, 'customers', 'customer_tags', 'tags', 'contacts', 'orders'];
    default:
      return [...base, target];
  }
}
