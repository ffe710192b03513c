import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from '../src/adapters/regulator/callback-signature.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { CALLBACK_PATH } from '../src/contracts/regulator-protocol.ts';
import { enterpriseSubject, individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import {
  type Applicant,
  api,
  completeAndSubmit,
  getOrder,
  newApplicant,
  passProviderStages,
  regulatorRef,
  uploadImage,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * The platform ↔ regulator protocol over real HTTP: signed callbacks, polling as the safety net, MIIT's SMS rules
 * and the domain checks, each result reaching the applicant.
 */
let p: TestPlatform;
let reviewer: LoggedIn;

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'http' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
});
afterAll(async () => p?.close());

const start = (a: Applicant, body: unknown) => api<OrderView>(p, a, 'POST', '/api/v1/applicant/orders', body, 201);

/** A first filing at MIIT awaiting SMS verification; `websitePerson` defaults to the subject's. */
async function atSms(opts: { websitePerson?: ReturnType<typeof person>; domain?: string } = {}) {
  const a = await newApplicant(p);
  const domain = opts.domain ?? uniqueDomain();
  const rp = person({ name: '陈一' });
  const wp = opts.websitePerson ?? rp;
  const order = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false });
  const { code, ip } = await a.code();
  await completeAndSubmit(p, a, order.id, {
    subject: individualSubject(rp),
    websites: [website(domain, code, ip, wp, { name: '陈一的园艺笔记', sameAsSubjectResponsible: wp === rp })],
  });
  const view = await passProviderStages(p, a, reviewer, order.id);
  return { a, id: order.id, rp, wp, view };
}

const codeFor = async (mobile: string) => {
  const [m] = await p.regulator.sim.readOutbox({ mobile, limit: 1 });
  return /核验码为 (\d{6})/.exec(m!.text)![1]!;
};

