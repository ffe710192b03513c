import type { APIRequestContext, Page } from '@playwright/test';
import type { OrderView } from '../src/contracts/order-api.ts';
import { individualSubject, jpeg, person, uniqueDomain, website } from '../test/support/filing-data.ts';
import { expect, newAccount, registerViaApi, signInViaApi } from './fixtures.ts';
import { ADMIN, staffApi } from './staff-sign-in.ts';

/** Shared by the back-office specs: the demo staff, an API session for one of them, an applicant's submitted order. */
export { ADMIN, REVIEWER, SENIOR, staffApi } from './staff-sign-in.ts';

export async function call<T = any>(
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

export const orderUrl = (id: string) => `/api/v1/applicant/orders/${id}`;

export async function upload(page: Page, id: string, fields: Record<string, string>) {
  const res = await page.request.post(`${orderUrl(id)}/materials`, {
    multipart: { ...fields, file: { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: await jpeg() } },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Who the admin records the account as real-name verified as (left out: it takes the subject it files). */
export type RealNameIdentity = { kind: 'individual'; name: string; idType: 'resident_id'; idNumber: string };

/**
 * A fresh applicant (real-name verified by the demo admin, with a server to draw an authorization code from) with
 * a complete first filing, `name` as both responsible persons, materials uploaded and both agreements accepted,
 * not yet submitted; signed in on `page`.
 */
export async function preparedDraft(page: Page, prefix: string, name = '林审核', identity?: RealNameIdentity) {
  const account = newAccount(prefix);
  await registerViaApi(page, account);
  await signInViaApi(page, account);
  const me = await call<{ id: string }>(page.request, 'get', '/api/v1/auth/me');
  const admin = await staffApi(ADMIN);
  await call(admin, 'post', `/api/v1/admin/users/${me.id}/real-name-verification`, {
    verified: true,
    ...(identity && { identity }),
  });
  const ip = `101.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
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
  const id = started.id;
  await call(page.request, 'put', `${orderUrl(id)}/data`, {
    version: started.version,
    data: {
      subject: individualSubject(rp),
      websites: [website(domain, code.code, ip, rp, { name: `${name}的读书笔记` })],
    },
  });
  const draft = await call<OrderView>(page.request, 'get', orderUrl(id));
  for (const mat of draft.precheck?.missingMaterials ?? []) {
    const fields: Record<string, string> = { kind: mat.kind };
    if (mat.websiteIndex !== undefined) fields.websiteIndex = String(mat.websiteIndex);
    if (['subject_cert', 'subject_rp_id', 'website_rp_id', 'personal_id', 'residence_proof'].includes(mat.kind)) {
      fields.validUntil = '2036-01-01';
    }
    await upload(page, id, fields);
  }
  await call(page.request, 'post', `${orderUrl(id)}/terms`, {
    infoSecurityAgreement: true,
    assistedCorrectionTerms: true,
  });
  await admin.dispose();
  return { id, rp, domain, code: code.code, serverId: server.id };
}

/** preparedDraft, submitted. */
export async function submittedOrder(page: Page, prefix: string, name = '林审核') {
  const draft = await preparedDraft(page, prefix, name);
  await call(page.request, 'post', `${orderUrl(draft.id)}/submit`, {});
  return draft;
}
