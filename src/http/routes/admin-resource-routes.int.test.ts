import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, type LoggedIn, loginAs } from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { createSeededResourceInventory } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { addMonthsUtc } from '../../domain/authorization-code.ts';
import { applyForCode } from '../../use-cases/authorization-codes/apply-for-code.ts';
import { randomTestIp } from '../../use-cases/authorization-codes/code-test-fixtures.ts';
import { consumeCodes, reserveCodes } from '../../use-cases/authorization-codes/reserve-codes.ts';
import { buildApp } from '../app.ts';
import { adminResourceRoutes } from './admin-resource-routes.ts';

const BASE = '/api/v1/admin';

/** Mounts the plugin the way compose will; once app.ts wires it itself, the plain app already has the routes. */
async function buildAppWithAdminRoutes(ctx: AppContext): Promise<FastifyInstance> {
  try {
    return await buildApp({ ctx, extraPlugins: [{ plugin: adminResourceRoutes, prefix: BASE, options: { ctx } }] });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_ERR_DUPLICATED_ROUTE') return buildApp({ ctx });
    throw e;
  }
}

let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
let admin: LoggedIn;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildAppWithAdminRoutes(ctx);
  admin = await loginAs(app, ctx, 'admin');
});
afterAll(async () => {
  await app.close();
  await close();
});

const newResource = (accountId: string, over: Record<string, unknown> = {}) => ({
  accountId,
  kind: 'server',
  name: '云主机 shop-01',
  region: 'cn-north-1',
  publicIps: [randomTestIp()],
  billingType: 'prepaid',
  expiresAt: addMonthsUtc(ctx.clock.now(), 12).toISOString(),
  ...over,
});

describe('admin resource routes', () => {
  it('adds a resource to an applicant account', async () => {
    const owner = await loginAs(app, ctx, 'applicant');
    const body = newResource(owner.user.accountId, { id: 'i-shop-01-abc', expiresAt: '2027-06-01T08:00:00+08:00' });
    const created = await injectJson(app, { method: 'POST', url: `${BASE}/resources`, cookie: admin.cookie, body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...body, expiresAt: '2027-06-01T00:00:00.000Z', status: 'running' });
    const listed = await createSeededResourceInventory(ctx.db).listForAccount(owner.user.accountId);
    expect(listed.map((r) => r.id)).toEqual(['i-shop-01-abc']);
  });

  it('releases, restores and renews a resource of the stand-in; its IP is free again once released', async () => {
    const owner = await loginAs(app, ctx, 'applicant');
    const body = newResource(owner.user.accountId);
    const created = (
      await injectJson(app, { method: 'POST', url: `${BASE}/resources`, cookie: admin.cookie, body })
    ).json() as { id: string };
    const change = (payload: unknown, id = created.id) =>
      injectJson(app, {
        method: 'POST',
        url: `${BASE}/resources/${id}/lifecycle`,
        cookie: admin.cookie,
        body: payload,
      });
    const released = await change({ status: 'released' });
    expect(released.statusCode).toBe(200);
    expect(released.json().status).toBe('released');
    // A released server's IP may be bound to a new resource.
    const reuse = { ...newResource(owner.user.accountId), publicIps: body.publicIps };
    expect(
      (await injectJson(app, { method: 'POST', url: `${BASE}/resources`, cookie: admin.cookie, body: reuse }))
        .statusCode,
    ).toBe(201);
    const renewed = await change({ status: 'running', expiresAt: '2028-01-01T00:00:00Z' });
    expect(renewed.json()).toMatchObject({ status: 'running', expiresAt: '2028-01-01T00:00:00.000Z' });
    expect((await change({})).statusCode).toBe(400);
    expect((await change({ status: 'deleted' })).statusCode).toBe(400);
    expect((await change({ status: 'released' }, 'i-unknown-000')).statusCode).toBe(404);
    expect((await change({ status: 'released' })).statusCode).toBe(200);
    expect(
      (
        await injectJson(app, {
          method: 'POST',
          url: `${BASE}/resources/${created.id}/lifecycle`,
          cookie: owner.cookie,
          body: { status: 'running' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('validates the body and the owning account', async () => {
    const owner = await loginAs(app, ctx, 'applicant');
    const reviewer = await loginAs(app, ctx, 'reviewer');
    const post = (body: unknown) =>
      injectJson(app, { method: 'POST', url: `${BASE}/resources`, cookie: admin.cookie, body });
    expect((await post(newResource(owner.user.accountId, { publicIps: ['300.1.1.1'] }))).statusCode).toBe(400);
    expect((await post(newResource(owner.user.accountId, { billingType: 'monthly' }))).statusCode).toBe(400);
    expect((await post({ ...newResource(owner.user.accountId), extra: true })).statusCode).toBe(400);
    expect((await post(newResource(reviewer.user.id))).statusCode).toBe(404);
    expect((await post(newResource(crypto.randomUUID()))).statusCode).toBe(404);
  });

  it('invalidates a code idempotently; a used code stays used', async () => {
    const owner = await loginAs(app, ctx, 'applicant');
    const created = await injectJson(app, {
      method: 'POST',
      url: `${BASE}/resources`,
      cookie: admin.cookie,
      body: newResource(owner.user.accountId),
    });
    const resourceId = created.json().id as string;
    const inventory = createSeededResourceInventory(ctx.db);
    const now = ctx.clock.now();
    const issue = async () =>
      (await applyForCode(ctx.db, inventory, { accountId: owner.user.accountId, resourceId, now })).code;
    const [unused, used] = [await issue(), await issue()];
    const orderId = crypto.randomUUID();
    const ip = created.json().publicIps[0] as string;
    await reserveCodes(ctx.db, {
      orderId,
      accountId: owner.user.accountId,
      codes: [{ code: used, websiteIndex: 0, ipAddresses: [ip] }],
      now,
    });
    await consumeCodes(ctx.db, { orderId, now });

    const invalidate = (code: string, body?: unknown) =>
      injectJson(app, {
        method: 'POST',
        url: `${BASE}/authorization-codes/${code}/invalidation`,
        cookie: admin.cookie,
        ...(body === undefined ? {} : { body }),
      });
    const first = await invalidate(unused, { reason: '资源已退订' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ code: unused, previousState: 'unused', state: 'invalid', orderId: null });
    expect((await invalidate(unused)).json()).toMatchObject({ previousState: 'invalid', state: 'invalid' });
    const spent = await invalidate(used);
    expect(spent.statusCode).toBe(409);
    expect(spent.json().code).toBe('AUTH_CODE_IN_USE');
    expect((await invalidate('NOSUCHCODE2345678')).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    const body = newResource(crypto.randomUUID());
    const anonymous = await injectJson(app, { method: 'POST', url: `${BASE}/resources`, body });
    expect(anonymous.statusCode).toBe(401);
    for (const role of ['applicant', 'sub_account', 'reviewer'] as const) {
      const { cookie } = await loginAs(app, ctx, role);
      expect((await injectJson(app, { method: 'POST', url: `${BASE}/resources`, cookie, body })).statusCode).toBe(403);
      const inv = await injectJson(app, {
        method: 'POST',
        url: `${BASE}/authorization-codes/ABC/invalidation`,
        cookie,
      });
      expect(inv.statusCode).toBe(403);
    }
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await injectJson(app, { method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining([`${BASE}/resources`, `${BASE}/authorization-codes/{code}/invalidation`]),
    );
  });
});