describe('signed callbacks', () => {
  const callback = (body: object, opts: { secret?: string; at?: number } = {}) => {
    const raw = JSON.stringify(body);
    const ts = opts.at ?? Math.floor(p.clock.now().getTime() / 1000);
    return p.app.inject({
      method: 'POST',
      url: CALLBACK_PATH,
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'x-beian-timestamp': String(ts),
        'x-beian-signature': signCallback(opts.secret ?? p.ctx.config.REGULATOR_CALLBACK_SECRET, ts, raw),
      },
    });
  };
  const event = { eventId: 'e-1', regulatorRef: 'SIM-UNKNOWN', orderId: 'x', state: 'approved', occurredAt: 'now' };

  it('accepts a correctly signed callback and refuses forged, stale or unsigned ones', async () => {
    expect((await callback(event)).statusCode).toBe(204);
    const forged = await callback(event, { secret: 'someone-elses-secret-123' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CALLBACK_SIGNATURE_INVALID');
    expect((await callback(event, { at: Math.floor(p.clock.now().getTime() / 1000) - 301 })).statusCode).toBe(403);
    const unsigned = await injectJson(p.app, { method: 'POST', url: CALLBACK_PATH, body: event });
    expect(unsigned.statusCode).toBe(403);
  });

  it('a callback moves the order at once; duplicates and late copies change nothing', async () => {
    const { a, id, rp } = await atSms();
    await p.regulator.sim.verifySms({
      mobile: rp.mobile,
      code: await codeFor(rp.mobile),
      idLast6: rp.idNumber.slice(-6),
    });
    // Only the simulator's callback runs here (no platform poll): it alone must bring the order forward.
    await p.service!.app.simulator.callbacks.dispatchCallbacks();
    expect((await getOrder(p, a, id)).state).toBe('pending_admin_review');
    const ref = await regulatorRef(p, id);
    const again = { eventId: 'dup', regulatorRef: ref, orderId: id, state: 'sms_pending', occurredAt: 'earlier' };
    expect((await callback(again)).statusCode).toBe(204);
    expect((await getOrder(p, a, id)).state).toBe('pending_admin_review');
  });

  it('a lost callback is recovered by polling', async () => {
    const { a, id, rp } = await atSms();
    p.service!.app.simulator.callbacks.dropNext(10);
    await p.regulator.sim.verifySms({
      mobile: rp.mobile,
      code: await codeFor(rp.mobile),
      idLast6: rp.idNumber.slice(-6),
    });
    await p.service!.app.simulator.callbacks.dispatchCallbacks();
    expect((await getOrder(p, a, id)).state).toBe('pending_sms_verification');
    await p.settle(); // the platform's poll asks the regulator
    expect((await getOrder(p, a, id)).state).toBe('pending_admin_review');
    p.service!.app.simulator.callbacks.dropNext(0);
  });
});

describe('MIIT SMS verification (domain.md §6.1)', () => {
  it('one mobile for both persons gets one code', async () => {
    const { id, rp } = await atSms();
    const messages = await p.regulator.sim.readOutbox({ orderRef: await regulatorRef(p, id) });
    expect(messages.map((m) => m.mobile)).toEqual([rp.mobile]);
  });

  it('two mobiles: the first to verify waits for the other; the order moves only when both are done', async () => {
    const wp = person({ name: '陈二', isLegalPerson: false });
    const { a, id, rp } = await atSms({ websitePerson: wp });
    const first = await p.regulator.sim.verifySms({
      mobile: rp.mobile,
      code: await codeFor(rp.mobile),
      idLast6: rp.idNumber.slice(-6),
    });
    expect(first.result).toBe('verified_waiting_for_others');
    await p.settle();
    const waiting = await getOrder(p, a, id);
    expect(waiting.state).toBe('pending_sms_verification');
    expect(waiting.sms?.persons.map((x) => x.state).sort()).toEqual(['code_sent', 'verified']);
    await p.regulator.sim.verifySms({
      mobile: wp.mobile,
      code: await codeFor(wp.mobile),
      idLast6: wp.idNumber.slice(-6),
    });
    await p.settle();
    expect((await getOrder(p, a, id)).state).toBe('pending_admin_review');
  });

  it('at most 2 resends; the third sends nothing', async () => {
    const { rp } = await atSms();
    const before = (await p.regulator.sim.readOutbox({ mobile: rp.mobile })).length;
    await p.regulator.sim.resendSms({ mobile: rp.mobile, idLast6: rp.idNumber.slice(-6) });
    await p.regulator.sim.resendSms({ mobile: rp.mobile, idLast6: rp.idNumber.slice(-6) });
    await expect(
      p.regulator.sim.resendSms({ mobile: rp.mobile, idLast6: rp.idNumber.slice(-6) }),
    ).rejects.toMatchObject({
      code: 'SMS_RESEND_LIMIT',
    });
    expect((await p.regulator.sim.readOutbox({ mobile: rp.mobile })).length).toBe(before + 2);
  });

  it('24 hours on the simulator’s own clock return the order; the platform’s clock is untouched', async () => {
    const { a, id } = await atSms();
    const platformNow = p.clock.now().getTime();
    const res = await fetch(`${p.service!.url}/api/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: 25 * 3600 }),
    });
    expect(res.status).toBe(200);
    expect(p.clock.now().getTime()).toBe(platformNow);
    await p.settle();
    const returned = await getOrder(p, a, id);
    expect(returned.state).toBe('returned_by_miit');
    expect(returned.rejections.at(-1)?.stage).toBe('miit_return');
  });
});

describe('domain verification failures reach the applicant with their reason (§6.3)', () => {
  const registrant = { name: '其他人', certificateType: 'resident_id', certificateNumber: '110105199001011234' };
  it.each([
    ['DOMAIN_TLD_NOT_APPROVED', (d: string) => ({ domain: d.replace(/\.cn$/, '.io') })],
    [
      'DOMAIN_REGISTRAR_NOT_APPROVED',
      (d: string) => ({ domain: d, registrar: 'Overseas Registrar Inc.', registrarApproved: false }),
    ],
    ['DOMAIN_EXPIRED', (d: string) => ({ domain: d, expiresAt: '2026-01-01T00:00:00Z' })],
    ['DOMAIN_REAL_NAME_MISSING', (d: string) => ({ domain: d, realNameStatus: 'not_verified' as const })],
    ['DOMAIN_REAL_NAME_NOT_REPORTED', (d: string) => ({ domain: d, realNameStatus: 'verified_not_reported' as const })],
    ['DOMAIN_REGISTRANT_MISMATCH', (d: string) => ({ domain: d, registrant })],
  ])('%s', async (code, entry) => {
    const a = await newApplicant(p);
    const rp = person({ name: '陈三' });
    const e = entry(uniqueDomain('dc'));
    await p.regulator.sim.registerDomain({
      registrant: { name: rp.name, certificateType: 'resident_id', certificateNumber: rp.idNumber },
      ...e,
      ...(code === 'DOMAIN_REGISTRANT_MISMATCH' && { registrant }),
    } as never);
    const order = await start(a, { kind: 'new', domain: e.domain, subjectAlreadyFiled: false });
    const { code: authCode, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(e.domain, authCode, ip, rp)],
    });
    await passProviderStages(p, a, reviewer, order.id);
    const view = await getOrder(p, a, order.id);
    expect(view.state).toBe('admin_rejected');
    const reasons = view.rejections.at(-1)?.reasons ?? [];
    expect(reasons.map((r) => r.code)).toContain(code);
    const reason = reasons.find((r) => r.code === code)!;
    expect(reason.field).toBe('websites.0.domain');
    expect(reason.suggestion?.length).toBeGreaterThan(0);
  });
});

describe('the unit path through the service', () => {
  it('an enterprise first filing gets its numbers over the HTTP gateway', async () => {
    const a = await newApplicant(p);
    const legal = person({ name: '周九' });
    const domain = uniqueDomain('corp');
    const order = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false });
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      subject: enterpriseSubject(legal, { sponsorName: '北京九章数据有限公司' }),
      websites: [website(domain, code, ip, legal, { name: '九章数据官网' })],
    });
    await passProviderStages(p, a, reviewer, order.id);
    await p.regulator.sim.verifySms({
      mobile: legal.mobile,
      code: await codeFor(legal.mobile),
      idLast6: legal.idNumber.slice(-6),
    });
    await p.settle();
    const ref = await regulatorRef(p, order.id);
    await p.regulator.sim.decideOrder(ref, { decision: 'approve' });
    await p.settle();
    const done = await getOrder(p, a, order.id);
    expect(done.state).toBe('approved');
    expect(done.numbers?.subjectNumber).toMatch(/^京ICP备\d{10}号$/);
  });
});

describe('national records are editable through the simulator API', () => {
  it('POST /api/records files a subject elsewhere; the platform then determines 新增接入 for its domain', async () => {
    const rp = person({ name: '郑十一' });
    const domain = uniqueDomain('elsewhere');
    const res = await fetch(`${p.service!.url}/api/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        province: 'beijing',
        subject: {
          name: rp.name,
          subjectType: 'individual',
          certificateType: 'resident_id',
          certificateNumber: rp.idNumber,
          responsible: { name: rp.name, idType: 'resident_id', idNumber: rp.idNumber },
        },
        websites: [{ domain, name: '郑十一的摄影集' }],
      }),
    });
    expect(res.status).toBe(200);
    const filed = (await res.json()) as { subjectNumber: string; websites: Array<{ websiteNumber: string }> };
    expect(filed.websites[0]?.websiteNumber).toBe(`${filed.subjectNumber}-1`);
    const a = await newApplicant(p);
    const order = await start(a, {
      kind: 'new',
      domain,
      subjectAlreadyFiled: true,
      subjectFilingNumber: filed.subjectNumber,
    });
    expect(order.type).toBe('add_access_subject_elsewhere');
  });
});

