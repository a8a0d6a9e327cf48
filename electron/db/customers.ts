import type { Database, Statement } from 'better-sqlite3';
import type { Contact, CustomerDetail, CustomerPatch, CustomerRow } from '../../shared/domain/customer';
import type { CustomerKind, CustomerStatus, Tier } from '../../shared/domain/enums';
import type { LifecycleStage } from '../../shared/analytics/lifecycle';
import type { Quadrant } from '../../shared/analytics/quadrant';
import type { ContactRow } from './contacts';
import type { LoyaltyLevel } from '../../shared/domain/loyalty';
import { customerSearchQueries, SEARCH_KEYS_COLUMN, SEARCH_KEYS_JOIN, type SearchKeysRow } from './customerSearch';

interface CustomerRowRecord {
  id: number;
  code: string;
  kind: CustomerKind;
  name: string;
  industry: string | null;
  region: string | null;
  source: string | null;
  owner_id: number | null;
  owner_name: string | null;
  cooperation_start: string | null;
  status: CustomerStatus;
  tier_override: Tier | null;
  contact_name: string | null;
  contact_title: string | null;
  contact_phone: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  tags: string | null;
  order_count: number | null;
  total_cents: number | null;
  last_order_date: string | null;
  segment_tier: Tier | null;
  quadrant: Quadrant | null;
  lifecycle: LifecycleStage | null;
  predicted_cents: number | null;
  p_alive: number | null;
  /** Stored quick-search keys; null when missing or computed from an older name or main contact. */
  search_keys: string | null;
  open_warnings: number;
  warning_due: string | null;
  loyalty_level: LoyaltyLevel;
  points_balance: number;
  referral_count: number;
}

