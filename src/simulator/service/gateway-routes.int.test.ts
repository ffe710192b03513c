import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DomainFilingStatusSchema,
  RegulatorOrderStatusSchema,
  SubjectNumberStatusSchema,
  SubmissionRefSchema,
} from '../../contracts/regulator-protocol.ts';
import { anIndividualSubject, aPerson, aSubmission, aWebsite, filedRecordFor, smsTarget } from '../test-builders.ts';
import { auth, createTestService, TEST_API_KEY, type TestService } from './test-support.ts';

let t: TestService;
beforeAll(async () => {
  t = await createTestService();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const wang = aPerson('wang');
const submission = (key: string) =>
  aSubmission('first_filing', {
    idempotencyKey: key,
    orderId: key.split(':')[0],
    subject: anIndividualSubject(wang),
    websites: [aWebsite('gateway-test.cn', wang)],
    smsTargets: [smsTarget(wang, [{ role: 'subject' }, { role: 'website', websiteIndex: 0 }])],
  });

describe('gateway API authentication', () => {
  it.each([
    ['no header', {}],
    ['a wrong key', { authorization: 'Bearer wrong-key-wrong-key-wrong' }],
    ['a key prefix', { authorization: `Bearer ${TEST_API_KEY.slice(0, -1)}` }],
    ['another scheme', { authorization: `Basic ${TEST_API_KEY}` }],
  ])('refuses %s with 401', async (_label, headers) => {
    for (const url of ['/api/gateway/domains/example.cn', '/api/gateway/orders/X/status']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/gateway/submissions',
      headers: { ...headers, 'idempotency-key': 'o-1:1' },
      payload: submission('o-1:1'),
    });
    expect(post.statusCode).toBe(401);
    expect(await t.app.simulator.sim.listOrders()).toEqual([]);
  });
});

describe('gateway submissions', () => {
  it('is idempotent on the key: a repeat returns the same ref and sends no second SMS', async () => {
    const body = submission('o-2:1');
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/gateway/submissions',
        headers: { ...auth, 'idempotency-key': 'o-2:1' },
        payload: body,
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    const { regulatorRef } = SubmissionRefSchema.parse(first.json());
    const second = await send();
    expect(second.json()).toEqual({ regulatorRef });
    expect(await t.app.simulator.sim.readOutbox({ mobile: wang.mobile })).toHaveLength(1);

    const found = await t.app.inject({ method: 'GET', url: '/api/gateway/submissions/o-2%3A1', headers: auth });
    expect(found.json()).toEqual({ regulatorRef });
    const missing = await t.app.inject({ method: 'GET', url: '/api/gateway/submissions/nope', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a header key that differs from the body, or none at all', async () => {
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/api/gateway/submissions',
      headers: { ...auth, 'idempotency-key': 'other:1' },
      payload: submission('o-3:1'),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISMATCH' });
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/gateway/submissions',
      headers: auth,
      payload: submission('o-3:1'),
    });
    expect(none.statusCode).toBe(400);
    expect(await t.app.simulator.sim.listOrders()).toEqual([]);
  });

  it('validates the body against the protocol schema', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/gateway/submissions',
      headers: { ...auth, 'idempotency-key': 'o-4:1' },
      payload: { ...submission('o-4:1'), province: 'atlantis' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('gateway status and lookups', () => {
  it('reports the order status per the protocol schema, 404 for an unknown ref', async () => {
    const ref = await t.submitWithSms();
    const res = await t.app.inject({ method: 'GET', url: `/api/gateway/orders/${ref}/status`, headers: auth });
    expect(res.statusCode).toBe(200);
    const status = RegulatorOrderStatusSchema.parse(res.json());
    expect(status).toMatchObject({ state: 'sms_pending', persons: [{ mobileMasked: '138****0001' }] });

    const unknown = await t.app.inject({ method: 'GET', url: '/api/gateway/orders/NOPE/status', headers: auth });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('looks up domains and (URL-encoded) subject numbers', async () => {
    const filed = await t.app.simulator.sim.createFiledRecord(
      filedRecordFor(anIndividualSubject(wang), [{ domain: 'filed-one.cn', name: '已备案网站' }]),
    );
    const domain = await t.app.inject({ method: 'GET', url: '/api/gateway/domains/filed-one.cn', headers: auth });
    expect(DomainFilingStatusSchema.parse(domain.json())).toEqual({
      filed: true,
      subjectNumber: filed.subjectNumber,
      websiteNumber: filed.websites[0]?.websiteNumber,
      subjectName: wang.name,
      province: 'beijing',
      accessProviderCount: 1,
    });
    const free = await t.app.inject({ method: 'GET', url: '/api/gateway/domains/free-one.cn', headers: auth });
    expect(DomainFilingStatusSchema.parse(free.json())).toEqual({ filed: false });

    const subject = await t.app.inject({
      method: 'GET',
      url: `/api/gateway/subjects/${encodeURIComponent(filed.subjectNumber)}`,
      headers: auth,
    });
    expect(SubjectNumberStatusSchema.parse(subject.json())).toMatchObject({ found: true, active: true });
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/gateway/subjects/${encodeURIComponent('京ICP备1999000001号')}`,
      headers: auth,
    });
    expect(SubjectNumberStatusSchema.parse(none.json())).toEqual({ found: false });
  });

  it('publishes the gateway and control routes in its OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/gateway/submissions',
        '/api/gateway/submissions/{idempotencyKey}',
        '/api/gateway/orders/{ref}/status',
        '/api/gateway/domains/{domain}',
        '/api/gateway/subjects/{number}',
        '/api/sms/verify',
        '/api/clock/advance',
      ]),
    );
    expect(paths).not.toContain('/sms');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });
});
