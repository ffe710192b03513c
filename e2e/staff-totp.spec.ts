import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { totpCodeAt } from '../src/adapters/auth/totp.ts';
import { captureEverywhere, expect, expectAccessible, test } from './fixtures.ts';
import { ADMIN, nextCode, noteStepUsed, type StaffAccount, staffApi } from './staff-sign-in.ts';

/**
 * The staff second factor in the browser: a reviewer the demo admin just created signs in, sets up an authenticator
 * from the key the page shows, sees the recovery codes once, signs out, and signs in again with a code; a wrong
 * code is refused with the attempts left.
 */
const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');

/** A 6-digit string that is none of the codes the server would accept now (its step and the ones beside it). */
function wrongCodeFor(secret: string): string {
  const now = Date.now();
  const accepted = new Set([-1, 0, 1].map((k) => totpCodeAt(secret, new Date(now + k * 30_000))));
  for (let n = 123456; ; n = (n + 7919) % 1_000_000) {
    const candidate = String(n).padStart(6, '0');
    if (!accepted.has(candidate)) return candidate;
  }
}

async function signInWithPassword(page: import('@playwright/test').Page, who: StaffAccount) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(who.email);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
}

test('staff second factor: enrol with the key shown, recovery codes once, sign in again with a code', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const admin = await staffApi(ADMIN);
  const staff: StaffAccount = {
    email: `totp-${Date.now().toString(36)}@staff.example.com`,
    password: 'Staff-Totp-Journey-2026!',
  };
  const displayName = '新审核员';
  const created = await admin.post('/api/v1/admin/users', { data: { ...staff, role: 'reviewer', displayName } });
  expect(created.status(), await created.text()).toBe(201);

  // 1. The password alone leads to the enrolment page; the back office sends the session back there.
  await signInWithPassword(page, staff);
  await expect(page.getByRole('heading', { name: '绑定身份验证器', level: 1 })).toBeVisible();
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
  await expect(page.getByRole('img', { name: '身份验证器二维码' })).toBeVisible();
  await captureEverywhere(page, 'staff-totp-enrol');

  // 2. The key for manual entry (each visit makes a new one: read it after the screenshots' reloads).
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('应用显示的6位验证码').fill(wrongCodeFor(secret));
  await page.getByRole('button', { name: '验证并绑定' }).click();
  await expect(page.getByRole('alert')).toContainText('验证码错误，还可尝试 4 次。');
  const now = new Date();
  await page.getByLabel('应用显示的6位验证码').fill(totpCodeAt(secret, now));
  noteStepUsed(secret, now);
  await page.getByRole('button', { name: '验证并绑定' }).click();

  // 3. The recovery codes, once; going on needs "I saved them".
  await expect(page.getByRole('heading', { name: '保存恢复码', level: 1 })).toBeVisible();
  const codes = page.getByRole('list', { name: '恢复码列表' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await expect(page.getByRole('button', { name: '复制全部恢复码' })).toBeVisible();
  await expect(page.getByRole('button', { name: '下载' })).toBeVisible();
  const goOn = page.getByRole('button', { name: '进入工作台' });
  await expect(goOn).toBeDisabled();
  // A reload would lose the codes (they are never shown again), so this page is shot without one.
  await expectAccessible(page, 'staff-totp-recovery-codes');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({
    path: join(SHOTS, 'staff-totp-recovery-codes-zh-CN-desktop.jpg'),
    fullPage: true,
    type: 'jpeg',
    quality: 70,
  });
  await page.getByRole('checkbox', { name: '我已保存恢复码' }).check();
  await goOn.click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { name: '待处理备案', level: 1 })).toBeVisible();

  // 4. Signed out, the next sign-in asks for a code.
  await page.getByRole('button', { name: displayName }).hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInWithPassword(page, staff);
  await expect(page.getByRole('heading', { name: '输入动态验证码', level: 1 })).toBeVisible();
  await captureEverywhere(page, 'staff-totp-code');

  // 5. A wrong code is refused with what is left; the right one opens the back office.
  await page.getByLabel('6位验证码').fill(wrongCodeFor(secret));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('验证码错误，还可尝试 4 次。');
  await page.getByLabel('6位验证码').fill(await nextCode({ ...staff, totpSecret: secret }));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { name: '待处理备案', level: 1 })).toBeVisible();
});
