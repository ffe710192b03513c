import { describe, expect, it } from 'vitest';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import { DomainError } from '../errors.ts';
import type { VerificationStage } from '../filing-data.ts';
import { FILING_TYPES, type FilingType } from '../filing-type.ts';
import { ORDER_STATES, type OrderState } from '../order-state.ts';
import { transition } from './transition.ts';
import {
  ACTOR_KINDS,
  type ActorKind,
  type Effect,
  ORDER_EVENT_TYPES,
  type OrderEvent,
  type OrderEventType,
  type OrderSnapshot,
} from './types.ts';

/*
 * Exhaustive check of type × state × event × actor × verification stage against an expectation table written
 * by hand from domain.md §2.2/§3.3 and the design decisions. Nothing here reads FILING_TYPE_INFO or the
 * transition table, so a wrong entry there shows up as a mismatch instead of being copied into the oracle.
 */

type Facts = { verifies: boolean; codes: boolean; done: 'approved' | 'completed_removed' };
const APPROVED = 'approved' as const;
const REMOVED = 'completed_removed' as const;
const FACTS: Record<FilingType, Facts> = {
  first_filing: { verifies: true, codes: true, done: APPROVED },
  add_website_subject_here: { verifies: true, codes: true, done: APPROVED },
  add_website_subject_elsewhere: { verifies: true, codes: true, done: APPROVED },
  add_access_subject_here: { verifies: true, codes: true, done: APPROVED },
  add_access_subject_elsewhere: { verifies: true, codes: true, done: APPROVED },
  change_subject: { verifies: true, codes: true, done: APPROVED },
  change_website: { verifies: true, codes: true, done: APPROVED },
  change_access: { verifies: false, codes: true, done: APPROVED },
  change_images: { verifies: false, codes: false, done: APPROVED },
  cancel_subject: { verifies: false, codes: false, done: REMOVED },
  cancel_website: { verifies: false, codes: false, done: REMOVED },
  cancel_access: { verifies: false, codes: false, done: REMOVED },
};

const NOW = new Date('2026-11-28T02:00:00Z');
const SMS_DUE = new Date('2026-11-29T02:00:00Z');
const CTX = { now: NOW, config: { smsWindowHours: 24, draftIdleDays: 45 } };

const REASONS: RejectionReason[] = [{ field: 'websites.0.name', code: 'NAME_INVALID', message: '网站名称不符合要求' }];
const SMS_TIMEOUT: RejectionReason[] = [
  {
    field: 'sms',
    code: 'SMS_NOT_VERIFIED_IN_TIME',
    message: '未在24小时内完成全部短信核验，工信部已退回',
    suggestion: '请确认各负责人手机能正常接收短信后重新提交',
  },
];

const STAMP: Effect = { kind: 'submission.stamp' };
const RESERVE: Effect = { kind: 'authorization_codes.reserve' };
const CONSUME: Effect = { kind: 'authorization_codes.consume' };
const RELEASE: Effect = { kind: 'authorization_codes.release' };
const DISARM_DRAFT: Effect = { kind: 'deadline.disarm', deadline: 'draft_idle' };
const DISARM_SMS: Effect = { kind: 'deadline.disarm', deadline: 'sms_window' };
const SUBMIT_MIIT: Effect = { kind: 'regulator.submit' };
const notify = (template: string): Effect => ({ kind: 'notify.applicant', template }) as Effect;
const rejected = (stage: string, reasons: RejectionReason[]): Effect =>
  ({ kind: 'rejection.record', stage, reasons }) as Effect;
const when = (cond: boolean, e: Effect): Effect[] => (cond ? [e] : []);

type Case = { f: Facts; stage: VerificationStage; event: OrderEvent };
type Outcome = { to: OrderState; effects: Effect[] };
type Row = { state: OrderState; event: OrderEventType; actors: ActorKind[]; expect: (c: Case) => Outcome };

const toMiit: Outcome = { to: 'submitting_to_admin', effects: [SUBMIT_MIIT, notify('submitted_to_regulator')] };
const resubmit = (c: Case): Outcome => ({
  to: 'pending_provider_review',
  effects: [STAMP, ...when(c.f.codes, RESERVE)],
});

