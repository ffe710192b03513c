import type { RegulatorOrderStatus, RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import type { SimOrderRow, SimOrderState, SimSmsRow } from '../store/schema.ts';
import type { SimContext } from './context.ts';
import { loadOrder, toOrderStatus } from './get-status.ts';

export type OrderSummary = {
  ref: string;
  idempotencyKey: string;
  orderId: string;
  type: string;
  province: string;
  subjectNumber: string | null;
  state: SimOrderState;
  cause: 'sms_timeout' | 'sms_failed' | null;
  receivedAt: string;
  updatedAt: string;
  smsDeadlineAt: string | null;
};

/** The simulator operator's view: unlike the gateway status it shows full mobiles, so a tester knows whom to act as. */
export type OrderDetail = OrderSummary & {
  status: RegulatorOrderStatus;
  persons: Array<{
    mobile: string;
    name: string;
    roles: SimSmsRow['roles'];
    state: SimSmsRow['state'];
    resendCount: number;
    wrongAttempts: number;
    sentAt: string;
    verifiedAt: string | null;
  }>;
  submission: RegulatorSubmission;
};

const toSummary = (o: SimOrderRow): OrderSummary => ({
  ref: o.ref,
  idempotencyKey: o.idempotency_key,
  orderId: o.order_id,
  type: o.type,
  province: o.province,
  subjectNumber: o.subject_number,
  state: o.state,
  cause: o.cause,
  receivedAt: o.received_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
  smsDeadlineAt: o.sms_deadline_at?.toISOString() ?? null,
});

/** Newest first. */
export async function listOrders(
  ctx: SimContext,
  filter: { state?: SimOrderState; limit?: number } = {},
): Promise<OrderSummary[]> {
  let q = ctx.db.selectFrom('sim_order').selectAll();
  if (filter.state) q = q.where('state', '=', filter.state);
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('ref', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toSummary);
}

export async function getOrder(ctx: SimContext, ref: string): Promise<OrderDetail> {
  const { order, persons } = await loadOrder(ctx, ref);
  return {
    ...toSummary(order),
    status: toOrderStatus(order, persons),
    persons: persons.map((p) => ({
      mobile: p.mobile,
      name: p.name,
      roles: p.roles,
      state: p.state,
      resendCount: p.resend_count,
      wrongAttempts: p.wrong_attempts,
      sentAt: p.sent_at.toISOString(),
      verifiedAt: p.verified_at?.toISOString() ?? null,
    })),
    submission: order.payload as RegulatorSubmission,
  };
}
