import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, injectJson, type LoggedIn, loginAs } from '../../test/support/http.ts';
import { createTestContext } from '../../test/support/test-context.ts';
import type { AppContext } from '../app-context.ts';

/** Issue 6 item 11: answers with personal data are never cached; an over-size JSON body names the body. */
let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
let applicant: LoggedIn;
let sub: LoggedIn;
let reviewer: LoggedIn;
let admin: LoggedIn;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildTestApp(ctx);
  applicant = await loginAs(app, ctx, 'applicant');
  sub = await loginAs(app, ctx, 'sub_account', { parent: applicant.user });
  reviewer = await loginAs(app, ctx, 'reviewer');
  admin = await loginAs(app, ctx, 'admin');
});
afterAll(async () => {
  await app.close();
  await close();
});

describe('issue-6.11 Cache-Control', () => {
  it('every authenticated API answer carries no-store, errors included', async () => {
    const reads: Array<[LoggedIn, string]> = [
      [applicant, '/api/v1/auth/me'],
      [applicant, '/api/v1/applicant/orders'],
      [applicant, '/api/v1/applicant/records'],
      [applicant, '/api/v1/applicant/notifications'],
      [sub, '/api/v1/applicant/orders'],
      [applicant, `/api/v1/applicant/orders/${crypto.randomUUID()}`],
      [applicant, `/api/v1/applicant/orders/${crypto.randomUUID()}/precheck`],
      [reviewer, '/api/v1/reviewer/queue'],
      [reviewer, `/api/v1/reviewer/orders/${crypto.randomUUID()}`],
      [admin, '/api/v1/admin/dev/sms-outbox'],
      [admin, '/api/v1/admin/dev/email-outbox'],
    ];
    for (const [who, url] of reads) {
      const res = await injectJson(app, { method: 'GET', url, cookie: who.cookie });
      expect(res.headers['cache-control'], `${url} (${res.statusCode})`).toBe('no-store');
    }
    // Listing an outbox shows unmasked recipients: each listing is audited (issue 6 item 12).
    const listed = await ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'dev_outbox.listed')
      .execute();
    expect(listed).toEqual([{ actor_id: admin.user.id }, { actor_id: admin.user.id }]);
  });

  it('the login answer (the user and a new session) is not cached either', async () => {
    const res = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: applicant.user.email, password: applicant.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('public lookup keeps its own public lifetime', async () => {
    const res = await injectJson(app, { method: 'GET', url: '/api/v1/public/lookup?domain=example.cn' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('issue-6.11 over-size bodies', () => {
  it('a JSON body over the limit answers 413 BODY_TOO_LARGE, not the file error', async () => {
    const res = await injectJson(app, {
      method: 'PUT',
      url: `/api/v1/applicant/orders/${crypto.randomUUID()}/data`,
      cookie: applicant.cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, data: { pad: 'x'.repeat(1024 * 1024 + 1) } }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', details: { maxBytes: 1024 * 1024 } });
  });
});
