import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { captureEverywhere, expect, newAccount, registerViaApi, signInViaApi, test } from './fixtures.ts';
import { ADMIN, REVIEWER, staffApi } from './staff-sign-in.ts';

/**
 * 上传资料 and 真实性核验 in the browser: real JPEG uploads through the materials step, then the phone page opened
 * from the step's link at 360 px, its photo upload, and the desktop step turning done by itself.
 */

/** Synthetic resident ID with a valid check digit (the published algorithm; never a real person's number). */
function residentId(region = '110105', birth = '19900307'): string {
  const body = `${region}${birth}${String(randomInt(100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}
const mobile = () => `138${String(randomInt(10_000_000, 99_999_999))}`;

/** A 1200×800 coloured JPEG (a certificate scan stand-in). */
const scanJpeg = (hue: number) =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: hue, g: 140, b: 200 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

/** A portrait in front of a blue curtain: a skin-coloured ellipse in the upper middle, so the pre-check passes. */
async function curtainPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000">
    <rect width="800" height="1000" fill="#1f5fbf"/>
    <ellipse cx="400" cy="330" rx="150" ry="190" fill="#e0ac8c"/>
    <path d="M150 1000 q20 -420 250 -430 q230 10 250 430z" fill="#8c8c8c"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');

test('materials upload, then the phone verification photo arrives on the desktop', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const account = newAccount('materials');
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  const me = await (await page.request.get('/api/v1/auth/me')).json();

  // The provider's side: real-name verification and a server with a public IP for the authorization code.
  const admin = await staffApi(ADMIN);
  expect(
    (await admin.post(`/api/v1/admin/users/${me.id}/real-name-verification`, { data: { verified: true } })).ok(),
  ).toBe(true);
  const ip = `116.196.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const resource = await admin.post('/api/v1/admin/resources', {
    data: {
      accountId: me.id,
      kind: 'server',
      name: 'e2e 云主机',
      region: 'cn-north-1',
      publicIps: [ip],
      billingType: 'prepaid',
      expiresAt: new Date(Date.now() + 365 * 24 * 3600_000).toISOString(),
    },
  });
  expect(resource.status(), await resource.text()).toBe(201);
  const codeRes = await page.request.post('/api/v1/applicant/authorization-codes', {
    data: { resourceId: (await resource.json()).id },
  });
  expect(codeRes.status(), await codeRes.text()).toBe(201);
  const code = await codeRes.json();

  const domain = `photo-${randomInt(1e8, 1e9 - 1).toString(36)}.cn`;
  const started = await page.request.post('/api/v1/applicant/orders', {
    data: { kind: 'new', domain, subjectAlreadyFiled: false },
  });
  expect(started.status(), await started.text()).toBe(201);
  const order = await started.json();
  const idNumber = residentId();
  const rp = {
    name: '陈思远',
    idType: 'resident_id',
    idNumber,
    idValidUntil: '2036-05-01',
    mobile: mobile(),
    emergencyPhone: mobile(),
    email: 'owner@example.cn',
    isLegalPerson: true,
  };
  const data = {
    subject: {
      province: 'beijing',
      city: '北京市',
      district: '海淀区',
      subjectType: 'individual',
      certificateType: 'resident_id',
      certificateNumber: idNumber,
      certificateValidUntil: rp.idValidUntil,
      sponsorName: rp.name,
      certificateAddress: '北京市海淀区中关村大街1号',
      mailingAddress: '北京市海淀区中关村大街1号',
      responsiblePerson: rp,
    },
    websites: [
      {
        name: '陈思远的读书笔记',
        domain,
        serviceContent: 'blog',
        languages: ['zh_hans'],
        preApprovals: [],
        authorizationCode: code.code,
        ipAddresses: [code.publicIp ?? ip],
        accessMethod: 'virtual_host',
        sameAsSubjectResponsible: true,
        responsiblePerson: rp,
      },
    ],
  };
  const saved = await page.request.put(`/api/v1/applicant/orders/${order.id}/data`, {
    data: { version: order.version, data },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  // The materials step: one card per required material, uploaded with real JPEGs.
  await page.goto(`/orders/${order.id}/materials`);
  await expect(page.getByRole('heading', { name: '上传资料', level: 2 })).toBeVisible();
  await expect(page.getByText(/已上传 0\/\d+ 项/)).toBeVisible();
  const inputs = page.locator('input[type="file"][data-testid^="file-"]');
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.getByText(`已上传 0/${count} 项`)).toBeVisible();
  for (let i = 0; i < count; i++) {
    await inputs
      .nth(i)
      .setInputFiles({ name: `scan-${i}.jpg`, mimeType: 'image/jpeg', buffer: await scanJpeg(40 + i * 20) });
    await expect(page.getByText(`已上传 ${i + 1}/${count} 项`)).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.getByText('所需资料已全部上传')).toBeVisible();
  await expect(page.getByText(/EXIF 等元数据/).first()).toBeVisible();
  await expect(page.locator('.material-thumb img').first()).toHaveAttribute('src', /^blob:/);
  await captureEverywhere(page, 'materials-step');

  // A certificate that expires too soon is refused as it is typed.
  const dateInput = page.locator('.material-date input').first();
  if (await dateInput.count()) {
    await dateInput.click();
    await dateInput.fill(new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10));
    await dateInput.press('Enter');
    await expect(page.getByText(/证件有效期须超过3个月/).first()).toBeVisible();
  }

  // Submit, 初审 passes (legacy ordering): the photo is due now.
  expect(
    (
      await page.request.post(`/api/v1/applicant/orders/${order.id}/terms`, {
        data: { infoSecurityAgreement: true, assistedCorrectionTerms: true },
      })
    ).ok(),
  ).toBe(true);
  const submitted = await page.request.post(`/api/v1/applicant/orders/${order.id}/submit`, { data: {} });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const reviewer = await staffApi(REVIEWER);
  const passed = await reviewer.post(`/api/v1/reviewer/orders/${order.id}/provider-review`, {
    data: { decision: 'approve' },
  });
  expect(passed.status(), await passed.text()).toBe(200);
  expect((await passed.json()).state).toBe('pending_authenticity_verification');

  await page.goto(`/orders/${order.id}/materials`);
  await expect(page.getByRole('heading', { name: '真实性核验' })).toBeVisible();
  await page.getByRole('button', { name: '生成手机拍照二维码' }).click();
  const link = page.getByTestId('verify-link-0');
  await expect(link).toBeVisible();
  const url = await link.getAttribute('href');
  expect(url).toMatch(/\/m\/verify#[A-Za-z0-9_-]{43}$/);
  await expect(page.locator('.ant-qrcode')).toBeVisible();
  await page.screenshot({
    path: join(SHOTS, 'verification-step-qr-zh-CN-desktop.jpg'),
    fullPage: true,
    type: 'jpeg',
    quality: 70,
  });
  await captureEverywhere(page, 'verification-step');

  // The phone: a fresh browser context without the applicant's session, 360 px wide.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', isMobile: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(url!);
  await expect(phonePage.getByRole('heading', { name: '网站负责人拍照核验' })).toBeVisible();
  await expect(phonePage.getByText('陈**')).toBeVisible();
  await captureEverywhere(phonePage, 'mobile-verify');
  await phonePage.getByTestId('file-input').setInputFiles({
    name: 'me.jpg',
    mimeType: 'image/jpeg',
    buffer: await curtainPhoto(),
  });
  await expect(phonePage.getByText('亮度适中')).toBeVisible();
  await expect(phonePage.getByText('画面中部检测到人像区域')).toBeVisible();
  await phonePage.screenshot({
    path: join(SHOTS, 'mobile-verify-checked-zh-CN-phone.jpg'),
    fullPage: true,
    type: 'jpeg',
    quality: 70,
  });
  await phonePage.getByRole('button', { name: '上传照片' }).click();
  await expect(phonePage.getByText('照片已上传').first()).toBeVisible({ timeout: 20_000 });
  await phonePage.screenshot({
    path: join(SHOTS, 'mobile-verify-done-zh-CN-phone.jpg'),
    fullPage: true,
    type: 'jpeg',
    quality: 70,
  });

  // The desktop step notices by itself (polling), and the photos can be handed in.
  await expect(page.getByText('已收到核验照片').first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '提交核验' }).click();
  await expect(page.getByText('已提交核验，等待审核')).toBeVisible();

  // The link was single use.
  await phonePage.reload();
  await expect(phonePage.getByText('该核验链接已使用过，照片已上传')).toBeVisible();
  await phone.close();
});
