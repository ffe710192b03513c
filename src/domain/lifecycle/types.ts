import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { VerificationStage } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import type { OrderState } from '../order-state.ts';

/** Who caused an event. Every transition's audit record names the actor kind. */
export const ACTOR_KINDS = ['applicant', 'reviewer', 'admin', 'regulator', 'timer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const REJECTION_STAGES = ['provider', 'authenticity', 'admin', 'miit_return'] as const;
export type RejectionStage = (typeof REJECTION_STAGES)[number];

export type OrderEvent =
  | { type: 'submit' }
  | { type: 'resubmit' }
  | { type: 'provider_approve' }
  | { type: 'provider_reject'; reasons: RejectionReason[] }
  | { type: 'authenticity_submit' }
  | { type: 'authenticity_approve' }
  | { type: 'authenticity_reject'; reasons: RejectionReason[] }
  /** MIIT took the order; `smsRequired` false for types or cases without SMS verification. */
  | { type: 'regulator_accepted'; smsRequired: boolean }
  /** MIIT refused the order at intake, e.g. domain verification (§6.3) failed. */
  | { type: 'regulator_rejected'; reasons: RejectionReason[] }
  | { type: 'sms_all_verified' }
  /** Five wrong certificate-number entries (§6.1). */
  | { type: 'sms_failed'; reasons: RejectionReason[] }
  | { type: 'sms_window_expired' }
  | { type: 'admin_approve' }
  | { type: 'admin_reject'; reasons: RejectionReason[] }
  | { type: 'abandon' }
  | { type: 'draft_expired' };

export type OrderEventType = OrderEvent['type'];

/**
 * Every event type, in a stable order (UI buttons, exhaustive tests). Built from a Record so the compiler
 * rejects both a missing and an unknown event type when OrderEvent changes.
 */
const ORDER_EVENT_TYPE_SET: Record<OrderEventType, true> = {
  submit: true,
  resubmit: true,
  provider_approve: true,
  provider_reject: true,
  authenticity_submit: true,
  authenticity_approve: true,
  authenticity_reject: true,
  regulator_accepted: true,
  regulator_rejected: true,
  sms_all_verified: true,
  sms_failed: true,
  sms_window_expired: true,
  admin_approve: true,
  admin_reject: true,
  abandon: true,
  draft_expired: true,
};
export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENT_TYPE_SET) as readonly OrderEventType[];

export const DEADLINE_KINDS = ['sms_window', 'draft_idle'] as const;
export type OrderDeadlineKind = (typeof DEADLINE_KINDS)[number];

export const NOTIFICATION_TEMPLATES = [
  'provider_rejected',
  'authenticity_requested',
  'authenticity_rejected',
  'submitted_to_regulator',
  'sms_window_opened',
  'returned_by_miit',
  'admin_rejected',
  'approved',
  'completed_removed',
  'draft_expired',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** Side effects a transition asks for, as data. The use case carries them out in the same transaction. */
export type Effect =
  | { kind: 'deadline.arm'; deadline: OrderDeadlineKind; dueAt: Date }
  | { kind: 'deadline.disarm'; deadline: OrderDeadlineKind }
  /** Enqueue the submission to MIIT in the outbox (idempotency key per order submission). */
  | { kind: 'regulator.submit' }
  | { kind: 'authorization_codes.reserve' }
  | { kind: 'authorization_codes.release' }
  | { kind: 'authorization_codes.consume' }
  /** Apply the approved order to the filed subject/website records (numbers, changes, removals). */
  | { kind: 'records.apply' }
  | { kind: 'rejection.record'; stage: RejectionStage; reasons: RejectionReason[] }
  | { kind: 'submission.stamp' }
  | { kind: 'notify.applicant'; template: NotificationTemplate };

/** The facts a transition needs about an order, including the guard inputs. */
export type OrderSnapshot = {
  type: FilingType;
  state: OrderState;
  verificationStage: VerificationStage;
  /** Both agreements accepted (S7). */
  termsAccepted: boolean;
  /** Number of blocking pre-check findings (incomplete data, missing materials). */
  blockingFindings: number;
  /** All required authenticity verifications are done (only matters in before_submit mode). */
  authenticityComplete: boolean;
};

export type LifecycleConfig = {
  /** MIIT SMS window (24 h since 2020-08-17). */
  smsWindowHours: number;
  /** Idle drafts are abandoned after this many days. */
  draftIdleDays: number;
};

export type TransitionResult = { from: OrderState; to: OrderState; effects: Effect[] };
