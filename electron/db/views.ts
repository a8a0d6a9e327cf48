import type { Database } from 'better-sqlite3';

export interface ViewRow {
  id: number;
  name: string;
  state: string;
  updated_at: string;
}

export function viewQueries(db: Database) {
  const list = db.prepare<[string], ViewRow>('SELECT id, name, state, updated_at FROM saved_views WHERE owner = ? ORDER BY name');
  const upsert = db.prepare(
    `INSERT INTO saved_views (owner, name, state, created_at, updated_at) VALUES (@owner, @name, @state, @at, @at)
     ON CONFLICT (owner, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[number, string]>('DELETE FROM saved_views WHERE id = ? AND owner = ?');
  return {
    list: (owner: string) => list.all(owner),
    save: (owner: string, name: string, state: string, at: string) => upsert.run({ owner, name, state, at }),
    remove: (id: number, owner: string) => remove.run(id, owner).changes,
  };
}
