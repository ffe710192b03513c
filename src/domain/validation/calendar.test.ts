/** VAL-7 date rules used by cross-field checks: age and certificate validity on the Shanghai calendar. */
import { describe, expect, it } from 'vitest';
import { ageOn, isValidForMoreThanMonths } from './calendar.ts';
import { residentIdInfo } from './resident-id.ts';

describe('VAL-7 ageOn', () => {
  it.each([
    ['2000-06-15', '2018-06-14T12:00:00Z', 17],
    ['2000-06-15', '2018-06-15T00:00:00Z', 18],
    ['2000-06-15', '2018-06-14T16:00:00Z', 18], // already 15 June in Shanghai
    ['2000-06-15', '2018-06-14T15:59:59Z', 17],
    ['2000-02-29', '2018-02-28T12:00:00Z', 17], // a leap-day birthday comes on 1 March in common years
    ['2000-02-29', '2018-03-01T00:00:00Z', 18],
    ['2000-02-29', '2020-02-29T00:00:00Z', 20],
    ['1949-12-31', '2026-01-01T00:00:00Z', 76],
    ['2030-01-01', '2026-01-01T00:00:00Z', -4],
  ])('born %s, at %s: %d', (birth, now, age) => {
    expect(ageOn(birth, new Date(now))).toBe(age);
  });

  it('is NaN for unusable input instead of throwing', () => {
    expect(ageOn('2000-02-30', new Date('2020-01-01T00:00:00Z'))).toBeNaN();
    expect(ageOn('20000101', new Date('2020-01-01T00:00:00Z'))).toBeNaN();
    expect(ageOn('2000-01-01', new Date(Number.NaN))).toBeNaN();
  });

  it('combines with residentIdInfo to check an entered birth date and a minimum age', () => {
    const info = residentIdInfo('11010519491231002X', new Date('2026-05-01T00:00:00Z'))!;
    expect(info.birthDate).toBe('1949-12-31');
    expect(ageOn(info.birthDate, new Date('2026-05-01T00:00:00Z')) >= 18).toBe(true);
  });
});

describe('VAL-7 isValidForMoreThanMonths', () => {
  // 2025-01-31 08:00 in Shanghai.
  const now = new Date('2025-01-31T00:00:00Z');

  it.each([
    ['long_term', true],
    ['长期', true],
    ['2025-04-30', false], // exactly three calendar months (31 January + 3 months, clamped to 30 April)
    ['2025-05-01', true],
    ['2025-01-31', false],
    ['2024-12-31', false],
    ['2030-01-01', true],
    ['２０３０－０１－０１', true],
    ['2025-02-30', false],
    ['2025/05/01', false],
    ['', false],
    ['LONG_TERM', false],
  ])('%j -> %s', (validUntil, expected) => {
    expect(isValidForMoreThanMonths(validUntil, now)).toBe(expected);
  });

  it('uses the Shanghai date of now', () => {
    // 2025-01-31T16:00Z is already 1 February in Shanghai, so the bar moves to 1 May.
    expect(isValidForMoreThanMonths('2025-05-01', new Date('2025-01-31T15:59:59Z'))).toBe(true);
    expect(isValidForMoreThanMonths('2025-05-01', new Date('2025-01-31T16:00:00Z'))).toBe(false);
  });

  it('takes other month counts and refuses nonsense', () => {
    expect(isValidForMoreThanMonths('2025-08-01', now, 6)).toBe(true);
    expect(isValidForMoreThanMonths('2025-07-31', now, 6)).toBe(false);
    expect(isValidForMoreThanMonths('2025-02-01', now, 0)).toBe(true);
    expect(isValidForMoreThanMonths('2030-01-01', now, 1.5)).toBe(false);
    expect(isValidForMoreThanMonths('2030-01-01', new Date('nope'))).toBe(false);
  });
});
