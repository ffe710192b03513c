import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../test/support/http.ts';
import {
  adminDecides,
  api,
  passProviderStages,
  submittedFirstFiling,
  verifyAllSms,
} from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { type InventoryStandIn, startInventoryStandIn } from '../../adapters/resources/testing/inventory-stand-in.ts';
import { runWorkerOnce } from '../../worker/worker.ts';
import { sweepWebsiteAccess } from './sweep-website-access.ts';

/**
 * A filed website whose server is released or expires is flagged by the worker's access sweep, shown to the
 * applicant on 备案管理 and to staff, the applicant told once, and resolved when the server is back or the access
 * ends — with the seeded inventory and with the HTTP adapter against the inventory's stand-in.
 */

/** A first filing taken to approval; returns the applicant, the website id and its server's id. */
async function filedWebsite(p: TestPlatform, reviewer: LoggedIn) {
  const { applicant, id, rp, domain } = await submittedFirstFiling(p, 'access');
  await passProviderStages(p, applicant, reviewer, id);
  await verifyAllSms(p, id, { [rp.mobile]: rp.idNumber });
  await adminDecides(p, id, 'approve');
  const website = await p.ctx.db
    .selectFrom('websites')
    .innerJoin('authorization_codes', 'authorization_codes.code', 'websites.authorization_code')
    .select(['websites.id', 'authorization_codes.resource_id'])
    .where('websites.domain', '=', domain)
    .executeTakeFirstOrThrow();
  return { applicant, websiteId: website.id, resourceId: website.resource_id, domain };
}

const records = (p: TestPlatform, a: LoggedIn) => api(p, a, 'GET', '/api/v1/applicant/records');
const riskNotices = (p: TestPlatform, accountId: string) =>
  p.ctx.db
    .selectFrom('notifications')
    .select(['template', 'body'])
    .where('account_id', '=', accountId)
    .where('template', '=', 'website_access_at_risk')
    .execute();

