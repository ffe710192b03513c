import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseSubject, person, uniqueDomain, website } from '../../../test/support/filing-data.ts';
import { buildTestApp, injectJson, type LoggedIn, loginAs } from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { insertSubject, insertWebsite } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import type { AccountRecords } from '../../contracts/records-api.ts';

let ctx: AppContext;
let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await close();
});

const records = async (who: LoggedIn): Promise<AccountRecords> => {
  const res = await injectJson(app, { method: 'GET', url: '/api/v1/applicant/records', cookie: who.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as AccountRecords;
};
const byAction = (list: AccountRecords['actions']) => Object.fromEntries(list.map((a) => [a.action, a]));

/** A filed subject with one website on this platform, written the way an approval writes them. */
async function fileSubjectFor(accountId: string) {
  const rp = person();
  const subjectId = crypto.randomUUID();
  const websiteId = crypto.randomUUID();
  const domain = uniqueDomain('actions');
  const now = ctx.clock.now();
  const serial = String(Math.floor(Math.random() * 9e7) + 1e7);
  await insertSubject(ctx.db, ctx.cipher, {
    id: subjectId,
    accountId,
    province: 'beijing',
    subjectType: 'enterprise',
    icpNumber: `京ICP备${serial}号`,
    publicName: '北京云帆信息技术有限公司',
    data: enterpriseSubject(rp),
    approvedAt: now,
    certificateIndex: `bidx-${subjectId}`,
  });
  await insertWebsite(ctx.db, ctx.cipher, {
    id: websiteId,
    subjectId,
    accountId,
    domain,
    domainUnicode: domain,
    name: '云帆技术博客',
    icpNumber: `京ICP备${serial}号-1`,
    authorizationCode: null,
    data: website(domain, 'CODE', '124.1.1.1', rp),
    approvedAt: now,
  });
  return { subjectId, websiteId, domain };
}

describe('record actions in the records answer', () => {
  it('an account without a subject may only start a filing', async () => {
    const a = await loginAs(app, ctx, 'applicant');
    const r = await records(a);
    expect(r.subject).toBeNull();
    expect(r.openOrder).toBeNull();
    const acts = byAction(r.actions);
    expect(acts.file_website).toMatchObject({ allowed: true, reason: null });
    expect(acts.change_subject).toMatchObject({ allowed: false, reason: { code: 'TYPE_NO_SUBJECT_HERE' } });
    expect(acts.cancel_subject?.reason?.message.zhCN).toBeTruthy();
    expect(acts.cancel_subject?.reason?.message.enUS).toBeTruthy();
  });

  it('a filed subject allows every action until an order is open, then names that order', async () => {
    const a = await loginAs(app, ctx, 'applicant');
    const { websiteId } = await fileSubjectFor(a.user.accountId);
    let r = await records(a);
    expect(r.subject?.icpNumber).toMatch(/^京ICP备\d+号$/);
    expect(r.actions.every((x) => x.allowed)).toBe(true);
    expect(r.websites).toHaveLength(1);
    expect(r.websites[0]!.actions.map((x) => x.action)).toEqual([
      'change_website',
      'change_access',
      'cancel_website',
      'cancel_access',
    ]);
    expect(r.websites[0]!.actions.every((x) => x.allowed)).toBe(true);

    const start = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/applicant/orders',
      cookie: a.cookie,
      body: { kind: 'change_website', websiteIds: [websiteId] },
    });
    expect(start.statusCode, start.body).toBe(201);
    const orderId = JSON.parse(start.body).id as string;

    r = await records(a);
    expect(r.openOrder).toMatchObject({ id: orderId, type: 'change_website', state: 'draft' });
    expect(r.openOrder?.targetWebsiteIds).toEqual([websiteId]);
    for (const x of [...r.actions, ...r.websites[0]!.actions]) {
      expect(x).toMatchObject({ allowed: false, reason: { code: 'ORDER_ALREADY_OPEN' } });
    }

    // Abandoning the order frees the actions again.
    const abandon = await injectJson(app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/abandon`,
      cookie: a.cookie,
      body: {},
    });
    expect(abandon.statusCode, abandon.body).toBe(200);
    r = await records(a);
    expect(r.openOrder).toBeNull();
    expect(r.actions.every((x) => x.allowed)).toBe(true);
  });

  it('a sub-account reads the records with every action refused as SUB_ACCOUNT_CANNOT_FILE', async () => {
    const parent = await loginAs(app, ctx, 'applicant');
    await fileSubjectFor(parent.user.accountId);
    const sub = await loginAs(app, ctx, 'sub_account', { parent: parent.user });
    const r = await records(sub);
    expect(r.subject).not.toBeNull();
    for (const x of [...r.actions, ...r.websites.flatMap((w) => w.actions)]) {
      expect(x).toMatchObject({ allowed: false, reason: { code: 'SUB_ACCOUNT_CANNOT_FILE' } });
    }
  });

  it('an account not real-name verified is told so before it tries', async () => {
    const a = await loginAs(app, ctx, 'applicant', { realNameVerified: false });
    const r = await records(a);
    expect(byAction(r.actions).file_website).toMatchObject({
      allowed: false,
      reason: { code: 'ACCOUNT_NOT_REAL_NAME_VERIFIED' },
    });
  });
});
