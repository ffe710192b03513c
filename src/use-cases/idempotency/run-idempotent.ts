import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** How long a key and its stored answer are kept (the IETF Idempotency-Key draft asks servers to publish this). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** Claims that lose a race to another retry look again; a handful of rounds always settles (see claim()). */
const CLAIM_ROUNDS = 5;

export type IdempotentResult<T> = { status: number; body: T };

/** Given to the request while it holds the key. */
export type IdempotentAttempt = {
  /**
   * Ties what the request made to the key, inside the transaction that makes it: a retry after a crash between
   * that commit and the recorded answer then answers from the resource instead of making it again. Throws
   * IDEMPOTENCY_IN_PROGRESS (rolling the transaction back) when a retry has taken the key over in the meantime.
   */
  bind: (trx: Kysely<Database>, resourceId: string) => Promise<void>;
};

export type IdempotentHandlers<T> = {
  run: (attempt: IdempotentAttempt) => Promise<IdempotentResult<T>>;
  /** The answer for a resource an earlier, interrupted attempt made and bound. */
  resume: (resourceId: string) => Promise<IdempotentResult<T>>;
};

const UNKEYED: IdempotentAttempt = { bind: async () => {} };

type Claim = { token: string; resourceId: string | null };

/**
 * Runs a side-effecting request at most once per (account, Idempotency-Key): a retry after completion gets the
 * stored answer, a retry while the first is still running gets 409 (with the seconds to wait), the same key with
 * another body gets 422. Without a key the request simply runs. A failed first attempt frees the key so the client
 * can retry.
 *
 * A running attempt holds the key for a lease (IDEMPOTENCY_LEASE_SECONDS), not for the key's whole life: a process
 * killed mid-request leaves a key that a retry takes over once the lease has passed, atomically, so two retries
 * never both run. The effect and the key's link to it commit together (`bind`), so taking over never repeats it.
 */
export async function runIdempotent<T>(
  ctx: AppContext,
  input: { accountId: string; key: string | undefined; fingerprint: unknown },
  handlers: IdempotentHandlers<T>,
): Promise<IdempotentResult<T>> {
  if (input.key === undefined) return handlers.run(UNKEYED);
  if (!KEY_PATTERN.test(input.key)) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'Idempotency-Key', message: '8–100 characters of A-Z a-z 0-9 _ -' }] },
    });
  }
  const { accountId, key } = input;
  const requestHash = createHash('sha256').update(JSON.stringify(input.fingerprint)).digest('hex');
  const row = () => ctx.db.selectFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key);

  const outcome = await claim(ctx, { accountId, key, requestHash });
  if ('replay' in outcome) return outcome.replay as IdempotentResult<T>;
  const { token, resourceId } = outcome;

  const attempt: IdempotentAttempt = {
    bind: async (trx, boundId) => {
      const bound = await trx
        .updateTable('idempotency_keys')
        .set({ resource_id: boundId })
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .where('claim_token', '=', token)
        .where('status_code', 'is', null)
        .where('resource_id', 'is', null)
        .executeTakeFirst();
      if (Number(bound.numUpdatedRows) === 0) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', { details: { retryAfterSeconds: 1 } });
      }
    },
  };
  let result: IdempotentResult<T>;
  try {
    result = resourceId === null ? await handlers.run(attempt) : await handlers.resume(resourceId);
  } catch (error) {
    // Nothing was made: free the key. Something was (bound, then a later step failed): keep the key and end the
    // lease, so the next retry answers from the resource at once. Either only while this attempt still holds it.
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('claim_token', '=', token)
      .where('status_code', 'is', null)
      .where('resource_id', 'is', null)
      .execute();
    await ctx.db
      .updateTable('idempotency_keys')
      .set({ locked_until: null })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('claim_token', '=', token)
      .where('status_code', 'is', null)
      .execute();
    throw error;
  }
  // The first answer recorded is the one every later retry replays.
  const recorded = await ctx.db
    .updateTable('idempotency_keys')
    .set({ status_code: result.status, response: JSON.stringify(result.body), locked_until: null })
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('status_code', 'is', null)
    .executeTakeFirst();
  if (Number(recorded.numUpdatedRows) > 0) return result;
  const stored = await row().select(['status_code', 'response']).executeTakeFirst();
  return stored?.status_code != null ? { status: stored.status_code, body: stored.response as T } : result;
}

/** Takes the key for this attempt, or says what to answer instead (a replay, or an error). */
async function claim(
  ctx: AppContext,
  input: { accountId: string; key: string; requestHash: string },
): Promise<Claim | { replay: IdempotentResult<unknown> }> {
  const { accountId, key, requestHash } = input;
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + ctx.config.IDEMPOTENCY_LEASE_SECONDS * 1000);
  const token = randomUUID();
  // An expired key is forgotten before it is claimed again.
  await ctx.db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS))
    .execute();
  // Each round either ends or saw another attempt change the row in between (insert, take-over, answer or
  // release); a few rounds are plenty, and a key still contended after them is, in effect, in progress.
  for (let round = 0; round < CLAIM_ROUNDS; round++) {
    const inserted = await ctx.db
      .insertInto('idempotency_keys')
      .values({
        account_id: accountId,
        key,
        request_hash: requestHash,
        created_at: now,
        locked_until: leaseUntil,
        claim_token: token,
      })
      .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { token, resourceId: null };

    const earlier = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!earlier) continue; // freed by a failed attempt just now
    if (earlier.request_hash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (earlier.status_code !== null) return { replay: { status: earlier.status_code, body: earlier.response } };
    if (earlier.locked_until !== null && earlier.locked_until > now) throw inProgress(earlier.locked_until, now);

    // The holder's lease has passed (it died, or was killed): take the key over. The conditions repeat what was
    // just read, so of two retries racing here exactly one updates the row.
    const taken = await ctx.db
      .updateTable('idempotency_keys')
      .set({ locked_until: leaseUntil, claim_token: token })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('request_hash', '=', requestHash)
      .where('status_code', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('resource_id')
      .executeTakeFirst();
    if (taken) return { token, resourceId: taken.resource_id };
  }
  throw inProgress(leaseUntil, now);
}

function inProgress(lockedUntil: Date, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new DomainError('IDEMPOTENCY_IN_PROGRESS', { details: { retryAfterSeconds } });
}
