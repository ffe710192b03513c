import { type Page, request as playwrightRequest } from '@playwright/test';
import type { OrderView } from '../src/contracts/order-api.ts';
import { captureEverywhere, expect, newAccount, registerViaApi, signInViaApi, test } from './fixtures.ts';
import { simulatorURL } from './playwright.config.ts';
import { REVIEWER, staffApi } from './staff-sign-in.ts';
import { call, orderUrl, submittedOrder, upload } from './staff-support.ts';

/**
 * The order page after submission (/orders/:id): an order driven through the API (applicant, the demo reviewer,
 * the simulator standing in for MIIT and the 管局) and shown at 初审, rejected with field reasons, in the MIIT SMS
 * stage with its countdown, and approved with its numbers.
 */
const staff = staffApi;

/** Waits until the platform has picked up what the simulator did (the worker polls and takes callbacks). */
async function waitForState(page: Page, id: string, state: OrderView['state']): Promise<OrderView> {
  let view: OrderView | undefined;
  await expect
    .poll(
      async () => {
        view = await call<OrderView>(page.request, 'get', orderUrl(id));
        return view.state;
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBe(state);
  return view!;
}

test('order progress: 初审, rejection with field reasons, SMS countdown, approval with numbers', async ({ page }) => {
  test.setTimeout(240_000);
  const { id, rp } = await submittedOrder(page, 'progress', '陈进度');

  // 1. Submitted: the provider's review, with its expected duration and the timeline.
  await page.goto(`/orders/${id}`);
  await expect(page.getByRole('heading', { name: '备案进度', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
  await expect(page.getByText('1–2 个工作日')).toBeVisible();
  await expect(page.getByText('提交备案申请')).toBeVisible();
  await expect(page.getByText('操作方：申请人').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '放弃备案' })).toBeVisible();
  await captureEverywhere(page, 'order-progress-submitted');

  // 2. The reviewer rejects two fields: each reason sits under its field's readable label, with the fix.
  const reviewer = await staff(REVIEWER);
  await call(reviewer, 'post', `/api/v1/reviewer/orders/${id}/provider-review`, {
    decision: 'reject',
    reasons: [
      {
        field: 'websites.0.responsiblePerson.mobile',
        code: 'MOBILE_UNREACHABLE',
        message: '网站负责人手机号码无法接通',
        suggestion: '请填写本人实名登记、可正常接听的手机号码',
      },
      { field: 'websites.0.name', code: 'WEBSITE_NAME_INVALID', message: '网站名称不能使用个人姓名' },
    ],
  });
  await page.reload();
  await expect(page.getByText('初审未通过')).toBeVisible();
  await expect(page.getByText('网站1 · 负责人手机号码')).toBeVisible();
  await expect(page.getByText('修改建议: 请填写本人实名登记、可正常接听的手机号码')).toBeVisible();
  await expect(page.getByText('网站1 · 网站名称')).toBeVisible();
  await expect(page.getByText('操作方：接入商审核员')).toBeVisible();
  // Staff are named by role only.
  await expect(page.getByText(REVIEWER.email)).toHaveCount(0);
  await captureEverywhere(page, 'order-progress-rejected');
  await page.getByRole('button', { name: '修改信息' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}/edit$`));

  // 3. Resubmitted and approved by the provider; the curtain photo passes; MIIT texts the code.
  await call(page.request, 'post', `${orderUrl(id)}/submit`, {});
  let view = await call<OrderView>(reviewer, 'post', `/api/v1/reviewer/orders/${id}/provider-review`, {
    decision: 'approve',
  });
  if (view.state === 'pending_authenticity_verification') {
    await upload(page, id, { kind: 'curtain_photo', websiteIndex: '0' });
    await call(page.request, 'post', `${orderUrl(id)}/authenticity`);
    view = await call<OrderView>(reviewer, 'post', `/api/v1/reviewer/orders/${id}/authenticity-review`, {
      decision: 'approve',
    });
  }
  view = await waitForState(page, id, 'pending_sms_verification');
  expect(view.sms?.persons).toHaveLength(1);

  await page.goto(`/orders/${id}`);
  await expect(page.getByRole('heading', { name: '待工信部短信核验' })).toBeVisible();
  await expect(page.getByText('核验剩余时间')).toBeVisible();
  // The countdown ticks but is not a live region.
  await expect(page.locator('.op-countdown')).toHaveAttribute('aria-live', 'off');
  await expect(page.getByText('主体负责人、网站1负责人')).toBeVisible();
  await expect(page.getByText(view.sms!.persons[0]!.mobileMasked)).toBeVisible();
  await expect(page.getByText('2 / 2')).toBeVisible();
  const verifyLink = page.getByRole('link', { name: /前往工信部短信核验/ });
  await expect(verifyLink).toHaveAttribute('href', `${simulatorURL}/sms`);
  await captureEverywhere(page, 'order-progress-sms');

  // The person verifies on "MIIT's" page; the open page follows by itself (no reload).
  const sim = await playwrightRequest.newContext({ baseURL: simulatorURL });
  const outbox = await call<{ messages: { mobile: string; text: string }[] }>(
    sim,
    'get',
    `/api/sms/outbox?mobile=${rp.mobile}`,
  );
  const smsCode = /核验码为 (\d{6})/.exec(outbox.messages[0]!.text)![1]!;
  await call(sim, 'post', '/api/sms/verify', { mobile: rp.mobile, code: smsCode, idLast6: rp.idNumber.slice(-6) });
  await expect(page.getByRole('heading', { name: '管局审核中' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('最长 20 个工作日')).toBeVisible();
  await expect(page.getByText('短信核验完成')).toBeVisible();

  // 4. The 管局 approves: the numbers, with the way to 备案管理.
  const { orders } = await call<{ orders: { ref: string; orderId: string }[] }>(sim, 'get', '/api/orders?limit=500');
  const ref = orders.find((o) => o.orderId === id)!.ref;
  await call(sim, 'post', `/api/orders/${ref}/decision`, { decision: 'approve' });
  await expect(page.getByText('备案成功').first()).toBeVisible({ timeout: 30_000 });
  const approved = await call<OrderView>(page.request, 'get', orderUrl(id));
  await expect(page.getByText(approved.numbers!.subjectNumber, { exact: true })).toBeVisible();
  await expect(page.getByText(approved.numbers!.websites[0]!.websiteNumber, { exact: true })).toBeVisible();
  await expect(page.getByText('操作方：管局')).toBeVisible();
  await captureEverywhere(page, 'order-progress-approved');

  await sim.dispose();
});

test('order progress: another account’s order is not found', async ({ page }) => {
  const account = newAccount('progress-other');
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  await page.goto(`/orders/${crypto.randomUUID()}`);
  await expect(page.getByText('未找到该备案申请')).toBeVisible();
});

test('order progress: abandoning asks first, then closes the order', async ({ page }) => {
  const { id } = await submittedOrder(page, 'progress-abandon');
  await page.goto(`/orders/${id}`);
  await page.getByRole('button', { name: '放弃备案' }).click();
  const dialog = page.getByRole('dialog', { name: '确定放弃本次备案吗？' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();

  await page.getByRole('button', { name: '放弃备案' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定放弃' }).click();
  await expect(page.getByText('已放弃备案').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '放弃备案' })).toHaveCount(0);
  await expect(page.getByText('操作方：申请人').first()).toBeVisible();
  await expect(page.locator('.op-timeline').getByText('放弃备案', { exact: true })).toBeVisible();
  const view = await call<OrderView>(page.request, 'get', orderUrl(id));
  expect(view.state).toBe('abandoned');
});
