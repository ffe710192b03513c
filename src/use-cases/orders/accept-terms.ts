import { appendAudit } from '../../adapters/db/audit-log.ts';
import { getOrderForUpdate, updateOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { notPossibleDetails } from '../../domain/lifecycle/next-step.ts';
import { EDITABLE_STATES } from '../../domain/order-state.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { getOwnOrder } from './order-access.ts';

/** Records acceptance of 《信息安全管理协议》 and 《协助更改备案信息服务条款》 (S7); both are required. */
export async function acceptTerms(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; infoSecurityAgreement: boolean; assistedCorrectionTerms: boolean },
) {
  if (!input.infoSecurityAgreement || !input.assistedCorrectionTerms) throw new DomainError('TERMS_NOT_ACCEPTED');
  await getOwnOrder(ctx, user, input.orderId);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const order = await getOrderForUpdate(trx, ctx.cipher, input.orderId);
    if (!EDITABLE_STATES.includes(order.state)) {
      throw new DomainError('ORDER_NOT_EDITABLE', {
        details: notPossibleDetails(order.state, 'accept_terms', EDITABLE_STATES),
      });
    }
    const version = await updateOrder(trx, ctx.cipher, order.id, order.version, { termsAcceptedAt: now }, now);
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'order.terms_accepted',
      orderId: order.id,
      details: { agreements: ['info_security_management', 'assisted_correction'] },
    });
    return { ...order, termsAcceptedAt: now, version };
  });
}
