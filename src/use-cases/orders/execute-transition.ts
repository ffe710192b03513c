import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import { getOrderForUpdate, updateOrder } from '../../adapters/db/order-repo.ts';
import { writeOrderSearchTerms } from '../../adapters/db/order-search-terms.ts';
import { readSetting } from '../../adapters/db/platform-settings.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { assertEventPossible, transition } from '../../domain/lifecycle/transition.ts';
import type { ActorKind, Effect, OrderEvent } from '../../domain/lifecycle/types.ts';
import type { Order } from '../../domain/order.ts';
import { isTerminal } from '../../domain/order-state.ts';
import type { Finding } from '../../domain/precheck/types.ts';
import { slaDueAfterTransition } from '../../domain/review/review-sla.ts';
import { consumeCodes, releaseCodes, reserveCodes } from '../authorization-codes/reserve-codes.ts';
import { emitWebhookEvents } from '../integrations/emit-webhook-events.ts';
import { applyApprovedOrder } from '../records/apply-approved-order.ts';
import { FORWARDING_MODE_KEY } from '../regulator/forwarding.ts';
import { armDeadline, disarmDeadline } from './deadlines.ts';
import { authorizationCodesToReserve, findingDetail, orderGuardFacts } from './order-guards.ts';
import { reviewSlaPolicy } from './review-sla-policy.ts';

export type Actor = { kind: ActorKind; id: string | null; role: string };

export type ExecuteTransitionInput = {
  orderId: string;
  event: OrderEvent;
  actor: Actor;
  /** When given (from the client), a stale version is refused instead of acting on newer data. */
  expectedVersion?: number;
  reason?: string;
  /** Checks against the locked order before anything moves (e.g. the reviewer's claim); throws to refuse. */
  guard?: (trx: Kysely<Database>, order: Order) => Promise<void>;
  /** Extra writes that must commit or fail together with the transition (e.g. verification records). */
  alsoInTransaction?: (trx: Kysely<Database>, order: Order) => Promise<void>;
};

/**
 * Runs one lifecycle event: the pure transition decides, and here, in ONE transaction, the order row moves
 * (guarded by its version), every effect is carried out or queued in the outbox, and the audit record is
 * written. Nothing external is called inside the transaction.
 */
export async function executeTransition(ctx: AppContext, input: ExecuteTransitionInput): Promise<Order> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const order = await getOrderForUpdate(trx, ctx.cipher, input.orderId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== order.version) {
      throw new DomainError('ORDER_VERSION_CONFLICT');
    }
    // Not possible in this state: say so before the pre-check is even run (no "incomplete" for a step not due).
    assertEventPossible(order, input.event.type, input.actor.kind);
    await input.guard?.(trx, order);
    const { facts, blocking, authenticityMissing } = await orderGuardFacts(trx, ctx, order, input.event.type);
    let result: ReturnType<typeof transition>;
    try {
      result = transition(
        { type: order.type, state: order.state, verificationStage: order.verificationStage, ...facts },
        input.event,
        input.actor.kind,
        { now, config: ctx.lifecycle },
      );
    } catch (error) {
      throw withFindings(error, blocking, authenticityMissing);
    }
    const next: Order = { ...order, state: result.to, lastActivityAt: now };
    for (const effect of result.effects) await applyEffect(trx, ctx, next, effect, now);
    next.version = await updateOrder(
      trx,
      ctx.cipher,
      order.id,
      order.version,
      {
        state: next.state,
        submissionCount: next.submissionCount,
        submittedAt: next.submittedAt,
        lastSubmittedAt: next.lastSubmittedAt,
        lastActivityAt: now,
        subjectId: next.subjectId,
        slaDueAt: slaDueAfterTransition(result.from, result.to, order.province, now, reviewSlaPolicy(ctx.config)),
        ...(next.regulatorRef !== order.regulatorRef && { regulatorRef: next.regulatorRef, regulatorStatus: null }),
        ...(input.actor.kind === 'reviewer' && { reviewerId: input.actor.id }),
        ...(isTerminal(next.state) && { closedAt: now }),
      },
      now,
    );
    await input.alsoInTransaction?.(trx, next);
    // Integrators' webhooks commit with the transition (queued in the outbox, sent after commit).
    await emitWebhookEvents(trx, {
      order: next,
      event: input.event.type,
      from: result.from,
      to: result.to,
      effects: result.effects,
      now,
    });
    const notifications = result.effects.flatMap((e) => (e.kind === 'notify.applicant' ? [e.template] : []));
    await appendAudit(trx, {
      at: now,
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: `order.${input.event.type}`,
      orderId: order.id,
      fromState: result.from,
      toState: result.to,
      reason: input.reason ?? null,
      details: {
        type: order.type,
        version: next.version,
        ...(notifications.length > 0 && { notifications }),
        ...('reasons' in input.event && { reasonCodes: input.event.reasons.map((r) => `${r.field}:${r.code}`) }),
      },
    });
    return next;
  });
}

