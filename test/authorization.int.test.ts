import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import { ROLES, type Role } from '../src/domain/roles.ts';
import { individualSubject, jpeg, multipart, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { type Applicant, api, newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

let p: TestPlatform;
const sessions = new Map<Role, LoggedIn>();

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) sessions.set(role, await loginAs(p.app, p.ctx, role));
});
afterAll(async () => p?.close());

const ANY_UUID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, ANY_UUID);

describe('asvs-8.2.1 every route × every role', () => {
  it('every API route declares who may call it', () => {
    const undeclared = p.app.routeTable.filter((r) => /^\/(api|sim)\//.test(r.url) && r.access === undefined);
    // The documentation routes are public by design; everything else must say so explicitly.
    expect(undeclared.filter((r) => !r.url.startsWith('/api/docs'))).toEqual([]);
  });

  it('no role reaches a route it is not listed for, and listed roles are never refused', async () => {
    // Logout ends the session the other rows need, so it goes last.
    const routes = p.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/') && r.access !== undefined)
      .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    expect(routes.length).toBeGreaterThan(25);
    const problems: string[] = [];
    for (const route of routes) {
      for (const role of [...ROLES, 'anonymous'] as const) {
        const who = role === 'anonymous' ? undefined : sessions.get(role);
        const res = await injectJson(p.app, {
          method: route.method as 'GET',
          url: concrete(route.url),
          ...(who && { cookie: who.cookie }),
          ...(route.method !== 'GET' && { body: {} }),
        });
        const allowed = route.access === 'public' || (role !== 'anonymous' && route.access!.includes(role));
        const refused = res.statusCode === 401 || res.statusCode === 403;
        // A listed role may still get 403 from a business rule (e.g. a sub-account may not file) — but then the
        // code says so; the generic FORBIDDEN from the access check must never hit a listed role.
        if (allowed && refused && res.json().code === 'FORBIDDEN' && res.statusCode === 403) {
          problems.push(`${role} refused on ${route.method} ${route.url}`);
        }
        if (allowed && res.statusCode === 401) problems.push(`${role} got 401 on ${route.method} ${route.url}`);
        if (!allowed && !refused) problems.push(`${role} reached ${route.method} ${route.url} (${res.statusCode})`);
        if (!allowed && role === 'anonymous' && res.statusCode !== 401)
          problems.push(`anonymous not 401 on ${route.url}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('asvs-8.2.2 applicants reach only their own data (IDOR)', () => {
  let owner: Applicant;
  let intruder: Applicant;
  let orderId: string;
  let materialId: string;

  beforeAll(async () => {
    owner = await newApplicant(p);
    intruder = await newApplicant(p);
    const domain = uniqueDomain();
    const order = await api<OrderView>(
      p,
      owner,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain, subjectAlreadyFiled: false },
      201,
    );
    orderId = order.id;
    const rp = person();
    const { code, ip } = await owner.code();
    await api(p, owner, 'PUT', `/api/v1/applicant/orders/${orderId}/data`, {
      version: order.version,
      data: { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] },
    });
    const { payload, headers } = multipart({ kind: 'personal_id', validUntil: '2036-01-01' }, await jpeg());
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/materials`,
      payload,
      headers: { ...headers, cookie: owner.cookie },
    });
    materialId = res.json().id;
  });

  it.each([
    ['GET', () => `/api/v1/applicant/orders/${orderId}`],
    ['GET', () => `/api/v1/applicant/orders/${orderId}/precheck`],
    ['GET', () => `/api/v1/applicant/orders/${orderId}/materials`],
    ['GET', () => `/api/v1/applicant/materials/${materialId}/content`],
    ['POST', () => `/api/v1/applicant/orders/${orderId}/submit`],
    ['POST', () => `/api/v1/applicant/orders/${orderId}/abandon`],
    ['POST', () => `/api/v1/applicant/orders/${orderId}/terms`],
    ['POST', () => `/api/v1/applicant/orders/${orderId}/reveal`],
  ] as const)('%s %s by another applicant answers 404', async (method, url) => {
    const body = url().endsWith('/terms')
      ? { infoSecurityAgreement: true, assistedCorrectionTerms: true }
      : url().endsWith('/reveal')
        ? { path: 'subject.responsiblePerson.idNumber', reason: '核对证件' }
        : method === 'POST'
          ? {}
          : undefined;
    const res = await injectJson(p.app, { method, url: url(), cookie: intruder.cookie, ...(body && { body }) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('idNumber');
  });

  it('the intruder’s order list does not contain the owner’s order', async () => {
    const list = await api(p, intruder, 'GET', '/api/v1/applicant/orders');
    expect(list.items.map((o: { id: string }) => o.id)).not.toContain(orderId);
  });

  it('asvs-15.3.3 mass assignment: unknown fields in the body are refused', async () => {
    const view = await api<OrderView>(p, owner, 'GET', `/api/v1/applicant/orders/${orderId}`);
    const res = await injectJson(p.app, {
      method: 'PUT',
      url: `/api/v1/applicant/orders/${orderId}/data`,
      cookie: owner.cookie,
      body: { version: view.version, data: view.data, state: 'approved' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('PI-2 responses mask personal data; a reveal is audited and shows one field', async () => {
    const view = await api<OrderView>(p, owner, 'GET', `/api/v1/applicant/orders/${orderId}`);
    const idMasked = view.data.subject?.responsiblePerson?.idNumber ?? '';
    expect(idMasked).toMatch(/^\d{3}\*+[\dX]{4}$/);
    expect(view.data.subject?.responsiblePerson?.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    // Staff reads of submitted orders are covered in least-privilege.int.test.ts; a draft is the owner's alone.
    const revealed = await api(p, owner, 'POST', `/api/v1/applicant/orders/${orderId}/reveal`, {
      path: 'subject.responsiblePerson.idNumber',
      reason: '本人核对',
    });
    expect(revealed.value).toHaveLength(18);
    expect(revealed.value.slice(-4)).toBe(idMasked.slice(-4));
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pi.revealed')
      .where('order_id', '=', orderId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(revealed.value);
  });

  it('saving the masked form it was shown keeps the stored values', async () => {
    const view = await api<OrderView>(p, owner, 'GET', `/api/v1/applicant/orders/${orderId}`);
    await api(p, owner, 'PUT', `/api/v1/applicant/orders/${orderId}/data`, { version: view.version, data: view.data });
    const revealed = await api(p, owner, 'POST', `/api/v1/applicant/orders/${orderId}/reveal`, {
      path: 'subject.responsiblePerson.idNumber',
      reason: '本人查看',
    });
    expect(revealed.value).not.toContain('*');
  });
});
