import { z } from 'zod';

/** The built-in warning rules, in the order the Today page explains them. */
export const warningRules = ['inactive', 'complaint', 'negative_feedback', 'order_drop', 'predicted_churn'] as const;
export type WarningRule = (typeof warningRules)[number];

export const alertStatuses = ['open', 'in_progress', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

const hours = z.number().int().min(1).max(24 * 30);
const days = z.number().int().min(1).max(3650);
const on = z.boolean();

/** A holiday greeting date: 'MM-DD' repeats every year, 'YYYY-MM-DD' (e.g. Spring Festival) is that year only. */
const holidaySchema = z.object({
  name: z.string().trim().min(1).max(50),
  date: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'must be MM-DD or YYYY-MM-DD'),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** Every knob of warnings, complaint SLAs and care reminders; stored as one settings row. */
export const warningSettingsSchema = z.object({
  rules: z.object({
    inactive: z.object({ enabled: on, days }),
    complaint: z.object({ enabled: on }),
    negative_feedback: z.object({ enabled: on, belowScore: z.number().int().min(2).max(5), withinDays: days }),
    order_drop: z.object({ enabled: on, dropPercent: z.number().int().min(1).max(100) }),
    predicted_churn: z.object({ enabled: on, pAliveBelow: z.number().gt(0).lt(1) }),
  }),
  /** Follow-up is due this many hours after an alert is raised. */
  followUpHours: hours,
  /** A manually resolved or dismissed alert is not raised again for the same customer and rule for this many days. */
  quietDays: z.number().int().min(0).max(365),
  sla: z.object({
    bySeverity: z.object({
      low: z.object({ responseHours: hours, resolutionHours: hours }),
      medium: z.object({ responseHours: hours, resolutionHours: hours }),
      high: z.object({ responseHours: hours, resolutionHours: hours }),
      critical: z.object({ responseHours: hours, resolutionHours: hours }),
    }),
    /** false: Saturday and Sunday (local time) do not count towards an SLA clock. */
    countWeekends: on,
    /** A clock is "soon due" this many hours before its deadline. */
    soonHours: hours,
  }),
  care: z.object({
    daysAhead: z.number().int().min(0).max(60),
    birthdays: on,
    anniversaries: on,
    holidays: z.array(holidaySchema).max(50),
    /** Who gets holiday greetings: high-value customers, or every active customer. */
    holidayAudience: z.enum(['high', 'active']),
  }),
  notifications: on,
});
export type WarningSettings = z.infer<typeof warningSettingsSchema>;

const sla = (responseHours: number, resolutionHours: number) => ({ responseHours, resolutionHours });

export const defaultWarningSettings: WarningSettings = {
  rules: {
    inactive: { enabled: true, days: 90 },
    complaint: { enabled: true },
    negative_feedback: { enabled: true, belowScore: 3, withinDays: 90 },
    order_drop: { enabled: true, dropPercent: 30 },
    predicted_churn: { enabled: true, pAliveBelow: 0.3 },
  },
  followUpHours: 24,
  quietDays: 30,
  sla: {
    bySeverity: { low: sla(24, 72), medium: sla(24, 48), high: sla(24, 48), critical: sla(4, 24) },
    countWeekends: true,
    soonHours: 4,
  },
  care: {
    daysAhead: 7,
    birthdays: true,
    anniversaries: true,
    holidays: [
      { name: '元旦 New Year', date: '01-01' },
      { name: '劳动节 Labour Day', date: '05-01' },
      { name: '国庆节 National Day', date: '10-01' },
    ],
    holidayAudience: 'high',
  },
  notifications: true,
};
