import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** How long a key and its stored answer are kept (the IETF Idempotency-Key draft asks servers to publish this). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export type IdempotentResult<T> = { status: number; body: T };

/**
 * Runs a side-effecting request at most once per (account, Idempotency-Key): a retry after completion gets the
 * stored answer, a retry while the first is still running gets 409, the same key with another body gets 422.
 * Without a key the request simply runs. A failed first attempt frees the key so the client can retry.
 */
export async function runIdempotent<T>(
  ctx: AppContext,
  input: { accountId: string; key: string | undefined; fingerprint: unknown },
  run: () => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T>> {
  if (input.key === undefined) return run();
  if (!KEY_PATTERN.test(input.key)) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'Idempotency-Key', message: '8–100 characters of A-Z a-z 0-9 _ -' }] },
    });
  }
  const { accountId, key } = input;
  const now = ctx.clock.now();
  const requestHash = createHash('sha256').update(JSON.stringify(input.fingerprint)).digest('hex');
  // An expired key is forgotten before it is claimed again.
  await ctx.db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS))
    .execute();
  const claimed = await ctx.db
    .insertInto('idempotency_keys')
    .values({ account_id: accountId, key, request_hash: requestHash, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const earlier = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (earlier.request_hash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (earlier.status_code === null) throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
    return { status: earlier.status_code, body: earlier.response as T };
  }
  try {
    const result = await run();
    await ctx.db
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(result.body) })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .execute();
    return result;
  } catch (error) {
    await ctx.db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).execute();
    throw error;
  }
}
