import { captureEverywhere, expect, test } from './fixtures.ts';
import { signInStaffViaApi } from './staff-sign-in.ts';
import { ADMIN } from './staff-support.ts';

/**
 * 运营管理 → 工作日历: a year the built-in calendar does not hold is flagged, its holidays are entered as one span
 * and a make-up working day on its own, and an entry removed. The year two ahead is used, so no other journey's
 * time limits move.
 */
test('working calendar: a year the built-in calendar lacks gets its holidays entered', async ({ page }) => {
  const year = new Date().getFullYear() + 2;
  await signInStaffViaApi(page, ADMIN);
  await page.goto(`/staff/operations?tab=calendar&year=${year}`);
  await expect(page.getByRole('heading', { name: '运营管理', level: 1 })).toBeVisible();
  await expect(page.getByText(`内置日历尚未包含 ${year} 年的节假日安排`)).toBeVisible();

  const enter = async (from: string, to: string, kind: '法定节假日（休息）' | '调休上班', name: string) => {
    const start = page.getByPlaceholder('开始日期');
    await start.click();
    await start.fill(from);
    await start.press('Enter');
    const end = page.getByPlaceholder('结束日期');
    await end.fill(to);
    await end.press('Enter');
    await page.getByText(kind, { exact: true }).click();
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByRole('button', { name: '保存', exact: true }).click();
  };
  await enter(`${year}-01-26`, `${year}-02-01`, '法定节假日（休息）', '春节');
  await expect(page.getByText('已保存 7 天')).toBeVisible();
  await expect(page.getByText(`${year} 年使用下方录入的节假日安排`)).toBeVisible();
  await enter(`${year}-01-23`, `${year}-01-23`, '调休上班', '春节调休');
  await expect(page.getByRole('cell', { name: '春节调休' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '春节' })).toHaveCount(8);
  await captureEverywhere(page, 'staff-operations-calendar');

  // One entry removed: the date goes back to the weekdays rule.
  const row = page.getByRole('row').filter({ hasText: `${year}-02-01` });
  await row.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByRole('row').filter({ hasText: `${year}-02-01` })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: '春节' })).toHaveCount(7);
});
