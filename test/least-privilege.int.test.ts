import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import { individualSubject, jpeg, multipart, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { type Applicant, api, completeAndSubmit, newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 6 item 10 (PIPL least privilege): staff see an order from its first submission on, never a draft never
 * handed in; a sub-account reads its applicant's data but never reveals it nor changes the inbox.
 */
let p: TestPlatform;
let owner: Applicant;
let sub: LoggedIn;
let reviewer: LoggedIn;
let admin: LoggedIn;
let orderId: string;
let materialId: string;
const ID_PATH = 'subject.responsiblePerson.idNumber';

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  owner = await newApplicant(p);
  sub = await loginAs(p.app, p.ctx, 'sub_account', { parent: owner.user });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
  admin = await loginAs(p.app, p.ctx, 'admin');
  const domain = uniqueDomain('pipl');
  const order = await api<OrderView>(
    p,
    owner,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  orderId = order.id;
  const rp = person();
  const { code, ip } = await owner.code();
  await api(p, owner, 'PUT', `/api/v1/applicant/orders/${orderId}/data`, {
    version: order.version,
    data: { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] },
  });
  const { payload, headers } = multipart({ kind: 'personal_id', validUntil: '2036-01-01' }, await jpeg());
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/v1/applicant/orders/${orderId}/materials`,
    payload,
    headers: { ...headers, cookie: owner.cookie },
  });
  materialId = res.json().id;
});
afterAll(async () => p?.close());

const staffReads = (who: LoggedIn) => ({
  view: injectJson(p.app, { method: 'GET', url: `/api/v1/reviewer/orders/${orderId}`, cookie: who.cookie }),
  reveal: injectJson(p.app, {
    method: 'POST',
    url: `/api/v1/reviewer/orders/${orderId}/reveal`,
    cookie: who.cookie,
    body: { path: ID_PATH, reason: '核对身份证件' },
  }),
  audit: injectJson(p.app, { method: 'GET', url: `/api/v1/reviewer/orders/${orderId}/audit`, cookie: who.cookie }),
  material: injectJson(p.app, {
    method: 'GET',
    url: `/api/v1/reviewer/materials/${materialId}/content`,
    cookie: who.cookie,
  }),
  queue: injectJson(p.app, { method: 'GET', url: '/api/v1/reviewer/queue?state=draft', cookie: who.cookie }),
});

describe('issue-6.10 staff see an order from its first submission on', () => {
  it('a draft never submitted is not found for reviewers and admins, and not listed in any queue', async () => {
    for (const who of [reviewer, admin]) {
      const r = staffReads(who);
      for (const [name, res] of Object.entries({
        view: await r.view,
        reveal: await r.reveal,
        audit: await r.audit,
        material: await r.material,
      })) {
        expect(res.statusCode, name).toBe(404);
        expect(res.body, name).not.toMatch(/\d{17}[\dX]/);
      }
      expect((await r.queue).json().items.map((o: { id: string }) => o.id)).not.toContain(orderId);
    }
    const reveals = await p.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'pi.revealed')
      .where('order_id', '=', orderId)
      .execute();
    expect(reveals).toHaveLength(0);
  });

  it('a sub-account reads its applicant’s order but can never reveal its personal data', async () => {
    const view = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/applicant/orders/${orderId}`,
      cookie: sub.cookie,
    });
    expect(view.statusCode).toBe(200);
    const reveal = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/reveal`,
      cookie: sub.cookie,
      body: { path: ID_PATH, reason: '查看' },
    });
    expect(reveal.statusCode).toBe(403);
    expect(reveal.json()).toMatchObject({ code: 'SUB_ACCOUNT_READ_ONLY' });
    expect(reveal.body).not.toMatch(/\d{17}[\dX]/);
    // The applicant itself still can.
    const own = await api(p, owner, 'POST', `/api/v1/applicant/orders/${orderId}/reveal`, {
      path: ID_PATH,
      reason: '本人查看',
    });
    expect(own.value).toMatch(/^\d{17}[\dX]$/);
  });

  it('once submitted, staff read, open and reveal it (audited), also after it went back to the applicant', async () => {
    const submitted = await completeAndSubmit(p, owner, orderId);
    expect(submitted.state).toBe('pending_provider_review');
    for (const who of [reviewer, admin]) {
      const r = staffReads(who);
      expect((await r.view).statusCode).toBe(200);
      expect((await r.reveal).json().value).toMatch(/^\d{17}[\dX]$/);
      expect((await r.audit).statusCode).toBe(200);
      // staffReads starts every request at once: read the trail again after the reveal has answered.
      const audit = await staffReads(who).audit;
      // Who revealed which field, and why, without the value.
      expect(audit.json().items).toContainEqual(
        expect.objectContaining({
          action: 'pi.revealed',
          actorRole: who.user.role,
          field: ID_PATH,
          reason: '核对身份证件',
        }),
      );
      expect(audit.body).not.toMatch(/\d{17}[\dX]/);
      expect((await r.material).statusCode).toBe(200);
    }
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${orderId}/provider-review`, {
      decision: 'reject',
      reasons: [{ field: 'subject.mailingAddress', code: 'ADDRESS_INCOMPLETE', message: '请填写详细地址' }],
    });
    expect((await staffReads(reviewer).view).statusCode).toBe(200);
  });
});

describe('issue-6.10 a sub-account does not change its applicant’s inbox', () => {
  it('marking an inbox item read answers SUB_ACCOUNT_READ_ONLY and leaves it unread; the applicant can', async () => {
    const id = crypto.randomUUID();
    await p.ctx.db
      .insertInto('notifications')
      .values({
        id,
        account_id: owner.user.id,
        order_id: null,
        template: 'draft_expired',
        locale: 'zh-CN',
        title: 't',
        body: 'b',
        sms_status: 'not_applicable',
        email_status: 'not_applicable',
        idempotency_key: `test:${id}`,
        created_at: p.clock.now(),
      })
      .execute();
    const asSub = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/notifications/${id}/read`,
      cookie: sub.cookie,
      body: {},
    });
    expect(asSub.statusCode).toBe(403);
    expect(asSub.json()).toMatchObject({ code: 'SUB_ACCOUNT_READ_ONLY' });
    const inbox = await api(p, sub, 'GET', '/api/v1/applicant/notifications');
    expect(inbox.items.find((i: { id: string }) => i.id === id)?.readAt).toBeNull();
    await api(p, owner, 'POST', `/api/v1/applicant/notifications/${id}/read`, {});
  });
});
