import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, injectJson, loginAs } from '../../test/support/http.ts';
import { createTestContext } from '../../test/support/test-context.ts';
import type { AppContext } from '../app-context.ts';

/** Issue 6 item 12: with the settings off, the docs page and the dev outboxes do not exist. */
let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext({ config: { API_DOCS: 'false', DEV_OUTBOX_ENABLED: 'false' } }));
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await close();
});

describe('issue-6.12 settings switch off the docs page and the dev outboxes', () => {
  it('answers 404 for /api/docs but keeps the OpenAPI document', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('the dev outboxes answer 404 even to admins; when on, each listing is audited', async () => {
    const admin = await loginAs(app, ctx, 'admin');
    for (const url of ['/api/v1/admin/dev/sms-outbox', '/api/v1/admin/dev/email-outbox']) {
      expect((await injectJson(app, { method: 'GET', url, cookie: admin.cookie })).statusCode, url).toBe(404);
    }
    const listed = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'dev_outbox.listed')
      .execute();
    expect(listed).toHaveLength(0);
  });
});
