import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  injectJson,
  loginAs,
  relogin,
  sessionCookieFrom,
  uniqueEmail,
} from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;
let app: FastifyInstance;
beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await close();
});

const PASSWORD = 'correct-horse-42-battery';
const AUTH = '/api/v1/auth';

const register = (body: Record<string, unknown>) => injectJson(app, { method: 'POST', url: `${AUTH}/register`, body });
const loginRequest = (email: string, password: string, cookie?: string) =>
  injectJson(app, { method: 'POST', url: `${AUTH}/login`, body: { email, password }, cookie });
const me = (cookie?: string) => injectJson(app, { method: 'GET', url: `${AUTH}/me`, cookie });

describe('register, login, me, logout', () => {
  it('asvs-6.2.1 registers, logs in, reads /me and logs out', async () => {
    const email = uniqueEmail('flow');
    const created = await register({ email, password: PASSWORD, displayName: '张三' });
    expect(created.statusCode).toBe(202);
    expect(created.json()).toEqual({ status: 'accepted', next: 'login', message: expect.any(String) });
    expect(created.body).not.toMatch(/argon2|password/i);

    const loggedIn = await loginRequest(email, PASSWORD);
    expect(loggedIn.statusCode).toBe(200);
    const user = loggedIn.json();
    expect(user).toEqual({
      id: expect.any(String),
      email,
      role: 'applicant',
      displayName: '张三',
      accountId: user.id,
      realNameVerified: false,
      secondFactor: 'done',
    });
    const cookie = sessionCookieFrom(loggedIn, ctx);
    expect((await me(cookie)).json()).toEqual(user);

    const out = await injectJson(app, { method: 'POST', url: `${AUTH}/logout`, cookie });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'beian_sid');
    expect(cleared?.value).toBe('');
    expect(new Date(cleared!.expires!).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('asvs-7.4.1 the cookie of a logged-out session gets 401 everywhere', async () => {
    const { cookie } = await loginAs(app, ctx, 'applicant');
    await injectJson(app, { method: 'POST', url: `${AUTH}/logout`, cookie });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await injectJson(app, { method: 'POST', url: `${AUTH}/logout`, cookie })).statusCode).toBe(401);
    expect((await injectJson(app, { method: 'POST', url: `${AUTH}/sub-accounts`, cookie, body: {} })).statusCode).toBe(
      401,
    );
  });

  it('asvs-7.4.2 the cookie of a disabled account gets 401', async () => {
    const { cookie, user } = await loginAs(app, ctx, 'applicant');
    await ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    expect((await me(cookie)).json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('asvs-7.2.4 every login issues a new session id and the presented one stops working', async () => {
    const { cookie, user, password } = await loginAs(app, ctx, 'applicant');
    const again = await loginRequest(user.email, password, cookie);
    const newCookie = sessionCookieFrom(again, ctx);
    expect(newCookie).not.toBe(cookie);
    expect(newCookie).toMatch(/^beian_sid=[A-Za-z0-9_-]{43}$/);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(newCookie)).statusCode).toBe(200);
  });

  it('asvs-7.3.1 /me is refused after 30 idle minutes', async () => {
    const { cookie } = await loginAs(app, ctx, 'applicant');
    clock.advance(30 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('credentials and password policy', () => {
  it('asvs-6.3.8 answers a wrong password and an unknown e-mail identically', async () => {
    const { user } = await loginAs(app, ctx, 'applicant');
    const wrong = await loginRequest(user.email, 'not-the-password-1');
    const unknown = await loginRequest(uniqueEmail('ghost'), 'not-the-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('asvs-6.3.1 answers 429 after 5 failures and lets the owner in after the lock', async () => {
    const { user, password } = await loginAs(app, ctx, 'applicant');
    for (let i = 0; i < 5; i++) expect((await loginRequest(user.email, `wrong-password-${i}`)).statusCode).toBe(401);
    const locked = await loginRequest(user.email, password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'AUTH_TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 1 } });
    expect(locked.headers['retry-after']).toBe('1');
    clock.advance(1000);
    expect((await loginRequest(user.email, password)).statusCode).toBe(200);
  });

  it('asvs-6.2.1 refuses 11 characters and accepts 12', async () => {
    const short = await register({ email: uniqueEmail(), password: 'Abcdefgh-11', displayName: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'AUTH_WEAK_PASSWORD', details: { reason: 'too_short' } });
    expect((await register({ email: uniqueEmail(), password: 'Abcdefgh-123', displayName: 'x' })).statusCode).toBe(202);
  });

  it('asvs-6.2.4 refuses a common password', async () => {
    const res = await register({ email: uniqueEmail(), password: 'Password1234', displayName: 'x' });
    expect(res.json()).toMatchObject({ code: 'AUTH_WEAK_PASSWORD', details: { reason: 'common' } });
  });

  it('asvs-6.2.9 accepts 64- and 128-character passwords and verifies them exactly', async () => {
    for (const length of [64, 128]) {
      const email = uniqueEmail(`len${length}`);
      const password = `${'好'.repeat(length - 4)}Ab1!`;
      expect((await register({ email, password, displayName: 'x' })).statusCode).toBe(202);
      expect((await loginRequest(email, password)).statusCode).toBe(200);
      expect((await loginRequest(email, `${password.slice(0, -1)}?`)).statusCode).toBe(401);
    }
    const tooLong = await register({ email: uniqueEmail(), password: 'x'.repeat(129), displayName: 'x' });
    expect(tooLong.json()).toMatchObject({ code: 'AUTH_WEAK_PASSWORD', details: { reason: 'too_long' } });
  });

  it('asvs-15.3.3 refuses unknown body keys (no mass assignment of role or verification)', async () => {
    for (const extra of [{ role: 'admin' }, { realNameVerified: true }, { parentUserId: crypto.randomUUID() }]) {
      const res = await register({ email: uniqueEmail(), password: PASSWORD, displayName: 'x', ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('issue-6.9 a taken address answers exactly like a new one', async () => {
    const email = uniqueEmail('dup');
    const first = await register({ email, password: PASSWORD, displayName: 'x' });
    const again = await register({ email: email.toUpperCase(), password: PASSWORD, displayName: 'y' });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(first.body);
  });

  it('issue-6.9 after 5 failures a real account and an unknown address answer the same', async () => {
    const { user } = await loginAs(app, ctx, 'applicant');
    const ghost = uniqueEmail('ghost');
    const fiveFailuresThenTry = async (email: string) => {
      for (let i = 0; i < 5; i++) await loginRequest(email, `wrong-password-${i}`);
      const res = await loginRequest(email, 'wrong-password-again');
      return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] };
    };
    const known = await fiveFailuresThenTry(user.email);
    const unknown = await fiveFailuresThenTry(ghost);
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 429, body: { code: 'AUTH_TOO_MANY_ATTEMPTS' }, retryAfter: '1' });
  });
});

describe('sub-accounts', () => {
  it('asvs-8.2.1 an applicant creates a sub-account that acts on the applicant account', async () => {
    const applicant = await loginAs(app, ctx, 'applicant');
    const email = uniqueEmail('sub');
    const created = await injectJson(app, {
      method: 'POST',
      url: `${AUTH}/sub-accounts`,
      cookie: applicant.cookie,
      body: { email, password: PASSWORD, displayName: '子账号' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'sub_account', accountId: applicant.user.id, email });
    const subCookie = sessionCookieFrom(await loginRequest(email, PASSWORD), ctx);
    expect((await me(subCookie)).json()).toMatchObject({ role: 'sub_account', accountId: applicant.user.id });
  });

  it('asvs-8.2.1 only applicants may create sub-accounts', async () => {
    const body = { email: uniqueEmail('sub'), password: PASSWORD, displayName: 'x' };
    for (const role of ['sub_account', 'reviewer', 'admin'] as const) {
      const { cookie } = await loginAs(app, ctx, role);
      const res = await injectJson(app, { method: 'POST', url: `${AUTH}/sub-accounts`, cookie, body });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await injectJson(app, { method: 'POST', url: `${AUTH}/sub-accounts`, body })).statusCode).toBe(401);
  });
});

describe('admin user management', () => {
  it('asvs-8.2.1 an admin creates staff users and records real-name verification', async () => {
    const admin = await loginAs(app, ctx, 'admin');
    const created = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: { email: uniqueEmail('rev'), password: PASSWORD, role: 'reviewer', displayName: '审核员' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'reviewer', realNameVerified: false });

    const applicant = await loginAs(app, ctx, 'applicant', { realNameVerified: false });
    const verified = await injectJson(app, {
      method: 'POST',
      url: `/api/v1/admin/users/${applicant.user.id}/real-name-verification`,
      cookie: admin.cookie,
      body: { verified: true },
    });
    expect(verified.statusCode).toBe(200);
    expect((await me(applicant.cookie)).json()).toMatchObject({ realNameVerified: true });
  });

  it('asvs-8.2.1 non-admins get 403, anonymous 401; sub-accounts cannot be made by admins', async () => {
    const body = { email: uniqueEmail('x'), password: PASSWORD, role: 'admin', displayName: 'x' };
    for (const role of ['applicant', 'sub_account', 'reviewer'] as const) {
      const { cookie } = await loginAs(app, ctx, role);
      expect((await injectJson(app, { method: 'POST', url: '/api/v1/admin/users', cookie, body })).statusCode).toBe(
        403,
      );
    }
    expect((await injectJson(app, { method: 'POST', url: '/api/v1/admin/users', body })).statusCode).toBe(401);
    const admin = await loginAs(app, ctx, 'admin');
    const sub = { ...body, role: 'sub_account' };
    expect(
      (await injectJson(app, { method: 'POST', url: '/api/v1/admin/users', cookie: admin.cookie, body: sub }))
        .statusCode,
    ).toBe(400);
    const badId = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/admin/users/not-a-uuid/real-name-verification',
      cookie: admin.cookie,
      body: { verified: true },
    });
    expect(badId.statusCode).toBe(400);
  });
});

describe('openapi', () => {
  it('documents the auth and admin routes', async () => {
    const doc = (await injectJson(app, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([`${AUTH}/login`, `${AUTH}/me`, '/api/v1/admin/users/{id}/real-name-verification']),
    );
  });
});

describe('test support', () => {
  it('relogin gives a fresh cookie after the clock has moved past the session limits', async () => {
    const first = await loginAs(app, ctx, 'reviewer');
    clock.advance(24 * 3_600_000);
    expect((await me(first.cookie)).statusCode).toBe(401);
    const again = await relogin(app, ctx, first);
    expect((await me(again.cookie)).json()).toMatchObject({ id: first.user.id });
  });
});

describe('per-IP limits on login and register', () => {
  let limited: { ctx: AppContext; close: () => Promise<void> };
  let limitedApp: FastifyInstance;
  beforeAll(async () => {
    limited = await createTestContext({ config: { LOGIN_RATE_LIMIT: '3', REGISTER_RATE_LIMIT: '2' } });
    limitedApp = await buildTestApp(limited.ctx);
  });
  afterAll(async () => {
    await limitedApp.close();
    await limited.close();
  });
  const from = (ip: string, url: string, body: unknown) =>
    limitedApp.inject({ method: 'POST', url: `${AUTH}${url}`, payload: body as object, remoteAddress: ip });

  it('issue-6.9 answers 429 with Retry-After once one client exceeds the limit; other clients are not affected', async () => {
    const login = (ip: string) => from(ip, '/login', { email: uniqueEmail('ip'), password: 'wrong-password-1' });
    for (let i = 0; i < 3; i++) expect((await login('198.51.100.7')).statusCode).toBe(401);
    const limitedLogin = await login('198.51.100.7');
    expect(limitedLogin.statusCode).toBe(429);
    expect(limitedLogin.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limitedLogin.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('198.51.100.8')).statusCode).toBe(401);

    const reg = (ip: string) =>
      from(ip, '/register', { email: uniqueEmail('ip'), password: PASSWORD, displayName: 'x' });
    for (let i = 0; i < 2; i++) expect((await reg('198.51.100.9')).statusCode).toBe(202);
    const limitedReg = await reg('198.51.100.9');
    expect(limitedReg.statusCode).toBe(429);
    expect(limitedReg.headers['retry-after']).toBeDefined();
  });

  it('ignores X-Forwarded-For when no balancer is trusted: a client cannot escape its limit by forging it', async () => {
    const login = (forwardedFor: string) =>
      limitedApp.inject({
        method: 'POST',
        url: `${AUTH}/login`,
        payload: { email: uniqueEmail('xff'), password: 'wrong-password-1' },
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': forwardedFor },
      });
    for (let i = 0; i < 3; i++) expect((await login(`203.0.113.${i}`)).statusCode).toBe(401);
    expect((await login('203.0.113.99')).statusCode).toBe(429);
  });
});

describe('behind a trusted load balancer (TRUST_PROXY)', () => {
  let behind: { ctx: AppContext; close: () => Promise<void> };
  let behindApp: FastifyInstance;
  beforeAll(async () => {
    behind = await createTestContext({ config: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' } });
    behindApp = await buildTestApp(behind.ctx);
  });
  afterAll(async () => {
    await behindApp.close();
    await behind.close();
  });
  const login = (remoteAddress: string, forwardedFor: string) =>
    behindApp.inject({
      method: 'POST',
      url: `${AUTH}/login`,
      payload: { email: uniqueEmail('lb'), password: 'wrong-password-1' },
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('limits each client behind the balancer on its own, by the forwarded address', async () => {
    for (let i = 0; i < 2; i++) expect((await login('10.1.2.3', '198.51.100.30')).statusCode).toBe(401);
    expect((await login('10.1.2.4', '198.51.100.30')).statusCode).toBe(429);
    // Another client through the same balancer has its own budget.
    expect((await login('10.1.2.3', '198.51.100.31')).statusCode).toBe(401);
  });

  it('does not believe the header from an address that is not a configured balancer', async () => {
    for (let i = 0; i < 2; i++) expect((await login('198.51.100.40', `203.0.113.${50 + i}`)).statusCode).toBe(401);
    expect((await login('198.51.100.40', '203.0.113.60')).statusCode).toBe(429);
  });
});
