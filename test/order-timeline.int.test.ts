import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import type { TimelineResponse } from '../src/contracts/timeline-api.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import {
  type Applicant,
  adminDecides,
  api,
  completeAndSubmit,
  getOrder,
  newApplicant,
  passProviderStages,
  verifyAllSms,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/** GET /applicant/orders/:id/timeline: the order page's history, from the audit log, without staff identities. */
let p: TestPlatform;
let reviewer: LoggedIn;
let a: Applicant;
let orderId: string;
const rp = person({ name: '赵时间' });

beforeAll(async () => {
  p = await createTestPlatform();
  reviewer = await loginAs(p.app, p.ctx, 'reviewer', { displayName: '审核员张三' });
  a = await newApplicant(p);
  const domain = uniqueDomain('timeline');
  const order = await api<OrderView>(
    p,
    a,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  orderId = order.id;
  const { code, ip } = await a.code();
  await completeAndSubmit(p, a, orderId, {
    subject: individualSubject(rp),
    websites: [website(domain, code, ip, rp, { name: '赵时间的博客' })],
  });
});
afterAll(async () => p?.close());

const timeline = (who: LoggedIn) =>
  api<TimelineResponse>(p, who, 'GET', `/api/v1/applicant/orders/${orderId}/timeline`);

describe('order timeline', () => {
  it('lists creation, agreements and submission with the applicant as actor and the expected durations', async () => {
    const t = await timeline(a);
    expect(t.items.map((i) => i.event)).toEqual(['created', 'terms_accepted', 'submit']);
    expect(t.items.every((i) => i.actor === 'applicant')).toBe(true);
    expect(t.items[2]).toMatchObject({
      fromState: 'draft',
      toState: 'pending_provider_review',
      title: { zhCN: '提交备案申请' },
      toStateLabel: { zhCN: '待初审' },
      actorLabel: { zhCN: '申请人', enUS: 'Applicant' },
    });
    expect(t.expected).toEqual({ providerReviewWorkingDays: { min: 1, max: 2 }, adminReviewWorkingDays: 20 });
  });

  it('names the reviewer by role, MIIT and the 管局 by institution, and never shows a staff e-mail or name', async () => {
    await passProviderStages(p, a, reviewer, orderId);
    const smsView = await getOrder(p, a, orderId);
    expect(smsView.state).toBe('pending_sms_verification');
    // The SMS persons say whose mobile it is (sms-targets.ts): one person is both responsible persons here.
    expect(smsView.sms?.persons[0]?.roles).toEqual([{ role: 'subject' }, { role: 'website', websiteIndex: 0 }]);
    await verifyAllSms(p, orderId, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, orderId, 'approve');
    const t = await timeline(a);
    const byEvent = Object.fromEntries(t.items.map((i) => [i.event, i]));
    expect(byEvent.provider_approve).toMatchObject({
      actor: 'provider_reviewer',
      actorLabel: { zhCN: '接入商审核员' },
    });
    expect(byEvent.regulator_accepted).toMatchObject({ actor: 'miit', toState: 'pending_sms_verification' });
    expect(byEvent.sms_all_verified).toMatchObject({ actor: 'miit', toState: 'pending_admin_review' });
    expect(byEvent.admin_approve).toMatchObject({
      actor: 'administration',
      actorLabel: { zhCN: '管局' },
      toState: 'approved',
    });
    // Oldest first.
    const times = t.items.map((i) => Date.parse(i.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    const body = JSON.stringify(t);
    for (const secret of [reviewer.user.email, '审核员张三', reviewer.user.id, a.user.email, rp.mobile, rp.idNumber]) {
      expect(body).not.toContain(secret);
    }
    // Saves and uploads are not steps.
    expect(t.items.some((i) => i.event === 'data_saved')).toBe(false);
  });

  it('another account gets ORDER_NOT_FOUND; a sub-account of the owner may read; anonymous needs sign-in', async () => {
    const other = await newApplicant(p);
    const res = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/applicant/orders/${orderId}/timeline`,
      cookie: other.cookie,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ORDER_NOT_FOUND');
    const missing = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/applicant/orders/${crypto.randomUUID()}/timeline`,
      cookie: a.cookie,
    });
    expect(missing.json().code).toBe('ORDER_NOT_FOUND');
    const asReviewer = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/applicant/orders/${orderId}/timeline`,
      cookie: reviewer.cookie,
    });
    expect(asReviewer.statusCode).toBe(403);
    const sub = await loginAs(p.app, p.ctx, 'sub_account', { parent: a.user });
    expect((await timeline(sub)).items.length).toBeGreaterThan(3);
    const anonymous = await injectJson(p.app, { method: 'GET', url: `/api/v1/applicant/orders/${orderId}/timeline` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('GET /public/config names the SMS verification page and MIIT’s limits without a session', async () => {
    const res = await injectJson(p.app, { method: 'GET', url: '/api/v1/public/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json().smsVerification).toMatchObject({ windowHours: 24, maxResends: 2, maxWrongAttempts: 5 });
    expect(res.json().smsVerification.url).toMatch(/\/sms$|^https:\/\/beian\.miit\.gov\.cn\/$/);
  });
});
