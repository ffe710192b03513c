import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeianApiError, BeianClient } from '../src/client/index.ts';
import { type WebhookEvent, WebhookEventSchema } from '../src/contracts/integrations-api.ts';
import { verifyWebhookSignature } from '../src/contracts/webhook-signature.ts';
import { dispatchOutbox } from '../src/use-cases/regulator/dispatch-outbox.ts';
import { listOutbox, type OutboxFilter } from '../src/use-cases/regulator/outbox-admin.ts';
import { individualSubject, jpeg, person, uniqueDomain, website } from './support/filing-data.ts';
import { loginAs } from './support/http.ts';
import { api, newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/** A webhook receiver on port 0: records every request and answers with `status`. */
type Received = { headers: IncomingHttpHeaders; body: string };
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(state.status, { 'content-type': 'text/plain' }).end(state.status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/beian`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const MAX_ATTEMPTS = 4;
let p: TestPlatform;
let baseUrl: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  p = await createTestPlatform({ config: { WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
  baseUrl = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await p?.close();
});

/** A signed-in applicant driven through the typed client over real HTTP (session cookie). */
async function applicantClient() {
  const applicant = await newApplicant(p);
  const client = new BeianClient({ baseUrl });
  await client.login(applicant.user.email, applicant.password);
  return { applicant, client };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BeianApiError);
  return error as BeianApiError;
};

describe('API keys', () => {
  it('shows the secret once, stores only its hash, works within its scope and stops at revocation', async () => {
    const { applicant, client } = await applicantClient();
    const created = await client.call('createApiKey', { body: { name: 'CI 部署', scopes: ['orders:read'] } });
    expect(created.secret).toMatch(/^bk_live_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.secret).toContain(created.prefix);

    const row = await p.ctx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret.split('_').at(-1));
    const listed = await client.call('listApiKeys');
    expect(listed.items.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.items[0]?.lastUsedAt).toBeNull();

    const keyed = new BeianClient({ baseUrl, apiKey: created.secret });
    expect((await keyed.call('listOrders')).items).toEqual([]);
    const used = await p.ctx.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at?.toISOString()).toBe(p.clock.now().toISOString());

    // Without the scope: 403 with the stable code and the scope it lacks.
    const noScope = await refusal(
      keyed.call('createOrder', { body: { kind: 'new', domain: uniqueDomain('key'), subjectAlreadyFiled: false } }),
    );
    expect([noScope.status, noScope.code, noScope.details]).toEqual([
      403,
      'API_KEY_SCOPE_MISSING',
      { reason: 'scope_missing', requiredScope: 'orders:write' },
    ]);
    // Routes without a scope (sessions, key management) are closed to keys whatever they hold.
    for (const call of [keyed.call('listApiKeys'), keyed.request('GET', '/api/v1/auth/me')]) {
      const closed = await refusal(call);
      expect([closed.status, closed.code]).toEqual([403, 'API_KEY_SCOPE_MISSING']);
      expect(closed.details).toEqual({ reason: 'route_not_available_to_api_keys' });
    }
    // The key acts as its owner: another account's order is not found through it.
    const other = await newApplicant(p);
    const otherOrder = await api(
      p,
      other,
      'POST',
      '/api/v1/applicant/orders',
      {
        kind: 'new',
        domain: uniqueDomain('other'),
        subjectAlreadyFiled: false,
      },
      201,
    );
    const foreign = await refusal(keyed.call('getOrder', { params: { id: otherOrder.id } }));
    expect(foreign.status).toBe(404);

    const revoked = await client.call('revokeApiKey', { params: { id: created.id } });
    expect(revoked.status).toBe('revoked');
    const after = await refusal(keyed.call('listOrders'));
    expect([after.status, after.code]).toEqual([401, 'API_KEY_INVALID']);

    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', applicant.user.id)
      .where('action', 'like', 'api_key.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const { client } = await applicantClient();
    const { id, secret } = await client.call('createApiKey', { body: { name: 'poller', scopes: ['records:read'] } });
    const keyed = new BeianClient({ baseUrl, apiKey: secret });
    const lastUsed = async () =>
      (await p.ctx.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow())
        .last_used_at;
    await keyed.call('listRecords');
    const first = await lastUsed();
    p.clock.advance(30_000);
    await keyed.call('listRecords');
    expect(await lastUsed()).toEqual(first);
    p.clock.advance(31_000);
    await keyed.call('listRecords');
    expect((await lastUsed())?.getTime()).toBe(p.clock.now().getTime());
  });

  it('refuses scopes outside the owner’s role, and staff keys are made by admins only, read-only', async () => {
    const { client } = await applicantClient();
    const staffScope = await refusal(client.call('createApiKey', { body: { name: 'x', scopes: ['queue:read'] } }));
    expect([staffScope.status, staffScope.code]).toEqual([400, 'VALIDATION_FAILED']);

    const admin = await loginAs(p.app, p.ctx, 'admin');
    const reviewer = await loginAs(p.app, p.ctx, 'reviewer');
    const adminClient = new BeianClient({ baseUrl });
    await adminClient.login(admin.user.email, admin.password);
    const key = (await adminClient.request('POST', '/api/v1/admin/api-keys', {
      json: { name: 'SLA 看板', ownerId: reviewer.user.id, scopes: ['queue:read'] },
    })) as { secret: string; ownerId: string };
    expect(key.ownerId).toBe(reviewer.user.id);
    const staffKey = new BeianClient({ baseUrl, apiKey: key.secret });
    expect(await staffKey.request('GET', '/api/v1/reviewer/queue/counts')).toBeTruthy();
    // Decisions stay with a person who signed in with the second factor.
    const decide = await refusal(
      staffKey.call('providerReview', { params: { id: crypto.randomUUID() }, body: { decision: 'approve' } }),
    );
    expect([decide.status, decide.code]).toEqual([403, 'API_KEY_SCOPE_MISSING']);
    const writeScope = await refusal(
      adminClient.request('POST', '/api/v1/admin/api-keys', {
        json: { name: 'x', ownerId: reviewer.user.id, scopes: ['orders:write'] },
      }),
    );
    expect(writeScope.status).toBe(400);
  });
});

describe('webhooks', () => {
  it('delivers signed events without personal data, retries a failing receiver with backoff, redelivers', async () => {
    const { applicant, client } = await applicantClient();
    const { secret: apiKey } = await client.call('createApiKey', {
      body: { name: 'integration', scopes: ['orders:read', 'orders:write', 'webhooks:manage'] },
    });
    // Everything from here on is what an integrator does with its key.
    const integrator = new BeianClient({ baseUrl, apiKey });
    const subscription = await integrator.call('createWebhook', {
      body: { url: receiver.url, eventTypes: ['order.state_changed', 'order.rejected'], description: 'ERP' },
    });
    expect(subscription.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await integrator.call('listWebhooks'))).not.toContain(subscription.secret);

    const domain = uniqueDomain('hook');
    const order = await integrator.call('createOrder', { body: { kind: 'new', domain, subjectAlreadyFiled: false } });
    const rp = person();
    const { code, ip } = await applicant.code();
    const saved = await integrator.call('saveOrderData', {
      params: { id: order.id },
      body: {
        version: order.version,
        data: { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] },
      },
    });
    for (const m of saved.precheck?.missingMaterials ?? []) {
      const fields: Record<string, string> = { kind: m.kind };
      if (m.websiteIndex !== undefined) fields.websiteIndex = String(m.websiteIndex);
      if (['subject_cert', 'subject_rp_id', 'website_rp_id', 'personal_id'].includes(m.kind))
        fields.validUntil = '2036-01-01';
      await integrator.uploadMaterial(order.id, fields, new Blob([await jpeg()], { type: 'image/jpeg' }), 'scan.jpg');
    }
    await integrator.call('acceptTerms', {
      params: { id: order.id },
      body: { infoSecurityAgreement: true, assistedCorrectionTerms: true },
    });
    const submitted = await integrator.call('submitOrder', { params: { id: order.id }, body: {} });
    expect(submitted.state).toBe('pending_provider_review');

    // Nothing leaves before the worker runs; then one signed delivery per event.
    expect(receiver.received).toHaveLength(0);
    await dispatchOutbox(p.ctx);
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0]!;
    const verified = await verifyWebhookSignature({
      secret: subscription.secret,
      rawBody: first.body,
      timestampHeader: first.headers['x-beian-timestamp'] as string,
      signatureHeader: first.headers['x-beian-signature'] as string,
      nowSeconds: Math.floor(p.clock.now().getTime() / 1000),
    });
    expect(verified).toEqual({ ok: true });
    expect(
      (
        await verifyWebhookSignature({
          secret: 'whsec_wrong',
          rawBody: first.body,
          timestampHeader: first.headers['x-beian-timestamp'] as string,
          signatureHeader: first.headers['x-beian-signature'] as string,
          nowSeconds: Math.floor(p.clock.now().getTime() / 1000),
        })
      ).ok,
    ).toBe(false);
    const event: WebhookEvent = WebhookEventSchema.parse(JSON.parse(first.body));
    expect(first.headers['x-beian-event']).toBe('order.state_changed');
    expect(event).toMatchObject({
      type: 'order.state_changed',
      data: {
        orderId: order.id,
        from: 'draft',
        to: 'pending_provider_review',
        event: 'submit',
        filingType: 'first_filing',
      },
    });
    for (const personal of [rp.name, rp.idNumber, rp.mobile, rp.emergencyPhone, rp.email]) {
      expect(first.body).not.toContain(personal);
    }

    // A receiver answering 500: retried with the outbox's backoff, each attempt logged, then given up.
    receiver.state.status = 500;
    const reviewer = await loginAs(p.app, p.ctx, 'reviewer');
    const rejected = await p.app.inject({
      method: 'POST',
      url: `/api/v1/reviewer/orders/${order.id}/provider-review`,
      headers: { cookie: reviewer.cookie },
      payload: {
        decision: 'reject',
        reasons: [
          { field: 'websites.0.name', code: 'WEBSITE_NAME_TOO_GENERIC', message: `${rp.name}的网站名称过于笼统` },
        ],
      },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const before = receiver.received.length;
    await dispatchOutbox(p.ctx);
    expect(receiver.received.length - before).toBe(2); // state_changed + rejected, first attempts
    const rejection = receiver.received.find((r) => r.headers['x-beian-event'] === 'order.rejected')!;
    expect(JSON.parse(rejection.body).data.rejection).toEqual({
      stage: 'provider',
      reasons: [{ field: 'websites.0.name', code: 'WEBSITE_NAME_TOO_GENERIC' }],
    });
    expect(rejection.body).not.toContain(rp.name);

    await dispatchOutbox(p.ctx); // not due yet: backoff
    expect(receiver.received.length - before).toBe(2);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      p.clock.advance(1000 * 2 ** (attempt - 2));
      await dispatchOutbox(p.ctx);
      expect(receiver.received.length - before).toBe(2 * attempt);
    }
    p.clock.advance(3_600_000);
    await dispatchOutbox(p.ctx); // given up: nothing more
    expect(receiver.received.length - before).toBe(2 * MAX_ATTEMPTS);

    const deliveries = await integrator.call('listWebhookDeliveries', { params: { id: subscription.id } });
    const failed = deliveries.items.find((d) => d.eventType === 'order.rejected')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(failed.attemptLog.map((a) => [a.attempt, a.statusCode, a.responseSnippet])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, 500, 'boom']),
    );
    const attemptTimes = failed.attemptLog.map((a) => Date.parse(a.at));
    expect(attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!)).toEqual([1000, 2000, 4000]);
    const outboxRow = await p.ctx.db
      .selectFrom('outbox')
      .select(['id', 'done_at', 'last_error'])
      .where('idempotency_key', 'like', `webhook:${subscription.id}:${order.id}:%:order.rejected`)
      .executeTakeFirstOrThrow();
    expect(outboxRow.done_at).not.toBeNull();
    expect(outboxRow.last_error).toMatch(/^gave up after 4 attempts/);
    // The admins' outbox names it given up, apart from the calls that were sent.
    const listed = async (filter: OutboxFilter) =>
      (await listOutbox(p.ctx, { filter, limit: 200 })).items.filter((i) => i.id === outboxRow.id);
    expect(await listed('gave_up')).toEqual([expect.objectContaining({ gaveUp: true, attempts: MAX_ATTEMPTS })]);
    expect([await listed('done'), await listed('failing'), await listed('pending')]).toEqual([[], [], []]);
    expect(
      deliveries.items.find((d) => d.eventType === 'order.state_changed' && d.status === 'delivered'),
    ).toBeTruthy();

    // Redelivery: a new delivery id, the same event.
    receiver.state.status = 200;
    const again = await integrator.call('redeliverWebhook', { params: { id: failed.id } });
    expect(again.id).not.toBe(failed.id);
    expect([again.eventId, again.redeliveryOf, again.status]).toEqual([failed.eventId, failed.id, 'pending']);
    await dispatchOutbox(p.ctx);
    const last = receiver.received.at(-1)!;
    expect(last.headers['x-beian-delivery']).toBe(again.id);
    expect(JSON.parse(last.body).id).toBe(failed.eventId);
    const redelivered = (
      await integrator.call('listWebhookDeliveries', { params: { id: subscription.id } })
    ).items.find((d) => d.id === again.id);
    expect(redelivered).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
  });

  it('refuses private targets when they are not allowed; a subscription can be paused', async () => {
    const strict = await createTestPlatform({
      regulator: 'in_process',
      config: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' },
    });
    try {
      const a = await loginAs(strict.app, strict.ctx, 'applicant');
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://169.254.169.254/latest',
        'ftp://x.cn/',
      ]) {
        const res = await strict.app.inject({
          method: 'POST',
          url: '/api/v1/account/webhooks',
          headers: { cookie: a.cookie },
          payload: { url, eventTypes: ['order.state_changed'] },
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
      }
    } finally {
      await strict.close();
    }
    const { client } = await applicantClient();
    const sub = await client.call('createWebhook', {
      body: { url: receiver.url, eventTypes: ['order.state_changed'] },
    });
    const paused = await client.call('updateWebhook', { params: { id: sub.id }, body: { active: false } });
    expect(paused.active).toBe(false);
  });
});
