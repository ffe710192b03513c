import { describe, expect, it } from 'vitest';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import { DomainError, type ErrorCode } from '../errors.ts';
import type { VerificationStage } from '../filing-data.ts';
import { FILING_TYPES, type FilingType } from '../filing-type.ts';
import type { OrderState } from '../order-state.ts';
import { smsRequired } from '../sms-targets.ts';
import { DEFAULT_LIFECYCLE_CONFIG, transition } from './transition.ts';
import type { ActorKind, Effect, OrderEvent, OrderSnapshot } from './types.ts';

const NOW = new Date('2026-11-28T02:00:00Z');
const CTX = { now: NOW, config: DEFAULT_LIFECYCLE_CONFIG };
const REASONS: RejectionReason[] = [
  { field: 'subject.sponsorName', code: 'NAME_MISMATCH', message: '名称与证件不一致' },
];

const draft = (type: FilingType, stage: VerificationStage, extra: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  type,
  state: 'draft',
  verificationStage: stage,
  termsAccepted: true,
  blockingFindings: 0,
  authenticityComplete: true,
  ...extra,
});

type Step = [OrderEvent, ActorKind];

/** Plays steps in order, returning the visited states and every effect asked for. */
const play = (start: OrderSnapshot, steps: Step[]) => {
  let snapshot = start;
  const states: OrderState[] = [start.state];
  const effects: Effect[] = [];
  for (const [event, actor] of steps) {
    const r = transition(snapshot, event, actor, CTX);
    snapshot = { ...snapshot, state: r.to };
    states.push(r.to);
    effects.push(...r.effects);
  }
  return { snapshot, states, effects, kinds: effects.map((e) => e.kind) };
};

const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

const SUBMIT: Step = [{ type: 'submit' }, 'applicant'];
const RESUBMIT: Step = [{ type: 'resubmit' }, 'applicant'];
const P_APPROVE: Step = [{ type: 'provider_approve' }, 'reviewer'];
const P_REJECT: Step = [{ type: 'provider_reject', reasons: REASONS }, 'reviewer'];
const A_SUBMIT: Step = [{ type: 'authenticity_submit' }, 'applicant'];
const A_APPROVE: Step = [{ type: 'authenticity_approve' }, 'reviewer'];
const A_REJECT: Step = [{ type: 'authenticity_reject', reasons: REASONS }, 'reviewer'];
const ACCEPT_SMS: Step = [{ type: 'regulator_accepted', smsRequired: true }, 'regulator'];
const SMS_OK: Step = [{ type: 'sms_all_verified' }, 'regulator'];
const ADMIN_OK: Step = [{ type: 'admin_approve' }, 'regulator'];

/** Hand-written: types with the photo/video step, types that hold authorization codes, cancellation types. */
const VERIFYING = new Set<FilingType>([
  'first_filing',
  'add_website_subject_here',
  'add_website_subject_elsewhere',
  'add_access_subject_here',
  'add_access_subject_elsewhere',
  'change_subject',
  'change_website',
]);
const CODE_HOLDING = new Set<FilingType>([...VERIFYING, 'change_access']);
const CANCELS = new Set<FilingType>(['cancel_subject', 'cancel_website', 'cancel_access']);
const NO_SMS = new Set<FilingType>(['change_images', 'cancel_access']);

describe('happy paths', () => {
  for (const type of FILING_TYPES) {
    for (const stage of ['after_provider_review', 'before_submit'] as const) {
      it(`${type} (${stage}) reaches its terminal state`, () => {
        const photo = VERIFYING.has(type) && stage === 'after_provider_review';
        const sms = smsRequired(type, { subject: true, websites: false });
        const steps: Step[] = [
          SUBMIT,
          P_APPROVE,
          ...(photo ? [A_SUBMIT, A_APPROVE] : []),
          [{ type: 'regulator_accepted', smsRequired: sms }, 'regulator'],
          ...(sms ? [SMS_OK] : []),
          ADMIN_OK,
        ];
        const run = play(draft(type, stage), steps);
        const done = CANCELS.has(type) ? 'completed_removed' : 'approved';
        expect(run.states).toEqual([
          'draft',
          'pending_provider_review',
          ...(photo ? ['pending_authenticity_verification', 'authenticity_under_review'] : []),
          'submitting_to_admin',
          ...(sms ? ['pending_sms_verification'] : []),
          'pending_admin_review',
          done,
        ]);
        expect(run.kinds.filter((k) => k === 'regulator.submit')).toHaveLength(1);
        expect(run.kinds.includes('authorization_codes.reserve')).toBe(CODE_HOLDING.has(type));
        expect(run.kinds.includes('authorization_codes.consume')).toBe(CODE_HOLDING.has(type));
        expect(run.kinds).not.toContain('authorization_codes.release');
        expect(run.effects.at(-1)).toEqual({ kind: 'notify.applicant', template: done });
        expect(NO_SMS.has(type)).toBe(!sms);
      });
    }
  }
});

