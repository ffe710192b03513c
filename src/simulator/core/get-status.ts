import type { RegulatorOrderStatus } from '../../domain/ports/regulator-gateway.ts';
import type { ApprovedResult, SimOrderRow, SimSmsRow } from '../store/schema.ts';
import type { SimContext } from './context.ts';
import { SimulatorError } from './errors.ts';
import { maskMobile } from './sms-codes.ts';

/** The status the platform sees through the gateway port; mobiles are masked as MIIT's own pages show them. */
export function toOrderStatus(order: SimOrderRow, persons: SimSmsRow[]): RegulatorOrderStatus {
  switch (order.state) {
    case 'rejected_at_intake':
      return { state: 'rejected_at_intake', reasons: order.reasons };
    case 'sms_pending':
      return {
        state: 'sms_pending',
        deadlineAt: order.sms_deadline_at!.toISOString(),
        persons: persons.map((p) => ({
          mobileMasked: maskMobile(p.mobile),
          roles: p.roles,
          state: p.state,
          resendCount: p.resend_count,
          wrongAttempts: p.wrong_attempts,
        })),
      };
    case 'returned':
      return { state: 'returned', cause: order.cause ?? 'sms_timeout', reasons: order.reasons };
    case 'admin_review':
      return { state: 'admin_review', smsRequired: order.sms_required };
    case 'admin_rejected':
      return { state: 'admin_rejected', reasons: order.reasons };
    case 'approved': {
      const result = order.result as ApprovedResult;
      return { state: 'approved', subjectNumber: result.subjectNumber, websites: result.websites };
    }
    case 'completed':
      return { state: 'completed' };
  }
}

export async function loadOrder(ctx: SimContext, ref: string) {
  const order = await ctx.db.selectFrom('sim_order').selectAll().where('ref', '=', ref).executeTakeFirst();
  if (!order) throw new SimulatorError('NOT_FOUND', { details: { ref } });
  const persons = await ctx.db
    .selectFrom('sim_sms_verification')
    .selectAll()
    .where('order_ref', '=', ref)
    .orderBy('id')
    .execute();
  return { order, persons };
}

export async function getOrderStatus(ctx: SimContext, ref: string): Promise<RegulatorOrderStatus> {
  const { order, persons } = await loadOrder(ctx, ref);
  return toOrderStatus(order, persons);
}
