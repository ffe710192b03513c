import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarCovers,
  calendarSource,
  isWorkingDate,
  setCalendarOverrides,
  shanghaiDate,
  workingDaysBetween,
} from './working-days.ts';

// Shanghai local time written as an instant.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('Chinese working days', () => {
  it('knows the 2026 National Day holiday and its make-up working days', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(isWorkingDate('2026-10-05')).toBe(false); // Monday inside the holiday
    expect(isWorkingDate('2026-09-20')).toBe(true); // Sunday made a working day (调休)
    expect(isWorkingDate('2026-10-10')).toBe(true); // Saturday made a working day
    expect(isWorkingDate('2026-10-12')).toBe(true);
    expect(isWorkingDate('2026-10-11')).toBe(false); // an ordinary Sunday
  });

  it('falls back to Monday–Friday for a year the calendar does not hold, and says so', () => {
    expect(calendarCovers(2099)).toBe(false);
    expect(isWorkingDate('2099-06-01')).toBe(true); // Monday
    expect(isWorkingDate('2099-06-06')).toBe(false); // Saturday
  });

  describe('with the provider’s entries', () => {
    afterEach(() => setCalendarOverrides([]));

    it('covers a year the library lacks once its holidays are entered, and counts them', () => {
      expect(calendarSource(2099)).toBe('none');
      setCalendarOverrides([
        { date: '2099-06-01', working: false }, // a Monday off
        { date: '2099-06-06', working: true }, // the Saturday worked instead
      ]);
      expect(calendarSource(2099)).toBe('provider');
      expect(calendarCovers(2099)).toBe(true);
      expect(isWorkingDate('2099-06-01')).toBe(false);
      expect(isWorkingDate('2099-06-06')).toBe(true);
      // Friday 10:00 → Tuesday 10:00 across the long weekend: one working day (Friday's rest, Tuesday's morning).
      expect(workingDaysBetween(sh('2099-05-29T10:00:00'), sh('2099-06-02T10:00:00'))).toBeCloseTo(1, 10);
    });

    it('win over the library for a date it holds; make-up days alone do not cover a year', () => {
      setCalendarOverrides([{ date: '2026-10-05', working: true }]);
      expect(isWorkingDate('2026-10-05')).toBe(true);
      expect(calendarSource(2026)).toBe('library');
      setCalendarOverrides([{ date: '2099-06-06', working: true }]);
      expect(calendarCovers(2099)).toBe(false);
      setCalendarOverrides([]);
      expect(isWorkingDate('2026-10-05')).toBe(false);
    });
  });

  it('takes dates in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-10-09T16:30:00Z'))).toBe('2026-10-10');
    expect(shanghaiDate(new Date('2026-10-09T15:59:59Z'))).toBe('2026-10-09');
  });

  it('counts elapsed time on working days only', () => {
    // Friday 10:00 → Monday 10:00 (an ordinary weekend) is one working day.
    expect(workingDaysBetween(sh('2026-11-13T10:00:00'), sh('2026-11-16T10:00:00'))).toBeCloseTo(1, 10);
    // Across the National Day holiday (1–7 Oct), Wednesday 30 Sep 12:00 → Friday 9 Oct 12:00: only 30 Sep
    // afternoon (0.5), 8 Oct (1) and 9 Oct morning (0.5) are working time.
    expect(workingDaysBetween(sh('2026-09-30T12:00:00'), sh('2026-10-09T12:00:00'))).toBeCloseTo(2, 10);
    // A span wholly inside a weekend is 0; a reversed span is 0.
    expect(workingDaysBetween(sh('2026-11-14T09:00:00'), sh('2026-11-15T18:00:00'))).toBe(0);
    expect(workingDaysBetween(sh('2026-11-16T10:00:00'), sh('2026-11-13T10:00:00'))).toBe(0);
  });

  it('adds working days as the inverse of the count', () => {
    expect(addWorkingDays(sh('2026-11-13T10:00:00'), 1).toISOString()).toBe(sh('2026-11-16T10:00:00').toISOString());
    // Handed in on a Saturday: due at the end of Monday.
    expect(addWorkingDays(sh('2026-11-14T15:00:00'), 1).toISOString()).toBe(sh('2026-11-17T00:00:00').toISOString());
    // Handed in just before the National Day holiday: due on the first working day after it.
    expect(addWorkingDays(sh('2026-09-30T18:00:00'), 1).toISOString()).toBe(sh('2026-10-08T18:00:00').toISOString());
    const from = sh('2026-12-01T09:15:00');
    for (const days of [0.25, 1, 3, 20]) {
      expect(workingDaysBetween(from, addWorkingDays(from, days))).toBeCloseTo(days, 9);
    }
  });
});
