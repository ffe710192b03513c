import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardingList, ForwardResult, OutboxItem, RegulatorPanel } from '../src/contracts/forwarding-api.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { uniqueDomain } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { api, newApplicant, passProviderStages, submittedFirstFiling } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 8 item 5: while staff hold forwarding, approved orders wait in the outbox until a reviewer forwards them
 * (singly or in a batch, twice = once); switching back to automatic sends what was held; admins see the outbox
 * with its errors and retry a row; the review screen's regulator panel shows each submission's delivery.
 */
let p: TestPlatform;
let reviewer: LoggedIn;
let senior: LoggedIn;
let admin: LoggedIn;

const call = <T = any>(who: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = 200) =>
  injectJson(p.app, { method, url, cookie: who.cookie, ...(body !== undefined && { body }) }).then((res) => {
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as T;
  });

/** A fresh applicant's first filing, through 初审 and the curtain photo: approved by the provider. */
async function approvedByProvider(): Promise<string> {
  const { applicant, id } = await submittedFirstFiling(p, 'fwd');
  await passProviderStages(p, applicant, reviewer, id);
  return id;
}

const forwardingItem = async (id: string) =>
  (await call<ForwardingList>(reviewer, 'GET', '/api/v1/reviewer/forwarding')).items.find((i) => i.order.id === id);

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
  senior = await loginAs(p.app, p.ctx, 'senior_reviewer');
  admin = await loginAs(p.app, p.ctx, 'admin');
});
afterAll(async () => p?.close());

describe('issue-8.5 forwarding to the regulator', () => {
  it('automatic by default: an approved order goes on to the regulator without anyone forwarding it', async () => {
    const id = await approvedByProvider();
    const view = await call<OrderView>(reviewer, 'GET', `/api/v1/reviewer/orders/${id}`);
    expect(view.state).toBe('pending_sms_verification');
    const panel = await call<RegulatorPanel>(reviewer, 'GET', `/api/v1/reviewer/orders/${id}/regulator`);
    expect(panel.regulatorRef).toMatch(/\S/);
    expect(panel.submissions).toHaveLength(1);
    expect(panel.submissions[0]).toMatchObject({ attempts: 1, heldAt: null, lastError: null });
    expect(panel.submissions[0]?.doneAt).not.toBeNull();
  });

  it('held: the order waits until forwarded; a batch with a repeat and a wrong id forwards once', async () => {
    await call(reviewer, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'manual' }, 403);
    await call(senior, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'manual' });
    const id = await approvedByProvider();
    await p.settle();
    expect(await forwardingItem(id)).toMatchObject({ regulatorRef: null, outbox: { status: 'held', attempts: 0 } });

    const notAtMiit = await draftOrder();
    const result = await call<ForwardResult>(reviewer, 'POST', '/api/v1/reviewer/forwarding', {
      orderIds: [id, id, notAtMiit.draftId],
    });
    expect(result).toEqual({ forwarded: [id], alreadyForwarded: [], notReady: [notAtMiit.draftId] });
    const again = await call<ForwardResult>(reviewer, 'POST', '/api/v1/reviewer/forwarding', { orderIds: [id] });
    expect(again).toEqual({ forwarded: [], alreadyForwarded: [id], notReady: [] });
    expect((await forwardingItem(id))?.outbox.status).toBe('queued');

    await p.settle();
    expect(await forwardingItem(id)).toBeUndefined();
    const panel = await call<RegulatorPanel>(reviewer, 'GET', `/api/v1/reviewer/orders/${id}/regulator`);
    expect(panel.regulatorRef).toMatch(/\S/);
    expect(panel.submissions).toHaveLength(1);
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('order_id', '=', id)
      .where('action', '=', 'order.forwarded')
      .execute();
    expect(audit).toEqual([{ actor_id: reviewer.user.id }]);
  });

  it('back to automatic, whatever was held is sent', async () => {
    await call(senior, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'manual' });
    const id = await approvedByProvider();
    await p.settle();
    expect((await forwardingItem(id))?.outbox.status).toBe('held');
    const switched = await call(admin, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'auto' });
    expect(switched).toEqual({ mode: 'auto', released: 1 });
    await p.settle();
    expect(await forwardingItem(id)).toBeUndefined();
  });

  it('admins see a failing row with its error and retry it; a sent row cannot be retried', async () => {
    await call(senior, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'manual' });
    const id = await approvedByProvider();
    await call(reviewer, 'POST', '/api/v1/reviewer/forwarding', { orderIds: [id] });
    // As the worker leaves a row after a gateway timeout: an error and a backoff an hour away.
    await p.ctx.db
      .updateTable('outbox')
      .set({
        attempts: 3,
        last_error: 'regulator gateway: timeout after 10000 ms',
        next_attempt_at: new Date(p.clock.now().getTime() + 3600_000),
      })
      .where('idempotency_key', 'like', `regulator.submit:${id}:%`)
      .execute();
    await p.settle();
    expect((await forwardingItem(id))?.outbox).toMatchObject({ status: 'retrying', attempts: 3 });
    const failing = await call<{ items: OutboxItem[] }>(
      admin,
      'GET',
      `/api/v1/admin/outbox?filter=failing&orderId=${id}`,
    );
    expect(failing.items).toHaveLength(1);
    const row = failing.items[0]!;
    expect(row).toMatchObject({
      topic: 'regulator.submit',
      orderId: id,
      lastError: 'regulator gateway: timeout after 10000 ms',
    });
    await call(reviewer, 'POST', `/api/v1/admin/outbox/${row.id}/retry`, undefined, 403);
    await call(admin, 'POST', `/api/v1/admin/outbox/${row.id}/retry`);
    await p.settle();
    expect(await forwardingItem(id)).toBeUndefined();
    const refused = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/admin/outbox/${row.id}/retry`,
      cookie: admin.cookie,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details).toEqual({ reason: 'already_sent' });
    await call(admin, 'PUT', '/api/v1/reviewer/forwarding/mode', { mode: 'auto' });
  });
});

/** An order that is still a draft: forwarding it is refused as not ready. */
async function draftOrder(): Promise<{ draftId: string }> {
  const a = await newApplicant(p);
  const order = await api<OrderView>(
    p,
    a,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain: uniqueDomain('draft'), subjectAlreadyFiled: false },
    201,
  );
  return { draftId: order.id };
}
