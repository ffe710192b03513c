import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import type { ClaimView } from '../src/contracts/review-api.ts';
import { injectJson, type LoggedIn, loginAs, relogin } from './support/http.ts';
import { type Applicant, api, submittedFirstFiling } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 8 item 2: a reviewer claims an order with a lease; two reviewers never decide the same order; a lapsed
 * lease frees it; senior reviewers and admins reassign; nobody reviews an order of their own account.
 */
let p: TestPlatform;
let applicant: Applicant;
let alice: LoggedIn;
let bob: LoggedIn;
let senior: LoggedIn;

const claimUrl = (id: string, tail = '') => `/api/v1/reviewer/orders/${id}/claim${tail}`;
const call = (who: LoggedIn, method: 'GET' | 'POST', url: string, body?: unknown) =>
  injectJson(p.app, { method, url, cookie: who.cookie, ...(body !== undefined && { body }) });

/** Each order from a fresh applicant: one subject has one open order at a time. */
async function submittedOrder(): Promise<OrderView> {
  const filed = await submittedFirstFiling(p, 'claim');
  applicant = filed.applicant;
  return filed.view;
}

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  alice = await loginAs(p.app, p.ctx, 'reviewer', { displayName: 'Alice' });
  bob = await loginAs(p.app, p.ctx, 'reviewer', { displayName: 'Bob' });
  senior = await loginAs(p.app, p.ctx, 'senior_reviewer', { displayName: 'Senior' });
});
afterAll(async () => p?.close());

