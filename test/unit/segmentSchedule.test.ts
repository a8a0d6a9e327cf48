import { describe, expect, it } from 'vitest';
import { dailyRunDue, startDailySegmentation } from '../../electron/services/segmentSchedule';

describe('daily segmentation schedule', () => {
  it('is due without a run or a day after the last one', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(dailyRunDue(null, now)).toBe(true);
    expect(dailyRunDue('2026-11-22T09:00:00.000Z', now)).toBe(true);
    expect(dailyRunDue('2026-11-22T09:00:01.000Z', now)).toBe(false);
  });

  it('starts a run at once when due, then checks on every tick until stopped', () => {
    let now = new Date('2026-11-23T09:00:00Z');
    let last: string | null = null;
    const started: string[] = [];
    const timer: { tick?: () => void } = {};
    let cleared = false;
    const stop = startDailySegmentation({
      lastRunAt: () => last,
      start: () => {
        started.push(now.toISOString());
        last = now.toISOString();
      },
      now: () => now,
      setInterval: (fn) => {
        timer.tick = fn;
        return 1;
      },
      clearInterval: () => {
        cleared = true;
      },
    });
    expect(started).toEqual(['2026-11-23T09:00:00.000Z']);
    now = new Date('2026-11-23T20:00:00Z');
    timer.tick?.();
    expect(started).toHaveLength(1);
    now = new Date('2026-11-24T09:00:00Z');
    timer.tick?.();
    expect(started).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z']);
    stop();
    expect(cleared).toBe(true);
  });
});
