import type { ErrorCode } from '../errors.ts';
import { FILING_TYPE_INFO, type FilingType } from '../filing-type.ts';
import type { OrderState } from '../order-state.ts';
import {
  codeEffects,
  DISARM_DRAFT,
  DISARM_SMS,
  NO_REASON_GIVEN,
  regulatorReasons,
  rejection,
  requireReasons,
  SMS_FAILED,
  smsNotVerifiedInTime,
  smsWindowDueAt,
} from './transition-effects.ts';
import type { ActorKind, Effect, LifecycleConfig, OrderEvent, OrderEventType, OrderSnapshot } from './types.ts';

/**
 * The filing-order state machine (domain.md §3.2–3.3) as one table: state → event type → who may send it,
 * what must hold first, and where it leads with which effects. Type-specific behaviour (authenticity step,
 * terminal state, authorization codes) lives in the resolvers, so every filing type shares this one table.
 */

export type TransitionContext = { now: Date; config: LifecycleConfig };
export type TransitionOutcome = { to: OrderState; effects: Effect[] };
export type GuardFailure = { code: ErrorCode; details: Record<string, unknown> };

type EventOf<E extends OrderEventType> = Extract<OrderEvent, { type: E }>;

export type TransitionRule<E extends OrderEventType> = {
  actors: readonly ActorKind[];
  /** Checks that depend on the order only, so allowedEvents can ask them without an event payload. */
  guard?: (snapshot: OrderSnapshot) => GuardFailure | null;
  resolve: (snapshot: OrderSnapshot, event: EventOf<E>, ctx: TransitionContext) => TransitionOutcome;
};

export type StateRules = { readonly [E in OrderEventType]?: TransitionRule<E> };

/** A rule looked up by a runtime event type; its resolver accepts that event (see ruleFor). */
export type AnyTransitionRule = TransitionRule<OrderEventType>;

const AUTHENTICITY_STATES: readonly OrderState[] = [
  'pending_authenticity_verification',
  'authenticity_under_review',
  'authenticity_rejected',
];

/**
 * Whether an order of this type can ever be in this state. Reachability follows the type only, not the
 * verification stage: orders already in the photo step must still finish when the platform switches to
 * before_submit. A snapshot in an impossible state is corrupt, so it accepts no event at all.
 */
export const isStateVisited = (type: FilingType, state: OrderState): boolean => {
  const info = FILING_TYPE_INFO[type];
  if (AUTHENTICITY_STATES.includes(state)) return info.needsAuthenticityVerification;
  if (state === 'approved' || state === 'completed_removed') return state === info.approvedState;
  return true;
};

// ---- guards ---------------------------------------------------------------------------------------------

/** Submit and resubmit share one guard: the order must be submittable every time it goes back to review. */
const submittable = (s: OrderSnapshot): GuardFailure | null => {
  if (!s.termsAccepted) return { code: 'TERMS_NOT_ACCEPTED', details: {} };
  if (s.blockingFindings > 0) {
    return { code: 'ORDER_INCOMPLETE', details: { blockingFindings: s.blockingFindings } };
  }
  const verifyFirst = s.verificationStage === 'before_submit' && FILING_TYPE_INFO[s.type].needsAuthenticityVerification;
  if (verifyFirst && !s.authenticityComplete) {
    return { code: 'ORDER_INCOMPLETE', details: { authenticityComplete: false } };
  }
  return null;
};

const toRegulator = (): TransitionOutcome => ({
  to: 'submitting_to_admin',
  effects: [{ kind: 'regulator.submit' }, { kind: 'notify.applicant', template: 'submitted_to_regulator' }],
});

// ---- shared rules ---------------------------------------------------------------------------------------

const resubmit: TransitionRule<'resubmit'> = {
  actors: ['applicant'],
  guard: submittable,
  // Decision (§10 open question 4): a returned order goes through provider review again, like any other
  // resubmission. Codes are re-reserved because the applicant may have changed them while editing.
  resolve: (s) => ({
    to: 'pending_provider_review',
    effects: [{ kind: 'submission.stamp' }, ...codeEffects(s.type, 'reserve')],
  }),
};

/** §3.3 #18: the applicant may give up anywhere before a terminal state; nothing may stay held. */
const abandon: TransitionRule<'abandon'> = {
  actors: ['applicant'],
  resolve: (s) => ({ to: 'abandoned', effects: [...codeEffects(s.type, 'release'), DISARM_DRAFT, DISARM_SMS] }),
};

const authenticitySubmit: TransitionRule<'authenticity_submit'> = {
  actors: ['applicant'],
  resolve: () => ({ to: 'authenticity_under_review', effects: [] }),
};

// ---- the table ------------------------------------------------------------------------------------------

