import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { ReviewMode, SimDb, SimOrderRow } from '../store/schema.ts';
import { applyApproval } from './apply-approval.ts';
import type { SimContext, SimTrx } from './context.ts';

export type ReviewPolicy = { province: string; mode: ReviewMode; delaySeconds: number };
export type Decision = { decision: 'approve' } | { decision: 'reject'; reasons: RejectionReason[] };

/** The province's review policy, or the configured default when none was set. */
export async function getPolicy(db: SimDb | SimTrx, ctx: SimContext, province: string): Promise<ReviewPolicy> {
  const row = await db.selectFrom('sim_review_policy').selectAll().where('province', '=', province).executeTakeFirst();
  return row
    ? { province, mode: row.mode, delaySeconds: row.delay_seconds }
    : { province, ...ctx.options.defaultReviewPolicy };
}

/**
 * Hands an order to the provincial administration. An automatic policy without delay decides at once, so a demo
 * set to "auto approve, 0 s" needs no tick; with a delay, `tick()` decides once it has passed.
 */
export async function startAdminReview(
  trx: SimTrx,
  ctx: SimContext,
  ref: string,
  changed: Set<string>,
): Promise<SimOrderRow> {
  const now = ctx.clock.now();
  const order = await trx
    .updateTable('sim_order')
    .set({ state: 'admin_review', review_started_at: now, updated_at: now })
    .where('ref', '=', ref)
    .returningAll()
    .executeTakeFirstOrThrow();
  changed.add(ref);
  const policy = await getPolicy(trx, ctx, order.province);
  if (policy.mode !== 'manual' && policy.delaySeconds === 0) return autoDecide(trx, ctx, order, policy.mode, changed);
  return order;
}

const AUTO_REJECT_REASON: RejectionReason = {
  field: 'subject',
  code: 'ADMIN_REJECTED_BY_POLICY',
  message: '管局审核未通过（模拟器自动驳回策略）',
  suggestion: '这是模拟器按省份策略给出的驳回，用于演练驳回后修改并重新提交的流程',
};

/** Applies an automatic policy; an approval the records no longer allow becomes a rejection with the reasons. */
export async function autoDecide(
  trx: SimTrx,
  ctx: SimContext,
  order: SimOrderRow,
  mode: Exclude<ReviewMode, 'manual'>,
  changed: Set<string>,
): Promise<SimOrderRow> {
  if (mode === 'auto_reject') return recordRejection(trx, ctx, order.ref, [AUTO_REJECT_REASON], changed);
  const outcome = await applyApproval(trx, ctx, order);
  if (!outcome.ok) return recordRejection(trx, ctx, order.ref, outcome.reasons, changed);
  return finishApproval(trx, ctx, order.ref, outcome, changed);
}

export async function recordRejection(
  trx: SimTrx,
  ctx: SimContext,
  ref: string,
  reasons: RejectionReason[],
  changed: Set<string>,
): Promise<SimOrderRow> {
  const now = ctx.clock.now();
  changed.add(ref);
  return trx
    .updateTable('sim_order')
    .set({ state: 'admin_rejected', reasons: JSON.stringify(reasons), decided_at: now, updated_at: now })
    .where('ref', '=', ref)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks an order decided after applyApproval changed the records in the same transaction. */
export async function finishApproval(
  trx: SimTrx,
  ctx: SimContext,
  ref: string,
  outcome: { ok: true; state: 'approved' | 'completed'; result?: unknown },
  changed: Set<string>,
): Promise<SimOrderRow> {
  const now = ctx.clock.now();
  changed.add(ref);
  return trx
    .updateTable('sim_order')
    .set({
      state: outcome.state,
      result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
      decided_at: now,
      updated_at: now,
    })
    .where('ref', '=', ref)
    .returningAll()
    .executeTakeFirstOrThrow();
}