describe('issue-8.2 claims with a lease', () => {
  it('the first claim wins; the second reviewer is told who holds it and cannot decide', async () => {
    const order = await submittedOrder();
    const [a, b] = await Promise.all([call(alice, 'POST', claimUrl(order.id)), call(bob, 'POST', claimUrl(order.id))]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(winner.statusCode, winner.body).toBe(200);
    expect(loser.statusCode, loser.body).toBe(409);
    expect(loser.json().code).toBe('ORDER_CLAIMED_BY_OTHER');
    const winnerName = winner.json<ClaimView>().holder?.displayName;
    expect(loser.json().details.holder.displayName).toBe(winnerName);
    const [, other] = winner === a ? [alice, bob] : [bob, alice];
    const seen = (await call(other, 'GET', claimUrl(order.id))).json<ClaimView>();
    expect(seen).toMatchObject({ mine: false, can: { decide: { can: false, reason: 'ORDER_CLAIMED_BY_OTHER' } } });
    const decide = await call(other, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(decide.statusCode).toBe(409);
    expect(decide.json().code).toBe('ORDER_CLAIMED_BY_OTHER');
    expect((await api<OrderView>(p, applicant, 'GET', `/api/v1/applicant/orders/${order.id}`)).state).toBe(
      'pending_provider_review',
    );
  });

  it('the holder renews and decides; the decision frees the claim', async () => {
    const order = await submittedOrder();
    const first = (await call(alice, 'POST', claimUrl(order.id))).json<ClaimView>();
    expect(first).toMatchObject({ mine: true, leaseSeconds: 300, can: { decide: { can: true } } });
    p.clock.advance(120_000);
    const renewed = (await call(alice, 'POST', claimUrl(order.id))).json<ClaimView>();
    expect(Date.parse(renewed.expiresAt ?? '')).toBeGreaterThan(Date.parse(first.expiresAt ?? ''));
    const decided = await call(alice, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const row = await p.ctx.db
      .selectFrom('filing_orders')
      .select(['claimed_by', 'reviewer_id'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ claimed_by: null, reviewer_id: alice.user.id });
  });

  it('an abandoned claim lapses after its lease and a colleague takes over (audited)', async () => {
    const order = await submittedOrder();
    expect((await call(alice, 'POST', claimUrl(order.id))).statusCode).toBe(200);
    p.clock.advance(299_000);
    expect((await call(bob, 'POST', claimUrl(order.id))).statusCode).toBe(409);
    p.clock.advance(2_000);
    // Sessions of staff end after 15 idle minutes; these moves stay inside it, but log in afresh to be sure.
    bob = await relogin(p.app, p.ctx, bob);
    const taken = await call(bob, 'POST', claimUrl(order.id));
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json<ClaimView>().holder?.displayName).toBe('Bob');
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('order_id', '=', order.id)
      .where('action', '=', 'order.claimed')
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.actor_id)).toEqual([alice.user.id, bob.user.id]);
    expect(audit[1]?.details).toEqual({ takenOverFrom: alice.user.id });
    alice = await relogin(p.app, p.ctx, alice);
    const late = await call(alice, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(late.json().code).toBe('ORDER_CLAIMED_BY_OTHER');
  });

  it('release frees the order at once; releasing a claim one does not hold changes nothing', async () => {
    const order = await submittedOrder();
    await call(alice, 'POST', claimUrl(order.id));
    expect((await call(bob, 'POST', claimUrl(order.id, '/release'))).json<ClaimView>().holder?.displayName).toBe(
      'Alice',
    );
    expect((await call(alice, 'POST', claimUrl(order.id, '/release'))).json<ClaimView>().holder).toBeNull();
    expect((await call(bob, 'POST', claimUrl(order.id))).statusCode).toBe(200);
  });

  it('a senior reviewer reassigns with a reason; a reviewer may not', async () => {
    const order = await submittedOrder();
    await call(alice, 'POST', claimUrl(order.id));
    const body = { toUserId: bob.user.id, reason: '张三休假，转交处理' };
    const refused = await call(bob, 'POST', claimUrl(order.id, '/reassign'), body);
    expect(refused.statusCode).toBe(403);
    const moved = await call(senior, 'POST', claimUrl(order.id, '/reassign'), body);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<ClaimView>().holder?.displayName).toBe('Bob');
    expect((await call(bob, 'GET', claimUrl(order.id))).json<ClaimView>().mine).toBe(true);
    const entry = await p.ctx.db
      .selectFrom('audit_log')
      .select(['reason', 'details'])
      .where('order_id', '=', order.id)
      .where('action', '=', 'order.claim_reassigned')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ reason: body.reason, details: { from: alice.user.id, to: bob.user.id } });
    const toApplicant = await call(senior, 'POST', claimUrl(order.id, '/reassign'), {
      toUserId: applicant.user.id,
      reason: '不应成功',
    });
    expect(toApplicant.statusCode).toBe(400);
  });

  it('an order not waiting for review cannot be claimed', async () => {
    const order = await submittedOrder();
    await call(alice, 'POST', claimUrl(order.id));
    const rejected = await call(alice, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'reject',
      reasons: [{ field: 'subject.name', code: 'NAME_MISMATCH', message: '主体名称与证件不一致' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const res = await call(bob, 'POST', claimUrl(order.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ORDER_NOT_CLAIMABLE');
  });

  it('staff cannot claim or decide an order they edited as if they were the applicant', async () => {
    const order = await submittedOrder();
    await p.ctx.db
      .insertInto('audit_log')
      .values({
        at: p.clock.now(),
        actor_id: alice.user.id,
        actor_role: 'reviewer',
        action: 'order.data_saved',
        order_id: order.id,
        from_state: null,
        to_state: null,
        reason: null,
        details: '{}',
        prev_hash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      })
      .execute();
    const claim = await call(alice, 'POST', claimUrl(order.id));
    expect(claim.statusCode).toBe(403);
    expect(claim.json().code).toBe('REVIEWER_CONFLICT_OF_INTEREST');
    const decide = await call(alice, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(decide.json().code).toBe('REVIEWER_CONFLICT_OF_INTEREST');
    const view = (await call(bob, 'GET', claimUrl(order.id))).json<ClaimView>();
    expect(view.can.claim).toEqual({ can: true });
  });
});
