import { appendAudit } from '../../adapters/db/audit-log.ts';
import { getOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { isRevealablePath, revealField } from '../../domain/privacy/mask.ts';
import { type AuthUser, isStaffRole } from '../../domain/roles.ts';
import { assertNotSubAccount, staffMaySee } from '../orders/order-access.ts';

/**
 * Shows one unmasked personal-data field to a permitted person (staff, once the order was submitted; or the
 * owning applicant, never its sub-accounts) and records who saw which field of which order, and why. The value
 * itself never enters the audit log.
 */
export async function revealPersonalData(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; path: string; reason: string },
) {
  const order = await getOrder(ctx.db, ctx.cipher, input.orderId).catch(() => null);
  const staff = isStaffRole(user.role);
  if (!order || (staff ? !staffMaySee(order) : order.accountId !== user.accountId)) {
    throw new DomainError('ORDER_NOT_FOUND');
  }
  // Only after the ownership check, so another account's order still answers like a missing one.
  assertNotSubAccount(user);
  if (!isRevealablePath(input.path)) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'path', message: 'not a personal-data field' }] },
    });
  }
  const value = revealField(order.data, input.path);
  if (value === undefined) throw new DomainError('NOT_FOUND');
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.clock.now(),
      actorId: user.id,
      actorRole: user.role,
      action: 'pi.revealed',
      orderId: order.id,
      reason: input.reason,
      details: { path: input.path },
    }),
  );
  return { path: input.path, value };
}
