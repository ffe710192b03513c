import type { Page } from '@playwright/test';
import type { OrderView } from '../src/contracts/order-api.ts';
import { residentId } from '../test/support/filing-data.ts';
import { expect, expectAccessible, test, VIEWPORTS } from './fixtures.ts';
import { ADMIN, call, orderUrl, preparedDraft, staffApi } from './staff-support.ts';

/**
 * Submissions the platform refuses although the form is complete: the subject is not who the account is
 * real-name verified as, or the server behind a website's authorization code was released. Each says why and how
 * to fix it, and the draft stays as it was.
 */
const SHOTS = 'docs/screenshots';

/** Opens the confirm step in `locale` at `width` and presses 提交信息 / Submit. */
async function submitFromConfirm(page: Page, id: string, locale: 'zh-CN' | 'en-US', width: keyof typeof VIEWPORTS) {
  if (page.url() === 'about:blank') await page.goto('/');
  await page.evaluate((l) => (globalThis as any).localStorage.setItem('beian.locale', l), locale);
  await page.setViewportSize(VIEWPORTS[width]);
  await page.goto(`/orders/${id}/edit?step=confirm`);
  await page.getByRole('button', { name: locale === 'zh-CN' ? '提交信息' : 'Submit', exact: true }).click();
}

test('a subject that is not the account’s real-name identity is refused with the fix; the draft stays', async ({
  page,
}) => {
  const identity = {
    kind: 'individual' as const,
    name: '周实名',
    idType: 'resident_id' as const,
    idNumber: residentId(),
  };
  const draft = await preparedDraft(page, 'realname', '林审核', identity);

  await submitFromConfirm(page, draft.id, 'zh-CN', 'desktop');
  const alert = page.getByRole('alert').filter({ hasText: '备案主体与账号实名认证信息不一致' });
  await expect(alert).toBeVisible();
  // Brought into sight: the button pressed is at the bottom of a long page, the summary at its top.
  await expect(alert).toBeInViewport();
  await expect(alert).toContainText('请使用该主体实名认证的账号办理备案');
  await expectAccessible(page, 'real-name mismatch');
  await page.screenshot({ path: `${SHOTS}/submit-real-name-mismatch-zh-CN-desktop.jpg`, type: 'jpeg', quality: 70 });

  await submitFromConfirm(page, draft.id, 'en-US', 'phone');
  await expect(page.getByRole('alert').filter({ hasText: 'does not match the account' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/submit-real-name-mismatch-en-US-phone.jpg`, type: 'jpeg', quality: 70 });

  const order = await call<OrderView>(page.request, 'get', orderUrl(draft.id));
  expect(order.state).toBe('draft');
  expect(order.data.websites[0]?.domain).toBe(draft.domain);
});

test('a code whose server was released is refused on that website’s code field', async ({ page }) => {
  const draft = await preparedDraft(page, 'released');
  const admin = await staffApi(ADMIN);
  await call(admin, 'post', `/api/v1/admin/resources/${draft.serverId}/lifecycle`, { status: 'released' });
  await admin.dispose();

  await submitFromConfirm(page, draft.id, 'zh-CN', 'desktop');
  await expect(page.getByRole('alert').filter({ hasText: '授权码对应的云服务器已释放或已到期' })).toBeVisible();
  // The findings panel names the field and takes the applicant there, with the reason on the field.
  await page
    .getByRole('listitem')
    .filter({ hasText: '云服务器已释放或已到期' })
    .getByRole('button', { name: '定位到该项' })
    .click();
  const codeInput = page.getByLabel('备案授权码', { exact: true });
  await expect(codeInput).toBeVisible();
  await expect(page.locator('.ant-form-item').filter({ has: codeInput })).toContainText('云服务器已释放或已到期');
  await expectAccessible(page, 'code on a released server');
  await page.screenshot({ path: `${SHOTS}/submit-code-server-released-zh-CN-desktop.jpg`, type: 'jpeg', quality: 70 });

  await submitFromConfirm(page, draft.id, 'en-US', 'phone');
  await expect(page.getByRole('alert').filter({ hasText: 'released or has expired' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/submit-code-server-released-en-US-phone.jpg`, type: 'jpeg', quality: 70 });
  expect((await call<OrderView>(page.request, 'get', orderUrl(draft.id))).state).toBe('draft');
});
