import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { anIndividualSubject, aPerson, aSubmission, aUnitSubject, aWebsite, filedRecordFor } from '../test-builders.ts';
import { createTestSimulator, type TestSimulator } from '../test-support.ts';
import { beijingYear, formatSubjectNumber, parseWebsiteNumber } from './number-allocation.ts';

let t: TestSimulator;
beforeAll(async () => {
  t = await createTestSimulator();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  t.clock.set(new Date('2026-11-28T02:00:00Z'));
});

/** Submits without SMS targets (straight to review) and approves; returns the approved status. */
async function approve(s: RegulatorSubmission) {
  const { regulatorRef } = await t.gateway.submit(s);
  const status = await t.sim.decideOrder(regulatorRef, { decision: 'approve' });
  if (status.state !== 'approved' && status.state !== 'completed') throw new Error(JSON.stringify(status));
  return status;
}

const firstFiling = (subject = anIndividualSubject(), domains = ['alpha.cn']) =>
  aSubmission('first_filing', {
    province: subject.province,
    subject,
    websites: domains.map((d) => aWebsite(d, subject.responsiblePerson)),
  });

describe('number allocation (domain.md §9)', () => {
  it('formats numbers and reads the year in Beijing time', () => {
    expect(formatSubjectNumber('sichuan', 2026, 42)).toBe('蜀ICP备2026000042号');
    expect(beijingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(parseWebsiteNumber('京ICP备2026000001号-12')).toEqual({ subjectNumber: '京ICP备2026000001号', index: 12 });
    expect(parseWebsiteNumber('京ICP备2026000001号')).toBeNull();
  });

  it('allocates subject serials per province and -N per subject in approval order', async () => {
    const a = await approve(firstFiling(anIndividualSubject(aPerson('wang')), ['alpha.cn', 'beta.cn']));
    expect(a).toEqual({
      state: 'approved',
      subjectNumber: '京ICP备2026000001号',
      websites: [
        { domain: 'alpha.cn', websiteNumber: '京ICP备2026000001号-1' },
        { domain: 'beta.cn', websiteNumber: '京ICP备2026000001号-2' },
      ],
    });
    const b = await approve(firstFiling(anIndividualSubject(aPerson('li')), ['gamma.cn']));
    expect(b).toMatchObject({ subjectNumber: '京ICP备2026000002号' });
    const shanghai = anIndividualSubject(aPerson('zhao'), { province: 'shanghai', city: '上海市' });
    const c = await approve(firstFiling(shanghai, ['delta.cn']));
    expect(c).toMatchObject({
      subjectNumber: '沪ICP备2026000001号',
      websites: [{ websiteNumber: '沪ICP备2026000001号-1' }],
    });
  });

  it('never reuses a website index or a subject serial after cancellation', async () => {
    const subject = anIndividualSubject();
    const first = await approve(firstFiling(subject, ['one.cn', 'two.cn']));
    if (first.state !== 'approved') throw new Error();
    const number = first.subjectNumber;
    await approve(aSubmission('cancel_website', { subjectNumber: number, targetWebsiteNumbers: [`${number}-2`] }));
    const added = await approve(
      aSubmission('add_website_subject_here', { subjectNumber: number, websites: [aWebsite('three.cn')] }),
    );
    expect(added).toMatchObject({ websites: [{ domain: 'three.cn', websiteNumber: `${number}-3` }] });

    await approve(aSubmission('cancel_subject', { subjectNumber: number }));
    // The same person files again, even the same domain: a new serial, numbering restarts at -1 under it.
    const again = await approve(firstFiling(subject, ['one.cn']));
    expect(again).toMatchObject({
      subjectNumber: '京ICP备2026000002号',
      websites: [{ websiteNumber: '京ICP备2026000002号-1' }],
    });
  });

  it('starts a new serial sequence in the new Beijing year', async () => {
    await approve(firstFiling(anIndividualSubject(aPerson('wang')), ['year-a.cn']));
    t.clock.set(new Date('2026-12-31T16:30:00Z'));
    const next = await approve(firstFiling(anIndividualSubject(aPerson('li')), ['year-b.cn']));
    expect(next).toMatchObject({ subjectNumber: '京ICP备2027000001号' });
  });

  it('continues after fixed historical numbers created with createFiledRecord', async () => {
    const existing = await t.sim.createFiledRecord(
      filedRecordFor(aUnitSubject(aPerson('chen')), [{ domain: 'old.com', name: '老网站' }], {
        number: { year: 2026, serial: 500 },
      }),
    );
    expect(existing).toEqual({
      subjectNumber: '京ICP备2026000500号',
      websites: [{ domain: 'old.com', websiteNumber: '京ICP备2026000500号-1' }],
    });
    const next = await approve(firstFiling(anIndividualSubject(aPerson('wang')), ['new.cn']));
    expect(next).toMatchObject({ subjectNumber: '京ICP备2026000501号' });
  });

  it('gives two concurrent approvals distinct serials', async () => {
    const refs = await Promise.all(
      (['wang', 'li', 'zhao'] as const).map(async (who, i) => {
        const { regulatorRef } = await t.gateway.submit(firstFiling(anIndividualSubject(aPerson(who)), [`c${i}.cn`]));
        return regulatorRef;
      }),
    );
    const statuses = await Promise.all(refs.map((ref) => t.sim.decideOrder(ref, { decision: 'approve' })));
    const numbers = statuses.map((s) => (s.state === 'approved' ? s.subjectNumber : '')).sort();
    expect(numbers).toEqual(['京ICP备2026000001号', '京ICP备2026000002号', '京ICP备2026000003号']);
  });
});
