import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hop, TestBrowser } from '../../../test/support/browser-fetch.ts';
import type { TestPlatform } from '../../../test/support/platform.ts';
import { type SignInPlatform, startSignInPlatform } from '../../../test/support/sign-in-platform.ts';
import {
  DEV_IDP_CLIENT,
  DEV_IDP_USERS,
  type DevIdentityProvider,
  startDevIdentityProvider,
} from '../../dev/identity-provider.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';

/**
 * Sign-in with the provider's accounts against a real OpenID provider (oidc-provider, started here) over real
 * HTTP: the platform listens on a port, a cookie-keeping fetch plays the browser through every redirect.
 */
const ID_TOKEN_TTL_SECONDS = 60;
const [main, sub] = DEV_IDP_USERS as [(typeof DEV_IDP_USERS)[0], (typeof DEV_IDP_USERS)[0]];

/** Real time plus an offset the test can move (the ID token's exp is judged on the platform's clock). */
function offsetClock(): ManualClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (d: Date) => {
      offset = d.getTime() - Date.now();
    },
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

let idp: DevIdentityProvider;
let platform: TestPlatform;
let base: string;
let signIn: SignInPlatform;
const clock = offsetClock();

beforeAll(async () => {
  signIn = await startSignInPlatform(async (url) => {
    idp = await startDevIdentityProvider({
      port: 0,
      host: '127.0.0.1',
      redirectUris: [`${url}/api/v1/auth/oidc/callback`],
      postLogoutRedirectUris: [`${url}/sign-in`],
      idTokenTtlSeconds: ID_TOKEN_TTL_SECONDS,
    });
    return {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: DEV_IDP_CLIENT.clientId,
      OIDC_CLIENT_SECRET: DEV_IDP_CLIENT.clientSecret,
    };
  }, clock);
  ({ platform, base } = signIn);
});

afterAll(async () => {
  await platform?.close();
  await idp?.stop();
});

const isCallback = (u: URL) => u.pathname === '/api/v1/auth/oidc/callback';

/** From the platform's start to the IdP's redirect back, stopping before the callback (the test takes it). */
async function toCallback(browser: TestBrowser, user: { username: string; password: string }): Promise<string> {
  const toLogin = await browser.follow(`${base}/api/v1/auth/oidc/start?returnTo=/orders`, {}, isCallback);
  const loginPage = toLogin[toLogin.length - 1]!;
  // Still signed in at the IdP (single sign-on): straight back, no login page.
  if (loginPage.location && isCallback(new URL(loginPage.location))) return loginPage.location;
  expect(loginPage.status, loginPage.body).toBe(200);
  expect(loginPage.url.startsWith(idp.issuer)).toBe(true);
  const action = loginPage.body.match(/action="(\/interaction\/[^"]+\/login)"/)?.[1];
  expect(action).toBeDefined();
  const back = await browser.follow(
    `${idp.issuer}${action}`,
    { form: { username: user.username, password: user.password } },
    isCallback,
  );
  const location = back[back.length - 1]!.location;
  expect(location && isCallback(new URL(location)), JSON.stringify(back.map((h) => h.url))).toBe(true);
  return location!;
}

const callback = (browser: TestBrowser, url: string): Promise<Hop> => browser.request(url);

const me = (browser: TestBrowser) => signIn.me(browser);
const lastRefusal = () => signIn.lastRefusal();

