/**
 * Calendar arithmetic on plain Y-M-D triples. Certificates, birth dates and validity periods are Chinese
 * calendar dates, so "today" is always the Asia/Shanghai date of an injected instant (UTC+8, no DST since
 * 1991) rather than the server's local zone.
 */
import { normalizeInput } from './normalize.ts';

export type CalendarDate = { year: number; month: number; day: number };

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

export const isRealDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

/** Strict `YYYY-MM-DD`; anything else (including 2023-02-29) is not a date. */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(date.year, date.month, date.day) ? date : null;
}

/** `YYYYMMDD` as embedded in GB 11643-style numbers. */
export function parseCompactDate(s: string): CalendarDate | null {
  if (!/^\d{8}$/.test(s)) return null;
  const date = { year: Number(s.slice(0, 4)), month: Number(s.slice(4, 6)), day: Number(s.slice(6, 8)) };
  return isRealDate(date.year, date.month, date.day) ? date : null;
}

export function shanghaiDate(now: Date): CalendarDate | null {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(t)) return null;
  const shifted = new Date(t + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

export const formatIsoDate = (d: CalendarDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Calendar months; the day is clamped, so 11-30 plus three months is the last day of February. */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/**
 * Completed years (周岁) on the Shanghai calendar date of `now`. Someone born on 29 February turns a year
 * older on 1 March in common years. Returns NaN for an unusable input instead of throwing, and a negative
 * number when the birth date lies after `now`.
 */
export function ageOn(birthDate: string, now: Date): number {
  const birth = parseIsoDate(birthDate);
  const today = shanghaiDate(now);
  if (!birth || !today) return Number.NaN;
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

const LONG_TERM = new Set(['long_term', '长期']);

/**
 * Filing rules require an uploaded certificate to stay valid for MORE than `months` calendar months (3 by
 * default). `validUntil` is the last valid day (inclusive), so a certificate ending exactly three months
 * from today is too short. Unparseable input is treated as not valid, never as long-term.
 */
export function isValidForMoreThanMonths(validUntil: string | 'long_term', now: Date, months = 3): boolean {
  if (typeof validUntil !== 'string' || !Number.isInteger(months)) return false;
  const value = normalizeInput(validUntil);
  if (LONG_TERM.has(value)) return true;
  const end = parseIsoDate(value);
  const today = shanghaiDate(now);
  if (!end || !today) return false;
  return compareDates(end, addMonths(today, months)) > 0;
}
