import { localToday } from '../../shared/domain/dates';

/** The local calendar around `now`: today's date, the UTC offset and when today ends (ISO UTC). */
export function localClock(now: Date): { asOf: string; nowIso: string; endOfToday: string; tzOffsetMinutes: number } {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return { asOf: localToday(now), nowIso: now.toISOString(), endOfToday: end.toISOString(), tzOffsetMinutes: -now.getTimezoneOffset() };
}
