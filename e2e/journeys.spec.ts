import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { SUB_ACCOUNT } from '../src/seed/demo.ts';
import { mobile, residentId, uniqueDomain, uscc } from '../test/support/filing-data.ts';
import { type Account, expect, expectAccessible, newAccount, test } from './fixtures.ts';
import { simulatorURL } from './playwright.config.ts';
import { REVIEWER, staffApi } from './staff-sign-in.ts';

/**
 * The journeys of issue 7 item 9, driven through the browser the way a newcomer would: every applicant step in the
 * portal's pages, the regulator's steps on the simulator's own pages (SMS outbox, 短信核验, 管局审核, clock). Only
 * the provider's reviewer acts through the API (its back office has no UI yet).
 */

// Actions wait for visible state, never for the whole test's time.
test.use({ actionTimeout: 15_000 });

// ---- helpers --------------------------------------------------------------------------------------------------

/** A 1200×800 coloured JPEG (a certificate scan stand-in). */
const scanJpeg = (hue: number) =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: hue, g: 140, b: 200 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

/** A portrait in front of a blue curtain: a skin-coloured ellipse in the upper middle, so the phone's check passes. */
const curtainPhoto = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000">
    <rect width="800" height="1000" fill="#1f5fbf"/>
    <ellipse cx="400" cy="330" rx="150" ry="190" fill="#e0ac8c"/>
    <path d="M150 1000 q20 -420 250 -430 q230 10 250 430z" fill="#8c8c8c"/></svg>`),
  )
    .jpeg({ quality: 88 })
    .toBuffer();

const reviewerContext = (): Promise<APIRequestContext> => staffApi(REVIEWER);

async function review(
  ctx: APIRequestContext,
  id: string,
  step: 'provider-review' | 'authenticity-review',
  body: object,
) {
  const res = await ctx.post(`/api/v1/reviewer/orders/${id}/${step}`, { data: body });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { state: string };
}

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

type PersonInput = { name: string; id: string; mobile: string; emergency: string };
const newPerson = (name: string): PersonInput => ({ name, id: residentId(), mobile: mobile(), emergency: mobile() });

async function fillPerson(card: Locator, p: PersonInput) {
  await card.getByLabel('姓名', { exact: true }).fill(p.name);
  await card.getByLabel('证件号码', { exact: true }).fill(p.id);
  await card.getByRole('checkbox', { name: '长期' }).check();
  await card.getByLabel('手机号码', { exact: true }).fill(p.mobile);
  await card.getByLabel('应急联系电话', { exact: true }).fill(p.emergency);
  await card.getByLabel('电子邮箱', { exact: true }).fill('owner@example.cn');
  await card.getByRole('radio', { name: '是' }).check();
}

const orderIdOf = (page: Page) => /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;

/** Sign-up and sign-in in the pages (in development a self-registered account is real-name verified). */
async function signUpAndIn(page: Page, account: Account, a11y = false) {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: '注册账号' })).toBeVisible();
  if (a11y) await expectAccessible(page, 'sign-up');
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('称呼').fill(account.displayName);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByLabel('确认密码').fill(account.password);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('注册申请已受理')).toBeVisible();
  if (a11y) await expectAccessible(page, 'sign-in');
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(who.email);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

/** /codes: applies for a code on the account's first eligible server; answers the code and its IP. */
async function applyForCode(page: Page, a11y = false): Promise<{ code: string; ip: string }> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '授权码' }).click();
  await expect(page.getByRole('heading', { name: '备案授权码', level: 1 })).toBeVisible();
  await page.getByLabel('云服务器').click();
  await page.locator('.ant-select-item-option:not(.ant-select-item-option-disabled)').first().click();
  await page.getByRole('button', { name: '申请', exact: true }).click();
  const issued = page.getByText(/已申请授权码：/);
  await expect(issued).toBeVisible();
  const code = /已申请授权码：(\S+)/.exec((await issued.textContent()) ?? '')![1]!;
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toBeVisible();
  const ip = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/.exec((await row.textContent()) ?? '')![1]!;
  if (a11y) await expectAccessible(page, 'codes');
  return { code, ip };
}

type Filing = {
  domain: string;
  company: string;
  legal: PersonInput;
  code: string;
  ip: string;
};

/** 开始备案 on view A, the validation step, and 继续 into the wizard; answers the order id. */
async function startFirstFiling(page: Page, f: Filing, a11y = false): Promise<string> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '备案首页' }).click();
  await expect(page.getByRole('heading', { name: '您还没有在本平台备案的主体' })).toBeVisible();
  if (a11y) await expectAccessible(page, 'home (view A)');
  await page.getByRole('button', { name: '开始备案' }).click();
  await expect(page.getByRole('heading', { name: '验证备案类型' })).toBeVisible();
  await page.getByLabel('主体所在省份').fill('北京');
  await page.keyboard.press('Enter');
  await page.getByLabel('主体性质').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^企业$/ })
    .click();
  await page.getByLabel('证件号码').fill(uscc());
  await page.getByLabel('备案域名').fill(f.domain);
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { name: /备案类型：首次备案/ })).toBeVisible();
  await expect(page.getByText('判断依据')).toBeVisible();
  if (a11y) await expectAccessible(page, 'start filing (type chosen)');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  return orderIdOf(page);
}

const step = (page: Page) => page.locator('#wizard-step-content');
const currentStep = (page: Page) => page.locator('[aria-current="step"]');

async function fillSubjectStep(page: Page, f: Filing) {
  await expect(currentStep(page)).toHaveText('主体信息');
  const s = step(page);
  await s.getByLabel('所属城市', { exact: true }).fill('北京市');
  await s.getByLabel('所属区县', { exact: true }).fill('朝阳区');
  await s
    .locator('.ant-form-item', { hasText: '证件有效期至' })
    .first()
    .getByRole('checkbox', { name: '长期' })
    .check();
  await s.getByLabel('主办单位或主办人名称', { exact: true }).fill(f.company);
  await s.getByLabel('证件住所', { exact: true }).fill('北京市朝阳区建国路88号');
  await s.getByLabel('通信地址', { exact: true }).fill('北京市朝阳区建国路88号');
  await s.getByLabel('投资人或主管单位', { exact: true }).fill(f.legal.name);
  await fillPerson(s.locator('.ant-card', { has: page.getByText('主体负责人', { exact: true }) }), f.legal);
}

async function fillWebsiteStep(page: Page, f: Filing) {
  await expect(currentStep(page)).toHaveText('网站信息');
  const site = page.locator('.ant-card', { has: page.getByLabel('网站域名', { exact: true }) }).last();
  await expect(site.getByLabel('网站域名', { exact: true })).toHaveValue(f.domain);
  await site.getByLabel('网站名称', { exact: true }).fill(`${f.company.slice(2, 6)}技术博客`);
  await site.getByLabel('网站首页地址', { exact: true }).fill(`https://www.${f.domain}/`);
  await choose(page, site, '网站服务内容', '博客');
  await choose(page, site, '接入方式', '虚拟主机');
  await site.getByLabel('服务器放置地', { exact: true }).fill('北京');
  await site.getByLabel('备案授权码', { exact: true }).fill(f.code);
  await site.getByLabel('IP 地址 1', { exact: true }).fill(f.ip);
  await site.getByRole('checkbox', { name: '同主体负责人' }).check();
  // The person copied as the form knows it: typed in this session, or masked from the filed subject.
  await expect(site.getByLabel('姓名', { exact: true })).toHaveValue(new RegExp(`^${f.legal.name[0]}`));
  await expect(site.locator('.ant-form-item-explain-error')).toHaveCount(0);
}

