import type { BackupReason } from '../../shared/domain/backups';

/** The little of a clock the scheduler needs; tests pass one they advance by hand. */
export interface SchedulerClock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    // A pending backup check must never keep a quitting process alive.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export interface SchedulerOptions {
  clock: SchedulerClock;
  /** Current interval in minutes (read each time, so a settings change applies at once); 0 = off. */
  intervalMinutes: () => number;
  /** Changes whenever the database changed; equal marks mean "nothing to back up". */
  changeMark: () => string;
  /** Writes a backup synchronously (used on quit, and for scheduled backups when there is no `backupInBackground`). */
  backup: (reason: BackupReason) => void;
  /** Writes a scheduled backup off the main thread (a worker job), so a big database does not freeze the app. */
  backupInBackground?: (reason: BackupReason) => Promise<unknown>;
  onError?: (err: unknown) => void;
  /** How often to look (default once a minute). */
  pollMs?: number;
}

/**
 * Automatic backups while the app is open: one every `intervalMinutes` if
 * something changed since the last one, and one on quit if something changed.
 * A failed backup is reported and retried at the next poll, not at the next interval.
 */
export class BackupScheduler {
  private readonly opts: SchedulerOptions;
  private handle: unknown = null;
  private lastAt: number;
  private lastMark: string;
  private inFlight: Promise<void> | null = null;

  constructor(opts: SchedulerOptions) {
    this.opts = opts;
    this.lastAt = opts.clock.now();
    this.lastMark = opts.changeMark();
  }

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.opts.clock.setInterval(() => this.tick(), this.opts.pollMs ?? 60_000);
  }

  stop(): void {
    if (this.handle === null) return;
    this.opts.clock.clearInterval(this.handle);
    this.handle = null;
  }

  /** One look: backs up when the interval has passed and something changed. Returns whether it started one. */
  tick(): boolean {
    const minutes = this.opts.intervalMinutes();
    if (minutes <= 0 || this.inFlight) return false;
    if (this.opts.clock.now() - this.lastAt < minutes * 60_000) return false;
    const background = this.opts.backupInBackground;
    if (!background) return this.run('scheduled');
    // The mark is taken before the backup starts: a change made while it runs is caught by the next one.
    const mark = this.opts.changeMark();
    if (mark === this.lastMark) return false;
    this.inFlight = background('scheduled').then(
      () => {
        this.lastAt = this.opts.clock.now();
        this.lastMark = mark;
      },
      (err: unknown) => this.opts.onError?.(err),
    ).finally(() => {
      this.inFlight = null;
    });
    return true;
  }

  /** Resolves when a background backup in progress has finished (tests, and quitting cleanly). */
  settled(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  /** Called once when the app quits: a last backup if anything changed since the previous one. */
  quit(): boolean {
    this.stop();
    return this.run('quit');
  }

  private run(reason: BackupReason): boolean {
    const mark = this.opts.changeMark();
    if (mark === this.lastMark) return false;
    try {
      this.opts.backup(reason);
    } catch (err) {
      this.opts.onError?.(err);
      return false;
    }
    this.lastAt = this.opts.clock.now();
    this.lastMark = this.opts.changeMark();
    return true;
  }
}
