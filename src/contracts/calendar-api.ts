import { z } from 'zod';
import { safeString } from './safe-string.ts';

/**
 * The working-day calendar admins keep (运营管理 → 工作日历): the SLA clocks count working days from the maintained
 * calendar data, and a year it does not hold yet (or a correction) is entered here from the State Council's notice.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A real calendar date, YYYY-MM-DD (2027-02-30 is refused). */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  // Zod runs the refinement even when the pattern failed: it must not throw on text that is no date at all.
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
    },
    { message: 'not a calendar date' },
  );

export const CalendarDaySchema = z.object({
  date: z.string(),
  /** holiday: 法定节假日 (a weekday off); workday: 调休上班 (a weekend day worked). */
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarYearSchema = z.object({
  year: z.number().int(),
  /** library: the maintained data holds the year; provider: the holidays entered here do; none: weekdays only. */
  source: z.enum(['library', 'provider', 'none']),
  days: z.array(CalendarDaySchema),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const CalendarYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Enter a span of days at once (a holiday week is one entry); at most 31 days, within one year. */
export const SaveCalendarDaysSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: safeString().trim().min(1).max(40),
  })
  .strict()
  .refine((b) => b.from <= b.to, { path: ['to'], message: '结束日期不能早于开始日期 / The end is before the start' })
  .refine((b) => b.from.slice(0, 4) === b.to.slice(0, 4), { path: ['to'], message: '须在同一年内 / One year only' })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 30 * 86_400_000, {
    path: ['to'],
    message: '一次最多 31 天 / At most 31 days at a time',
  });
export type SaveCalendarDays = z.infer<typeof SaveCalendarDaysSchema>;
