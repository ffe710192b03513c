import { appendAudit } from '../../adapters/db/audit-log.ts';
import { getOrderForUpdate, updateOrder } from '../../adapters/db/order-repo.ts';
import { findActiveSubjectOfAccount } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import { notPossibleDetails } from '../../domain/lifecycle/next-step.ts';
import { draftIdleDeadline } from '../../domain/lifecycle/transition.ts';
import { EDITABLE_STATES } from '../../domain/order-state.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { armDeadline } from './deadlines.ts';
import { mergeOrderData } from './merge-order-data.ts';
import { getOwnOrder } from './order-access.ts';

/**
 * Saves the form data of a draft or of a rejected/returned order (修改信息). Incomplete data is saved as it is;
 * the pre-check reports what is missing, so nothing typed is ever lost to a validation error.
 */
export async function saveOrderData(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; version: number; data: OrderData },
) {
  await getOwnOrder(ctx, user, input.orderId);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const order = await getOrderForUpdate(trx, ctx.cipher, input.orderId);
    if (order.version !== input.version) throw new DomainError('ORDER_VERSION_CONFLICT');
    if (!EDITABLE_STATES.includes(order.state)) {
      throw new DomainError('ORDER_NOT_EDITABLE', {
        details: notPossibleDetails(order.state, 'save_data', EDITABLE_STATES),
      });
    }
    const filed = input.data.subject ? null : await findActiveSubjectOfAccount(trx, ctx.cipher, order.accountId);
    const data = mergeOrderData(order, input.data, filed?.data.responsiblePerson);
    const province = data.subject?.province ?? order.province;
    const version = await updateOrder(
      trx,
      ctx.cipher,
      order.id,
      order.version,
      { data, province, lastActivityAt: now },
      now,
    );
    if (order.state === 'draft') await armDeadline(trx, 'draft_idle', order.id, draftIdleDeadline(now, ctx.lifecycle));
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'order.data_saved',
      orderId: order.id,
      details: { version, websites: data.websites.length, subject: data.subject !== undefined },
    });
    return { ...order, data, province, version };
  });
}
