import type { Database } from 'better-sqlite3';
import { customerSearchQueries } from '../db/customerSearch';
import { rowPinyin } from './pinyin';

/**
 * Computes and stores the quick-search keys of every customer whose keys are missing or
 * out of date (see migration 0005). The grid's list does this lazily for what is left;
 * writers of many customers at once (demo generation) call it so the first list is fast.
 */
export function storeSearchKeys(db: Database): number {
  const search = customerSearchQueries(db);
  const rows = search.stale().map((r) => ({ ...r, pinyin: rowPinyin(r.name, r.contact) }));
  search.save(rows);
  return rows.length;
}
