import type { Page } from '@playwright/test';
import { captureEverywhere, expect, test } from './fixtures.ts';
import { baseURL } from './playwright.config.ts';
import { type StaffAccount, signInStaffViaApi } from './staff-sign-in.ts';
import { call, REVIEWER, SENIOR, staffApi, submittedOrder } from './staff-support.ts';

/**
 * Issue 8 item 2 in the browser: two reviewers opening one order at once (one holds it, the other is told who
 * does), an abandoned screen whose lease lapses so a colleague takes over, and a senior reviewer's reassignment.
 * The e2e server runs with REVIEW_CLAIM_LEASE_SECONDS=20.
 */
const HELD = /此订单已由您领取/;
const byOther = (name: string) => new RegExp(`${name} 正在审核此订单`);
/** The claim banner at the top of the review screen (its text is repeated beside the disabled decisions). */
const banner = (page: Page, text: RegExp | string) => page.locator('.ant-alert').filter({ hasText: text });

async function staffPage(browser: import('@playwright/test').Browser, who: StaffAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signInStaffViaApi(page, who);
  return page;
}

test('claims: two reviewers open the same order at once; exactly one holds it, the other is told who', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const applicant = await (await browser.newContext({ baseURL })).newPage();
  const { id } = await submittedOrder(applicant, 'claimrace');
  const [reviewer, senior] = await Promise.all([staffPage(browser, REVIEWER), staffPage(browser, SENIOR)]);
  await Promise.all([reviewer.goto(`/staff/orders/${id}`), senior.goto(`/staff/orders/${id}`)]);
  const anyClaim = /此订单已由您领取|正在审核此订单|此订单已被 .+ 领取/;
  await expect(banner(reviewer, anyClaim)).toBeVisible();
  await expect(banner(senior, anyClaim)).toBeVisible();
  const reviewerHolds = await banner(reviewer, HELD).isVisible();
  const [winner, loser, winnerName] = reviewerHolds
    ? [reviewer, senior, '演示审核员']
    : [senior, reviewer, '演示高级审核员'];
  await expect(banner(winner, HELD)).toBeVisible();
  await expect(banner(loser, new RegExp(`${winnerName} 正在审核此订单|此订单已被 ${winnerName} 领取`))).toBeVisible();
  // The loser's decision buttons say why they do nothing.
  await expect(loser.locator('#sr-approve-why')).toContainText(`${winnerName} 正在审核此订单`);
  await loser.keyboard.press('a');
  await expect(loser.getByRole('dialog')).toHaveCount(0);
  // The server agrees: one claim, held by the winner.
  const api = await staffApi(REVIEWER);
  const claim = await call<{ holder: { displayName: string } }>(api, 'get', `/api/v1/reviewer/orders/${id}/claim`);
  expect(claim.holder.displayName).toBe(winnerName);
  await api.dispose();
  await captureEverywhere(loser, 'staff-review-claimed-by-other');
  await Promise.all([reviewer.context().close(), senior.context().close(), applicant.context().close()]);
});

test('claims: an abandoned screen lets its lease lapse and a colleague takes the order over', async ({ browser }) => {
  test.setTimeout(180_000);
  const applicant = await (await browser.newContext({ baseURL })).newPage();
  const { id } = await submittedOrder(applicant, 'claimlapse');
  const first = await staffPage(browser, REVIEWER);
  // The laptop is shut: nothing of this screen reaches the server any more, not even the release on leaving.
  await first.goto(`/staff/orders/${id}`);
  await expect(banner(first, HELD)).toBeVisible();
  await first.context().setOffline(true);
  await first.context().close();

  const second = await staffPage(browser, SENIOR);
  await second.goto(`/staff/orders/${id}`);
  await expect(banner(second, byOther('演示审核员'))).toBeVisible();
  // The 20-second lease runs out; the screen looks again every 10 seconds and offers the order.
  await expect(banner(second, '此订单尚未被领取。')).toBeVisible({ timeout: 45_000 });
  await second.getByRole('button', { name: '领取订单' }).click();
  await expect(banner(second, HELD)).toBeVisible();
  const audit = await call<{ items: { action: string }[] }>(
    second.request,
    'get',
    `/api/v1/reviewer/orders/${id}/audit`,
  );
  expect(audit.items.filter((e) => e.action === 'order.claimed')).toHaveLength(2);
  await Promise.all([second.context().close(), applicant.context().close()]);
});

test('claims: a senior reviewer reassigns an order held by a colleague, with a reason', async ({ browser }) => {
  test.setTimeout(180_000);
  const applicant = await (await browser.newContext({ baseURL })).newPage();
  const { id } = await submittedOrder(applicant, 'claimmove');
  const reviewer = await staffApi(REVIEWER);
  await call(reviewer, 'post', `/api/v1/reviewer/orders/${id}/claim`);
  const senior = await staffPage(browser, SENIOR);
  await senior.goto(`/staff/orders/${id}`);
  await expect(banner(senior, byOther('演示审核员'))).toBeVisible();
  await senior.getByRole('button', { name: '转交' }).click();
  const dialog = senior.getByRole('dialog', { name: '转交订单' });
  await dialog.getByRole('combobox', { name: '转交给' }).click();
  await senior.locator('.ant-select-dropdown:visible').getByText('演示高级审核员（我）').click();
  await dialog.getByRole('textbox', { name: '转交原因' }).fill('原审核员今日休假');
  await dialog.getByRole('button', { name: '转交' }).click();
  await expect(banner(senior, HELD)).toBeVisible();
  // The colleague's next renewal is refused and names the new holder.
  const renewed = await reviewer.post(`/api/v1/reviewer/orders/${id}/claim`);
  expect(renewed.status()).toBe(409);
  expect((await renewed.json()).details.holder.displayName).toBe('演示高级审核员');
  await reviewer.dispose();
  await captureEverywhere(senior, 'staff-review-claimed');
  await Promise.all([senior.context().close(), applicant.context().close()]);
});
