import { expect } from 'vitest';
import { seedResourcesForAccount } from '../../src/adapters/resources/seeded-resource-inventory.ts';
import type { OrderData } from '../../src/contracts/filing-data.ts';
import type { OrderView } from '../../src/contracts/order-api.ts';
import { individualSubject, jpeg, multipart, person, uniqueDomain, website } from './filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './http.ts';
import type { TestPlatform } from './platform.ts';

/** Calls the API as `who`, expects `status`, and returns the parsed body. */
export async function api<T = any>(
  p: TestPlatform,
  who: LoggedIn | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const res = await injectJson(p.app, {
    method,
    url,
    ...(who && { cookie: who.cookie }),
    ...(body !== undefined && { body }),
  });
  if (res.statusCode !== status)
    throw new Error(`${method} ${url} → ${res.statusCode} (expected ${status}): ${res.body}`);
  return res.body ? (JSON.parse(res.body) as T) : (undefined as T);
}

export type Applicant = LoggedIn & { code: () => Promise<{ code: string; ip: string }> };

/** A real-name-verified applicant with seeded cloud resources; `code()` applies for a fresh authorization code. */
export async function newApplicant(p: TestPlatform): Promise<Applicant> {
  const a = await loginAs(p.app, p.ctx, 'applicant');
  const { eligibleServer } = await seedResourcesForAccount(p.ctx.db, a.user.id, p.clock.now());
  const code = async () => {
    const issued = await api(
      p,
      a,
      'POST',
      '/api/v1/applicant/authorization-codes',
      { resourceId: eligibleServer.id },
      201,
    );
    return { code: issued.code as string, ip: issued.publicIp as string };
  };
  return { ...a, code };
}

export const getOrder = (p: TestPlatform, who: LoggedIn, id: string) =>
  api<OrderView>(p, who, 'GET', `/api/v1/applicant/orders/${id}`);