const ROWS: Row[] = [
  {
    state: 'draft',
    event: 'submit',
    actors: ['applicant'],
    expect: (c) => ({ to: 'pending_provider_review', effects: [STAMP, ...when(c.f.codes, RESERVE), DISARM_DRAFT] }),
  },
  {
    state: 'draft',
    event: 'draft_expired',
    actors: ['timer'],
    expect: (c) => ({ to: 'abandoned', effects: [...when(c.f.codes, RELEASE), DISARM_DRAFT, notify('draft_expired')] }),
  },
  {
    state: 'pending_provider_review',
    event: 'provider_reject',
    actors: ['reviewer'],
    expect: () => ({ to: 'provider_rejected', effects: [rejected('provider', REASONS), notify('provider_rejected')] }),
  },
  {
    state: 'pending_provider_review',
    event: 'provider_approve',
    actors: ['reviewer'],
    expect: (c) =>
      c.f.verifies && c.stage === 'after_provider_review'
        ? { to: 'pending_authenticity_verification', effects: [notify('authenticity_requested')] }
        : toMiit,
  },
  { state: 'provider_rejected', event: 'resubmit', actors: ['applicant'], expect: resubmit },
  {
    state: 'pending_authenticity_verification',
    event: 'authenticity_submit',
    actors: ['applicant'],
    expect: () => ({ to: 'authenticity_under_review', effects: [] }),
  },
  {
    state: 'authenticity_under_review',
    event: 'authenticity_reject',
    actors: ['reviewer'],
    expect: () => ({
      to: 'authenticity_rejected',
      effects: [rejected('authenticity', REASONS), notify('authenticity_rejected')],
    }),
  },
  { state: 'authenticity_under_review', event: 'authenticity_approve', actors: ['reviewer'], expect: () => toMiit },
  {
    state: 'authenticity_rejected',
    event: 'authenticity_submit',
    actors: ['applicant'],
    expect: () => ({ to: 'authenticity_under_review', effects: [] }),
  },
  {
    state: 'submitting_to_admin',
    event: 'regulator_accepted',
    actors: ['regulator'],
    expect: (c) =>
      c.event.type === 'regulator_accepted' && c.event.smsRequired
        ? {
            to: 'pending_sms_verification',
            effects: [{ kind: 'deadline.arm', deadline: 'sms_window', dueAt: SMS_DUE }, notify('sms_window_opened')],
          }
        : { to: 'pending_admin_review', effects: [] },
  },
  {
    state: 'submitting_to_admin',
    event: 'regulator_rejected',
    actors: ['regulator'],
    expect: () => ({ to: 'admin_rejected', effects: [rejected('admin', REASONS), notify('admin_rejected')] }),
  },
  {
    state: 'pending_sms_verification',
    event: 'sms_all_verified',
    actors: ['regulator'],
    expect: () => ({ to: 'pending_admin_review', effects: [DISARM_SMS] }),
  },
  {
    state: 'pending_sms_verification',
    event: 'sms_window_expired',
    actors: ['timer', 'regulator'],
    expect: () => ({
      to: 'returned_by_miit',
      effects: [DISARM_SMS, rejected('miit_return', SMS_TIMEOUT), notify('returned_by_miit')],
    }),
  },
  {
    state: 'pending_sms_verification',
    event: 'sms_failed',
    actors: ['regulator'],
    expect: () => ({
      to: 'returned_by_miit',
      effects: [DISARM_SMS, rejected('miit_return', REASONS), notify('returned_by_miit')],
    }),
  },
  { state: 'returned_by_miit', event: 'resubmit', actors: ['applicant'], expect: resubmit },
  {
    state: 'pending_admin_review',
    event: 'admin_approve',
    actors: ['regulator'],
    expect: (c) => ({
      to: c.f.done,
      effects: [{ kind: 'records.apply' }, ...when(c.f.codes, CONSUME), notify(c.f.done)],
    }),
  },
  {
    state: 'pending_admin_review',
    event: 'admin_reject',
    actors: ['regulator'],
    expect: () => ({ to: 'admin_rejected', effects: [rejected('admin', REASONS), notify('admin_rejected')] }),
  },
  { state: 'admin_rejected', event: 'resubmit', actors: ['applicant'], expect: resubmit },
];

const NON_TERMINAL: OrderState[] = [
  'draft',
  'pending_provider_review',
  'provider_rejected',
  'pending_authenticity_verification',
  'authenticity_under_review',
  'authenticity_rejected',
  'submitting_to_admin',
  'pending_sms_verification',
  'returned_by_miit',
  'pending_admin_review',
  'admin_rejected',
];
for (const state of NON_TERMINAL) {
  ROWS.push({
    state,
    event: 'abandon',
    actors: ['applicant'],
    expect: (c) => ({ to: 'abandoned', effects: [...when(c.f.codes, RELEASE), DISARM_DRAFT, DISARM_SMS] }),
  });
}

