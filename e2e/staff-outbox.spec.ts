import { captureEverywhere, expect, test } from './fixtures.ts';
import { baseURL } from './playwright.config.ts';
import { signInStaffViaApi } from './staff-sign-in.ts';
import { ADMIN, call, REVIEWER, staffApi, submittedOrder } from './staff-support.ts';

/** The admins' outbox page: every external call with its attempts and errors; reviewers do not see it. */
test('outbox: admins list the external calls; the page is not in a reviewer’s menu', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The provider's decision on an applicant's order queues the applicant's notification in the outbox.
  const applicant = await browser.newContext({ baseURL });
  const { id } = await submittedOrder(await applicant.newPage(), 'outbox');
  await applicant.close();
  const admin = await staffApi(ADMIN);
  await call(admin, 'post', `/api/v1/reviewer/orders/${id}/provider-review`, { decision: 'approve' });
  await admin.dispose();
  await signInStaffViaApi(page, ADMIN);
  await page.goto('/staff');
  await page.getByRole('link', { name: '发件箱', exact: true }).click();
  await expect(page.getByRole('heading', { name: '发件箱（外部调用）', level: 1 })).toBeVisible();
  await page.getByText('全部', { exact: true }).click();
  await expect(page.getByRole('cell', { name: /通知申请人|报送管局/ }).first()).toBeVisible();
  await captureEverywhere(page, 'staff-outbox');

  const reviewer = await (await browser.newContext({ baseURL })).newPage();
  await signInStaffViaApi(reviewer, REVIEWER);
  await reviewer.goto('/staff');
  await expect(reviewer.getByRole('link', { name: '报送管局', exact: true })).toBeVisible();
  await expect(reviewer.getByRole('link', { name: '发件箱', exact: true })).toHaveCount(0);
  const res = await reviewer.request.get('/api/v1/admin/outbox?filter=all');
  expect(res.status()).toBe(403);
  await reviewer.context().close();
});