interface CustomerExtraRecord {
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** A contact as the profile lists it (contacts.ts has the full row). */
type ContactRecord = Omit<ContactRow, 'customer_id'>;

const TAG_SEPARATOR = '\u001f';
// One collator for all rows: localeCompare with a locale argument builds a new one per call.
const tagOrder = new Intl.Collator('zh-CN');

const PROFILE_COLUMNS = `
  SELECT c.id, c.code, c.kind, c.name, c.industry, c.region, c.source, c.owner_id,
         s.name AS owner_name, c.cooperation_start, c.status, c.tier_override,
         pc.name AS contact_name, pc.title AS contact_title, pc.phone AS contact_phone,
         c.phone, c.email, c.address,
         (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
           WHERE ct.customer_id = c.id) AS tags,`;

// Order figures come from the rollups the triggers keep current (0002_segments),
// never from a scan of every order; tier, quadrant, lifecycle and predicted value
// from the latest segmentation run.
const SEGMENT_COLUMNS = `
         sr.tier AS segment_tier, sr.quadrant, sr.lifecycle, sr.predicted_cents, sr.p_alive`;

// Columns and joins that other domains (warnings, loyalty) add to every customer row, one entry each.
const AREA_COLUMNS: string[] = [
  // Correlated lookups on alerts_customer: one index seek per row, also for the one-row query.
  "(SELECT count(*) FROM alerts a WHERE a.customer_id = c.id AND a.status IN ('open', 'in_progress')) AS open_warnings",
  "(SELECT min(a.due_at) FROM alerts a WHERE a.customer_id = c.id AND a.status IN ('open', 'in_progress')) AS warning_due",
  "COALESCE(la.level, 'basic') AS loyalty_level",
  'COALESCE(la.balance, 0) AS points_balance',
  '(SELECT count(*) FROM referrals rf WHERE rf.referrer_id = c.id) AS referral_count',
];
const AREA_JOINS: string[] = [
  'LEFT JOIN loyalty_accounts la ON la.customer_id = c.id',
];

const ROW_SELECT = `${PROFILE_COLUMNS}
         r.order_count, r.total_cents, r.last_order_date, ${SEARCH_KEYS_COLUMN},${SEGMENT_COLUMNS}${AREA_COLUMNS.map((c) => `,\n         ${c}`).join('')}
    FROM customers c
    LEFT JOIN staff s ON s.id = c.owner_id
    LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
    LEFT JOIN customer_rollups r ON r.customer_id = c.id
    LEFT JOIN segment_results sr ON sr.customer_id = c.id
    ${SEARCH_KEYS_JOIN}${AREA_JOINS.map((j) => `\n    ${j}`).join('')}`;

const ONE_SELECT = `${ROW_SELECT}
   WHERE c.id = ?`;

// The ids come as one JSON array, so any number of them is one prepared statement.
const SOME_SELECT = `${ROW_SELECT}
   WHERE c.id IN (SELECT value FROM json_each(?))
   ORDER BY c.id`;

/** The patch fields stored in the customers table (tags live in customer_tags). */
export type ColumnField = Exclude<keyof CustomerPatch, 'tags'>;
export type ColumnPatch = Omit<CustomerPatch, 'tags'>;

/** Column names of the editable profile fields, keyed by their patch names. */
export const PATCH_COLUMNS: Record<ColumnField, string> = {
  name: 'name',
  kind: 'kind',
  industry: 'industry',
  region: 'region',
  source: 'source',
  ownerId: 'owner_id',
  cooperationStart: 'cooperation_start',
  status: 'status',
  tierOverride: 'tier_override',
  phone: 'phone',
  email: 'email',
  address: 'address',
  notes: 'notes',
};

/** A customer's tags from the row query's joined text, in tag order. */
function tagList(joined: string | null): string[] {
  return joined ? joined.split(TAG_SEPARATOR).sort(tagOrder.compare) : [];
}

function toRow(r: CustomerRowRecord, pinyin: (r: CustomerRowRecord) => string): CustomerRow {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    industry: r.industry,
    region: r.region,
    source: r.source,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    cooperationStart: r.cooperation_start,
    status: r.status,
    tierOverride: r.tier_override,
    contactName: r.contact_name,
    contactTitle: r.contact_title,
    contactPhone: r.contact_phone,
    phone: r.phone,
    email: r.email,
    address: r.address,
    tags: tagList(r.tags),
    orderCount: r.order_count ?? 0,
    totalCents: r.total_cents ?? 0,
    lastOrderDate: r.last_order_date,
    segmentTier: r.segment_tier,
    effectiveTier: r.tier_override ?? r.segment_tier,
    quadrant: r.quadrant,
    lifecycle: r.lifecycle,
    predictedCents: r.predicted_cents,
    pAlive: r.p_alive,
    pinyin: pinyin(r),
    openWarnings: r.open_warnings,
    warningDue: r.warning_due,
    loyaltyLevel: r.loyalty_level,
    pointsBalance: r.points_balance,
    referralCount: r.referral_count,
  };
}

/**
 * The record columns behind each CustomerRow field, for queries that need only
 * some fields (exports). A field not listed here makes such a query read every column.
 */
const FIELD_COLUMNS: Partial<Record<keyof CustomerRow, (keyof CustomerRowRecord)[]>> = {
  id: ['id'],
  code: ['code'],
  kind: ['kind'],
  name: ['name'],
  industry: ['industry'],
  region: ['region'],
  source: ['source'],
  ownerId: ['owner_id'],
  ownerName: ['owner_name'],
  cooperationStart: ['cooperation_start'],
  status: ['status'],
  tierOverride: ['tier_override'],
  contactName: ['contact_name'],
  contactTitle: ['contact_title'],
  contactPhone: ['contact_phone'],
  phone: ['phone'],
  email: ['email'],
  address: ['address'],
  tags: ['tags'],
  orderCount: ['order_count'],
  totalCents: ['total_cents'],
  lastOrderDate: ['last_order_date'],
  segmentTier: ['segment_tier'],
  effectiveTier: ['tier_override', 'segment_tier'],
  quadrant: ['quadrant'],
  lifecycle: ['lifecycle'],
  predictedCents: ['predicted_cents'],
  pAlive: ['p_alive'],
  pinyin: ['name', 'contact_name'],
  openWarnings: ['open_warnings'],
  warningDue: ['warning_due'],
  loyaltyLevel: ['loyalty_level'],
  pointsBalance: ['points_balance'],
  referralCount: ['referral_count'],
};