const AUTHENTICITY_STATES: OrderState[] = [
  'pending_authenticity_verification',
  'authenticity_under_review',
  'authenticity_rejected',
];
/** States a type can be in; any other state (a corrupt snapshot) accepts nothing. */
const visits = (f: Facts, state: OrderState): boolean => {
  if (AUTHENTICITY_STATES.includes(state)) return f.verifies;
  if (state === APPROVED || state === REMOVED) return state === f.done;
  return true;
};

const SAMPLE_EVENTS: OrderEvent[] = [
  { type: 'submit' },
  { type: 'resubmit' },
  { type: 'provider_approve' },
  { type: 'provider_reject', reasons: REASONS },
  { type: 'authenticity_submit' },
  { type: 'authenticity_approve' },
  { type: 'authenticity_reject', reasons: REASONS },
  { type: 'regulator_accepted', smsRequired: true },
  { type: 'regulator_accepted', smsRequired: false },
  { type: 'regulator_rejected', reasons: REASONS },
  { type: 'sms_all_verified' },
  { type: 'sms_failed', reasons: REASONS },
  { type: 'sms_window_expired' },
  { type: 'admin_approve' },
  { type: 'admin_reject', reasons: REASONS },
  { type: 'abandon' },
  { type: 'draft_expired' },
];
const STAGES: VerificationStage[] = ['after_provider_review', 'before_submit'];

const snapshotOf = (type: FilingType, state: OrderState, stage: VerificationStage): OrderSnapshot => ({
  type,
  state,
  verificationStage: stage,
  termsAccepted: true,
  blockingFindings: 0,
  authenticityComplete: true,
});

const expectedFor = (state: OrderState, c: Case, actor: ActorKind): Outcome | 'not_allowed' => {
  if (!visits(c.f, state)) return 'not_allowed';
  const row = ROWS.find((r) => r.state === state && r.event === c.event.type);
  if (!row?.actors.includes(actor)) return 'not_allowed';
  return row.expect(c);
};

const actualFor = (snapshot: OrderSnapshot, event: OrderEvent, actor: ActorKind): Outcome | 'not_allowed' => {
  try {
    const r = transition(snapshot, event, actor, CTX);
    expect(r.from).toBe(snapshot.state);
    return { to: r.to, effects: r.effects };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'ORDER_TRANSITION_NOT_ALLOWED') {
      // The refusal also says where the event becomes possible and what must happen first (issue 6 #3).
      expect(e.details).toMatchObject({ state: snapshot.state, event: event.type, actor, action: event.type });
      expect(e.details).toHaveProperty('required.step');
      expect(e.details).toHaveProperty('allowedIn');
      return 'not_allowed';
    }
    throw e;
  }
};

describe('expectation table sanity', () => {
  it('covers every event type in the samples and names only known states', () => {
    expect(new Set(SAMPLE_EVENTS.map((e) => e.type))).toEqual(new Set(ORDER_EVENT_TYPES));
    for (const r of ROWS) expect(ORDER_STATES).toContain(r.state);
    expect(ROWS).toHaveLength(18 + NON_TERMINAL.length);
  });
});

let checked = 0;
describe.each(FILING_TYPES)('transition table for %s', (type) => {
  it.each(ORDER_STATES)('state %s: every event × actor × stage', (state) => {
    const mismatches: unknown[] = [];
    for (const stage of STAGES) {
      for (const event of SAMPLE_EVENTS) {
        for (const actor of ACTOR_KINDS) {
          const want = expectedFor(state, { f: FACTS[type], stage, event }, actor);
          const got = actualFor(snapshotOf(type, state, stage), event, actor);
          checked++;
          try {
            expect(got).toEqual(want);
          } catch {
            mismatches.push({ stage, event, actor, want, got });
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('coverage', () => {
  it('checked the whole cross product', () => {
    // 12 types × 14 states × 2 stages × 17 sample events × 6 actor kinds
    expect(checked).toBe(FILING_TYPES.length * ORDER_STATES.length * 2 * SAMPLE_EVENTS.length * ACTOR_KINDS.length);
  });
});