describe('access sweep with the seeded inventory', () => {
  let p: TestPlatform;
  let reviewer: LoggedIn;
  let admin: LoggedIn;
  beforeAll(async () => {
    p = await createTestPlatform({ regulator: 'in_process' });
    reviewer = await loginAs(p.app, p.ctx, 'reviewer');
    admin = await loginAs(p.app, p.ctx, 'admin');
  });
  afterAll(async () => p?.close());

  const lifecycle = (resourceId: string, body: unknown) =>
    api(p, admin, 'POST', `/api/v1/admin/resources/${resourceId}/lifecycle`, body);

  it('released → flagged at the next pass, shown on 备案管理 and to staff, told once; renewed → resolved', async () => {
    const { applicant, websiteId, resourceId, domain } = await filedWebsite(p, reviewer);
    await runWorkerOnce(p.ctx);
    expect((await records(p, applicant)).websites[0].accessRisk).toBeNull();

    const released = await lifecycle(resourceId, { status: 'released' });
    expect(released.status).toBe('released');
    await runWorkerOnce(p.ctx);
    const site = (await records(p, applicant)).websites.find((w: { id: string }) => w.id === websiteId);
    expect(site.accessRisk).toMatchObject({ reason: 'released', resourceId });
    expect(site.accessRisk.message.zhCN).toContain('已释放');
    expect(site.accessRisk.fix.zhCN).toContain('取消接入');
    expect(site.accessRisk.fix.zhCN).toContain('空壳网站');
    expect(site.accessRisk.fix.enUS).toContain('shell website');

    const staff = await api(p, reviewer, 'GET', '/api/v1/admin/access-risks');
    expect(staff.items).toContainEqual(expect.objectContaining({ websiteId, domain, reason: 'released', resourceId }));
    expect(staff.openCount).toBeGreaterThanOrEqual(1);
    // Applicants do not see the provider's list.
    await api(p, applicant, 'GET', '/api/v1/admin/access-risks', undefined, 403);

    // More passes (also after the interval) keep one risk and one notice.
    await runWorkerOnce(p.ctx);
    p.clock.advance(7 * 3600_000);
    await runWorkerOnce(p.ctx);
    const notices = await riskNotices(p, applicant.user.accountId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(domain);
    const open = await p.ctx.db
      .selectFrom('website_access_risks')
      .selectAll()
      .where('website_id', '=', websiteId)
      .execute();
    expect(open).toHaveLength(1);

    // Renewed: back in service with a new term; the admin's change makes the website due at once.
    const fresh = await loginAs(p.app, p.ctx, 'admin');
    const renewed = new Date(p.clock.now().getTime() + 365 * 86400_000).toISOString();
    await api(p, fresh, 'POST', `/api/v1/admin/resources/${resourceId}/lifecycle`, {
      status: 'running',
      expiresAt: renewed,
    });
    await runWorkerOnce(p.ctx);
    const again = await loginAs(p.app, p.ctx, 'reviewer');
    const list = await api(p, again, 'GET', '/api/v1/admin/access-risks');
    expect(list.items.map((i: { websiteId: string }) => i.websiteId)).not.toContain(websiteId);
    const resolved = await p.ctx.db
      .selectFrom('website_access_risks')
      .select(['resolved_at', 'resolution'])
      .where('website_id', '=', websiteId)
      .executeTakeFirstOrThrow();
    expect(resolved.resolution).toBe('resource_back');
  });

  it('an expired server is flagged as expired; the access ending resolves it and ends the watch', async () => {
    const fresh = await loginAs(p.app, p.ctx, 'reviewer');
    const { applicant, websiteId, resourceId } = await filedWebsite(p, fresh);
    const admin2 = await loginAs(p.app, p.ctx, 'admin');
    await api(p, admin2, 'POST', `/api/v1/admin/resources/${resourceId}/lifecycle`, {
      expiresAt: p.clock.now().toISOString(),
    });
    await runWorkerOnce(p.ctx);
    expect((await records(p, applicant)).websites[0].accessRisk.reason).toBe('expired');

    // 取消接入 approved elsewhere in the records: the website is no longer served here.
    await p.ctx.db.updateTable('websites').set({ status: 'access_removed' }).where('id', '=', websiteId).execute();
    await p.ctx.db
      .updateTable('website_access_checks')
      .set({ next_check_at: p.clock.now() })
      .where('website_id', '=', websiteId)
      .execute();
    await sweepWebsiteAccess(p.ctx);
    const risk = await p.ctx.db
      .selectFrom('website_access_risks')
      .select('resolution')
      .where('website_id', '=', websiteId)
      .executeTakeFirstOrThrow();
    expect(risk.resolution).toBe('access_ended');
    const watch = await p.ctx.db
      .selectFrom('website_access_checks')
      .select('website_id')
      .where('website_id', '=', websiteId)
      .execute();
    expect(watch).toEqual([]);
  });
});

describe('access sweep with RESOURCE_INVENTORY=http', () => {
  let p: TestPlatform;
  let inventory: InventoryStandIn;
  let reviewer: LoggedIn;
  beforeAll(async () => {
    inventory = await startInventoryStandIn();
    p = await createTestPlatform({
      regulator: 'in_process',
      config: {
        RESOURCE_INVENTORY: 'http',
        INVENTORY_URL: inventory.url,
        INVENTORY_TOKEN: inventory.token,
        ACCESS_CHECK_INTERVAL_HOURS: '0.01',
      },
    });
    reviewer = await loginAs(p.app, p.ctx, 'reviewer');
    // The test applicants' servers (seeded into the platform's table by newApplicant) live in the stand-in.
    const mirror = p.ctx.db;
    const original = p.ctx.inventory;
    p.ctx.inventory = {
      ...original,
      async get(id) {
        const rows = await mirror.selectFrom('resources').selectAll().where('id', '=', id).execute();
        for (const r of rows) {
          inventory.put({
            id: r.id,
            accountId: r.account_id,
            kind: r.kind,
            name: r.name,
            region: r.region,
            publicIps: r.public_ips as string[],
            billingType: r.billing_type,
            expiresAt: new Date(r.expires_at).toISOString(),
            status: r.status,
          });
        }
        return original.get(id);
      },
    };
  });
  afterAll(async () => {
    await p?.close();
    await inventory?.close();
  });

  it('a server the inventory reports released is flagged; an outage leaves it due; renewed resolves', async () => {
    const { applicant, websiteId, resourceId } = await filedWebsite(p, reviewer);
    await runWorkerOnce(p.ctx);
    expect((await records(p, applicant)).websites[0].accessRisk).toBeNull();

    // Nothing due: the pass asks the inventory nothing.
    const asked = inventory.requests.length;
    expect((await sweepWebsiteAccess(p.ctx)).checked).toBe(0);
    expect(inventory.requests.length).toBe(asked);

    inventory.update(resourceId, { status: 'released' });
    p.clock.advance(60_000);
    inventory.failWith(503);
    expect(await sweepWebsiteAccess(p.ctx)).toMatchObject({ inventoryUnavailable: true, flagged: 0 });
    inventory.failWith(null);
    expect(await sweepWebsiteAccess(p.ctx)).toMatchObject({ flagged: 1 });
    expect(inventory.requests.at(-1)).toEqual({ path: `/resources?ids=${resourceId}`, authorised: true });
    expect((await records(p, applicant)).websites[0].accessRisk.reason).toBe('released');

    inventory.update(resourceId, { status: 'running' });
    p.clock.advance(60_000);
    expect(await sweepWebsiteAccess(p.ctx)).toMatchObject({ resolved: 1 });
    const a2 = await loginAs(p.app, p.ctx, 'reviewer');
    const list = await api(p, a2, 'GET', '/api/v1/admin/access-risks');
    expect(list.items.map((i: { websiteId: string }) => i.websiteId)).not.toContain(websiteId);
  });
});
