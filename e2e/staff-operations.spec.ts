import { captureEverywhere, expect, newAccount, registerViaApi, signInViaApi, test } from './fixtures.ts';
import { baseURL } from './playwright.config.ts';
import { signInStaffViaApi } from './staff-sign-in.ts';
import { ADMIN, call, REVIEWER, staffApi, submittedOrder } from './staff-support.ts';

/**
 * Issue 8 item 6 in the browser: an admin adds a reason template (a reviewer then picks it), publishes a notice
 * the applicants' console shows until it is withdrawn, sees the staff accounts, and invalidates an authorization
 * code with a reason.
 */
test('operations: reason template, notice board, staff accounts, authorization code', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const applicantContext = await browser.newContext({ baseURL });
  const applicant = await applicantContext.newPage();
  const { id, code } = await submittedOrder(applicant, 'ops');
  await signInStaffViaApi(page, ADMIN);
  await page.goto('/staff');
  await page.getByRole('link', { name: '运营管理', exact: true }).click();
  await expect(page.getByRole('heading', { name: '运营管理', level: 1 })).toBeVisible();

  // 1. A new template; the reviewer's review screen offers it at once.
  const tplCode = `DOMAIN_HOLDER_${Date.now().toString(36).toUpperCase()}`;
  await page.getByRole('button', { name: '新增', exact: true }).click();
  const tpl = page.getByRole('dialog', { name: '新增驳回原因模板' });
  await tpl.getByLabel('代码').fill(tplCode);
  await tpl.getByLabel('中文文本（申请人看到）').fill('域名持有者与主体不一致');
  await tpl.getByLabel('英文文本').fill('The domain holder is not the subject');
  await tpl.getByLabel('排序').fill('1');
  await tpl.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: tplCode, exact: true })).toBeVisible();
  await captureEverywhere(page, 'staff-operations-templates');
  const reviewer = await staffApi(REVIEWER);
  const templates = await call<{ items: { code: string }[] }>(reviewer, 'get', '/api/v1/reviewer/reason-templates');
  expect(templates.items[0]?.code).toBe(tplCode);

  // 2. A notice on the applicants' console until withdrawn.
  await page.locator('.ant-segmented').getByText('公告', { exact: true }).click();
  await page.getByRole('button', { name: '发布公告' }).click();
  const nt = page.getByRole('dialog', { name: '发布公告' });
  await nt.getByText('重要', { exact: true }).click();
  await nt.getByLabel('标题（中文）').fill('元旦假期管局暂停审核');
  await nt.getByLabel('标题（英文）').fill('Administrations pause reviews over New Year');
  await nt.getByLabel('内容（中文）').fill('1月1日至3日提交的备案将于假期后审核。');
  await nt.getByLabel('内容（英文）').fill('Filings submitted from 1 to 3 January are reviewed after the holiday.');
  await nt.getByRole('button', { name: '保存' }).click();
  const row = page.getByRole('row', { name: /元旦假期管局暂停审核/ });
  await expect(row.getByText('展示中')).toBeVisible();
  try {
    const reader = await browser.newContext({ baseURL });
    const home = await reader.newPage();
    const account = newAccount('ops-reader');
    await registerViaApi(home, account);
    await signInViaApi(home, account);
    await home.goto('/');
    const board = home.getByRole('region', { name: '公告' });
    await expect(board.getByText('元旦假期管局暂停审核')).toBeVisible();
    await expect(board.getByText('1月1日至3日提交的备案将于假期后审核。')).toBeVisible();
    await captureEverywhere(home, 'home-notice');
    await captureEverywhere(page, 'staff-operations-notices');
    await page.locator('.ant-segmented').getByText('公告', { exact: true }).click();
    await page
      .getByRole('row', { name: /元旦假期管局暂停审核/ })
      .getByRole('button', { name: '撤回' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
    await expect(page.getByRole('row', { name: /元旦假期管局暂停审核/ }).getByText('已撤回')).toBeVisible();
    await home.reload();
    await expect(home.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(home.getByText('元旦假期管局暂停审核')).toHaveCount(0);
    await reader.close();
  } finally {
    // Never leave a live notice for the other specs' screenshots.
    const admin = await staffApi(ADMIN);
    const all = await call<{ items: { id: string; withdrawnAt: string | null }[] }>(
      admin,
      'get',
      '/api/v1/admin/notices',
    );
    for (const n of all.items.filter((x) => !x.withdrawnAt)) {
      await call(admin, 'post', `/api/v1/admin/notices/${n.id}/withdrawal`);
    }
  }

  // 3. The staff accounts, the admin's own row without actions.
  await page.locator('.ant-segmented').getByText('员工账号', { exact: true }).click();
  await expect(page.getByRole('cell', { name: '演示管理员（您本人）' })).toBeVisible();
  await expect(page.getByRole('button', { name: '更改角色 演示审核员' })).toBeVisible();
  await captureEverywhere(page, 'staff-operations-staff');

  // 4. The order's authorization code: looked up, then invalidated with a reason.
  await page.locator('.ant-segmented').getByText('授权码', { exact: true }).click();
  await page.getByRole('textbox', { name: '授权码' }).fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('备案中')).toBeVisible();
  await expect(page.getByRole('link', { name: id.slice(0, 8) })).toBeVisible();
  await page.getByRole('button', { name: '作废授权码' }).click();
  const inv = page.getByRole('dialog');
  await inv.getByLabel('原因').fill('服务器已退订');
  await inv.getByRole('button', { name: '作废授权码' }).click();
  await expect(page.getByText('已失效')).toBeVisible();
  await applicantContext.close();
});
