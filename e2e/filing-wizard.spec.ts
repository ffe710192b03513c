import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { mobile, residentId, uniqueDomain, uscc } from '../test/support/filing-data.ts';
import { captureEverywhere, expect, newAccount, registerViaApi, signInViaApi, test } from './fixtures.ts';
import { ADMIN, staffApi } from './staff-sign-in.ts';

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function fillPerson(card: Locator, p: { name: string; id: string; mobile: string; emergency: string }) {
  await card.getByLabel('姓名', { exact: true }).fill(p.name);
  await card.getByLabel('证件号码', { exact: true }).fill(p.id);
  await card.getByRole('checkbox', { name: '长期' }).check();
  await card.getByLabel('手机号码', { exact: true }).fill(p.mobile);
  await card.getByLabel('应急联系电话', { exact: true }).fill(p.emergency);
  await card.getByLabel('电子邮箱', { exact: true }).fill('owner@example.cn');
  await card.getByRole('radio', { name: '是' }).check();
}

/** Filing needs a real-name verified account: the demo administrator records the verification. */
async function verifyRealName(page: Page) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { id: string };
  const admin = await staffApi(ADMIN);
  const res = await admin.post(`/api/v1/admin/users/${me.id}/real-name-verification`, { data: { verified: true } });
  expect(res.ok(), await res.text()).toBe(true);
}

test('the wizard: validated as typed, autosaved, resumed after a reload, confirmed with both agreements', async ({
  page,
}) => {
  const account = newAccount('wizard');
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  await verifyRealName(page);
  const domain = uniqueDomain('wizard');
  const started = await page.request.post('/api/v1/applicant/orders', { data: { kind: 'new', domain } });
  expect(started.ok(), await started.text()).toBe(true);
  const order = (await started.json()) as { id: string };

  await page.goto(`/orders/${order.id}/edit`);
  await expect(page.getByRole('heading', { name: '填写备案信息' })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toHaveText('主体信息');

  // 下一步 on an empty step: a summary is announced and the first invalid field gets the focus.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '本步骤有' })).toBeVisible();
  await expect(page.getByLabel('所属省份', { exact: true })).toBeFocused();

  const step = page.locator('#wizard-step-content');
  await choose(page, step, '所属省份', '北京');
  await step.getByLabel('所属城市', { exact: true }).fill('北京市');
  await step.getByLabel('所属区县', { exact: true }).fill('朝阳区');
  await choose(page, step, '主办单位性质', '企业');
  // A wrong credit code is refused as it is typed.
  await step.getByLabel('主办单位证件号码', { exact: true }).fill('91110105MA00000000');
  await expect(step.getByText('统一社会信用代码', { exact: false }).first()).toBeVisible();
  await step.getByLabel('主办单位证件号码', { exact: true }).fill(uscc());
  await step
    .locator('.ant-form-item', { hasText: '证件有效期至' })
    .first()
    .getByRole('checkbox', { name: '长期' })
    .check();
  await step.getByLabel('主办单位或主办人名称', { exact: true }).fill('北京云帆信息技术有限公司');
  await step.getByLabel('证件住所', { exact: true }).fill('北京市朝阳区建国路88号');
  await step.getByLabel('通信地址', { exact: true }).fill('北京市朝阳区建国路88号');
  await step.getByLabel('投资人或主管单位', { exact: true }).fill('李四');
  const subjectPerson = step.locator('.ant-card', { has: page.getByText('主体负责人', { exact: true }) });
  await fillPerson(subjectPerson, { name: '李四', id: residentId(), mobile: mobile(), emergency: mobile() });

  // Autosave after typing stops, then the draft resumes after a reload.
  await expect(page.getByRole('status').filter({ hasText: /已保存 \d\d:\d\d/ })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByLabel('主办单位或主办人名称', { exact: true })).toHaveValue('北京云帆信息技术有限公司');
  await expect(page.getByLabel('所属城市', { exact: true })).toHaveValue('北京市');
  await captureEverywhere(page, 'wizard-subject');

  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('[aria-current="step"]')).toHaveText('网站信息');
  const site = page.locator('.ant-card', { hasText: '网站 1' });
  await expect(site.getByLabel('网站域名', { exact: true })).toHaveValue(domain);
  await expect(site.getByLabel('网站域名', { exact: true })).toBeDisabled();
  await site.getByLabel('网站名称', { exact: true }).fill('云帆技术博客');
  await site.getByLabel('网站首页地址', { exact: true }).fill(`https://www.${domain}/`);
  await choose(page, site, '网站服务内容', '博客');
  await choose(page, site, '接入方式', '虚拟主机');
  await site.getByLabel('服务器放置地', { exact: true }).fill('北京');
  await site.getByLabel('备案授权码', { exact: true }).fill('AUTHCODE0001');
  await site.getByLabel('IP 地址 1', { exact: true }).fill('10.0.0.8');
  await expect(site.getByText('内网地址不能备案')).toBeVisible();
  await site.getByLabel('IP 地址 1', { exact: true }).fill('116.196.80.21');
  // 同主体负责人 copies the subject's person and locks the fields.
  await site.getByRole('checkbox', { name: '同主体负责人' }).check();
  await expect(site.getByLabel('姓名', { exact: true })).toHaveValue('李四');
  await expect(site.getByLabel('姓名', { exact: true })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: /已保存 \d\d:\d\d/ })).toBeVisible({ timeout: 20_000 });
  await captureEverywhere(page, 'wizard-websites');

  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('[aria-current="step"]')).toHaveText('上传资料');
  // 下一步 with required uploads missing is refused, naming them.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '项资料未上传' })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toHaveText('上传资料');
  const inputs = page.locator('input[type="file"][data-testid^="file-"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    const buffer = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 40 + i * 20, g: 140, b: 200 } },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    await inputs.nth(i).setInputFiles({ name: `scan-${i}.jpg`, mimeType: 'image/jpeg', buffer });
    await expect(page.getByText(`已上传 ${i + 1}/${count} 项`)).toBeVisible({ timeout: 20_000 });
  }
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('[aria-current="step"]')).toHaveText('确认提交');
  await expect(page.getByText('北京云帆信息技术有限公司').first()).toBeVisible();
  await expect(page.getByText('12381', { exact: false })).toBeVisible();
  await captureEverywhere(page, 'wizard-confirm');

  // Both agreements open with their text and can be accepted there.
  await page.getByRole('button', { name: '《信息安全管理协议》' }).click();
  const dialog = page.getByRole('dialog', { name: '《信息安全管理协议》' });
  await expect(dialog.getByText('网络安全法', { exact: false })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/wizard-agreement-zh-CN-desktop.jpg', type: 'jpeg', quality: 70 });
  await dialog.getByRole('button', { name: '我已阅读并同意' }).click();
  await expect(page.getByRole('checkbox', { name: '我已阅读并同意《信息安全管理协议》' })).toBeChecked();
  await page.getByRole('button', { name: '《协助更改备案信息服务在线服务条款》' }).click();
  await page
    .getByRole('dialog', { name: '《协助更改备案信息服务在线服务条款》' })
    .getByRole('button', { name: '我已阅读并同意' })
    .click();
  await expect(
    page.getByRole('checkbox', { name: '我已阅读并同意《协助更改备案信息服务在线服务条款》' }),
  ).toBeChecked();

  // 编辑 goes back to its step.
  await page.getByRole('button', { name: '编辑主体信息' }).click();
  await expect(page.locator('[aria-current="step"]')).toHaveText('主体信息');
});

