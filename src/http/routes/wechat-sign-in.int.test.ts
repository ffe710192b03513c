import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser-fetch.ts';
import type { TestPlatform } from '../../../test/support/platform.ts';
import { type SignInPlatform, startSignInPlatform } from '../../../test/support/sign-in-platform.ts';
import { startWeChatStandIn, WECHAT_STAND_IN_APP, type WeChatStandIn } from '../../dev/wechat-stand-in.ts';
import { WECHAT_ISSUER } from '../../use-cases/auth/external-sign-in.ts';

/**
 * WeChat QR login against the stand-in of WeChat's pages and APIs over real HTTP: the desktop browser opens the
 * QR page, the "phone" confirms on the scan page, the desktop's poll gets the redirect with code and state.
 */
let wechat: WeChatStandIn;
let platform: TestPlatform;
let base: string;
let signIn: SignInPlatform;

beforeAll(async () => {
  wechat = await startWeChatStandIn({ port: 0, host: '127.0.0.1' });
  signIn = await startSignInPlatform(async () => ({
    WECHAT_APP_ID: WECHAT_STAND_IN_APP.appId,
    WECHAT_APP_SECRET: WECHAT_STAND_IN_APP.appSecret,
    WECHAT_OPEN_BASE_URL: wechat.url,
    WECHAT_API_BASE_URL: wechat.url,
  }));
  ({ platform, base } = signIn);
});

afterAll(async () => {
  await platform?.close();
  await wechat?.stop();
});

/** Desktop: start and open the QR page. Phone: open the scan page, confirm as `userId`. Desktop: poll. */
async function scanAndConfirm(desktop: TestBrowser, userId: string): Promise<string> {
  const start = await desktop.request(`${base}/api/v1/auth/wechat/start?returnTo=/orders`);
  expect(start.status).toBe(302);
  const qr = new URL(start.location!);
  expect(qr.pathname).toBe('/connect/qrconnect');
  expect(qr.hash).toBe('#wechat_redirect');
  expect(qr.searchParams.get('scope')).toBe('snsapi_login');
  expect(qr.searchParams.get('redirect_uri')).toBe(`${base}/api/v1/auth/wechat/callback`);
  const page = await desktop.request(qr.toString());
  expect(page.status).toBe(200);
  const scanPath = page.body.match(/href="(\/stand-in\/wechat\/scan\?ticket=[^"]+)"/)?.[1];
  const ticket = new URLSearchParams(scanPath?.split('?')[1]).get('ticket')!;
  expect(ticket).toBeTruthy();

  const phone = new TestBrowser();
  const waiting = JSON.parse((await desktop.request(`${wechat.url}/stand-in/wechat/poll?ticket=${ticket}`)).body);
  expect(waiting.status).toBe('waiting');
  expect((await phone.request(`${wechat.url}${scanPath!.replaceAll('&amp;', '&')}`)).body).toContain('确认登录');
  const confirmed = await phone.request(`${wechat.url}/stand-in/wechat/scan`, { form: { ticket, user: userId } });
  expect(confirmed.body).toContain('已确认登录');

  const poll = JSON.parse((await desktop.request(`${wechat.url}/stand-in/wechat/poll?ticket=${ticket}`)).body);
  expect(poll.status).toBe('confirmed');
  const redirect = new URL(poll.redirect);
  expect(`${redirect.origin}${redirect.pathname}`).toBe(`${base}/api/v1/auth/wechat/callback`);
  expect(redirect.searchParams.get('state')).toBe(qr.searchParams.get('state'));
  return poll.redirect;
}

const me = (browser: TestBrowser) => signIn.me(browser);
const lastRefusal = () => signIn.lastRefusal();

