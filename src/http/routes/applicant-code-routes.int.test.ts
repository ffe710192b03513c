import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, loginAs } from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { type SeededResources, seedResourcesForAccount } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { CODE_PATTERN } from '../../domain/authorization-code.ts';
import { reserveCodes } from '../../use-cases/authorization-codes/reserve-codes.ts';
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
    expect(code).toMatchObject({
      state: 'unused',
      publicIp: res.eligibleServer.publicIps[0],
      orderId: null,
      inUse: false,
      filerName: null,
    });

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

describe('issue-6.13 codes are bearer credentials, but the owner sees no one else’s order', () => {
  /** An order of `accountId` (only what the code listing reads), holding `code` as a submitted filing would. */
  async function fileWithCode(accountId: string, code: string, ip: string, sponsorName: string): Promise<string> {
    const id = crypto.randomUUID();
    const now = ctx.clock.now();
    const data = { subject: { subjectType: 'individual', sponsorName }, websites: [] };
    await ctx.db
      .insertInto('filing_orders')
      .values({
        id,
        account_id: accountId,
        subject_id: null,
        type: 'first_filing',
        state: 'pending_provider_review',
        verification_stage: 'after_provider_review',
        version: 1,
        province: 'beijing',
        data_enc: ctx.cipher.encryptJson(data),
        determination: '{}',
        target_website_ids: '[]',
        submission_count: 1,
        submitted_at: now,
        last_submitted_at: now,
        last_activity_at: now,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    await reserveCodes(ctx.db, { orderId: id, accountId, codes: [{ code, websiteIndex: 0, ipAddresses: [ip] }], now });
    return id;
  }
  const apply = async (owner: { cookie: string; res: SeededResources }) =>
    (
      await injectJson(app, {
        method: 'POST',
        url: `${BASE}/authorization-codes`,
        cookie: owner.cookie,
        body: { resourceId: owner.res.eligibleServer.id },
      })
    ).json() as { code: string; publicIp: string };
  const listOf = async (cookie: string) =>
    (await injectJson(app, { method: 'GET', url: `${BASE}/authorization-codes`, cookie })).json().items as Array<
      Record<string, unknown>
    >;
  const revoke = (cookie: string, code: string) =>
    injectJson(app, { method: 'POST', url: `${BASE}/authorization-codes/${code}/revoke`, cookie, body: {} });

  it('a code used by another account shows as in use with a masked filer name, never that order’s id', async () => {
    const owner = await applicant();
    const filer = await applicant();
    const { code, publicIp } = await apply(owner);
    const foreignOrder = await fileWithCode(filer.accountId, code, publicIp, '欧阳小明');
    const [item] = await listOf(owner.cookie);
    expect(item).toMatchObject({ code, state: 'in_filing', inUse: true, filerName: '欧***', orderId: null });
    expect(JSON.stringify(await listOf(owner.cookie))).not.toContain(foreignOrder);
    expect(JSON.stringify(item)).not.toContain('欧阳小明');
    // The owner's own filing still links to its order.
    const second = await apply(owner);
    const ownOrder = await fileWithCode(owner.accountId, second.code, second.publicIp, '张三');
    const own = (await listOf(owner.cookie)).find((c) => c.code === second.code);
    expect(own).toMatchObject({ inUse: true, orderId: ownOrder, filerName: '张*' });
  });

  it('the owner revokes an unused code; a code in use, another account’s or a sub-account’s revoke is refused', async () => {
    const owner = await applicant();
    const { code, publicIp } = await apply(owner);
    const revoked = await revoke(owner.cookie, code);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ code, state: 'invalid', inUse: false });
    expect((await revoke(owner.cookie, code)).statusCode).toBe(200); // idempotent
    // A revoked code cannot be filed with any more.
    const filer = await applicant();
    await expect(fileWithCode(filer.accountId, code, publicIp, '李四')).rejects.toMatchObject({
      code: 'AUTH_CODE_INVALID',
    });

    const held = await apply(owner);
    // One open order per account: the refused filing above left one behind, so a second filer holds this code.
    const holder = await applicant();
    await fileWithCode(holder.accountId, held.code, held.publicIp, '李四');
    const inUse = await revoke(owner.cookie, held.code);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'AUTH_CODE_IN_USE' });

    const fresh = await apply(owner);
    const other = await revoke(filer.cookie, fresh.code);
    expect(other.statusCode).toBe(404);
    const sub = await loginAs(app, ctx, 'sub_account', { parent: { ...(await userOf(owner.accountId)) } });
    const bySub = await revoke(sub.cookie, fresh.code);
    expect(bySub.statusCode).toBe(403);
    expect(bySub.json()).toMatchObject({ code: 'SUB_ACCOUNT_READ_ONLY' });
    expect((await listOf(owner.cookie)).find((c) => c.code === fresh.code)).toMatchObject({ state: 'unused' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'authorization_code.revoked')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

async function userOf(accountId: string) {
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  return {
    id: row.id,
    role: row.role,
    accountId: row.id,
    email: row.email,
    displayName: row.display_name,
    realNameVerified: row.real_name_verified,
  };
}
