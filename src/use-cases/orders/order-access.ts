import { getOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Order } from '../../domain/order.ts';
import type { AuthUser } from '../../domain/roles.ts';

/**
 * Loads an order for an applicant or sub-account of the owning account. Another account's order answers exactly
 * like a missing one, so ids cannot be probed.
 */
export async function getOwnOrder(ctx: AppContext, user: AuthUser, orderId: string): Promise<Order> {
  const order = await getOrder(ctx.db, ctx.cipher, orderId).catch(() => null);
  if (!order || order.accountId !== user.accountId) throw new DomainError('ORDER_NOT_FOUND');
  return order;
}