/** Uploads one generated image for every material the pre-check still misses. */
export async function uploadMissingMaterials(p: TestPlatform, a: LoggedIn, id: string): Promise<void> {
  const view = await getOrder(p, a, id);
  for (const m of view.precheck?.missingMaterials ?? []) {
    const fields: Record<string, string> = { kind: m.kind };
    if (m.websiteIndex !== undefined) fields.websiteIndex = String(m.websiteIndex);
    if (['subject_cert', 'subject_rp_id', 'website_rp_id', 'personal_id', 'residence_proof'].includes(m.kind)) {
      fields.validUntil = '2036-01-01';
    }
    const { payload, headers } = multipart(fields, await jpeg());
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/v1/applicant/orders/${id}/materials`,
      payload,
      headers: { ...headers, cookie: a.cookie },
    });
    if (res.statusCode !== 201) throw new Error(`upload ${m.kind} → ${res.statusCode}: ${res.body}`);
  }
}

/** Saves data (if any), uploads what is missing and accepts both agreements: ready to submit. */
export async function prepareForSubmit(p: TestPlatform, a: LoggedIn, id: string, data?: OrderData): Promise<void> {
  if (data) {
    const { version } = await getOrder(p, a, id);
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version, data });
  }
  await uploadMissingMaterials(p, a, id);
  const before = await getOrder(p, a, id);
  const blocking = before.precheck?.findings.filter((f) => f.severity === 'block') ?? [];
  expect(blocking, JSON.stringify(blocking, null, 1)).toEqual([]);
  await api(p, a, 'POST', `/api/v1/applicant/orders/${id}/terms`, {
    infoSecurityAgreement: true,
    assistedCorrectionTerms: true,
  });
}

/** prepareForSubmit, then submit; returns the view. */
export async function completeAndSubmit(
  p: TestPlatform,
  a: LoggedIn,
  id: string,
  data?: OrderData,
): Promise<OrderView> {
  await prepareForSubmit(p, a, id, data);
  return api<OrderView>(p, a, 'POST', `/api/v1/applicant/orders/${id}/submit`, {});
}

/** 初审 approval, then (legacy ordering) the curtain photos and their approval; ends with the order at MIIT. */
export async function passProviderStages(
  p: TestPlatform,
  a: LoggedIn,
  reviewer: LoggedIn,
  id: string,
): Promise<OrderView> {
  let view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${id}/provider-review`, {
    decision: 'approve',
  });
  if (view.state === 'pending_authenticity_verification') {
    for (const [i] of view.data.websites.entries()) {
      const { payload, headers } = multipart({ kind: 'curtain_photo', websiteIndex: String(i) }, await jpeg());
      const res = await p.app.inject({
        method: 'POST',
        url: `/api/v1/applicant/orders/${id}/materials`,
        payload,
        headers: { ...headers, cookie: a.cookie },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await api(p, a, 'POST', `/api/v1/applicant/orders/${id}/authenticity`);
    view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${id}/authenticity-review`, {
      decision: 'approve',
    });
  }
  expect(view.state).toBe('submitting_to_admin');
  await p.settle();
  return getOrder(p, a, id);
}

export async function regulatorRef(p: TestPlatform, id: string): Promise<string> {
  const row = await p.ctx.db
    .selectFrom('filing_orders')
    .select('regulator_ref')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!row.regulator_ref) throw new Error('order has no regulator reference yet');
  return row.regulator_ref;
}

/** Every person MIIT texted reads the code from the simulator outbox and enters it with their ID's last 6. */
export async function verifyAllSms(p: TestPlatform, id: string, idByMobile: Record<string, string>): Promise<void> {
  const ref = await regulatorRef(p, id);
  const messages = await p.regulator.sim.readOutbox({ orderRef: ref });
  const latest = new Map<string, string>();
  for (const m of [...messages].reverse()) latest.set(m.mobile, /核验码为 (\d{6})/.exec(m.text)![1]!);
  expect(latest.size).toBeGreaterThan(0);
  for (const [mobile, code] of latest) {
    const idNumber = idByMobile[mobile];
    if (!idNumber) throw new Error(`SMS went to an unexpected mobile ${mobile}`);
    await p.regulator.sim.verifySms({ mobile, code, idLast6: idNumber.slice(-6) });
  }
  await p.settle();
}

/** The provincial administration decides in the simulator; the platform picks the result up by polling. */
export async function adminDecides(p: TestPlatform, id: string, decision: 'approve' | 'reject') {
  const ref = await regulatorRef(p, id);
  await p.regulator.sim.decideOrder(
    ref,
    decision === 'approve'
      ? { decision: 'approve' }
      : {
          decision: 'reject',
          reasons: [
            {
              field: 'websites.0.name',
              code: 'WEBSITE_NAME_MISMATCH',
              message: '网站名称与内容不符',
              suggestion: '请修改网站名称',
            },
          ],
        },
  );
  await p.settle();
}

/** Uploads one generated image of `kind` (a replacement, for 变更图片). */
export async function uploadImage(p: TestPlatform, a: LoggedIn, id: string, fields: Record<string, string>) {
  const { payload, headers } = multipart(fields, await jpeg());
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/v1/applicant/orders/${id}/materials`,
    payload,
    headers: { ...headers, cookie: a.cookie },
  });
  if (res.statusCode !== 201) throw new Error(`upload ${fields.kind} → ${res.statusCode}: ${res.body}`);
}

/** A fresh applicant's first filing (one person as both responsible persons), complete and ready, not submitted. */
export async function preparedFirstFiling(p: TestPlatform, prefix = 'filing') {
  const applicant = await newApplicant(p);
  const domain = uniqueDomain(prefix);
  const order = await api<OrderView>(
    p,
    applicant,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  const rp = person();
  const { code, ip } = await applicant.code();
  const data = { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] };
  await prepareForSubmit(p, applicant, order.id, data);
  return { applicant, id: order.id, rp, domain, code };
}

/** preparedFirstFiling, submitted. */
export async function submittedFirstFiling(p: TestPlatform, prefix = 'filing') {
  const prepared = await preparedFirstFiling(p, prefix);
  const view = await api<OrderView>(
    p,
    prepared.applicant,
    'POST',
    `/api/v1/applicant/orders/${prepared.id}/submit`,
    {},
  );
  return { ...prepared, view };
}
