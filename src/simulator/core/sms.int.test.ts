import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anIndividualSubject, aPerson, aSubmission, aUnitSubject, aWebsite, smsTarget } from '../test-builders.ts';
import { createTestSimulator, type TestSimulator } from '../test-support.ts';

let t: TestSimulator;
beforeAll(async () => {
  t = await createTestSimulator();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const HOUR = 3600_000;
const wang = aPerson('wang');
const li = aPerson('li');

/** A first filing whose subject and website responsible persons are the given people. */
async function submitFirstFiling(subjectPerson = wang, websitePerson = wang) {
  const subject = subjectPerson === websitePerson ? anIndividualSubject(subjectPerson) : aUnitSubject(subjectPerson);
  const targets =
    subjectPerson.mobile === websitePerson.mobile
      ? [smsTarget(subjectPerson, [{ role: 'subject' }, { role: 'website', websiteIndex: 0 }])]
      : [smsTarget(subjectPerson), smsTarget(websitePerson, [{ role: 'website', websiteIndex: 0 }])];
  const { regulatorRef } = await t.gateway.submit(
    aSubmission('first_filing', {
      subject,
      websites: [aWebsite('sms-test.cn', websitePerson)],
      smsTargets: targets,
    }),
  );
  return regulatorRef;
}

describe('MIIT SMS verification', () => {
  it('sends one 6-digit code to a mobile shared by both roles and stores only its HMAC', async () => {
    const ref = await submitFirstFiling();
    const outbox = await t.sim.readOutbox({ orderRef: ref });
    expect(outbox).toHaveLength(1);
    const code = await t.latestCode(wang.mobile);
    expect(code).toMatch(/^\d{6}$/);
    const rows = await t.db.selectFrom('sim_sms_verification').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.roles).toHaveLength(2);
    expect(rows[0]!.code_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);

    const status = await t.gateway.getStatus(ref);
    expect(status).toMatchObject({ state: 'sms_pending', deadlineAt: '2026-11-29T02:00:00.000Z' });
    if (status.state === 'sms_pending') expect(status.persons[0]?.mobileMasked).toBe('138****0001');

    const result = await t.sim.verifySms({ mobile: wang.mobile, code, idLast6: wang.idNumber.slice(-6) });
    expect(result).toEqual({ result: 'verified', orderRef: ref, orderState: 'admin_review' });
    expect(await t.gateway.getStatus(ref)).toEqual({ state: 'admin_review', smsRequired: true });
  });

  it('waits for the other person when only one of two mobiles has verified', async () => {
    const ref = await submitFirstFiling(wang, li);
    expect(await t.sim.readOutbox({ orderRef: ref })).toHaveLength(2);
    const first = await t.sim.verifySms({
      mobile: li.mobile,
      code: await t.latestCode(li.mobile),
      idLast6: li.idNumber.slice(-6),
    });
    expect(first.result).toBe('verified_waiting_for_others');
    const pending = await t.gateway.getStatus(ref);
    expect(pending.state).toBe('sms_pending');
    if (pending.state === 'sms_pending') expect(pending.persons.map((p) => p.state)).toEqual(['code_sent', 'verified']);

    t.clock.advance(20 * HOUR);
    const second = await t.sim.verifySms({
      mobile: wang.mobile,
      code: await t.latestCode(wang.mobile),
      idLast6: wang.idNumber.slice(-6),
    });
    expect(second).toMatchObject({ result: 'verified', orderState: 'admin_review' });
  });

  it('allows two resends, sends nothing on the third, and a resend replaces the code', async () => {
    const ref = await submitFirstFiling();
    const original = await t.latestCode(wang.mobile);
    const idLast6 = wang.idNumber.slice(-6);
    expect(await t.sim.resendSms({ mobile: wang.mobile, idLast6 })).toEqual({
      resent: [{ orderRef: ref, resendCount: 1, resendsLeft: 1 }],
    });
    await t.sim.resendSms({ mobile: wang.mobile, idLast6 });
    await expect(t.sim.resendSms({ mobile: wang.mobile, idLast6 })).rejects.toMatchObject({ code: 'SMS_RESEND_LIMIT' });
    expect(await t.sim.readOutbox({ mobile: wang.mobile })).toHaveLength(3);

    const latest = await t.latestCode(wang.mobile);
    if (latest !== original) {
      await expect(t.sim.verifySms({ mobile: wang.mobile, code: original, idLast6 })).rejects.toMatchObject({
        code: 'SMS_CODE_INVALID',
      });
    }
    expect((await t.sim.verifySms({ mobile: wang.mobile, code: latest, idLast6 })).result).toBe('verified');
  });

  it('refuses a resend with the wrong ID and for a mobile with nothing pending', async () => {
    await submitFirstFiling();
    await expect(t.sim.resendSms({ mobile: wang.mobile, idLast6: '000000' })).rejects.toMatchObject({
      code: 'SMS_ID_MISMATCH',
    });
    await expect(t.sim.resendSms({ mobile: '13999999999', idLast6: '000000' })).rejects.toMatchObject({
      code: 'SMS_NOT_PENDING',
    });
  });

  it('returns the order as sms_failed after 5 wrong ID entries; wrong codes are not counted', async () => {
    const ref = await submitFirstFiling(wang, li);
    const code = await t.latestCode(wang.mobile);
    const wrongCode = code === '000000' ? '111111' : '000000';
    await expect(t.sim.verifySms({ mobile: wang.mobile, code: wrongCode, idLast6: '999999' })).rejects.toMatchObject({
      code: 'SMS_CODE_INVALID',
    });
    for (let i = 1; i <= 4; i++) {
      await expect(t.sim.verifySms({ mobile: wang.mobile, code, idLast6: '999999' })).rejects.toMatchObject({
        code: 'SMS_ID_MISMATCH',
        details: { wrongAttempts: i, attemptsLeft: 5 - i },
      });
    }
    await expect(t.sim.verifySms({ mobile: wang.mobile, code, idLast6: '999999' })).rejects.toMatchObject({
      code: 'SMS_VERIFICATION_FAILED',
    });
    const status = await t.gateway.getStatus(ref);
    expect(status).toMatchObject({ state: 'returned', cause: 'sms_failed' });
    if (status.state === 'returned') {
      expect(status.reasons[0]).toMatchObject({ field: 'smsTargets.0.idLast6', code: 'SMS_VERIFICATION_FAILED' });
    }
    const persons = await t.db.selectFrom('sim_sms_verification').select(['mobile', 'state']).orderBy('id').execute();
    expect(persons).toEqual([
      { mobile: wang.mobile, state: 'failed' },
      { mobile: li.mobile, state: 'expired' },
    ]);
    await expect(
      t.sim.verifySms({ mobile: li.mobile, code: await t.latestCode(li.mobile), idLast6: li.idNumber.slice(-6) }),
    ).rejects.toMatchObject({ code: 'SMS_NOT_PENDING' });
  });

  it('returns the order as sms_timeout when 24 h pass without full verification', async () => {
    const ref = await submitFirstFiling(wang, li);
    await t.sim.verifySms({ mobile: li.mobile, code: await t.latestCode(li.mobile), idLast6: li.idNumber.slice(-6) });
    t.clock.advance(24 * HOUR - 1000);
    expect((await t.sim.tick()).smsExpired).toEqual([]);
    t.clock.advance(1000);
    // Past the deadline but before the sweep ran: the late entry is refused, not accepted.
    await expect(
      t.sim.verifySms({ mobile: wang.mobile, code: await t.latestCode(wang.mobile), idLast6: wang.idNumber.slice(-6) }),
    ).rejects.toMatchObject({ code: 'SMS_CODE_EXPIRED' });
    expect((await t.sim.tick()).smsExpired).toEqual([ref]);
    const status = await t.gateway.getStatus(ref);
    expect(status).toMatchObject({ state: 'returned', cause: 'sms_timeout' });
    if (status.state === 'returned') {
      expect(status.reasons).toHaveLength(1);
      expect(status.reasons[0]).toMatchObject({ field: 'smsTargets.0.mobile', code: 'SMS_TIMEOUT' });
    }
    expect((await t.sim.tick()).smsExpired).toEqual([]);
    expect(t.changes.filter((r) => r === ref).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps codes of the same mobile in two orders apart', async () => {
    const first = await submitFirstFiling();
    const { regulatorRef: second } = await t.gateway.submit(
      aSubmission('first_filing', {
        subject: aUnitSubject(li),
        websites: [aWebsite('second-order.cn', wang)],
        smsTargets: [smsTarget(li), smsTarget(wang, [{ role: 'website', websiteIndex: 0 }])],
      }),
    );
    const codeForSecond = await t.latestCode(wang.mobile);
    const r = await t.sim.verifySms({ mobile: wang.mobile, code: codeForSecond, idLast6: wang.idNumber.slice(-6) });
    expect(r.orderRef).toBe(second);
    expect((await t.gateway.getStatus(first)).state).toBe('sms_pending');
  });
});
