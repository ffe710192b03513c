import { claimDueRows } from '../../adapters/db/claim-due-rows.ts';
import { findOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import type { NotificationTemplate } from '../../domain/lifecycle/types.ts';
import { notifyAccessRisk } from '../access-risks/notify-access-risk.ts';
import { NOTIFY_ACCESS_RISK_TOPIC } from '../access-risks/sweep-website-access.ts';
import { deliverWebhook, type OutboxOutcome } from '../integrations/deliver-webhook.ts';
import { notifyApplicant } from '../notifications/notify-applicant.ts';
import { buildSubmission } from './build-submission.ts';
import { syncRegulatorStatus } from './sync-regulator-status.ts';

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));

type OutboxRow = {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
};

/** Claims due outbox rows with a lease, so several workers never send the same row at once. */
async function claimDue(ctx: AppContext, limit: number): Promise<OutboxRow[]> {
  const rows = await claimDueRows(ctx.db, 'outbox', { now: ctx.clock.now(), limit, leaseMs: LEASE_MS });
  return rows.map((r) => ({ ...r, payload: r.payload as Record<string, unknown> }));
}

/**
 * Sends what the transitions queued. Delivery is at least once; the regulator de-duplicates on the idempotency
 * key, and after an attempt whose outcome is unknown we ask it before sending again.
 */
export async function dispatchOutbox(ctx: AppContext, limit = 20): Promise<number> {
  const rows = await claimDue(ctx, limit);
  for (const row of rows) {
    try {
      let outcome: OutboxOutcome;
      if (row.topic === 'regulator.submit') await sendToRegulator(ctx, row);
      else if (row.topic === 'webhook.deliver') outcome = await deliverWebhook(ctx, row);
      else if (row.topic === 'notify.applicant') {
        await notifyApplicant(ctx, {
          orderId: String(row.payload.orderId),
          template: row.payload.template as NotificationTemplate,
          idempotencyKey: row.idempotency_key,
        });
      } else if (row.topic === NOTIFY_ACCESS_RISK_TOPIC) {
        await notifyAccessRisk(ctx, String(row.payload.riskId), row.idempotency_key);
      }
      await ctx.db
        .updateTable('outbox')
        // A handler that gave up (a webhook after its last attempt) leaves the row done with its final error.
        .set({ done_at: ctx.clock.now(), locked_until: null, last_error: outcome?.gaveUp ?? null })
        .where('id', '=', row.id)
        .execute();
    } catch (error) {
      const now = ctx.clock.now();
      await ctx.db
        .updateTable('outbox')
        .set({
          locked_until: null,
          next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts)),
          last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return rows.length;
}

async function sendToRegulator(ctx: AppContext, row: OutboxRow): Promise<void> {
  const orderId = String(row.payload.orderId);
  const order = await findOrder(ctx.db, ctx.cipher, orderId);
  // Abandoned or already moved on (e.g. an earlier attempt succeeded and was synced): nothing to send.
  if (order?.state !== 'submitting_to_admin' || order.regulatorRef) return;
  const earlier = row.attempts > 1 ? await ctx.regulator.findSubmission(row.idempotency_key) : null;
  const { regulatorRef } =
    earlier ?? (await ctx.regulator.submit(await buildSubmission(ctx.db, ctx, order, row.idempotency_key)));
  await ctx.db
    .updateTable('filing_orders')
    .set({ regulator_ref: regulatorRef, regulator_status: JSON.stringify({ state: 'received' }) })
    .where('id', '=', orderId)
    .where('regulator_ref', 'is', null)
    .execute();
  await syncRegulatorStatus(ctx, orderId);
}