describe('WeChat QR login against the WeChat stand-in', () => {
  let userId: string;

  it('the public config offers WeChat', async () => {
    const res = await new TestBrowser().request(`${base}/api/v1/public/config`);
    expect(JSON.parse(res.body).signIn).toMatchObject({ wechat: true, oidc: null, password: true });
  });

  it('the full QR flow signs in a new applicant linked by unionid', async () => {
    const desktop = new TestBrowser();
    const res = await desktop.request(await scanAndConfirm(desktop, 'zhang'));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${base}/orders`);
    const { status, body } = await me(desktop);
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: 'applicant', displayName: '微信演示用户张三' });
    // WeChat gives no e-mail: a placeholder under the reserved .invalid domain.
    expect(body.email).toMatch(/^wechat-[0-9a-f]{20}@accounts\.invalid$/);
    userId = body.id;
    const links = await platform.ctx.db
      .selectFrom('external_identities')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    expect(links).toEqual([expect.objectContaining({ issuer: WECHAT_ISSUER, subject: expect.stringMatching(/^u/) })]);
  });

  it('a second sign-in of the same WeChat user is the same account; another user is another', async () => {
    const again = new TestBrowser();
    await again.request(await scanAndConfirm(again, 'zhang'));
    expect((await me(again)).body.id).toBe(userId);
    const other = new TestBrowser();
    await other.request(await scanAndConfirm(other, 'li'));
    const li = (await me(other)).body;
    expect(li.id).not.toBe(userId);
    expect(li.displayName).toBe('微信演示用户李四');
  });

  it('a bad state is refused', async () => {
    const desktop = new TestBrowser();
    const url = new URL(await scanAndConfirm(desktop, 'zhang'));
    url.searchParams.set('state', 'forged');
    expect((await desktop.request(url.toString())).location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
    expect((await me(desktop)).status).toBe(401);
  });

  it("a replayed code is refused through WeChat's errcode (40163 code been used)", async () => {
    const desktop = new TestBrowser();
    const used = new URL(await scanAndConfirm(desktop, 'zhang'));
    expect((await desktop.request(used.toString())).location).toBe(`${base}/orders`);
    // A fresh attempt (its own state) answered with the code already redeemed.
    const fresh = new URL(await scanAndConfirm(desktop, 'zhang'));
    fresh.searchParams.set('code', used.searchParams.get('code')!);
    expect((await desktop.request(fresh.toString())).location).toBe(`${base}/sign-in?error=SIGN_IN_FAILED`);
    expect(await lastRefusal()).toMatchObject({ reason: 'wechat_error', errcode: 40163 });
    // And a code WeChat never issued: 40029 invalid code.
    const bogus = new URL(await scanAndConfirm(desktop, 'zhang'));
    bogus.searchParams.set('code', 'never-issued');
    expect((await desktop.request(bogus.toString())).location).toBe(`${base}/sign-in?error=SIGN_IN_FAILED`);
    expect(await lastRefusal()).toMatchObject({ reason: 'wechat_error', errcode: 40029 });
  });

  it('the same callback twice is refused (single-use attempt)', async () => {
    const desktop = new TestBrowser();
    const url = await scanAndConfirm(desktop, 'zhang');
    expect((await desktop.request(url)).location).toBe(`${base}/orders`);
    expect((await desktop.request(url)).location).toBe(`${base}/sign-in?error=SIGN_IN_EXPIRED`);
  });

  it('logout of a WeChat session ends it here (204: WeChat has no single logout)', async () => {
    const desktop = new TestBrowser();
    await desktop.request(await scanAndConfirm(desktop, 'zhang'));
    const res = await fetch(`${base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: desktop.cookieHeader(new URL(base)) },
    });
    expect(res.status).toBe(204);
    expect((await me(desktop)).status).toBe(401);
  });

  it('OIDC is not configured here: its start goes back to sign-in with SIGN_IN_METHOD_DISABLED', async () => {
    const res = await new TestBrowser().request(`${base}/api/v1/auth/oidc/start`);
    expect(res.location).toBe(`${base}/sign-in?error=SIGN_IN_METHOD_DISABLED`);
  });
});
