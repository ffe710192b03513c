import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, type LoggedIn, loginAs } from '../../../test/support/http.ts';
import { api, getOrder, preparedFirstFiling, submittedFirstFiling } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { changeResourceLifecycle } from '../resources/change-resource-lifecycle.ts';

/**
 * A code applied for on a running server whose server is released, or lapses, before the order is submitted or
 * resubmitted: the submission is refused on that website's code field, and nothing the applicant saved is lost.
 */
let p: TestPlatform;
let admin: LoggedIn;
let reviewer: LoggedIn;

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  admin = await loginAs(p.app, p.ctx, 'admin');
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
});
afterAll(async () => p?.close());

const resourceOf = async (code: string) =>
  (
    await p.ctx.db
      .selectFrom('authorization_codes')
      .select('resource_id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).resource_id;
const codeState = async (code: string) =>
  (await p.ctx.db.selectFrom('authorization_codes').select('state').where('code', '=', code).executeTakeFirstOrThrow())
    .state;
const lifecycle = (resourceId: string, change: Parameters<typeof changeResourceLifecycle>[1]['change']) =>
  changeResourceLifecycle(p.ctx, { resourceId, change, actor: { id: admin.user.id, role: 'admin' } });
const submit = (who: LoggedIn, id: string) =>
  injectJson(p.app, { method: 'POST', url: `/api/v1/applicant/orders/${id}/submit`, cookie: who.cookie, body: {} });

describe('a code whose server is gone', () => {
  it('released before the first submission: the draft is refused on its code field, the unused code invalidated', async () => {
    const { applicant: a, id, code } = await preparedFirstFiling(p, 'gone');
    const resourceId = await resourceOf(code);
    await lifecycle(resourceId, { status: 'released' });
    expect(await codeState(code)).toBe('invalid');
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select(['reason', 'details'])
      .where('action', '=', 'authorization_code.invalidated')
      .where('reason', '=', 'resource_released')
      .execute();
    expect(audit.some((r) => (r.details as { code?: string }).code === code)).toBe(true);

    const res = await submit(a, id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'AUTH_CODE_RESOURCE_GONE',
      details: { websiteIndex: 0, field: 'websites.0.authorizationCode', reason: 'released' },
    });
    const after = await getOrder(p, a, id);
    expect(after.state).toBe('draft');
    expect(after.data.websites[0]?.authorizationCode).toBe(code);

    // Restored and given a new code, the same draft goes through.
    await lifecycle(resourceId, { status: 'running' });
    const fresh = await a.code();
    const { version, data } = await getOrder(p, a, id);
    const websites = data.websites.map((w) => ({ ...w, authorizationCode: fresh.code }));
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version, data: { ...data, websites } });
    expect((await submit(a, id)).statusCode).toBe(200);
  });

  it('lapsed while a rejected order waits: the resubmission is refused; the code it holds stays with it', async () => {
    const { applicant, id, view } = await submittedFirstFiling(p, 'lapsed');
    const code = view.data.websites[0]!.authorizationCode!;
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${id}/provider-review`, {
      decision: 'reject',
      reasons: [{ field: 'websites.0.name', code: 'WEBSITE_NAME_INVALID', message: '网站名称不符合要求' }],
    });
    await lifecycle(await resourceOf(code), { expiresAt: new Date(p.clock.now().getTime() - 1000) });
    const res = await submit(applicant, id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'AUTH_CODE_RESOURCE_GONE', details: { reason: 'expired' } });
    expect(await codeState(code)).toBe('in_filing');
  });
});
