import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type {
  Database,
  WebhookDeliveryAttemptTable,
  WebhookDeliveryTable,
  WebhookSubscriptionTable,
} from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { webhookAllowPrivateTargets } from '../../config.ts';
import type {
  WebhookDeliveryView,
  WebhookEventType,
  WebhookSubscriptionView,
} from '../../contracts/integrations-api.ts';
import { DomainError } from '../../domain/errors.ts';
import { refuseTargetUrl } from '../../domain/integrations/webhook-target.ts';
import type { AuthUser } from '../../domain/roles.ts';

/** Whose subscriptions: an applicant account's, or the platform-wide ones admins keep for staff tools. */
export type WebhookOwner = { accountId: string } | { platform: true };

const ownerAccount = (owner: WebhookOwner): string | null => ('accountId' in owner ? owner.accountId : null);

export const toSubscriptionView = (r: Selectable<WebhookSubscriptionTable>): WebhookSubscriptionView => ({
  id: r.id,
  audience: r.account_id ? 'account' : 'platform',
  url: r.url,
  eventTypes: r.event_types as WebhookEventType[],
  description: r.description,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** https only in production; no private/loopback hosts unless WEBHOOK_ALLOW_PRIVATE_TARGETS. */
export function assertTargetAllowed(ctx: AppContext, url: string): void {
  const refusal = refuseTargetUrl(url, {
    requireHttps: ctx.config.NODE_ENV === 'production',
    allowPrivate: webhookAllowPrivateTargets(ctx.config),
  });
  if (refusal) throw new DomainError('WEBHOOK_TARGET_NOT_ALLOWED', { details: { field: 'url', reason: refusal } });
}

export async function createWebhookSubscription(
  ctx: AppContext,
  user: AuthUser,
  owner: WebhookOwner,
  input: { url: string; eventTypes: WebhookEventType[]; description?: string },
) {
  assertTargetAllowed(ctx, input.url);
  const now = ctx.clock.now();
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhook_subscriptions')
      .values({
        id: crypto.randomUUID(),
        account_id: ownerAccount(owner),
        url: input.url,
        // Encrypted, not hashed: the platform signs every delivery with it.
        secret_enc: ctx.cipher.encryptJson(secret),
        event_types: [...new Set(input.eventTypes)],
        description: input.description ?? '',
        active: true,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'webhook.subscription_created',
      details: { subscriptionId: row.id, audience: row.account_id ? 'account' : 'platform', events: row.event_types },
    });
    return { ...toSubscriptionView(row), secret };
  });
}

const ownedSubscription = (db: Kysely<Database>, owner: WebhookOwner, id: string) => {
  const account = ownerAccount(owner);
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => (account ? eb('account_id', '=', account) : eb('account_id', 'is', null)));
};

export async function listWebhookSubscriptions(ctx: AppContext, owner: WebhookOwner) {
  const account = ownerAccount(owner);
  const rows = await ctx.db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where((eb) => (account ? eb('account_id', '=', account) : eb('account_id', 'is', null)))
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(toSubscriptionView);
}

export async function updateWebhookSubscription(
  ctx: AppContext,
  user: AuthUser,
  owner: WebhookOwner,
  id: string,
  input: { active?: boolean; eventTypes?: WebhookEventType[] },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await ownedSubscription(trx, owner, id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND');
    const updated = await trx
      .updateTable('webhook_subscriptions')
      .set({
        ...(input.active !== undefined && { active: input.active }),
        ...(input.eventTypes && { event_types: [...new Set(input.eventTypes)] }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'webhook.subscription_updated',
      details: { subscriptionId: id, active: updated.active, events: updated.event_types },
    });
    return toSubscriptionView(updated);
  });
}

