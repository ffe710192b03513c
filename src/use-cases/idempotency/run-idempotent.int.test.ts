import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueDomain } from '../../../test/support/filing-data.ts';
import { injectJson } from '../../../test/support/http.ts';
import { type Applicant, newApplicant } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { StartOrderRequestSchema } from '../../contracts/order-api.ts';
import { createOrder } from '../orders/create-order.ts';
import { type IdempotentResult, runIdempotent } from './run-idempotent.ts';

/**
 * Issue 6 item 15: a process killed while it holds an Idempotency-Key must not leave the key answering 409 for
 * its whole 24-hour life. A killed attempt is an attempt that never finishes: here a `run` that never resolves,
 * either before it made anything or right after its transaction committed.
 */
let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
});
afterAll(async () => p.close());

const LEASE_MS = 30_000;
const never = <T>() => new Promise<T>(() => {});

const post = (a: Applicant, key: string, body: unknown) =>
  injectJson(p.app, {
    method: 'POST',
    url: '/api/v1/applicant/orders',
    cookie: a.cookie,
    body,
    headers: { 'idempotency-key': key },
  });

/** Starts what the route starts, then "dies": the attempt holds the key and never answers. */
function killedAttempt(a: Applicant, key: string, body: unknown, stage: 'before_effect' | 'after_commit') {
  const fingerprint = ['POST /orders', StartOrderRequestSchema.parse(body)];
  void runIdempotent(
    p.ctx,
    { accountId: a.user.accountId, key, fingerprint },
    {
      run: async (attempt) => {
        if (stage === 'after_commit') {
          await createOrder(p.ctx, a.user, StartOrderRequestSchema.parse(body), { inTransaction: attempt.bind });
        }
        return never();
      },
      resume: () => never<IdempotentResult<unknown>>(),
    },
  );
}

/** Waits until the killed attempt has taken the key (and, after_commit, made its order). */
async function heldKey(a: Applicant, key: string, withResource: boolean) {
  for (let i = 0; i < 10_000; i++) {
    const row = await p.ctx.db
      .selectFrom('idempotency_keys')
      .select(['resource_id'])
      .where('account_id', '=', a.user.accountId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (row && (!withResource || row.resource_id !== null)) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('the killed attempt never held the key');
}

const ordersOf = (a: Applicant) =>
  p.ctx.db.selectFrom('filing_orders').select('id').where('account_id', '=', a.user.accountId).execute();

describe('item 15: an Idempotency-Key held by a killed attempt', () => {
  it('answers 409 with Retry-After within the lease, and runs the request once the lease has passed', async () => {
    const a = await newApplicant(p);
    const body = { kind: 'new', domain: uniqueDomain('lease'), subjectAlreadyFiled: false };
    killedAttempt(a, 'lease-key-0001', body, 'before_effect');
    await heldKey(a, 'lease-key-0001', false);

    const early = await post(a, 'lease-key-0001', body);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(early.headers['retry-after']).toBe(String(LEASE_MS / 1000));

    p.clock.advance(LEASE_MS / 2);
    expect((await post(a, 'lease-key-0001', body)).headers['retry-after']).toBe(String(LEASE_MS / 2000));

    p.clock.advance(LEASE_MS / 2 + 1000);
    const retried = await post(a, 'lease-key-0001', body);
    expect(retried.statusCode).toBe(201);
    const replay = await post(a, 'lease-key-0001', body);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(retried.json());
    expect(await ordersOf(a)).toEqual([{ id: retried.json().id }]);
  });

  it('after a kill between the order commit and the recorded answer, the retry answers with that order', async () => {
    const a = await newApplicant(p);
    const body = { kind: 'new', domain: uniqueDomain('lease'), subjectAlreadyFiled: false };
    killedAttempt(a, 'lease-key-0002', body, 'after_commit');
    await heldKey(a, 'lease-key-0002', true);
    const [made] = await ordersOf(a);

    expect((await post(a, 'lease-key-0002', body)).statusCode).toBe(409);
    p.clock.advance(LEASE_MS + 1000);
    const retried = await post(a, 'lease-key-0002', body);
    // Not ORDER_ALREADY_OPEN, and not a second order: the key was tied to the order in its transaction.
    expect(retried.statusCode).toBe(201);
    expect(retried.json().id).toBe(made!.id);
    expect((await post(a, 'lease-key-0002', body)).json()).toEqual(retried.json());
    expect(await ordersOf(a)).toHaveLength(1);
  });

  it('a key left "in progress" by a process killed before leases existed is taken over by the next retry', async () => {
    const a = await newApplicant(p);
    const body = { kind: 'new', domain: uniqueDomain('lease'), subjectAlreadyFiled: false };
    // Exactly the row the earlier code committed before creating the order, and never finished.
    const fingerprint = JSON.stringify(['POST /orders', StartOrderRequestSchema.parse(body)]);
    await p.ctx.db
      .insertInto('idempotency_keys')
      .values({
        account_id: a.user.accountId,
        key: 'lease-key-0005',
        request_hash: createHash('sha256').update(fingerprint).digest('hex'),
        created_at: p.clock.now(),
      })
      .execute();
    const retried = await post(a, 'lease-key-0005', body);
    expect(retried.statusCode).toBe(201);
    expect(await ordersOf(a)).toEqual([{ id: retried.json().id }]);
  });

  it('of several retries racing after the lease, exactly one takes the key over', async () => {
    const a = await newApplicant(p);
    const body = { kind: 'new', domain: uniqueDomain('lease'), subjectAlreadyFiled: false };
    killedAttempt(a, 'lease-key-0003', body, 'before_effect');
    await heldKey(a, 'lease-key-0003', false);
    p.clock.advance(LEASE_MS + 1000);

    const results = await Promise.all(Array.from({ length: 5 }, () => post(a, 'lease-key-0003', body)));
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 201 || r.json().code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(new Set(ok.map((r) => r.json().id)).size).toBe(1);
    expect(await ordersOf(a)).toHaveLength(1);
  });

  it('an attempt overtaken after its lease cannot tie a second effect to the key', async () => {
    const a = await newApplicant(p);
    const key = 'lease-key-0004';
    const input = { accountId: a.user.accountId, key, fingerprint: ['overtaken'] };
    let release: () => void = () => {};
    const slowGate = new Promise<void>((r) => {
      release = r;
    });
    const made: string[] = [];
    const effect = (attempt: { bind: (trx: never, id: string) => Promise<void> }, id: string) =>
      p.ctx.db.transaction().execute(async (trx) => {
        await attempt.bind(trx as never, id);
        made.push(id);
      });
    const slow = runIdempotent(p.ctx, input, {
      run: async (attempt) => {
        await slowGate;
        await effect(attempt, 'slow');
        return { status: 201, body: 'slow' };
      },
      resume: async (id) => ({ status: 201, body: id }),
    });
    await heldKey(a, key, false);
    p.clock.advance(LEASE_MS + 1000);
    const fast = await runIdempotent(p.ctx, input, {
      run: async (attempt) => {
        await effect(attempt, 'fast');
        return { status: 201, body: 'fast' };
      },
      resume: async (id) => ({ status: 201, body: id }),
    });
    release();
    await expect(slow).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(fast).toEqual({ status: 201, body: 'fast' });
    expect(made).toEqual(['fast']);
    // The overtaken attempt's failure did not free the key the winner answered.
    expect(await runIdempotent(p.ctx, input, { run: never, resume: never })).toEqual(fast);
  });
});