test('a save from another tab is shown as a conflict, and keeping mine loses nothing', async ({ page, context }) => {
  const account = newAccount('conflict');
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  const started = await page.request.post('/api/v1/applicant/orders', {
    data: { kind: 'new', domain: uniqueDomain('conflict') },
  });
  expect(started.ok(), await started.text()).toBe(true);
  const order = (await started.json()) as { id: string };

  // Two tabs on the same draft, both read at the same version.
  const other = await context.newPage();
  await page.goto(`/orders/${order.id}/edit`);
  await other.goto(`/orders/${order.id}/edit`);
  const city = (p: Page) => p.locator('#wizard-step-content').getByLabel('所属城市', { exact: true });
  await expect(city(page)).toBeVisible();
  await expect(city(other)).toBeVisible();

  await city(other).fill('杭州市');
  await expect(other.getByRole('status').filter({ hasText: /已保存 \d\d:\d\d/ })).toBeVisible({ timeout: 20_000 });

  // The first tab still holds the old version: its save is refused and the user decides.
  await city(page).fill('宁波市');
  const dialog = page.getByRole('dialog', { name: '备案信息已在其他窗口或标签页中修改' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(city(page)).toHaveValue('宁波市');
  await dialog.getByRole('button', { name: '保留我的内容并保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: /已保存 \d\d:\d\d/ })).toBeVisible({ timeout: 20_000 });

  await other.reload();
  await expect(city(other)).toHaveValue('宁波市');
  await other.close();
});

test('a session that ends while typing: back to sign-in, then back to the form with what was typed', async ({
  page,
  context,
}) => {
  const account = newAccount('expiry');
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  const started = await page.request.post('/api/v1/applicant/orders', {
    data: { kind: 'new', domain: uniqueDomain('expiry') },
  });
  const order = (await started.json()) as { id: string };
  await page.goto(`/orders/${order.id}/edit`);
  const city = page.locator('#wizard-step-content').getByLabel('所属城市', { exact: true });
  await expect(city).toBeVisible();

  // The session ends (expired, or signed out elsewhere); the next autosave meets AUTH_REQUIRED.
  await context.clearCookies();
  await city.fill('苏州市');
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: 20_000 });
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();

  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/edit`));
  await expect(page.locator('#wizard-step-content').getByLabel('所属城市', { exact: true })).toHaveValue('苏州市');
});