const toDeliveryView = (
  d: Selectable<WebhookDeliveryTable>,
  attempts: Selectable<WebhookDeliveryAttemptTable>[],
): WebhookDeliveryView => ({
  id: d.id,
  subscriptionId: d.subscription_id,
  eventId: d.event_id,
  eventType: d.event_type as WebhookEventType,
  orderId: d.order_id,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  redeliveryOf: d.redelivery_of,
  createdAt: d.created_at.toISOString(),
  finishedAt: d.finished_at?.toISOString() ?? null,
  attemptLog: attempts
    .filter((a) => a.delivery_id === d.id)
    .map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      statusCode: a.status_code,
      durationMs: a.duration_ms,
      error: a.error,
      responseSnippet: a.response_snippet,
    })),
});

async function deliveryViews(db: Kysely<Database>, rows: Selectable<WebhookDeliveryTable>[]) {
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_delivery_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('attempt')
    .execute();
  return rows.map((r) => toDeliveryView(r, attempts));
}

export async function listWebhookDeliveries(ctx: AppContext, owner: WebhookOwner, subscriptionId: string, limit = 30) {
  const subscription = await ownedSubscription(ctx.db, owner, subscriptionId).executeTakeFirst();
  if (!subscription) throw new DomainError('NOT_FOUND');
  const rows = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return deliveryViews(ctx.db, rows);
}

/**
 * Queues the event of a delivery again as a NEW delivery (new X-Beian-Delivery id, same event id and body), so a
 * receiver de-duplicating on the event id sees one event, and the log keeps both.
 */
export async function redeliverWebhook(ctx: AppContext, user: AuthUser, owner: WebhookOwner, deliveryId: string) {
  const now = ctx.clock.now();
  const account = ownerAccount(owner);
  return ctx.db.transaction().execute(async (trx) => {
    const original = await trx
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
      .selectAll('webhook_deliveries')
      .where('webhook_deliveries.id', '=', deliveryId)
      .where((eb) =>
        account
          ? eb('webhook_subscriptions.account_id', '=', account)
          : eb('webhook_subscriptions.account_id', 'is', null),
      )
      .executeTakeFirst();
    if (!original) throw new DomainError('NOT_FOUND');
    const id = crypto.randomUUID();
    await queueDelivery(trx, {
      id,
      subscriptionId: original.subscription_id,
      eventId: original.event_id,
      eventType: original.event_type,
      orderId: original.order_id,
      payload: original.payload,
      redeliveryOf: original.id,
      idempotencyKey: `webhook:${original.subscription_id}:${original.order_id ?? 'none'}:redelivery:${id}`,
      now,
    });
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'webhook.redelivered',
      orderId: original.order_id,
      details: { deliveryId: id, redeliveryOf: original.id, eventId: original.event_id },
    });
    const row = await trx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toDeliveryView(row, []);
  });
}

/** One delivery row and its outbox row, in the caller's transaction (so both commit with what caused them). */
export async function queueDelivery(
  trx: Kysely<Database>,
  d: {
    id: string;
    subscriptionId: string;
    eventId: string;
    eventType: string;
    orderId: string | null;
    payload: Record<string, unknown>;
    redeliveryOf: string | null;
    idempotencyKey: string;
    now: Date;
  },
): Promise<void> {
  const queued = await trx
    .insertInto('outbox')
    .values({
      id: crypto.randomUUID(),
      topic: 'webhook.deliver',
      payload: JSON.stringify({ deliveryId: d.id, orderId: d.orderId }),
      idempotency_key: d.idempotencyKey,
      attempts: 0,
      next_attempt_at: d.now,
      created_at: d.now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  // Already queued for this event and subscription (a replayed transition): nothing more to record.
  if (!queued) return;
  await trx
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      subscription_id: d.subscriptionId,
      event_id: d.eventId,
      event_type: d.eventType,
      order_id: d.orderId,
      payload: JSON.stringify(d.payload),
      status: 'pending',
      attempts: 0,
      redelivery_of: d.redeliveryOf,
      created_at: d.now,
    })
    .execute();
}