/** The materials step: every required material uploaded as a real JPEG through its file input. */
async function uploadMaterials(page: Page) {
  await expect(currentStep(page)).toHaveText('上传资料');
  const inputs = page.locator('input[type="file"][data-testid^="file-"]');
  await expect(page.getByText(/已上传 0\/\d+ 项/)).toBeVisible();
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await inputs
      .nth(i)
      .setInputFiles({ name: `scan-${i}.jpg`, mimeType: 'image/jpeg', buffer: await scanJpeg(40 + i * 20) });
    await expect(page.getByText(`已上传 ${i + 1}/${count} 项`)).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.getByText('所需资料已全部上传')).toBeVisible();
}

/** The confirm step: both agreements opened and accepted, the SMS warning read, 提交信息 → the progress page. */
async function confirmAndSubmit(page: Page, a11y = false, button = '提交信息') {
  await expect(currentStep(page)).toHaveText('确认提交');
  await expect(page.getByText('提交后请留意工信部短信核验')).toBeVisible();
  if (a11y) await expectAccessible(page, 'wizard confirm');
  for (const name of ['《信息安全管理协议》', '《协助更改备案信息服务在线服务条款》']) {
    const box = page.getByRole('checkbox', { name: `我已阅读并同意${name}` });
    if (await box.isChecked()) continue;
    await page.getByRole('button', { name }).click();
    await page.getByRole('dialog', { name }).getByRole('button', { name: '我已阅读并同意' }).click();
    await expect(box).toBeChecked();
  }
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: '备案进度', level: 1 })).toBeVisible();
}