export const TRANSITION_TABLE: { readonly [S in OrderState]: StateRules } = {
  draft: {
    submit: {
      actors: ['applicant'],
      guard: submittable,
      resolve: (s) => ({
        to: 'pending_provider_review',
        effects: [{ kind: 'submission.stamp' }, ...codeEffects(s.type, 'reserve'), DISARM_DRAFT],
      }),
    },
    draft_expired: {
      actors: ['timer'],
      resolve: (s) => ({
        to: 'abandoned',
        effects: [
          ...codeEffects(s.type, 'release'),
          DISARM_DRAFT,
          { kind: 'notify.applicant', template: 'draft_expired' },
        ],
      }),
    },
    abandon,
  },
  pending_provider_review: {
    provider_reject: {
      actors: ['reviewer'],
      resolve: (_s, e) => ({
        to: 'provider_rejected',
        effects: [
          rejection('provider', requireReasons(e.type, e.reasons)),
          { kind: 'notify.applicant', template: 'provider_rejected' },
        ],
      }),
    },
    provider_approve: {
      actors: ['reviewer'],
      // §3.3 #6a/#6b: the legacy/2022 photo step follows the provider review; in before_submit mode the
      // verification was done while filling, and some types never verify at all.
      resolve: (s) =>
        s.verificationStage === 'after_provider_review' && FILING_TYPE_INFO[s.type].needsAuthenticityVerification
          ? {
              to: 'pending_authenticity_verification',
              effects: [{ kind: 'notify.applicant', template: 'authenticity_requested' }],
            }
          : toRegulator(),
    },
    abandon,
  },
  provider_rejected: { resubmit, abandon },
  pending_authenticity_verification: { authenticity_submit: authenticitySubmit, abandon },
  authenticity_under_review: {
    authenticity_reject: {
      actors: ['reviewer'],
      resolve: (_s, e) => ({
        to: 'authenticity_rejected',
        effects: [
          rejection('authenticity', requireReasons(e.type, e.reasons)),
          { kind: 'notify.applicant', template: 'authenticity_rejected' },
        ],
      }),
    },
    authenticity_approve: { actors: ['reviewer'], resolve: toRegulator },
    abandon,
  },
  authenticity_rejected: { authenticity_submit: authenticitySubmit, abandon },
  submitting_to_admin: {
    regulator_accepted: {
      actors: ['regulator'],
      // MIIT decides whether it texts anyone (T12 and legacy provinces do not), so the event says so.
      resolve: (_s, e, ctx) =>
        e.smsRequired
          ? {
              to: 'pending_sms_verification',
              effects: [
                {
                  kind: 'deadline.arm',
                  deadline: 'sms_window',
                  dueAt: smsWindowDueAt(ctx.now, ctx.config.smsWindowHours),
                },
                { kind: 'notify.applicant', template: 'sms_window_opened' },
              ],
            }
          : { to: 'pending_admin_review', effects: [] },
    },
    regulator_rejected: {
      actors: ['regulator'],
      resolve: (_s, e) => ({
        to: 'admin_rejected',
        effects: [
          rejection('admin', regulatorReasons(e.reasons, NO_REASON_GIVEN)),
          { kind: 'notify.applicant', template: 'admin_rejected' },
        ],
      }),
    },
    abandon,
  },
  pending_sms_verification: {
    sms_all_verified: { actors: ['regulator'], resolve: () => ({ to: 'pending_admin_review', effects: [DISARM_SMS] }) },
    // Our own timer or MIIT's report, whichever comes first; the disarm makes the other one a no-op.
    sms_window_expired: {
      actors: ['timer', 'regulator'],
      resolve: (_s, _e, ctx) => ({
        to: 'returned_by_miit',
        effects: [
          DISARM_SMS,
          rejection('miit_return', [smsNotVerifiedInTime(ctx.config.smsWindowHours)]),
          { kind: 'notify.applicant', template: 'returned_by_miit' },
        ],
      }),
    },
    sms_failed: {
      actors: ['regulator'],
      resolve: (_s, e) => ({
        to: 'returned_by_miit',
        effects: [
          DISARM_SMS,
          rejection('miit_return', regulatorReasons(e.reasons, SMS_FAILED)),
          { kind: 'notify.applicant', template: 'returned_by_miit' },
        ],
      }),
    },
    abandon,
  },
  returned_by_miit: { resubmit, abandon },
  pending_admin_review: {
    admin_approve: {
      actors: ['regulator'],
      resolve: (s) => {
        const to = FILING_TYPE_INFO[s.type].approvedState;
        return {
          to,
          effects: [
            { kind: 'records.apply' },
            ...codeEffects(s.type, 'consume'),
            { kind: 'notify.applicant', template: to },
          ],
        };
      },
    },
    admin_reject: {
      actors: ['regulator'],
      resolve: (_s, e) => ({
        to: 'admin_rejected',
        effects: [
          rejection('admin', regulatorReasons(e.reasons, NO_REASON_GIVEN)),
          { kind: 'notify.applicant', template: 'admin_rejected' },
        ],
      }),
    },
    abandon,
  },
  admin_rejected: { resubmit, abandon },
  // Terminal: the order is closed; later changes need a new order.
  approved: {},
  completed_removed: {},
  abandoned: {},
};

/**
 * The rule for a runtime (state, event type) pair, or undefined when the table has none or the type never
 * visits the state. The cast is safe because the table is keyed by event type: the rule found under
 * `event.type` is the one whose resolver takes exactly that event.
 */
export const ruleFor = (type: FilingType, state: OrderState, event: OrderEventType): AnyTransitionRule | undefined =>
  isStateVisited(type, state) ? (TRANSITION_TABLE[state][event] as AnyTransitionRule | undefined) : undefined;
