import { getOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { OrderState } from '../../domain/order-state.ts';
import { eventsToReach } from '../../domain/regulator-events.ts';
import { smsRequired } from '../../domain/sms-targets.ts';
import { executeTransition } from '../orders/execute-transition.ts';

export const STATES_WAITING_FOR_REGULATOR: readonly OrderState[] = [
  'submitting_to_admin',
  'pending_sms_verification',
  'pending_admin_review',
];

/**
 * Pulls the regulator's view of one order and replays whatever the platform has not seen yet. Safe to call any
 * number of times, from a callback, a poll or after a restart: an already applied status produces no event.
 */
export async function syncRegulatorStatus(ctx: AppContext, orderId: string): Promise<void> {
  const order = await getOrder(ctx.db, ctx.cipher, orderId);
  if (!order.regulatorRef || !STATES_WAITING_FOR_REGULATOR.includes(order.state)) return;
  const status = await ctx.regulator.getStatus(order.regulatorRef);
  // Stored without a version bump: it is the regulator's view, not a change anyone could conflict with.
  await ctx.db
    .updateTable('filing_orders')
    .set({ regulator_status: JSON.stringify(status) })
    .where('id', '=', order.id)
    .where('regulator_ref', '=', order.regulatorRef)
    .execute();
  const events = eventsToReach(order.state, status, smsRequired(order.type, order.data.changeScope));
  for (const event of events) {
    try {
      await executeTransition(ctx, { orderId, event, actor: { kind: 'regulator', id: null, role: 'regulator' } });
    } catch (error) {
      // Someone else (a concurrent poll, the deadline sweeper) got there first; the next poll re-reads.
      if (isDomainError(error) && ['ORDER_TRANSITION_NOT_ALLOWED', 'ORDER_VERSION_CONFLICT'].includes(error.code))
        return;
      throw error;
    }
  }
}

/** Polls every order that waits for the regulator: recovers lost callbacks and restarts. */
export async function pollRegulator(ctx: AppContext, limit = 50): Promise<number> {
  const rows = await ctx.db
    .selectFrom('filing_orders')
    .select('id')
    .where('state', 'in', [...STATES_WAITING_FOR_REGULATOR])
    .where('regulator_ref', 'is not', null)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  for (const row of rows) await syncRegulatorStatus(ctx, row.id);
  return rows.length;
}

/** Entry point for the regulator's change notices (in-process listener now, signed callbacks later). */
export async function syncByRegulatorRef(ctx: AppContext, regulatorRef: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('filing_orders')
    .select('id')
    .where('regulator_ref', '=', regulatorRef)
    .executeTakeFirst();
  if (row) await syncRegulatorStatus(ctx, row.id);
}
