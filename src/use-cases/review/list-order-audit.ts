import type { AppContext } from '../../app-context.ts';
import { assertStaffMaySeeOrder } from '../orders/order-access.ts';

/**
 * The order's audit trail for staff: who moved it when, from which state to which, and why; for a reveal, which
 * field was shown (its path, never the value). No PI inside.
 */
export async function listOrderAudit(ctx: AppContext, orderId: string) {
  await assertStaffMaySeeOrder(ctx, orderId);
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'actor_role', 'action', 'from_state', 'to_state', 'reason', 'details'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorRole: r.actor_role,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    reason: r.reason,
    field: typeof r.details?.path === 'string' ? r.details.path : null,
  }));
}
