import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs, relogin } from './support/http.ts';
import {
  type Applicant,
  adminDecides,
  api,
  completeAndSubmit,
  getOrder,
  newApplicant,
  passProviderStages,
  prepareForSubmit,
  regulatorRef,
  verifyAllSms,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

let p: TestPlatform;
let reviewer: LoggedIn;

beforeAll(async () => {
  p = await createTestPlatform();
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
});
afterAll(async () => p?.close());

const start = (a: Applicant, body: unknown) => api<OrderView>(p, a, 'POST', '/api/v1/applicant/orders', body, 201);

/** A submitted first filing of an individual; returns the order id and its responsible person. */
async function submittedFirstFiling(a: Applicant) {
  const domain = uniqueDomain();
  const order = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false });
  const rp = person({ name: '周八' });
  const { code, ip } = await a.code();
  const data = {
    subject: individualSubject(rp),
    websites: [website(domain, code, ip, rp, { name: '周八的手工笔记' })],
  };
  await completeAndSubmit(p, a, order.id, data);
  return { id: order.id, rp, data, code };
}

describe('provider rejection → modify → resubmit', () => {
  it('keeps field-level reasons, allows editing only after the rejection, and goes back to 初审', async () => {
    const a = await newApplicant(p);
    const { id, data } = await submittedFirstFiling(a);
    // Under review the applicant cannot edit (assisted-correction terms).
    const locked = await injectJson(p.app, {
      method: 'PUT',
      url: `/api/v1/applicant/orders/${id}/data`,
      cookie: a.cookie,
      body: { version: (await getOrder(p, a, id)).version, data },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('ORDER_NOT_EDITABLE');

    const reasons = [
      {
        field: 'websites.0.name',
        code: 'WEBSITE_NAME_TOO_GENERIC',
        message: '网站名称过于笼统',
        suggestion: '请使用能体现网站内容的名称',
      },
    ];
    const rejected = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${id}/provider-review`, {
      decision: 'reject',
      reasons,
    });
    expect(rejected.state).toBe('provider_rejected');
    const seen = await getOrder(p, a, id);
    expect(seen.rejections.at(-1)?.reasons).toEqual(reasons);
    expect(seen.allowedActions).toContain('resubmit');

    const fixed = { ...data, websites: [{ ...data.websites[0]!, name: '周八的皮具手工教程' }] };
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version: seen.version, data: fixed });
    const again = await api<OrderView>(p, a, 'POST', `/api/v1/applicant/orders/${id}/submit`, {});
    expect(again.state).toBe('pending_provider_review');
    expect(again.data.websites[0]?.name).toBe('周八的皮具手工教程');

    // The reviewer of the resubmission sees what changed since the returned version, and why it was returned.
    const changes = await api<{
      submissionNumber: number;
      previousSubmittedAt: string | null;
      changes: { field: string; before: string | null; after: string | null }[];
      lastReasons: unknown[];
    }>(p, reviewer, 'GET', `/api/v1/reviewer/orders/${id}/changes`);
    expect(changes.submissionNumber).toBe(2);
    expect(changes.previousSubmittedAt).not.toBeNull();
    expect(changes.changes).toEqual([
      { field: 'websites.0.name', before: data.websites[0]!.name, after: '周八的皮具手工教程' },
    ]);
    expect(changes.lastReasons).toEqual(reasons);
    // An applicant cannot read it.
    const refused = await injectJson(p.app, {
      method: 'GET',
      url: `/api/v1/reviewer/orders/${id}/changes`,
      cookie: a.cookie,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('MIIT SMS verification failures return the order', () => {
  it('SMS not verified within 24 h → returned by MIIT; resubmission restarts the cycle', async () => {
    const a = await newApplicant(p);
    const { id } = await submittedFirstFiling(a);
    const view = await passProviderStages(p, a, reviewer, id);
    expect(view.state).toBe('pending_sms_verification');
    p.clock.advance(24 * 3600_000 + 60_000);
    await p.settle();
    // A day later the sessions have ended (30 minutes idle): log in again as a person would.
    const again0 = await relogin(p.app, p.ctx, a);
    reviewer = await relogin(p.app, p.ctx, reviewer);
    const returned = await getOrder(p, again0, id);
    expect(returned.state).toBe('returned_by_miit');
    expect(returned.rejections.at(-1)?.stage).toBe('miit_return');
    const again = await api<OrderView>(p, again0, 'POST', `/api/v1/applicant/orders/${id}/submit`, {});
    expect(again.state).toBe('pending_provider_review');
  });

  it('five wrong last-6 ID entries → returned by MIIT', async () => {
    const a = await newApplicant(p);
    const { id, rp } = await submittedFirstFiling(a);
    await passProviderStages(p, a, reviewer, id);
    const ref = await regulatorRef(p, id);
    const [message] = await p.regulator.sim.readOutbox({ orderRef: ref });
    const code = /核验码为 (\d{6})/.exec(message!.text)![1]!;
    for (let i = 0; i < 5; i++) {
      await p.regulator.sim.verifySms({ mobile: rp.mobile, code, idLast6: '000000' }).catch(() => undefined);
    }
    await p.settle();
    expect((await getOrder(p, a, id)).state).toBe('returned_by_miit');
  });
});

describe('administration rejection → resubmit', () => {
  it('管局驳回 carries reasons; the applicant modifies and resubmits to 初审', async () => {
    const a = await newApplicant(p);
    const { id, rp, data } = await submittedFirstFiling(a);
    await passProviderStages(p, a, reviewer, id);
    await verifyAllSms(p, id, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, id, 'reject');
    const rejected = await getOrder(p, a, id);
    expect(rejected.state).toBe('admin_rejected');
    expect(rejected.rejections.at(-1)).toMatchObject({ stage: 'admin', reasons: [{ field: 'websites.0.name' }] });
    const fixed = { ...data, websites: [{ ...data.websites[0]!, name: '周八的皮具工坊笔记' }] };
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version: rejected.version, data: fixed });
    const again = await api<OrderView>(p, a, 'POST', `/api/v1/applicant/orders/${id}/submit`, {});
    expect(again.state).toBe('pending_provider_review');
  });
});

describe('who may file, and how often', () => {
  it('a sub-account cannot file', async () => {
    const owner = await newApplicant(p);
    const sub = await loginAs(p.app, p.ctx, 'sub_account', { parent: owner.user });
    const res = await injectJson(p.app, {
      method: 'POST',
      url: '/api/v1/applicant/orders',
      cookie: sub.cookie,
      body: { kind: 'new', domain: uniqueDomain(), subjectAlreadyFiled: false },
    });
    expect(res.statusCode).toBe(403);
    // The sub-account still sees the account's orders (read-only).
    expect(
      (await injectJson(p.app, { method: 'GET', url: '/api/v1/applicant/orders', cookie: sub.cookie })).statusCode,
    ).toBe(200);
  });

  it('a second open order for the same subject is refused', async () => {
    const a = await newApplicant(p);
    await start(a, { kind: 'new', domain: uniqueDomain(), subjectAlreadyFiled: false });
    const res = await injectJson(p.app, {
      method: 'POST',
      url: '/api/v1/applicant/orders',
      cookie: a.cookie,
      body: { kind: 'new', domain: uniqueDomain(), subjectAlreadyFiled: false },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ORDER_ALREADY_OPEN');
  });

  it('an authorization code already in a filing is refused for another order; abandoning frees it', async () => {
    const a = await newApplicant(p);
    const { id, code } = await submittedFirstFiling(a);
    // The same account abandons nothing yet; a second account tries the first one's code.
    const b = await newApplicant(p);
    const domain = uniqueDomain();
    const other = await start(b, { kind: 'new', domain, subjectAlreadyFiled: false });
    const rp = person();
    const { ip } = await b.code();
    await prepareForSubmit(p, b, other.id, {
      subject: individualSubject(rp),
      websites: [website(domain, code, ip, rp)],
    });
    const submit = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${other.id}/submit`,
      cookie: b.cookie,
      body: {},
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().code).toBe('AUTH_CODE_IN_USE');
    expect((await getOrder(p, b, other.id)).state).toBe('draft');
    // Abandoning A's order releases its code back to unused.
    await api(p, a, 'POST', `/api/v1/applicant/orders/${id}/abandon`, {});
    const row = await p.ctx.db
      .selectFrom('authorization_codes')
      .select('state')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('unused');
  });

  it('an approved filing’s code is used and cannot be reused by a later order', async () => {
    const a = await newApplicant(p);
    const { id, rp, code } = await submittedFirstFiling(a);
    await passProviderStages(p, a, reviewer, id);
    await verifyAllSms(p, id, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, id, 'approve');
    const used = await p.ctx.db
      .selectFrom('authorization_codes')
      .select('state')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(used.state).toBe('used');
    const domain = uniqueDomain();
    const next = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false, intent: 'add_website' });
    const { ip } = await a.code();
    await prepareForSubmit(p, a, next.id, { websites: [website(domain, code, ip, rp, { name: '周八的第二个网站' })] });
    const submit = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/orders/${next.id}/submit`,
      cookie: a.cookie,
      body: {},
    });
    expect(submit.statusCode).toBe(409);
    expect(['AUTH_CODE_IN_USE', 'AUTH_CODE_INVALID']).toContain(submit.json().code);
  });

  it('two reviewers deciding the same order: exactly one wins', async () => {
    const a = await newApplicant(p);
    const { id } = await submittedFirstFiling(a);
    const other = await loginAs(p.app, p.ctx, 'reviewer');
    const { version } = await api<OrderView>(p, reviewer, 'GET', `/api/v1/reviewer/orders/${id}`);
    const decide = (who: LoggedIn, body: unknown) =>
      injectJson(p.app, {
        method: 'POST',
        url: `/api/v1/reviewer/orders/${id}/provider-review`,
        cookie: who.cookie,
        body,
      });
    const results = await Promise.all([
      decide(reviewer, { decision: 'approve', version }),
      decide(other, {
        decision: 'reject',
        version,
        reasons: [{ field: 'subject.mailingAddress', code: 'ADDRESS_INCOMPLETE', message: '地址不完整' }],
      }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
  });
});

describe('REL-2 Idempotency-Key on starting an order', () => {
  const post = (a: Applicant, key: string, body: unknown) =>
    injectJson(p.app, {
      method: 'POST',
      url: '/api/v1/applicant/orders',
      cookie: a.cookie,
      body,
      headers: { 'idempotency-key': key },
    });

  it('the same key and body return the same order; another body with the key is refused; a missing key just runs', async () => {
    const a = await newApplicant(p);
    const body = { kind: 'new', domain: uniqueDomain('idem'), subjectAlreadyFiled: false };
    const results = await Promise.all(Array.from({ length: 5 }, () => post(a, 'retry-key-0001', body)));
    const ok = results.filter((r) => r.statusCode === 201);
    // Concurrent copies either replay the stored answer or see the first still running (409); never a second order.
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 201 || r.json().code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(new Set(ok.map((r) => r.json().id)).size).toBe(1);
    const replay = await post(a, 'retry-key-0001', body);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(ok[0]!.json());
    const orders = await p.ctx.db
      .selectFrom('filing_orders')
      .select('id')
      .where('account_id', '=', a.user.id)
      .execute();
    expect(orders).toHaveLength(1);
    const other = await post(a, 'retry-key-0001', { ...body, domain: uniqueDomain('idem') });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a failed first attempt frees the key, and keys are scoped per account', async () => {
    const a = await newApplicant(p);
    const bad = { kind: 'new', domain: 'not a domain', subjectAlreadyFiled: false };
    expect((await post(a, 'retry-key-0002', bad)).statusCode).toBe(400);
    const good = { kind: 'new', domain: uniqueDomain('idem'), subjectAlreadyFiled: false };
    expect((await post(a, 'retry-key-0002', good)).statusCode).toBe(201);
    // Another account may use the same key for its own, different request.
    const b = await newApplicant(p);
    const c = await newApplicant(p);
    const theirs = await post(b, 'retry-key-0003', { ...good, domain: uniqueDomain('idem') });
    const mine = await post(c, 'retry-key-0003', { ...good, domain: uniqueDomain('idem') });
    expect(theirs.statusCode).toBe(201);
    expect(mine.statusCode).toBe(201);
    expect(mine.json().id).not.toBe(theirs.json().id);
  });
});
