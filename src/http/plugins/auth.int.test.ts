import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, injectJson, loginAs, uniqueEmail } from '../../../test/support/http.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';

/** Plugin-level rules: cookie attributes, CSRF, fail-closed access. */
let plain: TestContext;
let secure: TestContext;
let app: FastifyInstance;
let secureApp: FastifyInstance;

beforeAll(async () => {
  [plain, secure] = await Promise.all([createTestContext(), createTestContext({ config: { COOKIE_SECURE: 'true' } })]);
  app = await buildTestApp(plain.ctx);
  // Test-only routes, added before the app is ready, to exercise the access rules.
  app.get('/api/v1/test/unruled', async () => ({ ok: true }));
  app.post('/sim/test/unruled', async () => ({ ok: true }));
  app.get('/test-static/unruled', async () => ({ ok: true }));
  app.post('/api/v1/test/public', { config: { access: 'public' } }, async () => ({ ok: true }));
  secureApp = await buildTestApp(secure.ctx);
});
afterAll(async () => {
  await Promise.all([app.close(), secureApp.close()]);
  await Promise.all([plain.close(), secure.close()]);
});

const setCookieHeader = (headers: Record<string, unknown>): string => {
  const value = headers['set-cookie'];
  return Array.isArray(value) ? value.join('\n') : String(value);
};

describe('session cookie attributes', () => {
  it('asvs-3.3.1 with COOKIE_SECURE the cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain', async () => {
    const { user, password } = await loginAs(secureApp, secure.ctx, 'applicant');
    const res = await injectJson(secureApp, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: user.email, password },
    });
    const header = setCookieHeader(res.headers);
    expect(header).toMatch(/^__Host-beian_sid=[A-Za-z0-9_-]{43};/);
    const attributes = header
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    expect(attributes.some((a) => a.startsWith('domain'))).toBe(false);
    expect(attributes.some((a) => a.startsWith('max-age') || a.startsWith('expires'))).toBe(false);
  });

  it('asvs-3.3.4 the secure app reads only the __Host- cookie', async () => {
    const { cookie } = await loginAs(secureApp, secure.ctx, 'applicant');
    const [, value] = cookie.split('=');
    const ok = await injectJson(secureApp, { method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(ok.statusCode).toBe(200);
    const plainName = await injectJson(secureApp, {
      method: 'GET',
      url: '/api/v1/auth/me',
      cookie: `beian_sid=${value}`,
    });
    expect(plainName.statusCode).toBe(401);
  });

  it('asvs-3.3.2 without COOKIE_SECURE (development) the cookie is still HttpOnly and SameSite=Lax', async () => {
    const { user, password } = await loginAs(app, plain.ctx, 'applicant');
    const res = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: user.email, password },
    });
    const header = setCookieHeader(res.headers);
    expect(header).toMatch(/^beian_sid=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Domain|Secure/);
  });
});

describe('CSRF', () => {
  const body = () => ({ email: uniqueEmail('csrf'), password: 'correct-horse-42-battery', displayName: 'x' });

  it('asvs-3.5.1 refuses a state-changing request marked Sec-Fetch-Site: cross-site', async () => {
    const res = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/auth/register',
      body: body(),
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'cross_site_request' } });
  });

  it('asvs-3.5.1 refuses a foreign or opaque Origin, with or without a session', async () => {
    const { cookie } = await loginAs(app, plain.ctx, 'applicant');
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
      const res = await injectJson(app, { method: 'POST', url: '/api/v1/auth/logout', cookie, headers: { origin } });
      expect(res.statusCode, origin).toBe(403);
    }
    expect((await injectJson(app, { method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
  });

  it('asvs-3.5.3 allows same-origin, same-site and header-less requests', async () => {
    const variants: Array<Record<string, string>> = [
      { origin: 'http://localhost' },
      { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-site' },
      {},
    ];
    for (const headers of variants) {
      const res = await injectJson(app, { method: 'POST', url: '/api/v1/auth/register', body: body(), headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(202);
    }
  });

  it('asvs-3.5.3 does not apply to safe methods', async () => {
    const res = await injectJson(app, {
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('route access rules', () => {
  it('asvs-8.2.1 a route under /api or /sim without an access rule is refused (fail closed)', async () => {
    const admin = await loginAs(app, plain.ctx, 'admin');
    const unruled = await injectJson(app, { method: 'GET', url: '/api/v1/test/unruled', cookie: admin.cookie });
    expect(unruled.statusCode).toBe(403);
    expect(unruled.json()).toMatchObject({ details: { reason: 'route_without_access_rule' } });
    expect((await injectJson(app, { method: 'POST', url: '/sim/test/unruled' })).statusCode).toBe(403);
  });

  it('routes outside /api and /sim, public routes and unknown URLs behave normally', async () => {
    expect((await injectJson(app, { method: 'GET', url: '/test-static/unruled' })).statusCode).toBe(200);
    expect((await injectJson(app, { method: 'POST', url: '/api/v1/test/public' })).statusCode).toBe(200);
    const unknown = await injectJson(app, { method: 'GET', url: '/api/v1/does-not-exist' });
    expect(unknown.statusCode).toBe(404);
  });

  it('public routes do not resolve the session a signed-in browser sends', async () => {
    const applicant = await loginAs(app, plain.ctx, 'applicant');
    // An idle-expired session is deleted when it is resolved: its row surviving shows the public route skipped it.
    plain.clock.advance(31 * 60_000);
    const rows = () => plain.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', applicant.user.id);
    expect((await injectJson(app, { method: 'GET', url: '/api/health', cookie: applicant.cookie })).statusCode).toBe(
      200,
    );
    expect(await rows().execute()).toHaveLength(1);
    const me = await injectJson(app, { method: 'GET', url: '/api/v1/auth/me', cookie: applicant.cookie });
    expect(me.statusCode).toBe(401);
    expect(await rows().execute()).toHaveLength(0);
  });
});