const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();

/** A first filing from the home page to 提交信息, entirely in the pages. */
async function fileFirstWebsite(page: Page, f: Filing, a11y = false): Promise<string> {
  const id = await startFirstFiling(page, f, a11y);
  await fillSubjectStep(page, f);
  if (a11y) await expectAccessible(page, 'wizard subject');
  await next(page);
  await fillWebsiteStep(page, f);
  if (a11y) await expectAccessible(page, 'wizard websites');
  await next(page);
  await uploadMaterials(page);
  if (a11y) await expectAccessible(page, 'wizard materials');
  await next(page);
  await confirmAndSubmit(page, a11y);
  await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
  return id;
}

/** The progress page's 去完成核验 → the verification step, the phone link opened at 360 px, the photo, 提交核验. */
async function authenticityByPhone(page: Page, browser: Browser, a11y = false) {
  await expect(page.getByRole('heading', { name: '待真实性核验' })).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('button', { name: '去完成核验' })
    .or(page.getByRole('link', { name: '去完成核验' }))
    .click();
  await expect(page.getByRole('heading', { name: '真实性核验' })).toBeVisible();
  await page.getByRole('button', { name: '生成手机拍照二维码' }).click();
  const link = page.getByTestId('verify-link-0');
  await expect(link).toBeVisible();
  await expect(page.locator('.ant-qrcode')).toBeVisible();
  if (a11y) await expectAccessible(page, 'verification step');
  const url = (await link.getAttribute('href'))!;

  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', isMobile: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(url);
  await expect(phonePage.getByRole('heading', { name: '网站负责人拍照核验' })).toBeVisible();
  if (a11y) await expectAccessible(phonePage, 'phone verification page');
  await phonePage
    .getByTestId('file-input')
    .setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await curtainPhoto() });
  await expect(phonePage.getByText('画面中部检测到人像区域')).toBeVisible();
  await phonePage.getByRole('button', { name: '上传照片' }).click();
  await expect(phonePage.getByText('照片已上传').first()).toBeVisible({ timeout: 20_000 });
  await phone.close();

  await expect(page.getByText('已收到核验照片').first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '提交核验' }).click();
  await expect(page.getByText('已提交核验，等待审核')).toBeVisible();
}

