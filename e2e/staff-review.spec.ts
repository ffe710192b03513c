import { type Page, request as playwrightRequest } from '@playwright/test';
import sharp from 'sharp';
import type { OrderView } from '../src/contracts/order-api.ts';
import { mobile } from '../test/support/filing-data.ts';
import { fieldLabel } from '../web/src/features/order-progress/field-labels.ts';
import { captureEverywhere, expect, test } from './fixtures.ts';
import { baseURL, simulatorURL } from './playwright.config.ts';
import { signInStaffInBrowser, signInStaffViaApi } from './staff-sign-in.ts';
import { ADMIN, call, orderUrl, REVIEWER, staffApi, submittedOrder, upload } from './staff-support.ts';

/**
 * The back office in the browser: the demo reviewer finds an applicant's order in the queue, reveals one field
 * (audited), returns the order with two field reasons and a material reason that the applicant's progress page
 * shows on the right fields, approves the resubmission after ticking the checklist, and approves the curtain photo.
 */

/** A fresh, sharper scan of the rejected ID (the portal checks the size of what is uploaded). */
const sharperScan = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

/** Takes the focus out of any input, so the page's single-key shortcuts apply. */
const blur = (page: Page) => page.evaluate(() => (globalThis as any).document.activeElement?.blur());

async function pickTemplate(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: `驳回原因 · ${label}` }).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

