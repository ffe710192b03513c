import type { InsightsView } from '../src/contracts/insights-api.ts';
import { captureEverywhere, expect, expectAccessible, test } from './fixtures.ts';
import { baseURL } from './playwright.config.ts';
import { signInStaffViaApi } from './staff-sign-in.ts';
import { ADMIN, call, REVIEWER, staffApi, submittedOrder } from './staff-support.ts';

/**
 * Issue 8 item 6 in the browser: the demo admin opens the dashboard and sees an order just decided counted in
 * it, then finds the order's entries in the audit log and checks the hash chain.
 */
const lastThirtyDays = () => {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  const to = new Date(day.getTime() + 86_400_000);
  const from = new Date(day.getTime() - 29 * 86_400_000);
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
};

test('dashboard counts a decided order; the audit log finds its entries and the chain verifies', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The shared helpers reuse one API session per account (and submittedOrder ends the admin's), so ask each time.
  const totals = async () =>
    (
      await call<InsightsView>(
        await staffApi(ADMIN),
        'get',
        `/api/v1/admin/insights?${lastThirtyDays()}&groupBy=province`,
      )
    ).total;
  const before = await totals();

  const applicant = await (await browser.newContext({ baseURL })).newPage();
  const { id } = await submittedOrder(applicant, 'insight');
  const reviewer = await staffApi(REVIEWER);
  await call(reviewer, 'post', `/api/v1/reviewer/orders/${id}/provider-review`, { decision: 'approve' });
  const after = await totals();
  expect(after.submitted).toBe(before.submitted + 1);
  expect(after.providerApproved).toBe(before.providerApproved + 1);
  expect(after.stages.providerReview.count).toBe(before.stages.providerReview.count + 1);

  // The dashboard: last 30 days by default, the same totals as the API in its table.
  await signInStaffViaApi(page, ADMIN);
  await page.goto('/staff');
  await page.getByRole('link', { name: '运营看板' }).click();
  await expect(page).toHaveURL(/\/staff\/insights$/);
  await expect(page.getByRole('heading', { name: '运营看板', level: 1 })).toBeVisible();
  const total = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '合计', exact: true }) });
  await expect(total.getByRole('cell').nth(1)).toHaveText(String(after.submitted));
  await expect(total.getByRole('cell').nth(3)).toHaveText(String(after.providerApproved));
  await expect(page.getByRole('figure', { name: /柱状图：数量/ })).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByText('按审核员', { exact: true }).click();
  await expect(page.getByRole('cell', { name: '演示审核员', exact: true })).toBeVisible();
  await page.getByText('按省份', { exact: true }).click();
  await captureEverywhere(page, 'staff-insights');

  // The audit log: the order's entries, newest first, then the chain check.
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  await page.getByLabel('申请编号（完整 ID）').fill(id);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`orderId=${id}`));
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first().getByText('order.provider_approve')).toBeVisible();
  await expect(page.getByText('order.submit', { exact: true })).toBeVisible();
  const count = await rows.count();
  await expect(page.getByRole('link', { name: `打开申请 ${id.slice(0, 8)}` })).toHaveCount(count);
  await captureEverywhere(page, 'staff-audit');

  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByRole('status').filter({ hasText: /哈希链完整，已校验 \d+ 条记录/ })).toBeVisible();
  await expectAccessible(page, 'staff-audit verified');
  // The check itself is on the record.
  const checks = await call<{ items: { action: string }[] }>(
    await staffApi(ADMIN),
    'post',
    '/api/v1/admin/audit/search',
    {
      action: 'audit.chain_verified',
      limit: 1,
    },
  );
  expect(checks.items).toHaveLength(1);

  await applicant.context().close();
});
