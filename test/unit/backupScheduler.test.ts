import { describe, expect, it } from 'vitest';
import { BackupScheduler, type SchedulerClock } from '../../electron/services/backupScheduler';
import { smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';

/** A clock the test moves by hand; intervals fire as it passes their due times. */
class HandClock implements SchedulerClock {
  private t = Date.parse('2026-11-23T08:00:00Z');
  private timers = new Map<number, { fn: () => void; every: number; due: number }>();
  private nextId = 1;
  now = () => this.t;
  setInterval = (fn: () => void, every: number) => {
    const id = this.nextId++;
    this.timers.set(id, { fn, every, due: this.t + every });
    return id;
  };
  clearInterval = (id: unknown) => {
    this.timers.delete(id as number);
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers.values()].filter((x) => x.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.t = next.due;
      next.due += next.every;
      next.fn();
    }
    this.t = end;
  }
  get pending(): number {
    return this.timers.size;
  }
}

function setup(intervalMinutes = 30) {
  const clock = new HandClock();
  const file = smallDemoDb();
  const { db, services } = servicesOnTempDb({ file, now: new Date('2026-11-23T08:00:00Z') });
  let when = 0;
  const taken: string[] = [];
  const scheduler = new BackupScheduler({
    clock,
    intervalMinutes: () => intervalMinutes,
    changeMark: () => services.backups.changeMark(),
    backup: (reason) => {
      // The real service, with file names kept apart by the clock (the service's own clock is fixed in these tests).
      const made = servicesOnTempDb({ file, now: new Date(clock.now() + when++) }).services.backups.create(reason);
      taken.push(made.reason);
    },
  });
  return { clock, db, services, scheduler, taken, edit: () => db.prepare('UPDATE customers SET notes = ? WHERE id = 1').run(String(clock.now())) };
}

describe('automatic backup schedule', () => {
  it('backs up every 30 minutes only when something changed, and once more on quit', () => {
    const { clock, scheduler, taken, edit, services } = setup();
    scheduler.start();
    clock.advance(60 * 60_000);
    expect(taken).toEqual([]); // nothing changed in the first hour
    edit();
    clock.advance(29 * 60_000);
    expect(taken).toEqual(['scheduled']); // 30 minutes since start had passed, so the next poll took it
    // Backed up at minute 61 (the first poll after the edit); now it is minute 89. A change now waits until minute 91.
    edit();
    clock.advance(60_000);
    expect(taken).toEqual(['scheduled']);
    clock.advance(60_000);
    expect(taken).toEqual(['scheduled', 'scheduled']);
    clock.advance(3 * 60 * 60_000);
    expect(taken).toEqual(['scheduled', 'scheduled']); // no further change, no further backups
    edit();
    expect(scheduler.quit()).toBe(true);
    expect(taken).toEqual(['scheduled', 'scheduled', 'quit']);
    expect(clock.pending).toBe(0);
    expect(services.backups.list().map((b) => b.reason)).toEqual(['quit', 'scheduled', 'scheduled']);
  });

  it('takes no backup on quit when nothing changed, and none at all when the interval is 0', () => {
    const quiet = setup();
    quiet.scheduler.start();
    expect(quiet.scheduler.quit()).toBe(false);
    const off = setup(0);
    off.scheduler.start();
    off.edit();
    off.clock.advance(24 * 60 * 60_000);
    expect(off.taken).toEqual([]);
  });

  it('a failed backup is reported and retried at the next poll', () => {
    const clock = new HandClock();
    const errors: unknown[] = [];
    let fail = true;
    let mark = 0;
    const done: string[] = [];
    const scheduler = new BackupScheduler({
      clock,
      intervalMinutes: () => 30,
      changeMark: () => String(mark),
      backup: (reason) => {
        if (fail) throw new Error('disk full');
        done.push(reason);
      },
      onError: (err) => errors.push(err),
    });
    scheduler.start();
    mark++;
    clock.advance(30 * 60_000);
    expect(errors).toHaveLength(1);
    fail = false;
    clock.advance(60_000);
    expect(done).toEqual(['scheduled']);
    scheduler.stop();
  });
});

describe('scheduled backups in a worker thread', () => {
  it('writes the scheduled backup through the job runner and keeps the main connection free meanwhile', async () => {
    const clock = new HandClock();
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file, now: new Date('2026-11-23T08:00:00Z') });
    const scheduler = new BackupScheduler({
      clock,
      intervalMinutes: () => 30,
      changeMark: () => services.backups.changeMark(),
      backup: () => {
        throw new Error('the synchronous path must not be used for scheduled backups here');
      },
      backupInBackground: (reason) => services.backups.createInBackground(reason),
    });
    scheduler.start();
    db.prepare("UPDATE customers SET notes = 'changed' WHERE id = 1").run();
    clock.advance(30 * 60_000);
    // While the worker writes the backup, the app's own connection keeps writing.
    db.prepare("UPDATE customers SET notes = 'during the backup' WHERE id = 2").run();
    await scheduler.settled();
    const list = services.backups.list();
    expect(list.map((b) => b.reason)).toEqual(['scheduled']);
    expect(list[0]?.ok).toBe(true);
    // The edit made during the backup is newer than it, so the next interval backs up again.
    clock.advance(30 * 60_000);
    await scheduler.settled();
    expect(services.backups.list()).toHaveLength(2);
    scheduler.stop();
  });
});
