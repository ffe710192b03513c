import { sql } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import { readSetting, writeSetting } from '../../adapters/db/platform-settings.ts';
import type { AppContext } from '../../app-context.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { summarize } from '../orders/list-orders.ts';

export const FORWARDING_MODE_KEY = 'forwarding.mode';
export type ForwardingMode = 'auto' | 'manual';

/** Where one order's submission to the regulator stands in the outbox. */
export type ForwardingStatus = 'held' | 'queued' | 'retrying' | 'sent';

export const forwardingMode = (ctx: AppContext): Promise<ForwardingMode> =>
  readSetting<ForwardingMode>(ctx.db, FORWARDING_MODE_KEY, ctx.config.FORWARDING_MODE);

/** The current cycle's submission row of each order (one key per submission, see execute-transition.ts). */
const currentSubmissionKey = sql<string>`'regulator.submit:' || filing_orders.id || ':' || filing_orders.submission_count`;

/**
 * Orders the provider approved that have not reached the regulator yet (submitting_to_admin), oldest first, with
 * their outbox row: held for a reviewer, queued, retrying after a gateway error, or sent and awaiting the answer.
 */
export async function listForwarding(ctx: AppContext, input: { limit?: number } = {}) {
  const rows = await ctx.db
    .selectFrom('filing_orders')
    .leftJoin('outbox', (join) => join.on('outbox.idempotency_key', '=', currentSubmissionKey))
    .selectAll('filing_orders')
    .select([
      'outbox.id as outbox_id',
      'outbox.attempts as outbox_attempts',
      'outbox.last_error as outbox_last_error',
      'outbox.next_attempt_at as outbox_next_attempt_at',
      'outbox.held_at as outbox_held_at',
      'outbox.released_at as outbox_released_at',
      'outbox.done_at as outbox_done_at',
    ])
    .where('filing_orders.state', '=', 'submitting_to_admin')
    .orderBy('filing_orders.last_submitted_at')
    .orderBy('filing_orders.id')
    .limit(Math.min(input.limit ?? 200, 500))
    .execute();
  return {
    mode: await forwardingMode(ctx),
    items: rows.map((r) => ({
      order: summarize(ctx, r),
      regulatorRef: r.regulator_ref,
      outbox: {
        status: statusOf(r),
        attempts: r.outbox_attempts ?? 0,
        lastError: r.outbox_last_error,
        nextAttemptAt: r.outbox_next_attempt_at?.toISOString() ?? null,
        heldAt: r.outbox_held_at?.toISOString() ?? null,
        releasedAt: r.outbox_released_at?.toISOString() ?? null,
      },
    })),
  };
}

function statusOf(r: {
  outbox_done_at: Date | null;
  outbox_held_at: Date | null;
  outbox_last_error: string | null;
  regulator_ref: string | null;
}): ForwardingStatus {
  if (r.outbox_done_at || r.regulator_ref) return 'sent';
  if (r.outbox_held_at) return 'held';
  return r.outbox_last_error ? 'retrying' : 'queued';
}

export type ForwardResult = { forwarded: string[]; alreadyForwarded: string[]; notReady: string[] };

/**
 * Forwards held orders now (one or a batch). Forwarding twice is harmless: an order already on its way is listed
 * as such and its outbox row, keyed per submission, is sent once.
 */
export async function forwardOrders(ctx: AppContext, user: AuthUser, orderIds: string[]): Promise<ForwardResult> {
  const now = ctx.clock.now();
  const result: ForwardResult = { forwarded: [], alreadyForwarded: [], notReady: [] };
  await ctx.db.transaction().execute(async (trx) => {
    for (const orderId of [...new Set(orderIds)]) {
      const order = await trx
        .selectFrom('filing_orders')
        .select(['id', 'state', 'submission_count'])
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (order?.state !== 'submitting_to_admin') {
        result.notReady.push(orderId);
        continue;
      }
      const released = await trx
        .updateTable('outbox')
        .set({ held_at: null, released_at: now, released_by: user.id, next_attempt_at: now })
        .where('idempotency_key', '=', `regulator.submit:${orderId}:${order.submission_count}`)
        .where('held_at', 'is not', null)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(released.numUpdatedRows) === 0) {
        result.alreadyForwarded.push(orderId);
        continue;
      }
      result.forwarded.push(orderId);
      await appendAudit(trx, { at: now, actorId: user.id, actorRole: user.role, action: 'order.forwarded', orderId });
    }
  });
  return result;
}

/**
 * Switches between sending approved orders at once and holding them for a reviewer. Back to `auto`, whatever is
 * held is sent: nothing stays parked without anyone meaning it to.
 */
export async function setForwardingMode(ctx: AppContext, user: AuthUser, mode: ForwardingMode) {
  const now = ctx.clock.now();
  const released = await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, { key: FORWARDING_MODE_KEY, value: mode, by: user.id, now });
    let count = 0;
    if (mode === 'auto') {
      const r = await trx
        .updateTable('outbox')
        .set({ held_at: null, released_at: now, released_by: user.id, next_attempt_at: now })
        .where('topic', '=', 'regulator.submit')
        .where('held_at', 'is not', null)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      count = Number(r.numUpdatedRows);
    }
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'settings.forwarding_mode',
      details: { mode, released: count },
    });
    return count;
  });
  return { mode, released };
}