/**
 * The table's guards only count blocking findings (or say verification is missing); the applicant needs the
 * findings themselves to act on, so an ORDER_INCOMPLETE leaves here naming them in `details.findings`.
 */
function withFindings(error: unknown, blocking: readonly Finding[], authenticityMissing: readonly Finding[]): unknown {
  if (!isDomainError(error) || error.code !== 'ORDER_INCOMPLETE') return error;
  const details = (error.details ?? {}) as Record<string, unknown>;
  const findings =
    'blockingFindings' in details ? blocking : details.authenticityComplete === false ? authenticityMissing : [];
  if (findings.length === 0) return error;
  return new DomainError('ORDER_INCOMPLETE', { details: { ...details, findings: findings.map(findingDetail) } });
}

async function applyEffect(trx: Kysely<Database>, ctx: AppContext, order: Order, effect: Effect, now: Date) {
  switch (effect.kind) {
    case 'deadline.arm':
      return armDeadline(trx, effect.deadline, order.id, effect.dueAt);
    case 'deadline.disarm':
      return disarmDeadline(trx, effect.deadline, order.id);
    case 'submission.stamp':
      order.submissionCount += 1;
      order.submittedAt ??= now;
      order.lastSubmittedAt = now;
      // Found by the back office's search from the first submission on, whichever way the data was written.
      await writeOrderSearchTerms(trx, ctx.cipher, order.id, order.data);
      // What was handed in, kept per submission: the reviewer of a resubmission sees what changed.
      await trx
        .insertInto('order_submissions')
        .values({
          order_id: order.id,
          number: order.submissionCount,
          data_enc: ctx.cipher.encryptJson(order.data),
          at: now,
        })
        .execute();
      return;
    case 'regulator.submit': {
      // A new cycle: the previous submission's reference and status must not be mistaken for this one's.
      order.regulatorRef = null;
      // One key per submission cycle: a resend after a crash is recognised by the regulator as the same order.
      // While staff hold forwarding, the row waits for a reviewer to forward it.
      const held = (await readSetting(trx, FORWARDING_MODE_KEY, ctx.config.FORWARDING_MODE)) === 'manual';
      await trx
        .insertInto('outbox')
        .values({
          id: crypto.randomUUID(),
          topic: 'regulator.submit',
          payload: JSON.stringify({ orderId: order.id, submission: order.submissionCount }),
          idempotency_key: `regulator.submit:${order.id}:${order.submissionCount}`,
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
          held_at: held ? now : null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      return;
    }
    case 'authorization_codes.reserve': {
      // Also releases codes a resubmitted order no longer lists.
      const codes = await authorizationCodesToReserve(trx, order);
      await reserveCodes(trx, { orderId: order.id, accountId: order.accountId, codes, now });
      return;
    }
    case 'authorization_codes.release':
      return releaseCodes(trx, { orderId: order.id, now });
    case 'authorization_codes.consume':
      return consumeCodes(trx, { orderId: order.id, now });
    case 'records.apply':
      order.subjectId = await applyApprovedOrder(trx, ctx, order, now);
      return;
    case 'rejection.record':
      await trx
        .insertInto('order_rejections')
        .values({
          id: crypto.randomUUID(),
          order_id: order.id,
          stage: effect.stage,
          reasons: JSON.stringify(effect.reasons),
          actor_id: null,
          at: now,
        })
        .execute();
      return;
    case 'notify.applicant':
      // Queued, not sent: delivery (SMS, e-mail, inbox) happens after commit, in the outbox. The key names the
      // event (order, template, submission, the version this transition writes), so each event notifies once.
      await trx
        .insertInto('outbox')
        .values({
          id: crypto.randomUUID(),
          topic: 'notify.applicant',
          payload: JSON.stringify({ orderId: order.id, template: effect.template }),
          idempotency_key: `notify:${order.id}:${effect.template}:${order.submissionCount}:${order.version + 1}`,
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      return;
  }
}
