import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { withBusyRetry } from '../../shared/ipc/busy';
import { servicesOnTempDb } from './helpers/services';

/**
 * The renderer's retry (withBusyRetry, what its invoke uses) over the real
 * dispatcher and services, while another connection holds the database locked;
 * the call here only counts and lets the lock go when told to.
 */
function lockedSetup(releaseAfterCalls: number | null) {
  const { db, services, file } = servicesOnTempDb();
  db.pragma('busy_timeout = 50');
  const other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
  let locked = true;
  const release = () => {
    if (!locked) return;
    other.exec('ROLLBACK');
    locked = false;
  };
  const dispatch = createDispatcher(handlerTable(services));
  let calls = 0;
  const setLanguage = () =>
    withBusyRetry(async () => {
      const answer = (await dispatch('settings:set', { language: 'en' }, { transport: 'direct', url: null, isMainFrame: true }));
      calls += 1;
      if (calls === releaseAfterCalls) release();
      return answer;
    });
  return {
    setLanguage,
    db,
    calls: () => calls,
    close: () => {
      release();
      other.close();
      db.close();
    },
  };
}

describe('a busy database seen from the renderer', () => {
  it('is tried once more: a lock that ends meanwhile is never shown to the user', async () => {
    const s = lockedSetup(1);
    try {
      await expect(s.setLanguage()).resolves.toEqual({ ok: true, value: { language: 'en' } });
      expect(s.calls()).toBe(2);
      expect(s.db.prepare("SELECT value FROM settings WHERE key = 'ui.language'").pluck().get()).toBe('"en"');
    } finally {
      s.close();
    }
  });

  it('a lock that stays is reported as busy after the second try, and nothing is written', async () => {
    const s = lockedSetup(null);
    try {
      await expect(s.setLanguage()).resolves.toMatchObject({ ok: false, error: { code: 'busy' } });
      expect(s.calls()).toBe(2);
      expect(s.db.prepare("SELECT count(*) FROM settings WHERE key = 'ui.language'").pluck().get()).toBe(0);
    } finally {
      s.close();
    }
  });
});
