import chineseDays from 'chinese-days';

/**
 * Chinese working days (法定节假日 and their 调休 make-up working days) for SLA clocks and stage durations.
 * The calendar is the maintained `chinese-days` data, published each year after the State Council's notice, with
 * the provider's own entries over it (setCalendarOverrides); a year neither holds falls back to Monday–Friday, and
 * `calendarCovers` lets callers say so.
 *
 * All dates are taken in Asia/Shanghai (UTC+8, no daylight saving): a working day runs from 00:00 to 24:00 there.
 */
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const libraryCoverage = new Map<number, boolean>();

/** Whether the maintained library holds the official schedule for this year. */
function libraryCovers(year: number): boolean {
  let known = libraryCoverage.get(year);
  if (known === undefined) {
    // Every published year has at least New Year's Day as a holiday; an unpublished one has none.
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    libraryCoverage.set(year, known);
  }
  return known;
}

/**
 * The provider's corrections (calendar_days, entered by admins once the State Council publishes a year the
 * library does not hold yet): a date → whether it is a working day. Process-wide reference data like the library's
 * own; the working-calendar use case loads it from the database and replaces it whole.
 */
let overrides = new Map<string, boolean>();

export type CalendarOverride = { date: string; working: boolean };

export function setCalendarOverrides(days: readonly CalendarOverride[]): void {
  overrides = new Map(days.map((d) => [d.date, d.working]));
  dayCache.clear();
}

/** Where a year's schedule comes from: the library, the provider's entered holidays, or neither (weekdays only). */
export function calendarSource(year: number): 'library' | 'provider' | 'none' {
  if (libraryCovers(year)) return 'library';
  for (const [date, working] of overrides) if (!working && date.startsWith(`${year}-`)) return 'provider';
  return 'none';
}

/** Whether the official schedule for this year is known (else weekdays are assumed). */
export const calendarCovers = (year: number): boolean => calendarSource(year) !== 'none';

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai calendar day starts. */
const dayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;

const dayCache = new Map<string, boolean>();

/** Whether a Shanghai calendar date (YYYY-MM-DD) is a working day. */
export function isWorkingDate(date: string): boolean {
  let work = dayCache.get(date);
  if (work === undefined) {
    const year = Number(date.slice(0, 4));
    const entered = overrides.get(date);
    if (entered !== undefined) {
      work = entered;
    } else if (libraryCovers(year)) {
      work = chineseDays.isWorkday(date);
    } else {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      work = weekday !== 0 && weekday !== 6;
    }
    dayCache.set(date, work);
  }
  return work;
}

export const isWorkingDay = (at: Date): boolean => isWorkingDate(shanghaiDate(at));

/**
 * Time between two instants counted on working days only, in working days (fractional): Friday 10:00 to the
 * next Monday 10:00 is 1; a span that lies wholly on a weekend or holiday is 0. Negative spans give 0.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  let total = 0;
  let cursor = dayStart(shanghaiDate(from));
  while (cursor < end) {
    const next = cursor + DAY_MS;
    if (isWorkingDate(shanghaiDate(new Date(cursor)))) {
      total += Math.min(next, end) - Math.max(cursor, start);
    }
    cursor = next;
  }
  return total / DAY_MS;
}

/**
 * The instant `days` working days after `from` (the inverse of workingDaysBetween): an order handed in on
 * Friday 10:00 with a one-working-day limit is due Monday 10:00; one handed in on Saturday is due at the end of
 * Monday. `days` may be fractional; 0 returns `from`.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let remaining = days * DAY_MS;
  let cursor = from.getTime();
  if (remaining <= 0) return new Date(cursor);
  // Bounded: a long holiday is at most ~10 days; 400 × the asked days is far beyond any real calendar.
  for (let guard = 0; guard < 400 * Math.max(1, Math.ceil(days)); guard += 1) {
    const date = shanghaiDate(new Date(cursor));
    const next = dayStart(date) + DAY_MS;
    if (isWorkingDate(date)) {
      const available = next - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = next;
  }
  throw new Error(`addWorkingDays: no working day found after ${from.toISOString()}`);
}

/**
 * The instant `days` working days before `to` (the latest `from` with workingDaysBetween(from, to) = days): for
 * queue filters such as "handed in more than 2 working days ago". `days` may be fractional; 0 returns `to`.
 */
export function subtractWorkingDays(to: Date, days: number): Date {
  let remaining = days * DAY_MS;
  let cursor = to.getTime();
  if (remaining <= 0) return new Date(cursor);
  for (let guard = 0; guard < 400 * Math.max(1, Math.ceil(days)); guard += 1) {
    // The day holding the instant just before the cursor: a cursor at midnight belongs to the day after it.
    const date = shanghaiDate(new Date(cursor - 1));
    const start = dayStart(date);
    if (isWorkingDate(date)) {
      const available = cursor - start;
      if (remaining <= available) return new Date(cursor - remaining);
      remaining -= available;
    }
    cursor = start;
  }
  throw new Error(`subtractWorkingDays: no working day found before ${to.toISOString()}`);
}

/** The instant the Shanghai calendar day holding `at` ends (the next day's 00:00 there). */
export const shanghaiDayEnd = (at: Date): Date => new Date(dayStart(shanghaiDate(at)) + DAY_MS);
