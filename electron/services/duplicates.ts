import { normaliseName, normalisePhone, withinOneEdit, type DuplicatePair, type DuplicateReason, type MergeField, type MergeRecord, type MergeRequest } from '../../shared/domain/duplicates';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries } from '../db/audit';
import { customerQueries, PATCH_COLUMNS } from '../db/customers';
import { reconcileBalances } from '../db/loyalty';
import { customerReferences, mergeQueries, type CustomerReference, type MergeRecordRow } from '../db/merges';
import { nowIso, type ServiceContext } from './context';
import { newBatchId } from './customers';
import { backupInBackground } from './safety';

const MAX_PAIRS = 500;
const SIMILAR_WINDOW = 4;
const MIN_SIMILAR_LENGTH = 4;

// The fields a merge may take from either side are the editable profile columns.
const patchColumns: Record<MergeField, string> = PATCH_COLUMNS;

/** What undo needs, stored as JSON in customer_merges.snapshot. */
interface MergeSnapshot {
  merged: Record<string, unknown>;
  keptBefore: Partial<Record<MergeField, unknown>>;
  /** Rows (by rowid) that moved to the kept customer, per table and column. */
  moved: { table: string; column: string; rowids: number[] }[];
  /** Rows of tables without rowid: the merged customer's rows and the kept customer's rows before. */
  exact: { table: string; column: string; mergedRows: Record<string, unknown>[]; keptRows: Record<string, unknown>[] }[];
  /** Rows a unique rule kept back; they went with the merged customer and come back on undo. */
  leftovers: { table: string; rows: Record<string, unknown>[] }[];
  demotedContacts: number[];
}

function toRecord(r: MergeRecordRow): MergeRecord {
  const snap = JSON.parse(r.snapshot) as MergeSnapshot;
  return {
    id: r.id,
    batchId: r.batch_id,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    mergedName: typeof snap.merged.name === 'string' ? snap.merged.name : '',
    actor: r.actor,
    mergedAt: r.merged_at,
    undoneAt: r.undone_at,
  };
}

