import { type APIRequestContext, expect, type Page, request as playwrightRequest } from '@playwright/test';
import { totpCodeAt, totpStepAt } from '../src/adapters/auth/totp.ts';
import { demoTotpSecret } from '../src/seed/demo-totp-secrets.ts';
import { baseURL } from './playwright.config.ts';

/**
 * Staff sign in with a password and then an authenticator code (STAFF_TOTP_REQUIRED is on in the e2e server). The
 * demo staff's secrets are the published dev ones (src/seed/demo-totp-secrets.ts); a staff member enrolled in a
 * test passes the secret the page showed.
 */
export type StaffAccount = { email: string; password: string; totpSecret?: string };

export const REVIEWER: StaffAccount = { email: 'reviewer@demo.beian.local', password: 'Beian-Demo-Reviewer-2026' };
export const SENIOR: StaffAccount = { email: 'senior@demo.beian.local', password: 'Beian-Demo-Senior-2026' };
export const ADMIN: StaffAccount = { email: 'admin@demo.beian.local', password: 'Beian-Demo-Admin-2026!' };

const secretOf = (who: StaffAccount): string => {
  const secret = who.totpSecret ?? demoTotpSecret(who.email);
  if (!secret) throw new Error(`no authenticator secret known for ${who.email}`);
  return secret;
};

/**
 * The server accepts each code once and refuses any step at or before the last one used, within ±1 step of now.
 * One worker drives all specs, so remembering the steps used here is enough: the next sign-in takes the next
 * step (the current one, or the one after it, which the server still accepts), and only when both are used does
 * it wait for the clock to reach a new step.
 */
const lastStepUsed = new Map<string, number>();

export async function nextCode(who: StaffAccount): Promise<string> {
  const secret = secretOf(who);
  const last = lastStepUsed.get(secret) ?? Number.NEGATIVE_INFINITY;
  let now = totpStepAt(new Date());
  while (last + 1 > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 50));
    now = totpStepAt(new Date());
  }
  const step = Math.max(now, last + 1);
  lastStepUsed.set(secret, step);
  return totpCodeAt(secret, new Date(step * 30_000));
}

/** Records that a code of this step was used elsewhere (the enrolment's first code typed in the page). */
export const noteStepUsed = (secret: string, at: Date): void => {
  lastStepUsed.set(secret, Math.max(lastStepUsed.get(secret) ?? 0, totpStepAt(at)));
};

async function passBothSteps(api: APIRequestContext, who: StaffAccount): Promise<void> {
  const login = await api.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(login.status(), await login.text()).toBe(200);
  const { secondFactor } = (await login.json()) as { secondFactor: string };
  expect(secondFactor, `${who.email} has an authenticator`).toBe('verify');
  const verify = await api.post('/api/v1/auth/second-factor/verify', { data: { code: await nextCode(who) } });
  expect(verify.status(), await verify.text()).toBe(200);
}

const apiContexts = new Map<string, APIRequestContext>();

/**
 * An API context signed in as a staff member, second factor passed. Contexts are kept per account and reused
 * while their session lives (a spec that disposes one gets a fresh one), so specs do not spend a code per call.
 */
export async function staffApi(who: StaffAccount): Promise<APIRequestContext> {
  const cached = apiContexts.get(who.email);
  if (cached) {
    try {
      const me = await cached.get('/api/v1/auth/me');
      if (me.ok() && ((await me.json()) as { secondFactor: string }).secondFactor === 'done') return cached;
    } catch {
      // disposed by its spec
    }
    apiContexts.delete(who.email);
  }
  const api = await playwrightRequest.newContext({ baseURL });
  await passBothSteps(api, who);
  apiContexts.set(who.email, api);
  return api;
}

/** Signs a staff member in through the API inside the page's context (its cookie serves the page). */
export async function signInStaffViaApi(page: Page, who: StaffAccount): Promise<void> {
  await passBothSteps(page.request, who);
}

/** Signs a staff member in through the sign-in page and the code page, landing in the back office (zh-CN). */
export async function signInStaffInBrowser(page: Page, who: StaffAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(who.email);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
  await expect(page.getByRole('heading', { name: '输入动态验证码', level: 1 })).toBeVisible();
  await page.getByLabel('6位验证码').fill(await nextCode(who));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page).toHaveURL(/\/staff(\/|$)/);
}

/** The `name=value` session cookie of a staff API context (for clients that take a raw cookie, e.g. the bench's). */
export async function staffSessionCookie(who: StaffAccount): Promise<string> {
  const { cookies } = await (await staffApi(who)).storageState();
  const sid = cookies.find((c) => c.name.endsWith('beian_sid'));
  if (!sid) throw new Error(`no session cookie for ${who.email}`);
  return `${sid.name}=${sid.value}`;
}
