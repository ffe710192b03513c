import { DEV_IDP_USERS } from '../src/dev/identity-provider.ts';
import { WECHAT_DEMO_USERS } from '../src/dev/wechat-stand-in.ts';
import { captureEverywhere, expect, test, VIEWPORTS } from './fixtures.ts';
import { devIdpURL, weChatStandInURL } from './playwright.config.ts';

/**
 * Sign-in with the provider's accounts (the development IdP standing in for 京东云) and WeChat's QR login (the
 * stand-in), in the browser, on the server's development defaults.
 */
const [main, sub] = DEV_IDP_USERS as [(typeof DEV_IDP_USERS)[0], (typeof DEV_IDP_USERS)[0]];

test('the sign-in page offers the provider account and WeChat above the e-mail form', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('link', { name: '使用京东云账号登录' })).toBeVisible();
  await expect(page.getByRole('link', { name: '微信登录' })).toBeVisible();
  await expect(page.getByText('京东云子账号不支持备案，请使用主账号登录。')).toBeVisible();
  await captureEverywhere(page, 'sign-in-providers');
});

test('sign in with the provider account at its IdP, land signed in on the portal, sign out there too', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: '使用京东云账号登录' }).click();
  await expect(page).toHaveURL(new RegExp(`^${devIdpURL}/interaction/`));
  await page.getByLabel('账号 / Account').fill(main.username);
  await page.getByLabel('密码 / Password').fill(main.password);
  await page.getByRole('button', { name: '登录 / Sign in' }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('button', { name: main.name })).toBeVisible();

  // Sign-out ends the platform session and the IdP's (RP-initiated logout), back on the sign-in page.
  await page.getByRole('button', { name: main.name }).click();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(new RegExp(`^${devIdpURL}/`));
  await page.getByRole('button', { name: '退出 / Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('link', { name: '使用京东云账号登录' })).toBeVisible();
});

test('a sub-account of the provider is refused with the message, and stays signed out', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: '使用京东云账号登录' }).click();
  await page.getByLabel('账号 / Account').fill(sub.username);
  await page.getByLabel('密码 / Password').fill(sub.password);
  await page.getByRole('button', { name: '登录 / Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=SIGN_IN_SUB_ACCOUNT_REFUSED$/);
  await expect(page.getByRole('alert')).toContainText('子账号不支持备案，请使用主账号登录');
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(401);
  await captureEverywhere(page, 'sign-in-sub-account-refused');
});

test('WeChat QR login: the desktop shows the QR page, the phone confirms, the desktop lands signed in', async ({
  page,
  browser,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: '微信登录' }).click();
  await expect(page).toHaveURL(new RegExp(`^${weChatStandInURL}/connect/qrconnect\\?`));
  await expect(page.getByText('请使用微信扫描二维码登录')).toBeVisible();
  const scanHref = await page.locator('#scan-link').getAttribute('href');
  expect(scanHref).toMatch(/^\/stand-in\/wechat\/scan\?ticket=/);

  // The phone: its own browser, WeChat's confirm page.
  const phoneContext = await browser.newContext({ viewport: VIEWPORTS.phone });
  try {
    const phone = await phoneContext.newPage();
    await phone.goto(`${weChatStandInURL}${scanHref}`);
    await phone.getByLabel(WECHAT_DEMO_USERS[1]!.nickname).check();
    await phone.getByRole('button', { name: '确认登录 / Confirm' }).click();
    await expect(phone.getByText('已确认登录')).toBeVisible();
  } finally {
    await phoneContext.close();
  }

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('button', { name: WECHAT_DEMO_USERS[1]!.nickname })).toBeVisible();
});
