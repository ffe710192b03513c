import { completeFirstFiling, createHttp } from '../bench/filing-client.ts';
import { DEMO_ACCOUNTS, SUB_ACCOUNT } from '../src/seed/demo.ts';
import { uniqueDomain, uscc } from '../test/support/filing-data.ts';
import { captureEverywhere, expect, newAccount, signInViaApi, test } from './fixtures.ts';
import { baseURL, simulatorURL } from './playwright.config.ts';
import { ADMIN, REVIEWER, staffApi, staffSessionCookie } from './staff-sign-in.ts';

const _demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** A real-name-verified applicant, made by the demo admin (self sign-up leaves real-name verification pending). */
async function verifiedApplicant() {
  const account = newAccount('home');
  const admin = await staffApi(ADMIN);
  const res = await admin.post('/api/v1/admin/users', {
    data: { ...account, role: 'applicant', realNameVerified: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return account;
}

test('a new account: view A, the validation step names the type and why, and the order opens', async ({ page }) => {
  const account = await verifiedApplicant();
  await signInViaApi(page, account);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '您还没有在本平台备案的主体' })).toBeVisible();
  await expect(page.getByText('没有进行中的订单')).toBeVisible();
  await captureEverywhere(page, 'home-new');

  await page.getByRole('button', { name: '开始备案' }).click();
  await expect(page).toHaveURL(/\/filing\/start$/);
  await expect(page.getByRole('heading', { name: '验证备案类型' })).toBeVisible();
  await captureEverywhere(page, 'start-filing');

  // A failed "验证" names the fields and focuses the first one.
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请先更正标出的项目' })).toBeVisible();
  await expect(page.getByLabel('主体所在省份')).toBeFocused();

  await page.getByLabel('主体所在省份').fill('北京');
  await page.keyboard.press('Enter');
  await page.getByLabel('主体性质').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^企业$/ })
    .click();
  // Enterprises default to the business licence; the number is checked as typed.
  await expect(page.locator('.ant-form-item').filter({ hasText: '证件类型' })).toContainText('营业执照');
  await page.getByLabel('证件号码').fill('91110105MA01234567');
  await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await page.getByLabel('证件号码').fill(uscc());
  await expect(
    page.locator('.ant-form-item').filter({ hasText: '证件号码' }).locator('.ant-form-item-explain-error'),
  ).toHaveCount(0);

  // "主体信息已经备案" asks for the subject number and checks it.
  await page.getByLabel('主体信息已经备案').check();
  await page.getByLabel('主体备案号').fill('京ICP备12345678号-1');
  await expect(page.getByText('请填写主体备案号（不带“-数字”后缀），而不是网站备案号')).toBeVisible();
  await page.getByLabel('主体信息已经备案').uncheck();

  const domain = uniqueDomain('home');
  await page.getByLabel('备案域名').fill(`www.${domain}`);
  await expect(page.getByText(`备案域名：${domain}`)).toBeVisible();
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { name: /备案类型：首次备案/ })).toBeVisible();
  await expect(page.getByText('判断依据')).toBeVisible();

  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  const id = /\/orders\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
  // The validation answers are the order's first draft data, so the wizard opens prefilled.
  const order = await (await page.request.get(`/api/v1/applicant/orders/${id}`)).json();
  expect(order.type).toBe('first_filing');
  expect(order.data.subject).toMatchObject({
    province: 'beijing',
    subjectType: 'enterprise',
    certificateType: 'business_license',
  });
  expect(order.data.websites[0].domain).toBe(domain);

  // Home now lists the draft to resume, and 开始备案 says why it is not available.
  await page.goto('/');
  await expect(page.getByRole('button', { name: '继续填写' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始备案' })).toBeDisabled();
  await expect(page.getByText('已有进行中的备案订单，请先完成或放弃该订单').first()).toBeVisible();
});

test('a filed subject: view B, records with the footer code, codes, inbox, a cancellation behind a typed confirmation', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const http = createHttp(baseURL);
  const filed = await completeFirstFiling(baseURL, {
    admin: http.fromCookie(await staffSessionCookie(ADMIN)),
    reviewer: http.fromCookie(await staffSessionCookie(REVIEWER)),
    manualAdminDecision: true,
    simulatorUrl: simulatorURL,
  });
  const [name, value] = filed.applicant.cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseURL }]);
  const websiteNumber = filed.numbers.websites[0]!.websiteNumber;

  await page.goto('/');
  await expect(page.getByText(filed.numbers.subjectNumber).first()).toBeVisible();
  await expect(page.getByText(websiteNumber)).toBeVisible();
  for (const action of ['主体变更', '变更图片', '主体注销', '网站变更', '变更接入', '网站注销', '取消接入']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toBeEnabled();
  }
  await captureEverywhere(page, 'home-filed');

  // The one entry for a new website: the system says 新增网站 and why, before anything is created.
  await page.getByLabel('域名', { exact: true }).fill(uniqueDomain('more'));
  await page.getByRole('button', { name: '检查备案类型' }).click();
  await expect(page.getByRole('heading', { name: /备案类型：新增网站/ })).toBeVisible();

  await page.getByRole('link', { name: '备案管理' }).click();
  await expect(page).toHaveURL(/\/records$/);
  await expect(page.getByText(filed.numbers.subjectNumber, { exact: true })).toBeVisible();
  await expect(page.locator('textarea').first()).toHaveValue(
    `<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">${websiteNumber}</a>`,
  );
  await expect(page.getByText('请在30日内办理公安联网备案')).toBeVisible();
  await captureEverywhere(page, 'records');

  await page.getByRole('link', { name: '备案记录（全部订单）' }).click();
  await expect(page).toHaveURL(/\/records\/history$/);
  await expect(page.getByText('备案成功')).toBeVisible();
  await captureEverywhere(page, 'order-history');

  // Authorization codes: apply for one on the eligible server.
  await page.goto('/codes');
  await expect(page.getByRole('heading', { name: '备案授权码' })).toBeVisible();
  await page.getByLabel('云服务器').click();
  await page.locator('.ant-select-item-option:not(.ant-select-item-option-disabled)').first().click();
  await page.getByRole('button', { name: '申请', exact: true }).click();
  await expect(page.getByText(/已申请授权码：/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^作废授权码/ }).first()).toBeVisible();
  await captureEverywhere(page, 'codes');

  // Inbox: the filing's messages, unread marked; mark one read.
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: '消息中心' })).toBeVisible();
  const unreadBefore = await page.getByRole('button', { name: /^将“.*”标为已读$/ }).count();
  if (unreadBefore > 0) {
    await page
      .getByRole('button', { name: /^将“.*”标为已读$/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: /^将“.*”标为已读$/ })).toHaveCount(unreadBefore - 1);
  }
  await captureEverywhere(page, 'inbox');

  // 网站注销 is irreversible: the reason and the typed domain come first.
  await page.goto('/');
  const domain = filed.numbers.websites[0] ? (await page.locator('.home-website strong').first().textContent())! : '';
  await page.getByRole('button', { name: '网站注销', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('此操作不可撤销')).toBeVisible();
  await dialog.getByRole('button', { name: '确认并开始' }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await dialog.getByLabel('注销/取消原因').fill('网站不再运营');
  await dialog.getByLabel(/请输入“.*”以确认/).fill('wrong.example.cn');
  await dialog.getByRole('button', { name: '确认并开始' }).click();
  await expect(dialog.getByText(/输入内容与“.*”不一致/)).toBeVisible();
  await dialog.getByLabel(/请输入“.*”以确认/).fill(domain);
  await dialog.getByRole('button', { name: '确认并开始' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);

  // With that order open every action is disabled and says why.
  await page.goto('/');
  for (const action of ['主体变更', '网站变更', '取消接入']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toBeDisabled();
  }
  await expect(page.getByText(/暂不可用：已有进行中的备案订单/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '继续填写' })).toBeVisible();
});

test('a sub-account is told it cannot file', async ({ page }) => {
  await signInViaApi(page, SUB_ACCOUNT);
  await page.goto('/filing/start');
  await expect(page.getByText('子账号不能办理备案', { exact: true })).toBeVisible();
  await expect(page.getByLabel('备案域名')).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('button', { name: '开始备案' })).toBeDisabled();
  await expect(page.getByText(/子账号不能办理备案，请使用主账号操作/)).toBeVisible();
});
