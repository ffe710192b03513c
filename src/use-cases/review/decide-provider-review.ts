import type { AppContext } from '../../app-context.ts';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { executeTransition } from '../orders/execute-transition.ts';
import { settleClaimForDecision } from './claims.ts';

/**
 * 初审: the provider's preliminary review. A rejection names each faulty field with a reason and a suggestion;
 * with `version`, a reviewer acting on a stale view loses instead of overwriting a colleague's decision.
 */
export async function decideProviderReview(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; version?: number } & (
    | { decision: 'approve' }
    | { decision: 'reject'; reasons: RejectionReason[] }
  ),
) {
  return executeTransition(ctx, {
    orderId: input.orderId,
    event:
      input.decision === 'approve' ? { type: 'provider_approve' } : { type: 'provider_reject', reasons: input.reasons },
    actor: { kind: 'reviewer', id: user.id, role: user.role },
    ...(input.version !== undefined && { expectedVersion: input.version }),
    guard: (trx, order) => settleClaimForDecision(trx, ctx.clock.now(), user, order.id),
  });
}
