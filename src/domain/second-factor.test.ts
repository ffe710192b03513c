import { describe, expect, it } from 'vitest';
import { lockAfterFailure, secondFactorState } from './second-factor.ts';

describe('secondFactorState', () => {
  it('asks staff without an authenticator to enrol and enrolled staff to verify', () => {
    const base = { required: true, verifiedInSession: false };
    expect(secondFactorState({ ...base, role: 'reviewer', enrolled: false })).toBe('enrol');
    expect(secondFactorState({ ...base, role: 'senior_reviewer', enrolled: true })).toBe('verify');
    expect(secondFactorState({ ...base, role: 'admin', enrolled: true, verifiedInSession: true })).toBe('done');
  });

  it('never asks applicants, sub-accounts, or anyone when the second factor is not required', () => {
    for (const role of ['applicant', 'sub_account'] as const) {
      expect(secondFactorState({ role, required: true, verifiedInSession: false, enrolled: false })).toBe('done');
    }
    expect(secondFactorState({ role: 'admin', required: false, verifiedInSession: false, enrolled: true })).toBe(
      'done',
    );
  });
});

describe('lockAfterFailure', () => {
  it('locks for 15 minutes from the fifth failure in a row', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(lockAfterFailure(4, now)).toBeNull();
    expect(lockAfterFailure(5, now)).toEqual(new Date('2026-01-01T00:15:00Z'));
  });
});
