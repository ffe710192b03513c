import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anIndividualSubject, aPerson, aSubmission, aWebsite, smsTarget } from '../test-builders.ts';
import { createTestSimulator, type TestSimulator } from '../test-support.ts';
import { simulatorRoutes } from './routes.ts';

let t: TestSimulator;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestSimulator();
  app = Fastify();
  await app.register(simulatorRoutes, { prefix: '/sim', sim: t.sim });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});
beforeEach(async () => t.reset());

const wang = aPerson('wang');
const idLast6 = wang.idNumber.slice(-6);

async function submitWithSms() {
  const { regulatorRef } = await t.gateway.submit(
    aSubmission('first_filing', {
      subject: anIndividualSubject(wang),
      websites: [aWebsite('http-test.cn')],
      smsTargets: [smsTarget(wang, [{ role: 'subject' }, { role: 'website', websiteIndex: 0 }])],
    }),
  );
  return regulatorRef;
}

describe('/sim HTTP routes', () => {
  it('walks an order through outbox, verify, review and decision', async () => {
    const ref = await submitWithSms();
    const outbox = await app.inject({ method: 'GET', url: `/sim/api/sms/outbox?mobile=${wang.mobile}` });
    expect(outbox.statusCode).toBe(200);
    const [message] = outbox.json().messages;
    expect(message).toMatchObject({ orderRef: ref, mobile: wang.mobile });
    const code = /(\d{6})/.exec(message.text)?.[1];

    const wrong = await app.inject({
      method: 'POST',
      url: '/sim/api/sms/verify',
      payload: { mobile: wang.mobile, code, idLast6: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'SMS_ID_MISMATCH', details: { attemptsLeft: 4 } });

    const ok = await app.inject({
      method: 'POST',
      url: '/sim/api/sms/verify',
      payload: { mobile: wang.mobile, code, idLast6 },
    });
    expect(ok.json()).toEqual({ result: 'verified', orderRef: ref, orderState: 'admin_review' });

    const list = await app.inject({ method: 'GET', url: '/sim/api/orders?state=admin_review' });
    expect(list.json().orders.map((o: { ref: string }) => o.ref)).toEqual([ref]);
    const detail = await app.inject({ method: 'GET', url: `/sim/api/orders/${ref}` });
    expect(detail.json()).toMatchObject({
      ref,
      state: 'admin_review',
      status: { state: 'admin_review', smsRequired: true },
      persons: [{ mobile: wang.mobile, state: 'verified', wrongAttempts: 1 }],
      submission: { type: 'first_filing' },
    });

    const badReject = await app.inject({
      method: 'POST',
      url: `/sim/api/orders/${ref}/decision`,
      payload: { decision: 'reject', reasons: [] },
    });
    expect(badReject.statusCode).toBe(400);
    expect(badReject.json().code).toBe('INVALID_INPUT');

    const approve = await app.inject({
      method: 'POST',
      url: `/sim/api/orders/${ref}/decision`,
      payload: { decision: 'approve' },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({ ref, status: { state: 'approved', subjectNumber: '京ICP备2026000001号' } });
    const again = await app.inject({
      method: 'POST',
      url: `/sim/api/orders/${ref}/decision`,
      payload: { decision: 'approve' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORDER_NOT_IN_REVIEW');

    const records = await app.inject({ method: 'GET', url: '/sim/api/records?number=京ICP备2026000001号-1' });
    expect(records.json().subjects[0]).toMatchObject({
      number: '京ICP备2026000001号',
      websites: [{ number: '京ICP备2026000001号-1', domain: 'http-test.cn', accessProviderCount: 1 }],
    });
  });

  it('maps simulator errors to 404 and 409 and validates input', async () => {
    expect((await app.inject({ method: 'GET', url: '/sim/api/orders/SIM000' })).statusCode).toBe(404);
    const notPending = await app.inject({
      method: 'POST',
      url: '/sim/api/sms/resend',
      payload: { mobile: wang.mobile, idLast6 },
    });
    expect(notPending.statusCode).toBe(409);
    expect(notPending.json()).toMatchObject({ code: 'SMS_NOT_PENDING', message: expect.any(String) });
    expect((await app.inject({ method: 'GET', url: '/sim/api/orders?state=bogus' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/sim/api/records' })).statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'PUT', url: '/sim/api/policies/atlantis', payload: { mode: 'manual' } })).statusCode,
    ).toBe(400);
  });

  it('resends up to the limit over HTTP', async () => {
    await submitWithSms();
    const resend = () =>
      app.inject({ method: 'POST', url: '/sim/api/sms/resend', payload: { mobile: wang.mobile, idLast6 } });
    expect((await resend()).json().resent[0]).toMatchObject({ resendCount: 1, resendsLeft: 1 });
    expect((await resend()).statusCode).toBe(200);
    const third = await resend();
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('SMS_RESEND_LIMIT');
  });

  it('sets policies, edits the registry and ticks', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/sim/api/policies/guangdong',
      payload: { mode: 'auto_approve', delaySeconds: 30 },
    });
    expect(put.json()).toEqual({ province: 'guangdong', mode: 'auto_approve', delaySeconds: 30 });
    const policies = await app.inject({ method: 'GET', url: '/sim/api/policies' });
    expect(policies.json().policies).toHaveLength(31);

    const created = await app.inject({
      method: 'POST',
      url: '/sim/api/domains',
      payload: {
        domain: 'WWW.Registry-Test.com.cn',
        realNameStatus: 'verified_not_reported',
        registrant: { name: wang.name, certificateType: 'resident_id', certificateNumber: wang.idNumber },
      },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      domain: 'registry-test.com.cn',
      tld: 'cn',
      tldApproved: true,
      realNameReportedAt: null,
    });
    const noRegistrant = await app.inject({
      method: 'POST',
      url: '/sim/api/domains',
      payload: { domain: 'new-one.cn' },
    });
    expect(noRegistrant.statusCode).toBe(400);

    t.clock.advance(3 * 24 * 3600_000);
    const tick = await app.inject({ method: 'POST', url: '/sim/api/tick' });
    expect(tick.json()).toEqual({ smsExpired: [], domainsReported: 1, autoDecided: [] });
    const records = await app.inject({ method: 'GET', url: '/sim/api/records?domain=registry-test.com.cn' });
    expect(records.json()).toMatchObject({ registry: { realNameStatus: 'verified' }, subjects: [] });
  });
});