describe('negative paths', () => {
  it('provider rejection, edit and resubmit, then approval', () => {
    const run = play(draft('first_filing', 'before_submit'), [SUBMIT, P_REJECT, RESUBMIT, P_APPROVE, ACCEPT_SMS]);
    expect(run.states.slice(1)).toEqual([
      'pending_provider_review',
      'provider_rejected',
      'pending_provider_review',
      'submitting_to_admin',
      'pending_sms_verification',
    ]);
    expect(run.effects).toContainEqual({ kind: 'rejection.record', stage: 'provider', reasons: REASONS });
    expect(run.kinds.filter((k) => k === 'submission.stamp')).toHaveLength(2);
  });

  it('authenticity rejection and re-upload', () => {
    const run = play(draft('change_website', 'after_provider_review'), [
      SUBMIT,
      P_APPROVE,
      A_SUBMIT,
      A_REJECT,
      A_SUBMIT,
      A_APPROVE,
    ]);
    expect(run.states.slice(3)).toEqual([
      'authenticity_under_review',
      'authenticity_rejected',
      'authenticity_under_review',
      'submitting_to_admin',
    ]);
    expect(run.effects).toContainEqual({ kind: 'rejection.record', stage: 'authenticity', reasons: REASONS });
  });

  it.each(['timer', 'regulator'] as const)(
    'SMS timeout (%s) returns the order; resubmission goes to provider review',
    (actor) => {
      const run = play(draft('add_website_subject_here', 'before_submit'), [
        SUBMIT,
        P_APPROVE,
        ACCEPT_SMS,
        [{ type: 'sms_window_expired' }, actor],
        RESUBMIT,
        P_APPROVE,
        ACCEPT_SMS,
      ]);
      expect(run.states.slice(3)).toEqual([
        'pending_sms_verification',
        'returned_by_miit',
        'pending_provider_review',
        'submitting_to_admin',
        'pending_sms_verification',
      ]);
      const record = run.effects.find((e) => e.kind === 'rejection.record');
      expect(record).toMatchObject({
        stage: 'miit_return',
        reasons: [{ field: 'sms', code: 'SMS_NOT_VERIFIED_IN_TIME' }],
      });
      expect(run.effects.filter((e) => e.kind === 'deadline.arm')).toHaveLength(2);
    },
  );

  it('failed SMS verification returns the order with the regulator reasons', () => {
    const run = play(draft('cancel_subject', 'before_submit'), [
      SUBMIT,
      P_APPROVE,
      ACCEPT_SMS,
      [{ type: 'sms_failed', reasons: REASONS }, 'regulator'],
    ]);
    expect(run.snapshot.state).toBe('returned_by_miit');
    expect(run.effects.slice(-3)).toEqual([
      { kind: 'deadline.disarm', deadline: 'sms_window' },
      { kind: 'rejection.record', stage: 'miit_return', reasons: REASONS },
      { kind: 'notify.applicant', template: 'returned_by_miit' },
    ]);
  });

  it('administration rejection, resubmit, then approval', () => {
    const run = play(draft('add_access_subject_elsewhere', 'before_submit'), [
      SUBMIT,
      P_APPROVE,
      ACCEPT_SMS,
      SMS_OK,
      [{ type: 'admin_reject', reasons: REASONS }, 'regulator'],
      RESUBMIT,
      P_APPROVE,
      ACCEPT_SMS,
      SMS_OK,
      ADMIN_OK,
    ]);
    expect(run.states).toContain('admin_rejected');
    expect(run.snapshot.state).toBe('approved');
    expect(run.effects).toContainEqual({ kind: 'rejection.record', stage: 'admin', reasons: REASONS });
  });

  it('a rejection at MIIT intake lands in admin_rejected', () => {
    const run = play(draft('change_access', 'before_submit'), [
      SUBMIT,
      P_APPROVE,
      [{ type: 'regulator_rejected', reasons: REASONS }, 'regulator'],
    ]);
    expect(run.snapshot.state).toBe('admin_rejected');
  });

  it.each([
    [[], 'draft'],
    [[SUBMIT, P_APPROVE, A_SUBMIT], 'authenticity_under_review'],
    [[SUBMIT, P_APPROVE, A_SUBMIT, A_APPROVE, ACCEPT_SMS], 'pending_sms_verification'],
  ] as Array<[Step[], OrderState]>)('abandoning releases codes and both deadlines (%#)', (steps, from) => {
    const run = play(draft('first_filing', 'after_provider_review'), [...steps, [{ type: 'abandon' }, 'applicant']]);
    expect(run.states.at(-2)).toBe(from);
    expect(run.snapshot.state).toBe('abandoned');
    expect(run.kinds.slice(-3)).toEqual(['authorization_codes.release', 'deadline.disarm', 'deadline.disarm']);
  });

  it('a cancellation order holds no codes, so abandoning it releases none', () => {
    const run = play(draft('cancel_access', 'before_submit'), [SUBMIT, [{ type: 'abandon' }, 'applicant']]);
    expect(run.kinds).not.toContain('authorization_codes.reserve');
    expect(run.kinds).not.toContain('authorization_codes.release');
  });

  it('an idle draft expires', () => {
    const run = play(draft('first_filing', 'before_submit'), [[{ type: 'draft_expired' }, 'timer']]);
    expect(run.snapshot.state).toBe('abandoned');
    expect(run.effects.at(-1)).toEqual({ kind: 'notify.applicant', template: 'draft_expired' });
  });

  it('nothing happens after a terminal state', () => {
    const approved = { ...draft('first_filing', 'before_submit'), state: 'approved' as const };
    expect(codeOf(() => transition(approved, { type: 'abandon' }, 'applicant', CTX))).toBe(
      'ORDER_TRANSITION_NOT_ALLOWED',
    );
  });
});
