import { completeFirstFiling, createHttp } from '../bench/filing-client.ts';
import { captureEverywhere, expect, test } from './fixtures.ts';
import { baseURL, simulatorURL } from './playwright.config.ts';
import { ADMIN, REVIEWER, signInStaffViaApi, staffSessionCookie } from './staff-sign-in.ts';

/**
 * Issue 9 item 4 in the browser: the server of a filed website is released (the admin's inventory stand-in);
 * the worker's next access pass flags the website, 备案管理 warns with what to do (变更接入 / 取消接入), and the
 * back office lists it under 运营管理 → 接入风险. Renewing the server clears both.
 */
test('a released server puts the website at risk on 备案管理 and in the back office; renewal clears it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const http = createHttp(baseURL);
  const admin = http.fromCookie(await staffSessionCookie(ADMIN));
  const filed = await completeFirstFiling(baseURL, {
    admin,
    reviewer: http.fromCookie(await staffSessionCookie(REVIEWER)),
    manualAdminDecision: true,
    simulatorUrl: simulatorURL,
  });
  await admin.request('POST', `/api/v1/admin/resources/${filed.resourceId}/lifecycle`, {
    json: { status: 'released' },
  });

  const [name, value] = filed.applicant.cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseURL }]);
  // The worker looks at the website at its next pass (every WORKER_INTERVAL_MS); reload until it has.
  await expect(async () => {
    await page.goto('/records');
    await expect(page.getByText('接入资源已释放，网站接入存在风险')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const warning = page.locator('.records-access-risk');
  await expect(warning).toContainText('空壳网站');
  await expect(warning.getByRole('button', { name: '变更接入', exact: true })).toBeEnabled();
  await expect(warning.getByRole('button', { name: '取消接入', exact: true })).toBeEnabled();
  await captureEverywhere(page, 'records-access-risk');

  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await signInStaffViaApi(staff, ADMIN);
  await staff.goto('/staff/operations?tab=access-risks');
  await expect(staff.getByRole('cell', { name: filed.domain, exact: true })).toBeVisible();
  await captureEverywhere(staff, 'staff-operations-access-risks');

  await admin.request('POST', `/api/v1/admin/resources/${filed.resourceId}/lifecycle`, {
    json: { status: 'running', expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() },
  });
  await expect(async () => {
    await page.goto('/records');
    await expect(page.getByText(filed.numbers.websites[0]!.websiteNumber).first()).toBeVisible({ timeout: 1000 });
    await expect(page.locator('.records-access-risk')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await staff.reload();
  await expect(staff.getByRole('cell', { name: filed.domain, exact: true })).toHaveCount(0);
  await staffContext.close();
});
