import { claimDueRows } from '../../adapters/db/claim-due-rows.ts';
import type { AppContext } from '../../app-context.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { OrderEvent } from '../../domain/lifecycle/types.ts';
import { expireCode } from '../authorization-codes/reserve-codes.ts';
import {
  AUTHORIZATION_CODE_REMINDER_DEADLINE,
  SMS_DEADLINE_REMINDER_DEADLINE,
} from '../notifications/reminder-deadlines.ts';
import { remindAuthorizationCodeExpiring, remindSmsDeadline } from '../notifications/reminders.ts';
import { executeTransition } from '../orders/execute-transition.ts';
import { backoffMs } from '../regulator/dispatch-outbox.ts';

const LEASE_MS = 60_000;

const ORDER_EVENTS: Record<string, OrderEvent> = {
  sms_window: { type: 'sms_window_expired' },
  draft_idle: { type: 'draft_expired' },
};

/**
 * Fires every deadline row that is due, however long the process was down. Rows are claimed with a lease under
 * SKIP LOCKED; a deadline whose order has already moved on is a harmless no-op.
 */
export async function fireDueDeadlines(ctx: AppContext, limit = 50): Promise<number> {
  const due = await claimDueRows(ctx.db, 'deadlines', { now: ctx.clock.now(), limit, leaseMs: LEASE_MS });

  for (const row of due) {
    try {
      await fire(ctx, row.kind, row.ref_id);
      await ctx.db
        .updateTable('deadlines')
        .set({ fired_at: ctx.clock.now(), locked_until: null })
        .where('id', '=', row.id)
        .execute();
    } catch (error) {
      await ctx.db
        .updateTable('deadlines')
        .set({
          locked_until: new Date(ctx.clock.now().getTime() + backoffMs(row.attempts)),
          last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return due.length;
}

async function fire(ctx: AppContext, kind: string, refId: string): Promise<void> {
  if (kind === AUTHORIZATION_CODE_REMINDER_DEADLINE) return void (await remindAuthorizationCodeExpiring(ctx, refId));
  if (kind === SMS_DEADLINE_REMINDER_DEADLINE) return void (await remindSmsDeadline(ctx, refId));
  if (kind === 'authorization_code_expiry') {
    await ctx.db.transaction().execute((trx) => expireCode(trx, refId, ctx.clock.now()));
    return;
  }
  const event = ORDER_EVENTS[kind];
  if (!event) throw new Error(`unknown deadline kind ${kind}`);
  try {
    await executeTransition(ctx, { orderId: refId, event, actor: { kind: 'timer', id: null, role: 'timer' } });
  } catch (error) {
    if (isDomainError(error) && ['ORDER_TRANSITION_NOT_ALLOWED', 'ORDER_NOT_FOUND'].includes(error.code)) return;
    throw error;
  }
}
