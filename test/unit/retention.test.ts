import { describe, expect, it } from 'vitest';
import { backupsToKeep, defaultBackupSettings, type RetentionPolicy } from '../../shared/domain/backups';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const kept = (times: Date[], policy: RetentionPolicy) =>
  [...backupsToKeep(times, now, policy)].sort((a, b) => a - b);

describe('backup retention', () => {
  it('keeps the newest N whatever their age', () => {
    const times = [ago(1 * HOUR), ago(2 * HOUR), ago(3 * HOUR), ago(400 * DAY)];
    expect(kept(times, { keepRecent: 2, dailyDays: 0, weeklyWeeks: 0 })).toEqual([0, 1]);
  });

  it('keeps the newest backup of each of the last 7 days and drops the rest of each day', () => {
    // Every 30 minutes for 10 days: 480 backups.
    const times = Array.from({ length: 480 }, (_, i) => ago(i * 30 * 60_000));
    const keep = backupsToKeep(times, now, { keepRecent: 3, dailyDays: 7, weeklyWeeks: 0 });
    const days = new Set([...keep].map((i) => times[i]?.toISOString().slice(0, 10)));
    // A 7-day window from noon touches today and 7 earlier UTC days, each represented by its newest backup.
    expect(days.size).toBe(8);
    expect(keep.size).toBe(3 + 7);
    for (const i of keep) {
      const t = times[i] as Date;
      if (i < 3) continue;
      const sameDayNewer = times.some((u) => u.toISOString().slice(0, 10) === t.toISOString().slice(0, 10) && u > t);
      expect(sameDayNewer).toBe(false);
    }
    expect(keep.has(479)).toBe(false);
  });

  it('keeps one per calendar week for the weekly window, nothing older', () => {
    const times = Array.from({ length: 60 }, (_, i) => ago(i * DAY));
    const keep = backupsToKeep(times, now, { keepRecent: 1, dailyDays: 0, weeklyWeeks: 4 });
    const weeks = [...keep].map((i) => times[i] as Date);
    // 2026-11-23 is a Monday: besides today's, each kept backup is a Sunday, the newest of its Monday–Sunday week.
    expect(weeks[0]).toEqual(now);
    expect(weeks.slice(1).map((t) => t.getUTCDay())).toEqual([0, 0, 0, 0]);
    // A 4-week window reaches into 5 calendar weeks (this one and 4 earlier), and no further back.
    expect(weeks.every((t) => now.getTime() - t.getTime() < 4 * 7 * DAY)).toBe(true);
    expect(keep.size).toBe(5);
  });

  it('the default policy bounds a month of half-hourly backups to a few dozen files and never drops the newest', () => {
    const times = Array.from({ length: 48 * 40 }, (_, i) => ago(i * 30 * 60_000 + 5 * 60_000));
    const keep = backupsToKeep(times, now, defaultBackupSettings.retention);
    expect(keep.size).toBeLessThanOrEqual(10 + 7 + 5);
    expect(keep.size).toBeGreaterThanOrEqual(10 + 6 + 4);
    expect(keep.has(0)).toBe(true);
    expect(kept([ago(900 * DAY)], { keepRecent: 1, dailyDays: 0, weeklyWeeks: 0 })).toEqual([0]);
  });

  it('does not depend on the order the times are given in', () => {
    const times = [ago(10 * DAY), ago(1 * HOUR), ago(3 * DAY), ago(2 * HOUR)];
    expect(kept(times, { keepRecent: 1, dailyDays: 7, weeklyWeeks: 0 })).toEqual([1, 2]);
  });
});
