import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevSmsOutbox } from '../src/adapters/notifications/sms-sender.outbox.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { hashVerifyToken } from '../src/use-cases/verification/verify-links.ts';
import { individualSubject, jpeg, multipart, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { type Applicant, api, completeAndSubmit, getOrder, newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Phone verification links (issue 7 item 5): issued by the applicant for one website's responsible person,
 * opened and used once on a phone without signing in, expiring on the injected clock, rate limited per IP.
 */
let p: TestPlatform;
let a: Applicant;
let reviewer: LoggedIn;
let orderId: string;
let rp: ReturnType<typeof person>;
const RATE_LIMIT = 40;
const BASE = 'https://beian.example.cn';

beforeAll(async () => {
  p = await createTestPlatform({
    regulator: 'in_process',
    config: { VERIFY_LINK_RATE_LIMIT: String(RATE_LIMIT), PUBLIC_BASE_URL: BASE },
  });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
  a = await newApplicant(p);
  const domain = uniqueDomain('verify');
  const order = await api<OrderView>(
    p,
    a,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  orderId = order.id;
  rp = person({ name: '赵一鸣' });
  const { code, ip } = await a.code();
  await completeAndSubmit(p, a, orderId, { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] });
});
afterAll(async () => p?.close());

const issue = (body: unknown, status = 201) =>
  api(p, a, 'POST', `/api/v1/applicant/orders/${orderId}/verify-links`, body, status);
const open = (token: string) =>
  injectJson(p.app, { method: 'POST', url: '/api/v1/mobile-verify/session', body: { token } });
async function upload(token: string, file?: Buffer) {
  const { payload, headers } = multipart({ token, kind: 'curtain_photo' }, file ?? (await jpeg()));
  return p.app.inject({ method: 'POST', url: '/api/v1/mobile-verify/upload', payload, headers });
}

describe('phone verification links', () => {
  it('are refused while the order takes no verification photo (初审 pending, legacy ordering)', async () => {
    const res = await issue({ websiteIndex: 0 }, 409);
    expect(res.code).toBe('VERIFY_NOT_NEEDED');
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${orderId}/provider-review`, { decision: 'approve' });
    expect((await getOrder(p, a, orderId)).state).toBe('pending_authenticity_verification');
  });

  it('issue a link with the token in the fragment, store only its hash, and text it on request', async () => {
    const issued = await issue({ websiteIndex: 0, sendSms: true });
    expect(issued.url).toMatch(/^https:\/\/beian\.example\.cn\/m\/verify#[A-Za-z0-9_-]{43}$/);
    expect(issued.url.endsWith(`#${issued.token}`)).toBe(true);
    expect(issued.ttlSeconds).toBe(600);
    expect(new Date(issued.expiresAt).getTime() - p.clock.now().getTime()).toBe(600_000);
    expect(issued.sms).toBe('sent');
    expect(issued.mobileMasked).toBe(`${rp.mobile.slice(0, 3)}****${rp.mobile.slice(-4)}`);
    const rows = await p.ctx.db.selectFrom('verify_links').selectAll().where('order_id', '=', orderId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashVerifyToken(issued.token));
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    const texts = await listDevSmsOutbox(p.ctx.db, p.ctx.cipher);
    expect(texts.find((t) => t.text.includes(issued.url))).toBeTruthy();
  });

  it('point at PUBLIC_BASE_URL whatever Host header the request names (the SMS carries the provider name)', async () => {
    const res = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/verify-links`,
      cookie: a.cookie,
      headers: { host: 'beian-login.phish.example', 'x-forwarded-host': 'beian-login.phish.example' },
      body: { websiteIndex: 0, sendSms: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().url.startsWith(`${BASE}/m/verify#`)).toBe(true);
    const texts = await listDevSmsOutbox(p.ctx.db, p.ctx.cipher);
    expect(texts.some((t) => t.text.includes('phish'))).toBe(false);
  });

  it('are opened without signing in: masked name, order reference, limits; a wrong token is refused', async () => {
    p.clock.advance(1000);
    const issued = await issue({ websiteIndex: 0 });
    const res = await open(issued.token);
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json();
    expect(session).toMatchObject({
      orderRef: orderId.slice(0, 8).toUpperCase(),
      websiteIndex: 0,
      personNameMasked: '赵**',
      kind: 'curtain_photo',
      maxImageBytes: p.ctx.config.UPLOAD_MAX_BYTES,
    });
    expect(res.body).not.toContain(rp.idNumber);
    expect(res.body).not.toContain(rp.mobile);
    // Opening is not using: a reload of the page works.
    expect((await open(issued.token)).statusCode).toBe(200);
    const wrong = await open(`${issued.token.slice(0, -2)}xx`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('VERIFY_LINK_INVALID');
    const list = await api(p, a, 'GET', `/api/v1/applicant/orders/${orderId}/verify-links`);
    expect(list.items[0]).toMatchObject({ websiteIndex: 0, state: 'opened' });
    expect(list.items[1]).toMatchObject({ state: 'revoked' });
  });

  it('a newer link revokes the older one', async () => {
    const older = await issue({ websiteIndex: 0 });
    await issue({ websiteIndex: 0 });
    const res = await open(older.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VERIFY_LINK_EXPIRED');
  });

  it('expire after the TTL on the injected clock', async () => {
    const issued = await issue({ websiteIndex: 0 });
    p.clock.advance(9 * 60_000);
    expect((await open(issued.token)).statusCode).toBe(200);
    p.clock.advance(60_001);
    const res = await open(issued.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VERIFY_LINK_EXPIRED');
    expect((await upload(issued.token)).json().code).toBe('VERIFY_LINK_EXPIRED');
  });

  it('take one upload: a refused file keeps the link, the photo lands on the order, a second use is refused', async () => {
    const issued = await issue({ websiteIndex: 0 });
    const notImage = await upload(issued.token, Buffer.from('<html>not a photo</html>'));
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().code).toBe('MATERIAL_TYPE_NOT_ALLOWED');
    const ok = await upload(issued.token);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      received: true,
      kind: 'curtain_photo',
      contentType: 'image/jpeg',
      reencoded: true,
    });
    const view = await getOrder(p, a, orderId);
    expect(view.materials.filter((m) => m.kind === 'curtain_photo' && m.websiteIndex === 0)).toHaveLength(1);
    const again = await upload(issued.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VERIFY_LINK_USED');
    expect((await open(issued.token)).json().code).toBe('VERIFY_LINK_USED');
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('order_id', '=', orderId)
      .where('action', '=', 'material.uploaded')
      .execute();
    const viaPhone = audit.filter((r) => (r.details as { via?: string } | null)?.via === 'phone_link');
    expect(viaPhone).toHaveLength(1);
    expect(viaPhone[0]!.actor_id).toBe(a.user.id);
    // The applicant can now hand the photos in, as with a portal upload.
    const submitted = await api<OrderView>(p, a, 'POST', `/api/v1/applicant/orders/${orderId}/authenticity`);
    expect(submitted.state).toBe('authenticity_under_review');
  });

  it('cannot be issued by another account, for a website the order lacks, or by anonymous callers', async () => {
    const other = await newApplicant(p);
    const foreign = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/verify-links`,
      cookie: other.cookie,
      body: { websiteIndex: 0 },
    });
    expect(foreign.statusCode).toBe(404);
    const anonymous = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${orderId}/verify-links`,
      body: { websiteIndex: 0 },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('are rate limited per client on the anonymous routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) statuses.push((await open('x'.repeat(43))).statusCode);
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
    const limited = await open('x'.repeat(43));
    expect(limited.json().code).toBe('RATE_LIMITED');
  });
});
