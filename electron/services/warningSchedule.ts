import { localToday } from '../../shared/domain/dates';

/**
 * Runs the warning rules on start and again whenever the local date changes
 * while the app is open (the rules judge whole days). Time and timers are injected
 * so the rule is tested without waiting a day.
 */
const WARNING_CHECK_EVERY_MS = 15 * 60 * 1000;

export interface WarningScheduleDeps {
  /** The day (YYYY-MM-DD) the newest run judged, or null when there is none. */
  lastAsOf: () => string | null;
  start: (trigger: 'start' | 'daily') => void;
  /** Called on every check (alerts falling due are announced between runs). */
  onCheck?: () => void;
  now: () => Date;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Due when no run has judged today yet. */
export const dailyWarningsDue = (lastAsOf: string | null, now: Date): boolean => lastAsOf !== localToday(now);

/** Starts a run now, then checks every 15 minutes; returns the function that stops it (on quit). */
export function startWarningSchedule(deps: WarningScheduleDeps, checkEveryMs = WARNING_CHECK_EVERY_MS): () => void {
  deps.start('start');
  const check = () => {
    try {
      if (dailyWarningsDue(deps.lastAsOf(), deps.now())) deps.start('daily');
      deps.onCheck?.();
    } catch (err) {
      console.error(`daily warning check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const set = deps.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const clear = deps.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout));
  const handle = set(check, checkEveryMs);
  return () => clear(handle);
}
