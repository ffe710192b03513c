import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, AuditVerifyResponse } from '../src/contracts/audit-api.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { type Applicant, api, completeAndSubmit, newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 8 item 6, the audit search: filters, keyset paging newest first, actors by e-mail only in a body, no
 * personal data in the rows; the hash chain's check names exactly the entry changed behind the log's back.
 */
let p: TestPlatform;
let applicant: Applicant;
let reviewer: LoggedIn;
let admin: LoggedIn;
let senior: LoggedIn;
let orderId: string;
let rp: ReturnType<typeof person>;

const search = (who: LoggedIn, body: Record<string, unknown>) =>
  api<AuditPage>(p, who, 'POST', '/api/v1/admin/audit/search', body);
const verify = (who: LoggedIn, body: Record<string, unknown> = {}) =>
  api<AuditVerifyResponse>(p, who, 'POST', '/api/v1/admin/audit/verify', body);

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer', { displayName: 'Audit Reviewer' });
  admin = await loginAs(p.app, p.ctx, 'admin');
  senior = await loginAs(p.app, p.ctx, 'senior_reviewer');
  applicant = await newApplicant(p);
  const domain = uniqueDomain('audit');
  const order = await api<OrderView>(
    p,
    applicant,
    'POST',
    '/api/v1/applicant/orders',
    { kind: 'new', domain, subjectAlreadyFiled: false },
    201,
  );
  orderId = order.id;
  rp = person();
  const { code, ip } = await applicant.code();
  await completeAndSubmit(p, applicant, orderId, {
    subject: individualSubject(rp),
    websites: [website(domain, code, ip, rp)],
  });
  p.clock.advance(60_000);
  await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${orderId}/reveal`, {
    path: 'websites.0.responsiblePerson.mobile',
    reason: '核对手机号',
  });
  await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${orderId}/provider-review`, { decision: 'approve' });
}, 120_000);
afterAll(async () => p?.close());

