import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, ReasonTemplate, StaffAccount } from '../src/contracts/operations-api.ts';
import { injectJson, type LoggedIn, loginAs, relogin } from './support/http.ts';
import { newApplicant } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 8 item 6: admins maintain the reason templates reviewers pick from, the notice board applicants read,
 * staff roles and accounts, and look authorization codes up before invalidating one with a reason.
 */
let p: TestPlatform;
let reviewer: LoggedIn;
let admin: LoggedIn;

const call = <T = any>(
  who: LoggedIn | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  body?: unknown,
  status = 200,
) =>
  injectJson(p.app, { method, url, ...(who && { cookie: who.cookie }), ...(body !== undefined && { body }) }).then(
    (res) => {
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json() as T;
    },
  );

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
  admin = await loginAs(p.app, p.ctx, 'admin');
});
afterAll(async () => p?.close());

describe('issue-8.6 operations', () => {
  it('reason templates start with the defaults; an admin adds one and retires one; reviewers see the active ones', async () => {
    const start = await call<{ items: ReasonTemplate[] }>(reviewer, 'GET', '/api/v1/reviewer/reason-templates');
    expect(start.items.map((t) => t.code)).toContain('IMAGE_UNCLEAR');
    await call(reviewer, 'PUT', '/api/v1/admin/reason-templates/DOMAIN_NOT_OWNED', {}, 403);
    const body = {
      scope: 'field',
      zh: '域名持有者与主体不一致',
      en: 'The domain holder is not the subject',
      active: true,
      sort: 5,
    };
    await call(admin, 'PUT', '/api/v1/admin/reason-templates/DOMAIN_NOT_OWNED', body);
    await call(admin, 'PUT', '/api/v1/admin/reason-templates/NOT_ORIGINAL', {
      scope: 'material',
      zh: '非原件彩色扫描件',
      en: 'Not a colour scan of the original',
      active: false,
      sort: 80,
    });
    const now = await call<{ items: ReasonTemplate[] }>(reviewer, 'GET', '/api/v1/reviewer/reason-templates');
    expect(now.items[0]).toMatchObject({ code: 'DOMAIN_NOT_OWNED', zh: body.zh });
    expect(now.items.map((t) => t.code)).not.toContain('NOT_ORIGINAL');
    const all = await call<{ items: ReasonTemplate[] }>(admin, 'GET', '/api/v1/reviewer/reason-templates?all=true');
    expect(all.items.find((t) => t.code === 'NOT_ORIGINAL')?.active).toBe(false);
    await call(admin, 'PUT', '/api/v1/admin/reason-templates/bad-code', body, 400);
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', admin.user.id)
      .where('action', 'like', 'reason_template.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['reason_template.created', 'reason_template.updated']);
  });

  it('a notice shows on the public board from its start to its end, and not once withdrawn', async () => {
    const at = (ms: number) => new Date(p.clock.now().getTime() + ms).toISOString();
    const notice = {
      level: 'warning',
      titleZh: '国庆假期管局暂停审核',
      titleEn: 'Administrations pause reviews over National Day',
      bodyZh: '10月1日至7日提交的备案将于假期后审核。',
      bodyEn: 'Filings submitted from 1 to 7 October are reviewed after the holiday.',
      startsAt: at(60_000),
      endsAt: at(3600_000),
    };
    await call(admin, 'POST', '/api/v1/admin/notices', { ...notice, endsAt: at(0) }, 400);
    const created = await call<Notice>(admin, 'POST', '/api/v1/admin/notices', notice, 201);
    const board = () =>
      call<{ items: Notice[] }>(null, 'GET', '/api/v1/public/notices').then((r) => r.items.map((n) => n.id));
    expect(await board()).not.toContain(created.id);
    p.clock.advance(120_000);
    expect(await board()).toContain(created.id);
    await call(admin, 'POST', `/api/v1/admin/notices/${created.id}/withdrawal`);
    expect(await board()).not.toContain(created.id);
    const other = await call<Notice>(admin, 'POST', '/api/v1/admin/notices', { ...notice, startsAt: at(0) }, 201);
    expect(await board()).toContain(other.id);
    p.clock.advance(3600_000);
    expect(await board()).not.toContain(other.id);
  });

  it('an admin changes a colleague’s role and disables them (their session ends), never their own account', async () => {
    // The notice test moved the clock past the staff idle timeout.
    admin = await relogin(p.app, p.ctx, admin);
    const colleague = await loginAs(p.app, p.ctx, 'reviewer', { displayName: 'Colleague' });
    const list = await call<{ items: StaffAccount[] }>(admin, 'GET', '/api/v1/admin/staff');
    expect(list.items.find((s) => s.id === colleague.user.id)).toMatchObject({ role: 'reviewer', disabled: false });
    await call(admin, 'PATCH', `/api/v1/admin/staff/${colleague.user.id}`, { role: 'senior_reviewer', reason: '晋升' });
    const afterRole = await injectJson(p.app, {
      method: 'GET',
      url: '/api/v1/reviewer/queue/assignees',
      cookie: colleague.cookie,
    });
    expect(afterRole.statusCode).toBe(401);
    await call(admin, 'PATCH', `/api/v1/admin/staff/${colleague.user.id}`, { disabled: true, reason: '离职' });
    const signInAgain = await injectJson(p.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: colleague.user.email, password: colleague.password },
    });
    expect(signInAgain.statusCode).not.toBe(200);
    const self = await injectJson(p.app, {
      method: 'PATCH',
      url: `/api/v1/admin/staff/${admin.user.id}`,
      cookie: admin.cookie,
      body: { disabled: true, reason: '试试' },
    });
    expect(self.statusCode).toBe(403);
    const applicant = await newApplicant(p);
    await call(admin, 'PATCH', `/api/v1/admin/staff/${applicant.user.id}`, { role: 'admin', reason: '不应成功' }, 404);
  });

  it('an admin looks a code up (in the body) and invalidates it with a reason', async () => {
    [admin, reviewer] = await Promise.all([relogin(p.app, p.ctx, admin), relogin(p.app, p.ctx, reviewer)]);
    const a = await newApplicant(p);
    const { code } = await a.code();
    const found = await call(admin, 'POST', '/api/v1/admin/authorization-codes/lookup', { code });
    expect(found).toMatchObject({ code, state: 'unused', accountId: a.user.id, orderId: null });
    await call(reviewer, 'POST', '/api/v1/admin/authorization-codes/lookup', { code }, 403);
    await call(admin, 'POST', `/api/v1/admin/authorization-codes/${code}/invalidation`, { reason: '服务器已退订' });
    expect((await call(admin, 'POST', '/api/v1/admin/authorization-codes/lookup', { code })).state).toBe('invalid');
    await call(admin, 'POST', '/api/v1/admin/authorization-codes/lookup', { code: 'NOPE-0000' }, 404);
  });
});
