import { type APIRequestContext, type Page, request as playwrightRequest } from '@playwright/test';
import type { OrderView } from '../src/contracts/order-api.ts';
import { individualSubject, jpeg, person, uniqueDomain, website } from '../test/support/filing-data.ts';
import {
  captureEverywhere,
  expect,
  expectAccessible,
  newAccount,
  registerViaApi,
  signInViaApi,
  test,
} from './fixtures.ts';
import { baseURL } from './playwright.config.ts';

/**
 * The back office's queues: two applicants hand orders in through the API; the reviewer finds one by domain
 * and by order number (server-side search), narrows by province, and reads its SLA tag and the tab counts.
 */
const REVIEWER = { email: 'reviewer@demo.beian.local', password: 'Beian-Demo-Reviewer-2026' };
const ADMIN = { email: 'admin@demo.beian.local', password: 'Beian-Demo-Admin-2026!' };

async function call<T = any>(
  ctx: APIRequestContext,
  method: 'get' | 'post' | 'put',
  url: string,
  data?: unknown,
  status = 200,
): Promise<T> {
  const res = await ctx[method](url, data === undefined ? {} : { data });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** A fresh applicant's complete first filing, submitted (the same steps as staff-review.spec.ts). */
async function submittedOrder(page: Page, prefix: string, name: string) {
  const account = newAccount(prefix);
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  const me = await call<{ id: string }>(page.request, 'get', '/api/v1/auth/me');
  const admin = await playwrightRequest.newContext({ baseURL });
  await call(admin, 'post', '/api/v1/auth/login', ADMIN);
  await call(admin, 'post', `/api/v1/admin/users/${me.id}/real-name-verification`, { verified: true });
  const ip = `102.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const server = await call<{ id: string }>(
    admin,
    'post',
    '/api/v1/admin/resources',
    {
      accountId: me.id,
      kind: 'server',
      name: 'web-01',
      region: 'cn-north-1',
      publicIps: [ip],
      billingType: 'prepaid',
      expiresAt: new Date(Date.now() + 330 * 86_400_000).toISOString(),
    },
    201,
  );
  await admin.dispose();
  const code = await call<{ code: string }>(
    page.request,
    'post',
    '/api/v1/applicant/authorization-codes',
    { resourceId: server.id },
    201,
  );
  const domain = uniqueDomain(prefix);
  const rp = person({ name });
  const started = await call<OrderView>(
    page.request,
    'post',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  const url = `/api/v1/applicant/orders/${started.id}`;
  await call(page.request, 'put', `${url}/data`, {
    version: started.version,
    data: { subject: individualSubject(rp), websites: [website(domain, code.code, ip, rp, { name: '队列读书站' })] },
  });
  const draft = await call<OrderView>(page.request, 'get', url);
  for (const mat of draft.precheck?.missingMaterials ?? []) {
    const fields: Record<string, string> = { kind: mat.kind };
    if (mat.websiteIndex !== undefined) fields.websiteIndex = String(mat.websiteIndex);
    if (['subject_cert', 'subject_rp_id', 'website_rp_id', 'personal_id', 'residence_proof'].includes(mat.kind)) {
      fields.validUntil = '2036-01-01';
    }
    const res = await page.request.post(`${url}/materials`, {
      multipart: { ...fields, file: { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: await jpeg() } },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await call(page.request, 'post', `${url}/terms`, { infoSecurityAgreement: true, assistedCorrectionTerms: true });
  await call(page.request, 'post', `${url}/submit`, {});
  return { id: started.id, domain };
}

/** The province list is long and virtual: type to narrow it, then pick. */
async function pickProvince(page: Page, name: string) {
  const box = page.getByRole('combobox', { name: '省份' });
  await box.click();
  await box.fill(name);
  await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: true }).click();
}

const rowOf = (page: Page, domain: string) => page.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) });

test('back-office queues: tabs with counts, server-side search, province filter, SLA tag', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const applicants = await browser.newContext({ baseURL });
  const first = await submittedOrder(await applicants.newPage(), 'queue-a', '司马队列');
  const second = await submittedOrder(await applicants.newPage(), 'queue-b', '诸葛队列');
  await applicants.close();

  await signInViaApi(page, REVIEWER);
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: '待处理备案', level: 1 })).toBeVisible();
  const reviewTab = page.getByRole('tab', { name: /初审/, selected: true });
  await expect(reviewTab).toBeVisible();
  // The count sits in the tab; at least our two orders are in it.
  await expect(reviewTab.getByTitle(/^\d+ 条$/)).toBeVisible();

  // Search by domain (on the server, not only among loaded rows): one row, with its SLA tag in words.
  const search = page.getByLabel('搜索');
  await search.fill(first.domain);
  await expect(rowOf(page, first.domain)).toBeVisible();
  await expect(rowOf(page, second.domain)).toHaveCount(0);
  await expect(rowOf(page, first.domain).getByText(/未到期|今日到期|已超时/)).toBeVisible();
  await expect(rowOf(page, first.domain).getByText(/剩 .* 工作(小时|日)|超 .* 工作(小时|日)/)).toBeVisible();
  await expect(rowOf(page, first.domain).getByText('未认领')).toBeVisible();

  // By order number: the first eight characters shown in the list.
  await search.fill(second.id.slice(0, 8));
  await expect(rowOf(page, second.domain)).toBeVisible();
  await expect(page.getByRole('link', { name: `审核申请 ${second.id.slice(0, 8)}` })).toBeVisible();
  await expect(rowOf(page, first.domain)).toHaveCount(0);

  // By province: both are Beijing orders; Shanghai shows neither.
  await search.fill(first.domain);
  await pickProvince(page, '上海');
  await expect(page).toHaveURL(/province=shanghai/);
  await expect(page.getByText('当前没有符合条件的备案申请')).toBeVisible();
  await pickProvince(page, '北京');
  await expect(page).toHaveURL(/province=beijing/);
  await expect(rowOf(page, first.domain)).toBeVisible();
  await expectAccessible(page, 'staff queues with a search');

  // A follow-up tab reads without an SLA clock.
  await page.getByRole('tab', { name: /管局审核中/ }).click();
  await expect(page).toHaveURL(/tab=with_regulator/);
  await expect(page.getByText('此队列仅供跟进查看', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: /初审/ }).click();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).not.toHaveURL(/province=/);
  await captureEverywhere(page, 'staff-queues');
});