describe('issue-8.6 audit search', () => {
  it('filters by order, newest first, each row with actor, action, states and no personal data', async () => {
    const page = await search(admin, { orderId, limit: 200 });
    expect(page.items.length).toBeGreaterThan(4);
    expect(page.items.every((e) => e.orderId === orderId)).toBe(true);
    const ids = page.items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x > y ? -1 : x < y ? 1 : 0)));
    const approval = page.items.find((e) => e.action === 'order.provider_approve');
    expect(approval).toMatchObject({
      actor: { id: reviewer.user.id, role: 'reviewer', displayName: 'Audit Reviewer' },
      fromState: 'pending_provider_review',
    });
    const submit = page.items.find((e) => e.action === 'order.submit');
    // An applicant's display name may be their own name: the row names the role and id only.
    expect(submit?.actor).toEqual({ id: applicant.user.id, role: 'applicant', displayName: null });
    const text = JSON.stringify(page);
    for (const pi of [rp.mobile, rp.idNumber, rp.name, applicant.user.email]) expect(text).not.toContain(pi);
  });

  it('filters by action prefix, by actor id (GET) or e-mail (POST body only), and by time', async () => {
    const orders = await search(admin, { action: 'order.', limit: 200 });
    expect(orders.items.length).toBeGreaterThan(0);
    expect(orders.items.every((e) => e.action.startsWith('order.'))).toBe(true);
    const reveals = await search(admin, { action: 'pi.revealed' });
    expect(reveals.items.map((e) => [e.action, e.reason, e.details.path])).toEqual([
      ['pi.revealed', '核对手机号', 'websites.0.responsiblePerson.mobile'],
    ]);
    // `_` is literal in a prefix, not LIKE's any-character.
    expect((await search(admin, { action: 'order_' })).items).toEqual([]);

    const byEmail = await search(admin, { actorEmail: reviewer.user.email.toUpperCase(), limit: 200 });
    const byId = await api<AuditPage>(p, admin, 'GET', `/api/v1/admin/audit?actorId=${reviewer.user.id}&limit=200`);
    expect(byEmail.items.map((e) => e.id)).toEqual(byId.items.map((e) => e.id));
    expect(new Set(byId.items.map((e) => e.actor.id))).toEqual(new Set([reviewer.user.id]));
    expect(byId.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login.success', 'pi.revealed', 'order.provider_approve']),
    );
    expect((await search(admin, { actorEmail: 'nobody@test.example' })).items).toEqual([]);
    // E-mails never travel in a URL: the GET form has no such filter.
    const inUrl = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/admin/audit?actorEmail=${encodeURIComponent(reviewer.user.email)}`,
      cookie: admin.cookie,
    });
    expect(inUrl.statusCode).toBe(400);

    const all = await search(admin, { orderId, limit: 200 });
    const revealAt = all.items.find((e) => e.action === 'pi.revealed')!.at;
    const later = await search(admin, { orderId, from: revealAt, limit: 200 });
    expect(later.items.every((e) => e.at >= revealAt)).toBe(true);
    expect(later.items.map((e) => e.action)).toEqual(expect.arrayContaining(['pi.revealed', 'order.provider_approve']));
    expect(later.items.map((e) => e.action)).not.toContain('order.submit');
    const earlier = await search(admin, { orderId, to: revealAt, limit: 200 });
    expect(earlier.items.every((e) => e.at < revealAt)).toBe(true);
    expect(earlier.items.map((e) => e.action)).toContain('order.submit');
    expect(earlier.items.length + later.items.length).toBe(all.items.length);
  });

  it('pages by id with a cursor: no entry twice, none missed; untilId starts the list at an entry', async () => {
    const all = await search(admin, { limit: 200 });
    const seen: AuditEntry[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const page = await search(admin, { limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Searching is not audited, so the log did not move while paging.
    expect(seen.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    const middle = all.items[5]!;
    const from = await search(admin, { untilId: middle.id, limit: 2 });
    expect(from.items[0]?.id).toBe(middle.id);
    expect(from.nextCursor).toBe(from.items[1]?.id);
  });

  it('masks the client address kept for logins to its network part', async () => {
    const logins = await search(admin, { action: 'auth.login.success', actorId: admin.user.id });
    expect(logins.items[0]?.details.ip).toBe('127.0.*.*');
  });

  it('is for admins and senior reviewers only', async () => {
    expect((await search(senior, { orderId })).items.length).toBeGreaterThan(0);
    for (const who of [reviewer, applicant]) {
      for (const [method, url] of [
        ['GET', '/api/v1/admin/audit'],
        ['POST', '/api/v1/admin/audit/search'],
        ['POST', '/api/v1/admin/audit/verify'],
      ] as const) {
        const res = await injectJson(p.app, {
          method,
          url,
          cookie: who.cookie,
          ...(method === 'POST' && { body: {} }),
        });
        expect(res.statusCode, `${who.user.role} ${method} ${url}`).toBe(403);
      }
    }
  });
});

describe('issue-8.6 hash-chain verification', () => {
  it('an intact chain verifies, and the check itself is on the record', async () => {
    const before = await p.ctx.db
      .selectFrom('audit_log')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const result = await verify(admin);
    expect(result).toEqual({ ok: true, checked: Number(before.n) });
    const recorded = await search(admin, { action: 'audit.chain_verified', actorId: admin.user.id });
    expect(recorded.items[0]?.details).toEqual({ ok: true, checked: Number(before.n) });
  });

  it('a row changed by SQL is named exactly; a range after it still verifies', async () => {
    const entries = (await search(admin, { orderId, action: 'pi.revealed' })).items;
    const target = entries[0]!.id;
    const stored = await p.ctx.db
      .selectFrom('audit_log')
      .select('hash')
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET reason = ${'看看而已'} WHERE id = ${target}`.execute(p.ctx.db);

    const result = await verify(senior);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenId).toBe(target);
    expect(result.foundHash).toBe(stored.hash);
    expect(result.expectedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.expectedHash).not.toBe(stored.hash);
    expect(result.checked).toBe(
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE id <= ${target}`.execute(p.ctx.db)).rows[0]!
          .n,
      ),
    );
    const recorded = await search(admin, { action: 'audit.chain_verified', actorId: senior.user.id });
    expect(recorded.items[0]?.details).toMatchObject({ ok: false, firstBrokenId: target });

    // The rows after it still link to its stored hash: a range starting after it is intact.
    const after = await verify(admin, { fromId: String(BigInt(target) + 1n) });
    expect(after.ok).toBe(true);
    const upTo = await verify(admin, { toId: target });
    expect(upTo).toMatchObject({ ok: false, firstBrokenId: target });
  });
});
