/**
 * Runs segmentation once a day while the app is open. Time and timers are
 * injected so the rule is tested without waiting a day.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface DailyScheduleDeps {
  /** Finish time (ISO) of the newest run, or null when there is none. */
  lastRunAt: () => string | null;
  /** Starts a run (a no-op when one is already under way). */
  start: () => void;
  now: () => Date;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Due when there has never been a run or the newest is at least a day old. */
export function dailyRunDue(lastRunAt: string | null, now: Date): boolean {
  if (lastRunAt === null) return true;
  const last = Date.parse(lastRunAt);
  return !Number.isFinite(last) || now.getTime() - last >= DAY_MS;
}

/** Checks now and then every hour; returns the function that stops it (on quit). */
export function startDailySegmentation(deps: DailyScheduleDeps, checkEveryMs = CHECK_EVERY_MS): () => void {
  const check = () => {
    try {
      if (dailyRunDue(deps.lastRunAt(), deps.now())) deps.start();
    } catch (err) {
      // A failed check must not stop the app; the next hour tries again.
      console.error(`daily segmentation check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  check();
  const set = deps.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const clear = deps.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout));
  const handle = set(check, checkEveryMs);
  return () => clear(handle);
}
