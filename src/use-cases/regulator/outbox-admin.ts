import type { Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { OutboxTable } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { getStaffOrder } from '../orders/order-access.ts';

export type OutboxFilter = 'failing' | 'gave_up' | 'pending' | 'held' | 'done' | 'all';

const view = (r: Selectable<OutboxTable>) => {
  const payload = r.payload as Record<string, unknown>;
  return {
    id: r.id,
    topic: r.topic,
    orderId: typeof payload.orderId === 'string' ? payload.orderId : null,
    idempotencyKey: r.idempotency_key,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at.toISOString(),
    heldAt: r.held_at?.toISOString() ?? null,
    doneAt: r.done_at?.toISOString() ?? null,
    // A successful send clears last_error (dispatch-outbox), so a done row that keeps one is a handler giving up.
    gaveUp: r.done_at !== null && r.last_error !== null,
    createdAt: r.created_at.toISOString(),
  };
};
export type OutboxItem = ReturnType<typeof view>;

/**
 * What the platform still owes external systems (regulator submissions, notifications, webhooks), newest first:
 * admins see the gateway errors and retry a row instead of waiting for its backoff, and the calls given up.
 */
export async function listOutbox(
  ctx: AppContext,
  input: { filter: OutboxFilter; orderId?: string; limit?: number; before?: string },
) {
  const limit = Math.min(input.limit ?? 50, 200);
  let q = ctx.db.selectFrom('outbox').selectAll();
  if (input.filter === 'failing') q = q.where('done_at', 'is', null).where('last_error', 'is not', null);
  if (input.filter === 'pending') q = q.where('done_at', 'is', null).where('held_at', 'is', null);
  if (input.filter === 'held') q = q.where('done_at', 'is', null).where('held_at', 'is not', null);
  if (input.filter === 'gave_up') q = q.where('done_at', 'is not', null).where('last_error', 'is not', null);
  if (input.filter === 'done') q = q.where('done_at', 'is not', null).where('last_error', 'is', null);
  if (input.orderId) q = q.where('idempotency_key', 'like', `%:${input.orderId}:%`);
  if (input.before) {
    const cursor = await ctx.db
      .selectFrom('outbox')
      .select(['created_at', 'id'])
      .where('id', '=', input.before)
      .executeTakeFirst();
    if (!cursor) throw new DomainError('VALIDATION_FAILED', { details: { field: 'before', reason: 'unknown_row' } });
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.created_at),
        eb.and([eb('created_at', '=', cursor.created_at), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return { items: page.map(view), nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** Sends a row at the next sweep, whatever its backoff said; a sent or held row is not retried. */
export async function retryOutbox(ctx: AppContext, user: AuthUser, id: string): Promise<OutboxItem> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.done_at || row.held_at) {
      throw new DomainError('ORDER_TRANSITION_NOT_ALLOWED', {
        details: { reason: row.done_at ? 'already_sent' : 'held_for_forwarding' },
      });
    }
    const updated = await trx
      .updateTable('outbox')
      .set({ next_attempt_at: now, locked_until: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const payload = row.payload as Record<string, unknown>;
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'outbox.retried',
      orderId: typeof payload.orderId === 'string' ? payload.orderId : null,
      details: { outboxId: id, topic: row.topic, attempts: row.attempts },
    });
    return view(updated);
  });
}

/** The review screen's regulator panel: MIIT's reference, its last status (masked) and every submission cycle. */
export async function regulatorPanel(ctx: AppContext, orderId: string) {
  const order = await getStaffOrder(ctx, orderId);
  const rows = await ctx.db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', 'regulator.submit')
    .where('idempotency_key', 'like', `regulator.submit:${order.id}:%`)
    .orderBy('created_at')
    .execute();
  return {
    regulatorRef: order.regulatorRef,
    status: (order.regulatorStatus as Record<string, unknown> | null) ?? null,
    submissions: rows.map(view),
  };
}