/** A field's value from the values of its FIELD_COLUMNS, in that order. */
type FieldValue = (a: unknown, b: unknown) => unknown;
/** A field that is its one column unchanged. */
const same: FieldValue = (v) => v;

/**
 * Each field's value from its FIELD_COLUMNS values, as toRow computes it, so an
 * export reads plain arrays of the asked-for columns (`.raw()`) instead of
 * building a whole row object per customer: for 100,000 rows those objects
 * and toRow were about a quarter of the export. A field without an entry
 * makes iterateValues fall back to toRow, and
 * test/unit/import/exportFieldValues.test.ts checks every entry against toRow
 * on a segmented demo database.
 */
const FIELD_VALUES: Partial<Record<keyof CustomerRow, FieldValue>> = {
  id: same,
  code: same,
  kind: same,
  name: same,
  industry: same,
  region: same,
  source: same,
  ownerId: same,
  ownerName: same,
  cooperationStart: same,
  status: same,
  tierOverride: same,
  contactName: same,
  contactTitle: same,
  contactPhone: same,
  phone: same,
  email: same,
  address: same,
  tags: (v) => tagList(typeof v === 'string' ? v : null),
  orderCount: (v) => v ?? 0,
  totalCents: (v) => v ?? 0,
  lastOrderDate: same,
  segmentTier: same,
  effectiveTier: (override, segment) => override ?? segment,
  quadrant: same,
  lifecycle: same,
  predictedCents: same,
  pAlive: same,
  // Exports carry no search keys (iterateFields gave them none either).
  pinyin: () => '',
  openWarnings: same,
  warningDue: same,
  loyaltyLevel: same,
  pointsBalance: same,
  referralCount: same,
};

/** Record columns for these fields, or null when one is unknown (then every column is read). */
function columnsFor(fields: readonly string[]): (keyof CustomerRowRecord)[] | null {
  const cols = new Set<keyof CustomerRowRecord>(['id']);
  for (const f of fields) {
    const c = (FIELD_COLUMNS as Record<string, (keyof CustomerRowRecord)[] | undefined>)[f];
    if (!c) return null;
    for (const x of c) cols.add(x);
  }
  return [...cols];
}

function toContact(r: ContactRecord): Contact {
  return { id: r.id, name: r.name, title: r.title, phone: r.phone, email: r.email, wechat: r.wechat, birthday: r.birthday, isPrimary: r.is_primary === 1, notes: r.notes };
}

/** Computes the quick-search keys of a name and main contact (services/pinyin.ts). */
export type SearchKeysOf = (name: string, contact: string | null) => string;

