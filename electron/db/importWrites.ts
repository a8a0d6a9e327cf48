import type { Database } from 'better-sqlite3';
import { normaliseName } from '../../shared/import/values';

/** The rows an import writes and the lookups its planning needs. Every statement prepared once per import. */
export interface ExistingCustomer {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export function importLookups(db: Database) {
  const customers = db.prepare<[], ExistingCustomer>('SELECT id, code, name, phone, email FROM customers');
  const orderByNo = db.prepare<[string], { id: number }>('SELECT id FROM orders WHERE order_no = ?');
  const anyOrderNo = db.prepare<[], { id: number }>('SELECT id FROM orders WHERE order_no IS NOT NULL LIMIT 1');
  const contactByName = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM contacts WHERE customer_id = ?');
  const customerRow = db.prepare<[number], Record<string, unknown>>('SELECT * FROM customers WHERE id = ?');
  const customerTags = db.prepare<[number], string>('SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ? ORDER BY t.name').pluck();
  const row = (table: string) => db.prepare<[number], Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = ?`);
  const rowOf = { orders: row('orders'), contacts: row('contacts') };
  return {
    customers: () => customers.all(),
    orderIdByNo: (no: string) => orderByNo.get(no)?.id ?? null,
    anyOrderNumbers: () => anyOrderNo.get() !== undefined,
    contactIdByName(customerId: number, name: string): number | null {
      const key = normaliseName(name);
      return contactByName.all(customerId).find((c) => normaliseName(c.name) === key)?.id ?? null;
    },
    customerRow: (id: number) => customerRow.get(id) ?? null,
    customerTags: (id: number) => customerTags.all(id),
    row: (table: 'orders' | 'contacts', id: number) => rowOf[table].get(id) ?? null,
  };
}

export function importWrites(db: Database) {
  const staffByName = db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE name = ?');
  const insertStaff = db.prepare<[string]>("INSERT INTO staff (name, role) VALUES (?, 'sales')");
  const tagByName = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
  const insertTag = db.prepare<[string]>("INSERT INTO tags (name, kind) VALUES (?, 'need')");
  const linkTag = db.prepare<[number, number]>('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)');
  const codeExists = db.prepare<[string], { id: number }>('SELECT id FROM customers WHERE code = ?');
  const insertCustomer = db.prepare(
    `INSERT INTO customers (code, kind, name, industry, region, source, owner_id, cooperation_start, status, tier_override, phone, email, address, notes, created_at, updated_at)
     VALUES (@code, @kind, @name, @industry, @region, @source, @owner_id, @cooperation_start, @status, @tier_override, @phone, @email, @address, @notes, @at, @at)`,
  );
  const primaryContact = db.prepare<[number], { id: number }>('SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1');
  const insertContact = db.prepare(
    `INSERT INTO contacts (customer_id, name, title, phone, email, wechat, birthday, is_primary, created_at, updated_at)
     VALUES (@customer_id, @name, @title, @phone, @email, @wechat, @birthday, @is_primary, @at, @at)`,
  );
  const clearPrimary = db.prepare<[number]>('UPDATE contacts SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1');
  const insertOrder = db.prepare<[number, string | null, string, number, number, string | null, string | null, string | null, string]>(
    'INSERT INTO orders (customer_id, order_no, order_date, amount_cents, quantity, items, category, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertInteraction = db.prepare(
    `INSERT INTO interactions (customer_id, occurred_at, channel, summary, staff_id, next_follow_up, created_at)
     VALUES (@customer_id, @occurred_at, @channel, @summary, @staff_id, @next_follow_up, @at)`,
  );
  const insertComplaint = db.prepare(
    `INSERT INTO complaints (customer_id, opened_at, channel, category, severity, description, staff_id, first_response_at, resolved_at, resolution, satisfaction, created_at, updated_at)
     VALUES (@customer_id, @opened_at, @channel, @category, @severity, @description, @staff_id, @first_response_at, @resolved_at, @resolution, @satisfaction, @at, @at)`,
  );
  const updates = new Map<string, ReturnType<Database['prepare']>>();
  return {
    staffId: (name: string) => staffByName.get(name)?.id ?? null,
    insertStaff: (name: string) => Number(insertStaff.run(name).lastInsertRowid),
    tagId: (name: string) => tagByName.get(name)?.id ?? null,
    insertTag: (name: string) => Number(insertTag.run(name).lastInsertRowid),
    linkTag: (customerId: number, tagId: number) => linkTag.run(customerId, tagId),
    codeTaken: (code: string) => codeExists.get(code) !== undefined,
    insertCustomer: (r: Record<string, unknown>) => Number(insertCustomer.run(r).lastInsertRowid),
    primaryContactId: (customerId: number) => primaryContact.get(customerId)?.id ?? null,
    insertContact: (r: Record<string, unknown>) => Number(insertContact.run(r).lastInsertRowid),
    clearPrimary: (customerId: number) => clearPrimary.run(customerId),
    insertOrder: (customerId: number, no: string | null, date: string, cents: number, qty: number, items: string | null, category: string | null, channel: string | null, at: string) =>
      Number(insertOrder.run(customerId, no, date, cents, qty, items, category, channel, at).lastInsertRowid),
    insertInteraction: (r: Record<string, unknown>) => Number(insertInteraction.run(r).lastInsertRowid),
    insertComplaint: (r: Record<string, unknown>) => Number(insertComplaint.run(r).lastInsertRowid),
    /** Sets the given columns; names come from the planner's fixed field tables, never from the file. */
    update(table: 'customers' | 'contacts' | 'orders', id: number, values: Record<string, unknown>, at: string | null): void {
      const cols = Object.keys(values);
      if (cols.length === 0) return;
      const key = `${table}:${cols.join(',')}:${at === null ? '' : 'u'}`;
      let stmt = updates.get(key);
      if (!stmt) {
        stmt = db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}${at === null ? '' : ', updated_at = @__at'} WHERE id = @__id`);
        updates.set(key, stmt);
      }
      stmt.run({ ...values, __id: id, __at: at });
    },
  };
}
