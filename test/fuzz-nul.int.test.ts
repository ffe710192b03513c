import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/app-context.ts';
import { buildTestApp, injectJson, type LoggedIn, loginAs, uniqueEmail } from './support/http.ts';
import { createTestContext } from './support/test-context.ts';

/**
 * Issue 6 item 7: U+0000 (and other C0 controls, lone surrogates) reached PostgreSQL from 14 input points and
 * answered 500. Each must now be refused at the contract with 400 VALIDATION_FAILED naming the field.
 */
let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
let applicant: LoggedIn;
let reviewer: LoggedIn;
let admin: LoggedIn;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildTestApp(ctx);
  [applicant, reviewer, admin] = [
    await loginAs(app, ctx, 'applicant'),
    await loginAs(app, ctx, 'reviewer'),
    await loginAs(app, ctx, 'admin'),
  ];
});
afterAll(async () => {
  await app.close();
  await close();
});

type Who = 'anonymous' | 'applicant' | 'reviewer' | 'admin';
const cookieOf = (who: Who) => (who === 'anonymous' ? undefined : { applicant, reviewer, admin }[who].cookie);

const NUL = '\u0000';
const orderId = () => randomUUID();

const cases: Array<[string, Who, 'GET' | 'POST' | 'PUT', () => string, (() => unknown) | undefined, string]> = [
  ['lookup number', 'anonymous', 'GET', () => '/api/v1/public/lookup?number=%00', undefined, 'querystring.number'],
  [
    'lookup subject',
    'anonymous',
    'GET',
    () => '/api/v1/public/lookup?subject=%E7%8E%8B%00',
    undefined,
    'querystring.subject',
  ],
  ['lookup domain', 'anonymous', 'GET', () => '/api/v1/public/lookup?domain=a%00.cn', undefined, 'querystring.domain'],
  [
    'login email',
    'anonymous',
    'POST',
    () => '/api/v1/auth/login',
    () => ({ email: `a${NUL}@b.cn`, password: 'x' }),
    'body.email',
  ],
  [
    'register displayName',
    'anonymous',
    'POST',
    () => '/api/v1/auth/register',
    () => ({ email: uniqueEmail(), password: 'Aa1-long-enough-pw', displayName: `王${NUL}` }),
    'body.displayName',
  ],
  [
    'sub-account displayName (lone surrogate)',
    'applicant',
    'POST',
    () => '/api/v1/auth/sub-accounts',
    () => ({ email: uniqueEmail(), password: 'Aa1-long-enough-pw', displayName: 'x\ud800' }),
    'body.displayName',
  ],
  [
    'admin user displayName',
    'admin',
    'POST',
    () => '/api/v1/admin/users',
    () => ({ email: uniqueEmail(), password: 'Aa1-long-enough-pw', role: 'reviewer', displayName: `a${NUL}` }),
    'body.displayName',
  ],
  ...(['name', 'region'] as const).map((field): (typeof cases)[number] => [
    `resource ${field}`,
    'admin',
    'POST',
    () => '/api/v1/admin/resources',
    () => ({
      accountId: applicant.user.accountId,
      kind: 'server',
      name: 'n',
      region: 'r',
      publicIps: [],
      billingType: 'prepaid',
      expiresAt: '2030-01-01T00:00:00Z',
      [field]: `x${NUL}y`,
    }),
    `body.${field}`,
  ]),
  [
    'code in path',
    'admin',
    'POST',
    () => '/api/v1/admin/authorization-codes/%00/invalidation',
    undefined,
    'params.code',
  ],
  [
    'invalidation reason',
    'admin',
    'POST',
    () => '/api/v1/admin/authorization-codes/ABC/invalidation',
    () => ({ reason: `r${NUL}` }),
    'body.reason',
  ],
  [
    'resourceId query',
    'applicant',
    'GET',
    () => '/api/v1/applicant/authorization-codes?resourceId=%00',
    undefined,
    'querystring.resourceId',
  ],
  [
    'resourceId body',
    'applicant',
    'POST',
    () => '/api/v1/applicant/authorization-codes',
    () => ({ resourceId: `i-${NUL}` }),
    'body.resourceId',
  ],
  [
    'cancel reason',
    'applicant',
    'POST',
    () => '/api/v1/applicant/orders',
    () => ({ kind: 'cancel_subject', reason: NUL }),
    'body.reason',
  ],
  [
    'new order domain',
    'applicant',
    'POST',
    () => '/api/v1/applicant/orders',
    () => ({ kind: 'new', domain: `a${NUL}.cn`, subjectAlreadyFiled: false }),
    'body.domain',
  ],
  [
    'draft sponsor name',
    'applicant',
    'PUT',
    () => `/api/v1/applicant/orders/${orderId()}/data`,
    () => ({ version: 1, data: { subject: { sponsorName: `公司${NUL}` }, websites: [] } }),
    'body.data.subject.sponsorName',
  ],
  [
    'draft website remarks (vertical tab)',
    'applicant',
    'PUT',
    () => `/api/v1/applicant/orders/${orderId()}/data`,
    () => ({ version: 1, data: { websites: [{ remarks: 'a\u000bb' }] } }),
    'body.data.websites.0.remarks',
  ],
  [
    'rejection reason message',
    'reviewer',
    'POST',
    () => `/api/v1/reviewer/orders/${orderId()}/provider-review`,
    () => ({ decision: 'reject', reasons: [{ field: 'subject.name', code: 'BAD_NAME', message: `m${NUL}` }] }),
    'body.reasons.0.message',
  ],
  [
    'reveal reason',
    'reviewer',
    'POST',
    () => `/api/v1/reviewer/orders/${orderId()}/reveal`,
    () => ({ path: 'subject.responsiblePerson.idNumber', reason: `why${NUL}` }),
    'body.reason',
  ],
];

describe('NUL, control characters and lone surrogates are refused at the contract', () => {
  it.each(cases)('%s', async (_name, who, method, url, body, field) => {
    const cookie = cookieOf(who);
    const response = await injectJson(app, {
      method,
      url: url(),
      ...(cookie ? { cookie } : {}),
      ...(body ? { body: body() } : {}),
    });
    expect(response.statusCode, response.body).toBe(400);
    const json = response.json();
    expect(json.code).toBe('VALIDATION_FAILED');
    expect(json.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it.each([
    '/api/v1/applicant/orders/%00',
    '/api/v1/applicant/orders/%00/precheck',
    '/api/v1/applicant/materials/%00/content',
    '/api/v1/applicant/%00',
  ])('a NUL in the path (%s) gives 400 or 404, never 500', async (url) => {
    const response = await injectJson(app, { method: 'GET', url, cookie: applicant.cookie });
    expect([400, 404]).toContain(response.statusCode);
  });

  it('multi-line reasons keep their line breaks', async () => {
    const response = await injectJson(app, {
      method: 'POST',
      url: `/api/v1/reviewer/orders/${orderId()}/provider-review`,
      cookie: reviewer.cookie,
      body: { decision: 'reject', reasons: [{ field: 'subject.name', code: 'BAD_NAME', message: '第一行\n\t第二行' }] },
    });
    // The order does not exist: the body passed its schema and the handler answered.
    expect(response.statusCode).toBe(404);
  });
});
