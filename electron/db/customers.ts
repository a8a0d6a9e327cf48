import type { Database } from 'better-sqlite3';
import type { Contact, CustomerDetail, CustomerPatch, CustomerRow } from '../../shared/domain/customer';
import type { CustomerKind, CustomerStatus, Tier } from '../../shared/domain/enums';

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
  tags: string | null;
  order_count: number | null;
  total_cents: number | null;
  last_order_date: string | null;
}

interface CustomerExtraRecord {
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

interface ContactRecord {
  id: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  is_primary: number;
}

const TAG_SEPARATOR = '\u001f';
// One collator for all rows: localeCompare with a locale argument builds a new one per call.
const tagOrder = new Intl.Collator('zh-CN');

const GRID_SELECT = `
  SELECT c.id, c.code, c.kind, c.name, c.industry, c.region, c.source, c.owner_id,
         s.name AS owner_name, c.cooperation_start, c.status, c.tier_override,
         pc.name AS contact_name, pc.title AS contact_title, pc.phone AS contact_phone,
         (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
           WHERE ct.customer_id = c.id) AS tags,
         o.order_count, o.total_cents, o.last_order_date
    FROM customers c
    LEFT JOIN staff s ON s.id = c.owner_id
    LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
    LEFT JOIN (SELECT customer_id, count(*) AS order_count, sum(amount_cents) AS total_cents,
                      max(order_date) AS last_order_date
                 FROM orders GROUP BY customer_id) o ON o.customer_id = c.id`;

/** Column names of the editable profile fields, keyed by their patch names. */
const PATCH_COLUMNS: Record<keyof CustomerPatch, string> = {
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

function toRow(r: CustomerRowRecord): CustomerRow {
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
    tags: r.tags ? r.tags.split(TAG_SEPARATOR).sort(tagOrder.compare) : [],
    orderCount: r.order_count ?? 0,
    totalCents: r.total_cents ?? 0,
    lastOrderDate: r.last_order_date,
  };
}

function toContact(r: ContactRecord): Contact {
  return { id: r.id, name: r.name, title: r.title, phone: r.phone, email: r.email, birthday: r.birthday, isPrimary: r.is_primary === 1 };
}

export type CustomerQueries = ReturnType<typeof customerQueries>;

export function customerQueries(db: Database) {
  const listAll = db.prepare<[], CustomerRowRecord>(`${GRID_SELECT} ORDER BY c.id`);
  const byId = db.prepare<[number], CustomerRowRecord>(`${GRID_SELECT} WHERE c.id = ?`);
  const extra = db.prepare<[number], CustomerExtraRecord>('SELECT phone, email, address, notes, created_at, updated_at FROM customers WHERE id = ?');
  const contacts = db.prepare<[number], ContactRecord>(
    'SELECT id, name, title, phone, email, birthday, is_primary FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, id',
  );
  const rawById = db.prepare<[number], Record<string, unknown>>('SELECT * FROM customers WHERE id = ?');
  const staffExists = db.prepare<[number], { id: number }>('SELECT id FROM staff WHERE id = ?');

  return {
    list(): CustomerRow[] {
      return listAll.all().map(toRow);
    },

    get(id: number): CustomerDetail | null {
      const row = byId.get(id);
      const more = extra.get(id);
      if (!row || !more) return null;
      return {
        ...toRow(row),
        phone: more.phone,
        email: more.email,
        address: more.address,
        notes: more.notes,
        createdAt: more.created_at,
        updatedAt: more.updated_at,
        contacts: contacts.all(id).map(toContact),
      };
    },

    /** The stored values of the columns a patch touches, keyed by patch name. */
    currentValues(id: number, fields: (keyof CustomerPatch)[]): Record<string, unknown> | null {
      const raw = rawById.get(id);
      if (!raw) return null;
      return Object.fromEntries(fields.map((f) => [f, raw[PATCH_COLUMNS[f]] ?? null]));
    },

    staffExists(id: number): boolean {
      return staffExists.get(id) !== undefined;
    },

    /** Writes the given fields; the column list comes from PATCH_COLUMNS, never from the caller. */
    update(id: number, patch: CustomerPatch, updatedAt: string): void {
      const fields = Object.keys(patch) as (keyof CustomerPatch)[];
      const sets = fields.map((f) => `${PATCH_COLUMNS[f]} = @${f}`).join(', ');
      db.prepare(`UPDATE customers SET ${sets}, updated_at = @updatedAt WHERE id = @id`).run({ ...patch, id, updatedAt });
    },
  };
}
