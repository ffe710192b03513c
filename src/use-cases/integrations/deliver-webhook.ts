import type { AppContext } from '../../app-context.ts';
import { webhookAllowPrivateTargets } from '../../config.ts';
import { signWebhook } from '../../contracts/webhook-signature.ts';

/** What dispatchOutbox does with a row after a handler ran: done, or given up (done, with the final error). */
export type OutboxOutcome = { gaveUp: string } | undefined;

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * One attempt of one delivery (outbox topic `webhook.deliver`): sign the stored event body, POST it, log the
 * attempt. A 2xx ends it; anything else throws so the outbox retries with its backoff, until WEBHOOK_MAX_ATTEMPTS
 * attempts, after which the delivery is marked failed (a person may still redeliver it).
 */
export async function deliverWebhook(
  ctx: AppContext,
  row: { payload: Record<string, unknown>; attempts: number },
): Promise<OutboxOutcome> {
  const deliveryId = String(row.payload.deliveryId);
  const delivery = await ctx.db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.event_type', 'webhook_deliveries.payload'])
    .select(['webhook_deliveries.status', 'webhook_subscriptions.url', 'webhook_subscriptions.secret_enc'])
    .select('webhook_subscriptions.active')
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
  if (delivery?.status !== 'pending') return;
  const now = ctx.clock.now();
  if (!delivery.active) {
    await finish(ctx, deliveryId, { status: 'failed', error: 'subscription paused', statusCode: null, now });
    return { gaveUp: 'subscription paused' };
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const secret = ctx.cipher.decryptJson<string>(delivery.secret_enc);
  const headers = {
    'user-agent': 'beian-webhooks/1',
    'x-beian-event': delivery.event_type,
    'x-beian-delivery': deliveryId,
    'x-beian-timestamp': String(timestamp),
    'x-beian-signature': await signWebhook(secret, timestamp, body),
  };
  // Wall time of the exchange, for the log only (the injected clock decides everything else).
  const started = performance.now();
  let statusCode: number | null = null;
  let snippet: string | null = null;
  let error: string | null = null;
  try {
    const answer = await ctx.webhooks.post({
      url: delivery.url,
      headers,
      body,
      timeoutMs: ctx.config.WEBHOOK_TIMEOUT_MS,
      allowPrivate: webhookAllowPrivateTargets(ctx.config),
    });
    statusCode = answer.status;
    snippet = short(answer.bodySnippet, 200);
    if (answer.status < 200 || answer.status > 299) error = `receiver answered ${answer.status}`;
  } catch (e) {
    error = short(e instanceof Error ? e.message : String(e), 300);
  }
  await ctx.db
    .insertInto('webhook_delivery_attempts')
    .values({
      id: crypto.randomUUID(),
      delivery_id: deliveryId,
      attempt: row.attempts,
      at: now,
      status_code: statusCode,
      duration_ms: Math.round(performance.now() - started),
      error,
      response_snippet: snippet,
    })
    .execute();
  if (!error) {
    await finish(ctx, deliveryId, { status: 'delivered', error: null, statusCode, now, attempts: row.attempts });
    return;
  }
  if (row.attempts >= ctx.config.WEBHOOK_MAX_ATTEMPTS) {
    await finish(ctx, deliveryId, { status: 'failed', error, statusCode, now, attempts: row.attempts });
    return { gaveUp: `gave up after ${row.attempts} attempts: ${error}` };
  }
  await ctx.db
    .updateTable('webhook_deliveries')
    .set({ attempts: row.attempts, last_status_code: statusCode, last_error: error })
    .where('id', '=', deliveryId)
    .execute();
  throw new Error(error);
}

async function finish(
  ctx: AppContext,
  id: string,
  f: { status: 'delivered' | 'failed'; error: string | null; statusCode: number | null; now: Date; attempts?: number },
) {
  await ctx.db
    .updateTable('webhook_deliveries')
    .set({
      status: f.status,
      last_error: f.error,
      last_status_code: f.statusCode,
      finished_at: f.now,
      ...(f.attempts !== undefined && { attempts: f.attempts }),
    })
    .where('id', '=', id)
    .execute();
}