describe('OIDC sign-in against a real OpenID provider', () => {
  let firstUserId: string;

  it('the public config offers the provider button with its name', async () => {
    const res = await new TestBrowser().request(`${base}/api/v1/public/config`);
    expect(JSON.parse(res.body).signIn).toEqual({
      password: true,
      oidc: { providerName: { zh: '京东云', en: 'JD Cloud' } },
      wechat: false,
    });
  });

  it('sends the browser to the IdP with PKCE S256, state and nonce', async () => {
    const res = await new TestBrowser().request(`${base}/api/v1/auth/oidc/start`);
    expect(res.status).toBe(302);
    const to = new URL(res.location!);
    expect(`${to.origin}`).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)?.length).toBeGreaterThan(20);
    expect(to.searchParams.get('redirect_uri')).toBe(`${base}/api/v1/auth/oidc/callback`);
  });

  it('first sign-in creates an applicant linked by issuer + sub and lands on the return path, signed in', async () => {
    const browser = new TestBrowser();
    const res = await callback(browser, await toCallback(browser, main));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${base}/orders`);
    const { status, body } = await me(browser);
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: 'applicant', email: main.email, displayName: main.name, secondFactor: 'done' });
    firstUserId = body.id;
    const links = await platform.ctx.db
      .selectFrom('external_identities')
      .selectAll()
      .where('user_id', '=', firstUserId)
      .execute();
    expect(links).toEqual([expect.objectContaining({ issuer: idp.issuer, subject: main.username })]);
  });

  it('a second sign-in (another browser) is the same account', async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, main);
    const res = await callback(browser, url);
    expect(res.status).toBe(302);
    const { body } = await me(browser);
    expect(body.id).toBe(firstUserId);
    const count = await platform.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', main.email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('the account has no local password: password login is refused like a wrong password', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: main.email, password: 'JdCloud-Demo-2026!' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('a sub-account is refused with its own code, gets no session and no account', async () => {
    const browser = new TestBrowser();
    const res = await callback(browser, await toCallback(browser, sub));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${base}/sign-in?error=SIGN_IN_SUB_ACCOUNT_REFUSED`);
    expect(res.url).toContain('/callback');
    expect((await me(browser)).status).toBe(401);
    const made = await platform.ctx.db.selectFrom('users').select('id').where('email', '=', sub.email).execute();
    expect(made).toEqual([]);
  });

  it('a tampered state is refused', async () => {
    const browser = new TestBrowser();
    const url = new URL(await toCallback(browser, main));
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const res = await callback(browser, url.toString());
    expect(res.location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
    expect((await me(browser)).status).toBe(401);
  });

  it('a replayed callback is refused (the attempt is single use)', async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, main);
    expect((await callback(browser, url)).location).toBe(`${base}/orders`);
    const replay = new TestBrowser();
    // Same browser again, and the attempt cookie given back, too: the row is gone either way.
    const again = await callback(browser, url);
    expect(again.location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
    expect((await lastRefusal()).reason).toBe('unknown_or_used_state');
    expect((await callback(replay, url)).location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
  });

  it('a replayed code with a fresh attempt is refused by the IdP (codes are single use)', async () => {
    const browser = new TestBrowser();
    const used = new URL(await toCallback(browser, main));
    expect((await callback(browser, used.toString())).location).toBe(`${base}/orders`);
    // A new attempt in the same browser, answered with the old code.
    const fresh = new URL(await toCallback(browser, main));
    fresh.searchParams.set('code', used.searchParams.get('code')!);
    const res = await callback(browser, fresh.toString());
    expect(res.location).toBe(`${base}/sign-in?error=SIGN_IN_FAILED`);
    expect(await lastRefusal()).toMatchObject({ code: 'SIGN_IN_FAILED' });
  });

  it("a callback finished in another browser is refused (the attempt is bound to the starter's cookie)", async () => {
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    const url = await toCallback(attacker, main);
    expect((await callback(victim, url)).location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
    expect((await lastRefusal()).reason).toBe('other_browser');
    expect((await me(victim)).status).toBe(401);
  });

  it('an expired ID token is refused (validated at the platform clock)', async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, main);
    // The IdP signed an ID token valid for 60 s; the platform reads it two minutes later (the attempt lives 10).
    clock.advance(2 * 60_000);
    try {
      const res = await callback(browser, url);
      expect(res.location).toBe(`${base}/sign-in?error=SIGN_IN_FAILED`);
      const refusal = await lastRefusal();
      expect(refusal.reason).toBe('token_or_id_token_invalid');
      expect(refusal.claim).toBe('exp');
    } finally {
      clock.set(new Date());
    }
    expect((await me(browser)).status).toBe(401);
  });

  it("logout ends the session and answers the IdP's end-session URL (RP-initiated logout)", async () => {
    const browser = new TestBrowser();
    await callback(browser, await toCallback(browser, main));
    expect((await me(browser)).status).toBe(200);
    const res = await fetch(`${base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: browser.cookieHeader(new URL(base)) },
    });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/sign-in`);
    expect(end.searchParams.get('client_id')).toBe(DEV_IDP_CLIENT.clientId);
    expect((await me(browser)).status).toBe(401);
    // The IdP's own logout page answers (its confirmation form); the platform's part is done.
    expect((await browser.request(endSessionUrl)).status).toBe(200);
  });

  it('a wrong IdP password stays at the IdP', async () => {
    const browser = new TestBrowser();
    const toLogin = await browser.follow(`${base}/api/v1/auth/oidc/start`);
    const action = toLogin[toLogin.length - 1]!.body.match(/action="(\/interaction\/[^"]+\/login)"/)?.[1];
    const res = await browser.request(`${idp.issuer}${action}`, {
      form: { username: main.username, password: 'nope' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Wrong account or password');
  });
});
