import type { Page } from '@playwright/test';
import { captureEverywhere, expect, expectAccessible, test } from './fixtures.ts';
import { baseURL } from './playwright.config.ts';
import { signInStaffViaApi } from './staff-sign-in.ts';
import { REVIEWER, submittedOrder } from './staff-support.ts';

/**
 * The back office's queues: two applicants hand orders in through the API; the reviewer finds one by domain
 * and by order number (server-side search), narrows by province, and reads its SLA tag and the tab counts.
 */
/** The province list is long and virtual: type to narrow it, then pick. */
async function pickProvince(page: Page, name: string) {
  const box = page.getByRole('combobox', { name: '省份' });
  await box.click();
  await box.fill(name);
  await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: true }).click();
}

const rowOf = (page: Page, domain: string) => page.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) });

test('back-office queues: tabs with counts, server-side search, province filter, SLA tag', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const applicants = await browser.newContext({ baseURL });
  const first = await submittedOrder(await applicants.newPage(), 'queue-a', '司马队列');
  const second = await submittedOrder(await applicants.newPage(), 'queue-b', '诸葛队列');
  await applicants.close();

  await signInStaffViaApi(page, REVIEWER);
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: '待处理备案', level: 1 })).toBeVisible();
  const reviewTab = page.getByRole('tab', { name: /初审/, selected: true });
  await expect(reviewTab).toBeVisible();
  // The count sits in the tab; at least our two orders are in it.
  await expect(reviewTab.getByTitle(/^\d+ 条$/)).toBeVisible();

  // Search by domain (on the server, not only among loaded rows): one row, with its SLA tag in words.
  const search = page.getByLabel('搜索');
  await search.fill(first.domain);
  await expect(rowOf(page, first.domain)).toBeVisible();
  await expect(rowOf(page, second.domain)).toHaveCount(0);
  await expect(rowOf(page, first.domain).getByText(/未到期|今日到期|已超时/)).toBeVisible();
  await expect(rowOf(page, first.domain).getByText(/剩 .* 工作(小时|日)|超 .* 工作(小时|日)/)).toBeVisible();
  await expect(rowOf(page, first.domain).getByText('未认领')).toBeVisible();

  // By order number: the first eight characters shown in the list.
  await search.fill(second.id.slice(0, 8));
  await expect(rowOf(page, second.domain)).toBeVisible();
  await expect(page.getByRole('link', { name: `审核申请 ${second.id.slice(0, 8)}` })).toBeVisible();
  await expect(rowOf(page, first.domain)).toHaveCount(0);

  // By province: both are Beijing orders; Shanghai shows neither.
  await search.fill(first.domain);
  await pickProvince(page, '上海');
  await expect(page).toHaveURL(/province=shanghai/);
  await expect(page.getByText('当前没有符合条件的备案申请')).toBeVisible();
  await pickProvince(page, '北京');
  await expect(page).toHaveURL(/province=beijing/);
  await expect(rowOf(page, first.domain)).toBeVisible();
  await expectAccessible(page, 'staff queues with a search');

  // A follow-up tab reads without an SLA clock.
  await page.getByRole('tab', { name: /管局审核中/ }).click();
  await expect(page).toHaveURL(/tab=with_regulator/);
  await expect(page.getByText('此队列仅供跟进查看', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: /初审/ }).click();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).not.toHaveURL(/province=/);
  await captureEverywhere(page, 'staff-queues');
});
