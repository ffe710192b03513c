import { describe, expect, it } from 'vitest';
import { eventsToReach } from './regulator-events.ts';

const reasons = [{ field: 'websites.0.domain', code: 'DOMAIN_EXPIRED', message: '域名已过期' }];

describe('eventsToReach', () => {
  it.each([
    ['submitting_to_admin', { state: 'received' }, true, []],
    ['submitting_to_admin', { state: 'sms_pending', deadlineAt: 'x', persons: [] }, true, ['regulator_accepted']],
    ['pending_sms_verification', { state: 'sms_pending', deadlineAt: 'x', persons: [] }, true, []],
    ['submitting_to_admin', { state: 'admin_review', smsRequired: false }, false, ['regulator_accepted']],
    [
      'submitting_to_admin',
      { state: 'admin_review', smsRequired: true },
      true,
      ['regulator_accepted', 'sms_all_verified'],
    ],
    ['pending_sms_verification', { state: 'admin_review', smsRequired: true }, true, ['sms_all_verified']],
    ['pending_admin_review', { state: 'admin_review', smsRequired: true }, true, []],
    [
      'submitting_to_admin',
      { state: 'approved', subjectNumber: 'n', websites: [] },
      true,
      ['regulator_accepted', 'sms_all_verified', 'admin_approve'],
    ],
    ['submitting_to_admin', { state: 'completed' }, false, ['regulator_accepted', 'admin_approve']],
    ['pending_admin_review', { state: 'admin_rejected', reasons }, true, ['admin_reject']],
    [
      'pending_sms_verification',
      { state: 'returned', cause: 'sms_timeout', reasons: [] },
      true,
      ['sms_window_expired'],
    ],
    [
      'submitting_to_admin',
      { state: 'returned', cause: 'sms_failed', reasons },
      true,
      ['regulator_accepted', 'sms_failed'],
    ],
    ['submitting_to_admin', { state: 'rejected_at_intake', reasons }, true, ['regulator_rejected']],
    ['returned_by_miit', { state: 'returned', cause: 'sms_timeout', reasons: [] }, true, []],
    ['approved', { state: 'approved', subjectNumber: 'n', websites: [] }, true, []],
  ] as const)('from %s with regulator %j (sms expected %s) replays %j', (state, status, sms, expected) => {
    expect(eventsToReach(state, status as never, sms).map((e) => e.type)).toEqual(expected);
  });
});
