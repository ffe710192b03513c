import type { AppContext } from '../../app-context.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { assertCodesOnLiveResources } from '../authorization-codes/assert-live-resources.ts';
import {
  assertSubjectIsAccountIdentity,
  lookupAccountRealName,
  subjectOfOrder,
} from '../real-name/account-real-name.ts';
import { assertMayFile } from './create-order.ts';
import { executeTransition } from './execute-transition.ts';
import { getOwnOrder } from './order-access.ts';

/**
 * 提交信息 / 修改信息提交: a draft is submitted, a rejected or returned order is resubmitted. The registry and the
 * inventory are asked before the transaction (no external call inside it); the locked order's subject is compared
 * in it, so the subject that moves on is the one that was checked.
 */
export async function submitOrder(ctx: AppContext, user: AuthUser, input: { orderId: string; version?: number }) {
  assertMayFile(user);
  const order = await getOwnOrder(ctx, user, input.orderId);
  const realName = await lookupAccountRealName(ctx, user);
  await assertCodesOnLiveResources(ctx, order);
  return executeTransition(ctx, {
    orderId: order.id,
    event: { type: order.state === 'draft' ? 'submit' : 'resubmit' },
    actor: { kind: 'applicant', id: user.id, role: user.role },
    guard: async (trx, locked) => assertSubjectIsAccountIdentity(ctx, realName, await subjectOfOrder(trx, ctx, locked)),
    ...(input.version !== undefined && { expectedVersion: input.version }),
  });
}

/** 放弃备案: ends the order and frees its authorization codes. */
export async function abandonOrder(ctx: AppContext, user: AuthUser, input: { orderId: string; version?: number }) {
  assertMayFile(user);
  const order = await getOwnOrder(ctx, user, input.orderId);
  return executeTransition(ctx, {
    orderId: order.id,
    event: { type: 'abandon' },
    actor: { kind: 'applicant', id: user.id, role: user.role },
    ...(input.version !== undefined && { expectedVersion: input.version }),
  });
}
