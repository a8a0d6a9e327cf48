import type { Database } from 'better-sqlite3';
import type { ContactInput } from '../../shared/domain/profile';

export interface ContactRow {
  id: number;
  customer_id: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  is_primary: number;
  notes: string | null;
}

/** Contact columns keyed by input field; the order is the audit trail's. */
export const contactColumns = {
  name: 'name',
  title: 'title',
  phone: 'phone',
  email: 'email',
  wechat: 'wechat',
  birthday: 'birthday',
  isPrimary: 'is_primary',
  notes: 'notes',
} as const satisfies Record<keyof ContactInput, string>;

/** The audit field a contact's removal records its customer under (the contact row itself is gone). */
export const contactCustomerField = 'customerId';

export function contactQueries(db: Database) {
  const byId = db.prepare<[number], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const clearPrimary = db.prepare<[number]>('UPDATE contacts SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1');
  const insert = db.prepare(
    `INSERT INTO contacts (customer_id, name, title, phone, email, wechat, birthday, is_primary, notes, created_at, updated_at)
     VALUES (@customerId, @name, @title, @phone, @email, @wechat, @birthday, @isPrimary, @notes, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE contacts SET name = @name, title = @title, phone = @phone, email = @email, wechat = @wechat,
            birthday = @birthday, is_primary = @isPrimary, notes = @notes, updated_at = @at WHERE id = @id`,
  );
  const remove = db.prepare<[number]>('DELETE FROM contacts WHERE id = ?');
  const insertWithId = db.prepare(
    `INSERT INTO contacts (id, customer_id, name, title, phone, email, wechat, birthday, is_primary, notes, created_at, updated_at)
     VALUES (@id, @customerId, @name, @title, @phone, @email, @wechat, @birthday, @isPrimary, @notes, @at, @at)`,
  );
  const primaryOf = db.prepare<[number], { id: number }>('SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1');
  const params = (c: ContactInput) => ({ ...c, isPrimary: c.isPrimary ? 1 : 0 });
  return {
    get: (id: number) => byId.get(id),
    /** Makes room for a new primary contact (at most one per customer). */
    clearPrimary: (customerId: number) => clearPrimary.run(customerId),
    insert: (customerId: number, c: ContactInput, at: string) => Number(insert.run({ ...params(c), customerId, at }).lastInsertRowid),
    update: (id: number, c: ContactInput, at: string) => update.run({ ...params(c), id, at }),
    remove: (id: number) => remove.run(id),
    /** Puts a removed contact back under its old id (undo of a removal). */
    insertWithId: (id: number, customerId: number, c: ContactInput, at: string) => insertWithId.run({ ...params(c), id, customerId, at }),
    /** The customer's primary contacts (at most one, read before making room for another). */
    primaryOf: (customerId: number) => primaryOf.all(customerId).map((r) => r.id),
  };
}