export function customerQueries(db: Database) {
  const listAll = db.prepare<[], CustomerRowRecord>(`${ROW_SELECT} ORDER BY c.id`);
  const byId = db.prepare<[number], CustomerRowRecord>(ONE_SELECT);
  const someById = db.prepare<[string], CustomerRowRecord>(SOME_SELECT);
  const search = customerSearchQueries(db);
  const extra = db.prepare<[number], CustomerExtraRecord>('SELECT notes, created_at, updated_at FROM customers WHERE id = ?');
  const contacts = db.prepare<[number], ContactRecord>(
    'SELECT id, name, title, phone, email, wechat, birthday, is_primary, notes FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, id',
  );
  const rawById = db.prepare<[number], Record<string, unknown>>('SELECT * FROM customers WHERE id = ?');
  const staffExists = db.prepare<[number], { id: number }>('SELECT id FROM staff WHERE id = ?');
  const tagsOf = db.prepare<[number], string>('SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?').pluck();
  const tagId = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck();
  const insertTag = db.prepare<[string]>("INSERT INTO tags (name, kind) VALUES (?, 'need')");
  const clearTags = db.prepare<[number]>('DELETE FROM customer_tags WHERE customer_id = ?');
  const addTag = db.prepare<[number, number]>('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)');
  const touch = db.prepare<[string, number]>('UPDATE customers SET updated_at = ? WHERE id = ?');
  const someRaw = db.prepare<[string], Record<string, unknown>>('SELECT * FROM customers WHERE id IN (SELECT value FROM json_each(?))');
  const someTags = db.prepare<[string], { customer_id: number; name: string }>(
    'SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id IN (SELECT value FROM json_each(?))',
  );
  const dropTag = db.prepare<[number, number]>('DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?');
  // One prepared UPDATE per set of fields, made on first use (a grid edit touches one field, bulk edits a few).
  const updates = new Map<string, Statement>();
  // Row queries over some columns only (exports), made on first use per column set.
  const partial = new Map<string, Statement<[], CustomerRowRecord>>();
  const partialRaw = new Map<string, Statement<[], unknown[]>>();

  /** Rows with their search keys; keys computed here are stored when `persist` is set. */
  function withKeys(records: CustomerRowRecord[], pinyin: SearchKeysOf, persist: boolean): CustomerRow[] {
    const computed: SearchKeysRow[] = [];
    const rows = records.map((r) =>
      toRow(r, (x) => {
        if (x.search_keys !== null) return x.search_keys;
        const keys = pinyin(x.name, x.contact_name);
        if (persist) computed.push({ customerId: x.id, name: x.name, contact: x.contact_name, pinyin: keys });
        return keys;
      }),
    );
    try {
      search.save(computed);
    } catch {
      // Only a cache: when another connection holds the write lock (a running import job),
      // the rows are still right and their keys are stored by a later read.
    }
    return rows;
  }

  return {
    /**
     * Every row of the grid. The stored search keys are used where current; `pinyin`
     * computes the others, and with `persist` they are stored for the next list.
     */
    list(pinyin: SearchKeysOf, options: { persist?: boolean } = {}): CustomerRow[] {
      return withKeys(listAll.all(), pinyin, options.persist === true);
    },

    /**
     * Rows one at a time as arrays of the named fields' values, in the order named.
     * Selecting from the row query lets SQLite drop the joins and subqueries that
     * no asked-for column needs, raw rows and short-lived arrays keep it fast and
     * memory flat: a 100,000-row export reads its rows several times faster than list().
     */
    *iterateValues(fields: readonly string[]): Generator<unknown[]> {
      const cols = columnsFor(fields);
      const sql = `SELECT ${cols ? cols.join(', ') : '*'} FROM (${ROW_SELECT}) ORDER BY id`;
      const values = fields.map((f) => (FIELD_VALUES as Record<string, FieldValue | undefined>)[f]);
      if (!cols || values.some((v) => v === undefined)) {
        let stmt = partial.get(sql);
        if (!stmt) {
          stmt = db.prepare<[], CustomerRowRecord>(sql);
          partial.set(sql, stmt);
        }
        for (const r of stmt.iterate()) {
          const row = toRow(r, () => '') as Record<string, unknown>;
          yield fields.map((f) => row[f]);
        }
        return;
      }
      let stmt = partialRaw.get(sql);
      if (!stmt) {
        stmt = db.prepare<[], unknown[]>(sql).raw(true);
        partialRaw.set(sql, stmt);
      }
      // Where each field's columns sit in the raw row (-1: none), and the fields that are not their column unchanged.
      const at = fields.map((f) => (FIELD_COLUMNS as Record<string, (keyof CustomerRowRecord)[] | undefined>)[f]?.map((c) => cols.indexOf(c)) ?? []);
      const first = at.map((x) => x[0] ?? -1);
      const second = at.map((x) => x[1] ?? -1);
      const convert = values.map((v) => (v === same ? null : (v ?? null)));
      const n = fields.length;
      for (const r of stmt.iterate()) {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          const a = first[i] ?? -1;
          const b = second[i] ?? -1;
          const v = a < 0 ? undefined : r[a];
          const c = convert[i];
          out[i] = c ? c(v, b < 0 ? undefined : r[b]) : v;
        }
        yield out;
      }
    },

    /** The grid rows of these customers (ids that do not exist are left out), in id order. */
    rowsOf(ids: readonly number[], pinyin: SearchKeysOf): CustomerRow[] {
      return withKeys(someById.all(JSON.stringify(ids)), pinyin, true);
    },

    get(id: number, pinyin: SearchKeysOf): CustomerDetail | null {
      const row = byId.get(id);
      const more = extra.get(id);
      if (!row || !more) return null;
      return {
        ...toRow(row, (x) => x.search_keys ?? pinyin(x.name, x.contact_name)),
        notes: more.notes,
        createdAt: more.created_at,
        updatedAt: more.updated_at,
        contacts: contacts.all(id).map(toContact),
      };
    },

    /** The stored values of the columns a patch touches, keyed by patch name. */
    currentValues(id: number, fields: ColumnField[]): Record<string, unknown> | null {
      const raw = rawById.get(id);
      if (!raw) return null;
      return Object.fromEntries(fields.map((f) => [f, raw[PATCH_COLUMNS[f]] ?? null]));
    },

    /** currentValues() for many customers at once, keyed by id (missing ids are absent). */
    currentValuesOf(ids: readonly number[], fields: ColumnField[]): Map<number, Record<string, unknown>> {
      const out = new Map<number, Record<string, unknown>>();
      for (const raw of someRaw.all(JSON.stringify(ids))) out.set(raw.id as number, Object.fromEntries(fields.map((f) => [f, raw[PATCH_COLUMNS[f]] ?? null])));
      return out;
    },

    /** tags() for many customers at once, keyed by id (customers without tags are absent). */
    tagsOf(ids: readonly number[]): Map<number, string[]> {
      const out = new Map<number, string[]>();
      for (const r of someTags.all(JSON.stringify(ids))) {
        const list = out.get(r.customer_id);
        if (list) list.push(r.name);
        else out.set(r.customer_id, [r.name]);
      }
      for (const list of out.values()) list.sort(tagOrder.compare);
      return out;
    },

    exists(id: number): boolean {
      return rawById.get(id) !== undefined;
    },

    staffExists(id: number): boolean {
      return staffExists.get(id) !== undefined;
    },

    /** Writes the given fields; the column list comes from PATCH_COLUMNS, never from the caller. */
    update(id: number, patch: ColumnPatch, updatedAt: string): void {
      const fields = (Object.keys(patch) as ColumnField[]).sort();
      const key = fields.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        const sets = fields.map((f) => `${PATCH_COLUMNS[f]} = @${f}`).join(', ');
        stmt = db.prepare(`UPDATE customers SET ${sets}, updated_at = @updatedAt WHERE id = @id`);
        updates.set(key, stmt);
      }
      stmt.run({ ...patch, id, updatedAt });
    },

    /** The customer's need tags, sorted for display and comparison. */
    tags(id: number): string[] {
      return tagsOf.all(id).sort(tagOrder.compare);
    },

    /** Replaces the customer's tags, creating tags that do not exist yet. */
    setTags(id: number, names: readonly string[], updatedAt: string): void {
      clearTags.run(id);
      for (const name of names) {
        const existing = tagId.get(name);
        const tid = existing ?? Number(insertTag.run(name).lastInsertRowid);
        addTag.run(id, tid);
      }
      touch.run(updatedAt, id);
    },

    /**
     * Gives the customer the tags `to` (sorted, distinct) from `from`, its current ones, writing only the
     * difference: tags kept stay untouched. Creates tags that do not exist yet, in `to`'s order.
     * Does not set updated_at.
     */
    changeTags(id: number, from: readonly string[], to: readonly string[]): void {
      const keep = new Set(to);
      for (const name of from) {
        if (keep.has(name)) continue;
        const tid = tagId.get(name);
        if (tid !== undefined) dropTag.run(id, tid);
      }
      const had = new Set(from);
      for (const name of to) {
        if (had.has(name)) continue;
        addTag.run(id, tagId.get(name) ?? Number(insertTag.run(name).lastInsertRowid));
      }
    },

    touch(id: number, updatedAt: string): void {
      touch.run(updatedAt, id);
    },
  };
}

/** Sorts tag names the way the grid shows them. */
export function sortTags(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(tagOrder.compare);
}