test('back office: queue, reveal (audited), return with reasons, approve, curtain photo, forward, SMS, number', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const applicantContext = await browser.newContext({ baseURL });
  const applicant = await applicantContext.newPage();
  const { id, rp, domain } = await submittedOrder(applicant, 'staff');

  // An applicant is told /staff is for staff and offered the portal.
  await applicant.goto('/staff');
  await expect(applicant.getByRole('heading', { name: '此页面仅供接入商审核人员使用' })).toBeVisible();
  await expect(applicant.getByRole('link', { name: '前往备案控制台' })).toHaveAttribute('href', '/');

  // 1. The reviewer signs in and lands in the back office, finds the order by its domain.
  await signInStaffInBrowser(page, REVIEWER);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { name: '待处理备案', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /初审/, selected: true })).toBeVisible();
  await page.getByLabel('搜索').fill(domain);
  const row = page.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) });
  await expect(row).toBeVisible();
  await expect(row.getByText('待初审')).toBeVisible();
  await captureEverywhere(page, 'staff-queue');
  await page.getByLabel('搜索').fill(domain);
  await page.getByRole('link', { name: `审核申请 ${id.slice(0, 8)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/orders/${id}$`));
  await expect(page.getByRole('heading', { name: '审核备案申请', level: 1 })).toBeVisible();

  // 2. Personal data is masked until revealed with a reason; the audit trail says who showed what, and why.
  const mobileLabel = fieldLabel('websites.0.responsiblePerson.mobile', 'zh-CN');
  await expect(page.getByText(rp.mobile)).toHaveCount(0);
  await page.getByRole('button', { name: `显示 ${mobileLabel}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '显示' }).click();
  await expect(dialog.getByRole('alert')).toContainText('请填写至少 2 个字的原因');
  await dialog.getByLabel('查看原因').fill('核对手机号归属');
  await dialog.getByRole('button', { name: '显示' }).click();
  await expect(page.getByText(rp.mobile)).toBeVisible();
  const audit = page.locator('.sr-audit');
  await expect(audit.getByText(`审核员 · 查看了 ${mobileLabel}`)).toBeVisible();
  await expect(audit.getByText('原因：核对手机号归属')).toBeVisible();

  // Any two images side by side, each with its own zoom and rotation.
  await page.getByRole('button', { name: '对比图片' }).click();
  const compare = page.getByRole('dialog', { name: '并排对比两张图片' });
  await expect(compare.locator('img')).toHaveCount(2);
  await expect(compare.getByRole('combobox', { name: '左侧图片' })).toBeVisible();
  await compare.getByRole('button', { name: '关闭', exact: true }).last().click();
  await expect(compare).toBeHidden();

  // 3. Two fields and a material rejected with templated reasons (kept as a draft while working).
  const view = await call<OrderView>(page.request, 'get', `/api/v1/reviewer/orders/${id}`);
  const mat = view.materials.find((m) => m.kind === 'website_rp_id' || m.kind === 'personal_id')!;
  const matPath =
    mat.websiteIndex === null ? `materials.${mat.kind}` : `websites.${mat.websiteIndex}.materials.${mat.kind}`;
  const matLabel = fieldLabel(matPath, 'zh-CN');
  const nameLabel = fieldLabel('websites.0.name', 'zh-CN');

  await page.getByRole('button', { name: `驳回 ${mobileLabel}`, exact: true }).click();
  await pickTemplate(page, mobileLabel, '负责人手机号非本人');
  await page.getByLabel(`修改建议（可选） · ${mobileLabel}`).fill('请填写负责人本人实名登记的手机号码');
  await page.getByRole('button', { name: `驳回 ${nameLabel}`, exact: true }).click();
  await pickTemplate(page, nameLabel, '网站名称不符合要求');
  await page.getByLabel(`补充说明（可选） · ${nameLabel}`).fill('不能使用个人姓名');
  await page.getByRole('button', { name: `驳回 ${matLabel}`, exact: true }).click();
  await pickTemplate(page, matLabel, '图片不清晰');
  // A shortcut key typed into a field is text, not a decision.
  await page.getByLabel(`补充说明（可选） · ${matLabel}`).fill('');
  await page.getByLabel(`补充说明（可选） · ${matLabel}`).press('a');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByLabel(`补充说明（可选） · ${matLabel}`).fill('');
  await expect(page.getByText('已驳回 3 项')).toBeVisible();

  // The draft survives a reload of the tab; the review screen is captured with it.
  await captureEverywhere(page, 'staff-review');
  await expect(page.getByText('已驳回 3 项')).toBeVisible();
  await expect(page.getByRole('button', { name: `撤销驳回 ${mobileLabel}` })).toBeVisible();

  // Approve is refused while items are rejected; R returns the order with all reasons at once.
  await blur(page);
  await page.keyboard.press('a');
  await expect(page.getByText('已有驳回项，请驳回申请或撤销驳回').first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('r');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('申请人将看到以下 3 条原因');
  await confirm.getByRole('button', { name: '驳回申请' }).click();
  await expect(page.getByText('该申请当前状态为“初审驳回”')).toBeVisible();

  // 4. The applicant's progress page shows each reason on its field.
  await applicant.goto(`/orders/${id}`);
  await expect(applicant.getByText('初审未通过')).toBeVisible();
  await expect(applicant.getByText(mobileLabel, { exact: true })).toBeVisible();
  await expect(applicant.getByText('负责人手机号非本人', { exact: true })).toBeVisible();
  await expect(applicant.getByText('修改建议: 请填写负责人本人实名登记的手机号码')).toBeVisible();
  await expect(applicant.getByText(nameLabel, { exact: true })).toBeVisible();
  await expect(applicant.getByText('网站名称不符合要求：不能使用个人姓名')).toBeVisible();
  await expect(applicant.getByText(matLabel, { exact: true })).toBeVisible();
  await expect(applicant.getByText('图片不清晰', { exact: true })).toBeVisible();

  // 5. The applicant fixes the three in the portal (修改信息: only the rejected items are open) and resubmits; the
  // reviewer sees the changes beside the last reasons, then approves after ticking the whole checklist (A key).
  const newMobile = mobile();
  await applicant.getByRole('button', { name: '修改信息' }).click();
  await expect(applicant.getByRole('heading', { name: '修改备案信息' })).toBeVisible();
  await applicant.getByRole('button', { name: '下一步' }).click();
  await expect(applicant.locator('[aria-current="step"]')).toHaveText('网站信息');
  const site = applicant.locator('.ant-card', { has: applicant.getByLabel('网站域名', { exact: true }) }).first();
  await expect(site.locator('.ant-form-item-explain-error', { hasText: '网站名称不符合要求' })).toBeVisible();
  await site.getByLabel('网站名称', { exact: true }).fill('林老师的读书笔记');
  // The website's person was copied from the subject (同主体负责人): the rejection opens that switch, so the
  // applicant names the website's own mobile instead.
  await site.getByRole('checkbox', { name: '同主体负责人' }).uncheck();
  const mobileBox = site.getByLabel('手机号码', { exact: true });
  await expect(mobileBox).toBeEnabled();
  await expect(site.getByLabel('姓名', { exact: true })).toBeDisabled();
  await mobileBox.fill(newMobile);
  await expect(site.getByLabel('网站域名', { exact: true })).toBeDisabled();
  await applicant.getByRole('button', { name: '下一步' }).click();
  await expect(applicant.locator('[aria-current="step"]')).toHaveText('上传资料');
  await applicant
    .locator(`input[type="file"][data-testid^="file-${mat.kind}-${mat.websiteIndex ?? 's'}"]`)
    .setInputFiles({ name: 'id-sharper.jpg', mimeType: 'image/jpeg', buffer: await sharperScan() });
  await expect(applicant.getByText('所需资料已全部上传')).toBeVisible({ timeout: 20_000 });
  await applicant.getByRole('button', { name: '下一步' }).click();
  await expect(applicant.locator('[aria-current="step"]')).toHaveText('确认提交');
  for (const doc of ['《信息安全管理协议》', '《协助更改备案信息服务在线服务条款》']) {
    const box = applicant.getByRole('checkbox', { name: `我已阅读并同意${doc}` });
    if (await box.isChecked()) continue;
    await applicant.getByRole('button', { name: doc }).click();
    await applicant.getByRole('dialog', { name: doc }).getByRole('button', { name: '我已阅读并同意' }).click();
  }
  await applicant.getByRole('button', { name: '修改信息提交' }).click();
  await expect(applicant.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
  await page.reload();
  const changes = page.locator('.sr-changes');
  await expect(changes.getByRole('heading', { name: /本次重新提交的修改/ })).toBeVisible();
  const changedName = changes.getByRole('row', { name: new RegExp(nameLabel) });
  await expect(changedName.locator('ins')).toHaveText('林老师的读书笔记');
  await expect(changedName).toContainText('驳回原因');
  await expect(page.getByText('尚未驳回任何项')).toBeVisible();
  await blur(page);
  await page.keyboard.press('a');
  await expect(page.getByText('请先勾选全部检查项').first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const boxes = page.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await blur(page);
  await page.keyboard.press('a');
  await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('该申请当前状态为“待真实性核验”')).toBeVisible();

  // 6. The curtain photo arrives; the reviewer compares it with the ID photo and approves it.
  await upload(applicant, id, { kind: 'curtain_photo', websiteIndex: '0' });
  await call(applicant.request, 'post', `${orderUrl(id)}/authenticity`);
  await page.reload();
  await expect(page.getByRole('heading', { name: '真实性核验审核', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /幕布照片/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: '证件照片' })).toBeVisible();
  await captureEverywhere(page, 'staff-authenticity');
  // A blocked action is aria-disabled and says why; the shortcut says it too.
  await expect(page.getByRole('button', { name: /^审核通过/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('审核通过: 请先勾选全部检查项')).toBeVisible();
  for (const rule of [
    '照片中人物为网站负责人本人',
    '站在幕布中间，只拍上半身',
    '背景全部为蓝色幕布，文字清晰可辨',
    '着装符合季节',
    '未穿红色或蓝色上衣',
  ]) {
    await page.getByRole('checkbox', { name: rule }).check();
  }
  await expect(page.getByRole('button', { name: /^审核通过/ })).not.toHaveAttribute('aria-disabled', 'true');
  // The provider holds forwarding today (a senior reviewer's switch): the approved order waits for a reviewer.
  const admin = await staffApi(ADMIN);
  await call(admin, 'put', '/api/v1/reviewer/forwarding/mode', { mode: 'manual' });
  try {
    await page.getByRole('button', { name: /^审核通过/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await expect(page.getByText('该申请当前状态为“提交管局中”，无需审核。')).toBeVisible();
    await expect(page.getByText('暂存，等待人工报送')).toBeVisible();

    // 7. Forwarding: the order is held on the forwarding page; the reviewer selects it and forwards it.
    await page.getByRole('link', { name: '报送管局', exact: true }).click();
    await expect(page.getByRole('heading', { name: '报送管局', level: 1 })).toBeVisible();
    const held = page.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) });
    await expect(held.getByText('暂存待报送')).toBeVisible();
    await captureEverywhere(page, 'staff-forwarding');
    await page.getByRole('checkbox', { name: domain }).check();
    await page.getByRole('button', { name: '报送所选（1）' }).click();
    await expect(page.getByText('已报送 1 个；已在报送中 0 个；不可报送 0 个')).toBeVisible();
  } finally {
    await call(admin, 'put', '/api/v1/reviewer/forwarding/mode', { mode: 'auto' });
  }
  await expect(page.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) })).toHaveCount(0, {
    timeout: 30_000,
  });

  // 8. The regulator panel follows the order: MIIT's reference and the SMS check of each person.
  await page.goto(`/staff/orders/${id}`);
  await expect(page.getByText('短信核验中')).toBeVisible({ timeout: 30_000 });
  const sms = await call<OrderView>(page.request, 'get', `/api/v1/reviewer/orders/${id}`);
  await expect(page.getByText(`手机 ${sms.sms!.persons[0]!.mobileMasked}`)).toBeVisible();
  await captureEverywhere(page, 'staff-regulator');

  // 9. MIIT's SMS check and the 管局's approval on the simulator; the applicant sees the numbers.
  const sim = await playwrightRequest.newContext({ baseURL: simulatorURL });
  // Two people verify now: the subject's responsible person and the website's, with the mobile fixed in the portal.
  for (const m of [rp.mobile, newMobile]) {
    const outbox = await call<{ messages: { text: string }[] }>(sim, 'get', `/api/sms/outbox?mobile=${m}`);
    const smsCode = /核验码为 (\d{6})/.exec(outbox.messages[0]!.text)![1]!;
    await call(sim, 'post', '/api/sms/verify', { mobile: m, code: smsCode, idLast6: rp.idNumber.slice(-6) });
  }
  await expect(page.getByText('管局审核中').first()).toBeVisible({ timeout: 30_000 });
  const { orders } = await call<{ orders: { ref: string; orderId: string }[] }>(sim, 'get', '/api/orders?limit=500');
  await call(sim, 'post', `/api/orders/${orders.find((o) => o.orderId === id)!.ref}/decision`, { decision: 'approve' });
  await applicant.goto(`/orders/${id}`);
  await expect(applicant.getByText('备案成功').first()).toBeVisible({ timeout: 30_000 });
  const approved = await call<OrderView>(applicant.request, 'get', orderUrl(id));
  await expect(applicant.getByText(approved.numbers!.websites[0]!.websiteNumber, { exact: true })).toBeVisible();
  await expect(page.getByText(approved.numbers!.websites[0]!.websiteNumber, { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await Promise.all([admin.dispose(), sim.dispose(), applicantContext.close()]);
});

test('back office: a colleague cannot decide a claimed order; a decision on a stale view is told to reload', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const applicantContext = await browser.newContext({ baseURL });
  const { id } = await submittedOrder(await applicantContext.newPage(), 'race');
  await signInStaffViaApi(page, REVIEWER);
  await page.goto(`/staff/orders/${id}`);
  await expect(page.getByRole('heading', { name: '审核备案申请', level: 1 })).toBeVisible();
  // Opening the order claimed it for the reviewer.
  await expect(page.getByText(/此订单已由您领取/)).toBeVisible();
  const nameLabel = fieldLabel('websites.0.name', 'zh-CN');
  await page.getByRole('button', { name: `驳回 ${nameLabel}`, exact: true }).click();

  // A colleague (the demo admin, through the API) tries to decide the order: the claim refuses it.
  const admin = await staffApi(ADMIN);
  const refused = await admin.post(`/api/v1/reviewer/orders/${id}/provider-review`, { data: { decision: 'approve' } });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({
    code: 'ORDER_CLAIMED_BY_OTHER',
    details: { holder: { displayName: '演示审核员' } },
  });
  await admin.dispose();

  // This screen loses its line to the claim (offline), and the same reviewer decides in another session.
  await page.route('**/claim**', (route) => route.abort());
  const otherTab = await staffApi(REVIEWER);
  await call(otherTab, 'post', `/api/v1/reviewer/orders/${id}/provider-review`, { decision: 'approve' });
  await otherTab.dispose();

  await page.getByRole('button', { name: /^驳回申请/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '驳回申请' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '该申请已被他人处理或修改' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('结论未提交');
  await page.unroute('**/claim**');
  await alert.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByText('该申请当前状态为“待真实性核验”，无需审核。')).toBeVisible();
  // The other session's decision stands.
  const view = await call<OrderView>(page.request, 'get', `/api/v1/reviewer/orders/${id}`);
  expect(view.state).toBe('pending_authenticity_verification');
  expect(view.rejections).toHaveLength(0);
  await applicantContext.close();
});
