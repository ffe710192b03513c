import { describe, expect, it } from 'vitest';
import { subtractWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import { DEFAULT_REVIEW_SLA, slaDueAfterTransition, slaStateAt, slaWorkingHoursLeft } from './review-sla.ts';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('provider review SLA on Chinese working days', () => {
  it('a submission on the afternoon before National Day is due on the first working day after it', () => {
    const due = slaDueAfterTransition('draft', 'pending_provider_review', 'beijing', sh('2026-09-30T15:00:00'), {
      ...DEFAULT_REVIEW_SLA,
    });
    expect(due).toEqual(sh('2026-10-08T15:00:00'));
  });

  it('uses the province’s own limit when configured, else the default', () => {
    const policy = { defaultWorkingDays: 1, byProvince: { guangdong: 2 } };
    const at = sh('2026-11-02T09:00:00'); // Monday
    expect(slaDueAfterTransition('draft', 'pending_provider_review', 'guangdong', at, policy)).toEqual(
      sh('2026-11-04T09:00:00'),
    );
    expect(slaDueAfterTransition('draft', 'pending_provider_review', 'beijing', at, policy)).toEqual(
      sh('2026-11-03T09:00:00'),
    );
  });

  it('starts a clock on entering a provider queue, clears it on leaving, keeps it otherwise', () => {
    const at = sh('2026-11-02T09:00:00');
    const p = DEFAULT_REVIEW_SLA;
    expect(
      slaDueAfterTransition('pending_authenticity_verification', 'authenticity_under_review', null, at, p),
    ).toEqual(sh('2026-11-03T09:00:00'));
    expect(slaDueAfterTransition('pending_provider_review', 'provider_rejected', null, at, p)).toBeNull();
    expect(slaDueAfterTransition('submitting_to_admin', 'pending_sms_verification', null, at, p)).toBeUndefined();
  });

  it('says on time, due today or overdue, and the working hours left', () => {
    const due = sh('2026-10-08T15:00:00');
    expect(slaStateAt(due, sh('2026-09-30T16:00:00'))).toBe('on_time');
    expect(slaWorkingHoursLeft(due, sh('2026-09-30T16:00:00'))).toBe(23); // 8 h on 30 Sep, 15 h on 8 Oct
    expect(slaStateAt(due, sh('2026-10-08T09:00:00'))).toBe('due_today');
    expect(slaStateAt(due, sh('2026-10-08T15:00:00'))).toBe('overdue');
    expect(slaWorkingHoursLeft(due, sh('2026-10-09T03:00:00'))).toBe(-12);
  });

  it('counts back working days for the age filter, skipping the holiday', () => {
    const from = subtractWorkingDays(sh('2026-10-08T10:00:00'), 1);
    expect(from).toEqual(sh('2026-09-30T10:00:00'));
    expect(workingDaysBetween(from, sh('2026-10-08T10:00:00'))).toBe(1);
    expect(subtractWorkingDays(sh('2026-10-08T00:00:00'), 0.5)).toEqual(sh('2026-09-30T12:00:00'));
  });
});
