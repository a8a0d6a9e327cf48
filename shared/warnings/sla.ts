/**
 * SLA clocks for complaints. A clock runs from a start time for a number of
 * hours; when weekends are not counted, Saturday and Sunday in the user's local
 * time (given as an offset, so the rule stays pure) are skipped.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ClockOptions {
  countWeekends: boolean;
  /** Minutes east of UTC of the local calendar (e.g. 480 for China). */
  tzOffsetMinutes: number;
}

const isWeekend = (localMs: number) => {
  const day = new Date(localMs).getUTCDay();
  return day === 0 || day === 6;
};

/** When a clock of `hours` started at `startIso` runs out (ISO UTC). */
export function slaDeadline(startIso: string, hours: number, opts: ClockOptions): string {
  const start = Date.parse(startIso);
  if (!Number.isFinite(start)) throw new RangeError(`not a timestamp: ${startIso}`);
  if (opts.countWeekends) return new Date(start + hours * HOUR).toISOString();
  const offset = opts.tzOffsetMinutes * 60_000;
  let local = start + offset;
  let remaining = hours * HOUR;
  for (;;) {
    const midnight = Math.floor(local / DAY) * DAY + DAY;
    if (isWeekend(local)) {
      local = midnight;
      continue;
    }
    const chunk = Math.min(remaining, midnight - local);
    local += chunk;
    remaining -= chunk;
    if (remaining === 0) return new Date(local - offset).toISOString();
  }
}

export const clockStates = ['met', 'breached', 'overdue', 'soon', 'running'] as const;
export type ClockState = (typeof clockStates)[number];

/**
 * met/breached once the clock stopped (done at or before / after the deadline);
 * otherwise overdue, soon due (within `soonHours`) or running.
 */
export function clockState(dueIso: string, doneIso: string | null, nowIso: string, soonHours: number): ClockState {
  const due = Date.parse(dueIso);
  if (doneIso !== null) return Date.parse(doneIso) <= due ? 'met' : 'breached';
  const now = Date.parse(nowIso);
  if (now > due) return 'overdue';
  return due - now <= soonHours * HOUR ? 'soon' : 'running';
}
