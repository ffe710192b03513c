import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, loginAs } from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { type SeededResources, seedResourcesForAccount } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { CODE_PATTERN } from '../../domain/authorization-code.ts';
import { buildApp } from '../app.ts';
import { applicantCodeRoutes } from './applicant-code-routes.ts';

const BASE = '/api/v1/applicant';

/** Mounts the plugin the way compose will; once app.ts wires it itself, the plain app already has the routes. */
async function buildAppWithCodeRoutes(ctx: AppContext): Promise<FastifyInstance> {
  try {
    return await buildApp({ ctx, extraPlugins: [{ plugin: applicantCodeRoutes, prefix: BASE, options: { ctx } }] });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_ERR_DUPLICATED_ROUTE') return buildApp({ ctx });
    throw e;
  }
}

let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildAppWithCodeRoutes(ctx);
});
afterAll(async () => {
  await app.close();
  await close();
});

async function applicant(): Promise<{ cookie: string; accountId: string; res: SeededResources }> {
  const { user, cookie } = await loginAs(app, ctx, 'applicant');
  return {
    cookie,
    accountId: user.accountId,
    res: await seedResourcesForAccount(ctx.db, user.accountId, ctx.clock.now()),
  };
}

describe('applicant authorization-code routes', () => {
  it('lists resources with eligibility, applies for a code and lists it', async () => {
    const { cookie, res } = await applicant();
    const list = await injectJson(app, { method: 'GET', url: `${BASE}/resources`, cookie });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<Record<string, unknown>>;
    expect(items.map((r) => [r.id, r.eligible, r.ineligibleReason])).toEqual([
      [res.eligibleServer.id, true, null],
      [res.expiringServer.id, false, 'expires_within_3_months'],
      [res.payAsYouGoServer.id, false, 'pay_as_you_go'],
      [res.serverWithoutIp.id, false, 'no_public_ip'],
      [res.siteBuilder.id, true, null],
    ]);
    expect(items[0]).toMatchObject({ expiresAt: res.eligibleServer.expiresAt.toISOString(), kind: 'server' });

    const applied = await injectJson(app, {
      method: 'POST',
      url: `${BASE}/authorization-codes`,
      cookie,
      body: { resourceId: res.eligibleServer.id },
    });
    expect(applied.statusCode).toBe(201);
    const code = applied.json();
    expect(code.code).toMatch(CODE_PATTERN);
    expect(code).toMatchObject({ state: 'unused', publicIp: res.eligibleServer.publicIps[0], orderId: null });

    const codes = await injectJson(app, { method: 'GET', url: `${BASE}/authorization-codes`, cookie });
    expect(codes.json().items).toEqual([code]);
    const filtered = await injectJson(app, {
      method: 'GET',
      url: `${BASE}/authorization-codes?resourceId=${res.siteBuilder.id}`,
      cookie,
    });
    expect(filtered.json().items).toEqual([]);
  });

  it('refuses ineligible and foreign resources, unknown fields and a malformed IP', async () => {
    const { cookie, res } = await applicant();
    const other = await applicant();
    const post = (body: unknown) =>
      injectJson(app, { method: 'POST', url: `${BASE}/authorization-codes`, cookie, body });

    const ineligible = await post({ resourceId: res.expiringServer.id });
    expect(ineligible.statusCode).toBe(400);
    expect(ineligible.json()).toMatchObject({
      code: 'AUTH_CODE_NOT_ELIGIBLE',
      details: { reason: 'expires_within_3_months' },
    });
    expect((await post({ resourceId: other.res.eligibleServer.id })).statusCode).toBe(404);
    const extra = await post({ resourceId: res.eligibleServer.id, count: 5 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION_FAILED');
    expect((await post({ resourceId: res.eligibleServer.id, publicIp: 'not-an-ip' })).statusCode).toBe(400);
  });

  it('lets a sub-account read its parent account but not apply', async () => {
    const parent = await loginAs(app, ctx, 'applicant');
    const res = await seedResourcesForAccount(ctx.db, parent.user.accountId, ctx.clock.now());
    await injectJson(app, {
      method: 'POST',
      url: `${BASE}/authorization-codes`,
      cookie: parent.cookie,
      body: { resourceId: res.eligibleServer.id },
    });
    const sub = await loginAs(app, ctx, 'sub_account', { parent: parent.user });
    const codes = await injectJson(app, { method: 'GET', url: `${BASE}/authorization-codes`, cookie: sub.cookie });
    expect(codes.statusCode).toBe(200);
    expect(codes.json().items).toHaveLength(1);
    const resources = await injectJson(app, { method: 'GET', url: `${BASE}/resources`, cookie: sub.cookie });
    expect(resources.json().items).toHaveLength(5);
    const apply = await injectJson(app, {
      method: 'POST',
      url: `${BASE}/authorization-codes`,
      cookie: sub.cookie,
      body: { resourceId: res.eligibleServer.id },
    });
    expect(apply.statusCode).toBe(403);
  });

  it('refuses anonymous callers, reviewers and admins', async () => {
    for (const url of [`${BASE}/resources`, `${BASE}/authorization-codes`]) {
      const anonymous = await injectJson(app, { method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('AUTH_REQUIRED');
    }
    const anonymousPost = await injectJson(app, {
      method: 'POST',
      url: `${BASE}/authorization-codes`,
      body: { resourceId: 'i-x' },
    });
    expect(anonymousPost.statusCode).toBe(401);
    for (const role of ['reviewer', 'admin'] as const) {
      const { cookie } = await loginAs(app, ctx, role);
      expect((await injectJson(app, { method: 'GET', url: `${BASE}/resources`, cookie })).statusCode).toBe(403);
      const post = await injectJson(app, {
        method: 'POST',
        url: `${BASE}/authorization-codes`,
        cookie,
        body: { resourceId: 'i-x' },
      });
      expect(post.statusCode).toBe(403);
    }
  });
});