/** Likely duplicates, side-by-side review, merge and its undo. */
export function duplicateService(ctx: ServiceContext) {
  const m = mergeQueries(ctx.db);
  const customers = customerQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const tables = ['customers', 'contacts', 'orders', 'interactions', 'complaints', 'customer_tags', 'customer_merges', 'audit_log'];

  const byKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

  return {
    /** Same phone or email, same normalised name, or names one edit apart (neighbours in name order). */
    find(): DuplicatePair[] {
      const facts = m.duplicateFacts();
      const pairs = new Map<string, DuplicatePair>();
      const add = (a: number, b: number, reason: DuplicateReason) => {
        if (a === b) return;
        const key = byKey(a, b);
        const pair = pairs.get(key) ?? { a: Math.min(a, b), b: Math.max(a, b), reasons: [] };
        if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
        pairs.set(key, pair);
      };
      const group = (reason: DuplicateReason, keyOf: (f: (typeof facts)[number]) => string[]) => {
        const seen = new Map<string, number[]>();
        for (const f of facts) {
          for (const k of new Set(keyOf(f))) {
            if (!k) continue;
            const ids = seen.get(k) ?? [];
            // Ten customers sharing one switchboard number are not ten duplicates of each other.
            if (ids.length < 5) for (const other of ids) add(other, f.id, reason);
            ids.push(f.id);
            seen.set(k, ids);
          }
        }
      };
      group('phone', (f) => [normalisePhone(f.phone), normalisePhone(f.contact_phone)].filter((p) => p.length >= 7));
      group('email', (f) => [(f.email ?? '').trim().toLowerCase()]);
      group('name', (f) => [normaliseName(f.name)]);
      const named = facts.map((f) => ({ id: f.id, key: normaliseName(f.name) })).filter((f) => f.key.length >= MIN_SIMILAR_LENGTH);
      named.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      for (let i = 0; i < named.length; i++) {
        const x = named[i];
        if (!x) continue;
        for (let j = i + 1; j < Math.min(named.length, i + 1 + SIMILAR_WINDOW); j++) {
          const y = named[j];
          if (y && x.key !== y.key && withinOneEdit(x.key, y.key)) add(x.id, y.id, 'similarName');
        }
      }
      return [...pairs.values()].sort((p, q) => q.reasons.length - p.reasons.length || p.a - q.a || p.b - q.b).slice(0, MAX_PAIRS);
    },

    recentMerges(): MergeRecord[] {
      return m.recent(20).map(toRecord);
    },

    /**
     * Merges `mergeId` into `keepId`: every order, contact, interaction, complaint and tag
     * (and any row of a later table that points at customers) moves to the kept customer,
     * the chosen field values are copied, the merged customer is deleted. One transaction,
     * one audit batch (undoable), a safety backup in the background after.
     */
    merge(req: MergeRequest): MergeRecord {
      const keep = m.rawCustomer(req.keepId);
      const drop = m.rawCustomer(req.mergeId);
      if (!keep) throw new PatronError('not_found', `customer ${req.keepId} does not exist`);
      if (!drop) throw new PatronError('not_found', `customer ${req.mergeId} does not exist`);
            const batchId = newBatchId();
      const at = nowIso(ctx);
      const refs = customerReferences(ctx.db);
      ctx.db.transaction(() => {
        const snap: MergeSnapshot = { merged: drop, keptBefore: {}, moved: [], exact: [], leftovers: [], demotedContacts: [] };
        const log = (entityId: number, action: 'update' | 'delete', field: string | null, oldValue: unknown, newValue: unknown) =>
          audit.record({ actor: ctx.actor, entity: 'customer', entityId, action, field, oldValue, newValue, at, batchId });

        if (m.primaryContactIds(req.keepId).length > 0) {
          snap.demotedContacts = m.primaryContactIds(req.mergeId);
          m.setPrimary(snap.demotedContacts, 0);
        }
        for (const ref of refs) moveReference(ref, snap);

        const patch: Record<string, unknown> = {};
        for (const f of req.takeFromMerged) {
          const col = patchColumns[f];
          if (keep[col] !== drop[col]) {
            snap.keptBefore[f] = keep[col];
            patch[f] = drop[col];
            log(req.keepId, 'update', f, keep[col], drop[col]);
          }
        }
        // Delete first, so a copied value never meets a unique rule while both rows exist.
        m.deleteCustomer(req.mergeId);
        if (Object.keys(patch).length > 0) customers.update(req.keepId, patch, at);
        log(req.mergeId, 'delete', 'mergedInto', drop.name, req.keepId);
        m.record({ batchId, keptId: req.keepId, mergedId: req.mergeId, snapshot: JSON.stringify(snap), actor: ctx.actor, at });
        reconcileBalances(ctx.db, [req.keepId], at);
      }).immediate();
      ctx.emit('db:changed', { tables });
      backupInBackground(ctx, 'merge');
      const rec = m.byBatch(batchId);
      if (!rec) throw new PatronError('internal', 'merge record missing');
      return toRecord(rec);

      function moveReference(ref: CustomerReference, snap: MergeSnapshot): void {
        if (ref.withoutRowid) {
          const mergedRows = m.rowsOf(ref, req.mergeId);
          if (mergedRows.length === 0) return;
          snap.exact.push({ table: ref.table, column: ref.column, mergedRows, keptRows: m.rowsOf(ref, req.keepId) });
          m.move(ref, req.mergeId, req.keepId);
          return;
        }
        const all = m.rowids(ref, req.mergeId);
        if (all.length === 0) return;
        m.move(ref, req.mergeId, req.keepId);
        const leftover = m.rowsOf(ref, req.mergeId);
        const stayed = new Set(m.rowids(ref, req.mergeId));
        snap.moved.push({ table: ref.table, column: ref.column, rowids: all.filter((id) => !stayed.has(id)) });
        if (leftover.length > 0) snap.leftovers.push({ table: ref.table, rows: leftover });
      }
    },

    /** Puts both customers back as they were before the merge, as one transaction. */
    undoMerge(batchId: string): MergeRecord {
      const rec = m.byBatch(batchId);
      if (!rec) throw new PatronError('not_found', `no merge recorded under batch ${batchId}`);
      if (rec.undone_at) throw new PatronError('conflict', 'this merge was already undone');
      if (!m.rawCustomer(rec.kept_id)) throw new PatronError('conflict', `customer ${rec.kept_id} no longer exists, so the merge cannot be undone`);
      if (m.rawCustomer(rec.merged_id)) throw new PatronError('conflict', `customer ${rec.merged_id} exists again, so the merge cannot be undone`);
      const snap = JSON.parse(rec.snapshot) as MergeSnapshot;
            const undoBatch = newBatchId();
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        const log = (entityId: number, action: 'insert' | 'update', field: string | null, oldValue: unknown, newValue: unknown) =>
          audit.record({ actor: ctx.actor, entity: 'customer', entityId, action, field, oldValue, newValue, at, batchId: undoBatch });
        const kept = m.rawCustomer(rec.kept_id) ?? {};
        const restore: Record<string, unknown> = {};
        for (const [f, value] of Object.entries(snap.keptBefore) as [MergeField, unknown][]) {
          restore[f] = value;
          log(rec.kept_id, 'update', f, kept[patchColumns[f]], value);
        }
        if (Object.keys(restore).length > 0) customers.update(rec.kept_id, restore, at);
        m.insertCustomer(snap.merged);
        log(rec.merged_id, 'insert', 'undoMerge', null, snap.merged.name);
        for (const mv of snap.moved) m.moveBack({ table: mv.table, column: mv.column, withoutRowid: false }, mv.rowids, rec.merged_id);
        for (const ex of snap.exact) {
          const keptKeys = new Set(ex.keptRows.map((r) => JSON.stringify(r)));
          for (const row of ex.mergedRows) {
            const asKept = { ...row, [ex.column]: rec.kept_id };
            if (!keptKeys.has(JSON.stringify(asKept))) m.deleteExact(ex.table, asKept);
            m.reinsert(ex.table, row);
          }
        }
        for (const lo of snap.leftovers) for (const row of lo.rows) m.reinsert(lo.table, row);
        m.setPrimary(snap.demotedContacts, 1);
        m.markUndone(batchId, at);
        reconcileBalances(ctx.db, [rec.kept_id, rec.merged_id], at);
      }).immediate();
      ctx.emit('db:changed', { tables });
      backupInBackground(ctx, 'merge-undo');
      const done = m.byBatch(batchId);
      if (!done) throw new PatronError('internal', 'merge record missing');
      return toRecord(done);
    },
  };
}