/** The simulator's outbox page: the newest code texted to `mobile`. */
async function readSmsCode(sim: Page, mobileNo: string): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        await sim.goto(`${simulatorURL}/outbox?mobile=${mobileNo}`);
        text =
          (await sim
            .locator('table tr')
            .nth(1)
            .textContent()
            .catch(() => '')) ?? '';
        return /核验码为 (\d{6})/.test(text);
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toBe(true);
  return /核验码为 (\d{6})/.exec(text)![1]!;
}

/** The applicant's progress page shows `heading` without a reload (it polls). */
const waitHeading = (page: Page, heading: string) =>
  expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });

// ---- journeys -------------------------------------------------------------------------------------------------

test.describe
  .serial('a newcomer files a website, then manages it', () => {
    const account = newAccount('journey');
    const filing: Filing = {
      domain: uniqueDomain('journey'),
      company: '北京远帆数据科技有限公司',
      legal: newPerson('周远帆'),
      code: '',
      ip: '',
    };
    let websiteNumber = '';

    test('1. a first filing from sign-up to the number', async ({ page, browser }) => {
      test.setTimeout(240_000);
      await signUpAndIn(page, account, true);
      Object.assign(filing, await applyForCode(page, true));
      const id = await fileFirstWebsite(page, filing, true);
      await expectAccessible(page, 'order progress (provider review)');

      // The provider's reviewer passes 初审 (its back office has no UI yet: the API).
      const reviewer = await reviewerContext();
      await review(reviewer, id, 'provider-review', { decision: 'approve' });
      await page.reload();
      await authenticityByPhone(page, browser, true);
      await review(reviewer, id, 'authenticity-review', { decision: 'approve' });

      // MIIT texts the code: the applicant reads the SMS (the simulator's outbox) and verifies on MIIT's page.
      await page.goto(`/orders/${id}`);
      await waitHeading(page, '待工信部短信核验');
      await expect(page.getByText('核验剩余时间')).toBeVisible();
      await expectAccessible(page, 'order progress (SMS)');
      const sim = await page.context().newPage();
      const smsCode = await readSmsCode(sim, filing.legal.mobile);
      await sim.goto(`${simulatorURL}/sms`);
      await sim.getByLabel('手机号').fill(filing.legal.mobile);
      await sim.getByLabel('验证码').fill(smsCode);
      await sim.getByLabel('证件号码后6位').fill(filing.legal.id.slice(-6));
      await sim.getByRole('button', { name: '核验', exact: true }).click();
      await expect(sim.getByText(/核验成功|您已核验成功/)).toBeVisible();
      await waitHeading(page, '管局审核中');

      // The 管局 approves on its console.
      await expect
        .poll(
          async () => {
            await sim.goto(`${simulatorURL}/console`);
            return sim.getByRole('row', { name: new RegExp(id) }).count();
          },
          { timeout: 30_000, intervals: [500, 1000] },
        )
        .toBe(1);
      await sim
        .getByRole('row', { name: new RegExp(id) })
        .getByRole('button', { name: '通过' })
        .click();
      await expect(sim.getByText('已审核通过')).toBeVisible();
      await sim.close();

      // The numbers on the order page, then 备案管理 with the footer snippet.
      await expect(page.getByText('备案成功').first()).toBeVisible({ timeout: 30_000 });
      const websiteNumberText = page.getByText(/京ICP备\d+号-1/).first();
      await expect(websiteNumberText).toBeVisible();
      websiteNumber = /京ICP备\d+号-1/.exec((await websiteNumberText.textContent()) ?? '')?.[0] ?? '';
      expect(websiteNumber).toMatch(/^京ICP备\d+号-1$/);
      await expect(page.getByText(websiteNumber.replace(/-1$/, ''), { exact: true })).toBeVisible();
      await expectAccessible(page, 'order progress (approved)');
      await page
        .getByRole('link', { name: '查看备案管理' })
        .or(page.getByRole('button', { name: '查看备案管理' }))
        .click();
      await expect(page).toHaveURL(/\/records$/);
      await expect(page.getByText(websiteNumber.replace(/-1$/, ''), { exact: true })).toBeVisible();
      await expect(page.locator('textarea').first()).toHaveValue(
        `<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">${websiteNumber}</a>`,
      );
      await expectAccessible(page, 'records');
    });

    /** The order just submitted is abandoned on its progress page, so the next record action is free. */
    async function abandon(page: Page) {
      await page.getByRole('button', { name: '放弃备案' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定放弃' }).click();
      await expect(page.getByText('已放弃备案').first()).toBeVisible();
    }

    test('4. 新增网站 on the filed subject through the one entry point', async ({ page }) => {
      await signIn(page, account);
      const more: Filing = { ...filing, domain: uniqueDomain('more'), ...(await applyForCode(page)) };
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '备案首页' }).click();
      await expect(page.getByText(websiteNumber)).toBeVisible();
      await expectAccessible(page, 'home (view B)');

      // One entry: the domain only; the system names the type and why.
      const entry = page
        .locator('section, .ant-card')
        .filter({ has: page.getByRole('button', { name: '检查备案类型' }) })
        .last();
      await expect(entry.getByText('备案新网站').first()).toBeVisible();
      await entry.getByLabel('域名', { exact: true }).fill(more.domain);
      await entry.getByRole('button', { name: '检查备案类型' }).click();
      await expect(page.getByRole('heading', { name: /备案类型：新增网站/ })).toBeVisible();
      await expect(page.getByText('判断依据')).toBeVisible();
      await expect(page.getByText('该域名尚未备案')).toBeVisible();
      await expectAccessible(page, 'home (type chosen)');
      await page.getByRole('button', { name: '继续' }).click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);

      // The data-check page first: the filed subject as it is, then 信息准确，下一步.
      await expect(currentStep(page)).toHaveText('核对主体信息');
      await expect(page.getByText(filing.company).first()).toBeVisible();
      await expectAccessible(page, 'wizard data check');
      await page.getByRole('button', { name: '信息准确，下一步' }).click();
      await fillWebsiteStep(page, more);
      await next(page);
      await uploadMaterials(page);
      await next(page);
      await confirmAndSubmit(page);
      await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
      await expect(page.getByText('新增网站').first()).toBeVisible();
      await abandon(page);
    });

    test('5a. a website change from the record actions', async ({ page }) => {
      await signIn(page, account);
      await expect(page.getByText(websiteNumber)).toBeVisible();
      await page.getByRole('button', { name: '网站变更', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectAccessible(page, 'home (change dialog)');
      await dialog.getByRole('button', { name: /开始网站变更|确认并开始/ }).click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
      await expect(page.getByText(/备案类型：网站变更/)).toBeVisible();

      // The website step first: rename the site; its materials again; the confirm page.
      await expect(currentStep(page)).toHaveText('网站信息');
      const site = page.locator('.ant-card', { has: page.getByLabel('网站域名', { exact: true }) }).first();
      await expect(site.getByLabel('网站域名', { exact: true })).toHaveValue(filing.domain);
      await site.getByLabel('网站名称', { exact: true }).fill('远帆技术文档中心');
      await expect(page.getByRole('status').filter({ hasText: /已保存 \d\d:\d\d/ })).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page, 'wizard (website change)');
      await next(page);
      // A change files the website's materials again.
      await uploadMaterials(page);
      await next(page);
      await expect(page.getByText('远帆技术文档中心').first()).toBeVisible();
      await confirmAndSubmit(page);
      await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
      await expect(page.getByText('网站变更').first()).toBeVisible();
      await abandon(page);
    });

    test('5b. a website cancellation behind the typed confirmation', async ({ page }) => {
      await signIn(page, account);
      await page.getByRole('button', { name: '网站注销', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByText('此操作不可撤销')).toBeVisible();
      await dialog.getByLabel('注销/取消原因').fill('网站不再运营');
      await dialog.getByLabel(/请输入“.*”以确认/).fill('wrong.example.cn');
      await dialog.getByRole('button', { name: '确认并开始' }).click();
      await expect(dialog.getByText(/输入内容与“.*”不一致/)).toBeVisible();
      await dialog.getByLabel(/请输入“.*”以确认/).fill(filing.domain);
      await expectAccessible(page, 'home (cancel dialog)');
      await dialog.getByRole('button', { name: '确认并开始' }).click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
      await expect(page.getByText(/备案类型：网站注销/)).toBeVisible();
      await expect(currentStep(page)).toHaveText(/注销原因|确认提交/);
      if ((await currentStep(page).textContent()) === '注销原因') {
        // The reason typed in the confirmation dialog is already there.
        await expect(page.getByLabel('注销原因', { exact: true })).toHaveValue('网站不再运营');
        await next(page);
      }
      await expect(currentStep(page)).toHaveText('确认提交');
      await expect(page.getByText('网站不再运营').filter({ visible: true })).toBeVisible();
      await confirmAndSubmit(page);
      await expect(page.getByText('网站注销').first()).toBeVisible();
      await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
      await expectAccessible(page, 'order progress (cancellation)');
    });
  });

test('6. a sub-account is refused, and told why', async ({ page }) => {
  await signIn(page, SUB_ACCOUNT);
  await expect(page.getByRole('button', { name: '开始备案' })).toBeDisabled();
  await expect(page.getByText(/子账号不能办理备案，请使用主账号操作/)).toBeVisible();
  await expectAccessible(page, 'home (sub-account)');
  await page.goto('/filing/start');
  await expect(page.getByText('子账号不能办理备案', { exact: true })).toBeVisible();
  await expect(page.getByLabel('备案域名')).toHaveCount(0);
  // What the page says is what the API answers.
  const res = await page.request.post('/api/v1/applicant/orders', {
    data: { kind: 'new', domain: uniqueDomain('sub') },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('SUB_ACCOUNT_CANNOT_FILE');
});

test.describe
  .serial('a rejected filing, fixed and resubmitted; then the SMS window runs out', () => {
    const account = newAccount('rejected');
    const filing: Filing = {
      domain: uniqueDomain('fixit'),
      company: '北京青禾网络科技有限公司',
      legal: newPerson('吴青禾'),
      code: '',
      ip: '',
    };
    let id = '';

    test('2. a rejection fixed field by field', async ({ page }) => {
      test.setTimeout(180_000);
      await signUpAndIn(page, account);
      Object.assign(filing, await applyForCode(page));
      id = await fileFirstWebsite(page, filing);

      const reviewer = await reviewerContext();
      await review(reviewer, id, 'provider-review', {
        decision: 'reject',
        reasons: [
          {
            field: 'websites.0.name',
            code: 'WEBSITE_NAME_INVALID',
            message: '网站名称与网站内容不符',
            suggestion: '请使用能体现网站内容的名称，例如“青禾技术博客”',
          },
          { field: 'subject.mailingAddress', code: 'ADDRESS_INCOMPLETE', message: '通信地址须详细到门牌号' },
          { field: 'materials.subject_cert', code: 'MATERIAL_UNCLEAR', message: '营业执照照片不清晰' },
        ],
      });

      // The progress page shows each reason with its field; 修改信息 opens only those fields.
      await page.reload();
      await expect(page.getByText('初审未通过')).toBeVisible();
      await expect(page.getByText('网站1 · 网站名称')).toBeVisible();
      await expect(page.getByText('网站名称与网站内容不符')).toBeVisible();
      await expect(page.getByText('通信地址须详细到门牌号')).toBeVisible();
      await expect(page.getByText('营业执照照片不清晰')).toBeVisible();
      await expectAccessible(page, 'order progress (rejected)');
      await page.getByRole('button', { name: '修改信息' }).click();
      await expect(page).toHaveURL(new RegExp(`/orders/${id}/edit$`));
      await expect(page.getByRole('heading', { name: '修改备案信息' })).toBeVisible();
      await expect(page.getByText('仅可修改被驳回的项目，其余信息已锁定。').first()).toBeVisible();

      // Subject: the mailing address open with its reason, the rest locked.
      await expect(currentStep(page)).toHaveText('主体信息');
      const s = step(page);
      const mailing = s.getByLabel('通信地址', { exact: true });
      await expect(mailing).toBeEnabled();
      await expect(s.locator('.ant-form-item-explain-error', { hasText: '通信地址须详细到门牌号' })).toBeVisible();
      await expect(s.getByLabel('证件住所', { exact: true })).toBeDisabled();
      await expect(s.getByLabel('主办单位或主办人名称', { exact: true })).toBeDisabled();
      await mailing.fill('北京市朝阳区建国路88号院3号楼1201室');
      await expectAccessible(page, 'wizard (rejected, subject)');
      await next(page);

      // Website: only the name open, with the reason and the suggestion.
      await expect(currentStep(page)).toHaveText('网站信息');
      const site = page.locator('.ant-card', { has: page.getByLabel('网站域名', { exact: true }) }).first();
      await expect(site.locator('.ant-form-item-explain-error', { hasText: '网站名称与网站内容不符' })).toBeVisible();
      await expect(site.getByLabel('备案授权码', { exact: true })).toBeDisabled();
      await site.getByLabel('网站名称', { exact: true }).fill('青禾技术博客');
      await next(page);

      // Materials: the rejected scan uploaded again.
      await expect(currentStep(page)).toHaveText('上传资料');
      await expect(page.getByText('营业执照照片不清晰').first()).toBeVisible();
      await page
        .locator('input[type="file"][data-testid^="file-subject_cert"]')
        .first()
        .setInputFiles({ name: 'licence-sharper.jpg', mimeType: 'image/jpeg', buffer: await scanJpeg(200) });
      await expect(page.getByText('所需资料已全部上传')).toBeVisible({ timeout: 20_000 });
      await next(page);

      await expect(page.getByText('青禾技术博客').first()).toBeVisible();
      await expect(page.getByText('北京市朝阳区建国路88号院3号楼1201室').first()).toBeVisible();
      await confirmAndSubmit(page, false, '修改信息提交');
      await expect(page.getByRole('heading', { name: '接入商初审中' })).toBeVisible();
      const view = await (await page.request.get(`/api/v1/applicant/orders/${id}`)).json();
      expect(view.state).toBe('pending_provider_review');
    });

    test('3. an SMS window that expires (the simulator clock)', async ({ page, browser }) => {
      test.setTimeout(180_000);
      await signIn(page, account);
      const reviewer = await reviewerContext();
      await review(reviewer, id, 'provider-review', { decision: 'approve' });
      await page.goto(`/orders/${id}`);
      await authenticityByPhone(page, browser);
      await review(reviewer, id, 'authenticity-review', { decision: 'approve' });
      await page.goto(`/orders/${id}`);
      await waitHeading(page, '待工信部短信核验');

      // Nobody verifies: 25 hours pass on the simulator's clock page.
      const sim = await page.context().newPage();
      await sim.goto(`${simulatorURL}/clock`);
      await sim.getByLabel(/快进小时数/).fill('25');
      await sim.getByRole('button', { name: '快进' }).click();
      await expect(sim.getByText(/已快进 25 小时。短信超时退回 [1-9]\d* 件/)).toBeVisible();
      await sim.close();

      // The open progress page follows by itself: returned by MIIT, with the reason.
      await expect(page.getByRole('alert').filter({ hasText: '工信部已退回' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('未在24小时内完成全部短信核验，工信部已退回')).toBeVisible();
      await expect(page.getByText('短信核验超时，已退回')).toBeVisible();
      await expect(page.getByRole('button', { name: '修改信息' })).toBeVisible();
      await expectAccessible(page, 'order progress (returned by MIIT)');
    });
  });
