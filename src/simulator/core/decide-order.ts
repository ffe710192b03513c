import { type Decision, finishApproval, recordRejection } from './admin-review.ts';
import { applyApproval } from './apply-approval.ts';
import { inTransaction, type SimContext } from './context.ts';
import { SimulatorError } from './errors.ts';
import { getOrderStatus } from './get-status.ts';

export type { Decision } from './admin-review.ts';

/**
 * The provincial administration's decision on an order in review (manual policy, or a tester acting as the
 * reviewer). Approval writes the national records and allocates numbers in the same transaction. If the records
 * no longer allow the approval (the domain was filed meanwhile, the website cancelled) nothing changes and
 * RECORD_CONFLICT lists the reasons, so the tester can reject with them instead.
 */
export async function decideOrder(ctx: SimContext, ref: string, decision: Decision) {
  if (decision.decision === 'reject' && decision.reasons.length === 0) {
    throw new SimulatorError('INVALID_INPUT', { message: '驳回时至少需要一条驳回原因' });
  }
  await inTransaction(ctx, async (trx, changed) => {
    const order = await trx.selectFrom('sim_order').selectAll().where('ref', '=', ref).forUpdate().executeTakeFirst();
    if (!order) throw new SimulatorError('NOT_FOUND', { details: { ref } });
    if (order.state !== 'admin_review') {
      throw new SimulatorError('ORDER_NOT_IN_REVIEW', { details: { ref, state: order.state } });
    }
    if (decision.decision === 'reject') return recordRejection(trx, ctx, ref, decision.reasons, changed);
    const outcome = await applyApproval(trx, ctx, order);
    if (!outcome.ok) throw new SimulatorError('RECORD_CONFLICT', { details: { reasons: outcome.reasons } });
    return finishApproval(trx, ctx, ref, outcome, changed);
  });
  return getOrderStatus(ctx, ref);
}
