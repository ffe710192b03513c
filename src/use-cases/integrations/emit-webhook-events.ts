import { type Kysely, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { WebhookEvent, WebhookEventType } from '../../contracts/integrations-api.ts';
import type { Effect, OrderEventType } from '../../domain/lifecycle/types.ts';
import type { Order } from '../../domain/order.ts';
import { queueDelivery } from './webhook-subscriptions.ts';

export type TransitionFacts = {
  order: Order;
  event: OrderEventType;
  from: string;
  to: string;
  effects: readonly Effect[];
  now: Date;
};

/**
 * What integrators hear of one transition, built from what executeTransition saw — ids, states, the filing type,
 * reason codes and (at approval) the public filing numbers; never a name, ID number or phone.
 */
export function webhookEventsOf(facts: TransitionFacts): Array<Omit<WebhookEvent, 'id'>> {
  const { order, event, from, to, effects, now } = facts;
  const data: WebhookEvent['data'] = {
    orderId: order.id,
    accountId: order.accountId,
    filingType: order.type,
    event,
    from,
    to,
    state: order.state,
    version: order.version,
  };
  const occurredAt = now.toISOString();
  const events: Array<Omit<WebhookEvent, 'id'>> = [{ type: 'order.state_changed', occurredAt, data }];
  const rejection = effects.find((e) => e.kind === 'rejection.record');
  if (rejection?.kind === 'rejection.record') {
    const reasons = rejection.reasons.map((r) => ({ field: r.field, code: r.code }));
    events.push({
      type: 'order.rejected',
      occurredAt,
      data: { ...data, rejection: { stage: rejection.stage, reasons } },
    });
  }
  const status = order.regulatorStatus;
  if (to === 'approved' && status?.state === 'approved') {
    const numbers = {
      subjectNumber: status.subjectNumber,
      websites: status.websites.map((w) => ({ domain: w.domain, websiteNumber: w.websiteNumber })),
    };
    events.push({ type: 'record.number_issued', occurredAt, data: { ...data, numbers } });
  }
  return events;
}

/**
 * Inside the transition's transaction: one delivery (and outbox row) per event and matching subscription — the
 * account's own and the platform-wide ones — so a webhook is queued if and only if the transition commits. The key
 * names subscription, order, version and event: a transition is delivered once per subscription.
 */
export async function emitWebhookEvents(trx: Kysely<Database>, facts: TransitionFacts): Promise<void> {
  const events = webhookEventsOf(facts);
  const subscriptions = await trx
    .selectFrom('webhook_subscriptions')
    .select(['id', 'event_types'])
    .where('active', '=', true)
    .where((eb) => eb.or([eb('account_id', '=', facts.order.accountId), eb('account_id', 'is', null)]))
    .where(sql<boolean>`event_types && ${sql.val(events.map((e) => e.type))}::text[]`)
    .execute();
  for (const event of events) {
    const eventId = crypto.randomUUID();
    for (const s of subscriptions) {
      if (!s.event_types.includes(event.type as WebhookEventType)) continue;
      await queueDelivery(trx, {
        id: crypto.randomUUID(),
        subscriptionId: s.id,
        eventId,
        eventType: event.type,
        orderId: facts.order.id,
        payload: { id: eventId, ...event },
        redeliveryOf: null,
        idempotencyKey: `webhook:${s.id}:${facts.order.id}:${facts.order.version}:${event.type}`,
        now: facts.now,
      });
    }
  }
}
