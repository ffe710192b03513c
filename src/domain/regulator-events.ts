import type { OrderEvent } from './lifecycle/types.ts';
import type { OrderState } from './order-state.ts';
import type { RegulatorOrderStatus } from './ports/regulator-gateway.ts';

/**
 * The lifecycle events that bring an order from its current state to what the regulator reports. A poll can
 * miss intermediate steps (a restart, a lost callback), so the regulator's state is treated as the truth and the
 * missing steps are replayed in order. Repeating a status already applied yields no events.
 */
export function eventsToReach(state: OrderState, status: RegulatorOrderStatus, smsExpected: boolean): OrderEvent[] {
  const accepted = (smsRequired: boolean): OrderEvent[] =>
    state === 'submitting_to_admin' ? [{ type: 'regulator_accepted', smsRequired }] : [];
  const toAdminReview = (smsRequired: boolean): OrderEvent[] => {
    if (state === 'submitting_to_admin') {
      return [...accepted(smsRequired), ...(smsRequired ? [{ type: 'sms_all_verified' } as const] : [])];
    }
    return state === 'pending_sms_verification' ? [{ type: 'sms_all_verified' }] : [];
  };
  const inFlight = state === 'submitting_to_admin' || state === 'pending_sms_verification';

  switch (status.state) {
    case 'received':
      return [];
    case 'rejected_at_intake':
      return state === 'submitting_to_admin' ? [{ type: 'regulator_rejected', reasons: status.reasons }] : [];
    case 'sms_pending':
      return accepted(true);
    case 'returned': {
      if (!inFlight) return [];
      const last: OrderEvent =
        status.cause === 'sms_failed'
          ? { type: 'sms_failed', reasons: status.reasons }
          : { type: 'sms_window_expired' };
      return [...accepted(true), last];
    }
    case 'admin_review':
      return toAdminReview(status.smsRequired);
    case 'approved':
    case 'completed':
      return state === 'pending_admin_review' || inFlight
        ? [...toAdminReview(smsExpected), { type: 'admin_approve' }]
        : [];
    case 'admin_rejected':
      return state === 'pending_admin_review' || inFlight
        ? [...toAdminReview(smsExpected), { type: 'admin_reject', reasons: status.reasons }]
        : [];
  }
}
