import {
  captureEverywhere,
  expect,
  expectAccessible,
  newAccount,
  registerViaApi,
  signInViaApi,
  test,
} from './fixtures.ts';
import { ADMIN, signInStaffViaApi } from './staff-sign-in.ts';

/**
 * Integrators in the portal: an applicant creates an API key (its secret shown once, then only the prefix) and a
 * webhook subscription (its signing secret shown once), from the account menu.
 */
test('an applicant creates an API key and a webhook; each secret is shown once', async ({ page }) => {
  test.setTimeout(180_000);
  const account = newAccount('integrations');
  await registerViaApi(page, account);
  await signInViaApi(page, account);

  await page.goto('/');
  await page.getByRole('button', { name: account.displayName }).hover();
  await page.getByRole('link', { name: 'API 密钥' }).click();
  await expect(page.getByRole('heading', { name: 'API 密钥', level: 1 })).toBeVisible();
  await page.getByLabel('名称').fill('ERP 同步');
  await page.getByRole('checkbox', { name: /办理备案/ }).check();
  await page.getByRole('button', { name: '创建密钥' }).click();
  const secret = (await page.getByTestId('secret-once').textContent()) ?? '';
  expect(secret).toMatch(/^bk_live_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText('这是唯一一次显示完整密钥')).toBeVisible();
  await expectAccessible(page, 'api key created');
  await page.screenshot({
    path: 'docs/screenshots/account-api-key-created-zh-CN-desktop.jpg',
    type: 'jpeg',
    quality: 70,
  });

  // The key works with its scopes, as its owner.
  const keyed = await page.request.get('/api/v1/applicant/orders', {
    headers: { authorization: `Bearer ${secret}`, cookie: '' },
  });
  expect(keyed.status(), await keyed.text()).toBe(200);

  await page.getByRole('button', { name: '我已保存' }).click();
  const row = page.getByRole('row', { name: /ERP 同步/ });
  await expect(row).toContainText(`bk_live_${secret.split('_')[2]}_…`);
  await expect(row).toContainText('orders:write');
  await expect(page.getByText(secret)).toHaveCount(0);
  await captureEverywhere(page, 'account-api-keys');
  // Shown once: after a reload only the prefix is left.
  await expect(page.getByTestId('secret-once')).toHaveCount(0);

  await page.goto('/account/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhook', level: 1 })).toBeVisible();
  await page.getByLabel('接收地址（URL）').fill('http://127.0.0.1:9/hooks/beian');
  await page.getByRole('checkbox', { name: /订单被驳回/ }).check();
  await page.getByRole('checkbox', { name: /备案号已下发/ }).check();
  await page.getByRole('button', { name: '添加 Webhook' }).click();
  await expect(page.getByTestId('secret-once')).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: '我已保存' }).click();
  const hook = page.getByRole('row', { name: /127\.0\.0\.1:9/ });
  await expect(hook).toContainText('订单状态变化');
  await expect(hook).toContainText('启用');
  await captureEverywhere(page, 'account-webhooks');

  await page
    .getByRole('row', { name: /127\.0\.0\.1:9/ })
    .getByRole('button', { name: '推送记录' })
    .click();
  await expect(page.getByText('还没有推送。订单状态变化后会出现在这里。')).toBeVisible();
  await page.keyboard.press('Escape');
  await page
    .getByRole('row', { name: /127\.0\.0\.1:9/ })
    .getByRole('button', { name: '暂停' })
    .click();
  await expect(page.getByRole('row', { name: /127\.0\.0\.1:9/ })).toContainText('已暂停');
});

test('an admin creates a read-only key for a staff tool and a platform-wide webhook', async ({ page }) => {
  test.setTimeout(180_000);
  await signInStaffViaApi(page, ADMIN);
  await page.goto('/staff');
  await page.getByRole('link', { name: '集成', exact: true }).click();
  await expect(page.getByRole('heading', { name: '集成（API 密钥与 Webhook）', level: 1 })).toBeVisible();
  // Staff scopes only, read-only.
  await expect(page.getByRole('checkbox', { name: /办理备案/ })).toHaveCount(0);
  await page.getByLabel('名称').fill('SLA 看板');
  await page.getByLabel('代表的员工').click();
  // antd's listbox options are hidden stand-ins for the virtual list; the visible item is the one to click.
  await page.locator('.ant-select-item-option', { hasText: 'reviewer@demo.beian.local' }).click();
  await page.getByRole('checkbox', { name: /查看审核队列/ }).check();
  await page.getByRole('button', { name: '创建密钥' }).click();
  await expect(page.getByTestId('secret-once')).toHaveText(/^bk_live_/);
  await page.getByRole('button', { name: '我已保存' }).click();
  await expect(page.getByRole('row', { name: /SLA 看板/ })).toContainText('queue:read');
  await page.getByLabel('接收地址（URL）').fill('http://127.0.0.1:9/staff-board');
  await page.getByRole('button', { name: '添加 Webhook' }).click();
  await page.getByRole('button', { name: '我已保存' }).click();
  await expect(page.getByRole('row', { name: /staff-board/ })).toBeVisible();
  await captureEverywhere(page, 'staff-integrations');
});
