import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInProcessRegulator } from '../in-process-gateway.ts';
import { anIndividualSubject, aPerson, aSubmission, aWebsite, filedRecordFor, smsTarget } from '../test-builders.ts';
import { createTestSimulator, type TestSimulator } from '../test-support.ts';

let t: TestSimulator;
beforeAll(async () => {
  t = await createTestSimulator();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  t.clock.set(new Date('2026-11-28T02:00:00Z'));
});

const wang = aPerson('wang');
const subject = anIndividualSubject(wang);
const filing = (overrides = {}) =>
  aSubmission('first_filing', {
    subject,
    websites: [aWebsite('idem.cn')],
    smsTargets: [smsTarget(wang, [{ role: 'subject' }, { role: 'website', websiteIndex: 0 }])],
    ...overrides,
  });

describe('receiveSubmission', () => {
  it('is idempotent on the key: same ref, one order, one SMS', async () => {
    const s = filing();
    const [a, b] = await Promise.all([t.gateway.submit(s), t.gateway.submit(s)]);
    const c = await t.gateway.submit(s);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.regulatorRef).toMatch(/^SIM20261128\d{6}$/);
    expect(await t.sim.listOrders()).toHaveLength(1);
    expect(await t.sim.readOutbox({ mobile: wang.mobile })).toHaveLength(1);
    expect(await t.gateway.findSubmission(s.idempotencyKey)).toEqual(a);
    expect(await t.gateway.findSubmission('never-sent')).toBeNull();
  });

  it('treats a resubmission (new key) as a new order', async () => {
    const first = await t.gateway.submit(filing({ idempotencyKey: 'o-1:1', orderId: 'o-1' }));
    const second = await t.gateway.submit(filing({ idempotencyKey: 'o-1:2', orderId: 'o-1' }));
    expect(second.regulatorRef).not.toBe(first.regulatorRef);
  });

  it('rejects structurally unusable submissions with field-level reasons', async () => {
    const cases = [
      [aSubmission('first_filing', { websites: [aWebsite('x.cn')] }), 'subject', 'SUBJECT_REQUIRED'],
      [aSubmission('first_filing', { subject, websites: [] }), 'websites', 'WEBSITES_REQUIRED'],
      [
        aSubmission('add_website_subject_here', { websites: [aWebsite('x.cn')] }),
        'subjectNumber',
        'SUBJECT_NUMBER_REQUIRED',
      ],
      [
        aSubmission('first_filing', { province: 'shanghai', subject, websites: [aWebsite('x.cn')] }),
        'subject.province',
        'SUBJECT_PROVINCE_MISMATCH',
      ],
      [filing({ websites: [aWebsite('x.cn'), aWebsite('www.x.cn')] }), 'websites.1.domain', 'DOMAIN_DUPLICATED'],
      [filing({ smsTargets: [{ ...smsTarget(wang), idLast6: '12' }] }), 'smsTargets.0.idLast6', 'SMS_ID_LAST6_INVALID'],
      [
        filing({ smsTargets: [smsTarget(wang), { ...smsTarget(aPerson('li')), mobile: wang.mobile }] }),
        'smsTargets.1.mobile',
        'SMS_MOBILE_SHARED',
      ],
      [
        aSubmission('cancel_website', { subjectNumber: '京ICP备2020000001号' }),
        'targetWebsiteNumbers',
        'TARGET_WEBSITES_REQUIRED',
      ],
      [
        aSubmission('change_images', { subjectNumber: '京ICP备2020000001号' }),
        'subjectNumber',
        'SUBJECT_NUMBER_NOT_FOUND',
      ],
    ] as const;
    for (const [submission, field, code] of cases) {
      const { regulatorRef } = await t.gateway.submit(submission);
      const status = await t.gateway.getStatus(regulatorRef);
      expect(status, code).toMatchObject({ state: 'rejected_at_intake', reasons: [{ field, code }] });
    }
    expect(await t.sim.readOutbox()).toEqual([]);
  });

  it('refuses a first filing of a subject that already has a number, and data not matching the filed subject', async () => {
    const record = await t.sim.createFiledRecord(filedRecordFor(subject, [{ domain: 'have.cn', name: '已有' }]));
    const { regulatorRef } = await t.gateway.submit(filing());
    expect(await t.gateway.getStatus(regulatorRef)).toMatchObject({
      reasons: [{ field: 'subject.certificateNumber', code: 'SUBJECT_ALREADY_FILED' }],
    });
    const t3 = await t.gateway.submit(
      aSubmission('add_website_subject_elsewhere', {
        subjectNumber: record.subjectNumber,
        subject: { ...subject, sponsorName: '别的名字' },
        websites: [aWebsite('more.cn')],
      }),
    );
    expect(await t.gateway.getStatus(t3.regulatorRef)).toMatchObject({
      reasons: [{ field: 'subject.sponsorName', code: 'SUBJECT_DATA_MISMATCH' }],
    });
    const wrongProvince = await t.gateway.submit(
      aSubmission('change_images', { province: 'shanghai', subjectNumber: record.subjectNumber }),
    );
    expect(await t.gateway.getStatus(wrongProvince.regulatorRef)).toMatchObject({
      reasons: [{ field: 'province', code: 'SUBJECT_PROVINCE_MISMATCH' }],
    });
  });

  it('sends orders without SMS targets straight to review, and NOT_FOUND for unknown refs', async () => {
    const { regulatorRef } = await t.gateway.submit(filing({ smsTargets: [] }));
    expect(await t.gateway.getStatus(regulatorRef)).toEqual({ state: 'admin_review', smsRequired: false });
    await expect(t.gateway.getStatus('SIM-nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('announces every change after commit', async () => {
    const seen: string[] = [];
    const off = t.onStatusChange((ref) => seen.push(ref));
    const { regulatorRef } = await t.gateway.submit(filing());
    await t.gateway.submit(filing({ idempotencyKey: 'other' })); // second order, same mobile
    off();
    await t.gateway.submit(filing({ idempotencyKey: 'after-unsubscribe' }));
    expect(seen[0]).toBe(regulatorRef);
    expect(seen).toHaveLength(2);
  });
  it('isolates a failing listener and reports its error', async () => {
    const errors: unknown[] = [];
    const regulator = createInProcessRegulator({
      db: t.db,
      clock: t.clock,
      options: { smsSecret: 'x', onBackgroundError: (e) => errors.push(e) },
    });
    regulator.onStatusChange(() => {
      throw new Error('listener bug');
    });
    const { regulatorRef } = await regulator.gateway.submit(filing({ smsTargets: [] }));
    expect((await regulator.gateway.getStatus(regulatorRef)).state).toBe('admin_review');
    expect(errors).toHaveLength(1);
  });

  it('ticks in the background once started', async () => {
    const { regulatorRef } = await t.gateway.submit(filing());
    t.clock.advance(25 * 3600_000);
    const stop = t.sim.startTicking(20);
    try {
      await vi.waitFor(async () => expect((await t.gateway.getStatus(regulatorRef)).state).toBe('returned'), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      stop();
    }
  });
});

describe('review policies', () => {
  it('auto-approves at once with no delay and on tick once a delay has passed', async () => {
    await t.sim.setPolicy('beijing', { mode: 'auto_approve', delaySeconds: 0 });
    const now = await t.gateway.submit(filing({ smsTargets: [] }));
    expect(await t.gateway.getStatus(now.regulatorRef)).toMatchObject({ state: 'approved' });

    await t.sim.setPolicy('beijing', { mode: 'auto_approve', delaySeconds: 600 });
    const later = await t.gateway.submit(
      filing({ subject: anIndividualSubject(aPerson('li')), websites: [aWebsite('later.cn')], smsTargets: [] }),
    );
    t.clock.advance(599_000);
    expect((await t.sim.tick()).autoDecided).toEqual([]);
    t.clock.advance(1000);
    expect((await t.sim.tick()).autoDecided).toEqual([{ ref: later.regulatorRef, state: 'approved' }]);
  });

  it('auto-rejects with an explanatory reason and counts the delay from the end of SMS verification', async () => {
    await t.sim.setPolicy('beijing', { mode: 'auto_reject', delaySeconds: 60 });
    const { regulatorRef } = await t.gateway.submit(filing());
    t.clock.advance(3600_000);
    expect((await t.sim.tick()).autoDecided).toEqual([]);
    await t.sim.verifySms({
      mobile: wang.mobile,
      code: await t.latestCode(wang.mobile),
      idLast6: wang.idNumber.slice(-6),
    });
    t.clock.advance(60_000);
    await t.sim.tick();
    expect(await t.gateway.getStatus(regulatorRef)).toMatchObject({
      state: 'admin_rejected',
      reasons: [{ code: 'ADMIN_REJECTED_BY_POLICY' }],
    });
  });

  it('turns an auto-approval the records no longer allow into a rejection', async () => {
    const a = await t.gateway.submit(filing({ smsTargets: [] }));
    const b = await t.gateway.submit(
      filing({ idempotencyKey: 'b', subject: anIndividualSubject(aPerson('li')), smsTargets: [] }),
    );
    await t.sim.decideOrder(a.regulatorRef, { decision: 'approve' });
    await t.sim.setPolicy('beijing', { mode: 'auto_approve', delaySeconds: 0 });
    await t.sim.tick();
    expect(await t.gateway.getStatus(b.regulatorRef)).toMatchObject({
      state: 'admin_rejected',
      reasons: [{ field: 'websites.0.domain', code: 'DOMAIN_ALREADY_FILED' }],
    });
    const policies = await t.sim.listPolicies();
    expect(policies).toHaveLength(31);
    expect(policies.find((p) => p.province === 'beijing')).toEqual({
      province: 'beijing',
      mode: 'auto_approve',
      delaySeconds: 0,
    });
    expect(policies.find((p) => p.province === 'xizang')).toEqual({
      province: 'xizang',
      mode: 'manual',
      delaySeconds: 0,
    });
  });
});
