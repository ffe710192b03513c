import { captureEverywhere, expect, newAccount, registerViaApi, test } from './fixtures.ts';

test('sign up, sign in, see the portal, switch language, sign out', async ({ page }) => {
  const account = newAccount('signup');
  await page.goto('/orders/does-not-matter');
  // A deep link without a session lands on sign-in.
  await expect(page).toHaveURL(/\/sign-in$/);
  await captureEverywhere(page, 'sign-in');

  await page.getByRole('link', { name: '立即注册' }).click();
  await expect(page.getByRole('heading', { name: '注册账号' })).toBeVisible();
  await captureEverywhere(page, 'sign-up');
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('称呼').fill(account.displayName);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByLabel('确认密码').fill(account.password);
  await page.getByRole('button', { name: '注册' }).click();

  await expect(page.getByText('注册申请已受理')).toBeVisible();
  await expect(page.getByLabel('邮箱')).toHaveValue(account.email);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await page.getByRole('button', { name: /中文/ }).click();

  await page.getByRole('button', { name: account.displayName }).click();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a wrong password is announced with the catalogue text', async ({ page }) => {
  const account = newAccount('wrongpw');
  await registerViaApi(page, account);
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('密码').fill('not-the-password-123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('账号或密码错误');
});
