import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { createInProcessRegulator } from '../in-process-gateway.ts';
import { anIndividualSubject, aPerson, aSubmission, aUnitSubject, aWebsite, filedRecordFor } from '../test-builders.ts';
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
const li = aPerson('li');
const person = anIndividualSubject(wang);
const asRegistrant = { name: wang.name, certificateType: 'resident_id', certificateNumber: wang.idNumber };

async function intake(s: RegulatorSubmission) {
  const { regulatorRef } = await t.gateway.submit(s);
  return t.gateway.getStatus(regulatorRef);
}
const fileDomain = (domain: string, subject = person) =>
  intake(aSubmission('first_filing', { subject, websites: [aWebsite(domain, subject.responsiblePerson)] }));

describe('domain verification at intake (domain.md §6.3)', () => {
  it('passes a registered, approved, valid, reported domain of the filer, also given as www.', async () => {
    await t.sim.registerDomain({ domain: 'good.cn', registrant: asRegistrant });
    expect(await fileDomain('www.good.cn')).toEqual({ state: 'admin_review', smsRequired: false });
  });

  it.each([
    ['DOMAIN_TLD_NOT_APPROVED', { domain: 'startup.io' }, '.io', '注册商'],
    ['DOMAIN_REGISTRAR_NOT_APPROVED', { domain: 'abroad.com', registrar: 'GoDaddy.com, LLC' }, 'GoDaddy', '转入'],
    ['DOMAIN_EXPIRED', { domain: 'old.cn', expiresAt: '2026-10-01T00:00:00Z' }, '2026-10-01', '续费'],
    [
      'DOMAIN_REAL_NAME_MISSING',
      { domain: 'anon.cn', realNameStatus: 'not_verified' as const },
      '实名',
      '完成域名实名认证',
    ],
    [
      'DOMAIN_REAL_NAME_NOT_REPORTED',
      { domain: 'new.cn', realNameStatus: 'verified_not_reported' as const },
      '报送',
      '3个工作日',
    ],
  ])('rejects %s with a field-level reason and its fix', async (code, entry, inMessage, inSuggestion) => {
    await t.sim.registerDomain({ registrant: asRegistrant, ...entry });
    const status = await fileDomain(entry.domain);
    expect(status.state).toBe('rejected_at_intake');
    if (status.state !== 'rejected_at_intake') return;
    expect(status.reasons).toHaveLength(1);
    const [reason] = status.reasons;
    expect(reason).toMatchObject({ field: 'websites.0.domain', code });
    expect(reason?.message).toContain(inMessage);
    expect(reason?.suggestion).toContain(inSuggestion);
  });

  it('reports every failed condition of one domain', async () => {
    await t.sim.registerDomain({
      domain: 'bad.io',
      registrar: 'NameCheap, Inc.',
      expiresAt: '2025-01-01T00:00:00Z',
      realNameStatus: 'not_verified',
      registrant: asRegistrant,
    });
    const status = await fileDomain('bad.io');
    expect(status.state === 'rejected_at_intake' && status.reasons.map((r) => r.code)).toEqual([
      'DOMAIN_TLD_NOT_APPROVED',
      'DOMAIN_REGISTRAR_NOT_APPROVED',
      'DOMAIN_EXPIRED',
      'DOMAIN_REAL_NAME_MISSING',
    ]);
  });

  it('requires an individual to be the registrant', async () => {
    await t.sim.registerDomain({
      domain: 'borrowed.cn',
      registrant: { name: li.name, certificateType: 'resident_id', certificateNumber: li.idNumber },
    });
    const status = await fileDomain('borrowed.cn');
    expect(status).toMatchObject({
      state: 'rejected_at_intake',
      reasons: [{ field: 'websites.0.domain', code: 'DOMAIN_REGISTRANT_MISMATCH' }],
    });
    if (status.state === 'rejected_at_intake') expect(status.reasons[0]?.suggestion).toContain('本人');
  });

  it('accepts the unit or its responsible person as registrant of a unit filing, nobody else', async () => {
    const unit = aUnitSubject(wang);
    await t.sim.registerDomain({
      domain: 'unit-owned.com',
      registrant: {
        name: unit.sponsorName,
        certificateType: 'uscc_certificate',
        certificateNumber: unit.certificateNumber,
      },
    });
    await t.sim.registerDomain({ domain: 'boss-owned.com', registrant: asRegistrant });
    await t.sim.registerDomain({
      domain: 'staff-owned.com',
      registrant: { name: li.name, certificateType: 'resident_id', certificateNumber: li.idNumber },
    });
    const status = await intake(
      aSubmission('first_filing', {
        subject: unit,
        websites: ['unit-owned.com', 'boss-owned.com', 'staff-owned.com'].map((d) => aWebsite(d)),
      }),
    );
    expect(status).toMatchObject({
      state: 'rejected_at_intake',
      reasons: [{ field: 'websites.2.domain', code: 'DOMAIN_REGISTRANT_MISMATCH' }],
    });
  });

  it('counts real-name data as reported after the configured delay (tick)', async () => {
    await t.sim.registerDomain({
      domain: 'waiting.cn',
      realNameStatus: 'verified_not_reported',
      registrant: asRegistrant,
    });
    t.clock.advance(3 * 24 * 3600_000 - 1000);
    expect((await t.sim.tick()).domainsReported).toBe(0);
    t.clock.advance(1000);
    expect((await t.sim.tick()).domainsReported).toBe(1);
    const { registry } = await t.sim.findRecords({ domain: 'waiting.cn' });
    expect(registry).toMatchObject({ realNameStatus: 'verified', realNameReportedAt: '2026-12-01T02:00:00.000Z' });
    expect((await fileDomain('waiting.cn')).state).toBe('admin_review');
  });

  it('lets a renewal fix an expired domain by editing only the expiry', async () => {
    await t.sim.registerDomain({ domain: 'renew.cn', expiresAt: '2026-01-01T00:00:00Z', registrant: asRegistrant });
    expect((await fileDomain('renew.cn')).state).toBe('rejected_at_intake');
    const entry = await t.sim.registerDomain({ domain: 'renew.cn', expiresAt: '2027-06-01T00:00:00Z' });
    expect(entry.registrant).toEqual(asRegistrant);
    expect((await fileDomain('renew.cn')).state).toBe('admin_review');
  });

  it('refuses domains already filed, and access filings for domains not filed under the subject', async () => {
    const other = await t.sim.createFiledRecord(
      filedRecordFor(aUnitSubject(li, { certificateNumber: '91310000MA1K3YJ12X' }), [
        { domain: 'taken.com', name: '别人的站' },
      ]),
    );
    expect(await fileDomain('taken.com')).toMatchObject({
      state: 'rejected_at_intake',
      reasons: [{ field: 'websites.0.domain', code: 'DOMAIN_ALREADY_FILED' }],
    });
    const mine = await t.sim.createFiledRecord(filedRecordFor(person, [{ domain: 'mine.cn', name: '我的站' }]));
    const access = (domain: string) =>
      intake(
        aSubmission('add_access_subject_here', { subjectNumber: mine.subjectNumber, websites: [aWebsite(domain)] }),
      );
    expect(await access('taken.com')).toMatchObject({ reasons: [{ code: 'DOMAIN_FILED_UNDER_OTHER_SUBJECT' }] });
    expect(await access('never-filed.cn')).toMatchObject({ reasons: [{ code: 'DOMAIN_NOT_FILED' }] });
    expect((await access('mine.cn')).state).toBe('admin_review');
    expect(other.subjectNumber).not.toBe(mine.subjectNumber);
  });

  it('verifies the domain of an access filing too', async () => {
    const mine = await t.sim.createFiledRecord(filedRecordFor(person, [{ domain: 'lapsed.cn', name: '我的站' }]));
    await t.sim.registerDomain({ domain: 'lapsed.cn', expiresAt: '2026-11-01T00:00:00Z' });
    const status = await intake(
      aSubmission('add_access_subject_here', { subjectNumber: mine.subjectNumber, websites: [aWebsite('lapsed.cn')] }),
    );
    expect(status).toMatchObject({ reasons: [{ field: 'websites.0.domain', code: 'DOMAIN_EXPIRED' }] });
  });
});

describe('unknown-domain policy', () => {
  it("'pass' (default) treats an unregistered domain with an approved TLD as the filer's", async () => {
    expect((await fileDomain('anything-goes.com')).state).toBe('admin_review');
    expect(await fileDomain('anything-goes.io')).toMatchObject({ reasons: [{ code: 'DOMAIN_TLD_NOT_APPROVED' }] });
    expect((await fileDomain('例子.中国')).state).toBe('admin_review');
  });

  it("'fail' rejects an unregistered domain", async () => {
    const strict = createInProcessRegulator({ db: t.db, clock: t.clock, options: { unknownDomainPolicy: 'fail' } });
    const { regulatorRef } = await strict.gateway.submit(
      aSubmission('first_filing', { subject: person, websites: [aWebsite('unknown.com')] }),
    );
    expect(await strict.gateway.getStatus(regulatorRef)).toMatchObject({
      state: 'rejected_at_intake',
      reasons: [{ field: 'websites.0.domain', code: 'DOMAIN_NOT_REGISTERED' }],
    });
  });
});
