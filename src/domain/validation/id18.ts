/**
 * The 18-character layout of GB 11643 (region 6, birth date 8, sequence 3, MOD 11-2 check 1), shared by
 * resident IDs and HK/Macau/Taiwan residence permits.
 */
import { type CalendarDate, compareDates, formatIsoDate, parseCompactDate, shanghaiDate } from './calendar.ts';
import { mod11_2CheckChar } from './check-digits.ts';
import { issue, type ValidationIssue } from './types.ts';

export const ID18_SHAPE = /^\d{17}[\dX]$/;

/** Births before 1900 are implausible for a living applicant (spec choice, §3.1). */
const EARLIEST_BIRTH_YEAR = 1900;

export const hasValidMod11_2 = (id18: string): boolean => mod11_2CheckChar(id18.slice(0, 17)) === id18[17];

export type Id18Parts = { regionCode: string; birthDate: string; sex: 'M' | 'F' };

/** Splits a number already known to have ID18_SHAPE; null when its birth date is not a calendar date. */
export function id18Parts(id18: string): Id18Parts | null {
  const birth = parseCompactDate(id18.slice(6, 14));
  if (!birth) return null;
  const sequenceLastDigit = id18.charCodeAt(16) - 48;
  return {
    regionCode: id18.slice(0, 6),
    birthDate: formatIsoDate(birth),
    sex: sequenceLastDigit % 2 === 1 ? 'M' : 'F',
  };
}

/**
 * Birth-date and checksum issues of an ID18-shaped number. `today` is required: a birth date in the future
 * is as wrong as 13 February 30th, and only the caller holds a clock (the library stays pure).
 */
export function id18Issues(id18: string, kind: string, label: string, today: Date): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const birthIssue = checkBirthDate(parseCompactDate(id18.slice(6, 14)), today);
  if (birthIssue) issues.push(issue(`${kind}_BIRTH_DATE`, `${label}中的出生日期${birthIssue}`));
  if (!hasValidMod11_2(id18)) issues.push(issue(`${kind}_CHECKSUM`, `${label}校验位错误`));
  return issues;
}

function checkBirthDate(birth: CalendarDate | null, today: Date): string | null {
  if (!birth) return '不是有效日期';
  if (birth.year < EARLIEST_BIRTH_YEAR) return '早于1900年';
  const reference = shanghaiDate(today);
  // An unusable clock must not turn the check off: fail closed.
  if (!reference) return '无法与当前日期核对';
  if (compareDates(birth, reference) > 0) return '晚于当前日期';
  return null;
}
