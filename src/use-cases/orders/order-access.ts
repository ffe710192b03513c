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

/**
 * Least privilege on personal data (PIPL; issue 6 item 10): the provider's staff see an order from its first
 * submission on. A draft that was never handed in is the applicant's own business, so to staff it answers like
 * a missing order. Once submitted it stays visible, also after a rejection sent it back to editing.
 */
export const staffMaySee = (order: Pick<Order, 'submittedAt'>): boolean => order.submittedAt !== null;

/** An order as staff may load it (see staffMaySee). */
export async function getStaffOrder(ctx: AppContext, orderId: string): Promise<Order> {
  const order = await getOrder(ctx.db, ctx.cipher, orderId).catch(() => null);
  if (!order || !staffMaySee(order)) throw new DomainError('ORDER_NOT_FOUND');
  return order;
}

/** The same rule without decrypting the order, for staff reads of its audit trail or materials. */
export async function assertStaffMaySeeOrder(ctx: Pick<AppContext, 'db'>, orderId: string | null): Promise<void> {
  const row = orderId
    ? await ctx.db.selectFrom('filing_orders').select('submitted_at').where('id', '=', orderId).executeTakeFirst()
    : undefined;
  if (!row || row.submitted_at === null) throw new DomainError('ORDER_NOT_FOUND');
}

/** Sub-accounts act for their applicant but only read (domain.md §2.1): they never change or reveal anything. */
export const assertNotSubAccount = (user: AuthUser): void => {
  if (user.role === 'sub_account') throw new DomainError('SUB_ACCOUNT_READ_ONLY');
};
