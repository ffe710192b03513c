import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../errors.ts';
import type { VerificationStage } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import type { OrderState } from '../order-state.ts';
import { allowedEvents, DEFAULT_LIFECYCLE_CONFIG, draftIdleDeadline, transition } from './transition.ts';
import type { ActorKind, OrderSnapshot } from './types.ts';

/* Guards, rejection reasons, allowedEvents and deadline arithmetic of the lifecycle. */

const NOW = new Date('2026-11-28T02:00:00Z');
const CTX = { now: NOW, config: DEFAULT_LIFECYCLE_CONFIG };
const draft = (type: FilingType, stage: VerificationStage, extra: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  type,
  state: 'draft',
  verificationStage: stage,
  termsAccepted: true,
  blockingFindings: 0,
  authenticityComplete: true,
  ...extra,
});

const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

describe('submit guards', () => {
  const cases: Array<[string, FilingType, VerificationStage, Partial<OrderSnapshot>, ErrorCode | undefined]> = [
    ['terms missing', 'first_filing', 'after_provider_review', { termsAccepted: false }, 'TERMS_NOT_ACCEPTED'],
    [
      'terms are checked first',
      'first_filing',
      'before_submit',
      { termsAccepted: false, blockingFindings: 2 },
      'TERMS_NOT_ACCEPTED',
    ],
    ['blocking findings', 'cancel_access', 'after_provider_review', { blockingFindings: 1 }, 'ORDER_INCOMPLETE'],
    [
      'verification missing (before_submit)',
      'first_filing',
      'before_submit',
      { authenticityComplete: false },
      'ORDER_INCOMPLETE',
    ],
    [
      'verification not needed yet (after_provider_review)',
      'first_filing',
      'after_provider_review',
      { authenticityComplete: false },
      undefined,
    ],
    ['type without verification', 'change_access', 'before_submit', { authenticityComplete: false }, undefined],
  ];
  it.each(cases)('submit: %s', (_name, type, stage, extra, code) => {
    expect(codeOf(() => transition(draft(type, stage, extra), { type: 'submit' }, 'applicant', CTX))).toBe(code);
  });
  it.each(cases)('resubmit after a return: %s', (_name, type, stage, extra, code) => {
    const s = { ...draft(type, stage, extra), state: 'returned_by_miit' as const };
    expect(codeOf(() => transition(s, { type: 'resubmit' }, 'applicant', CTX))).toBe(code);
  });

  it('a wrong actor is refused before the guard runs', () => {
    const s = draft('first_filing', 'before_submit', { termsAccepted: false });
    expect(codeOf(() => transition(s, { type: 'submit' }, 'reviewer', CTX))).toBe('ORDER_TRANSITION_NOT_ALLOWED');
  });
});

describe('rejection reasons', () => {
  const at = (state: OrderState): OrderSnapshot => ({ ...draft('first_filing', 'after_provider_review'), state });
  it('reviewers must give reasons', () => {
    const err = codeOf(() =>
      transition(at('pending_provider_review'), { type: 'provider_reject', reasons: [] }, 'reviewer', CTX),
    );
    expect(err).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        transition(at('authenticity_under_review'), { type: 'authenticity_reject', reasons: [] }, 'reviewer', CTX),
      ),
    ).toBe('VALIDATION_FAILED');
  });
  it('regulator outcomes without reasons still apply, with a generic reason', () => {
    const r = transition(at('pending_admin_review'), { type: 'admin_reject', reasons: [] }, 'regulator', CTX);
    expect(r.to).toBe('admin_rejected');
    expect(r.effects[0]).toMatchObject({ kind: 'rejection.record', reasons: [{ code: 'NO_REASON_GIVEN' }] });
    const f = transition(at('pending_sms_verification'), { type: 'sms_failed', reasons: [] }, 'regulator', CTX);
    expect(f.effects[1]).toMatchObject({ kind: 'rejection.record', reasons: [{ code: 'SMS_VERIFICATION_FAILED' }] });
  });
});

describe('allowedEvents', () => {
  const at = (type: FilingType, state: OrderState, extra: Partial<OrderSnapshot> = {}) => ({
    ...draft(type, 'after_provider_review', extra),
    state,
  });
  it.each([
    [at('first_filing', 'draft'), 'applicant', ['submit', 'abandon']],
    [at('first_filing', 'draft', { termsAccepted: false }), 'applicant', ['abandon']],
    [at('first_filing', 'draft'), 'timer', ['draft_expired']],
    [at('first_filing', 'pending_provider_review'), 'reviewer', ['provider_approve', 'provider_reject']],
    [at('first_filing', 'pending_provider_review'), 'applicant', ['abandon']],
    [at('first_filing', 'submitting_to_admin'), 'regulator', ['regulator_accepted', 'regulator_rejected']],
    [
      at('first_filing', 'pending_sms_verification'),
      'regulator',
      ['sms_all_verified', 'sms_failed', 'sms_window_expired'],
    ],
    [at('first_filing', 'pending_sms_verification'), 'timer', ['sms_window_expired']],
    [at('first_filing', 'admin_rejected', { blockingFindings: 3 }), 'applicant', ['abandon']],
    [at('first_filing', 'authenticity_rejected'), 'applicant', ['authenticity_submit', 'abandon']],
    [at('cancel_access', 'pending_authenticity_verification'), 'applicant', []],
    [at('first_filing', 'approved'), 'applicant', []],
    [at('first_filing', 'pending_admin_review'), 'admin', []],
  ] as Array<[OrderSnapshot, ActorKind, string[]]>)('case %#', (snapshot, actor, expected) => {
    expect(allowedEvents(snapshot, actor)).toEqual(expected);
  });
});

describe('config and deadlines', () => {
  it('defaults to a 24 h SMS window and 45 idle days', () => {
    expect(DEFAULT_LIFECYCLE_CONFIG).toEqual({ smsWindowHours: 24, draftIdleDays: 45 });
    expect(draftIdleDeadline(NOW, DEFAULT_LIFECYCLE_CONFIG)).toEqual(new Date('2027-01-12T02:00:00Z'));
  });
  it('uses the configured SMS window (legacy 48 h) for the deadline and the return reason', () => {
    const ctx = { now: NOW, config: { smsWindowHours: 48, draftIdleDays: 45 } };
    const s = { ...draft('first_filing', 'before_submit'), state: 'submitting_to_admin' as const };
    const r = transition(s, { type: 'regulator_accepted', smsRequired: true }, 'regulator', ctx);
    expect(r.effects[0]).toEqual({
      kind: 'deadline.arm',
      deadline: 'sms_window',
      dueAt: new Date('2026-11-30T02:00:00Z'),
    });
    const back = transition({ ...s, state: r.to }, { type: 'sms_window_expired' }, 'timer', ctx);
    expect(back.effects[1]).toMatchObject({ reasons: [{ message: expect.stringContaining('48') }] });
  });
  it('does not mutate the snapshot', () => {
    const s = Object.freeze(draft('first_filing', 'before_submit'));
    const r = transition(s, { type: 'submit' }, 'applicant', CTX);
    expect(r).toMatchObject({ from: 'draft', to: 'pending_provider_review' });
    expect(s.state).toBe('draft');
  });
});