describe('a submission whose outcome is unknown', () => {
  it('is looked up by its idempotency key before any resend, so MIIT receives the order once', async () => {
    const a = await newApplicant(p);
    const domain = uniqueDomain('lost-answer');
    const rp = person({ name: '钱十二' });
    const order = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false });
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(domain, code, ip, rp)],
    });
    const real = p.ctx.regulator;
    let submits = 0;
    // The regulator takes the order, but the answer never reaches the platform (a connection reset).
    p.ctx.regulator = {
      ...real,
      submit: async (s) => {
        submits += 1;
        await real.submit(s);
        throw new Error('socket hang up');
      },
    };
    try {
      const view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
        decision: 'approve',
      });
      expect(view.state).toBe('pending_authenticity_verification');
      await passProviderStagesAfterApproval(a, order.id);
      await p.settle();
      p.clock.advance(5_000); // past the first backoff
      await p.settle();
    } finally {
      p.ctx.regulator = real;
    }
    expect(submits).toBe(1);
    expect((await getOrder(p, a, order.id)).state).toBe('pending_sms_verification');
    const atRegulator = (await p.regulator.sim.listOrders({})).filter((o) => o.orderId === order.id);
    expect(atRegulator).toHaveLength(1);
  });
});

/** The curtain photo and its approval, for an order already past 初审. */
async function passProviderStagesAfterApproval(a: Applicant, id: string) {
  await uploadImage(p, a, id, { kind: 'curtain_photo', websiteIndex: '0' });
  await api(p, a, 'POST', `/api/v1/applicant/orders/${id}/authenticity`);
  await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${id}/authenticity-review`, { decision: 'approve' });
}
